// PostgreSQL backend, for a gym's server shared by trainers and many clients: the same contract
// as the SQLite store, over a small pool of connections (postgres_db.hpp) so requests on
// different threads do not queue behind one connection. Commits are durable at return as long
// as the server keeps synchronous_commit on, its default.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/text.hpp"
#include "store/postgres_db.hpp"
#include "store/postgres_queries.hpp"
#include "store/postgres_rows.hpp"
#include "store/postgres_schema.hpp"
#include "store/store.hpp"
#include "store/stored.hpp"

namespace unknot {

namespace {

using namespace pg::read;
using pg::Stmt;
using pg::Txn;
namespace sql = pg::sql;

// Whether a method's statements need a transaction of their own when called outside one.
constexpr bool kOne = false, kMany = true;

std::optional<std::string> side_text(const std::optional<Side>& s) {
    return s ? std::optional<std::string>(std::string(to_string(*s))) : std::nullopt;
}

class PostgresStore final : public Store {
public:
    explicit PostgresStore(const std::string& url) : db_(url) { db_.migrate(pg::migrations()); }

    std::int64_t begin_session(const NewSession& s) override {
        auto client = s.client_id.empty() ? std::nullopt : std::optional<std::string>(s.client_id);
        return one([&](Txn& t) { return i64(t.exec(sql::begin_session, s.started_unix_ms, s.day, s.plan_json, client, s.user)[0][0]); });
    }

    void save_hold(std::int64_t session, const HoldRecord& h) override {
        one([&](Txn& t) {
            t.exec(sql::save_hold, session, h.item, h.technique, side_text(h.side), join(h.muscles, " "), h.spot, h.found_ms, h.ended_ms,
                   h.hold_s, h.tenderness_start, h.tenderness_end, std::string(to_string(h.outcome)));
        });
    }

    void save_visit(std::int64_t session, const VisitRecord& v) override {
        one([&](Txn& t) {
            t.exec(sql::save_visit, session, v.item, std::string(to_string(v.kind)), v.id, side_text(v.side), join(v.muscles, " "),
                   std::string(to_string(v.outcome)), v.spots, v.started_ms, v.ended_ms);
        });
    }

    void end_session(std::int64_t session, std::int64_t ended_unix_ms, SessionStatus status) override {
        one([&](Txn& t) { t.exec(sql::end_session, ended_unix_ms, std::string(to_string(status)), session); });
    }

    std::vector<SessionInfo> list_sessions(UserId user) override {
        return one([&](Txn& t) { return rows<SessionInfo>(t.exec(sql::list_sessions, user), session_row); });
    }

    std::vector<SessionSummary> session_summaries(UserId user, int from_day) override {
        // Three queries for any number of sessions, rather than two per session.
        return db_.run(kMany, [&](Txn& t) {
            std::vector<SessionSummary> out;
            std::map<std::int64_t, std::size_t> index;
            for (const auto& r : t.exec(sql::summary_sessions, user, from_day)) {
                index[i64(r[0])] = out.size();
                out.push_back(SessionSummary{i64(r[0]), i32(r[1]), i64(r[2]), {}, {}});
            }
            // A session begun between the queries has no summary to join; it is left out.
            for (const auto& r : t.exec(sql::summary_holds, user, from_day))
                if (auto it = index.find(i64(r[0])); it != index.end()) out[it->second].holds.push_back(hold_row(r));
            for (const auto& r : t.exec(sql::summary_visits, user, from_day))
                if (auto it = index.find(i64(r[0])); it != index.end()) out[it->second].visits.push_back(visit_row(r));
            return out;
        });
    }

    std::vector<HoldRecord> holds(std::int64_t session) override {
        return one([&](Txn& t) { return rows<HoldRecord>(t.exec(sql::holds, session), hold_row); });
    }

    std::vector<VisitRecord> visits(std::int64_t session) override {
        return one([&](Txn& t) { return rows<VisitRecord>(t.exec(sql::visits, session), visit_row); });
    }

    std::string integrity_check() override {
        // The server checks its own pages; what can go wrong from here is a schema not ours.
        std::string tables;
        for (const char* t : pg::kTables) tables += (tables.empty() ? "" : ",") + std::string(t);
        return one([&](Txn& t) {
            auto missing = t.exec(sql::missing_tables, "{" + tables + "}")[0][0];
            return missing.is_null() ? std::string("ok") : "missing tables: " + missing.as<std::string>();
        });
    }

