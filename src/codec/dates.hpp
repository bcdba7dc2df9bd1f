#pragma once
// Calendar days as the person lives them (local time zone), for streaks and history.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace unknot {

std::int64_t now_unix_ms();
int local_day(std::int64_t unix_ms);  // days since 1970-01-01 in local time
int today_local();
std::string iso_day(int day);         // "2026-11-22"
std::optional<int> parse_iso_day(std::string_view s);  // "2026-11-22" -> day; nullopt if not a real date

}  // namespace unknot
