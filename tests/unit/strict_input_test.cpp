// Input the server echoes or half-accepts (issue 12, items 6 and 9): every error body is valid
// JSON whatever bytes were sent, and loose forms of media types, flags and ids are refused.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "common/text.hpp"
#include "codec/codec.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"
#include "support/api_world.hpp"
#include "support/catalog_fixture.hpp"

namespace unknot {
namespace {

using test::ApiWorld;

TEST(StrictInput, ValidUtf8KeepsGoodTextAndReplacesEveryBadByte) {
    EXPECT_EQ(valid_utf8("calf"), "calf");
    EXPECT_EQ(valid_utf8("Gastrocnémius ✓ 🦵"), "Gastrocnémius ✓ 🦵");
    const std::string r = "\xEF\xBF\xBD";
    EXPECT_EQ(valid_utf8("\xC0\xAE"), r + r);             // overlong '.'
    EXPECT_EQ(valid_utf8("a\xFF" "b"), "a" + r + "b");    // never a UTF-8 byte
    EXPECT_EQ(valid_utf8("\xED\xA0\x80"), r + r + r);     // a surrogate
    EXPECT_EQ(valid_utf8("\xF4\x90\x80\x80"), r + r + r + r);  // past U+10FFFF
    EXPECT_EQ(valid_utf8("\xE2\x9C"), r + r);             // cut short
}

TEST(StrictInput, ErrorBodiesAreJsonWhateverThePathHeld) {
    ApiWorld w;
    for (const char* path : {"/api/v1/techniques/%C0%AE", "/api/v1/stretches/%FF%FE", "/api/v1/learn/%ED%A0%80", "/api/v1/sessions/%E2%9C"}) {
        auto r = w.send("solo", "GET", path);
        EXPECT_GE(r.status, 400) << path;
        EXPECT_LT(r.status, 500) << path;
        boost::system::error_code ec;
        auto v = boost::json::parse(r.body, ec);
        ASSERT_FALSE(ec) << path << ": " << r.body;
        EXPECT_TRUE(v.as_object().contains("error")) << path;
    }
}

TEST(StrictInput, ARepeatedKeyIsRefusedWhereItStands) {
    ApiWorld w;
    auto twice = w.send("", "POST", "/api/v1/signup", R"({"name":"Eve","email":"eve@example.org","password":"a long enough passphrase","role":"trainer","role":"self"})");
    EXPECT_EQ(twice.status, 400);
    EXPECT_NE(twice.body.find("the key \\\"role\\\" appears twice"), std::string::npos) << twice.body;
    auto nested = w.send("solo", "POST", "/api/v1/plans", "{\"targets\": [\"calf\"],\n \"screening\": {\"answers\": {\"pregnancy\": false, \"pregnancy\": true}}}");
    EXPECT_EQ(nested.status, 400);
    EXPECT_NE(nested.body.find("body:2:"), std::string::npos) << nested.body;  // where it stands
    // The same key in two different objects is fine.
    EXPECT_EQ(w.send("solo", "POST", "/api/v1/plans", R"({"targets":["calf"],"screening":{"answers":{}},"assessment":{"findings":[]}})").status, 200);
}

TEST(StrictInput, OnlyJsonInUtf8IsJson) {
    ApiWorld w;
    const std::string plan = R"({"targets":["calf"]})";
    auto type = [&](const std::string& t) { return w.send_with("solo", "POST", "/api/v1/plans", plan, {{"content-type", t}}).status; };
    EXPECT_EQ(type("application/json"), 200);
    EXPECT_EQ(type("Application/JSON; charset=UTF-8"), 200);
    EXPECT_EQ(type("application/json;charset=\"utf-8\""), 200);
    EXPECT_EQ(type("application/jsonx"), 415);
    EXPECT_EQ(type("application/json-patch+json"), 415);
    EXPECT_EQ(type("application/json; charset=utf-16"), 415);
    EXPECT_EQ(type("text/json"), 415);
}

TEST(StrictInput, FlagsAndIdsMeanExactlyOneThing) {
    ApiWorld w;
    auto before = w.store().screenings(w["solo"].id).size();
    auto maybe = w.send("solo", "POST", "/api/v1/screenings?record=maybe", "{}");
    EXPECT_EQ(maybe.status, 400);
    EXPECT_NE(maybe.body.find("record"), std::string::npos);
    EXPECT_EQ(w.send("solo", "POST", "/api/v1/screenings?record=false", "{}").status, 200);
    EXPECT_EQ(w.store().screenings(w["solo"].id).size(), before);  // neither was kept
    EXPECT_EQ(w.send("solo", "POST", "/api/v1/screenings?record=true", "{}").status, 200);
    EXPECT_EQ(w.store().screenings(w["solo"].id).size(), before + 1);
    // "?client=" names nobody: not a way to one's own data.
    auto empty = w.send("trainer_a", "GET", "/api/v1/progress?client=");
    EXPECT_EQ(empty.status, 400);
    EXPECT_NE(empty.body.find("client"), std::string::npos);
    EXPECT_EQ(w.send("trainer_a", "GET", "/api/v1/progress?client=" + std::to_string(w["client_a"].id)).status, 200);
}

TEST(StrictInput, TheBearerSchemeInAnyCase) {
    ApiWorld w;
    auto made = w.send("solo", "POST", "/api/v1/tokens", R"({"name":"script"})");
    ASSERT_EQ(made.status, 201) << made.body;
    auto token = std::string(boost::json::parse(made.body).at("token").as_string());
    for (const char* scheme : {"Bearer ", "bearer ", "BEARER "}) {
        auto r = w.request_as("", "GET", "/api/v1/progress");
        r.headers.emplace_back("authorization", scheme + token);
        EXPECT_EQ(w.api().handle_sync(r).status, 200) << scheme;
    }
}

}  // namespace
}  // namespace unknot

// fuzz/json_readers: a whole number too big for int64 written as a double (5.5e32) was cast
// before its range was checked (undefined behaviour); now it is an out-of-range error.
TEST(StrictJson, AHugeWholeNumberIsOutOfRangeNotACrash) {
    for (const char* minutes : {"555555555555555555555555555555555", "1e300", "-1e300", "9.3e18"}) {
        auto text = std::string(R"({"targets": ["calf"], "minutes": )") + minutes + "}";
        try {
            (void)unknot::json::profile_from_json(unknot::json::parse(text, "p.json"), unknot::test::catalog());
            ADD_FAILURE() << minutes << " was accepted";
        } catch (const unknot::InputError& e) {
            EXPECT_NE(std::string(e.what()).find("minutes"), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find("must be from"), std::string::npos) << e.what();
        }
    }
}