    std::optional<SessionInfo> session(std::int64_t id) override {
        return one([&](Txn& t) -> std::optional<SessionInfo> {
            auto r = t.exec(sql::session, id);
            if (r.empty()) return std::nullopt;
            return session_row(r[0]);
        });
    }

    std::optional<std::int64_t> session_by_client_id(UserId user, const std::string& client_id) override {
        return one([&](Txn& t) -> std::optional<std::int64_t> {
            auto r = t.exec(sql::session_by_client_id, user, client_id);
            if (r.empty()) return std::nullopt;
            return i64(r[0][0]);
        });
    }

    std::vector<StoredEvent> events(std::int64_t session) override {
        return one([&](Txn& t) {
            return rows<StoredEvent>(t.exec(sql::events, session), [](const pqxx::row& r) {
                StoredEvent e;
                e.client_id = text(r[0]);
                e.event.t_ms = i64(r[1]);
                e.event.type = stored::event_type(text(r[2]));
                if (!r[3].is_null()) e.event.tenderness = i32(r[3]);
                return e;
            });
        });
    }

    void add_event(std::int64_t session, std::int64_t seq, const StoredEvent& e) override {
        one([&](Txn& t) {
            auto r = t.exec(sql::add_event, session, seq, e.client_id, e.event.t_ms, std::string(to_string(e.event.type)), e.event.tenderness);
            if (r.affected_rows() == 0)
                throw StoreError(db_.where() + ": session " + std::to_string(session) + " already has event " + std::to_string(seq) +
                                 " or an event with id " + e.client_id);
        });
    }

    bool has_event(std::int64_t session, const std::string& client_id) override {
        return one([&](Txn& t) { return !t.exec(sql::has_event, session, client_id).empty(); });
    }

    std::int64_t event_count(std::int64_t session) override {
        return one([&](Txn& t) { return i64(t.exec(sql::event_count, session)[0][0]); });
    }

    std::int64_t save_assessment(const StoredAssessment& a) override {
        return one([&](Txn& t) { return i64(t.exec(sql::save_assessment, a.created_unix_ms, a.day, a.assessment_json, a.user, a.by)[0][0]); });
    }

    std::vector<StoredAssessment> assessments(UserId user) override {
        return one([&](Txn& t) { return rows<StoredAssessment>(t.exec(sql::assessments, user), assessment_row); });
    }

    std::int64_t save_screening(const StoredScreening& s) override {
        return one([&](Txn& t) {
            return i64(t.exec(sql::save_screening, s.user, s.by, s.created_unix_ms, s.day, s.answers_json, s.result)[0][0]);
        });
    }

    std::vector<StoredScreening> screenings(UserId user) override {
        return one([&](Txn& t) { return rows<StoredScreening>(t.exec(sql::screenings, user), screening_row); });
    }

    std::int64_t save_clearance(const StoredClearance& c) override {
        return one([&](Txn& t) { return i64(t.exec(sql::save_clearance, c.user, c.by, c.created_unix_ms, c.condition, c.day, c.note)[0][0]); });
    }

    std::vector<StoredClearance> clearances(const std::vector<UserId>& users) override {
        return one([&](Txn& t) { return rows<StoredClearance>(t.exec(sql::clearances, pg::id_array(users)), clearance_row); });
    }

    // ---- accounts ----

    UserId create_user(const User& u) override {
        return one([&](Txn& t) {
            auto r = t.exec(sql::create_user, u.email, u.name, std::string(to_string(u.role)), u.password_hash, u.created_unix_ms);
            if (r.empty()) throw ConflictError("an account with this email already exists");
            return i64(r[0][0]);
        });
    }

    std::optional<User> user(UserId id) override { return one_user(sql::user, id); }
    std::optional<User> user_by_email(const std::string& email) override { return one_user(sql::user_by_email, email); }

    std::vector<User> users() override {
        return one([&](Txn& t) { return rows<User>(t.exec(sql::users), user_row); });
    }

