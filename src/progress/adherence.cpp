#include "progress/adherence.hpp"

#include <cmath>
#include <set>

namespace unknot {

Adherence summarise_adherence(const std::vector<DayTotals>& days, int today, int window) {
    Adherence a;
    int first = today - window + 1, middle = today - window / 2 + 1;
    int sessions = 0, last = first - 1;
    struct Sum {
        int sessions = 0, holds = 0, tenderness = 0;
    } recent, earlier;
    std::set<int> rolled;
    for (const auto& d : days) {
        if (d.day < first || d.day > today || d.sessions <= 0) continue;
        sessions += d.sessions;
        rolled.insert(d.day);
        if (d.day > last) last = d.day;
        auto& half = d.day >= middle ? recent : earlier;
        half.sessions += d.sessions, half.holds += d.holds, half.tenderness += d.tenderness_sum;
    }
    a.sessions_per_week = window > 0 ? sessions * 7.0 / window : 0;
    if (!rolled.empty()) a.days_since_last = today - last;
    // Today not rolled yet does not break a streak; yesterday not rolled does.
    int day = rolled.count(today) ? today : today - 1;
    while (rolled.count(day)) ++a.streak, --day;
    a.streak_capped = a.streak > 0 && day < first;
    auto avg = [](int num, int den) { return den > 0 ? std::optional<double>(double(num) / den) : std::nullopt; };
    a.spots_recent = avg(recent.holds, recent.sessions);
    a.spots_earlier = avg(earlier.holds, earlier.sessions);
    a.tenderness_recent = avg(recent.tenderness, recent.holds);
    a.tenderness_earlier = avg(earlier.tenderness, earlier.holds);
    return a;
}

std::string trend_word(const std::optional<double>& recent, const std::optional<double>& earlier) {
    if (!recent || !earlier) return "";
    double base = std::max(std::abs(*earlier), 1.0);
    double change = (*recent - *earlier) / base;
    if (change <= -0.1) return "down";
    if (change >= 0.1) return "up";
    return "same";
}

}  // namespace unknot
