// The two backends must read every record back the same way. The same writes go into a SQLite
// file and a PostgreSQL schema, every read of the Store interface is written out as text, and the
// two texts must be equal line for line. Every value of every stored enum (item kind, visit and
// hold outcome, event type, side, role, token kind, session status) is written, listed from the
// enum itself, so a kind added later is covered without editing this file. Runs under
// store_postgres (`*/postgres`), which fails when no PostgreSQL test ran.
#include <gtest/gtest.h>

#include <sstream>

#include "store/store.hpp"
#include "support/store_backends.hpp"

namespace unknot::test {
namespace {

// Every value of E, in order: the first value whose name does not parse back to itself ends it.
template <class E, class ToS, class Parse>
std::vector<E> every(ToS to_s, Parse parse) {
    std::vector<E> out;
    for (int i = 0; i < 64; ++i) {
        auto e = static_cast<E>(i);
        auto back = parse(to_s(e));
        if (!back || *back != e) break;
        out.push_back(e);
    }
    return out;
}

const std::vector<std::optional<Side>> kSides{std::nullopt, Side::left, Side::right};

std::string side_s(const std::optional<Side>& s) { return s ? std::string(to_string(*s)) : "-"; }
std::string list(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
    return s;
}

// The same writes on any store. Ids come back from the store, so nothing assumes how either
// backend numbers rows.
struct Written {
    std::vector<UserId> users;
    std::vector<std::int64_t> sessions;
    std::vector<std::string> token_hashes;
    std::vector<std::int64_t> assignments;
};

Written write_everything(Store& s) {
    Written w;
    int n = 0;
    for (auto role : kRoles.values()) {
        ++n;
        w.users.push_back(s.create_user(User{0, "p" + std::to_string(n) + "@example.org", "Person " + std::to_string(n), role,
                                             "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA", 1'700'000'000'000 + n}));
    }
    UserId self = w.users[0], client = w.users[1], trainer = w.users[2];
    s.update_user(User{client, "p2@example.org", "Renamed Client", Role::client, "$argon2id$changed", 0});

    // Sessions in every status, with holds of every outcome on every side and visits of every
    // item kind with every outcome.
    const auto kinds = every<ItemKind>([](ItemKind k) { return to_string(k); }, parse_item_kind);
    const auto visit_outcomes = every<VisitOutcome>([](VisitOutcome o) { return to_string(o); }, parse_visit_outcome);
    const auto hold_outcomes = every<HoldOutcome>([](HoldOutcome o) { return to_string(o); }, parse_hold_outcome);
    const auto event_types = every<EventType>([](EventType t) { return to_string(t); }, parse_event_type);
    EXPECT_EQ(kinds.size(), 4u);
    EXPECT_GE(hold_outcomes.size(), 5u);
    EXPECT_GE(event_types.size(), 11u);
    int day = 20'000;
    for (auto status : kSessionStatuses.values()) {
        auto name = std::string(to_string(status));
        auto id = s.begin_session(NewSession{self, 1'720'000'000'000 + day, day, R"({"plan":")" + name + "\"}", "client-" + name});
        w.sessions.push_back(id);
        int item = 0;
        for (auto kind : kinds)
            for (auto outcome : visit_outcomes)
                for (const auto& side : kSides)
                    s.save_visit(id, VisitRecord{item++, kind, std::string(to_string(kind)) + "_move", side, {"calf", "soleus"}, outcome, item % 3,
                                                 1000L * item, 1000L * item + 500});
        int spot = 0;
        for (auto outcome : hold_outcomes)
            for (const auto& side : kSides) {
                ++spot;
                std::optional<int> end = spot % 2 ? std::optional<int>(spot % 11) : std::nullopt;
                s.save_hold(id, HoldRecord{spot, "calf_roll", side, {"gastrocnemius"}, spot, 100L * spot, 100L * spot + 45'000, 30 + spot,
                                           spot % 11, end, outcome});
            }
        std::int64_t seq = 0;
        for (auto type : event_types) {
            ++seq;
            std::optional<int> t = seq % 2 ? std::optional<int>(static_cast<int>(seq % 11)) : std::nullopt;
            s.add_event(id, seq, StoredEvent{"ev-" + std::to_string(seq), Event{type, 250 * seq, t}});
        }
        if (status != SessionStatus::open) s.end_session(id, 1'720'000'900'000 + day, status);
        day += 1;
    }
    s.begin_session(NewSession{client, 1'720'100'000'000, day, "{}", ""});  // no client id

