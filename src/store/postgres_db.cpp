#include "store/postgres_db.hpp"

#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <string_view>

namespace unknot::pg {

namespace {

std::string percent_decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

// The parts of a libpq URI we name in messages, and the password we must never name.
struct UrlParts {
    std::string scheme, user, password, host, db;
    std::string query_password;
};

UrlParts parse_url(const std::string& url) {
    UrlParts p;
    auto sep = url.find("://");
    if (sep == std::string::npos) return p;
    p.scheme = url.substr(0, sep);
    std::string_view rest(url);
    rest.remove_prefix(sep + 3);
    auto query_at = rest.find('?');
    std::string_view query = query_at == std::string_view::npos ? std::string_view{} : rest.substr(query_at + 1);
    rest = rest.substr(0, query_at);
    auto slash = rest.find('/');
    std::string_view authority = rest.substr(0, slash);
    if (slash != std::string_view::npos) p.db = percent_decode(rest.substr(slash + 1));
    auto at = authority.rfind('@');
    if (at != std::string_view::npos) {
        std::string_view userinfo = authority.substr(0, at);
        auto colon = userinfo.find(':');
        p.user = percent_decode(userinfo.substr(0, colon));
        if (colon != std::string_view::npos) p.password = std::string(userinfo.substr(colon + 1));
        authority.remove_prefix(at + 1);
    }
    p.host = std::string(authority);
    // password=... may also come as a query parameter.
    while (!query.empty()) {
        auto amp = query.find('&');
        std::string_view kv = query.substr(0, amp);
        if (kv.substr(0, 9) == "password=") p.query_password = std::string(kv.substr(9));
        if (kv.substr(0, 7) == "dbname=") p.db = percent_decode(kv.substr(7));
        if (kv.substr(0, 5) == "host=") p.host = percent_decode(kv.substr(5));
        if (kv.substr(0, 5) == "user=") p.user = percent_decode(kv.substr(5));
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    }
    return p;
}

// libpq's messages span lines ("ERROR:  ...\nLINE 1: ...\n   ^"); the first line is the news.
std::string first_line(std::string_view msg) {
    for (std::string_view prefix : {"ERROR:  ", "FATAL:  "})
        if (msg.substr(0, prefix.size()) == prefix) msg.remove_prefix(prefix.size());
    std::string out;
    for (char c : msg) {
        if (c == '\n') break;
        out += c == '\t' ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// Connection failures are worth all their lines (which host, which port, why), on one line.
std::string one_line(std::string_view msg) {
    std::string out;
    bool space = false;
    for (char c : msg) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
        } else {
            if (space) out += ' ';
            space = false;
            out += c;
        }
    }
    return out;
}

void replace_all(std::string& s, const std::string& what, const std::string& with) {
    if (what.empty()) return;
    for (auto pos = s.find(what); pos != std::string::npos; pos = s.find(what, pos + with.size())) s.replace(pos, what.size(), with);
}

// Whether a connection that sat idle in the pool is still usable, without a round trip: a
// server that restarted or ended the session (idle timeout, pg_terminate_backend) has sent its
// goodbye and closed the socket. Finding that here beats failing the caller's first statement
// (and libpqxx 6 leaks the result of a statement that fails on a lost connection). An idle
// connection has nothing to read, so anything readable (data or end of file) means it is gone.
bool alive(Connection& c) {
    if (!c.raw().is_open()) return false;
    int fd = c.raw().sock();
    if (fd < 0) return false;
    char byte = 0;
    errno = 0;
    return ::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT) < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR);
}

}  // namespace

std::string id_array(const std::vector<UserId>& ids) {
    std::string s = "{";
    for (std::size_t i = 0; i < ids.size(); ++i) s += (i ? "," : "") + std::to_string(ids[i]);
    return s + "}";
}

std::string text_array(const std::vector<std::string>& items) {
    std::string s = "{";
    for (std::size_t i = 0; i < items.size(); ++i) {
        s += i ? ",\"" : "\"";
        for (char c : items[i]) {
            if (c == '"' || c == '\\') s += '\\';
            s += c;
        }
        s += '"';
    }
    return s + "}";
}

Connection::Connection(const std::string& conninfo) : conn_(conninfo) {
    // Notices ("table already exists, skipping") would go to stderr; warnings still do.
    conn_.set_variable("client_min_messages", "warning");
    // A lock held by a stuck client becomes an error a person can act on, not a hang.
    conn_.set_variable("lock_timeout", "10000");
}

void Connection::prepare(const Stmt& s) {
    if (prepared_.insert(s.name).second) conn_.prepare(s.name, s.sql);
}

Database::Database(const std::string& url, std::size_t pool_size) : conninfo_(url), pool_size_(std::max<std::size_t>(pool_size, 1)) {
    UrlParts p = parse_url(url);
    password_ = p.password.empty() ? p.query_password : p.password;
    if (!p.scheme.empty()) {
        where_ = p.scheme + "://" + (p.user.empty() ? "" : p.user + "@") + p.host + "/" + p.db;
        // libpq waits for an unreachable host as long as TCP does (minutes) unless told.
        if (url.find("connect_timeout=") == std::string::npos) conninfo_ += (url.find('?') == std::string::npos ? "?" : "&") + std::string("connect_timeout=10");
    } else {
        where_ = "the PostgreSQL database";
    }
    release(acquire());  // connect now: a bad URL or a server that is down fails the open
}

