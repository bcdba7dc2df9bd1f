// SQLite backend: WAL journal with synchronous=FULL, so every committed hold survives a crash or
// power loss; schema versions tracked in PRAGMA user_version.
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <map>
#include <mutex>
#include <string_view>

#include "common/text.hpp"
#include "store/store.hpp"
#include "store/stored.hpp"

namespace unknot {

namespace {

// Each entry moves the schema one version forward; never edit a released entry, add a new one.
constexpr std::array<std::string_view, 8> migrations{R"sql(
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  started_unix_ms INTEGER NOT NULL,
  ended_unix_ms INTEGER,
  day INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','stopped')),
  plan_json TEXT NOT NULL
);
CREATE TABLE holds (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  item INTEGER NOT NULL,
  technique TEXT NOT NULL,
  side TEXT CHECK (side IN ('left','right')),
  muscles TEXT NOT NULL,
  spot INTEGER NOT NULL,
  found_ms INTEGER NOT NULL,
  ended_ms INTEGER NOT NULL,
  hold_s INTEGER NOT NULL CHECK (hold_s >= 0),
  tenderness_start INTEGER NOT NULL CHECK (tenderness_start BETWEEN 0 AND 10),
  tenderness_end INTEGER CHECK (tenderness_end BETWEEN 0 AND 10),
  outcome TEXT NOT NULL
);
CREATE INDEX holds_by_session ON holds(session_id);
CREATE TABLE visits (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  item INTEGER NOT NULL,
  kind TEXT NOT NULL,
  ref_id TEXT NOT NULL,
  side TEXT,
  muscles TEXT NOT NULL,
  outcome TEXT NOT NULL,
  spots INTEGER NOT NULL,
  started_ms INTEGER NOT NULL,
  ended_ms INTEGER NOT NULL
);
CREATE INDEX visits_by_session ON visits(session_id);
)sql",
R"sql(
ALTER TABLE sessions ADD COLUMN client_id TEXT;
CREATE UNIQUE INDEX sessions_by_client_id ON sessions(client_id) WHERE client_id IS NOT NULL;
CREATE TABLE session_events (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  client_id TEXT NOT NULL,
  t_ms INTEGER NOT NULL,
  type TEXT NOT NULL,
  tenderness INTEGER,
  PRIMARY KEY (session_id, seq),
  UNIQUE (session_id, client_id)
);
)sql",
R"sql(
CREATE TABLE assessments (
  id INTEGER PRIMARY KEY,
  created_unix_ms INTEGER NOT NULL,
  day INTEGER NOT NULL,
  assessment_json TEXT NOT NULL
);
)sql",
R"sql(
ALTER TABLE sessions ADD COLUMN user_id INTEGER NOT NULL DEFAULT 0;
DROP INDEX sessions_by_client_id;
CREATE UNIQUE INDEX sessions_by_client_id ON sessions(user_id, client_id) WHERE client_id IS NOT NULL;
CREATE INDEX sessions_by_user_day ON sessions(user_id, day);
ALTER TABLE assessments ADD COLUMN user_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE assessments ADD COLUMN by_user INTEGER NOT NULL DEFAULT 0;
CREATE INDEX assessments_by_user ON assessments(user_id);
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('self','client','trainer','admin')),
  password_hash TEXT NOT NULL,
  created_unix_ms INTEGER NOT NULL,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until_ms INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE tokens (
  hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('session','api','invite','reset','calendar')),
  user_id INTEGER NOT NULL,
  created_unix_ms INTEGER NOT NULL,
  expires_unix_ms INTEGER NOT NULL DEFAULT 0,
  used_unix_ms INTEGER NOT NULL DEFAULT 0,
  revoked INTEGER NOT NULL DEFAULT 0,
  label TEXT NOT NULL DEFAULT '',
  csrf TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tokens_by_user ON tokens(user_id, kind);
CREATE TABLE links (
  trainer_id INTEGER NOT NULL,
  client_id INTEGER NOT NULL,
  started_unix_ms INTEGER NOT NULL,
  ended_unix_ms INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX links_one_trainer ON links(client_id) WHERE ended_unix_ms = 0;
CREATE INDEX links_by_trainer ON links(trainer_id) WHERE ended_unix_ms = 0;
CREATE TABLE assignments (
  id INTEGER PRIMARY KEY,
  trainer_id INTEGER NOT NULL,
  client_id INTEGER NOT NULL,
  created_unix_ms INTEGER NOT NULL,
  profile_json TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assignments_by_client ON assignments(client_id);
CREATE TABLE screenings (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL,
  by_user INTEGER NOT NULL,
  created_unix_ms INTEGER NOT NULL,
  day INTEGER NOT NULL,
  answers_json TEXT NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('clear','caution','refer'))
);
CREATE INDEX screenings_by_user ON screenings(user_id);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  at_unix_ms INTEGER NOT NULL,
  actor_id INTEGER NOT NULL,
  subject_id INTEGER NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL
);
CREATE INDEX audit_by_subject ON audit(subject_id, id);
)sql",
// Per-session totals kept next to the session, so a dashboard over 200 clients reads one
// covering index instead of joining every hold.
R"sql(
ALTER TABLE sessions ADD COLUMN hold_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN tenderness_sum INTEGER NOT NULL DEFAULT 0;
UPDATE sessions SET hold_count = (SELECT COUNT(*) FROM holds h WHERE h.session_id = sessions.id),
                    tenderness_sum = (SELECT COALESCE(SUM(h.tenderness_start), 0) FROM holds h WHERE h.session_id = sessions.id);