    for (const char* result : {"clear", "caution", "refer"})
        s.save_screening(StoredScreening{0, client, trainer, 1'720'000'000'000, day++, R"({"answers":[])" + std::string("]}"), result});
    s.save_clearance(StoredClearance{0, client, trainer, 1'720'000'000'001, "pregnancy", day, "cleared by Dr A"});
    s.save_clearance(StoredClearance{0, self, self, 1'720'000'000'002, "osteoporosis", day, ""});
    for (int i = 0; i < 3; ++i)
        s.save_assessment(StoredAssessment{0, 1'720'000'000'000 + i, day + i, R"({"findings":[],"edition":"c4"})", client, i % 2 ? trainer : client});

    // Tokens of every kind, used, revoked and expiring.
    int t = 0;
    for (auto kind : kTokenKinds.values()) {
        ++t;
        Token k{"hash" + std::to_string(t), kind, t % 2 ? self : trainer, 1'700'000'000'000 + t, t % 3 ? 0 : 1'800'000'000'000, 0, false,
                "label " + std::string(to_string(kind)), "csrf" + std::to_string(t)};
        s.put_token(k);
        w.token_hashes.push_back(k.hash);
    }
    s.consume_token("hash3", 1'700'000'000'500);
    s.revoke_token("hash2");

