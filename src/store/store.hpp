#pragma once
// Where sessions, hold records and accounts live. One interface, two backends (SQLite for one
// machine, PostgreSQL for a gym): callers see records and summaries, never SQL or connections.
// Every piece of health data carries the user it belongs to; the store does not decide who may
// see it (server/access does), it only keeps data of different users apart.
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "accounts/accounts.hpp"
#include "progress/progress.hpp"
#include "session/events.hpp"

namespace unknot {

// A database problem a person can act on (locked, corrupt, unwritable): exit 2 / HTTP 503.
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A write that clashes with what is stored (an email already registered, a second trainer).
class ConflictError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

using UserId = std::int64_t;
// Owner of data recorded before any account existed (the CLI on a fresh install). The first
// account created adopts it.
inline constexpr UserId kLocalUser = 0;

struct NewSession {
    UserId user = kLocalUser;
    std::int64_t started_unix_ms = 0;
    int day = 0;            // local calendar day, days since 1970-01-01
    std::string plan_json;  // the plan as run, so history can show it later
    std::string client_id;  // optional id chosen by an offline client; unique per user
};

// One event of a session's log, under the id the client gave it: resending it is harmless.
struct StoredEvent {
    std::string client_id;
    Event event;
};

struct SessionInfo {
    std::int64_t id = 0;
    std::int64_t started_unix_ms = 0, ended_unix_ms = 0;
    int day = 0;
    SessionStatus status = SessionStatus::open;
    int holds = 0, visits = 0;
    std::string plan_json;  // filled by session(), not by list_sessions()
    std::string client_id;
    UserId user = kLocalUser;
};

// A movement assessment as recorded, for reassessment over time.
struct StoredAssessment {
    std::int64_t id = 0;
    std::int64_t created_unix_ms = 0;
    int day = 0;
    std::string assessment_json;  // {"findings": [...], "edition": "c4"}
    UserId user = kLocalUser;
    UserId by = kLocalUser;  // who assessed: the person or their trainer
};

// ---- accounts ----

struct User {
    UserId id = 0;
    std::string email;  // stored lower-case; unique
    std::string name;
    Role role = Role::self;
    std::string password_hash;  // argon2id string (libsodium), never the password
    std::int64_t created_unix_ms = 0;
};

// Every secret handed out (login sessions, API tokens, invites, password resets, calendar
// feeds) is stored only as a hash of itself, so a copy of the database logs nobody in.
struct Token {
    std::string hash;  // hex digest of the secret; primary key
    TokenKind kind = TokenKind::session;
    UserId user = 0;   // owner; for an invite, the inviting trainer
    std::int64_t created_unix_ms = 0, expires_unix_ms = 0;  // 0: never expires
    std::int64_t used_unix_ms = 0;  // single-use tokens: when used (0: not yet)
    bool revoked = false;
    std::string label;  // an API token's name, an invite's note
    std::string csrf;   // a login session's CSRF token
};

// A trainer coaching a client, from started until ended (0 while it lasts).
struct Link {
    UserId trainer = 0, client = 0;
    std::int64_t started_unix_ms = 0, ended_unix_ms = 0;
};

// A routine a trainer gave a client: the profile the client's plan is made from.
struct Assignment {
    std::int64_t id = 0;
    UserId trainer = 0, client = 0;
    std::int64_t created_unix_ms = 0;
    std::string profile_json;
    std::string note;
};

struct StoredScreening {
    std::int64_t id = 0;
    UserId user = 0, by = 0;
    std::int64_t created_unix_ms = 0;
    int day = 0;
    std::string answers_json;
    std::string result;  // clear, caution, refer
};

// A doctor's or physiotherapist's go-ahead after a refer, for one condition: its own record,
// so the answer that led to the refer stays as given.
struct StoredClearance {
    std::int64_t id = 0;
    UserId user = 0, by = 0;
    std::int64_t created_unix_ms = 0;
    std::string condition;
    int day = 0;  // the day the professional gave it
    std::string note;
};

// An exercise a person brought in from elsewhere (an import of another app's data): kept and
// listed as theirs, never planned, since it carries none of the checks catalog techniques pass.
struct UserTechnique {
    UserId user = 0;
    std::string id;       // unique per user; re-importing the same id replaces it
    std::string name;
    std::string source;   // e.g. "free-exercise-db"
    std::string muscles;  // our muscle ids, space-separated
    std::string details_json;  // instructions, the original muscle names, what could not be mapped
};

// Who looked at or changed whose health data, and account events. Never the data itself.
struct AuditEntry {
    std::int64_t id = 0;
    std::int64_t at_unix_ms = 0;
    UserId actor = 0, subject = 0;
    std::string action;  // e.g. read, write, login, login_failed, locked, export, delete_account
    std::string target;  // the route or object, e.g. "GET /api/v1/progress"
};

// Whose entries an audit view shows: everyone's, or only what others did (a person's own
// downloads and sign-ins must not push a trainer's look out of the newest 200).
enum class AuditActors { everyone, others };

// Attempt counts older than this are deleted as new ones come in: longer than any throttle
// window, so pruning never shortens a wait.
inline constexpr std::int64_t kAttemptsKeptMs = 7LL * 24 * 3600 * 1000;

// One user's rolling on one day, summed in the database for dashboards.
struct DayActivity {
    UserId user = 0;
    int day = 0;
    int sessions = 0;
    int holds = 0;               // tender spots found and held
    int tenderness_sum = 0;      // of the holds' starting tenderness
    std::int64_t last_started_unix_ms = 0;
};

class Store {
public:
    virtual ~Store() = default;
    virtual std::int64_t begin_session(const NewSession& s) = 0;
    // Durable on return: a crash after this call never loses the record.
    virtual void save_hold(std::int64_t session, const HoldRecord& h) = 0;
    virtual void save_visit(std::int64_t session, const VisitRecord& v) = 0;
    virtual void end_session(std::int64_t session, std::int64_t ended_unix_ms, SessionStatus status) = 0;
    virtual std::vector<SessionInfo> list_sessions(UserId user) = 0;  // newest first
    // Oldest first, with records; from_day limits it to sessions on or after that day.
    virtual std::vector<SessionSummary> session_summaries(UserId user, int from_day = std::numeric_limits<int>::min()) = 0;
    virtual std::vector<HoldRecord> holds(std::int64_t session) = 0;
    virtual std::string integrity_check() = 0;                     // "ok" when healthy

