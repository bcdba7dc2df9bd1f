#include "store/sqlite_db.hpp"

#include "store/store.hpp"

namespace unknot::sqlite {

thread_local const Database* Database::tl_writing_ = nullptr;

Conn::Conn(const std::string& path, bool read_only) : path_(path) {
    // NOMUTEX: a connection is only ever used by the thread that leased it, so SQLite's own
    // per-call locking would be paid for nothing.
    int flags = SQLITE_OPEN_NOMUTEX | (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError(path + ": cannot open the database (" + msg + ")");
    }
    sqlite3_busy_timeout(db_, 2000);
}

Conn::~Conn() {
    for (auto& [_, st] : statements_) sqlite3_finalize(st);
    sqlite3_close(db_);
}

void Conn::exec(const char* sql) {
    char* err = nullptr;
    int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
    sqlite3_free(err);
    if (rc != SQLITE_OK) fail(rc);
}

sqlite3_stmt* Conn::prepared(std::string_view sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) {
        sqlite3_stmt* st = nullptr;
        int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &st, nullptr);
        if (rc != SQLITE_OK) fail(rc);
        it = statements_.emplace(std::string(sql), st).first;
    }
    return it->second;
}

void Conn::fail(int rc) const {
    int base = rc & 0xff;
    std::string why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    if (base == SQLITE_BUSY || base == SQLITE_LOCKED)
        throw StoreError(path_ + ": the database is locked by another program; close it and try again");
    if (base == SQLITE_NOTADB || base == SQLITE_CORRUPT)
        throw StoreError(path_ + ": this file is not an unknot database, or it is damaged (" + std::string(sqlite3_errstr(rc)) + ")");
    if (base == SQLITE_READONLY || base == SQLITE_CANTOPEN || base == SQLITE_PERM || base == SQLITE_IOERR || base == SQLITE_FULL)
        throw StoreError(path_ + ": cannot write the database (" + why + ")");
    throw StoreError(path_ + ": database error: " + why);
}

bool Statement::step() {
    int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    conn_.fail(rc);
}

Database::Database(const std::string& path, const std::vector<std::string_view>& migrations, std::size_t readers)
    : path_(path), memory_(path == ":memory:" || path.empty()), writer_(std::make_unique<Conn>(path, false)), max_readers_(readers) {
    writer_->exec("PRAGMA journal_mode=WAL");
    writer_->exec("PRAGMA synchronous=FULL");
    writer_->exec("PRAGMA foreign_keys=ON");
    migrate(migrations);
}

Database::~Database() = default;

void Database::migrate(const std::vector<std::string_view>& migrations) {
    std::int64_t version = 0;
    {
        Statement st(*writer_, "PRAGMA user_version");
        if (st.step()) version = st.i64(0);
    }
    if (version > static_cast<std::int64_t>(migrations.size()))
        throw StoreError(path_ + ": this database was written by a newer unknot (schema " + std::to_string(version) + ")");
    for (auto v = static_cast<std::size_t>(version); v < migrations.size(); ++v) {
        writer_->exec("BEGIN IMMEDIATE");
        try {
            writer_->exec(std::string(migrations[v]).c_str());
            writer_->exec(("PRAGMA user_version=" + std::to_string(v + 1)).c_str());
            writer_->exec("COMMIT");
        } catch (...) {
            writer_->rollback();
            throw;
        }
    }
}

// Leader and followers: whoever finds no commit in flight takes everything queued so far and
// commits it; the rest wait for the batch that holds their job. One fsync answers them all.
void Database::submit(const std::function<void(Conn&)>& fn) {
    Job job{&fn, nullptr};
    std::unique_lock lock(write_mu_);
    queue_.push_back(&job);
    while (!job.done) {
        if (committing_) {
            committed_.wait(lock);
            continue;
        }
        committing_ = true;
        std::vector<Job*> batch;
        batch.swap(queue_);
        lock.unlock();
        commit_batch(batch);
        lock.lock();
        for (Job* j : batch) j->done = true;
        committing_ = false;
        committed_.notify_all();
    }
    if (job.error) std::rethrow_exception(job.error);
}

void Database::commit_batch(const std::vector<Job*>& batch) {
    struct Writing {
        explicit Writing(const Database* d) { tl_writing_ = d; }
        ~Writing() { tl_writing_ = nullptr; }
    } writing(this);
    Conn& c = *writer_;
    auto fail_all = [&](std::exception_ptr e) {
        for (Job* j : batch)
            if (!j->error) j->error = e;
    };
    try {
        Statement(c, "BEGIN IMMEDIATE").step();
    } catch (...) {
        return fail_all(std::current_exception());
    }
    bool any = false;
    for (Job* j : batch) {
        try {
            Statement(c, "SAVEPOINT job").step();
            try {
                (*j->fn)(c);
                Statement(c, "RELEASE job").step();
                any = true;
            } catch (...) {
                j->error = std::current_exception();
                if (c.in_transaction()) {
                    c.exec("ROLLBACK TO job");
                    c.exec("RELEASE job");
                }
            }
        } catch (...) {
            if (!j->error) j->error = std::current_exception();
        }
        if (!c.in_transaction()) {
            // SQLite gave up the whole transaction (a full disk, an I/O error): nothing of this
            // batch was kept, so nobody in it may be told otherwise.
            fail_all(j->error ? j->error : std::make_exception_ptr(StoreError(path_ + ": the write was rolled back")));
            return;
        }
    }
    try {
        Statement(c, any ? "COMMIT" : "ROLLBACK").step();
    } catch (...) {
        auto e = std::current_exception();
        c.rollback();
        fail_all(e);
    }
}

void Database::run_read(const std::function<void(Conn&)>& fn) {
    std::unique_ptr<Conn> conn;
    {
        std::unique_lock lock(read_mu_);
        while (idle_.empty() && open_readers_ >= max_readers_) freed_.wait(lock);
        if (!idle_.empty()) {
            conn = std::move(idle_.back());
            idle_.pop_back();
        } else {
            ++open_readers_;
        }
    }
    struct GiveBack {
        Database& d;
        std::unique_ptr<Conn>& c;
        ~GiveBack() {
            std::lock_guard lock(d.read_mu_);
            if (c)
                d.idle_.push_back(std::move(c));
            else
                --d.open_readers_;  // opening failed: the slot is free again
            d.freed_.notify_one();
        }
    } give_back{*this, conn};
    if (!conn) conn = std::make_unique<Conn>(path_, true);
    // One read transaction, so a query pair (a session and its holds) sees one commit.
    Statement(*conn, "BEGIN").step();
    try {
        fn(*conn);
        Statement(*conn, "COMMIT").step();
    } catch (...) {
        conn->rollback();
        throw;
    }
}

}  // namespace unknot::sqlite