    std::vector<User> users_by_id(const std::vector<UserId>& ids) override {
        return one([&](Txn& t) { return rows<User>(t.exec(sql::users_by_id, pg::id_array(ids)), user_row); });
    }

    std::int64_t count_users() override {
        return one([&](Txn& t) { return i64(t.exec(sql::count_users)[0][0]); });
    }

    void update_user(const User& u) override {
        one([&](Txn& t) { t.exec(sql::update_user, u.name, std::string(to_string(u.role)), u.password_hash, u.id); });
    }

    Attempts attempts(const std::string& key) override {
        return one([&](Txn& t) {
            auto r = t.exec(sql::attempts, key);
            return r.empty() ? Attempts{} : Attempts{i32(r[0][0]), i64(r[0][1])};
        });
    }

    Attempts add_attempt(const std::string& key, std::int64_t now_unix_ms, std::int64_t stale_before_ms) override {
        return one([&](Txn& t) {
            auto r = t.exec(sql::add_attempt, key, now_unix_ms, stale_before_ms);
            t.exec(sql::prune_attempts, now_unix_ms - kAttemptsKeptMs);
            return Attempts{i32(r[0][0]), i64(r[0][1])};
        });
    }

    void clear_attempts(const std::string& key) override {
        one([&](Txn& t) { t.exec(sql::clear_attempts, key); });
    }

    void delete_user(UserId id) override {
        db_.run(kMany, [&](Txn& t) {
            for (const auto& s : sql::delete_user) t.exec(s, id);
        });
    }

    void adopt_local_data(UserId id) override {
        db_.run(kMany, [&](Txn& t) {
            for (const auto& s : sql::adopt_local_data) t.exec(s, id);
        });
    }

    void put_token(const Token& k) override {
        one([&](Txn& t) {
            t.exec(sql::put_token, k.hash, std::string(to_string(k.kind)), k.user, k.created_unix_ms, k.expires_unix_ms, k.used_unix_ms, k.revoked, k.label, k.csrf);
        });
    }

    std::optional<Token> token(const std::string& hash) override {
        return one([&](Txn& t) -> std::optional<Token> {
            auto r = t.exec(sql::token, hash);
            if (r.empty()) return std::nullopt;
            return token_row(r[0]);
        });
    }

    bool consume_token(const std::string& hash, std::int64_t now_unix_ms) override {
        return one([&](Txn& t) { return t.exec(sql::consume_token, now_unix_ms, hash).affected_rows() == 1; });
    }

    void revoke_token(const std::string& hash) override {
        one([&](Txn& t) { t.exec(sql::revoke_token, hash); });
    }

    void revoke_tokens(UserId user, TokenKind kind) override {
        one([&](Txn& t) { t.exec(sql::revoke_tokens, user, std::string(to_string(kind))); });
    }

    std::vector<Token> tokens(UserId user, TokenKind kind) override {
        return one([&](Txn& t) { return rows<Token>(t.exec(sql::tokens, user, std::string(to_string(kind))), token_row); });
    }

    void link(UserId trainer, UserId client, std::int64_t now_unix_ms) override {
        one([&](Txn& t) {
            if (t.exec(sql::link, trainer, client, now_unix_ms).affected_rows() == 0) throw ConflictError("this client already has a trainer");
        });
    }

    void unlink(UserId trainer, UserId client, std::int64_t now_unix_ms) override {
        one([&](Txn& t) { t.exec(sql::unlink, now_unix_ms, trainer, client); });
    }

    std::vector<Link> clients_of(UserId trainer) override {
        return one([&](Txn& t) { return rows<Link>(t.exec(sql::clients_of, trainer), link_row); });
    }

    std::optional<Link> trainer_of(UserId client) override {
        return one([&](Txn& t) -> std::optional<Link> {
            auto r = t.exec(sql::trainer_of, client);
            if (r.empty()) return std::nullopt;
            return link_row(r[0]);
        });
    }

    std::int64_t assign(const Assignment& a) override {
        return one([&](Txn& t) { return i64(t.exec(sql::assign, a.trainer, a.client, a.created_unix_ms, a.profile_json, a.note)[0][0]); });
    }

    std::vector<Assignment> assignments(UserId client) override {
        return one([&](Txn& t) {
            return rows<Assignment>(t.exec(sql::assignments, client), assignment_row);
        });
    }