DROP INDEX sessions_by_user_day;
CREATE INDEX sessions_activity ON sessions(user_id, day, started_unix_ms, hold_count, tenderness_sum);
)sql",
R"sql(
CREATE TABLE user_techniques (
  user_id INTEGER NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  source TEXT NOT NULL,
  muscles TEXT NOT NULL,
  details_json TEXT NOT NULL,
  PRIMARY KEY (user_id, id)
);
)sql",
// A professional's clearance after a refer, kept apart from the answers it lifts.
R"sql(
CREATE TABLE clearances (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL,
  by_user INTEGER NOT NULL,
  created_unix_ms INTEGER NOT NULL,
  condition_id TEXT NOT NULL,
  day INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX clearances_by_user ON clearances(user_id, day);
)sql",
// Login failures and sign-ups counted per (email, address) or address instead of a lockout
// kept on the account, which let anyone lock anyone out and told which emails had accounts.
R"sql(
CREATE TABLE attempts (
  key TEXT PRIMARY KEY,
  count INTEGER NOT NULL,
  last_unix_ms INTEGER NOT NULL
);
CREATE INDEX attempts_by_age ON attempts(last_unix_ms);
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until_ms;
)sql"};

std::string join_list(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : " ") + x;
    return s;
}

// A prepared statement borrowed from the store's cache: preparing costs more than running
// most of these queries, so each SQL text is prepared once per connection.
class Statement {
public:
    Statement(sqlite3* db, std::string_view sql, const std::string& path);
    ~Statement() {
        sqlite3_reset(st_);
        sqlite3_clear_bindings(st_);
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int i, std::int64_t v) { return check(sqlite3_bind_int64(st_, i, v)), *this; }
    Statement& bind(int i, const std::string& v) {
        return check(sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT)), *this;
    }
    Statement& bind_null(int i) { return check(sqlite3_bind_null(st_, i)), *this; }
    template <class T>
    Statement& bind(int i, const std::optional<T>& v) { return v ? bind(i, static_cast<std::int64_t>(*v)) : bind_null(i); }

    bool step() {
        int rc = sqlite3_step(st_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        check(rc);
        return false;
    }
    std::int64_t i64(int col) { return sqlite3_column_int64(st_, col); }
    bool null(int col) { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
    std::string text(int col) {
        auto p = sqlite3_column_text(st_, col);
        return p ? std::string(reinterpret_cast<const char*>(p)) : std::string{};
    }

    void check(int rc) const;

private:
    sqlite3* db_;
    sqlite3_stmt* st_ = nullptr;
    const std::string& path_;
};

// Per-connection cache of prepared statements, keyed by SQL text.
struct StatementCache {
    std::map<std::string, sqlite3_stmt*, std::less<>> by_sql;
    ~StatementCache() {
        for (auto& [_, st] : by_sql) sqlite3_finalize(st);
    }
};
// Each connection's cache is only touched by whoever holds that connection; the mutex guards
// the map of connections itself.
std::mutex caches_mu;
std::map<sqlite3*, StatementCache>& caches() {
    static std::map<sqlite3*, StatementCache> c;
    return c;
}
void drop_cache(sqlite3* db) {
    std::lock_guard lock(caches_mu);
    caches().erase(db);
}

[[noreturn]] void fail(sqlite3* db, int rc, const std::string& path) {
    int base = rc & 0xff;
    if (base == SQLITE_BUSY || base == SQLITE_LOCKED)
        throw StoreError(path + ": the database is locked by another program; close it and try again");
    if (base == SQLITE_NOTADB || base == SQLITE_CORRUPT)
        throw StoreError(path + ": this file is not an unknot database, or it is damaged (" + std::string(sqlite3_errstr(rc)) + ")");
    if (base == SQLITE_READONLY || base == SQLITE_CANTOPEN || base == SQLITE_PERM || base == SQLITE_IOERR || base == SQLITE_FULL)
        throw StoreError(path + ": cannot write the database (" + std::string(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)) + ")");
    throw StoreError(path + ": database error: " + std::string(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
}

void Statement::check(int rc) const {
    if (rc != SQLITE_OK) fail(db_, rc, path_);
}

Statement::Statement(sqlite3* db, std::string_view sql, const std::string& path) : db_(db), path_(path) {
    std::unique_lock lock(caches_mu);
    auto& cache = caches()[db].by_sql;
    lock.unlock();
    auto it = cache.find(sql);
    if (it == cache.end()) {
        sqlite3_stmt* st = nullptr;
        check(sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &st, nullptr));
        it = cache.emplace(std::string(sql), st).first;
    }
    st_ = it->second;
}

class SqliteStore final : public Store {
public:
    explicit SqliteStore(const std::string& path) : path_(path) {
        int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
        if (rc != SQLITE_OK) {
            std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
            sqlite3_close(db_);
            db_ = nullptr;
            throw StoreError(path + ": cannot open the database (" + msg + ")");
        }
        try {
            sqlite3_busy_timeout(db_, 2000);
            exec("PRAGMA journal_mode=WAL");
            exec("PRAGMA synchronous=FULL");
            exec("PRAGMA foreign_keys=ON");
            migrate();
        } catch (...) {
            drop_cache(db_);
            sqlite3_close(db_);
            throw;
        }
    }
    ~SqliteStore() override {
        drop_cache(db_);  // finalises the cached statements before the connection closes
        sqlite3_close(db_);
    }

    std::int64_t begin_session(const NewSession& s) override {
        Statement st(db_, "INSERT INTO sessions(started_unix_ms, day, plan_json, client_id, user_id) VALUES (?,?,?,?,?)", path_);
        st.bind(1, s.started_unix_ms).bind(2, static_cast<std::int64_t>(s.day)).bind(3, s.plan_json);
        s.client_id.empty() ? st.bind_null(4) : st.bind(4, s.client_id);
        st.bind(5, s.user);
        st.step();
        return sqlite3_last_insert_rowid(db_);
    }

    std::optional<SessionInfo> session(std::int64_t id) override {
        Statement st(db_,
                     "SELECT s.id, s.started_unix_ms, COALESCE(s.ended_unix_ms,0), s.day, s.status,"
                     " (SELECT COUNT(*) FROM holds h WHERE h.session_id=s.id), (SELECT COUNT(*) FROM visits v WHERE v.session_id=s.id),"
                     " s.plan_json, COALESCE(s.client_id,''), s.user_id FROM sessions s WHERE s.id=?",
                     path_);
        st.bind(1, id);
        if (!st.step()) return std::nullopt;
        return SessionInfo{st.i64(0), st.i64(1), st.i64(2), static_cast<int>(st.i64(3)), st.text(4), static_cast<int>(st.i64(5)),
                           static_cast<int>(st.i64(6)), st.text(7), st.text(8), st.i64(9)};
    }

    std::optional<std::int64_t> session_by_client_id(UserId user, const std::string& client_id) override {
        Statement st(db_, "SELECT id FROM sessions WHERE user_id=? AND client_id=?", path_);
        st.bind(1, user).bind(2, client_id);
        if (!st.step()) return std::nullopt;
        return st.i64(0);
    }

    std::vector<StoredEvent> events(std::int64_t session) override {
        Statement st(db_, "SELECT client_id, t_ms, type, tenderness FROM session_events WHERE session_id=? ORDER BY seq", path_);
        st.bind(1, session);
        std::vector<StoredEvent> out;
        while (st.step()) {
            StoredEvent e;
            e.client_id = st.text(0);
            e.event.t_ms = st.i64(1);
            e.event.type = parse_event_type(st.text(2)).value_or(EventType::tick);
            if (!st.null(3)) e.event.tenderness = static_cast<int>(st.i64(3));
            out.push_back(std::move(e));
        }
        return out;
    }

    void add_event(std::int64_t session, std::int64_t seq, const StoredEvent& e) override {
        Statement st(db_, "INSERT INTO session_events(session_id, seq, client_id, t_ms, type, tenderness) VALUES (?, ?, ?, ?, ?, ?)", path_);
        st.bind(1, session).bind(2, seq).bind(3, e.client_id).bind(4, e.event.t_ms).bind(5, std::string(to_string(e.event.type)));
        st.bind(6, e.event.tenderness).step();
    }

    bool has_event(std::int64_t session, const std::string& client_id) override {
        Statement st(db_, "SELECT 1 FROM session_events WHERE session_id=? AND client_id=?", path_);
        st.bind(1, session).bind(2, client_id);
        return st.step();
    }

    std::int64_t event_count(std::int64_t session) override {
        // seq runs 1, 2, 3 ... per session, so the largest is the count (an index lookup).
        Statement st(db_, "SELECT COALESCE(MAX(seq),0) FROM session_events WHERE session_id=?", path_);
        st.bind(1, session);
        return st.step() ? st.i64(0) : 0;
    }

    std::int64_t save_assessment(const StoredAssessment& a) override {
        Statement st(db_, "INSERT INTO assessments(created_unix_ms, day, assessment_json, user_id, by_user) VALUES (?,?,?,?,?)", path_);
        st.bind(1, a.created_unix_ms).bind(2, static_cast<std::int64_t>(a.day)).bind(3, a.assessment_json).bind(4, a.user).bind(5, a.by).step();
        return sqlite3_last_insert_rowid(db_);
    }

    std::vector<StoredAssessment> assessments(UserId user) override {
        Statement st(db_,
                     "SELECT id, created_unix_ms, day, assessment_json, user_id, by_user FROM assessments WHERE user_id=?"
                     " ORDER BY created_unix_ms, id",
                     path_);
        st.bind(1, user);
        std::vector<StoredAssessment> out;
        while (st.step()) out.push_back(assessment_row(st));
        return out;
    }

    std::int64_t save_screening(const StoredScreening& x) override {
        Statement st(db_, "INSERT INTO screenings(user_id, by_user, created_unix_ms, day, answers_json, result) VALUES (?,?,?,?,?,?)", path_);
        st.bind(1, x.user).bind(2, x.by).bind(3, x.created_unix_ms).bind(4, static_cast<std::int64_t>(x.day)).bind(5, x.answers_json);
        st.bind(6, x.result).step();
        return sqlite3_last_insert_rowid(db_);
    }

    std::vector<StoredScreening> screenings(UserId user) override {
        Statement st(db_,
                     "SELECT id, user_id, by_user, created_unix_ms, day, answers_json, result FROM screenings WHERE user_id=?"
                     " ORDER BY created_unix_ms, id",
                     path_);
        st.bind(1, user);
        std::vector<StoredScreening> out;
        while (st.step()) out.push_back(screening_row(st));
        return out;
    }

    std::int64_t save_clearance(const StoredClearance& x) override {
        Statement st(db_, "INSERT INTO clearances(user_id, by_user, created_unix_ms, condition_id, day, note) VALUES (?,?,?,?,?,?)", path_);
        st.bind(1, x.user).bind(2, x.by).bind(3, x.created_unix_ms).bind(4, x.condition).bind(5, static_cast<std::int64_t>(x.day));
        st.bind(6, x.note).step();
        return sqlite3_last_insert_rowid(db_);
    }

    std::vector<StoredClearance> clearances(const std::vector<UserId>& users) override {
        std::vector<StoredClearance> out;
        for (UserId u : users) {
            Statement st(db_,
                         "SELECT id, user_id, by_user, created_unix_ms, condition_id, day, note FROM clearances WHERE user_id=?"
                         " ORDER BY day, created_unix_ms, id",
                         path_);
            st.bind(1, u);
            while (st.step())
                out.push_back({st.i64(0), st.i64(1), st.i64(2), st.i64(3), st.text(4), static_cast<int>(st.i64(5)), st.text(6)});
        }
        return out;
    }

    // ---- accounts ----

    UserId create_user(const User& u) override {
        Statement st(db_,
                     "INSERT INTO users(email, name, role, password_hash, created_unix_ms)"
                     " VALUES (?,?,?,?,?) ON CONFLICT(email) DO NOTHING",
                     path_);
        st.bind(1, u.email).bind(2, u.name).bind(3, u.role).bind(4, u.password_hash).bind(5, u.created_unix_ms).step();
        if (sqlite3_changes(db_) == 0) throw ConflictError("an account with this email already exists");
        return sqlite3_last_insert_rowid(db_);
    }

    // Columns: id, created_unix_ms, day, assessment_json, user_id, by_user.
    static StoredAssessment assessment_row(Statement& st) {
        return {st.i64(0), st.i64(1), static_cast<int>(st.i64(2)), st.text(3), st.i64(4), st.i64(5)};
    }
    // Columns: id, trainer_id, client_id, created_unix_ms, profile_json, note.
    static Assignment assignment_row(Statement& st) { return {st.i64(0), st.i64(1), st.i64(2), st.i64(3), st.text(4), st.text(5)}; }
    // Columns: id, user_id, by_user, created_unix_ms, day, answers_json, result.
    static StoredScreening screening_row(Statement& st) {
        return {st.i64(0), st.i64(1), st.i64(2), st.i64(3), static_cast<int>(st.i64(4)), st.text(5), st.text(6)};
    }

    static constexpr const char* user_columns =
        "SELECT id, email, name, role, password_hash, created_unix_ms FROM users ";
    static User user_row(Statement& st) {
        return User{st.i64(0), st.text(1), st.text(2), st.text(3), st.text(4), st.i64(5)};
    }

    std::optional<User> user(UserId id) override {
        Statement st(db_, std::string(user_columns) + "WHERE id=?", path_);
        st.bind(1, id);
        if (!st.step()) return std::nullopt;
        return user_row(st);
    }

    std::optional<User> user_by_email(const std::string& email) override {
        Statement st(db_, std::string(user_columns) + "WHERE email=?", path_);
        st.bind(1, email);
        if (!st.step()) return std::nullopt;
        return user_row(st);
    }

    std::vector<User> users() override {
        Statement st(db_, std::string(user_columns) + "ORDER BY id", path_);
        std::vector<User> out;
        while (st.step()) out.push_back(user_row(st));
        return out;
    }

    std::vector<User> users_by_id(const std::vector<UserId>& ids) override {
        std::vector<User> out;
        for (UserId id : ids)
            if (auto u = user(id)) out.push_back(std::move(*u));
        std::sort(out.begin(), out.end(), [](const User& a, const User& b) { return a.id < b.id; });
        return out;
    }

    std::int64_t count_users() override {
        Statement st(db_, "SELECT COUNT(*) FROM users", path_);
        return st.step() ? st.i64(0) : 0;
    }

    void update_user(const User& u) override {
        Statement st(db_, "UPDATE users SET name=?, role=?, password_hash=? WHERE id=?", path_);
        st.bind(1, u.name).bind(2, u.role).bind(3, u.password_hash).bind(4, u.id).step();
    }

    Attempts attempts(const std::string& key) override {
        Statement st(db_, "SELECT count, last_unix_ms FROM attempts WHERE key=?", path_);
        st.bind(1, key);
        if (!st.step()) return {};
        return {static_cast<int>(st.i64(0)), st.i64(1)};
    }

    Attempts add_attempt(const std::string& key, std::int64_t now_unix_ms, std::int64_t stale_before_ms) override {
        // One statement, so two processes counting the same key never lose one.
        Statement st(db_,
                     "INSERT INTO attempts(key, count, last_unix_ms) VALUES (?, 1, ?) ON CONFLICT(key) DO UPDATE SET"
                     " count = CASE WHEN attempts.last_unix_ms < ? THEN 1 ELSE attempts.count + 1 END, last_unix_ms = excluded.last_unix_ms"
                     " RETURNING count, last_unix_ms",
                     path_);
        st.bind(1, key).bind(2, now_unix_ms).bind(3, stale_before_ms);
        Attempts out;
        if (st.step()) out = {static_cast<int>(st.i64(0)), st.i64(1)};
        st.step();  // to SQLITE_DONE, so the write is finished before the prune
        Statement prune(db_, "DELETE FROM attempts WHERE last_unix_ms < ?", path_);
        prune.bind(1, now_unix_ms - kAttemptsKeptMs).step();
        return out;
    }

    void clear_attempts(const std::string& key) override {
        Statement st(db_, "DELETE FROM attempts WHERE key=?", path_);
        st.bind(1, key).step();
    }

    void delete_user(UserId id) override {
        transaction([&] {
            // Holds, visits and events go with their sessions (ON DELETE CASCADE).
            for (const char* sql : {"DELETE FROM sessions WHERE user_id=?", "DELETE FROM assessments WHERE user_id=?",
                                    "DELETE FROM screenings WHERE user_id=?", "DELETE FROM clearances WHERE user_id=?",
                                    "DELETE FROM assignments WHERE client_id=?",
                                    "DELETE FROM user_techniques WHERE user_id=?",
                                    "DELETE FROM tokens WHERE user_id=?", "DELETE FROM links WHERE client_id=?1 OR trainer_id=?1",
                                    "DELETE FROM audit WHERE subject_id=?", "DELETE FROM users WHERE id=?"}) {
                Statement st(db_, sql, path_);
                st.bind(1, id).step();
            }
        });
    }

    void adopt_local_data(UserId id) override {
        transaction([&] {
            for (const char* sql : {"UPDATE sessions SET user_id=? WHERE user_id=0", "UPDATE assessments SET user_id=?1, by_user=?1 WHERE user_id=0",
                                    "UPDATE screenings SET user_id=?1, by_user=?1 WHERE user_id=0",
                                    "UPDATE clearances SET user_id=?1, by_user=?1 WHERE user_id=0",
                                    "UPDATE assignments SET client_id=? WHERE client_id=0", "UPDATE user_techniques SET user_id=? WHERE user_id=0"}) {
                Statement st(db_, sql, path_);
                st.bind(1, id).step();
            }
        });
    }

    static constexpr const char* token_columns =
        "SELECT hash, kind, user_id, created_unix_ms, expires_unix_ms, used_unix_ms, revoked, label, csrf FROM tokens ";
    static Token token_row(Statement& st) {
        return Token{st.text(0), st.text(1), st.i64(2), st.i64(3), st.i64(4), st.i64(5), st.i64(6) != 0, st.text(7), st.text(8)};
    }

    void put_token(const Token& t) override {
        Statement st(db_,
                     "INSERT INTO tokens(hash, kind, user_id, created_unix_ms, expires_unix_ms, used_unix_ms, revoked, label, csrf)"
                     " VALUES (?,?,?,?,?,?,?,?,?)",
                     path_);
        st.bind(1, t.hash).bind(2, t.kind).bind(3, t.user).bind(4, t.created_unix_ms).bind(5, t.expires_unix_ms).bind(6, t.used_unix_ms);
        st.bind(7, std::int64_t{t.revoked}).bind(8, t.label).bind(9, t.csrf).step();
    }

    std::optional<Token> token(const std::string& hash) override {
        Statement st(db_, std::string(token_columns) + "WHERE hash=?", path_);
        st.bind(1, hash);
        if (!st.step()) return std::nullopt;
        return token_row(st);
    }

    bool consume_token(const std::string& hash, std::int64_t now) override {
        Statement st(db_,
                     "UPDATE tokens SET used_unix_ms=?1 WHERE hash=?2 AND used_unix_ms=0 AND revoked=0"
                     " AND (expires_unix_ms=0 OR expires_unix_ms>?1)",
                     path_);
        st.bind(1, now).bind(2, hash).step();
        return sqlite3_changes(db_) == 1;
    }

    void revoke_token(const std::string& hash) override {
        Statement st(db_, "UPDATE tokens SET revoked=1 WHERE hash=?", path_);
        st.bind(1, hash).step();
    }

    void revoke_tokens(UserId user, const std::string& kind) override {
        Statement st(db_, "UPDATE tokens SET revoked=1 WHERE user_id=? AND kind=?", path_);
        st.bind(1, user).bind(2, kind).step();
    }

    std::vector<Token> tokens(UserId user, const std::string& kind) override {
        Statement st(db_, std::string(token_columns) + "WHERE user_id=? AND kind=? AND revoked=0 ORDER BY created_unix_ms DESC, hash", path_);
        st.bind(1, user).bind(2, kind);
        std::vector<Token> out;
        while (st.step()) out.push_back(token_row(st));
        return out;
    }

    void link(UserId trainer, UserId client, std::int64_t now) override {
        Statement st(db_, "INSERT INTO links(trainer_id, client_id, started_unix_ms) VALUES (?,?,?) ON CONFLICT DO NOTHING", path_);
        st.bind(1, trainer).bind(2, client).bind(3, now).step();
        if (sqlite3_changes(db_) == 0) throw ConflictError("this client already has a trainer");
    }

    void unlink(UserId trainer, UserId client, std::int64_t now) override {
        Statement st(db_, "UPDATE links SET ended_unix_ms=? WHERE trainer_id=? AND client_id=? AND ended_unix_ms=0", path_);
        st.bind(1, now).bind(2, trainer).bind(3, client).step();
    }

    std::vector<Link> clients_of(UserId trainer) override {
        Statement st(db_,
                     "SELECT trainer_id, client_id, started_unix_ms, ended_unix_ms FROM links WHERE trainer_id=? AND ended_unix_ms=0"
                     " ORDER BY client_id",
                     path_);
        st.bind(1, trainer);
        std::vector<Link> out;
        while (st.step()) out.push_back({st.i64(0), st.i64(1), st.i64(2), st.i64(3)});
        return out;
    }

    std::optional<Link> trainer_of(UserId client) override {
        Statement st(db_, "SELECT trainer_id, client_id, started_unix_ms, ended_unix_ms FROM links WHERE client_id=? AND ended_unix_ms=0", path_);
        st.bind(1, client);
        if (!st.step()) return std::nullopt;
        return Link{st.i64(0), st.i64(1), st.i64(2), st.i64(3)};
    }

    std::int64_t assign(const Assignment& a) override {
        Statement st(db_, "INSERT INTO assignments(trainer_id, client_id, created_unix_ms, profile_json, note) VALUES (?,?,?,?,?)", path_);
        st.bind(1, a.trainer).bind(2, a.client).bind(3, a.created_unix_ms).bind(4, a.profile_json).bind(5, a.note).step();
        return sqlite3_last_insert_rowid(db_);
    }

    std::vector<Assignment> assignments(UserId client) override {
        Statement st(db_,
                     "SELECT id, trainer_id, client_id, created_unix_ms, profile_json, note FROM assignments WHERE client_id=?"
                     " ORDER BY created_unix_ms DESC, id DESC",
                     path_);
        st.bind(1, client);
        std::vector<Assignment> out;
        while (st.step()) out.push_back(assignment_row(st));
        return out;
    }

    std::optional<Assignment> assignment(std::int64_t id) override {
        Statement st(db_, "SELECT id, trainer_id, client_id, created_unix_ms, profile_json, note FROM assignments WHERE id=?", path_);
        st.bind(1, id);
        if (!st.step()) return std::nullopt;
        return assignment_row(st);
    }

    void put_user_technique(const UserTechnique& t) override {
        Statement st(db_,
                     "INSERT INTO user_techniques(user_id, id, name, source, muscles, details_json) VALUES (?,?,?,?,?,?)"
                     " ON CONFLICT(user_id, id) DO UPDATE SET name=excluded.name, source=excluded.source, muscles=excluded.muscles,"
                     " details_json=excluded.details_json",
                     path_);
        st.bind(1, t.user).bind(2, t.id).bind(3, t.name).bind(4, t.source).bind(5, t.muscles).bind(6, t.details_json).step();
    }

    std::vector<UserTechnique> user_techniques(UserId user) override {
        Statement st(db_, "SELECT user_id, id, name, source, muscles, details_json FROM user_techniques WHERE user_id=? ORDER BY id", path_);
        st.bind(1, user);
        std::vector<UserTechnique> out;
        while (st.step()) out.push_back({st.i64(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5)});
        return out;
    }

    void audit(const AuditEntry& e) override {
        Statement st(db_, "INSERT INTO audit(at_unix_ms, actor_id, subject_id, action, target) VALUES (?,?,?,?,?)", path_);
        st.bind(1, e.at_unix_ms).bind(2, e.actor).bind(3, e.subject).bind(4, e.action).bind(5, e.target).step();
    }

    void audit_batch(const std::vector<AuditEntry>& entries) override {
        transaction([&] {
            for (const auto& e : entries) audit(e);
        });
    }

    std::vector<AuditEntry> audit_log(UserId subject, std::size_t limit, AuditActors actors) override {
        std::string sql = "SELECT id, at_unix_ms, actor_id, subject_id, action, target FROM audit WHERE ";
        sql += subject ? "subject_id=?" : "?=0";
        if (actors == AuditActors::others) sql += " AND actor_id<>subject_id";
        Statement st(db_, sql + " ORDER BY id DESC LIMIT ?", path_);
        st.bind(1, subject).bind(2, static_cast<std::int64_t>(limit));
        std::vector<AuditEntry> out;
        while (st.step()) out.push_back({st.i64(0), st.i64(1), st.i64(2), st.i64(3), st.text(4), st.text(5)});
        return out;
    }

    std::vector<DayActivity> activity(const std::vector<UserId>& users, int from_day) override {
        std::vector<DayActivity> out;
        // Per user, a range of the covering index sessions_activity: no table rows, no holds.
        for (UserId u : users) {
            Statement st(db_,
                         "SELECT day, COUNT(*), SUM(hold_count), SUM(tenderness_sum), MAX(started_unix_ms) FROM sessions"
                         " WHERE user_id=? AND day>=? GROUP BY day ORDER BY day",
                         path_);
            st.bind(1, u).bind(2, static_cast<std::int64_t>(from_day));
            while (st.step())
                out.push_back({u, static_cast<int>(st.i64(0)), static_cast<int>(st.i64(1)), static_cast<int>(st.i64(2)),
                               static_cast<int>(st.i64(3)), st.i64(4)});
        }
        return out;
    }

    std::vector<StoredScreening> latest_screenings(const std::vector<UserId>& users) override {
        std::vector<StoredScreening> out;
        for (UserId u : users) {
            Statement st(db_,
                         "SELECT id, user_id, by_user, created_unix_ms, day, answers_json, result FROM screenings WHERE user_id=?"
                         " ORDER BY created_unix_ms DESC, id DESC LIMIT 1",
                         path_);
            st.bind(1, u);
            if (st.step()) out.push_back(screening_row(st));
        }
        return out;
    }

    std::vector<StoredAssessment> latest_assessments(const std::vector<UserId>& users, int per_user) override {
        std::vector<StoredAssessment> out;
        for (UserId u : users) {
            Statement st(db_,
                         "SELECT id, created_unix_ms, day, assessment_json, user_id, by_user FROM assessments WHERE user_id=?"
                         " ORDER BY created_unix_ms DESC, id DESC LIMIT ?",
                         path_);
            st.bind(1, u).bind(2, static_cast<std::int64_t>(per_user));
            while (st.step()) out.push_back(assessment_row(st));
        }
        return out;
    }

    std::vector<std::pair<UserId, std::int64_t>> last_sessions(const std::vector<UserId>& users) override {
        std::vector<std::pair<UserId, std::int64_t>> out;
        for (UserId u : users) {
            Statement st(db_, "SELECT started_unix_ms FROM sessions WHERE user_id=? ORDER BY day DESC, started_unix_ms DESC LIMIT 1", path_);
            st.bind(1, u);
            out.emplace_back(u, st.step() ? st.i64(0) : 0);
        }
        return out;
    }

    void transaction(const std::function<void()>& fn) override {
        // Nested calls join the outer transaction: all of it commits, or none.
        if (!sqlite3_get_autocommit(db_)) return fn();
        exec("BEGIN IMMEDIATE");
        try {
            fn();
            exec("COMMIT");
        } catch (...) {
            sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }

    void save_hold(std::int64_t session, const HoldRecord& h) override {
        transaction([&] { insert_hold(session, h); });  // the hold and its session's totals: one commit
    }

    void insert_hold(std::int64_t session, const HoldRecord& h) {
        Statement st(db_,
                     "INSERT INTO holds(session_id,item,technique,side,muscles,spot,found_ms,ended_ms,hold_s,tenderness_start,"
                     "tenderness_end,outcome) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                     path_);
        st.bind(1, session).bind(2, static_cast<std::int64_t>(h.item)).bind(3, h.technique);
        h.side ? st.bind(4, std::string(to_string(*h.side))) : st.bind_null(4);
        st.bind(5, join_list(h.muscles)).bind(6, static_cast<std::int64_t>(h.spot)).bind(7, h.found_ms).bind(8, h.ended_ms);
        st.bind(9, static_cast<std::int64_t>(h.hold_s)).bind(10, static_cast<std::int64_t>(h.tenderness_start)).bind(11, h.tenderness_end);
        st.bind(12, std::string(to_string(h.outcome))).step();
        Statement totals(db_, "UPDATE sessions SET hold_count = hold_count + 1, tenderness_sum = tenderness_sum + ? WHERE id = ?", path_);
        totals.bind(1, static_cast<std::int64_t>(h.tenderness_start)).bind(2, session).step();
    }

    void save_visit(std::int64_t session, const VisitRecord& v) override {
        Statement st(db_,
                     "INSERT INTO visits(session_id,item,kind,ref_id,side,muscles,outcome,spots,started_ms,ended_ms) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?)",
                     path_);
        st.bind(1, session).bind(2, static_cast<std::int64_t>(v.item)).bind(3, std::string(to_string(v.kind))).bind(4, v.id);
        v.side ? st.bind(5, std::string(to_string(*v.side))) : st.bind_null(5);
        st.bind(6, join_list(v.muscles)).bind(7, std::string(to_string(v.outcome))).bind(8, static_cast<std::int64_t>(v.spots));
        st.bind(9, v.started_ms).bind(10, v.ended_ms).step();
    }

    void end_session(std::int64_t session, std::int64_t ended_unix_ms, const std::string& status) override {
        Statement st(db_, "UPDATE sessions SET ended_unix_ms=?, status=? WHERE id=?", path_);
        st.bind(1, ended_unix_ms).bind(2, status).bind(3, session).step();
    }

    std::vector<SessionInfo> list_sessions(UserId user) override {
        Statement st(db_,
                     "SELECT s.id, s.started_unix_ms, COALESCE(s.ended_unix_ms,0), s.day, s.status,"
                     " (SELECT COUNT(*) FROM holds h WHERE h.session_id=s.id), (SELECT COUNT(*) FROM visits v WHERE v.session_id=s.id)"
                     " FROM sessions s WHERE s.user_id=? ORDER BY s.started_unix_ms DESC, s.id DESC",
                     path_);
        st.bind(1, user);
        std::vector<SessionInfo> out;
        while (st.step())
            out.push_back({st.i64(0), st.i64(1), st.i64(2), static_cast<int>(st.i64(3)), st.text(4), static_cast<int>(st.i64(5)),
                           static_cast<int>(st.i64(6)), {}, {}, user});
        return out;
    }

    std::vector<HoldRecord> holds(std::int64_t session) override {
        Statement st(db_,
                     "SELECT item,technique,side,muscles,spot,found_ms,ended_ms,hold_s,tenderness_start,tenderness_end,outcome"
                     " FROM holds WHERE session_id=? ORDER BY id",
                     path_);
        st.bind(1, session);
        std::vector<HoldRecord> out;
        while (st.step()) out.push_back(hold_row(st, 0));
        return out;
    }

    // Columns from `c` on: item, technique, side, muscles, spot, found_ms, ended_ms, hold_s,
    // tenderness_start, tenderness_end, outcome.
    static HoldRecord hold_row(Statement& st, int c) {
        HoldRecord h;
        h.item = static_cast<int>(st.i64(c));
        h.technique = st.text(c + 1);
        h.side = parse_side(st.text(c + 2));
        h.muscles = split_ids(st.text(c + 3));
        h.spot = static_cast<int>(st.i64(c + 4));
        h.found_ms = st.i64(c + 5), h.ended_ms = st.i64(c + 6);
        h.hold_s = static_cast<int>(st.i64(c + 7));
        h.tenderness_start = static_cast<int>(st.i64(c + 8));
        if (!st.null(c + 9)) h.tenderness_end = static_cast<int>(st.i64(c + 9));
        h.outcome = parse_hold_outcome(st.text(c + 10)).value_or(HoldOutcome::stopped);
        return h;
    }

    // Columns from `c` on: item, kind, ref_id, side, muscles, outcome, spots, started_ms, ended_ms.
    static VisitRecord visit_row(Statement& st, int c) {
        VisitRecord v;
        v.item = static_cast<int>(st.i64(c));
        v.kind = stored::item_kind(st.text(c + 1));
        v.id = st.text(c + 2);
        v.side = parse_side(st.text(c + 3));
        v.muscles = split_ids(st.text(c + 4));
        v.outcome = stored::outcome(st.text(c + 5));
        v.spots = static_cast<int>(st.i64(c + 6));
        v.started_ms = st.i64(c + 7), v.ended_ms = st.i64(c + 8);
        return v;
    }

    std::vector<SessionSummary> session_summaries(UserId user, int from_day) override {
        std::vector<SessionSummary> out;
        std::map<std::int64_t, std::size_t> index;
        {
            Statement st(db_, "SELECT id, day, started_unix_ms FROM sessions WHERE user_id=? AND day>=? ORDER BY started_unix_ms, id", path_);
            st.bind(1, user).bind(2, static_cast<std::int64_t>(from_day));
            while (st.step()) {
                index[st.i64(0)] = out.size();
                out.push_back(SessionSummary{st.i64(0), static_cast<int>(st.i64(1)), st.i64(2), {}, {}});
            }
        }
        // Two queries in all, not two per session: two years of daily rolling is 730 sessions.
        {
            Statement st(db_,
                         "SELECT h.session_id, h.item,h.technique,h.side,h.muscles,h.spot,h.found_ms,h.ended_ms,h.hold_s,h.tenderness_start,"
                         "h.tenderness_end,h.outcome FROM holds h JOIN sessions s ON s.id=h.session_id WHERE s.user_id=? AND s.day>=? ORDER BY h.id",
                         path_);
            st.bind(1, user).bind(2, static_cast<std::int64_t>(from_day));
            while (st.step())
                if (auto it = index.find(st.i64(0)); it != index.end()) out[it->second].holds.push_back(hold_row(st, 1));
        }
        {
            Statement st(db_,
                         "SELECT v.session_id, v.item,v.kind,v.ref_id,v.side,v.muscles,v.outcome,v.spots,v.started_ms,v.ended_ms"
                         " FROM visits v JOIN sessions s ON s.id=v.session_id WHERE s.user_id=? AND s.day>=? ORDER BY v.id",
                         path_);
            st.bind(1, user).bind(2, static_cast<std::int64_t>(from_day));
            while (st.step())
                if (auto it = index.find(st.i64(0)); it != index.end()) out[it->second].visits.push_back(visit_row(st, 1));
        }
        return out;
    }

    std::vector<VisitRecord> visits(std::int64_t session) override {
        Statement st(db_, "SELECT item,kind,ref_id,side,muscles,outcome,spots,started_ms,ended_ms FROM visits WHERE session_id=? ORDER BY id", path_);
        st.bind(1, session);
        std::vector<VisitRecord> out;
        while (st.step()) out.push_back(visit_row(st, 0));
        return out;
    }

    std::string integrity_check() override {
        Statement st(db_, "PRAGMA integrity_check", path_);
        std::string out;
        while (st.step()) out += (out.empty() ? "" : "\n") + st.text(0);
        return out;
    }

private:
    void exec(const char* sql) {
        char* err = nullptr;
        int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
        sqlite3_free(err);
        if (rc != SQLITE_OK) fail(db_, rc, path_);
    }

    void migrate() {
        std::int64_t version = 0;
        {
            Statement st(db_, "PRAGMA user_version", path_);
            if (st.step()) version = st.i64(0);
        }
        if (version > static_cast<std::int64_t>(migrations.size()))
            throw StoreError(path_ + ": this database was written by a newer unknot (schema " + std::to_string(version) + ")");
        for (auto v = static_cast<std::size_t>(version); v < migrations.size(); ++v) {
            exec("BEGIN IMMEDIATE");
            try {
                exec(std::string(migrations[v]).c_str());
                exec(("PRAGMA user_version=" + std::to_string(v + 1)).c_str());
                exec("COMMIT");
            } catch (...) {
                sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
                throw;
            }
        }
    }

    std::string path_;
    sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& path) { return std::make_unique<SqliteStore>(path); }

}  // namespace unknot
