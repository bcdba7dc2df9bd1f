// A clearance after a refer, over the API: the planner, the client's assigned routine and their
// calendar feed all honour it the same way (the core decides), only while it lasts, and the
// trainer's write on the client's record is audited like any other health data.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "codec/dates.hpp"
#include "support/api_world.hpp"

namespace unknot {
namespace {

namespace bj = boost::json;
using test::ApiWorld;

std::string feed_path(const std::string& url) { return url.substr(url.find("/calendar/")); }

std::string routine_verdict(ApiWorld& w, const std::string& who) {
    auto list = bj::parse(w.send(who, "GET", "/api/v1/assignments").body).as_array();
    return std::string(list.at(0).at("plan").at("screening").at("verdict").as_string());
}

TEST(ClearanceApi, PlannerRoutineAndCalendarHonourItTheSameWayWhileItLasts) {
    ApiWorld w;
    auto client = std::to_string(w["client_a"].id);
    auto url = std::string(bj::parse(w.send("client_a", "POST", "/api/v1/calendar").body).at("url").as_string());
    const std::string answers = R"({"answers": {"bleeding_disorder": true}})";
    ASSERT_EQ(w.send("client_a", "POST", "/api/v1/screenings", answers).status, 200);
    const std::string plan = R"({"screening": {"answers": {"bleeding_disorder": true}}, "targets": ["calf"]})";
    auto rolls = [&] { return bj::parse(w.send("client_a", "POST", "/api/v1/plans", plan).body).at("phases").as_array().size(); };
    EXPECT_EQ(w.send("", "GET", feed_path(url)).status, 404);
    EXPECT_EQ(routine_verdict(w, "client_a"), "refer");
    auto before = rolls();

    auto today = iso_day(today_local());
    auto r = w.send("trainer_a", "POST", "/api/v1/clearances?client=" + client,
                    R"({"condition": "bleeding_disorder", "date": ")" + today + R"(", "note": "Haematologist: light pressure only"})");
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(w.send("", "GET", feed_path(url)).status, 200);
    EXPECT_EQ(routine_verdict(w, "client_a"), "caution");
    EXPECT_GT(rolls(), before);
    auto log = w.store().audit_log(w["client_a"].id, 5);
    ASSERT_FALSE(log.empty());
    EXPECT_EQ(log[0].actor, w["trainer_a"].id);
    EXPECT_EQ(log[0].action, "write");
    EXPECT_EQ(log[0].target, "POST /api/v1/clearances");
    // The note is health data: never in the audit log.
    for (const auto& e : log) EXPECT_EQ(e.target.find("Haematologist"), std::string::npos);

}

TEST(ClearanceApi, ARunOutClearanceLiftsNothingAnywhereAndABadOneStoresNothing) {
    ApiWorld w;
    auto id = w["solo"].id;
    auto url = std::string(bj::parse(w.send("solo", "POST", "/api/v1/calendar").body).at("url").as_string());
    ASSERT_EQ(w.send("", "GET", feed_path(url)).status, 200);
    ASSERT_EQ(w.send("solo", "POST", "/api/v1/screenings", R"({"answers": {"osteoporosis": true}})").status, 200);
    // Recorded a year ago (as the store keeps it): it ran out today.
    w.store().save_clearance(StoredClearance{0, id, id, 1, "osteoporosis", today_local() - 365, ""});
    EXPECT_EQ(w.send("", "GET", feed_path(url)).status, 404);
    EXPECT_EQ(routine_verdict(w, "solo"), "refer");
    auto s = bj::parse(w.send("solo", "GET", "/api/v1/screenings").body).as_array().at(0);
    EXPECT_EQ(s.at("verdict"), "refer");
    EXPECT_EQ(s.at("reasons").at(0).at("clearance_lapsed_on").as_string(), iso_day(today_local()));
    for (const auto& [body, field] : std::vector<std::pair<std::string, std::string>>{
             {R"({"condition": "osteoporosis", "date": "2000-01-01"})", "date"},
             {R"({"condition": "osteoporosis", "date": "today"})", "date"},
             {R"({"condition": "fracture", "date": ")" + iso_day(today_local()) + R"("})", "condition"},
             {R"({"condition": "osteoporosis", "date": ")" + iso_day(today_local()) + R"(", "note": 5})", "note"}}) {
        auto r = w.send("solo", "POST", "/api/v1/clearances", body);
        EXPECT_EQ(r.status, 400) << body;
        EXPECT_EQ(bj::parse(r.body).at("error").at("field").as_string(), field) << r.body;
    }
    EXPECT_EQ(w.store().clearances({id}).size(), 1u);
}

}  // namespace
}  // namespace unknot
