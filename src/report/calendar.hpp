#pragma once
// The routine as a daily calendar event (RFC 5545), with a reminder when it starts, so a phone
// or desktop calendar nudges the person every day.
#include <cstdint>
#include <string>

#include "planning/plan.hpp"

namespace unknot::report {

struct CalendarOptions {
    int start_day = 0;        // first day (days since 1970-01-01)
    int minute_of_day = 450;  // 07:30
    // Floating time (the default) means "07:30 wherever the person is", which survives travel
    // and daylight saving; UTC pins the moment and is what a server shared across zones wants.
    bool utc = false;
    std::string uid_domain = "unknot.local";
    std::string summary = "Foam rolling";
    std::int64_t dtstamp_unix_ms = 0;  // injected: the same input gives the same file
    int minutes = 0;                   // event length; 0: the plan's own estimate
};

// A VCALENDAR with one daily VEVENT (RRULE:FREQ=DAILY) and a DISPLAY alarm at its start. Its
// description lists the routine's items in plan order. The UID is derived from the routine and
// the start, so exporting the same routine again updates the event instead of adding one.
// Throws InputError when the options are out of range.
std::string render_calendar(const Plan& plan, const Catalog& catalog, const CalendarOptions& options);

}  // namespace unknot::report
