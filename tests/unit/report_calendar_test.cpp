// The routine calendar, read back with libical: one daily event, its reminder, its items, and
// a UID that stays the same for the same routine.
#include <gtest/gtest.h>
#include <libical/ical.h>

#include <memory>
#include <sstream>
#include <string>

#include "common/error.hpp"
#include "report/calendar.hpp"
#include "support/catalog_fixture.hpp"

namespace unknot {
namespace {

constexpr int kStart = 20600;                        // 2026-05-27
constexpr std::int64_t kStamp = 1779840000000;       // 2026-05-27T00:00:00Z

Plan plan_for(std::vector<std::string> targets, Answers answers = {}) {
    Profile p;
    p.targets = std::move(targets);
    p.answers = std::move(answers);
    p.minutes = 30;
    return make_plan(p, test::catalog());
}

report::CalendarOptions options() {
    report::CalendarOptions o;
    o.start_day = kStart;
    o.minute_of_day = 7 * 60 + 30;
    o.dtstamp_unix_ms = kStamp;
    return o;
}

using Component = std::unique_ptr<icalcomponent, void (*)(icalcomponent*)>;

Component parse(const std::string& text) {
    Component c(icalparser_parse_string(text.c_str()), icalcomponent_free);
    EXPECT_NE(c, nullptr);
    return c;
}

icalcomponent* only_event(icalcomponent* cal) {
    EXPECT_EQ(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 1);
    return icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
}

TEST(ReportCalendar, OneDailyEventAtTheChosenFloatingTime) {
    auto plan = plan_for({"calf", "hamstrings", "upper_back"});
    auto cal = parse(report::render_calendar(plan, test::catalog(), options()));
    ASSERT_NE(cal, nullptr);
    EXPECT_EQ(icalcomponent_isa(cal.get()), ICAL_VCALENDAR_COMPONENT);
    auto* prodid = icalcomponent_get_first_property(cal.get(), ICAL_PRODID_PROPERTY);
    ASSERT_NE(prodid, nullptr);
    EXPECT_NE(std::string(icalproperty_get_prodid(prodid)).find("unknot"), std::string::npos);
    EXPECT_STREQ(icalproperty_get_version(icalcomponent_get_first_property(cal.get(), ICAL_VERSION_PROPERTY)), "2.0");

    auto* ev = only_event(cal.get());
    ASSERT_NE(ev, nullptr);
    auto start = icalcomponent_get_dtstart(ev);
    EXPECT_EQ(start.year, 2026);
    EXPECT_EQ(start.month, 5);
    EXPECT_EQ(start.day, 27);
    EXPECT_EQ(start.hour, 7);
    EXPECT_EQ(start.minute, 30);
    EXPECT_FALSE(icaltime_is_utc(start)) << "floating time by default";
    auto* rrule = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY);
    ASSERT_NE(rrule, nullptr);
    auto rule = icalproperty_get_rrule(rrule);
    EXPECT_EQ(rule.freq, ICAL_DAILY_RECURRENCE);
    EXPECT_EQ(rule.count, 0);
    EXPECT_TRUE(icaltime_is_null_time(rule.until)) << "repeats until the person deletes it";
    auto stamp = icalcomponent_get_dtstamp(ev);
    EXPECT_TRUE(icaltime_is_utc(stamp));
    EXPECT_EQ(icaltime_as_timet(stamp), kStamp / 1000);
    auto duration = icalcomponent_get_duration(ev);
    EXPECT_EQ(icaldurationtype_as_int(duration), (plan.total_seconds + 59) / 60 * 60);
    EXPECT_STREQ(icalcomponent_get_summary(ev), "Foam rolling");
}

TEST(ReportCalendar, ReminderFiresAtTheStart) {
    auto cal = parse(report::render_calendar(plan_for({"calf"}), test::catalog(), options()));
    auto* ev = only_event(cal.get());
    ASSERT_NE(ev, nullptr);
    ASSERT_EQ(icalcomponent_count_components(ev, ICAL_VALARM_COMPONENT), 1);
    auto* alarm = icalcomponent_get_first_component(ev, ICAL_VALARM_COMPONENT);
    EXPECT_EQ(icalproperty_get_action(icalcomponent_get_first_property(alarm, ICAL_ACTION_PROPERTY)), ICAL_ACTION_DISPLAY);
    auto* trigger = icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY);
    ASSERT_NE(trigger, nullptr);
    auto t = icalproperty_get_trigger(trigger);
    EXPECT_TRUE(icaltime_is_null_time(t.time)) << "relative to the start, not a fixed moment";
    EXPECT_EQ(icaldurationtype_as_int(t.duration), 0);
    // RFC 5545 requires a description on a DISPLAY alarm.
    EXPECT_NE(icalcomponent_get_first_property(alarm, ICAL_DESCRIPTION_PROPERTY), nullptr);
}

