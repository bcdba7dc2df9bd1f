#pragma once
// The plumbing under the SQLite store: one writer connection whose transactions are shared by
// every write waiting at the time (group commit), and a few read-only connections, so a read or a
// sign-in never waits out someone else's fsync. WAL lets readers see the last commit while the
// writer works on the next.
#include <sqlite3.h>

#include <condition_variable>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace unknot::sqlite {

// One SQLite connection and its prepared statements. Used by one thread at a time.
class Conn {
public:
    Conn(const std::string& path, bool read_only);
    ~Conn();
    Conn(const Conn&) = delete;
    Conn& operator=(const Conn&) = delete;

    void exec(const char* sql);
    // Ends whatever transaction is open, on the way out of a failure: never throws over it.
    void rollback() noexcept { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }
    const std::string& path() const { return path_; }
    std::int64_t last_id() { return sqlite3_last_insert_rowid(db_); }
    int changes() { return sqlite3_changes(db_); }
    bool in_transaction() { return !sqlite3_get_autocommit(db_); }
    // Preparing costs more than running most of these queries: each SQL text once per connection.
    sqlite3_stmt* prepared(std::string_view sql);
    [[noreturn]] void fail(int rc) const;

private:
    std::string path_;
    sqlite3* db_ = nullptr;
    std::map<std::string, sqlite3_stmt*, std::less<>> statements_;
};

// A prepared statement borrowed from its connection's cache for one use.
class Statement {
public:
    Statement(Conn& c, std::string_view sql) : conn_(c), st_(c.prepared(sql)) {}
    ~Statement() {
        sqlite3_reset(st_);
        sqlite3_clear_bindings(st_);
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int i, std::int64_t v) { return check(sqlite3_bind_int64(st_, i, v)), *this; }
    Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
    Statement& bind(int i, std::string_view v) {
        return check(sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT)), *this;
    }
    Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
    Statement& bind_null(int i) { return check(sqlite3_bind_null(st_, i)), *this; }
    template <class T>
    Statement& bind(int i, const std::optional<T>& v) { return v ? bind(i, static_cast<std::int64_t>(*v)) : bind_null(i); }

    bool step();
    std::int64_t i64(int col) { return sqlite3_column_int64(st_, col); }
    int i32(int col) { return static_cast<int>(sqlite3_column_int64(st_, col)); }
    bool null(int col) { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
    std::string text(int col) {
        auto p = sqlite3_column_text(st_, col);
        return p ? std::string(reinterpret_cast<const char*>(p)) : std::string{};
    }

private:
    void check(int rc) const {
        if (rc != SQLITE_OK) conn_.fail(rc);
    }
    Conn& conn_;
    sqlite3_stmt* st_;
};

class Database {
public:
    // Opens the writer, sets WAL and synchronous=FULL, and applies what is missing of `migrations`.
    Database(const std::string& path, const std::vector<std::string_view>& migrations, std::size_t readers = 6);
    ~Database();

    // f(Conn&) inside a write transaction, durable on return. Writes arriving while one commit
    // is in flight run together in the next, each in its own savepoint: one failing rolls back
    // only itself. A call made from inside a write (on its thread) joins it.
    template <class F>
    auto write(F&& f) -> std::invoke_result_t<F&, Conn&>;
    // f(Conn&) on a read-only connection, one snapshot for all its statements; inside a write,
    // on the writer (to see what that write has done so far).
    template <class F>
    auto read(F&& f) -> std::invoke_result_t<F&, Conn&>;

    const std::string& path() const { return path_; }

private:
    struct Job {
        const std::function<void(Conn&)>* fn;
        std::exception_ptr error;
        bool done = false;
    };
    void submit(const std::function<void(Conn&)>& fn);
    void commit_batch(const std::vector<Job*>& batch);
    void run_read(const std::function<void(Conn&)>& fn);
    void migrate(const std::vector<std::string_view>& migrations);

    std::string path_;
    bool memory_;  // ":memory:" has no second connection: reads go through the writer
    std::unique_ptr<Conn> writer_;

    std::mutex write_mu_;
    std::condition_variable committed_;
    std::vector<Job*> queue_;
    bool committing_ = false;

    std::mutex read_mu_;
    std::condition_variable freed_;
    std::vector<std::unique_ptr<Conn>> idle_;
    std::size_t open_readers_ = 0, max_readers_;

    static thread_local const Database* tl_writing_;  // the database whose write this thread runs
};

template <class F>
auto Database::write(F&& f) -> std::invoke_result_t<F&, Conn&> {
    using R = std::invoke_result_t<F&, Conn&>;
    if (tl_writing_ == this) return f(*writer_);
    if constexpr (std::is_void_v<R>) {
        std::function<void(Conn&)> job = [&](Conn& c) { f(c); };
        submit(job);
    } else {
        std::optional<R> out;
        std::function<void(Conn&)> job = [&](Conn& c) { out.emplace(f(c)); };
        submit(job);
        return std::move(*out);
    }
}

template <class F>
auto Database::read(F&& f) -> std::invoke_result_t<F&, Conn&> {
    using R = std::invoke_result_t<F&, Conn&>;
    if (tl_writing_ == this) return f(*writer_);
    if (memory_) return write(std::forward<F>(f));
    if constexpr (std::is_void_v<R>) {
        run_read([&](Conn& c) { f(c); });
    } else {
        std::optional<R> out;
        run_read([&](Conn& c) { out.emplace(f(c)); });
        return std::move(*out);
    }
}

}  // namespace unknot::sqlite
