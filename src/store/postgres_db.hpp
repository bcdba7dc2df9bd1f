#pragma once
// The plumbing under the PostgreSQL store: a small pool of libpq connections, the calling
// thread's open transaction, and turning libpqxx errors into StoreError. Only
// postgres_store.cpp includes this; nothing outside store/ sees libpqxx.
#include <pqxx/pqxx>

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <vector>

#include "store/store.hpp"

namespace unknot::pg {

// A statement prepared once per connection under its name, on first use.
struct Stmt {
    const char* name;
    const char* sql;
};

// One libpq connection and the statements already prepared on it.
class Connection {
public:
    explicit Connection(const std::string& conninfo);
    pqxx::connection& raw() { return conn_; }
    void prepare(const Stmt& s);

private:
    pqxx::connection conn_;
    std::unordered_set<std::string> prepared_;
};

// What a store method runs its statements through: the caller's transaction or its own.
class Txn {
public:
    Txn(Connection& c, pqxx::transaction_base& t) : conn_(c), t_(t) {}
    template <class... Args>
    pqxx::result exec(const Stmt& s, Args&&... args) {
        conn_.prepare(s);
        return t_.exec_prepared(s.name, std::forward<Args>(args)...);
    }

private:
    Connection& conn_;
    pqxx::transaction_base& t_;
};

// {1,2,3}: ids as one array parameter (`unnest($1::bigint[])`), so a dashboard over many
// clients is one query, not one per client.
std::string id_array(const std::vector<UserId>& ids);
// {"a","b"}: text as one array parameter, each element quoted and escaped.
std::string text_array(const std::vector<std::string>& items);

// A libpq connection serves one thread at a time, and the server calls the store from several:
// request threads read while the writer thread holds a transaction open for its group commit.
// One connection behind a mutex would make every read wait out that commit; a few pooled
// connections let them run side by side, each borrowed for one call or one transaction.
class Database {
public:
    // Connects once at open, so a wrong URL or a server that is down shows at once.
    explicit Database(const std::string& url, std::size_t pool_size = 4);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // The database as a person would name it: scheme, user, host, port and name; never the
    // password.
    const std::string& where() const { return where_; }

    // Runs f(Txn&) inside the calling thread's transaction() if there is one; otherwise a
    // single statement runs on its own (autocommit: one round trip) and several in a
    // transaction of their own (`atomic`).
    template <class F>
    auto run(bool atomic, F&& f) -> std::invoke_result_t<F&, Txn&>;

    // See Store::transaction: a nested call on the same thread joins the outer transaction.
    void transaction(const std::function<void()>& fn);

    // Applies what is missing of `migrations` (each in its own transaction) under an advisory
    // lock, so two processes starting at once on a fresh database never both migrate.
    void migrate(const std::vector<std::string>& migrations);

private:
    struct Active;
    class Lease;

    std::unique_ptr<Connection> acquire();
    void release(std::unique_ptr<Connection> c);
    Active* active();
    [[noreturn]] void fail(std::exception_ptr e, Active* in) const;

    std::string conninfo_, where_, password_;
    std::size_t pool_size_;
    std::mutex mu_;
    std::condition_variable freed_;
    std::vector<std::unique_ptr<Connection>> idle_;
    std::size_t open_ = 0;  // connections in existence, idle or leased
    // This thread's open transaction() per database, innermost last.
    static thread_local std::vector<Active*> tl_active_;
};

// The calling thread's transaction() on one Database. A failed statement leaves a PostgreSQL
// transaction unusable (SQLite would carry on), so the failure is remembered: a caller that
// catches it and goes on gets a StoreError rather than a silent rollback at commit.
struct Database::Active {
    const Database* db;
    Txn txn;
    std::string failure;  // empty while healthy
};

// A connection borrowed from the pool for one call or one transaction.
class Database::Lease {
public:
    explicit Lease(Database& db) : db_(db), conn_(db.acquire()) {}
    ~Lease() { db_.release(std::move(conn_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Connection& operator*() { return *conn_; }

private:
    Database& db_;
    std::unique_ptr<Connection> conn_;
};

template <class F>
auto Database::run(bool atomic, F&& f) -> std::invoke_result_t<F&, Txn&> {
    if (Active* a = active()) {
        if (!a->failure.empty()) throw StoreError(where_ + ": an earlier statement of this transaction failed (" + a->failure + ")");
        try {
            return f(a->txn);
        } catch (const pqxx::pqxx_exception&) {
            fail(std::current_exception(), a);
        }
    }
    try {
        Lease lease(*this);
        if (atomic) {
            pqxx::work w((*lease).raw());
            Txn t(*lease, w);
            if constexpr (std::is_void_v<std::invoke_result_t<F&, Txn&>>) {
                f(t);
                w.commit();
            } else {
                auto out = f(t);
                w.commit();
                return out;
            }
        } else {
            pqxx::nontransaction n((*lease).raw());
            Txn t(*lease, n);
            return f(t);
        }
    } catch (const pqxx::pqxx_exception&) {
        fail(std::current_exception(), nullptr);
    }
}

}  // namespace unknot::pg
