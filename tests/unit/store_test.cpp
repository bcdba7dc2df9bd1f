// The Store contract for sessions, records, events and transactions, run on every backend
// (support/store_backends.hpp), plus what only the SQLite file can get wrong: garbage files,
// locks held by another program, and schemas from a newer unknot.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "progress/progress.hpp"
#include "store/store.hpp"
#include "support/catalog_fixture.hpp"
#include "support/store_backends.hpp"

namespace unknot {
namespace {

namespace fs = std::filesystem;

// A plain SQLite connection that is not unknot's: to lock, inspect or pre-shape a file.
class RawDb {
public:
    explicit RawDb(const std::string& path) {
        if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) ADD_FAILURE() << "cannot open " << path << ": " << sqlite3_errmsg(db_);
    }
    ~RawDb() { sqlite3_close(db_); }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;

    void exec(const std::string& sql) {
        char* err = nullptr;
        int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
        EXPECT_EQ(rc, SQLITE_OK) << sql << ": " << (err ? err : "");
        sqlite3_free(err);
    }
    std::string text(const std::string& sql) {
        sqlite3_stmt* st = nullptr;
        std::string out;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
            ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db_);
            return out;
        }
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
            out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
        return out;
    }

private:
    sqlite3* db_ = nullptr;
};

// --- the backend-neutral contract -------------------------------------------------------------

using namespace unknot::test;

class SessionContract : public StoreContract {};

TEST_P(SessionContract, NewDatabaseIsEmptyAndHealthy) {
    EXPECT_TRUE(store().list_sessions(kLocalUser).empty());
    EXPECT_TRUE(store().session_summaries(kLocalUser).empty());
    EXPECT_TRUE(store().holds(1).empty());
    EXPECT_EQ(store().integrity_check(), "ok");
}

TEST_P(SessionContract, SessionIdsAreDistinct) {
    auto a = begin(kT0, 19700);
    auto b = begin(kT0 + 1, 19700);
    auto c = begin(kT0 + 2, 19701);
    EXPECT_GT(a, 0);
    EXPECT_NE(a, b);
    EXPECT_NE(b, c);
    EXPECT_NE(a, c);
}

TEST_P(SessionContract, HoldsRoundTripIncludingNulls) {
    auto s = begin(kT0, 19700);
    auto other = begin(kT0 + 5, 19700);
    std::vector<HoldRecord> want{make_hold(1, Side::left, 3, HoldOutcome::eased),
                                 make_hold(2, std::nullopt, std::nullopt, HoldOutcome::timed_out),
                                 make_hold(3, Side::right, 0, HoldOutcome::too_painful),
                                 make_hold(4, Side::right, std::nullopt, HoldOutcome::stopped),
                                 make_hold(5, Side::left, 4, HoldOutcome::released_early)};
    want[1].tenderness_start = 0;
    want[2].tenderness_start = 10;
    want[3].muscles = {"piriformis"};
    for (const auto& h : want) store().save_hold(s, h);
    store().save_hold(other, make_hold(9, Side::left, 1, HoldOutcome::eased));

    auto got = store().holds(s);
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        SCOPED_TRACE("hold " + std::to_string(i));
        expect_same(got[i], want[i]);
    }
    EXPECT_FALSE(got[1].side.has_value());
    EXPECT_FALSE(got[1].tenderness_end.has_value());
    ASSERT_TRUE(got[2].tenderness_end.has_value());  // 0 is a rating, not a missing one
    EXPECT_EQ(*got[2].tenderness_end, 0);

    auto others = store().holds(other);
    ASSERT_EQ(others.size(), 1u);
    EXPECT_EQ(others[0].spot, 9);
    EXPECT_TRUE(store().holds(other + 1000).empty());
}

