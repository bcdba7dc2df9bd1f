#include "report/calendar.hpp"

#include <libical/ical.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <memory>

#include "common/error.hpp"
#include "report/exercises.hpp"
#include "report/words.hpp"

namespace unknot::report {

namespace {

// FNV-1a: small, stable across platforms and releases, which is all a UID needs.
struct Fnv {
    std::uint64_t h = 14695981039346656037ull;
    void add(std::string_view s) {
        for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
        h = (h ^ 0xff) * 1099511628211ull;  // a separator, so "ab"+"c" differs from "a"+"bc"
    }
};

std::string routine_uid(const Plan& plan, const CalendarOptions& o) {
    Fnv f;
    f.add(std::to_string(o.start_day));
    f.add(std::to_string(o.minute_of_day));
    f.add(o.utc ? "utc" : "floating");
    for (const auto& ph : plan.phases)
        for (const auto& i : ph.items) {
            f.add(to_string(i.kind));
            f.add(i.id);
            f.add(i.side ? to_string(*i.side) : "");
        }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(f.h));
    return std::string("routine-") + hex + "@" + o.uid_domain;
}

std::string description(const Plan& plan, const Catalog& c) {
    std::string s = context_words(plan.context) + ", " + minutes_words(plan.total_seconds) + ". Roll first, then stretch.\n";
    for (const auto& ph : exercises_of(plan)) {
        auto words = phase_words(ph.phase, 1, 1);
        s += "\n" + words.title + ":\n";
        for (const auto& e : ph.exercises) {
            s += std::to_string(e.number) + ". " + e.item().name;
            if (auto sides = sides_words(e.sides); !sides.empty()) {
                sides[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(sides[0])));
                s += " (" + sides + ")";
            }
            s += ": " + dose_words(e.item(), c) + "\n";
        }
    }
    s += "\nStop if you feel sharp pain, numbness or tingling.";
    return s;
}

icaltimetype at(int day, int minute_of_day, bool utc) {
    std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
    icaltimetype t = icaltime_null_time();
    t.year = static_cast<int>(ymd.year());
    t.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    t.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
    t.hour = minute_of_day / 60;
    t.minute = minute_of_day % 60;
    t.is_date = 0;
    t.zone = utc ? icaltimezone_get_utc_timezone() : nullptr;
    return t;
}

void check(const Plan& plan, const CalendarOptions& o) {
    if (plan.screening.verdict == Verdict::refer)
        throw InputError("screening", "the answers say not to foam roll for now (refer), so there is no routine to schedule; "
                                      "see a doctor or physiotherapist first");
    if (plan.phases.empty()) throw InputError("plan", "has no exercises to schedule");
    if (o.minute_of_day < 0 || o.minute_of_day >= 24 * 60) throw InputError("time", "must be from 00:00 to 23:59");
    if (o.start_day < 0) throw InputError("start", "must be 1970-01-01 or later");
    if (o.uid_domain.empty() || o.uid_domain.find_first_of(" \t\r\n@") != std::string::npos)
        throw InputError("uid_domain", "must be a domain name such as unknot.local, without spaces or @");
    if (o.summary.empty()) throw InputError("summary", "must not be empty");
    if (o.minutes < 0 || o.minutes > 24 * 60) throw InputError("minutes", "must be from 0 to 1440");
}

}  // namespace

std::string render_calendar(const Plan& plan, const Catalog& catalog, const CalendarOptions& o) {
    check(plan, o);
    std::unique_ptr<icalcomponent, void (*)(icalcomponent*)> cal(icalcomponent_new(ICAL_VCALENDAR_COMPONENT), icalcomponent_free);
    icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//unknot//foam-rolling routine//EN"));
    icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));

    icalcomponent* event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    icalcomponent_add_property(event, icalproperty_new_uid(routine_uid(plan, o).c_str()));
    auto stamp = static_cast<time_t>(o.dtstamp_unix_ms / 1000);
    icalcomponent_add_property(event, icalproperty_new_dtstamp(icaltime_from_timet_with_zone(stamp, 0, icaltimezone_get_utc_timezone())));
    icalcomponent_add_property(event, icalproperty_new_dtstart(at(o.start_day, o.minute_of_day, o.utc)));
    int seconds = o.minutes > 0 ? o.minutes * 60 : std::max(60, (plan.total_seconds + 59) / 60 * 60);
    icalcomponent_add_property(event, icalproperty_new_duration(icaldurationtype_from_int(seconds)));
    icalrecurrencetype rule;
    icalrecurrencetype_clear(&rule);
    rule.freq = ICAL_DAILY_RECURRENCE;
    icalcomponent_add_property(event, icalproperty_new_rrule(rule));
    icalcomponent_add_property(event, icalproperty_new_summary(o.summary.c_str()));
    auto text = description(plan, catalog);
    icalcomponent_add_property(event, icalproperty_new_description(text.c_str()));
    icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_OPAQUE));

    // The reminder fires as the routine starts: the moment to get the roller out.
    icalcomponent* alarm = icalcomponent_new(ICAL_VALARM_COMPONENT);
    icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
    icaltriggertype trigger;
    trigger.time = icaltime_null_time();
    trigger.duration = icaldurationtype_null_duration();
    icalcomponent_add_property(alarm, icalproperty_new_trigger(trigger));
    icalcomponent_add_property(alarm, icalproperty_new_description((o.summary + ": time for your routine").c_str()));
    icalcomponent_add_component(event, alarm);
    icalcomponent_add_component(cal.get(), event);

    char* out = icalcomponent_as_ical_string_r(cal.get());
    std::string s(out);
    icalmemory_free_buffer(out);
    return s;
}

}  // namespace unknot::report
