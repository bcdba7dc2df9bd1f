// The JSON contract: what a person writes is read with errors that name the field; what the
// CLI prints can be read back (a plan file round-trips into the same session items).
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "codec/codec.hpp"
#include "codec/json_util.hpp"
#include "codec/json_writer.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "support/catalog_fixture.hpp"

namespace unknot {
namespace {

std::string error_of(auto&& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(JsonParse, SyntaxErrorsNameLineAndColumn) {
    auto msg = error_of([] { json::parse("{\n  \"a\": 1,\n  ]", "p.json"); });
    EXPECT_NE(msg.find("p.json:3:"), std::string::npos) << msg;
    EXPECT_NE(msg.find("invalid JSON"), std::string::npos) << msg;
}

TEST(JsonParse, TrailingGarbageIsRejected) {
    EXPECT_NE(error_of([] { json::parse("{} {}", "x"); }).find("invalid JSON"), std::string::npos);
}

TEST(Profile, ReadsEveryField) {
    auto v = json::parse(R"({"screening": {"answers": {"pregnancy": true, "recent_injury_regions": ["calf:left"]}},
        "targets": ["calf", "piriformis:right"], "minutes": 20, "tools": ["massage_ball"], "context": "cool_down",
        "learned_hold_s": {"soleus": 55}})", "p");
    auto p = json::profile_from_json(v, test::catalog());
    EXPECT_EQ(p.targets, (std::vector<std::string>{"calf", "piriformis:right"}));
    EXPECT_EQ(p.minutes, 20);
    EXPECT_EQ(p.tools, std::vector<std::string>{"massage_ball"});
    EXPECT_EQ(p.context, Context::cool_down);
    EXPECT_EQ(p.learned_hold_s.at("soleus"), 55);
    EXPECT_TRUE(std::get<bool>(p.answers.at("pregnancy")));
    EXPECT_EQ(std::get<std::vector<std::string>>(p.answers.at("recent_injury_regions")), std::vector<std::string>{"calf:left"});
}

TEST(Profile, DefaultsAreDailyFifteenMinutesFoamRoller) {
    auto p = json::profile_from_json(json::parse(R"({"targets": ["calf"]})", "p"), test::catalog());
    EXPECT_EQ(p.minutes, 15);
    EXPECT_EQ(p.context, Context::daily);
    EXPECT_EQ(p.tools, std::vector<std::string>{"foam_roller"});
}

TEST(Profile, ErrorsNameTheField) {
    auto bad = [](const char* text) { return error_of([&] { json::profile_from_json(json::parse(text, "p"), test::catalog()); }); };
    EXPECT_NE(bad(R"({"targets": ["calf"], "minutes": 1000})").find("minutes: must be from 1 to 240"), std::string::npos);
    EXPECT_NE(bad(R"({"targets": ["calf"], "minutes": null})").find("minutes: expected a whole number, got null"), std::string::npos);
    EXPECT_NE(bad(R"({"targets": ["calf"], "learned_hold_s": {"soleus": 120}})").find("learned_hold_s.soleus: must be from 30 to 90"), std::string::npos);
    EXPECT_NE(bad(R"({"targets": ["calf"], "screening": {"answers": {"pregnancy": 1}}})").find("screening.answers.pregnancy"), std::string::npos);
    EXPECT_NE(bad(R"({"targets": ["calf"], "screening": {"answer": {}}})").find("screening.answer: unknown field"), std::string::npos);
    EXPECT_NE(bad(R"({"targets": ["calf"], "tols": []})").find("did you mean: tools"), std::string::npos);
}

TEST(PlanFile, RoundTripsIntoTheSameItems) {
    const auto& c = test::catalog();
    Profile p;
    p.targets = {"calf", "upper_back"};
    p.minutes = 30;
    auto plan = make_plan(p, c);
    auto back = json::plan_from_json(json::parse(boost::json::serialize(json::to_json(plan)), "plan"), c);
    ASSERT_EQ(back.phases.size(), plan.phases.size());
    for (std::size_t i = 0; i < plan.phases.size(); ++i) {
        ASSERT_EQ(back.phases[i].items.size(), plan.phases[i].items.size());
        for (std::size_t j = 0; j < plan.phases[i].items.size(); ++j) {
            const auto& a = plan.phases[i].items[j];
            const auto& b = back.phases[i].items[j];
            EXPECT_EQ(a.id, b.id);
            EXPECT_EQ(a.side, b.side);
            EXPECT_EQ(a.kind, b.kind);
            EXPECT_EQ(a.hold_min_s, b.hold_min_s);
            EXPECT_EQ(a.hold_max_s, b.hold_max_s);
            EXPECT_EQ(a.hold_target_s, b.hold_target_s);
            EXPECT_EQ(a.targets, b.targets);
        }
    }
}

TEST(PlanFile, RefusesUnsafeEdits) {
    const auto& c = test::catalog();
    auto bad = [&](const char* text) { return error_of([&] { json::plan_from_json(json::parse(text, "plan"), c); }); };
    const char* smr = R"({"kind": "smr", "id": "calves_roll", "side": "left", "hold_min_s": 30, "hold_max_s": 90, "sets": 1})";
    auto with = [&](const std::string& phases) { return "{\"phases\": [" + phases + "]}"; };
    EXPECT_EQ(bad(with(std::string("{\"phase\": \"inhibit\", \"items\": [") + smr + "]}").c_str()), "(no error)");
    EXPECT_NE(bad(R"({"phases": [{"phase": "inhibit", "items": [{"kind": "smr", "id": "calves_roll", "side": null, "hold_min_s": 10, "hold_max_s": 90, "sets": 1}]}]})")
                  .find("hold_min_s: must be from 30 to 90"), std::string::npos);
    EXPECT_NE(bad(R"({"phases": [{"phase": "lengthen", "items": []}, {"phase": "inhibit", "items": []}]})").find("inhibit (rolling) must come before"),
              std::string::npos);
    EXPECT_NE(bad((std::string(R"({"screening": {"verdict": "refer"}, "phases": [{"phase": "inhibit", "items": [)") + smr + "]}]}").c_str())
                  .find("may not contain rolling"), std::string::npos);
    EXPECT_NE(bad(R"({"phases": [{"phase": "inhibit", "items": [{"kind": "smr", "id": "neck_roll", "hold_min_s": 30, "hold_max_s": 90, "sets": 1}]}]})")
                  .find("unknown technique"), std::string::npos);
    EXPECT_NE(bad(R"({"phases": [{"phase": "inhibit"}]})").find("phases[0].items: missing"), std::string::npos);
    EXPECT_NE(bad(R"({"phases": [{"phase": "inhibit", "items": [{"kind": "stretch", "id": "calves_roll", "sets": 1}]}]})").find("unknown stretch"),
              std::string::npos);
}

TEST(Events, ReadTimesInSecondsAndCheckTypes) {
    auto e = json::event_from_json(json::parse(R"({"t": 12.5, "type": "found", "tenderness": 6})", "e"), "");
    EXPECT_EQ(e.t_ms, 12500);
    EXPECT_EQ(e.type, EventType::found);
    EXPECT_EQ(e.tenderness, 6);
    EXPECT_NE(error_of([] { json::event_from_json(json::parse(R"({"t": -1, "type": "tick"})", "e"), ""); }).find("t: must be from 0"),
              std::string::npos);
    EXPECT_NE(error_of([] { json::event_from_json(json::parse(R"({"type": "tick"})", "e"), ""); }).find("t: missing"), std::string::npos);
    EXPECT_NE(error_of([] { json::event_from_json(json::parse(R"({"t": 1, "type": "hop"})", "e"), ""); }).find("unknown event `hop`"),
              std::string::npos);
}

TEST(JsonWriter, EscapesWhatJsonRequiresAndParsesBack) {
    std::string out;
    json::JsonWriter w(out);
    std::string tricky = "quote \" back \\ nl \n tab \t ctl \x01 end";
    w.begin_object().field("s", tricky).field("n", -42).field("b", false).key("z").null().key("a").strings({"x", "y"}).end_object();
    auto v = json::parse(out, "w");
    EXPECT_EQ(v.at("s").as_string(), tricky);
    EXPECT_EQ(v.at("n").as_int64(), -42);
    EXPECT_FALSE(v.at("b").as_bool());
    EXPECT_TRUE(v.at("z").is_null());
    EXPECT_EQ(v.at("a").as_array().size(), 2u);
    EXPECT_NE(out.find("\\u0001"), std::string::npos) << out;
}

TEST(JsonWriter, NestingIsBoundedAndEveryCloseNeedsAnOpen) {
    std::string out;
    json::JsonWriter w(out);
    for (int i = 0; i < json::JsonWriter::kMaxDepth; ++i) w.begin_array();
    EXPECT_THROW(w.begin_object(), std::length_error);
    for (int i = 0; i < json::JsonWriter::kMaxDepth; ++i) w.end_array();
    EXPECT_EQ(json::parse(out, "deep").as_array().size(), 1u);  // the 32 levels written are valid JSON
    EXPECT_THROW(w.end_object(), std::logic_error);
    std::string other;
    EXPECT_THROW(json::JsonWriter(other).end_array(), std::logic_error);
}

TEST(PlanText, SameDocumentAsTheTree) {
    Profile p;
    p.targets = {"calf", "hamstrings"};
    p.answers["varicose_veins"] = true;
    auto plan = make_plan(p, test::catalog());
    EXPECT_EQ(json::parse(json::to_json_text(plan), "t"), json::to_json(plan));
    EXPECT_EQ(json::to_json(plan).at("screening").at("verdict").as_string(), "caution");
}

TEST(Text, NearestSuggestsTyposAndParts) {
    std::vector<std::string> ids{"calf", "calves_roll", "hamstrings", "soleus"};
    auto calve = nearest("calve", ids);
    EXPECT_NE(std::find(calve.begin(), calve.end(), "calf"), calve.end());
    EXPECT_EQ(nearest("hamstring", ids), std::vector<std::string>{"hamstrings"});
    EXPECT_TRUE(nearest("zzzzzz", ids).empty());
    EXPECT_TRUE(is_id("soleus_2"));
    EXPECT_FALSE(is_id("Soleus"));
    EXPECT_FALSE(is_id("2soleus"));
    EXPECT_EQ(split_ids("a, b  c,d"), (std::vector<std::string>{"a", "b", "c", "d"}));
}

TEST(Places, OneSidedExclusionsCoverOnlyThatSide) {
    RegionRef left{"calf", Side::left};
    EXPECT_TRUE(left.covers("calf", Side::left));
    EXPECT_FALSE(left.covers("calf", Side::right));
    EXPECT_TRUE(left.covers("calf", std::nullopt));
    EXPECT_FALSE(left.covers("thigh_back", Side::left));
    RegionRef both{"calf", std::nullopt};
    EXPECT_TRUE(both.covers("calf", Side::right));
    EXPECT_EQ(parse_region_ref("calf:left")->str(), "calf:left");
    EXPECT_FALSE(parse_region_ref("calf:middle").has_value());
}

}  // namespace
}  // namespace unknot
