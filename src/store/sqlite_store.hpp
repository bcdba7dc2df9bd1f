#pragma once
// SQLite backend: WAL journal with synchronous=FULL, so every committed hold survives a crash or
// power loss. Writes go through the database's single writer and share its commits; reads run on
// read-only connections beside it (sqlite_db.hpp).
#include "store/sqlite_db.hpp"
#include "store/store.hpp"

namespace unknot::sqlite {

class SqliteStore final : public Store {
public:
    explicit SqliteStore(const std::string& path);

    std::int64_t begin_session(const NewSession& s) override;
    std::optional<SessionInfo> session(std::int64_t id) override;
    std::optional<std::int64_t> session_by_client_id(UserId user, const std::string& client_id) override;
    std::vector<StoredEvent> events(std::int64_t session) override;
    void add_event(std::int64_t session, std::int64_t seq, const StoredEvent& e) override;
    bool has_event(std::int64_t session, const std::string& client_id) override;
    std::int64_t event_count(std::int64_t session) override;
    std::int64_t save_assessment(const StoredAssessment& a) override;
    std::vector<StoredAssessment> assessments(UserId user) override;
    std::int64_t save_screening(const StoredScreening& x) override;
    std::vector<StoredScreening> screenings(UserId user) override;
    std::int64_t save_clearance(const StoredClearance& x) override;
    std::vector<StoredClearance> clearances(const std::vector<UserId>& users) override;
    UserId create_user(const User& u) override;
    std::optional<User> user(UserId id) override;
    std::optional<User> user_by_email(const std::string& email) override;
    std::vector<User> users() override;
    std::vector<User> users_by_id(const std::vector<UserId>& ids) override;
    std::int64_t count_users() override;
    void update_user(const User& u) override;
    Attempts attempts(const std::string& key) override;
    Attempts add_attempt(const std::string& key, std::int64_t now_unix_ms, std::int64_t stale_before_ms) override;
    void clear_attempts(const std::string& key) override;
    void delete_user(UserId id) override;
    void adopt_local_data(UserId id) override;
    void put_token(const Token& t) override;
    std::optional<Token> token(const std::string& hash) override;
    bool consume_token(const std::string& hash, std::int64_t now) override;
    void revoke_token(const std::string& hash) override;
    void revoke_tokens(UserId user, TokenKind kind) override;
    std::vector<Token> tokens(UserId user, TokenKind kind) override;
    void link(UserId trainer, UserId client, std::int64_t now) override;
    void unlink(UserId trainer, UserId client, std::int64_t now) override;
    std::vector<Link> clients_of(UserId trainer) override;
    std::optional<Link> trainer_of(UserId client) override;
    std::int64_t assign(const Assignment& a) override;
    std::vector<Assignment> assignments(UserId client) override;
    std::optional<Assignment> assignment(std::int64_t id) override;
    void put_user_technique(const UserTechnique& t) override;
    std::vector<UserTechnique> user_techniques(UserId user) override;
    void audit(const AuditEntry& e) override;
    void audit_batch(const std::vector<AuditEntry>& entries) override;
    std::vector<AuditEntry> audit_log(UserId subject, std::size_t limit, AuditActors actors) override;
    std::vector<DayActivity> activity(const std::vector<UserId>& users, int from_day) override;
    std::vector<StoredScreening> latest_screenings(const std::vector<UserId>& users) override;
    std::vector<StoredAssessment> latest_assessments(const std::vector<UserId>& users, int per_user) override;
    std::vector<std::pair<UserId, std::int64_t>> last_sessions(const std::vector<UserId>& users) override;
    void transaction(const std::function<void()>& fn) override;
    void save_hold(std::int64_t session, const HoldRecord& h) override;
    void save_visit(std::int64_t session, const VisitRecord& v) override;
    void end_session(std::int64_t session, std::int64_t ended_unix_ms, SessionStatus status) override;
    std::vector<SessionInfo> list_sessions(UserId user) override;
    std::vector<HoldRecord> holds(std::int64_t session) override;
    std::vector<SessionSummary> session_summaries(UserId user, int from_day) override;
    std::vector<VisitRecord> visits(std::int64_t session) override;
    std::string integrity_check() override;

private:
    Database db_;
};

}  // namespace unknot::sqlite
