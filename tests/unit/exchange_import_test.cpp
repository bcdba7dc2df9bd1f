// `unknot import` of an unknot export, on every backend: export -> import into an empty
// database -> export again is byte-identical but for the documented installation fields; every
// refusal names the JSON path and leaves the database exactly as it was.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <filesystem>
#include <fstream>
#include <functional>

#include "common/error.hpp"
#include "exchange/import.hpp"
#include "support/exchange_world.hpp"

namespace unknot {
namespace {

using namespace unknot::test;
namespace bj = boost::json;

class ImportContract : public StoreContract {
protected:
    // A second, empty database on the same backend.
    Store& empty() {
        if (!other_) {
            other_backend_ = GetParam().make();
            other_ = other_backend_->open();
        }
        return *other_;
    }
    exchange::ImportedExport import_into(Store& s, const bj::value& doc) {
        return exchange::import_export(s, catalog(), json::pretty(doc), "cody.json", kT0 + 99);
    }
    // The InputError an import of `text` into `s` throws; the database must be as it was.
    InputError refused(Store& s, const std::string& text) {
        auto before = snapshot(s);
        try {
            exchange::import_export(s, catalog(), text, "cody.json", kT0 + 99);
        } catch (const InputError& e) {
            EXPECT_EQ(snapshot(s), before) << "a refused import changed the database";
            return e;
        }
        ADD_FAILURE() << "the import was not refused";
        return InputError("", "");
    }