    std::optional<Assignment> assignment(std::int64_t id) override {
        return one([&](Txn& t) -> std::optional<Assignment> {
            auto r = t.exec(sql::assignment, id);
            if (r.empty()) return std::nullopt;
            return assignment_row(r[0]);
        });
    }

    void put_user_technique(const UserTechnique& u) override {
        one([&](Txn& t) { t.exec(sql::put_user_technique, u.user, u.id, u.name, u.source, u.muscles, u.details_json); });
    }

    std::vector<UserTechnique> user_techniques(UserId user) override {
        return one([&](Txn& t) {
            return rows<UserTechnique>(t.exec(sql::user_techniques, user), [](const pqxx::row& r) {
                return UserTechnique{i64(r[0]), text(r[1]), text(r[2]), text(r[3]), text(r[4]), text(r[5])};
            });
        });
    }

    void audit(const AuditEntry& e) override {
        one([&](Txn& t) { t.exec(sql::audit, e.at_unix_ms, e.actor, e.subject, e.action, e.target); });
    }

    void audit_batch(const std::vector<AuditEntry>& entries) override {
        if (entries.empty()) return;
        std::vector<std::int64_t> at, actor, subject;
        std::vector<std::string> action, target;
        for (const auto& e : entries) {
            at.push_back(e.at_unix_ms), actor.push_back(e.actor), subject.push_back(e.subject);
            action.push_back(e.action), target.push_back(e.target);
        }
        one([&](Txn& t) {
            t.exec(sql::audit_batch, pg::id_array(at), pg::id_array(actor), pg::id_array(subject), pg::text_array(action), pg::text_array(target));
        });
    }

    std::vector<AuditEntry> audit_log(UserId subject, std::size_t limit, AuditActors actors) override {
        return one([&](Txn& t) {
            auto only_others = actors == AuditActors::others;
            return rows<AuditEntry>(t.exec(sql::audit_log, subject, static_cast<std::int64_t>(limit), only_others), [](const pqxx::row& r) {
                return AuditEntry{i64(r[0]), i64(r[1]), i64(r[2]), i64(r[3]), text(r[4]), text(r[5])};
            });
        });
    }

    std::vector<DayActivity> activity(const std::vector<UserId>& users, int from_day) override {
        return one([&](Txn& t) {
            return rows<DayActivity>(t.exec(sql::activity, pg::id_array(users), from_day), [](const pqxx::row& r) {
                return DayActivity{i64(r[0]), i32(r[1]), i32(r[2]), i32(r[3]), i32(r[4]), i64(r[5])};
            });
        });
    }

    std::vector<StoredScreening> latest_screenings(const std::vector<UserId>& users) override {
        return one([&](Txn& t) { return rows<StoredScreening>(t.exec(sql::latest_screenings, pg::id_array(users)), screening_row); });
    }

    std::vector<StoredAssessment> latest_assessments(const std::vector<UserId>& users, int per_user) override {
        return one([&](Txn& t) {
            return rows<StoredAssessment>(t.exec(sql::latest_assessments, pg::id_array(users), per_user), assessment_row);
        });
    }

    std::vector<std::pair<UserId, std::int64_t>> last_sessions(const std::vector<UserId>& users) override {
        return one([&](Txn& t) {
            return rows<std::pair<UserId, std::int64_t>>(t.exec(sql::last_sessions, pg::id_array(users)),
                                                         [](const pqxx::row& r) { return std::pair{i64(r[0]), i64(r[1])}; });
        });
    }

    void transaction(const std::function<void()>& fn) override { db_.transaction(fn); }

private:
    template <class F>
    auto one(F&& f) -> std::invoke_result_t<F&, Txn&> {
        return db_.run(kOne, std::forward<F>(f));
    }
    template <class K>
    std::optional<User> one_user(const Stmt& s, const K& key) {
        return one([&](Txn& t) -> std::optional<User> {
            auto r = t.exec(s, key);
            if (r.empty()) return std::nullopt;
            return user_row(r[0]);
        });
    }

    pg::Database db_;
};

}  // namespace

std::unique_ptr<Store> open_postgres_store(const std::string& url) { return std::make_unique<PostgresStore>(url); }

}  // namespace unknot