    // Sessions driven over the API keep their event log, so any server process can rebuild
    // the engine and a resent event is recognised by its client id.
    virtual std::optional<SessionInfo> session(std::int64_t id) = 0;
    virtual std::optional<std::int64_t> session_by_client_id(UserId user, const std::string& client_id) = 0;
    virtual std::vector<StoredEvent> events(std::int64_t session) = 0;
    // seq is the event's position in the log (1, 2, 3 ...); a taken seq fails, so two writers
    // can never interleave one session's log.
    virtual void add_event(std::int64_t session, std::int64_t seq, const StoredEvent& e) = 0;
    virtual bool has_event(std::int64_t session, const std::string& client_id) = 0;
    virtual std::int64_t event_count(std::int64_t session) = 0;
    virtual std::vector<VisitRecord> visits(std::int64_t session) = 0;
    virtual std::int64_t save_assessment(const StoredAssessment& a) = 0;
    virtual std::vector<StoredAssessment> assessments(UserId user) = 0;  // oldest first
    virtual std::int64_t save_screening(const StoredScreening& s) = 0;
    virtual std::vector<StoredScreening> screenings(UserId user) = 0;  // oldest first
    virtual std::int64_t save_clearance(const StoredClearance& c) = 0;
    // Every clearance of the users given (a dashboard asks for all its clients at once), by
    // user in the order given, then oldest first.
    virtual std::vector<StoredClearance> clearances(const std::vector<UserId>& users) = 0;