TEST(ReportCalendar, DescriptionListsEveryItemInPlanOrder) {
    auto plan = plan_for({"calf", "hamstrings", "upper_back"});
    auto cal = parse(report::render_calendar(plan, test::catalog(), options()));
    auto* ev = only_event(cal.get());
    ASSERT_NE(ev, nullptr);
    std::string description = icalcomponent_get_description(ev);
    std::size_t last = 0;
    int items = 0;
    for (const auto& ph : plan.phases)
        for (const auto& i : ph.items) {
            // The two sides of an item share a line, so the same name may be found again in place.
            auto at = description.find(i.name, last);
            ASSERT_NE(at, std::string::npos) << i.name << " missing, or out of plan order, in\n" << description;
            last = at;
            ++items;
        }
    EXPECT_GE(items, 6);
    EXPECT_LT(description.find("Roll:"), description.find("Stretch:")) << "rolling is listed before stretching";
    EXPECT_NE(description.find("left side, then right side"), std::string::npos);
}

TEST(ReportCalendar, UidIsStableForTheSameRoutineAndChangesWithIt) {
    auto plan = plan_for({"calf"});
    auto uid = [&](const report::CalendarOptions& o, const Plan& p) {
        auto cal = parse(report::render_calendar(p, test::catalog(), o));
        return std::string(icalcomponent_get_uid(only_event(cal.get())));
    };
    auto o = options();
    auto a = uid(o, plan);
    EXPECT_EQ(a, uid(o, plan));
    EXPECT_TRUE(a.ends_with("@unknot.local")) << a;
    o.dtstamp_unix_ms += 86400000;  // exporting again tomorrow: same event
    EXPECT_EQ(a, uid(o, plan));
    o.minute_of_day += 30;
    EXPECT_NE(a, uid(o, plan));
    EXPECT_NE(a, uid(options(), plan_for({"hamstrings"})));
}

TEST(ReportCalendar, TextFollowsRfc5545Lines) {
    auto text = report::render_calendar(plan_for({"calf", "hamstrings", "upper_back", "thigh_front"}), test::catalog(), options());
    ASSERT_TRUE(text.starts_with("BEGIN:VCALENDAR\r\n"));
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto end = text.find("\r\n", pos);
        ASSERT_NE(end, std::string::npos) << "every line ends in CRLF";
        EXPECT_LE(end - pos, 75u) << "lines fold at 75 octets: " << text.substr(pos, end - pos);
        EXPECT_EQ(text.substr(pos, end - pos).find('\n'), std::string::npos);
        pos = end + 2;
    }
}

TEST(ReportCalendar, UtcWhenAsked) {
    auto o = options();
    o.utc = true;
    auto text = report::render_calendar(plan_for({"calf"}), test::catalog(), o);
    EXPECT_NE(text.find("DTSTART:20260527T073000Z\r\n"), std::string::npos) << text;
}

TEST(ReportCalendar, RefusesWhatCannotBeScheduled) {
    auto refer = plan_for({"calf"}, {{"bleeding_disorder", true}});
    ASSERT_EQ(refer.screening.verdict, Verdict::refer);
    EXPECT_THROW(report::render_calendar(refer, test::catalog(), options()), InputError);
    auto o = options();
    o.minute_of_day = 24 * 60;
    EXPECT_THROW(report::render_calendar(plan_for({"calf"}), test::catalog(), o), InputError);
    o = options();
    o.uid_domain = "bad domain";
    EXPECT_THROW(report::render_calendar(plan_for({"calf"}), test::catalog(), o), InputError);
}

}  // namespace
}  // namespace unknot