TEST_P(SessionContract, VisitsRoundTripThroughSummaries) {
    auto s = begin(kT0, 19700);
    std::vector<VisitRecord> want{make_visit(0, ItemKind::smr, "hamstrings_roll", Side::left, VisitOutcome::done, 2),
                                  make_visit(1, ItemKind::smr, "hamstrings_roll", Side::right, VisitOutcome::skipped, 0),
                                  make_visit(2, ItemKind::smr, "thoracic_spine_roll", std::nullopt, VisitOutcome::done, 1),
                                  make_visit(3, ItemKind::stretch, "supine_hamstring_stretch", Side::left, VisitOutcome::done, 0),
                                  make_visit(4, ItemKind::stretch, "seated_upper_back_stretch", std::nullopt, VisitOutcome::stopped, 0),
                                  // Every kind comes back as itself on both backends (PostgreSQL once read these as rolls).
                                  make_visit(5, ItemKind::activation, "floor_bridge", std::nullopt, VisitOutcome::done, 0),
                                  make_visit(6, ItemKind::integration, "ball_wall_squat", std::nullopt, VisitOutcome::skipped, 0)};
    want[2].muscles = {"erector_spinae"};
    for (const auto& v : want) store().save_visit(s, v);

    auto summaries = store().session_summaries(kLocalUser);
    ASSERT_EQ(summaries.size(), 1u);
    ASSERT_EQ(summaries[0].visits.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        SCOPED_TRACE("visit " + std::to_string(i));
        expect_same(summaries[0].visits[i], want[i]);
    }
    EXPECT_TRUE(summaries[0].holds.empty());
}

