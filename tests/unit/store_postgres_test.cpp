// What only the PostgreSQL store can get wrong: migrations raced by two processes, schemas from
// a newer unknot, passwords in error messages, lost connections, several threads on one store,
// and a failed statement inside a transaction (PostgreSQL aborts the whole transaction).
// The server-backed tests exist only when UNKNOT_TEST_DATABASE_URL is set (see
// support/store_backends.hpp); those about URLs need no server and always run.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "store/store.hpp"
#include "support/store_backends.hpp"

namespace unknot {
namespace {

using namespace unknot::test;

constexpr int kMigrations = 5;  // src/store/postgres_schema.hpp

TEST(PostgresUrl, ConnectionErrorNamesHostAndDatabaseButNeverThePassword) {
    // Port 1 on loopback refuses at once: no server needed.
    for (const std::string url : {"postgresql://unknot:S3cret-pw@127.0.0.1:1/gym_db", "postgresql://127.0.0.1:1/gym_db?user=unknot&password=S3cret-pw",
                                  "postgres://unknot:S3cret%2Dpw@127.0.0.1:1/gym_db"}) {
        SCOPED_TRACE(url);
        std::string msg = store_error_of([&] { open_postgres_store(url); });
        ASSERT_FALSE(msg.empty()) << "expected a StoreError";
        EXPECT_NE(msg.find("127.0.0.1"), std::string::npos) << msg;
        EXPECT_NE(msg.find("gym_db"), std::string::npos) << msg;
        EXPECT_NE(msg.find("cannot connect"), std::string::npos) << msg;
        EXPECT_EQ(msg.find("S3cret"), std::string::npos) << msg;
    }
}

TEST(OpenStore, ChoosesTheBackendByTheFormOfTheLocation) {
    for (const std::string url : {"postgresql://u:pw@127.0.0.1:1/db", "postgres://u:pw@127.0.0.1:1/db"}) {
        std::string msg = store_error_of([&] { open_store(url); });
        EXPECT_NE(msg.find("127.0.0.1"), std::string::npos) << url << " should have been tried as PostgreSQL: " << msg;
    }
    TempPath path;
    auto s = open_store(path.str());
    EXPECT_EQ(s->integrity_check(), "ok");
    EXPECT_TRUE(s->list_sessions(kLocalUser).empty());
}

// --- against a server ---------------------------------------------------------------------------

class PostgresStore : public ::testing::TestWithParam<std::string> {
protected:
    PostgresBackend db_{GetParam()};
};

std::vector<std::string> servers() {
    if (auto url = postgres_test_url()) return {*url};
    return {};
}

TEST_P(PostgresStore, NewerSchemaIsRefusedAndLeftAlone) {
    db_.sql("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_unix_ms BIGINT NOT NULL);"
            "INSERT INTO schema_version VALUES (99, 0)");
    std::string msg = store_error_of([&] { db_.open(); });
    ASSERT_FALSE(msg.empty()) << "expected a StoreError";
    EXPECT_NE(msg.find("newer"), std::string::npos) << msg;
    EXPECT_NE(msg.find("99"), std::string::npos) << msg;
    EXPECT_NE(msg.find("127.0.0.1"), std::string::npos) << "names the database: " << msg;
    EXPECT_EQ(db_.sql("SELECT to_regclass('sessions') IS NULL"), "t");
    EXPECT_EQ(db_.sql("SELECT MAX(version) FROM schema_version"), "99");
}

TEST_P(PostgresStore, ReopeningRunsNoMigrationTwice) {
    auto tables = [&] { return db_.sql("SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()"); };
    {
        auto s = db_.open();
        s->begin_session(NewSession{kLocalUser, kT0, 19700, "{}", {}});
    }
    EXPECT_EQ(db_.sql("SELECT COUNT(*) FROM schema_version"), std::to_string(kMigrations));
    EXPECT_EQ(tables(), "15");  // the 14 of the SQLite store, and schema_version
    for (int i = 0; i < 3; ++i) EXPECT_EQ(db_.open()->list_sessions(kLocalUser).size(), 1u);
    EXPECT_EQ(db_.sql("SELECT COUNT(*) FROM schema_version"), std::to_string(kMigrations));
    EXPECT_EQ(tables(), "15");
}

TEST_P(PostgresStore, ProcessesStartingTogetherMigrateOnce) {
    constexpr int kOpeners = 6;
    std::atomic<int> ok{0};
    std::vector<std::string> errors(kOpeners);
    std::vector<std::thread> threads;
    for (int i = 0; i < kOpeners; ++i)
        threads.emplace_back([&, i] {
            try {
                auto s = db_.open();
                if (s->integrity_check() == "ok") ++ok;
            } catch (const std::exception& e) {
                errors[static_cast<std::size_t>(i)] = e.what();
            }
        });
    for (auto& t : threads) t.join();
    for (const auto& e : errors) EXPECT_EQ(e, "");
    EXPECT_EQ(ok.load(), kOpeners);
    EXPECT_EQ(db_.sql("SELECT COUNT(*) FROM schema_version"), std::to_string(kMigrations));
}

TEST_P(PostgresStore, FailedStatementInsideATransactionSavesNothing) {
    // SQLite fails just the statement; PostgreSQL aborts the transaction. The store must not let
    // a caller that swallowed the error believe the rest was committed.
    auto store = db_.open();
    std::string later;
    std::string outer = store_error_of([&] {
        store->transaction([&] {
            auto s = store->begin_session(NewSession{kLocalUser, kT0, 19700, "{}", {}});
            EXPECT_FALSE(store_error_of([&] { store->save_hold(s + 1000, make_hold(1, Side::left, 3, HoldOutcome::eased)); }).empty());
            later = store_error_of([&] { store->list_sessions(kLocalUser); });
        });
    });
    EXPECT_NE(later.find("earlier statement"), std::string::npos) << later;
    EXPECT_NE(outer.find("nothing of this transaction was saved"), std::string::npos) << outer;
    EXPECT_TRUE(store->list_sessions(kLocalUser).empty());
    EXPECT_NO_THROW(store->begin_session(NewSession{kLocalUser, kT0, 19700, "{}", {}}));
}

TEST_P(PostgresStore, RecoversFromALostConnection) {
    auto store = db_.open();
    store->begin_session(NewSession{kLocalUser, kT0, 19700, "{}", {}});
    // As when the server restarts or an administrator ends idle sessions.
    const std::string ours = "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                             " AND application_name = '" + db_.application_name() + "'";
    ASSERT_NE(db_.sql("SELECT COUNT(*) " + ours), "0");
    db_.sql("SELECT pg_terminate_backend(pid) " + ours);
    // Termination is signalled, not awaited: wait until the server has closed them.
    for (int i = 0; i < 100 && db_.sql("SELECT COUNT(*) " + ours) != "0"; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    int failures = 0;
    std::size_t seen = 0;
    for (int attempt = 0; attempt < 3 && seen == 0; ++attempt) {
        try {
            seen = store->list_sessions(kLocalUser).size();
        } catch (const StoreError& e) {
            ++failures;
            EXPECT_NE(std::string(e.what()).find("connection"), std::string::npos) << e.what();
        }
    }
    EXPECT_EQ(seen, 1u);
    EXPECT_EQ(failures, 0) << "a connection the server closed while idle is noticed before use";
}

TEST_P(PostgresStore, ThreadsShareOneStore) {
    auto store = db_.open();
    constexpr int kThreads = 8, kSessions = 20;
    std::atomic<int> errors{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            try {
                for (int i = 0; i < kSessions; ++i) {
                    auto s = store->begin_session(NewSession{100 + t, kT0 + i, 19700, "{}", {}});
                    store->save_hold(s, make_hold(1, Side::left, 3, HoldOutcome::eased));
                    if (store->holds(s).size() != 1u) ++errors;
                }
                if (store->list_sessions(100 + t).size() != static_cast<std::size_t>(kSessions)) ++errors;
            } catch (const std::exception& e) {
                ADD_FAILURE() << e.what();
                ++errors;
            }
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(errors.load(), 0);
}

TEST_P(PostgresStore, OtherThreadsSeeATransactionOnlyOnceCommitted) {
    auto store = db_.open();
    std::size_t seen_inside = 99;
    store->transaction([&] {
        store->begin_session(NewSession{kLocalUser, kT0, 19700, "{}", {}});
        std::thread other([&] { seen_inside = store->list_sessions(kLocalUser).size(); });
        other.join();
    });
    EXPECT_EQ(seen_inside, 0u);
    EXPECT_EQ(store->list_sessions(kLocalUser).size(), 1u);
}

TEST_P(PostgresStore, IntegrityCheckNamesMissingTables) {
    auto store = db_.open();
    EXPECT_EQ(store->integrity_check(), "ok");
    db_.sql("DROP TABLE audit");
    EXPECT_EQ(store->integrity_check(), "missing tables: audit");
}

TEST_P(PostgresStore, TimesBeyond32BitsAndLargeIdsRoundTrip) {
    auto store = db_.open();
    db_.sql("SELECT setval(pg_get_serial_sequence('sessions', 'id'), 5000000000)");
    auto s = store->begin_session(NewSession{kLocalUser, 4'102'444'800'000, 47482, "{}", {}});
    EXPECT_GT(s, 5'000'000'000);
    store->save_hold(s, make_hold(1, Side::left, 3, HoldOutcome::eased));
    EXPECT_EQ(store->holds(s).size(), 1u);
    EXPECT_EQ(store->session(s)->started_unix_ms, 4'102'444'800'000);
}

INSTANTIATE_TEST_SUITE_P(Backends, PostgresStore, ::testing::ValuesIn(servers()), [](const auto&) { return std::string("postgres"); });
// Without a server there is nothing to instantiate, and that is expected (see above).
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(PostgresStore);

}  // namespace
}  // namespace unknot
