#pragma once
// How a client is keeping up, from per-day totals (which the store sums in the database so a
// trainer's dashboard over 200 clients never loads their hold records).
#include <optional>
#include <string>
#include <vector>

namespace unknot {

struct DayTotals {
    int day = 0;  // days since 1970-01-01, local
    int sessions = 0;
    int holds = 0;           // tender spots found and held
    int tenderness_sum = 0;  // of the holds' starting tenderness (0-10)
};

struct Adherence {
    double sessions_per_week = 0;  // over the window
    int streak = 0;                // consecutive days with a session, ending today or yesterday
    bool streak_capped = false;    // the streak reaches back to the window's start
    std::optional<int> days_since_last;  // none: no session in the window
    // Averages over the recent and the earlier half of the window; none without sessions there.
    std::optional<double> spots_recent, spots_earlier;          // tender spots per session
    std::optional<double> tenderness_recent, tenderness_earlier;  // starting tenderness per spot
};

// `days` may come in any order and hold days outside [today - window + 1, today]; those are
// ignored. A gap of this many days without rolling raises the missed-days flag.
Adherence summarise_adherence(const std::vector<DayTotals>& days, int today, int window = 28);
inline constexpr int missed_days_flag = 3;

// "down", "up", "same" or "" (not enough data): how the recent half compares with the
// earlier one, with a tolerance so noise does not read as change.
std::string trend_word(const std::optional<double>& recent, const std::optional<double>& earlier);

}  // namespace unknot