TEST_P(SessionContract, ListSessionsNewestFirstWithStatusAndCounts) {
    // Started out of insertion order: the list follows the start time, not the id.
    auto middle = begin(kT0 + 2'000, 19701);
    auto oldest = begin(kT0 + 1'000, 19700);
    auto newest = begin(kT0 + 3'000, 19702);
    store().save_hold(middle, make_hold(1, Side::left, 2, HoldOutcome::eased));
    store().save_hold(middle, make_hold(2, Side::left, 2, HoldOutcome::eased));
    store().save_visit(middle, make_visit(0, ItemKind::smr, "calves_roll", Side::left, VisitOutcome::done, 2));
    store().save_visit(oldest, make_visit(0, ItemKind::smr, "calves_roll", Side::left, VisitOutcome::done, 0));
    store().save_visit(oldest, make_visit(1, ItemKind::smr, "calves_roll", Side::right, VisitOutcome::done, 0));
    store().save_visit(oldest, make_visit(2, ItemKind::stretch, "wall_calf_stretch_bent_knee", Side::left, VisitOutcome::done, 0));
    store().end_session(oldest, kT0 + 1'900, SessionStatus::done);
    store().end_session(middle, kT0 + 2'500, SessionStatus::stopped);

    auto list = store().list_sessions(kLocalUser);
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].id, newest);
    EXPECT_EQ(list[1].id, middle);
    EXPECT_EQ(list[2].id, oldest);

    EXPECT_EQ(list[0].status, SessionStatus::open);
    EXPECT_EQ(list[0].started_unix_ms, kT0 + 3'000);
    EXPECT_EQ(list[0].ended_unix_ms, 0);
    EXPECT_EQ(list[0].day, 19702);
    EXPECT_EQ(list[0].holds, 0);
    EXPECT_EQ(list[0].visits, 0);

    EXPECT_EQ(list[1].status, SessionStatus::stopped);
    EXPECT_EQ(list[1].ended_unix_ms, kT0 + 2'500);
    EXPECT_EQ(list[1].holds, 2);
    EXPECT_EQ(list[1].visits, 1);

    EXPECT_EQ(list[2].status, SessionStatus::done);
    EXPECT_EQ(list[2].started_unix_ms, kT0 + 1'000);
    EXPECT_EQ(list[2].ended_unix_ms, kT0 + 1'900);
    EXPECT_EQ(list[2].day, 19700);
    EXPECT_EQ(list[2].holds, 0);
    EXPECT_EQ(list[2].visits, 3);
}

TEST_P(SessionContract, SessionSummariesOldestFirstWithTheirRecords) {
    auto second = begin(kT0 + 86'400'000, 19701);
    auto first = begin(kT0, 19700);
    auto h1 = make_hold(1, Side::left, 4, HoldOutcome::eased);
    auto h2 = make_hold(1, Side::right, std::nullopt, HoldOutcome::timed_out);
    auto v1 = make_visit(0, ItemKind::smr, "calves_roll", Side::left, VisitOutcome::done, 1);
    auto v2 = make_visit(0, ItemKind::smr, "calves_roll", Side::right, VisitOutcome::done, 1);
    store().save_hold(first, h1);
    store().save_visit(first, v1);
    store().save_hold(second, h2);
    store().save_visit(second, v2);

    auto s = store().session_summaries(kLocalUser);
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(s[0].id, first);
    EXPECT_EQ(s[0].day, 19700);
    EXPECT_EQ(s[0].started_unix_ms, kT0);
    ASSERT_EQ(s[0].holds.size(), 1u);
    expect_same(s[0].holds[0], h1);
    ASSERT_EQ(s[0].visits.size(), 1u);
    expect_same(s[0].visits[0], v1);
    EXPECT_EQ(s[1].id, second);
    EXPECT_EQ(s[1].day, 19701);
    ASSERT_EQ(s[1].holds.size(), 1u);
    expect_same(s[1].holds[0], h2);
    ASSERT_EQ(s[1].visits.size(), 1u);
    expect_same(s[1].visits[0], v2);
}

TEST_P(SessionContract, SummariesFeedProgress) {
    for (int d = 0; d < 6; ++d) {  // six days: enough for a trend (progress.hpp)
        int spots = d < 3 ? 3 : 1;
        auto s = begin(kT0 + d * 86'400'000LL, 19700 + d);
        auto v = make_visit(0, ItemKind::smr, "calves_roll", Side::left, VisitOutcome::done, spots);
        v.muscles = test::catalog().technique("calves_roll")->muscles;
        store().save_visit(s, v);
        for (int spot = 1; spot <= spots; ++spot) {
            auto h = make_hold(spot, Side::left, 2, HoldOutcome::eased);
            h.item = v.item;  // the holds belong to the visit they were found in
            h.muscles = v.muscles;
            store().save_hold(s, h);
        }
        store().end_session(s, kT0 + d * 86'400'000LL + 600'000, SessionStatus::done);
    }
    auto p = compute_progress(store().session_summaries(kLocalUser), 19705, test::catalog());
    EXPECT_EQ(p.sessions, 6);
    EXPECT_EQ(p.streak_days, 6);
    auto it = std::find_if(p.muscles.begin(), p.muscles.end(), [](const AreaProgress& a) { return a.id == "soleus"; });
    ASSERT_NE(it, p.muscles.end());
    EXPECT_EQ(it->spots, 12);
    EXPECT_EQ(it->trend, Trend::fewer);
}

TEST_P(SessionContract, IntegrityCheckIsOkAfterWrites) {
    for (int i = 0; i < 20; ++i) {
        auto s = begin(kT0 + i, 19700);
        store().save_hold(s, make_hold(1, Side::left, 3, HoldOutcome::eased));
        store().save_visit(s, make_visit(0, ItemKind::smr, "calves_roll", Side::left, VisitOutcome::done, 1));
        store().end_session(s, kT0 + i + 1, SessionStatus::done);
    }
    EXPECT_EQ(store().integrity_check(), "ok");
    EXPECT_EQ(store().list_sessions(kLocalUser).size(), 20u);
}

TEST_P(SessionContract, ReopeningKeepsEverything) {
    auto s = begin(kT0, 19700, "{\"plan\":1}");
    auto h = make_hold(1, std::nullopt, std::nullopt, HoldOutcome::stopped);
    store().save_hold(s, h);
    store().save_visit(s, make_visit(0, ItemKind::smr, "calves_roll", Side::left, VisitOutcome::stopped, 1));
    store().end_session(s, kT0 + 10, SessionStatus::stopped);
    reopen();
    reopen();  // a second reopen must not migrate (or fail) either
    auto list = store().list_sessions(kLocalUser);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].id, s);
    EXPECT_EQ(list[0].status, SessionStatus::stopped);
    EXPECT_EQ(list[0].holds, 1);
    EXPECT_EQ(list[0].visits, 1);
    auto holds = store().holds(s);
    ASSERT_EQ(holds.size(), 1u);
    expect_same(holds[0], h);
    EXPECT_EQ(store().integrity_check(), "ok");
    // And it keeps working after the reopen.
    auto next = begin(kT0 + 100, 19701);
    EXPECT_NE(next, s);
    EXPECT_EQ(store().list_sessions(kLocalUser).size(), 2u);
}

TEST_P(SessionContract, SavedHoldIsVisibleToAnotherConnectionAtOnce) {
    auto s = begin(kT0, 19700);
    store().save_hold(s, make_hold(1, Side::left, 3, HoldOutcome::eased));
    auto second = backend_->open();
    auto holds = second->holds(s);
    ASSERT_EQ(holds.size(), 1u);
    EXPECT_EQ(holds[0].tenderness_end, 3);
}

TEST_P(SessionContract, UnknownStatusIsRejected) {
    auto s = begin(kT0, 19700);
    EXPECT_THROW(store().end_session(s, kT0 + 1, static_cast<SessionStatus>(99)), StoreError);
    auto list = store().list_sessions(kLocalUser);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].status, SessionStatus::open);
}

TEST_P(SessionContract, RecordsForAnUnknownSessionAreRejected) {
    auto s = begin(kT0, 19700);
    EXPECT_THROW(store().save_hold(s + 1000, make_hold(1, Side::left, 3, HoldOutcome::eased)), StoreError);
    EXPECT_THROW(store().save_visit(s + 1000, make_visit(0, ItemKind::smr, "calves_roll", Side::left, VisitOutcome::done, 0)), StoreError);
    EXPECT_TRUE(store().holds(s + 1000).empty());
}

TEST_P(SessionContract, TendernessOutsideZeroToTenIsRejected) {
    auto s = begin(kT0, 19700);
    auto high = make_hold(1, Side::left, 3, HoldOutcome::eased);
    high.tenderness_start = 11;
    EXPECT_THROW(store().save_hold(s, high), StoreError);
    auto low = make_hold(2, Side::left, -1, HoldOutcome::eased);
    EXPECT_THROW(store().save_hold(s, low), StoreError);
    EXPECT_TRUE(store().holds(s).empty());
}

TEST_P(SessionContract, SessionCarriesItsOwnerPlanAndClientId) {
    auto id = store().begin_session(NewSession{42, kT0, 19700, "{\"plan\":7}", "phone-1"});
    auto info = store().session(id);
    ASSERT_TRUE(info.has_value());
    EXPECT_EQ(info->user, 42);
    EXPECT_EQ(info->plan_json, "{\"plan\":7}");
    EXPECT_EQ(info->client_id, "phone-1");
    EXPECT_EQ(info->status, SessionStatus::open);
    EXPECT_FALSE(store().session(id + 1000).has_value());
    EXPECT_EQ(store().session_by_client_id(42, "phone-1"), id);
    // Client ids are chosen by each user's devices, so they are unique per user only.
    EXPECT_FALSE(store().session_by_client_id(43, "phone-1").has_value());
    auto other = store().begin_session(NewSession{43, kT0, 19700, "{}", "phone-1"});
    EXPECT_NE(other, id);
    EXPECT_EQ(store().session_by_client_id(43, "phone-1"), other);
    EXPECT_FALSE(store_error_of([&] { store().begin_session(NewSession{42, kT0 + 1, 19700, "{}", "phone-1"}); }).empty());
}

TEST_P(SessionContract, SummariesFromADayOn) {
    auto early = begin(kT0, 19700);
    auto late = begin(kT0 + 2 * 86'400'000LL, 19702);
    store().save_hold(early, make_hold(1, Side::left, 3, HoldOutcome::eased));
    store().save_hold(late, make_hold(2, Side::left, 3, HoldOutcome::eased));
    auto s = store().session_summaries(kLocalUser, 19701);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].id, late);
    ASSERT_EQ(s[0].holds.size(), 1u);
    EXPECT_EQ(s[0].holds[0].spot, 2);
    EXPECT_EQ(store().session_summaries(kLocalUser, 19702).size(), 1u);
    EXPECT_EQ(store().session_summaries(kLocalUser, 19703).size(), 0u);
}

TEST_P(SessionContract, EventLogKeepsOrderAndRefusesATakenSeq) {
    auto s = begin(kT0, 19700);
    StoredEvent a{"e1", {}}, b{"e2", {}}, c{"e3", {}};
    a.event.type = EventType::start;
    a.event.t_ms = 0;
    b.event.type = EventType::found;
    b.event.t_ms = 5'000;
    b.event.tenderness = 0;  // a rating, not a missing one
    c.event.type = EventType::eased;
    c.event.t_ms = 9'000;
    c.event.tenderness = 7;
    EXPECT_EQ(store().event_count(s), 0);
    store().add_event(s, 1, a);
    store().add_event(s, 2, b);
    store().add_event(s, 3, c);
    EXPECT_EQ(store().event_count(s), 3);
    EXPECT_TRUE(store().has_event(s, "e2"));
    EXPECT_FALSE(store().has_event(s, "e4"));
    EXPECT_FALSE(store().has_event(s + 1000, "e2"));

    StoredEvent d{"e4", {}};
    d.event.type = EventType::tick;
    EXPECT_FALSE(store_error_of([&] { store().add_event(s, 2, d); }).empty()) << "seq 2 is taken";
    EXPECT_FALSE(store_error_of([&] { store().add_event(s, 4, a); }).empty()) << "id e1 is taken";
    EXPECT_FALSE(store_error_of([&] { store().add_event(s + 1000, 1, d); }).empty()) << "no such session";

    auto log = store().events(s);
    ASSERT_EQ(log.size(), 3u);
    EXPECT_EQ(log[0].client_id, "e1");
    EXPECT_EQ(log[0].event.type, EventType::start);
    EXPECT_FALSE(log[0].event.tenderness.has_value());
    EXPECT_EQ(log[1].event.t_ms, 5'000);
    EXPECT_EQ(log[1].event.tenderness, 0);
    EXPECT_EQ(log[2].event.type, EventType::eased);
    EXPECT_EQ(log[2].event.tenderness, 7);
}

INSTANTIATE_TEST_SUITE_P(Backends, SessionContract, ::testing::ValuesIn(store_backends()), backend_name);

// --- SQLite files -----------------------------------------------------------------------------

TEST(SqliteStore, GarbageFileIsNotAnUnknotDatabaseAndIsLeftAlone) {
    TempPath path;
    std::string garbage;
    for (int i = 0; i < 200; ++i) garbage += "these are my holiday notes, not a database " + std::to_string(i) + "\n";
    {
        std::ofstream out(path.str(), std::ios::binary);
        out << garbage;
    }
    std::string msg = store_error_of([&] { open_sqlite_store(path.str()); });
    ASSERT_FALSE(msg.empty()) << "expected a StoreError";
    EXPECT_NE(msg.find(path.str()), std::string::npos) << msg;
    EXPECT_NE(msg.find("not an unknot database"), std::string::npos) << msg;
    EXPECT_NE(msg.find("damaged"), std::string::npos) << msg;
    std::ifstream in(path.str(), std::ios::binary);
    std::string after((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(after, garbage) << "opening must not change a file that is not ours";
}

TEST(SqliteStore, LockedFreshDatabaseIsReportedWithinSeconds) {
    TempPath path;
    RawDb other(path.str());
    other.exec("BEGIN EXCLUSIVE");
    auto t0 = std::chrono::steady_clock::now();
    std::string msg = store_error_of([&] {
        auto s = open_sqlite_store(path.str());
        s->begin_session(NewSession{kLocalUser, kT0, 19700, "{}", {}});
    });
    auto waited = std::chrono::steady_clock::now() - t0;
    ASSERT_FALSE(msg.empty()) << "expected a StoreError";
    EXPECT_NE(msg.find("locked"), std::string::npos) << msg;
    EXPECT_LT(waited, std::chrono::seconds(10));
    other.exec("ROLLBACK");
}

TEST(SqliteStore, LockedExistingDatabaseIsReportedWithinSeconds) {
    TempPath path;
    std::int64_t first = 0;
    {
        auto s = open_sqlite_store(path.str());
        first = s->begin_session(NewSession{kLocalUser, kT0, 19700, "{}", {}});
    }
    RawDb other(path.str());
    other.exec("BEGIN EXCLUSIVE");
    auto t0 = std::chrono::steady_clock::now();
    std::string msg = store_error_of([&] {
        auto s = open_sqlite_store(path.str());
        s->save_hold(first, make_hold(1, Side::left, 3, HoldOutcome::eased));
    });
    auto waited = std::chrono::steady_clock::now() - t0;
    ASSERT_FALSE(msg.empty()) << "expected a StoreError";
    EXPECT_NE(msg.find("locked"), std::string::npos) << msg;
    EXPECT_NE(msg.find(path.str()), std::string::npos) << msg;
    EXPECT_LT(waited, std::chrono::seconds(10));
    other.exec("ROLLBACK");
    // Once the other program lets go, the same file works again.
    auto s = open_sqlite_store(path.str());
    EXPECT_NO_THROW(s->save_hold(first, make_hold(1, Side::left, 3, HoldOutcome::eased)));
    EXPECT_EQ(s->holds(first).size(), 1u);
}

TEST(SqliteStore, NewerSchemaIsRefused) {
    TempPath path;
    {
        RawDb raw(path.str());
        raw.exec("CREATE TABLE future_things (x INTEGER)");
        raw.exec("PRAGMA user_version=99");
    }
    std::string msg = store_error_of([&] { open_sqlite_store(path.str()); });
    ASSERT_FALSE(msg.empty()) << "expected a StoreError";
    EXPECT_NE(msg.find("newer"), std::string::npos) << msg;
    EXPECT_NE(msg.find("99"), std::string::npos) << msg;
    RawDb raw(path.str());
    EXPECT_EQ(raw.text("PRAGMA user_version"), "99");
    EXPECT_EQ(raw.text("SELECT COUNT(*) FROM sqlite_master WHERE name='sessions'"), "0");
}

TEST(SqliteStore, ReopeningRunsNoMigrationTwice) {
    TempPath path;
    {
        auto s = open_sqlite_store(path.str());
        s->begin_session(NewSession{kLocalUser, kT0, 19700, "{}", {}});
    }
    std::string version, tables, indexes;
    {
        RawDb raw(path.str());
        version = raw.text("PRAGMA user_version");
        tables = raw.text("SELECT COUNT(*) FROM sqlite_master WHERE type='table'");
        indexes = raw.text("SELECT COUNT(*) FROM sqlite_master WHERE type='index'");
    }
    EXPECT_EQ(version, "8");  // one per migration
    // sessions, holds, visits, session_events, assessments, users, tokens, links, assignments,
    // screenings, audit, user_techniques, clearances, attempts
    EXPECT_EQ(tables, "14");
    for (int i = 0; i < 3; ++i) {
        auto s = open_sqlite_store(path.str());
        EXPECT_EQ(s->list_sessions(kLocalUser).size(), 1u);
    }
    RawDb raw(path.str());
    EXPECT_EQ(raw.text("PRAGMA user_version"), version);
    EXPECT_EQ(raw.text("SELECT COUNT(*) FROM sqlite_master WHERE type='table'"), tables);
    EXPECT_EQ(raw.text("SELECT COUNT(*) FROM sqlite_master WHERE type='index'"), indexes);
    EXPECT_EQ(raw.text("SELECT COUNT(*) FROM sessions"), "1");
}

// Schema 5 moved hold totals beside each session; a database written before it gets them filled
// in from its holds, so dashboards count the old sessions too.
TEST(SqliteStore, MigrationFiveFillsInSessionTotals) {
    TempPath path;
    {
        auto s = open_sqlite_store(path.str());
        auto id = s->begin_session(NewSession{7, kT0, 19700, "{}", {}});
        HoldRecord h;
        h.technique = "calves_roll";
        h.tenderness_start = 6;
        s->save_hold(id, h);
        h.tenderness_start = 4;
        s->save_hold(id, h);
    }
    {
        RawDb raw(path.str());  // back to schema 4, as an older unknot left it
        raw.exec("DROP INDEX sessions_activity; ALTER TABLE sessions DROP COLUMN hold_count; ALTER TABLE sessions DROP COLUMN tenderness_sum;"
                 "CREATE INDEX sessions_by_user_day ON sessions(user_id, day); DROP TABLE user_techniques; DROP TABLE clearances;"
                 "DROP TABLE attempts; ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0; ALTER TABLE users ADD COLUMN locked_until_ms INTEGER NOT NULL DEFAULT 0; PRAGMA user_version=4;");
    }
    auto s = open_sqlite_store(path.str());
    auto act = s->activity({7}, 0);
    ASSERT_EQ(act.size(), 1u);
    EXPECT_EQ(act[0].holds, 2);
    EXPECT_EQ(act[0].tenderness_sum, 10);
}

TEST(SqliteStore, MigrationSevenAddsClearancesAndKeepsTheScreenings) {
    TempPath path;
    {
        auto s = open_sqlite_store(path.str());
        s->save_screening(StoredScreening{0, 7, 7, kT0, 19700, "{\"answers\":{\"fracture\":true}}", "refer"});
    }
    {
        RawDb raw(path.str());  // back to schema 6, as the unknot before clearances left it
        raw.exec("DROP TABLE clearances; DROP TABLE attempts; ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0; ALTER TABLE users ADD COLUMN locked_until_ms INTEGER NOT NULL DEFAULT 0; PRAGMA user_version=6;");
    }
    auto s = open_sqlite_store(path.str());
    EXPECT_EQ(s->screenings(7).size(), 1u);
    EXPECT_TRUE(s->clearances({7}).empty());
    s->save_clearance(StoredClearance{0, 7, 7, kT0 + 1, "fracture", 19700, ""});
    EXPECT_EQ(s->clearances({7}).size(), 1u);
    RawDb raw(path.str());
    EXPECT_EQ(raw.text("PRAGMA user_version"), "8");
}

// Schema 8 replaced the lockout kept on each account by attempt counts: an account that was
// locked under schema 7 signs in as before, its accounts and hashes untouched.
TEST(SqliteStore, MigrationEightDropsTheAccountLockoutAndKeepsTheAccounts) {
    TempPath path;
    {
        auto s = open_sqlite_store(path.str());
        s->create_user(User{0, "ann@example.org", "Ann", Role::self, "$argon2id$x", kT0});
    }
    {
        RawDb raw(path.str());  // back to schema 7, with Ann locked out
        raw.exec("DROP TABLE attempts; ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0; ALTER TABLE users ADD COLUMN locked_until_ms INTEGER NOT NULL DEFAULT 0; UPDATE users SET failed_logins=4, locked_until_ms=99999999999999; PRAGMA user_version=7;");
    }
    auto s = open_sqlite_store(path.str());
    auto ann = s->user_by_email("ann@example.org");
    ASSERT_TRUE(ann);
    EXPECT_EQ(ann->password_hash, "$argon2id$x");
    EXPECT_EQ(s->attempts("anything").count, 0);
    RawDb raw(path.str());
    EXPECT_EQ(raw.text("PRAGMA user_version"), "8");
    EXPECT_EQ(raw.text("SELECT COUNT(*) FROM pragma_table_info('users') WHERE name LIKE '%lock%' OR name LIKE 'failed%'"), "0");
}

TEST(SqliteStore, AStoredVisitKindOrOutcomeThisVersionDoesNotKnowIsAnErrorNotADefault) {
    TempPath path;
    std::int64_t session = 0;
    {
        auto s = open_sqlite_store(path.str());
        session = s->begin_session(NewSession{kLocalUser, kT0, 19700, "{\"phases\":[]}", {}});
        s->save_visit(session, make_visit(0, ItemKind::activation, "floor_bridge", std::nullopt, VisitOutcome::done, 0));
    }
    {
        RawDb raw(path.str());  // as a newer version might have written it
        raw.exec("UPDATE visits SET kind='balance'");
    }
    {
        auto s = open_sqlite_store(path.str());
        try {
            s->visits(session);
            ADD_FAILURE() << "an unknown kind was read as some other kind";
        } catch (const StoreError& e) {
            EXPECT_NE(std::string(e.what()).find("`balance` in visits.kind"), std::string::npos) << e.what();
        }
    }
    {
        RawDb raw(path.str());
        raw.exec("UPDATE visits SET kind='activation', outcome='abandoned'");
    }
    auto s = open_sqlite_store(path.str());
    EXPECT_THROW(s->visits(session), StoreError);
}

TEST(SqliteStore, UsesWriteAheadLogging) {
    TempPath path;
    auto s = open_sqlite_store(path.str());
    RawDb raw(path.str());
    EXPECT_EQ(raw.text("PRAGMA journal_mode"), "wal");
}

TEST(SqliteStore, EmptyFileBecomesADatabase) {
    TempPath path;
    { std::ofstream touch(path.str()); }
    auto s = open_sqlite_store(path.str());
    EXPECT_EQ(s->integrity_check(), "ok");
    EXPECT_TRUE(s->list_sessions(kLocalUser).empty());
}

TEST(SqliteStore, MissingDirectoryIsAStoreError) {
    TempPath path;
    std::string inside = path.str() + "/no/such/dir/unknot.db";
    std::string msg = store_error_of([&] { open_sqlite_store(inside); });
    ASSERT_FALSE(msg.empty()) << "expected a StoreError";
    EXPECT_NE(msg.find(inside), std::string::npos) << msg;
}

}  // namespace
}  // namespace unknot
