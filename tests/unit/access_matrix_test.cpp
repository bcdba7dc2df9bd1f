// The authorisation matrix: every route the API registers (taken from the router itself, so a
// new route cannot be forgotten) x every role x own / a client's / another tenant's data, each
// request against a fresh installation. The expected answer comes from the table below, written
// by hand from docs/accounts.md, not from the access classes the routes declare.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "support/api_world.hpp"

namespace unknot {
namespace {

using test::ApiWorld;

enum class Rule {
    anyone,          // no sign-in needed
    signed_in,       // any account, own things only
    coach,           // trainers and admins
    admin,           // administrators
    health,          // own data, or a current client's (trainers, admins as trainers)
    coach_health,    // as health, and the caller must coach (assigning routines)
    session_health,  // the session's owner or their current trainer
    routine_health,  // an assigned routine's client or their current trainer
};

const std::map<std::string, Rule> expected = {
    {"GET /healthz", Rule::anyone},
    {"GET /api/v1/openapi.json", Rule::anyone},
    {"GET /api/v1/techniques", Rule::anyone},
    {"GET /api/v1/stretches", Rule::anyone},
    {"GET /api/v1/learn", Rule::anyone},
    {"GET /api/v1/muscles", Rule::anyone},
    {"GET /api/v1/regions", Rule::anyone},
    {"GET /api/v1/tools", Rule::anyone},
    {"GET /api/v1/conditions", Rule::anyone},
    {"GET /api/v1/screening-gate", Rule::anyone},
    {"GET /api/v1/cues", Rule::anyone},
    {"GET /api/v1/goals", Rule::anyone},
    {"GET /api/v1/sources", Rule::anyone},
    {"GET /api/v1/compensations", Rule::anyone},
    {"GET /api/v1/activations", Rule::anyone},
    {"GET /api/v1/integrations", Rule::anyone},
    {"GET /api/v1/techniques/{id}", Rule::anyone},
    {"GET /api/v1/stretches/{id}", Rule::anyone},
    {"GET /api/v1/learn/{slug}", Rule::anyone},
    {"GET /api/v1/learn/diagrams/{file}", Rule::anyone},
    {"GET /api/v1/pictures/{move}", Rule::anyone},
    {"GET /api/v1/auth", Rule::anyone},
    {"POST /api/v1/setup", Rule::anyone},
    {"POST /api/v1/signup", Rule::anyone},
    {"POST /api/v1/login", Rule::anyone},
    {"POST /api/v1/password-reset", Rule::anyone},
    {"GET /api/v1/invites/{token}", Rule::anyone},
    {"POST /api/v1/guest/screening", Rule::anyone},
    {"POST /api/v1/guest/plans", Rule::anyone},
    {"POST /api/v1/plans", Rule::signed_in},
    {"POST /api/v1/logout", Rule::signed_in},
    {"POST /api/v1/password", Rule::signed_in},
    {"GET /api/v1/tokens", Rule::signed_in},
    {"POST /api/v1/tokens", Rule::signed_in},
    {"DELETE /api/v1/tokens/{id}", Rule::signed_in},
    {"GET /api/v1/export", Rule::signed_in},
    {"GET /api/v1/export/holds.csv", Rule::signed_in},
    {"GET /api/v1/user-techniques", Rule::signed_in},
    {"DELETE /api/v1/me", Rule::signed_in},
    {"GET /api/v1/audit", Rule::signed_in},
    {"POST /api/v1/invites/{token}/accept", Rule::signed_in},
    {"DELETE /api/v1/trainer", Rule::signed_in},
    {"POST /api/v1/invites", Rule::coach},
    {"GET /api/v1/invites", Rule::coach},
    {"DELETE /api/v1/invites/{token}", Rule::coach},
    {"GET /api/v1/clients", Rule::coach},
    {"DELETE /api/v1/clients/{client}", Rule::coach},
    {"GET /api/v1/dashboard", Rule::coach},
    {"GET /api/v1/users", Rule::admin},
    {"POST /api/v1/users", Rule::admin},
    {"POST /api/v1/users/{user}/password-reset", Rule::admin},
    {"POST /api/v1/screenings", Rule::health},
    {"GET /api/v1/screenings", Rule::health},
    {"POST /api/v1/clearances", Rule::health},
    {"GET /api/v1/clearances", Rule::health},
    {"POST /api/v1/assessments", Rule::health},
    {"GET /api/v1/assessments", Rule::health},
    {"POST /api/v1/sessions", Rule::health},
    {"GET /api/v1/history", Rule::health},
    {"GET /api/v1/progress", Rule::health},
    {"GET /api/v1/assignments", Rule::health},
    {"POST /api/v1/assignments", Rule::coach_health},
    {"GET /api/v1/sessions/{id}", Rule::session_health},
    {"GET /api/v1/plans/{id}/handout.pdf", Rule::routine_health},
    {"POST /api/v1/handouts", Rule::signed_in},
    {"GET /api/v1/progress/report.pdf", Rule::health},
    {"GET /api/v1/calendar", Rule::signed_in},
    {"POST /api/v1/calendar", Rule::signed_in},
    {"DELETE /api/v1/calendar", Rule::signed_in},
    {"GET /calendar/{file}", Rule::anyone},
    {"POST /api/v1/sessions/{id}/events", Rule::session_health},
};

const std::vector<std::string> actors = {"", "owner", "trainer_a", "client_a", "trainer_b", "client_b", "solo"};
// Whose data a request aims at: the caller's own, trainer_a's client, or trainer_b's client.
const std::vector<std::string> targets = {"own", "client_a", "client_b"};

bool is_coach(const std::string& who) { return who == "owner" || who.starts_with("trainer"); }

bool expect_allowed(Rule rule, const std::string& who, const std::string& target) {
    if (rule == Rule::anyone) return true;
    if (who.empty()) return false;
    auto may_see = [&] { return target == "own" || target == who || (who == "trainer_a" && target == "client_a") || (who == "trainer_b" && target == "client_b"); };
    switch (rule) {
        case Rule::anyone: return true;
        case Rule::signed_in: return true;
        case Rule::coach: return is_coach(who);
        case Rule::admin: return who == "owner";
        case Rule::health:
        case Rule::session_health:
        case Rule::routine_health: return may_see();
        case Rule::coach_health: return is_coach(who) && may_see();
    }
    return false;
}

std::string fill(const std::string& pattern, const ApiWorld& w, const std::string& who, const std::string& target) {
    const auto& subject = target == "own" ? (who.empty() ? w["solo"] : w[who]) : w[target];
    std::string out;
    std::size_t pos = 0;
    while (pos < pattern.size()) {
        auto open = pattern.find('{', pos);
        if (open == std::string::npos) {
            out += pattern.substr(pos);
            break;
        }
        out += pattern.substr(pos, open - pos);
        auto close = pattern.find('}', open);
        auto name = pattern.substr(open + 1, close - open - 1);
        if (name == "id" && pattern.find("sessions") != std::string::npos) out += std::to_string(subject.session);
        else if (name == "id" && pattern.find("plans") != std::string::npos) out += std::to_string(subject.routine);
        else if (name == "id" && pattern.find("techniques") != std::string::npos) out += "calves_roll";
        else if (name == "id" && pattern.find("stretches") != std::string::npos) out += "wall_calf_stretch_straight_knee";
        else if (name == "id") out += "0123456789abcdef";
        else if (name == "slug") out += "autogenic-inhibition";
        else if (name == "move") out += "calves_roll";
        else if (name == "file" && pattern.find("diagrams") != std::string::npos) out += "autogenic-inhibition.svg";
        else if (name == "client" || name == "user") out += std::to_string(subject.id);
        else out += "not-a-real-token";
        pos = close + 1;
    }
    return out;
}

bool health_rule(Rule r) { return r == Rule::health || r == Rule::coach_health; }

TEST(AccessMatrix, EveryRouteIsClassified) {
    ApiWorld w;
    std::vector<std::string> missing;
    for (const auto& r : w.api().router().routes())
        if (!expected.count(r.method + " " + r.pattern)) missing.push_back(r.method + " " + r.pattern);
    EXPECT_TRUE(missing.empty()) << "routes without an expected rule: " << ::testing::PrintToString(missing);
    std::set<std::string> registered;
    for (const auto& r : w.api().router().routes()) registered.insert(r.method + " " + r.pattern);
    for (const auto& [k, _] : expected) EXPECT_TRUE(registered.count(k)) << k << " is expected but not registered";
}

TEST(AccessMatrix, EveryRouteEveryRoleEveryTenant) {
    std::vector<std::pair<std::string, std::string>> routes;
    {
        ApiWorld w;
        for (const auto& r : w.api().router().routes()) routes.emplace_back(r.method, r.pattern);
    }
    int checked = 0, allowed_count = 0, leaks = 0;
    for (const auto& [method, pattern] : routes) {
        auto rule = expected.at(method + " " + pattern);
        bool aims = health_rule(rule) || rule == Rule::session_health || rule == Rule::routine_health;
        for (const auto& who : actors) {
            for (const auto& target : targets) {
                if (!aims && target != "own") continue;
                ApiWorld w;  // fresh: some allowed requests change the installation
                auto path = fill(pattern, w, who, target);
                if (health_rule(rule) && target != "own") path += "?client=" + std::to_string(w[target].id);
                auto res = w.send(who, method, path, method == "GET" || method == "DELETE" ? "" : "{}");
                bool want = expect_allowed(rule, who, target);
                // Denied means the gate answered: 401, 403, or 404 for someone else's session.
                bool denied = res.status == 401 || res.status == 403 ||
                              ((rule == Rule::session_health || rule == Rule::routine_health) && res.status == 404);
                ++checked;
                if (want) ++allowed_count;
                EXPECT_EQ(!denied, want) << method << " " << path << " as " << (who.empty() ? "nobody" : who) << " -> " << res.status << " "
                                         << res.body.substr(0, 200);
                // A refusal never carries the other person's data.
                if (denied && target != "own" && res.body.find(w[target].email) != std::string::npos) ++leaks;
                if (denied && res.body.find("gastrocnemius") != std::string::npos) ++leaks;
            }
        }
    }
    EXPECT_EQ(leaks, 0);
    EXPECT_GT(checked, 400);
    EXPECT_GT(allowed_count, 100);
    RecordProperty("requests", checked);
    std::printf("authorisation matrix: %d requests, %d allowed, %d refused, %d leaks\n", checked, allowed_count, checked - allowed_count, leaks);
}

// Reading a client's data leaves a trace the client can see; reading your own does not.
TEST(AccessMatrix, ReadingAnotherPersonsDataIsAudited) {
    ApiWorld w;
    auto client = std::to_string(w["client_a"].id);
    ASSERT_EQ(w.send("trainer_a", "GET", "/api/v1/progress?client=" + client).status, 200);
    ASSERT_EQ(w.send("client_a", "GET", "/api/v1/progress").status, 200);
    auto log = w.store().audit_log(w["client_a"].id, 10);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].actor, w["trainer_a"].id);
    EXPECT_EQ(log[0].action, "read");
    EXPECT_EQ(log[0].target, "GET /api/v1/progress");
    auto seen = w.send("client_a", "GET", "/api/v1/audit");
    EXPECT_NE(seen.body.find("trainer_a"), std::string::npos) << seen.body;
    // The client's own downloads, however many, leave the trainer's read in view.
    for (int i = 0; i < 205; ++i) ASSERT_EQ(w.send("client_a", "GET", "/api/v1/export").status, 200);
    seen = w.send("client_a", "GET", "/api/v1/audit");
    EXPECT_NE(seen.body.find("trainer_a"), std::string::npos) << seen.body.substr(0, 300);
    EXPECT_EQ(seen.body.find("\"you\""), std::string::npos);
    auto mine = w.send("client_a", "GET", "/api/v1/audit?mine=true");
    EXPECT_EQ(mine.body.find("trainer_a"), std::string::npos) << "200 newest are all own exports";
    EXPECT_NE(mine.body.find("\"you\""), std::string::npos);
    EXPECT_EQ(w.send("client_a", "GET", "/api/v1/audit?mine=perhaps").status, 400);
}

// A client who leaves takes their data: the trainer's access ends at once.
TEST(AccessMatrix, LeavingATrainerEndsTheirAccess) {
    ApiWorld w;
    auto client = std::to_string(w["client_a"].id);
    ASSERT_EQ(w.send("trainer_a", "GET", "/api/v1/history?client=" + client).status, 200);
    ASSERT_EQ(w.send("client_a", "DELETE", "/api/v1/trainer").status, 200);
    EXPECT_EQ(w.send("trainer_a", "GET", "/api/v1/history?client=" + client).status, 403);
    EXPECT_EQ(w.send("trainer_a", "GET", "/api/v1/sessions/" + std::to_string(w["client_a"].session)).status, 404);
    auto mine = w.send("client_a", "GET", "/api/v1/history");
    EXPECT_EQ(mine.status, 200);
    EXPECT_NE(mine.body.find("calves_roll"), std::string::npos);
    EXPECT_EQ(w.store().user(w["client_a"].id)->role, Role::self);
}

}  // namespace
}  // namespace unknot