    // ---- accounts ----
    // Throws ConflictError when the email is taken.
    virtual UserId create_user(const User& u) = 0;
    virtual std::optional<User> user(UserId id) = 0;
    virtual std::optional<User> user_by_email(const std::string& email) = 0;
    virtual std::vector<User> users() = 0;  // by id
    virtual std::vector<User> users_by_id(const std::vector<UserId>& ids) = 0;  // by id; unknown ids left out
    virtual std::int64_t count_users() = 0;
    // Writes name, role and password hash (the email is fixed).
    virtual void update_user(const User& u) = 0;
    // The user and everything that is theirs: sessions, records, assessments, screenings, clearances,
    // assignments, imported techniques, tokens, links, and audit entries about them.
    virtual void delete_user(UserId id) = 0;
    // Data recorded as kLocalUser becomes this user's (the first account on a machine).
    virtual void adopt_local_data(UserId id) = 0;

    // Throttle counts by key (a hash naming what is counted: failed logins of one email from one
    // address, sign-ups from one address). add_attempt counts one more at now and returns the new
    // count; a count whose last attempt is before stale_before starts again at 1. Atomic across
    // processes: concurrent attempts are all counted.
    virtual Attempts attempts(const std::string& key) = 0;
    virtual Attempts add_attempt(const std::string& key, std::int64_t now_unix_ms, std::int64_t stale_before_ms) = 0;
    virtual void clear_attempts(const std::string& key) = 0;

    virtual void put_token(const Token& t) = 0;
    virtual std::optional<Token> token(const std::string& hash) = 0;
    // Marks a single-use token used if it is unused, unrevoked and unexpired at `now`; false
    // otherwise. Atomic across processes: of two concurrent uses exactly one wins.
    virtual bool consume_token(const std::string& hash, std::int64_t now_unix_ms) = 0;
    virtual void revoke_token(const std::string& hash) = 0;
    virtual void revoke_tokens(UserId user, TokenKind kind) = 0;
    virtual std::vector<Token> tokens(UserId user, TokenKind kind) = 0;  // unrevoked, newest first

    // Throws ConflictError when the client already has a trainer.
    virtual void link(UserId trainer, UserId client, std::int64_t now_unix_ms) = 0;
    virtual void unlink(UserId trainer, UserId client, std::int64_t now_unix_ms) = 0;
    virtual std::vector<Link> clients_of(UserId trainer) = 0;  // current links
    virtual std::optional<Link> trainer_of(UserId client) = 0;

    virtual std::int64_t assign(const Assignment& a) = 0;
    virtual std::vector<Assignment> assignments(UserId client) = 0;  // newest first
    virtual std::optional<Assignment> assignment(std::int64_t id) = 0;

    // Insert, or replace the one with the same (user, id): importing twice changes nothing.
    virtual void put_user_technique(const UserTechnique& t) = 0;
    virtual std::vector<UserTechnique> user_techniques(UserId user) = 0;  // by id

    virtual void audit(const AuditEntry& e) = 0;
    // Many entries at once (a dashboard view touches every client's data): one round trip.
    virtual void audit_batch(const std::vector<AuditEntry>& entries) = 0;
    // Newest first; subject 0 means everyone's.
    virtual std::vector<AuditEntry> audit_log(UserId subject, std::size_t limit, AuditActors actors = AuditActors::everyone) = 0;

    // Per user and day, from from_day on, for the users given (a trainer's clients).
    virtual std::vector<DayActivity> activity(const std::vector<UserId>& users, int from_day) = 0;
    // For dashboards over many clients, one call each rather than one per client:
    // each user's newest screening (users who never screened are left out) ...
    virtual std::vector<StoredScreening> latest_screenings(const std::vector<UserId>& users) = 0;
    // ... and each user's newest `per_user` assessments, newest first within a user.
    virtual std::vector<StoredAssessment> latest_assessments(const std::vector<UserId>& users, int per_user) = 0;
    // Start of each user's latest session, whenever it was (0: never rolled).
    virtual std::vector<std::pair<UserId, std::int64_t>> last_sessions(const std::vector<UserId>& users) = 0;

    // Runs fn in one write transaction: all of it is durable at return, or none of it.
    virtual void transaction(const std::function<void()>& fn) = 0;
};

std::unique_ptr<Store> open_sqlite_store(const std::string& path);
// url: postgresql://user:password@host:port/dbname (libpq's URI form).
std::unique_ptr<Store> open_postgres_store(const std::string& url);
// By the form of the location: a postgresql:// or postgres:// URL, else a SQLite file path.
std::unique_ptr<Store> open_store(const std::string& location);

}  // namespace unknot