    s.link(trainer, client, 1'710'000'000'000);
    w.assignments.push_back(s.assign(Assignment{0, trainer, client, 1'710'000'000'001, R"({"targets":["calf"]})", "every morning"}));
    w.assignments.push_back(s.assign(Assignment{0, trainer, client, 1'710'000'000'002, R"({"targets":["hamstrings"]})", ""}));
    s.put_user_technique(UserTechnique{self, "Foam_Roll_Calves", "Calves-SMR", "free-exercise-db", "gastrocnemius soleus", R"({"steps":[]})"});
    s.audit(AuditEntry{0, 1'730'000'000'000, trainer, client, "read", "GET /api/v1/progress"});
    s.audit_batch({AuditEntry{0, 1'730'000'000'001, client, client, "login", "POST /api/v1/login"},
                   AuditEntry{0, 1'730'000'000'002, trainer, self, "export", "GET /api/v1/export"}});
    s.add_attempt("throttle-key", 1'730'000'000'000, 0);
    s.add_attempt("throttle-key", 1'730'000'000'100, 0);
    return w;
}

// Every read, as text.
std::string read_everything(Store& s, const Written& w) {
    std::ostringstream o;
    for (const auto& u : s.users()) o << "user " << u.id << ' ' << u.email << ' ' << u.name << ' ' << to_string(u.role) << ' ' << u.password_hash << ' ' << u.created_unix_ms << '\n';
    o << "count_users " << s.count_users() << '\n';
    for (auto id : w.users) {
        if (auto u = s.user(id)) o << "user(" << id << ") " << u->email << ' ' << to_string(u->role) << '\n';
        for (const auto& x : s.list_sessions(id))
            o << "list_session " << x.id << ' ' << x.started_unix_ms << ' ' << x.ended_unix_ms << ' ' << x.day << ' ' << to_string(x.status) << ' ' << x.holds << ' '
              << x.visits << " [" << x.plan_json << "] " << x.client_id << ' ' << x.user << '\n';
        for (const auto& sum : s.session_summaries(id)) {
            o << "summary " << sum.id << ' ' << sum.day << ' ' << sum.started_unix_ms << ' ' << sum.holds.size() << ' ' << sum.visits.size() << '\n';
        }
        for (const auto& a : s.assessments(id)) o << "assessment " << a.id << ' ' << a.day << ' ' << a.assessment_json << ' ' << a.user << ' ' << a.by << '\n';
        for (const auto& x : s.screenings(id)) o << "screening " << x.id << ' ' << x.user << ' ' << x.by << ' ' << x.day << ' ' << x.answers_json << ' ' << x.result << '\n';
        for (const auto& a : s.assignments(id)) o << "assignment " << a.id << ' ' << a.trainer << ' ' << a.client << ' ' << a.profile_json << ' ' << a.note << '\n';
        for (const auto& t : s.user_techniques(id)) o << "technique " << t.user << ' ' << t.id << ' ' << t.name << ' ' << t.source << ' ' << t.muscles << ' ' << t.details_json << '\n';
        for (auto kind : kTokenKinds.values())
            for (const auto& t : s.tokens(id, kind)) o << "tokens(" << id << ',' << to_string(kind) << ") " << t.hash << '\n';
        if (auto l = s.trainer_of(id)) o << "trainer_of " << id << ' ' << l->trainer << ' ' << l->started_unix_ms << ' ' << l->ended_unix_ms << '\n';
        for (const auto& l : s.clients_of(id)) o << "client_of " << id << ' ' << l.client << '\n';
        for (const auto& e : s.audit_log(id, 10)) o << "audit " << e.at_unix_ms << ' ' << e.actor << ' ' << e.subject << ' ' << e.action << ' ' << e.target << '\n';
    }
    for (auto id : w.sessions) {
        auto info = s.session(id);
        o << "session " << id << ' ' << (info ? std::string(to_string(info->status)) + " " + std::to_string(info->holds) + " " + std::to_string(info->visits) + " " + info->plan_json : "none") << '\n';
        for (const auto& h : s.holds(id))
            o << "hold " << h.item << ' ' << h.technique << ' ' << side_s(h.side) << ' ' << list(h.muscles) << ' ' << h.spot << ' ' << h.found_ms << ' ' << h.ended_ms
              << ' ' << h.hold_s << ' ' << h.tenderness_start << ' ' << (h.tenderness_end ? std::to_string(*h.tenderness_end) : "-") << ' ' << to_string(h.outcome) << '\n';
        for (const auto& v : s.visits(id))
            o << "visit " << v.item << ' ' << to_string(v.kind) << ' ' << v.id << ' ' << side_s(v.side) << ' ' << list(v.muscles) << ' ' << to_string(v.outcome) << ' '
              << v.spots << ' ' << v.started_ms << ' ' << v.ended_ms << '\n';
        for (const auto& e : s.events(id))
            o << "event " << e.client_id << ' ' << e.event.t_ms << ' ' << to_string(e.event.type) << ' ' << (e.event.tenderness ? std::to_string(*e.event.tenderness) : "-") << '\n';
        o << "event_count " << s.event_count(id) << " has ev-1 " << s.has_event(id, "ev-1") << " has nope " << s.has_event(id, "nope") << '\n';
        if (info && !info->client_id.empty()) o << "by_client_id " << s.session_by_client_id(info->user, info->client_id).value_or(-1) << '\n';
    }
    // The summaries carry the same records as holds() and visits(): compare them field by field too.
    for (const auto& sum : s.session_summaries(w.users[0]))
        for (const auto& v : sum.visits) o << "summary_visit " << sum.id << ' ' << v.item << ' ' << to_string(v.kind) << ' ' << to_string(v.outcome) << ' ' << side_s(v.side) << '\n';
    for (const auto& sum : s.session_summaries(w.users[0]))
        for (const auto& h : sum.holds) o << "summary_hold " << sum.id << ' ' << h.item << ' ' << to_string(h.outcome) << ' ' << side_s(h.side) << '\n';
    for (const auto& hash : w.token_hashes)
        if (auto t = s.token(hash))
            o << "token " << t->hash << ' ' << to_string(t->kind) << ' ' << t->user << ' ' << t->created_unix_ms << ' ' << t->expires_unix_ms << ' ' << t->used_unix_ms << ' '
              << t->revoked << ' ' << t->label << ' ' << t->csrf << '\n';
    for (auto id : w.assignments)
        if (auto a = s.assignment(id)) o << "assignment(" << id << ") " << a->profile_json << ' ' << a->note << '\n';
    for (const auto& c : s.clearances(w.users)) o << "clearance " << c.user << ' ' << c.by << ' ' << c.condition << ' ' << c.day << ' ' << c.note << '\n';
    for (const auto& a : s.activity(w.users, 0)) o << "activity " << a.user << ' ' << a.day << ' ' << a.sessions << ' ' << a.holds << ' ' << a.tenderness_sum << ' ' << a.last_started_unix_ms << '\n';
    for (const auto& x : s.latest_screenings(w.users)) o << "latest_screening " << x.user << ' ' << x.result << '\n';
    for (const auto& a : s.latest_assessments(w.users, 2)) o << "latest_assessment " << a.user << ' ' << a.day << '\n';
    for (const auto& [u, at] : s.last_sessions(w.users)) o << "last_session " << u << ' ' << at << '\n';
    auto at = s.attempts("throttle-key");
    o << "attempts " << at.count << ' ' << at.last_unix_ms << '\n';
    for (const auto& u : s.users_by_id({w.users[3], 999, w.users[0]})) o << "users_by_id " << u.id << '\n';
    o << "integrity " << s.integrity_check() << '\n';
    return o.str();
}

class CrossBackend : public ::testing::TestWithParam<BackendFactory> {};

TEST_P(CrossBackend, EveryRecordKindReadsBackTheSameOnSqliteAndPostgresql) {
    TempPath file;
    auto sqlite = open_sqlite_store(file.str());
    auto backend = GetParam().make();
    auto other = backend->open();
    auto sqlite_text = read_everything(*sqlite, write_everything(*sqlite));
    auto other_text = read_everything(*other, write_everything(*other));
    // Enough was read for the comparison to mean something: every kind x outcome x side of visit.
    EXPECT_NE(sqlite_text.find("visit 0 smr"), std::string::npos);
    EXPECT_NE(sqlite_text.find(" integration integration_move"), std::string::npos);
    EXPECT_NE(sqlite_text.find(" activation activation_move"), std::string::npos);
    std::istringstream a(sqlite_text), b(other_text);
    std::string la, lb;
    int line = 0;
    while (true) {
        bool more_a = static_cast<bool>(std::getline(a, la)), more_b = static_cast<bool>(std::getline(b, lb));
        ++line;
        if (!more_a && !more_b) break;
        ASSERT_EQ(la, lb) << "line " << line << ": SQLite reads the left, " << GetParam().name << " the right";
    }
    EXPECT_GT(line, 200);
}

std::vector<BackendFactory> postgres_only() {
    std::vector<BackendFactory> out;
    for (const auto& b : store_backends())
        if (b.name != "sqlite") out.push_back(b);
    return out;
}

// Without UNKNOT_TEST_DATABASE_URL there is nothing to compare against; the suite is then empty,
// not skipped, and store_postgres (which sets the variable) runs it.
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CrossBackend);
INSTANTIATE_TEST_SUITE_P(Backends, CrossBackend, ::testing::ValuesIn(postgres_only()),
                         [](const ::testing::TestParamInfo<BackendFactory>& i) { return i.param.name; });

}  // namespace
}  // namespace unknot::test
