#include "codec/dates.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

namespace unknot {

std::int64_t now_unix_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

int local_day(std::int64_t unix_ms) {
    std::time_t t = static_cast<std::time_t>(unix_ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    using namespace std::chrono;
    auto d = sys_days{year{tm.tm_year + 1900} / month{static_cast<unsigned>(tm.tm_mon + 1)} / day{static_cast<unsigned>(tm.tm_mday)}};
    return static_cast<int>(d.time_since_epoch().count());
}

int today_local() { return local_day(now_unix_ms()); }

std::string iso_day(int day) {
    using namespace std::chrono;
    year_month_day ymd{sys_days{days{day}}};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

std::optional<int> parse_iso_day(std::string_view text) {
    std::string s(text);
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    using namespace std::chrono;
    if (s.size() == 10 && s[4] == '-' && s[7] == '-' && std::sscanf(s.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) == 3) {
        year_month_day ymd{year{y}, month{m}, day{d}};
        if (ymd.ok()) return static_cast<int>(sys_days{ymd}.time_since_epoch().count());
    }
    return std::nullopt;
}

}  // namespace unknot
