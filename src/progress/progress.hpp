#pragma once
// Over weeks the tender spots should get fewer and milder [A]. This module measures exactly that,
// plus adherence (streak, sessions per week) and a hold time learned from the person's releases.
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "session/events.hpp"

namespace unknot {

// One stored session, as progress needs it. `day` is the local calendar day (days since
// 1970-01-01), decided by the shell, which knows the time zone.
struct SessionSummary {
    std::int64_t id = 0;
    int day = 0;
    std::int64_t started_unix_ms = 0;
    std::vector<HoldRecord> holds;
    std::vector<VisitRecord> visits;
};

enum class Trend { not_enough_data, fewer_and_milder, fewer, milder, unchanged, worse };
std::string_view to_string(Trend t);

struct DayPoint {
    int day = 0;
    int spots = 0;                      // tender spots found that day (all sides)
    double tenderness_start = 0;        // mean over that day's holds
    std::optional<double> tenderness_end;
    std::optional<double> median_release_s;
};

struct AreaProgress {
    std::string id;             // muscle or region id
    int sessions = 0;           // sessions in which it was rolled
    int spots = 0;
    std::vector<DayPoint> series;
    Trend trend = Trend::not_enough_data;
    std::optional<double> median_release_s;
    std::optional<int> suggested_hold_s;  // within 30-90 s
};

// The trend rule, stated once (docs/cli.md and data/learn/how-to-roll.md say it in words):
// an area's days, oldest first, are split into an earlier and a later half; each half needs
// this many days, and a change counts only when it is at least the step below AND larger than
// the day-to-day spread (the pooled standard deviation of the day values within the halves).
inline constexpr int trend_days_per_half = 3;
inline constexpr double trend_spots_step = 0.5;      // tender spots per session
inline constexpr double trend_tenderness_step = 1.0; // points of starting tenderness (0-10)

// A session with nothing done (no hold, and no item finished: only skipped, or quit at once) is kept in the
// history but is not practice: it counts in neither the sessions, the streak nor the rate.
bool did_something(const SessionSummary& s);

struct Progress {
    int sessions = 0;             // sessions that did something
    int empty_sessions = 0;       // started and left with nothing done
    int streak_days = 0;          // consecutive days with a session, ending today or yesterday
    double sessions_per_week = 0; // over the last 28 days
    std::vector<AreaProgress> muscles;
    std::vector<AreaProgress> regions;
};

Progress compute_progress(const std::vector<SessionSummary>& sessions, int today, const Catalog& catalog);

// Median of eased holds' release times, rounded up to 5 s and kept inside 30-90 s.
std::optional<int> suggest_hold_s(std::vector<int> release_s);

}  // namespace unknot
