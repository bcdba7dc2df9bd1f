#pragma once
// For the exchange tests: a client with one of everything an export holds, written through the
// Store the way the CLI and the server write it, and a snapshot of a whole database for "a
// refused import changed nothing".
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <climits>
#include <string>
#include <vector>

#include "codec/codec.hpp"
#include "codec/json_util.hpp"
#include "exchange/export.hpp"
#include "planning/plan.hpp"
#include "store/store.hpp"
#include "support/catalog_fixture.hpp"
#include "support/store_backends.hpp"

namespace unknot::test {

struct ExchangeWorld {
    UserId trainer = 0, client = 0;
    std::int64_t cli_session = 0, api_session = 0, open_session = 0;
};

inline constexpr int kDay0 = 19'700;
inline constexpr std::int64_t kDayMs = 86'400'000;

inline std::string plan_text(const std::vector<std::string>& targets) {
    Profile p;
    p.targets = targets;
    return json::to_json_text(make_plan(p, catalog()));
}

inline ExchangeWorld fill_world(Store& s) {
    ExchangeWorld w;
    w.trainer = s.create_user(make_user("tara@example.org", Role::trainer));
    w.client = s.create_user(make_user("cody@example.org", Role::client));
    s.link(w.trainer, w.client, kT0 + 1'000);
    // Recorded by the CLI: no client id, no event log.
    w.cli_session = s.begin_session({w.client, kT0 + kDayMs, kDay0 + 1, plan_text({"calf"}), ""});
    s.save_hold(w.cli_session, make_hold(1, Side::left, 3, HoldOutcome::eased));
    s.save_hold(w.cli_session, make_hold(2, Side::right, std::nullopt, HoldOutcome::too_painful));
    s.save_visit(w.cli_session, make_visit(0, ItemKind::smr, "calves_roll", Side::left, VisitOutcome::done, 1));
    s.save_visit(w.cli_session, make_visit(1, ItemKind::stretch, "wall_calf_stretch_straight_knee", std::nullopt, VisitOutcome::skipped, 0));
    s.end_session(w.cli_session, kT0 + kDayMs + 600'000, SessionStatus::done);
    // Driven over the API: a client id and an event log. The open one starts at the same time,
    // so the order of the two rests on the order they were recorded in.
    w.api_session = s.begin_session({w.client, kT0 + 2 * kDayMs, kDay0 + 2, plan_text({"hamstrings"}), "cody-2"});
    s.add_event(w.api_session, 1, {"e1", {EventType::start, 0, std::nullopt}});
    s.add_event(w.api_session, 2, {"e2", {EventType::in_position, 5'000, std::nullopt}});
    s.add_event(w.api_session, 3, {"e3", {EventType::found, 20'000, 6}});
    s.add_event(w.api_session, 4, {"e4", {EventType::eased, 60'000, 2}});
    auto h = make_hold(1, Side::right, 2, HoldOutcome::eased);
    h.technique = "hamstrings_roll", h.muscles = {"hamstrings"}, h.tenderness_start = 6;
    s.save_hold(w.api_session, h);
    s.end_session(w.api_session, kT0 + 2 * kDayMs + 90'000, SessionStatus::stopped);
    w.open_session = s.begin_session({w.client, kT0 + 2 * kDayMs, kDay0 + 2, plan_text({"calf"}), "cody-3"});
    s.add_event(w.open_session, 1, {"o1", {EventType::start, 0, std::nullopt}});

    s.save_assessment({0, kT0 + 5, kDay0, R"({"findings":[{"id":"knees_move_inward"}],"edition":"c4"})", w.client, w.client});
    s.save_assessment({0, kT0 + 6, kDay0, R"({"findings":[{"id":"asymmetric_weight_shift","side":"left"}],"edition":"c7"})", w.client, w.trainer});
    s.save_screening({0, w.client, w.trainer, kT0 + 7, kDay0, R"({"answers":{"varicose_veins":true}})", "caution"});
    // A refer, and a physiotherapist's go-ahead for it a few days before it was recorded.
    s.save_screening({0, w.client, w.client, kT0 + 8, kDay0, R"({"answers":{"varicose_veins":true,"osteoporosis":true}})", "refer"});
    s.save_clearance({0, w.client, w.trainer, kT0 + 10, "osteoporosis", 19'670, "Physio letter seen"});
    s.assign({0, w.trainer, w.client, kT0 + 8, R"({"targets":["calf"],"minutes":10})", "Every morning, before work"});
    s.assign({0, w.trainer, w.client, kT0 + 9, R"({"targets":["hamstrings"]})", ""});
    // Ids in an order where byte order and a language collation disagree.
    s.put_user_technique({w.client, "b-roll", "B roll", "free-exercise-db", "gastrocnemius soleus", R"({"instructions":["Roll slowly."]})"});
    s.put_user_technique({w.client, "Calves-SMR", "Calves-SMR", "free-exercise-db", "", R"({"unmapped":["biceps"]})"});
    s.put_token(Token{"0123456789abcdef0123456789abcdef", TokenKind::api, w.client, kT0 + 10, 0, 0, false, "script", ""});
    // Someone else's data, which must stay out of the client's export.
    auto own = s.begin_session({w.trainer, kT0 + 3 * kDayMs, kDay0 + 3, plan_text({"calf"}), "cody-2"});
    s.save_hold(own, make_hold(1, Side::left, 1, HoldOutcome::eased));
    return w;
}

// The export without what is true only where it was made: every `installation` member and
// `exported_unix_ms` (docs/export-format.md).
inline boost::json::value portable(boost::json::value v) {
    if (v.is_object()) {
        auto& o = v.get_object();
        o.erase("installation");
        o.erase("exported_unix_ms");
        for (auto& kv : o) kv.value() = portable(kv.value());
    } else if (v.is_array()) {
        for (auto& x : v.get_array()) x = portable(x);
    }
    return v;
}

// Everything an import could have written, as text.
inline std::string snapshot(Store& s) {
    std::string out = std::to_string(s.count_users()) + " users\n";
    std::vector<UserId> ids{kLocalUser};
    for (const auto& u : s.users()) {
        out += std::to_string(u.id) + " " + u.email + " " + std::string(to_string(u.role)) + " " + u.password_hash + "\n";
        ids.push_back(u.id);
    }
    for (auto id : ids) out += boost::json::serialize(exchange::export_user(s, id, 0)) + "\n";
    for (const auto& a : s.activity(ids, INT_MIN)) out += std::to_string(a.user) + ":" + std::to_string(a.holds) + " ";
    out += "\n" + std::to_string(s.audit_log(0, 100'000).size()) + " audit entries\n";
    return out;
}

}  // namespace unknot::test
