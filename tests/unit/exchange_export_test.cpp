// The personal export (docs/export-format.md) and the holds CSV, on every backend: one of
// everything a person has, in the documented order, installation-specific facts under
// `installation`, nothing of anyone else's and no secrets.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "exchange/export.hpp"
#include "support/exchange_world.hpp"

namespace unknot {
namespace {

using namespace unknot::test;
namespace bj = boost::json;

class ExportContract : public StoreContract {};

std::vector<std::string> keys(const bj::value& v) {
    std::vector<std::string> out;
    for (const auto& kv : v.as_object()) out.emplace_back(kv.key());
    return out;
}

TEST_P(ExportContract, EverythingOfThePersonInTheDocumentedOrder) {
    auto w = fill_world(store());
    auto doc = exchange::export_user(store(), w.client, 1'234);
    EXPECT_EQ(keys(doc), (std::vector<std::string>{"format", "version", "exported_unix_ms", "installation", "user", "sessions", "assessments",
                                                   "screenings", "clearances", "assignments", "user_techniques"}));
    EXPECT_EQ(doc.at("format"), "unknot-export");
    EXPECT_EQ(doc.at("version"), 1);
    EXPECT_EQ(doc.at("exported_unix_ms"), 1'234);
    EXPECT_EQ(doc.at("user"), (bj::object{{"email", "cody@example.org"}, {"name", "Name of cody@example.org"}, {"created_unix_ms", kT0}}));

    const auto& inst = doc.at("installation");
    EXPECT_EQ(inst.at("user_id"), w.client);
    EXPECT_EQ(inst.at("role"), "client");
    EXPECT_EQ(inst.at("trainer"), (bj::object{{"id", w.trainer}, {"name", "Name of tara@example.org"}, {"since_unix_ms", kT0 + 1'000}}));
    ASSERT_EQ(inst.at("api_tokens").as_array().size(), 1u);
    EXPECT_EQ(inst.at("api_tokens").at(0).at("id"), "0123456789abcdef");

    const auto& sessions = doc.at("sessions").as_array();
    ASSERT_EQ(sessions.size(), 3u);  // not the trainer's own
    EXPECT_EQ(keys(sessions[0]), (std::vector<std::string>{"installation", "client_id", "started_unix_ms", "ended_unix_ms", "date", "status",
                                                           "plan", "events", "holds", "visits"}));
    EXPECT_EQ(sessions[0].at("installation").at("id"), w.cli_session);
    EXPECT_EQ(sessions[0].at("client_id"), nullptr);
    EXPECT_EQ(sessions[0].at("date"), "2023-12-10");
    EXPECT_EQ(sessions[0].at("status"), "done");
    EXPECT_EQ(sessions[0].at("plan"), bj::parse(plan_text({"calf"})));
    EXPECT_TRUE(sessions[0].at("events").as_array().empty());
    ASSERT_EQ(sessions[0].at("holds").as_array().size(), 2u);
    EXPECT_EQ(sessions[0].at("holds").at(1).at("tenderness_end"), nullptr);
    EXPECT_EQ(sessions[0].at("holds").at(1).at("outcome"), "too_painful");
    EXPECT_EQ(sessions[0].at("visits").at(1).at("kind"), "stretch");
    // Same start: recorded order.
    EXPECT_EQ(sessions[1].at("installation").at("id"), w.api_session);
    EXPECT_EQ(sessions[1].at("client_id"), "cody-2");
    EXPECT_EQ(sessions[1].at("events").at(2), (bj::object{{"id", "e3"}, {"t_ms", 20'000}, {"type", "found"}, {"tenderness", 6}}));
    EXPECT_EQ(sessions[1].at("events").at(3).at("id"), "e4");
    EXPECT_EQ(sessions[2].at("status"), "open");
    EXPECT_EQ(sessions[2].at("ended_unix_ms"), nullptr);

    const auto& assessments = doc.at("assessments").as_array();
    ASSERT_EQ(assessments.size(), 2u);
    EXPECT_EQ(assessments[0].at("by_trainer"), false);
    EXPECT_EQ(assessments[0].at("installation").at("by"), nullptr);
    EXPECT_EQ(assessments[1].at("by_trainer"), true);
    EXPECT_EQ(assessments[1].at("installation").at("by").at("id"), w.trainer);
    EXPECT_EQ(assessments[1].at("assessment").at("edition"), "c7");
    EXPECT_EQ(doc.at("screenings").at(0).at("result"), "caution");
    EXPECT_EQ(doc.at("screenings").at(0).at("answers").at("answers").at("varicose_veins"), true);
    ASSERT_EQ(doc.at("clearances").as_array().size(), 1u);
    const auto& cl = doc.at("clearances").at(0);
    EXPECT_EQ(cl.at("condition"), "osteoporosis");
    EXPECT_EQ(cl.at("date"), "2023-11-09");
    EXPECT_EQ(cl.at("by_trainer"), true);
    EXPECT_EQ(cl.at("note"), "Physio letter seen");
    EXPECT_EQ(cl.at("installation").at("by").at("id"), w.trainer);
    // Oldest first, like every other list, although the store lists routines newest first.
    const auto& assignments = doc.at("assignments").as_array();
    ASSERT_EQ(assignments.size(), 2u);
    EXPECT_EQ(assignments[0].at("note"), "Every morning, before work");
    EXPECT_EQ(assignments[0].at("installation").at("trainer").at("id"), w.trainer);
    EXPECT_EQ(assignments[1].at("profile"), bj::parse(R"({"targets":["hamstrings"]})"));
    // Byte order: upper case first, on PostgreSQL too.
    const auto& own = doc.at("user_techniques").as_array();
    ASSERT_EQ(own.size(), 2u);
    EXPECT_EQ(own[0].at("id"), "Calves-SMR");
    EXPECT_EQ(own[1], (bj::object{{"id", "b-roll"}, {"name", "B roll"}, {"source", "free-exercise-db"},
                                  {"muscles", bj::array{"gastrocnemius", "soleus"}}, {"details", bj::parse(R"({"instructions":["Roll slowly."]})")}}));
}

TEST_P(ExportContract, NoSecretsAndNothingOfAnyoneElse) {
    auto w = fill_world(store());
    auto text = bj::serialize(exchange::export_user(store(), w.client, 0));
    EXPECT_EQ(text.find("argon2id"), std::string::npos);
    EXPECT_EQ(text.find("0123456789abcdef0123456789abcdef"), std::string::npos) << "only the public handle of a token";
    EXPECT_EQ(keys(exchange::export_user(store(), w.client, 0).at("installation").at("trainer")),
              (std::vector<std::string>{"id", "name", "since_unix_ms"}))
        << "the trainer is named, not their email";
    auto trainer = exchange::export_user(store(), w.trainer, 0);
    EXPECT_EQ(trainer.at("sessions").as_array().size(), 1u);
    EXPECT_TRUE(trainer.at("assessments").as_array().empty()) << "made by her, but about Cody";
    EXPECT_EQ(trainer.at("installation").at("trainer"), nullptr);
}

TEST_P(ExportContract, SamePersonSameBytesAndOnlyTheTimeOfExportDiffers) {
    auto w = fill_world(store());
    auto a = json::pretty(exchange::export_user(store(), w.client, 1));
    auto b = json::pretty(exchange::export_user(store(), w.client, 2));
    EXPECT_NE(a, b);
    a.replace(a.find("\"exported_unix_ms\": 1"), 21, "\"exported_unix_ms\": 2");
    EXPECT_EQ(a, b);
}

TEST_P(ExportContract, DataFromBeforeAnyAccountHasNoUser) {
    rolled(kLocalUser, kT0, kDay0);
    auto doc = exchange::export_user(store(), kLocalUser, 0);
    EXPECT_EQ(doc.at("user"), nullptr);
    EXPECT_EQ(doc.at("installation").at("user_id"), nullptr);
    EXPECT_EQ(doc.at("installation").at("role"), nullptr);
    EXPECT_EQ(doc.at("sessions").as_array().size(), 1u);
}

TEST_P(ExportContract, HoldsCsvHasAHeaderAndOneLinePerHold) {
    auto w = fill_world(store());
    auto csv = exchange::export_holds_csv(store(), w.client);
    EXPECT_EQ(csv,
              "date,started,technique,side,muscles,spot,hold_s,tenderness_start,tenderness_end,outcome\r\n"
              "2023-12-10,2023-11-15T22:13:20Z,calves_roll,left,gastrocnemius soleus,1,41,7,3,eased\r\n"
              "2023-12-10,2023-11-15T22:13:20Z,calves_roll,right,gastrocnemius soleus,2,42,7,,too_painful\r\n"
              "2023-12-11,2023-11-16T22:13:20Z,hamstrings_roll,right,hamstrings,1,41,6,2,eased\r\n");
    EXPECT_EQ(exchange::export_holds_csv(store(), add_user("new@example.org")),
              "date,started,technique,side,muscles,spot,hold_s,tenderness_start,tenderness_end,outcome\r\n");
}

TEST_P(ExportContract, HoldsCsvQuotesWhatNeedsQuoting) {
    auto s = begin(kT0, kDay0);
    auto h = make_hold(1, std::nullopt, 2, HoldOutcome::eased);
    h.technique = "odd, \"quoted\"\nname";
    store().save_hold(s, h);
    auto csv = exchange::export_holds_csv(store(), kLocalUser);
    EXPECT_NE(csv.find(",\"odd, \"\"quoted\"\"\nname\",,gastrocnemius soleus,"), std::string::npos) << csv;
}

INSTANTIATE_TEST_SUITE_P(Backends, ExportContract, ::testing::ValuesIn(store_backends()), backend_name);

}  // namespace
}  // namespace unknot
