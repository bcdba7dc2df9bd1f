#include "support/store_backends.hpp"

#include <pqxx/pqxx>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>

namespace unknot::test {

namespace fs = std::filesystem;

namespace {

std::string unique_suffix() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    return std::to_string(stamp) + "_" + std::to_string(rd()) + "_" + std::to_string(counter++);
}

class SqliteBackend final : public StoreBackend {
public:
    std::unique_ptr<Store> open() override { return open_sqlite_store(path_.str()); }

private:
    TempPath path_;
};

}  // namespace

TempPath::TempPath() : path_((fs::temp_directory_path() / ("unknot-store-test-" + unique_suffix() + ".db")).string()) {}

TempPath::~TempPath() {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path_ + suffix, ec);
}

std::optional<std::string> postgres_test_url() {
    const char* url = std::getenv("UNKNOT_TEST_DATABASE_URL");
    if (!url || !*url) return std::nullopt;
    return std::string(url);
}

PostgresBackend::PostgresBackend(const std::string& server_url) : server_url_(server_url), schema_("unknot_test_" + unique_suffix()) {
    url_ = server_url_ + (server_url_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_ +
           "&application_name=" + schema_;
    pqxx::connection c(server_url_);
    pqxx::nontransaction(c).exec("CREATE SCHEMA " + schema_);
}

PostgresBackend::~PostgresBackend() {
    try {
        pqxx::connection c(server_url_);
        pqxx::nontransaction n(c);
        n.exec("SET client_min_messages TO warning");  // not one NOTICE per cascaded table
        n.exec("DROP SCHEMA " + schema_ + " CASCADE");
    } catch (const std::exception& e) {
        ADD_FAILURE() << "could not drop test schema " << schema_ << ": " << e.what();
    }
}

std::unique_ptr<Store> PostgresBackend::open() { return open_postgres_store(url_); }

std::string PostgresBackend::sql(const std::string& statement) {
    pqxx::connection c(url_);
    pqxx::work w(c);
    auto r = w.exec(statement);
    w.commit();
    if (r.empty() || r.columns() == 0 || r[0][0].is_null()) return {};
    return r[0][0].c_str();
}

const std::vector<BackendFactory>& store_backends() {
    static const std::vector<BackendFactory> backends = [] {
        std::vector<BackendFactory> b{{"sqlite", [] { return std::unique_ptr<StoreBackend>(std::make_unique<SqliteBackend>()); }}};
        if (auto url = postgres_test_url())
            b.push_back({"postgres", [u = *url] { return std::unique_ptr<StoreBackend>(std::make_unique<PostgresBackend>(u)); }});
        return b;
    }();
    return backends;
}

HoldRecord make_hold(int spot, std::optional<Side> side, std::optional<int> tenderness_end, HoldOutcome outcome) {
    HoldRecord h;
    h.item = 2;
    h.technique = "calves_roll";
    h.side = side;
    h.muscles = {"gastrocnemius", "soleus"};
    h.spot = spot;
    h.found_ms = 61'000 + spot;
    h.ended_ms = 101'500 + spot;
    h.hold_s = 40 + spot;
    h.tenderness_start = 7;
    h.tenderness_end = tenderness_end;
    h.outcome = outcome;
    return h;
}

VisitRecord make_visit(int item, ItemKind kind, const std::string& id, std::optional<Side> side, VisitOutcome outcome, int spots) {
    VisitRecord v;
    v.item = item;
    v.kind = kind;
    v.id = id;
    v.side = side;
    v.muscles = {"hamstrings", "biceps_femoris_short_head"};
    v.outcome = outcome;
    v.spots = spots;
    v.started_ms = 1'000 * item;
    v.ended_ms = 1'000 * item + 900;
    return v;
}

User make_user(const std::string& email, Role role) {
    return User{0, email, "Name of " + email, role, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA", kT0};
}

Token make_token(const std::string& hash, TokenKind kind, UserId user, std::int64_t created, std::int64_t expires) {
    return Token{hash, kind, user, created, expires, 0, false, "label " + hash, kind == TokenKind::session ? "csrf-" + hash : ""};
}

std::int64_t StoreContract::rolled(UserId user, std::int64_t started, int day) {
    auto s = begin(started, day, "{}", user);
    auto h = make_hold(1, Side::left, 2, HoldOutcome::eased);
    h.tenderness_start = 6;
    store_->save_hold(s, h);
    store_->save_visit(s, make_visit(0, ItemKind::smr, "calves_roll", Side::left, VisitOutcome::done, 1));
    return s;
}

void expect_same(const HoldRecord& got, const HoldRecord& want) {
    EXPECT_EQ(got.item, want.item);
    EXPECT_EQ(got.technique, want.technique);
    EXPECT_EQ(got.side, want.side);
    EXPECT_EQ(got.muscles, want.muscles);
    EXPECT_EQ(got.spot, want.spot);
    EXPECT_EQ(got.found_ms, want.found_ms);
    EXPECT_EQ(got.ended_ms, want.ended_ms);
    EXPECT_EQ(got.hold_s, want.hold_s);
    EXPECT_EQ(got.tenderness_start, want.tenderness_start);
    EXPECT_EQ(got.tenderness_end, want.tenderness_end);
    EXPECT_EQ(got.outcome, want.outcome);
}

void expect_same(const VisitRecord& got, const VisitRecord& want) {
    EXPECT_EQ(got.item, want.item);
    EXPECT_EQ(got.kind, want.kind);
    EXPECT_EQ(got.id, want.id);
    EXPECT_EQ(got.side, want.side);
    EXPECT_EQ(got.muscles, want.muscles);
    EXPECT_EQ(got.outcome, want.outcome);
    EXPECT_EQ(got.spots, want.spots);
    EXPECT_EQ(got.started_ms, want.started_ms);
    EXPECT_EQ(got.ended_ms, want.ended_ms);
}

std::string store_error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const StoreError& e) {
        return e.what();
    }
    return {};
}

}  // namespace unknot::test
