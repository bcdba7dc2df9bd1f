// The hold records as CSV, for a spreadsheet: the one table people ask for when they want to
// chart their own tender spots.
#include <chrono>
#include <cstdio>

#include "codec/dates.hpp"
#include "common/text.hpp"
#include "exchange/export.hpp"

namespace unknot::exchange {

namespace {

// RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled.
void field(std::string& out, std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += s;
        return;
    }
    out += '"';
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

// The session's start in UTC (ISO 8601), so a spreadsheet sorts it and no time zone is guessed.
std::string utc_time(std::int64_t unix_ms) {
    using namespace std::chrono;
    auto t = sys_time<milliseconds>{milliseconds{unix_ms}};
    auto day = floor<days>(t);
    year_month_day ymd{day};
    hh_mm_ss hms{floor<seconds>(t - day)};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buf;
}

}  // namespace

std::string export_holds_csv(Store& store, UserId user) {
    std::string out = "date,started,technique,side,muscles,spot,hold_s,tenderness_start,tenderness_end,outcome\r\n";
    for (const auto& s : store.session_summaries(user)) {
        auto date = iso_day(s.day), started = utc_time(s.started_unix_ms);
        for (const auto& h : s.holds) {
            for (std::string_view f : {std::string_view(date), std::string_view(started), std::string_view(h.technique)}) {
                field(out, f);
                out += ',';
            }
            out += h.side ? to_string(*h.side) : "";
            out += ',';
            field(out, join(h.muscles, " "));
            out += ',' + std::to_string(h.spot) + ',' + std::to_string(h.hold_s) + ',' + std::to_string(h.tenderness_start) + ',';
            if (h.tenderness_end) out += std::to_string(*h.tenderness_end);
            out += ',';
            out += to_string(h.outcome);
            out += "\r\n";
        }
    }
    return out;
}

}  // namespace unknot::exchange