Database::~Database() = default;

std::unique_ptr<Connection> Database::acquire() {
    {
        std::unique_lock lock(mu_);
        for (;;) {
            freed_.wait(lock, [this] { return !idle_.empty() || open_ < pool_size_; });
            if (idle_.empty()) break;
            auto c = std::move(idle_.back());
            idle_.pop_back();
            if (alive(*c)) return c;
            --open_;  // closed by the server while idle (restart, idle timeout): open another
        }
        ++open_;
    }
    try {
        return std::make_unique<Connection>(conninfo_);
    } catch (const std::exception& e) {
        {
            std::lock_guard lock(mu_);
            --open_;
        }
        freed_.notify_one();
        std::string msg = one_line(e.what());
        replace_all(msg, password_, "***");
        replace_all(msg, percent_decode(password_), "***");
        throw StoreError(where_ + ": cannot connect to the database (" + msg + ")");
    }
}

void Database::release(std::unique_ptr<Connection> c) {
    {
        std::lock_guard lock(mu_);
        // A broken connection is dropped; the next caller opens a fresh one.
        if (c && c->raw().is_open())
            idle_.push_back(std::move(c));
        else
            --open_;
    }
    freed_.notify_one();
}

thread_local std::vector<Database::Active*> Database::tl_active_;

Database::Active* Database::active() {
    for (auto it = tl_active_.rbegin(); it != tl_active_.rend(); ++it)
        if ((*it)->db == this) return *it;
    return nullptr;
}

void Database::fail(std::exception_ptr e, Active* in) const {
    try {
        std::rethrow_exception(e);
    } catch (const pqxx::broken_connection& x) {
        if (in) in->failure = "the connection was lost";
        throw StoreError(where_ + ": lost the connection to the database (" + one_line(x.what()) + ")");
    } catch (const pqxx::in_doubt_error& x) {
        throw StoreError(where_ + ": the connection was lost while committing; the last write may or may not be saved (" +
                         one_line(x.what()) + ")");
    } catch (const pqxx::sql_error& x) {
        std::string msg = first_line(x.what());
        if (in) in->failure = msg;
        const std::string& state = x.sqlstate();
        if (state == "55P03" || state == "40P01" || state == "40001")
            throw StoreError(where_ + ": the database is busy (locked by another client); try again (" + msg + ")");
        if (state.substr(0, 2) == "53" || state == "25006")
            throw StoreError(where_ + ": cannot write the database (" + msg + ")");
        if (state.substr(0, 2) == "08" || state.substr(0, 2) == "57")
            throw StoreError(where_ + ": lost the connection to the database (" + msg + ")");
        throw StoreError(where_ + ": database error: " + msg);
    } catch (const pqxx::pqxx_exception& x) {
        throw StoreError(where_ + ": database error: " + first_line(x.base().what()));
    }
}

void Database::transaction(const std::function<void()>& fn) {
    if (Active* a = active()) {
        if (!a->failure.empty()) throw StoreError(where_ + ": an earlier statement of this transaction failed (" + a->failure + ")");
        return fn();
    }
    Lease lease(*this);
    std::unique_ptr<pqxx::work> w;
    try {
        w = std::make_unique<pqxx::work>((*lease).raw());
    } catch (const pqxx::pqxx_exception&) {
        fail(std::current_exception(), nullptr);
    }
    Active me{this, Txn(*lease, *w), {}};
    tl_active_.push_back(&me);
    struct Pop {
        ~Pop() { tl_active_.pop_back(); }
    } pop;
    fn();  // on a throw, ~work rolls back
    if (!me.failure.empty())
        throw StoreError(where_ + ": nothing of this transaction was saved, because a statement in it failed (" + me.failure + ")");
    try {
        w->commit();
    } catch (const pqxx::pqxx_exception&) {
        fail(std::current_exception(), nullptr);
    }
}

void Database::migrate(const std::vector<std::string>& migrations) {
    Lease lease(*this);
    auto& conn = (*lease).raw();
    for (;;) {
        try {
            pqxx::work w(conn);
            // Another process's migration may take longer than an ordinary lock wait.
            w.exec("SET LOCAL lock_timeout = '300s'");
            // Keyed by schema, so separate schemas (the tests use one each) migrate in parallel.
            w.exec("SELECT pg_advisory_xact_lock(hashtext('unknot-migrate:' || COALESCE(current_schema(), '')))");
            if (w.exec("SELECT to_regclass('schema_version') IS NULL")[0][0].as<bool>())
                w.exec("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_unix_ms BIGINT NOT NULL)");
            auto version = w.exec("SELECT COALESCE(MAX(version), 0) FROM schema_version")[0][0].as<std::int64_t>();
            if (version > static_cast<std::int64_t>(migrations.size()))
                throw StoreError(where_ + ": this database was written by a newer unknot (schema " + std::to_string(version) + ")");
            if (version == static_cast<std::int64_t>(migrations.size())) {
                w.commit();
                return;
            }
            w.exec(migrations[static_cast<std::size_t>(version)]);
            w.exec_params("INSERT INTO schema_version(version, applied_unix_ms) VALUES ($1, (extract(epoch FROM now()) * 1000)::bigint)",
                          version + 1);
            w.commit();
        } catch (const pqxx::pqxx_exception&) {
            fail(std::current_exception(), nullptr);
        }
    }
}

}  // namespace unknot::pg
