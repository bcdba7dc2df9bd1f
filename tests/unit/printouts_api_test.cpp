// Handouts, progress reports and calendar feeds over the API: real PDFs and iCalendar text,
// feeds that stop working when replaced or turned off, and a `refer` on record honoured.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "support/api_world.hpp"

namespace unknot {
namespace {

using test::ApiWorld;
namespace bj = boost::json;

std::string feed_path(const std::string& url) { return url.substr(url.find("/calendar/")); }

TEST(Printouts, AssignedRoutineHandoutIsAPdfWithTheClientsName) {
    ApiWorld w;
    auto res = w.send("trainer_a", "GET", "/api/v1/plans/" + std::to_string(w["client_a"].routine) + "/handout.pdf?page=letter");
    ASSERT_EQ(res.status, 200) << res.body.substr(0, 200);
    EXPECT_EQ(res.content_type, "application/pdf");
    EXPECT_TRUE(res.body.starts_with("%PDF-"));
    EXPECT_GT(res.body.size(), 5000u);
    auto bad = w.send("client_a", "GET", "/api/v1/plans/" + std::to_string(w["client_a"].routine) + "/handout.pdf?page=a5");
    EXPECT_EQ(bad.status, 400);
    EXPECT_NE(bad.body.find("a4 or letter"), std::string::npos);
}

TEST(Printouts, AnyProfileMakesAHandoutAndBadProfilesSayWhere) {
    ApiWorld w;
    auto ok = w.send("solo", "POST", "/api/v1/handouts", R"({"profile": {"targets": ["calf", "hamstrings"], "minutes": 15}})");
    ASSERT_EQ(ok.status, 200) << ok.body.substr(0, 200);
    EXPECT_TRUE(ok.body.starts_with("%PDF-"));
    auto bad = w.send("solo", "POST", "/api/v1/handouts", R"({"profile": {"targets": ["calff"]}})");
    EXPECT_EQ(bad.status, 400);
    EXPECT_NE(bad.body.find("profile.targets[0]"), std::string::npos) << bad.body;
}

TEST(Printouts, ProgressReportForMeOrMyClient) {
    ApiWorld w;
    auto mine = w.send("solo", "GET", "/api/v1/progress/report.pdf");
    ASSERT_EQ(mine.status, 200);
    EXPECT_TRUE(mine.body.starts_with("%PDF-"));
    EXPECT_EQ(w.send("trainer_a", "GET", "/api/v1/progress/report.pdf?client=" + std::to_string(w["client_a"].id)).status, 200);
    EXPECT_EQ(w.send("trainer_a", "GET", "/api/v1/progress/report.pdf?client=" + std::to_string(w["client_b"].id)).status, 403);
}

TEST(CalendarFeed, ASecretAddressThatCanBeReplacedAndTurnedOff) {
    ApiWorld w;
    EXPECT_NE(w.send("solo", "GET", "/api/v1/calendar").body.find("\"active\":false"), std::string::npos);
    auto made = w.send("solo", "POST", "/api/v1/calendar", R"({"time": "06:45"})");
    ASSERT_EQ(made.status, 201) << made.body;
    auto url = std::string(bj::parse(made.body).at("url").as_string());
    auto feed = w.send("", "GET", feed_path(url));
    ASSERT_EQ(feed.status, 200) << feed.body;
    EXPECT_TRUE(feed.content_type.starts_with("text/calendar"));
    EXPECT_NE(feed.body.find("BEGIN:VCALENDAR"), std::string::npos);
    EXPECT_NE(feed.body.find("RRULE:FREQ=DAILY"), std::string::npos);
    EXPECT_NE(feed.body.find("T064500"), std::string::npos) << feed.body;
    EXPECT_NE(feed.body.find("BEGIN:VALARM"), std::string::npos);
    // Replacing the address turns the old one off.
    auto again = w.send("solo", "POST", "/api/v1/calendar");
    ASSERT_EQ(again.status, 201);
    auto url2 = std::string(bj::parse(again.body).at("url").as_string());
    EXPECT_EQ(w.send("", "GET", feed_path(url)).status, 404);
    EXPECT_EQ(w.send("", "GET", feed_path(url2)).status, 200);
    EXPECT_EQ(w.send("solo", "DELETE", "/api/v1/calendar").status, 200);
    EXPECT_EQ(w.send("", "GET", feed_path(url2)).status, 404);
    EXPECT_EQ(w.send("", "GET", "/calendar/not-a-feed.ics").status, 404);
    EXPECT_EQ(w.send("solo", "POST", "/api/v1/calendar", R"({"time": "25:00"})").status, 400);
}

TEST(CalendarFeed, NoRemindersToRollAfterAReferOnRecord) {
    ApiWorld w;
    auto made = w.send("client_a", "POST", "/api/v1/calendar");
    auto url = std::string(bj::parse(made.body).at("url").as_string());
    ASSERT_EQ(w.send("", "GET", feed_path(url)).status, 200);
    ASSERT_EQ(w.send("client_a", "POST", "/api/v1/screenings", R"({"answers": {"bleeding_disorder": true}})").status, 200);
    auto feed = w.send("", "GET", feed_path(url));
    EXPECT_EQ(feed.status, 404);
    EXPECT_NE(feed.body.find("no_routine"), std::string::npos);
}

}  // namespace
}  // namespace unknot

namespace unknot {
namespace {

// A preview is advice only: nothing on record, so a trainer's dashboard never sees it.
TEST(Screenings, APreviewIsNotRecordedAndRecordsCarryTheirAnswers) {
    test::ApiWorld w;
    auto before = w.store().screenings(w["solo"].id).size();
    auto preview = w.send("solo", "POST", "/api/v1/screenings?record=false", R"({"answers": {"bleeding_disorder": true}})");
    ASSERT_EQ(preview.status, 200) << preview.body;
    EXPECT_NE(preview.body.find("\"id\":null"), std::string::npos);
    EXPECT_EQ(w.store().screenings(w["solo"].id).size(), before);
    ASSERT_EQ(w.send("solo", "POST", "/api/v1/screenings", R"({"answers": {"varicose_veins": true}})").status, 200);
    EXPECT_EQ(w.store().screenings(w["solo"].id).size(), before + 1);
    auto list = w.send("trainer_a", "GET", "/api/v1/screenings?client=" + std::to_string(w["client_a"].id));
    EXPECT_NE(list.body.find("\"answers\":{"), std::string::npos) << list.body;
    auto mine = w.send("solo", "GET", "/api/v1/screenings");
    EXPECT_NE(mine.body.find("\"varicose_veins\":true"), std::string::npos) << mine.body;
}

}  // namespace
}  // namespace unknot
