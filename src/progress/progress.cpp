#include "progress/progress.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace unknot {

std::string_view to_string(Trend t) {
    switch (t) {
        case Trend::not_enough_data: return "not_enough_data";
        case Trend::fewer_and_milder: return "fewer_and_milder";
        case Trend::fewer: return "fewer";
        case Trend::milder: return "milder";
        case Trend::unchanged: return "unchanged";
        case Trend::worse: return "worse";
    }
    return "unchanged";
}

namespace {

std::optional<double> median(std::vector<double> v) {
    if (v.empty()) return std::nullopt;
    std::sort(v.begin(), v.end());
    auto n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

double mean(const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += x;
    return v.empty() ? 0 : s / static_cast<double>(v.size());
}

// What one session contributed for one area.
struct Sample {
    explicit Sample(int d, int s = 0) : day(d), spots(s) {}
    int day;
    int spots;
    int sessions = 1;  // on a day's merged sample: how many sessions it adds up
    std::vector<double> start, end, release;
};

struct HalfStats {
    double mean = 0, squares = 0;  // squares: the sum of squared deviations from the mean
};

HalfStats stats_of(const std::vector<double>& v) {
    HalfStats h{mean(v), 0};
    for (double x : v) h.squares += (x - h.mean) * (x - h.mean);
    return h;
}

// Later half minus earlier half, when the change is at least `step` and beyond the day-to-day
// spread; 0 when it is not a real change.
double real_change(const std::vector<double>& a, const std::vector<double>& b, double step) {
    auto x = stats_of(a), y = stats_of(b);
    double change = y.mean - x.mean;
    auto dof = static_cast<double>(a.size() + b.size()) - 2.0;
    double spread = dof > 0 ? std::sqrt((x.squares + y.squares) / dof) : 0;
    return std::abs(change) + 1e-9 >= step && std::abs(change) > spread ? change : 0;
}

// Compares the earlier half of the days with the later half (the rule: progress.hpp).
Trend trend_of(const std::map<int, Sample>& by_day) {
    if (by_day.size() < 2 * static_cast<std::size_t>(trend_days_per_half)) return Trend::not_enough_data;
    auto half = by_day.size() / 2;
    std::vector<double> spots_a, spots_b, ten_a, ten_b;
    std::size_t i = 0;
    for (const auto& [day, d] : by_day) {
        bool earlier = i++ < half;
        (earlier ? spots_a : spots_b).push_back(static_cast<double>(d.spots) / d.sessions);
        if (!d.start.empty()) (earlier ? ten_a : ten_b).push_back(mean(d.start));
    }
    double ds = real_change(spots_a, spots_b, trend_spots_step);
    double dt = ten_a.empty() || ten_b.empty() ? 0 : real_change(ten_a, ten_b, trend_tenderness_step);
    bool fewer = ds < 0, more = ds > 0, milder = dt < 0, harsher = dt > 0;
    if (fewer && milder) return Trend::fewer_and_milder;
    if (fewer && !harsher) return Trend::fewer;
    if (milder && !more) return Trend::milder;
    if (more || harsher) return Trend::worse;
    return Trend::unchanged;
}

AreaProgress summarise(const std::string& id, std::vector<Sample> samples) {
    AreaProgress a;
    a.id = id;
    std::sort(samples.begin(), samples.end(), [](const Sample& x, const Sample& y) { return x.day < y.day; });
    a.sessions = static_cast<int>(samples.size());
    std::map<int, Sample> by_day;
    std::vector<double> release;
    std::vector<int> recent_release;
    for (const auto& s : samples) {
        a.spots += s.spots;
        auto [it, fresh] = by_day.try_emplace(s.day, Sample(s.day));
        auto& d = it->second;
        if (!fresh) ++d.sessions;
        d.spots += s.spots;
        d.start.insert(d.start.end(), s.start.begin(), s.start.end());
        d.end.insert(d.end.end(), s.end.begin(), s.end.end());
        d.release.insert(d.release.end(), s.release.begin(), s.release.end());
        release.insert(release.end(), s.release.begin(), s.release.end());
    }
    for (const auto& [day, d] : by_day) {
        DayPoint p{day, d.spots, mean(d.start), std::nullopt, median(d.release)};
        if (!d.end.empty()) p.tenderness_end = mean(d.end);
        a.series.push_back(p);
    }
    a.trend = trend_of(by_day);
    a.median_release_s = median(release);
    // Learn from the most recent releases only: the body changes over weeks.
    auto from = release.size() > 10 ? release.size() - 10 : 0;
    for (auto i = from; i < release.size(); ++i) recent_release.push_back(static_cast<int>(std::lround(release[i])));
    a.suggested_hold_s = suggest_hold_s(recent_release);
    return a;
}

}  // namespace

std::optional<int> suggest_hold_s(std::vector<int> release_s) {
    if (release_s.empty()) return std::nullopt;
    std::vector<double> v(release_s.begin(), release_s.end());
    double m = *median(v);
    int rounded = static_cast<int>(std::ceil(m / 5.0)) * 5;
    return std::clamp(rounded, 30, 90);
}

bool did_something(const SessionSummary& s) {
    return !s.holds.empty() ||
           std::any_of(s.visits.begin(), s.visits.end(), [](const VisitRecord& v) { return v.outcome == VisitOutcome::done; });
}

Progress compute_progress(const std::vector<SessionSummary>& sessions, int today, const Catalog& catalog) {
    Progress p;
    std::set<int> days;
    int last28 = 0;
    std::map<std::string, std::vector<Sample>> by_muscle, by_region;
    for (const auto& s : sessions) {
        if (!did_something(s)) {
            ++p.empty_sessions;
            continue;
        }
        ++p.sessions;
        days.insert(s.day);
        if (s.day > today - 28 && s.day <= today) ++last28;
        std::map<std::string, Sample> muscles, regions;
        // A muscle counts as rolled in a session when an SMR visit touched it (even with 0 spots:
        // finding nothing tender is progress too). Regions are only those the technique rolls.
        std::set<std::pair<int, std::optional<Side>>> visited;
        for (const auto& v : s.visits) {
            if (v.kind != ItemKind::smr || v.outcome == VisitOutcome::skipped) continue;
            visited.insert({v.item, v.side});
            for (const auto& m : v.muscles) muscles.try_emplace(m, Sample(s.day)).first->second.spots += v.spots;
            if (const Technique* t = catalog.technique(v.id))
                for (const auto& g : t->regions) regions.try_emplace(g, Sample(s.day)).first->second.spots += v.spots;
        }
        for (const auto& h : s.holds) {
            std::set<std::string> touched_regions;
            if (const Technique* t = catalog.technique(h.technique)) touched_regions.insert(t->regions.begin(), t->regions.end());
            // A session cut off mid-side saved its holds but not the visit: each hold is a spot.
            int spot = visited.contains({h.item, h.side}) ? 0 : 1;
            auto add = [&](Sample& x) {
                x.spots += spot;
                x.start.push_back(h.tenderness_start);
                if (h.tenderness_end) x.end.push_back(*h.tenderness_end);
                if (h.outcome == HoldOutcome::eased) x.release.push_back(h.hold_s);
            };
            for (const auto& m : h.muscles) add(muscles.try_emplace(m, Sample(s.day)).first->second);
            for (const auto& g : touched_regions) add(regions.try_emplace(g, Sample(s.day)).first->second);
        }
        for (auto& [m, x] : muscles) by_muscle[m].push_back(std::move(x));
        for (auto& [g, x] : regions) by_region[g].push_back(std::move(x));
    }
    int streak = 0;
    int d = days.contains(today) ? today : today - 1;
    while (days.contains(d)) ++streak, --d;
    p.streak_days = streak;
    p.sessions_per_week = last28 / 4.0;
    for (auto& [m, samples] : by_muscle) p.muscles.push_back(summarise(m, std::move(samples)));
    for (auto& [g, samples] : by_region) p.regions.push_back(summarise(g, std::move(samples)));
    return p;
}

}  // namespace unknot
