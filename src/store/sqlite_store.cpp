// SQLite backend: WAL journal with synchronous=FULL, so every committed hold survives a crash or
// power loss; schema versions tracked in PRAGMA user_version.
#include <sqlite3.h>

#include <array>
#include <map>
#include <mutex>
#include <string_view>

#include "common/text.hpp"
#include "store/store.hpp"

namespace unknot {

namespace {

// Each entry moves the schema one version forward; never edit a released entry, add a new one.
constexpr std::array<std::string_view, 3> migrations{R"sql(
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
        Statement st(db_, "INSERT INTO sessions(started_unix_ms, day, plan_json, client_id) VALUES (?,?,?,?)", path_);
        st.bind(1, s.started_unix_ms).bind(2, static_cast<std::int64_t>(s.day)).bind(3, s.plan_json);
        s.client_id.empty() ? st.bind_null(4) : st.bind(4, s.client_id);
        st.step();
        return sqlite3_last_insert_rowid(db_);
    }

    std::optional<SessionInfo> session(std::int64_t id) override {
        Statement st(db_,
                     "SELECT s.id, s.started_unix_ms, COALESCE(s.ended_unix_ms,0), s.day, s.status,"
                     " (SELECT COUNT(*) FROM holds h WHERE h.session_id=s.id), (SELECT COUNT(*) FROM visits v WHERE v.session_id=s.id),"
                     " s.plan_json, COALESCE(s.client_id,'') FROM sessions s WHERE s.id=?",
                     path_);
        st.bind(1, id);
        if (!st.step()) return std::nullopt;
        return SessionInfo{st.i64(0), st.i64(1), st.i64(2), static_cast<int>(st.i64(3)), st.text(4), static_cast<int>(st.i64(5)),
                           static_cast<int>(st.i64(6)), st.text(7), st.text(8)};
    }

    std::optional<std::int64_t> session_by_client_id(const std::string& client_id) override {
        Statement st(db_, "SELECT id FROM sessions WHERE client_id=?", path_);
        st.bind(1, client_id);
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
        Statement st(db_, "INSERT INTO assessments(created_unix_ms, day, assessment_json) VALUES (?,?,?)", path_);
        st.bind(1, a.created_unix_ms).bind(2, static_cast<std::int64_t>(a.day)).bind(3, a.assessment_json).step();
        return sqlite3_last_insert_rowid(db_);
    }

    std::vector<StoredAssessment> assessments() override {
        Statement st(db_, "SELECT id, created_unix_ms, day, assessment_json FROM assessments ORDER BY created_unix_ms, id", path_);
        std::vector<StoredAssessment> out;
        while (st.step()) out.push_back({st.i64(0), st.i64(1), static_cast<int>(st.i64(2)), st.text(3)});
        return out;
    }

    void transaction(const std::function<void()>& fn) override {
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
        Statement st(db_,
                     "INSERT INTO holds(session_id,item,technique,side,muscles,spot,found_ms,ended_ms,hold_s,tenderness_start,"
                     "tenderness_end,outcome) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                     path_);
        st.bind(1, session).bind(2, static_cast<std::int64_t>(h.item)).bind(3, h.technique);
        h.side ? st.bind(4, std::string(to_string(*h.side))) : st.bind_null(4);
        st.bind(5, join_list(h.muscles)).bind(6, static_cast<std::int64_t>(h.spot)).bind(7, h.found_ms).bind(8, h.ended_ms);
        st.bind(9, static_cast<std::int64_t>(h.hold_s)).bind(10, static_cast<std::int64_t>(h.tenderness_start)).bind(11, h.tenderness_end);
        st.bind(12, std::string(to_string(h.outcome))).step();
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

    std::vector<SessionInfo> list_sessions() override {
        Statement st(db_,
                     "SELECT s.id, s.started_unix_ms, COALESCE(s.ended_unix_ms,0), s.day, s.status,"
                     " (SELECT COUNT(*) FROM holds h WHERE h.session_id=s.id), (SELECT COUNT(*) FROM visits v WHERE v.session_id=s.id)"
                     " FROM sessions s ORDER BY s.started_unix_ms DESC, s.id DESC",
                     path_);
        std::vector<SessionInfo> out;
        while (st.step())
            out.push_back({st.i64(0), st.i64(1), st.i64(2), static_cast<int>(st.i64(3)), st.text(4), static_cast<int>(st.i64(5)),
                           static_cast<int>(st.i64(6)), {}, {}});
        return out;
    }

    std::vector<HoldRecord> holds(std::int64_t session) override {
        Statement st(db_,
                     "SELECT item,technique,side,muscles,spot,found_ms,ended_ms,hold_s,tenderness_start,tenderness_end,outcome"
                     " FROM holds WHERE session_id=? ORDER BY id",
                     path_);
        st.bind(1, session);
        std::vector<HoldRecord> out;
        while (st.step()) {
            HoldRecord h;
            h.item = static_cast<int>(st.i64(0));
            h.technique = st.text(1);
            h.side = parse_side(st.text(2));
            h.muscles = split_ids(st.text(3));
            h.spot = static_cast<int>(st.i64(4));
            h.found_ms = st.i64(5), h.ended_ms = st.i64(6);
            h.hold_s = static_cast<int>(st.i64(7));
            h.tenderness_start = static_cast<int>(st.i64(8));
            if (!st.null(9)) h.tenderness_end = static_cast<int>(st.i64(9));
            h.outcome = parse_hold_outcome(st.text(10)).value_or(HoldOutcome::stopped);
            out.push_back(std::move(h));
        }
        return out;
    }

    std::vector<SessionSummary> session_summaries() override {
        std::vector<SessionSummary> out;
        {
            Statement st(db_, "SELECT id, day, started_unix_ms FROM sessions ORDER BY started_unix_ms, id", path_);
            while (st.step()) out.push_back(SessionSummary{st.i64(0), static_cast<int>(st.i64(1)), st.i64(2), {}, {}});
        }
        for (auto& s : out) {
            s.holds = holds(s.id);
            s.visits = visits(s.id);
        }
        return out;
    }

    std::vector<VisitRecord> visits(std::int64_t session) override {
        Statement st(db_, "SELECT item,kind,ref_id,side,muscles,outcome,spots,started_ms,ended_ms FROM visits WHERE session_id=? ORDER BY id", path_);
        st.bind(1, session);
        std::vector<VisitRecord> out;
        while (st.step()) {
            VisitRecord v;
            v.item = static_cast<int>(st.i64(0));
            v.kind = st.text(1) == "stretch" ? ItemKind::stretch : ItemKind::smr;
            v.id = st.text(2);
            v.side = parse_side(st.text(3));
            v.muscles = split_ids(st.text(4));
            v.outcome = parse_visit_outcome(st.text(5)).value_or(VisitOutcome::stopped);
            v.spots = static_cast<int>(st.i64(6));
            v.started_ms = st.i64(7), v.ended_ms = st.i64(8);
            out.push_back(std::move(v));
        }
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
