#include <chrono>
#include <cstdio>
#include "codec/codec.hpp"
#include "codec/dates.hpp"
#include "codec/json_util.hpp"

namespace unknot::json {

namespace {

bj::value opt(const std::optional<double>& v) { return v ? bj::value(*v) : bj::value(nullptr); }

bj::value area(const AreaProgress& a) {
    bj::array series;
    for (const auto& p : a.series)
        series.push_back(bj::object{{"date", iso_day(p.day)},
                                    {"spots", p.spots},
                                    {"tenderness_start", p.tenderness_start},
                                    {"tenderness_end", opt(p.tenderness_end)},
                                    {"median_release_s", opt(p.median_release_s)}});
    return bj::object{{"id", a.id},
                      {"sessions", a.sessions},
                      {"spots", a.spots},
                      {"trend", to_string(a.trend)},
                      {"median_release_s", opt(a.median_release_s)},
                      {"suggested_hold_s", a.suggested_hold_s ? bj::value(*a.suggested_hold_s) : bj::value(nullptr)},
                      {"series", std::move(series)}};
}

}  // namespace

bj::value to_json(const Progress& p) {
    bj::array muscles, regions;
    for (const auto& a : p.muscles) muscles.push_back(area(a));
    for (const auto& a : p.regions) regions.push_back(area(a));
    return bj::object{{"sessions", p.sessions},
                      {"empty_sessions", p.empty_sessions},
                      {"streak_days", p.streak_days},
                      {"sessions_per_week", p.sessions_per_week},
                      {"muscles", std::move(muscles)},
                      {"regions", std::move(regions)},
                      {"trend_rule", bj::object{{"days_per_half", trend_days_per_half},
                                                {"spots_step", trend_spots_step},
                                                {"tenderness_step", trend_tenderness_step}}}};
}

bj::value to_json(const SessionSummary& s) {
    bj::array holds, visits;
    for (const auto& h : s.holds) holds.push_back(to_json(h));
    for (const auto& v : s.visits) visits.push_back(to_json(v));
    return bj::object{{"id", s.id}, {"date", iso_day(s.day)}, {"started_unix_ms", s.started_unix_ms}, {"holds", std::move(holds)},
                      {"visits", std::move(visits)}};
}

}  // namespace unknot::json