    std::unique_ptr<StoreBackend> other_backend_;
    std::unique_ptr<Store> other_;
};

TEST_P(ImportContract, RoundTripIsByteIdenticalButForInstallationFields) {
    auto w = fill_world(store());
    auto first = exchange::export_user(store(), w.client, 1);
    auto r = import_into(empty(), first);
    EXPECT_EQ(r.email, "cody@example.org");
    EXPECT_EQ(r.role, Role::admin) << "the first account owns the installation";
    EXPECT_EQ(r.sessions, 3);
    EXPECT_EQ(r.events, 5);
    EXPECT_EQ(r.holds, 3);
    EXPECT_EQ(r.visits, 2);
    EXPECT_EQ(r.assessments, 2);
    EXPECT_EQ(r.screenings, 2);
    EXPECT_EQ(r.clearances, 1);
    EXPECT_EQ(r.assignments, 2);
    EXPECT_EQ(r.techniques, 2);
    auto second = exchange::export_user(empty(), r.user, 2);
    EXPECT_EQ(json::pretty(portable(second)), json::pretty(portable(first)));
    EXPECT_EQ(exchange::export_holds_csv(empty(), r.user), exchange::export_holds_csv(store(), w.client));

    // What did not come along, as documented.
    const auto& inst = second.at("installation");
    EXPECT_EQ(inst.at("role"), "admin");
    EXPECT_EQ(inst.at("trainer"), nullptr);
    EXPECT_TRUE(inst.at("api_tokens").as_array().empty());
    EXPECT_EQ(second.at("assessments").at(1).at("by_trainer"), true);
    EXPECT_EQ(second.at("clearances").at(0).at("by_trainer"), true) << "a clearance the trainer recorded still reads so";
    EXPECT_EQ(second.at("assessments").at(1).at("installation").at("by"), nullptr);
    EXPECT_EQ(second.at("assignments").at(0).at("installation").at("trainer"), nullptr);
    auto user = empty().user(r.user);
    ASSERT_TRUE(user.has_value());
    EXPECT_TRUE(user->password_hash.empty()) << "nobody can sign in until a password is set";
    EXPECT_EQ(user->created_unix_ms, kT0);
    // The per-session totals the dashboards read were kept by save_hold.
    int holds = 0;
    for (const auto& a : empty().activity({r.user}, INT_MIN)) holds += a.holds;
    EXPECT_EQ(holds, 3);
    // An open session can go on over the API: its log continues after the imported events.
    auto open = empty().session_by_client_id(r.user, "cody-3");
    ASSERT_TRUE(open.has_value());
    EXPECT_EQ(empty().event_count(*open), 1);
    EXPECT_EQ(empty().session(*open)->status, SessionStatus::open);
    EXPECT_EQ(empty().audit_log(r.user, 10).at(0).action, "import");
}

TEST_P(ImportContract, IntoAnInstallationWithAccountsTheRoleIsWhatTravels) {
    auto w = fill_world(store());
    auto cody = exchange::export_user(store(), w.client, 1);
    auto tara = exchange::export_user(store(), w.trainer, 1);
    empty().create_user(make_user("owner@example.org", Role::admin));
    EXPECT_EQ(import_into(empty(), cody).role, Role::self) << "a client without their trainer rolls on their own";
    EXPECT_EQ(import_into(empty(), tara).role, Role::trainer);
    EXPECT_EQ(empty().count_users(), 3);
}

TEST_P(ImportContract, DataFromBeforeAnyAccountGoesToAnInstallationWithoutOne) {
    auto s = store().begin_session({kLocalUser, kT0, kDay0, plan_text({"calf"}), ""});
    store().save_hold(s, make_hold(1, Side::left, 2, HoldOutcome::eased));
    store().save_hold(s, make_hold(2, Side::left, 5, HoldOutcome::released_early));  // every outcome comes back as it left
    auto doc = exchange::export_user(store(), kLocalUser, 1);
    auto r = import_into(empty(), doc);
    EXPECT_EQ(r.user, kLocalUser);
    EXPECT_TRUE(r.email.empty());
    EXPECT_EQ(json::pretty(portable(exchange::export_user(empty(), kLocalUser, 2))), json::pretty(portable(doc)));
    // With accounts it would be nobody's: refused.
    empty().create_user(make_user("owner@example.org", Role::admin));
    auto e = refused(empty(), json::pretty(doc));
    EXPECT_EQ(e.where(), "cody.json: user");
}

TEST_P(ImportContract, AnEmailAlreadyHereIsRefused) {
    auto w = fill_world(store());
    auto doc = exchange::export_user(store(), w.client, 1);
    auto e = refused(store(), json::pretty(doc));
    EXPECT_EQ(e.where(), "cody.json: user.email");
    EXPECT_NE(e.message().find("already exists"), std::string::npos) << e.what();
}

TEST_P(ImportContract, AFailureHalfwayWritesNothing) {
    // Data kept before any account, with a client id the import also uses: the first account
    // adopts it, and the imported session with the same id then clashes inside the transaction.
    auto w = fill_world(store());
    auto doc = exchange::export_user(store(), w.client, 1);
    empty().begin_session({kLocalUser, kT0, kDay0, "{\"phases\":[]}", "cody-3"});
    auto before = snapshot(empty());
    EXPECT_THROW(import_into(empty(), doc), StoreError);
    EXPECT_EQ(snapshot(empty()), before);
    EXPECT_EQ(empty().count_users(), 0);
}

// Each case changes a good export in one place.
struct Bad {
    const char* name;
    std::function<void(bj::object&)> change;
    const char* where;
    const char* says;
};

bj::object& at(bj::object& doc, std::initializer_list<std::string_view> path) {
    bj::value* v = nullptr;
    for (auto p : path) {
        bj::value& next = v ? (v->is_array() ? v->as_array().at(std::stoul(std::string(p))) : v->as_object().at(p)) : doc.at(p);
        v = &next;
    }
    return v->as_object();
}

TEST_P(ImportContract, EachSchemaErrorNamesItsPathAndChangesNothing) {
    auto w = fill_world(store());
    const auto good = exchange::export_user(store(), w.client, 1).as_object();
    const std::vector<Bad> cases = {
        {"format", [](bj::object& d) { d["format"] = "something-else"; }, "format", "not an unknot export"},
        {"version", [](bj::object& d) { d["version"] = 2; }, "version", "reads version 1 only"},
        {"unknown top field", [](bj::object& d) { d["colour"] = "red"; }, "colour", "unknown field"},
        {"tenderness", [](bj::object& d) { at(d, {"sessions", "1", "holds", "0"})["tenderness_start"] = 11; },
         "sessions[1].holds[0].tenderness_start", "from 0 to 10"},
        {"side", [](bj::object& d) { at(d, {"sessions", "0", "holds", "1"})["side"] = "middle"; }, "sessions[0].holds[1].side", "left, right"},
        {"outcome", [](bj::object& d) { at(d, {"sessions", "0", "holds", "0"})["outcome"] = "fine"; }, "sessions[0].holds[0].outcome", "eased"},
        {"missing hold field", [](bj::object& d) { at(d, {"sessions", "0", "holds", "0"}).erase("hold_s"); }, "sessions[0].holds[0].hold_s", "missing"},
        {"visit kind", [](bj::object& d) { at(d, {"sessions", "0", "visits", "1"})["kind"] = "nap"; }, "sessions[0].visits[1].kind", "smr"},
        {"technique id", [](bj::object& d) { at(d, {"sessions", "0", "holds", "0"})["technique"] = "=cmd()"; },
         "sessions[0].holds[0].technique", "not an id"},
        {"duplicate client id", [](bj::object& d) { at(d, {"sessions", "2"})["client_id"] = "cody-2"; }, "sessions[2].client_id", "cody-2"},
        {"duplicate event id", [](bj::object& d) { at(d, {"sessions", "1", "events", "3"})["id"] = "e1"; }, "sessions[1].events[3].id",
         "unique within a session"},
        {"event type", [](bj::object& d) { at(d, {"sessions", "1", "events", "0"})["type"] = "jump"; }, "sessions[1].events[0].type", "start"},
        {"date", [](bj::object& d) { at(d, {"sessions", "0"})["date"] = "2023-02-30"; }, "sessions[0].date", "a date like"},
        {"status", [](bj::object& d) { at(d, {"sessions", "0"})["status"] = "paused"; }, "sessions[0].status", "open, done, stopped"},
        {"open but ended", [](bj::object& d) { at(d, {"sessions", "2"})["ended_unix_ms"] = kT0; }, "sessions[2].ended_unix_ms", "has not ended"},
        {"plan", [](bj::object& d) { at(d, {"sessions", "0", "plan", "phases", "0", "items", "0"})["id"] = "nose_roll"; },
         "sessions[0].plan.phases[0].items[0].id", "unknown technique"},
        {"plan type", [](bj::object& d) { at(d, {"sessions", "0"})["plan"] = "a plan"; }, "sessions[0].plan", "an object"},
        {"email", [](bj::object& d) { at(d, {"user"})["email"] = "not-an-email"; }, "user.email", ""},
        {"assessment", [](bj::object& d) { at(d, {"assessments", "0", "assessment"}).erase("findings"); }, "assessments[0].assessment.findings", "missing"},
        {"by_trainer", [](bj::object& d) { at(d, {"assessments", "0"})["by_trainer"] = "yes"; }, "assessments[0].by_trainer", "true or false"},
        {"screening result", [](bj::object& d) { at(d, {"screenings", "0"})["result"] = "fine"; }, "screenings[0].result", "clear"},
        {"answers", [](bj::object& d) { at(d, {"screenings", "0", "answers", "answers"})["varicose_veins"] = 3; },
         "screenings[0].answers.answers.varicose_veins", "true/false"},
        {"clearance condition", [](bj::object& d) { at(d, {"clearances", "0"})["condition"] = "osteoporsis"; }, "clearances[0].condition",
         "unknown condition"},
        {"clearance of a caution", [](bj::object& d) { at(d, {"clearances", "0"})["condition"] = "varicose_veins"; }, "clearances[0].condition",
         "not a refer"},
        {"clearance before any screening", [](bj::object& d) { at(d, {"clearances", "0"})["created_unix_ms"] = 5; }, "clearances[0].condition",
         "no screening"},
        {"clearance in the future", [](bj::object& d) { at(d, {"clearances", "0"})["date"] = "2023-11-15"; }, "clearances[0].date", "future"},
        {"clearance run out", [](bj::object& d) { at(d, {"clearances", "0"})["date"] = "2022-11-14"; }, "clearances[0].date", "365 days"},
        {"clearance note", [](bj::object& d) { at(d, {"clearances", "0"})["note"] = std::string(501, 'x'); }, "clearances[0].note", "500"},
        {"clearance field", [](bj::object& d) { at(d, {"clearances", "0"})["doctor"] = "Rees"; }, "clearances[0].doctor", "unknown field"},
        {"profile", [](bj::object& d) { at(d, {"assignments", "0", "profile"})["minutes"] = 0; }, "assignments[0].profile.minutes", "from 1 to 240"},
        {"duplicate technique", [](bj::object& d) { at(d, {"user_techniques", "1"})["id"] = "Calves-SMR"; }, "user_techniques[1].id", "unique"},
        {"technique muscles", [](bj::object& d) { at(d, {"user_techniques", "1"})["muscles"] = bj::array{"Calf"}; },
         "user_techniques[1].muscles[0]", "not an id"},
    };
    for (const auto& c : cases) {
        auto doc = good;
        c.change(doc);
        auto e = refused(empty(), json::pretty(doc));
        EXPECT_EQ(e.where(), std::string("cody.json: ") + c.where) << c.name << ": " << e.what();
        EXPECT_NE(e.message().find(c.says), std::string::npos) << c.name << ": " << e.what();
    }
    EXPECT_EQ(empty().count_users(), 0);
}

TEST_P(ImportContract, BrokenJsonSaysLineAndColumn) {
    auto e = refused(empty(), "{\n  \"format\": \"unknot-export\",\n  \"version\": 1,,\n}");
    EXPECT_EQ(e.where(), "cody.json:3:16");
    auto top = refused(empty(), "[1, 2]");
    EXPECT_EQ(top.where(), "cody.json: (top level)");
}

TEST(ImportFile, TooLargeIsRefusedBeforeReading) {
    TempPath p;
    {
        std::ofstream out(p.str(), std::ios::binary);
        out << std::string(3 << 20, ' ');
    }
    try {
        exchange::read_import_file(p.str(), 2 << 20);
        FAIL() << "not refused";
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), p.str());
        EXPECT_NE(e.message().find("3 MiB"), std::string::npos) << e.what();
        EXPECT_NE(e.message().find("over 2 MiB"), std::string::npos) << e.what();
    }
    EXPECT_EQ(exchange::read_import_file(p.str(), 3 << 20).size(), 3u << 20);
    EXPECT_EQ(exchange::max_import_bytes, 64u << 20);
    EXPECT_THROW(exchange::read_import_file(p.str() + ".missing"), InputError);
    EXPECT_THROW(exchange::read_import_file(std::filesystem::temp_directory_path().string()), InputError);
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportContract, ::testing::ValuesIn(store_backends()), backend_name);

}  // namespace
}  // namespace unknot
