#pragma once
// The Store contract is written once against the interface and run on every backend: SQLite
// always, PostgreSQL when UNKNOT_TEST_DATABASE_URL names a server (the ctest entry
// store_postgres starts one with scripts/postgres.sh and runs the `*/postgres` tests). Without
// the variable the PostgreSQL instances are not created at all, so a plain run never reports
// them as passed; store_postgres fails when none ran.
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace unknot::test {

// A unique database path under the system temp directory, removed (with SQLite's side files)
// when the test ends.
class TempPath {
public:
    TempPath();
    ~TempPath();
    TempPath(const TempPath&) = delete;
    TempPath& operator=(const TempPath&) = delete;
    const std::string& str() const { return path_; }

private:
    std::string path_;
};

// One test's database: fresh and empty, and openable again (or twice at once) as the same data.
class StoreBackend {
public:
    virtual ~StoreBackend() = default;
    virtual std::unique_ptr<Store> open() = 0;
};

struct BackendFactory {
    std::string name;
    std::function<std::unique_ptr<StoreBackend>()> make;
};
inline void PrintTo(const BackendFactory& b, std::ostream* os) { *os << b.name; }

// The server named by UNKNOT_TEST_DATABASE_URL, if any.
std::optional<std::string> postgres_test_url();

// A PostgreSQL schema of its own per test (dropped at the end), reached through libpq's
// `options=-csearch_path=...`: as good as a fresh database, and far cheaper to make.
class PostgresBackend final : public StoreBackend {
public:
    explicit PostgresBackend(const std::string& server_url);
    ~PostgresBackend() override;
    std::unique_ptr<Store> open() override;
    const std::string& url() const { return url_; }
    // The connections of this test's stores show it in pg_stat_activity.
    const std::string& application_name() const { return schema_; }
    // Runs SQL in this test's schema outside the store, returning the first column of the
    // first row ("" when none).
    std::string sql(const std::string& statement);

private:
    std::string server_url_, schema_, url_;
};

const std::vector<BackendFactory>& store_backends();
inline std::string backend_name(const ::testing::TestParamInfo<BackendFactory>& info) { return info.param.name; }

constexpr std::int64_t kT0 = 1'700'000'000'000;  // a realistic unix time in ms: beyond 32 bits

HoldRecord make_hold(int spot, std::optional<Side> side, std::optional<int> tenderness_end, HoldOutcome outcome);
VisitRecord make_visit(int item, ItemKind kind, const std::string& id, std::optional<Side> side, VisitOutcome outcome, int spots);
User make_user(const std::string& email, Role role = Role::self);
Token make_token(const std::string& hash, TokenKind kind, UserId user, std::int64_t created, std::int64_t expires = 0);
void expect_same(const HoldRecord& got, const HoldRecord& want);
void expect_same(const VisitRecord& got, const VisitRecord& want);

// The message of the StoreError f throws ("" when it throws none).
std::string store_error_of(const std::function<void()>& f);

class StoreContract : public ::testing::TestWithParam<BackendFactory> {
protected:
    void SetUp() override {
        backend_ = GetParam().make();
        store_ = backend_->open();
        ASSERT_NE(store_, nullptr);
    }
    Store& store() { return *store_; }
    std::int64_t begin(std::int64_t started, int day, const std::string& plan = "{\"phases\":[]}", UserId user = kLocalUser) {
        return store_->begin_session(NewSession{user, started, day, plan, {}});
    }
    UserId add_user(const std::string& email, Role role = Role::self) { return store_->create_user(make_user(email, role)); }
    // A session with one hold (tenderness 6) and one visit, owned by `user`.
    std::int64_t rolled(UserId user, std::int64_t started, int day);
    void reopen() {
        store_.reset();
        store_ = backend_->open();
    }

    std::unique_ptr<StoreBackend> backend_;
    std::unique_ptr<Store> store_;
};

}  // namespace unknot::test
