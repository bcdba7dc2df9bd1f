// Trying unknot without an account: the same verdicts and plans as for an account, nothing
// kept, and an allowance per address so anyone-may-call routes cannot keep the planner busy.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/api_world.hpp"

namespace unknot {
namespace {

namespace bj = boost::json;
using test::ApiWorld;

int smr_items(const bj::value& plan) {
    int n = 0;
    for (const auto& phase : plan.at("phases").as_array())
        for (const auto& item : phase.at("items").as_array()) n += item.at("kind").as_string() == "smr";
    return n;
}

TEST(GuestApi, SameVerdictAsAnAccountAndNothingKept) {
    ApiWorld w;
    auto before = w.store().screenings(w["solo"].id).size();
    for (const char* answers : {R"({"answers": {"bleeding_disorder": true}})", R"({"answers": {"varicose_veins": true}})", R"({})"}) {
        auto guest = w.send("", "POST", "/api/v1/guest/screening", answers);
        ASSERT_EQ(guest.status, 200) << guest.body;
        auto own = w.send("solo", "POST", "/api/v1/screenings?record=false", answers);
        ASSERT_EQ(own.status, 200) << own.body;
        EXPECT_EQ(bj::parse(guest.body).at("verdict"), bj::parse(own.body).at("verdict")) << answers;
        EXPECT_EQ(bj::parse(guest.body).at("excluded_regions"), bj::parse(own.body).at("excluded_regions")) << answers;
    }
    EXPECT_EQ(w.store().screenings(w["solo"].id).size(), before);
}

TEST(GuestApi, PlansKeepTheSafetyRules) {
    ApiWorld w;
    auto refer = w.send("", "POST", "/api/v1/guest/plans", R"({"screening": {"answers": {"kidney_failure": true}}, "targets": ["calf"]})");
    ASSERT_EQ(refer.status, 200) << refer.body;
    EXPECT_EQ(smr_items(bj::parse(refer.body)), 0);  // a refer plans no rolling, account or not

    auto caution = w.send("", "POST", "/api/v1/guest/plans", R"({"screening": {"answers": {"varicose_veins": true}}, "targets": ["calf", "thigh_front"]})");
    ASSERT_EQ(caution.status, 200) << caution.body;
    auto plan = bj::parse(caution.body);
    for (const auto& phase : plan.at("phases").as_array()) {
        for (const auto& item : phase.at("items").as_array()) {
            if (item.at("kind") == "smr") {
                EXPECT_NE(item.at("id").as_string(), "calves_roll");
            }
        }
    }
    EXPECT_GT(smr_items(plan), 0);
}

TEST(GuestApi, BadInputIsAClearFourHundred) {
    ApiWorld w;
    auto r = w.send("", "POST", "/api/v1/guest/plans", R"({"targets": ["elbow_of_doom"]})");
    EXPECT_EQ(r.status, 400);
    EXPECT_NE(r.body.find("elbow_of_doom"), std::string::npos) << r.body;
    EXPECT_EQ(w.send("", "POST", "/api/v1/guest/screening", R"({"answers": {"no_such_question": true}})").status, 400);
}

TEST(GuestApi, EachAddressHasAnAllowance) {
    server::ApiOptions o;
    o.guest_requests = 3;
    ApiWorld w(o);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(w.send("", "POST", "/api/v1/guest/screening", "{}").status, 200) << i;
    auto r = w.send("", "POST", "/api/v1/guest/plans", R"({"targets": ["calf"]})");  // shared by both routes
    EXPECT_EQ(r.status, 429);
    bool retry_after = false;
    for (const auto& [k, v] : r.headers) retry_after |= k == "Retry-After" && v == "600";
    EXPECT_TRUE(retry_after);
    // Another address still has its own.
    auto req = w.request_as("", "POST", "/api/v1/guest/screening", "{}");
    req.remote = "192.0.2.7";
    EXPECT_EQ(w.api().handle_sync(req).status, 200);
}

}  // namespace
}  // namespace unknot
