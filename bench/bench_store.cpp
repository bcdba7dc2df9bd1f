// Durable hold writes through the Store versus raw SQLite inserts of the same row with the
// same durability (WAL, synchronous=FULL, one transaction per record). bench/run.sh prints the
// ratio; the goal is >= 0.5 (the store's bookkeeping costs at most as much as the disk).
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "store/store.hpp"

using namespace unknot;

namespace {

std::string temp_db(const char* name) {
    auto p = std::filesystem::temp_directory_path() / (std::string("unknot-bench-") + name + "-" + std::to_string(getpid()) + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + suffix);
    return p.string();
}

HoldRecord sample_hold() {
    HoldRecord h;
    h.technique = "calves_roll";
    h.side = Side::left;
    h.muscles = {"gastrocnemius", "soleus"};
    h.found_ms = 20000, h.ended_ms = 65000, h.hold_s = 45;
    h.tenderness_start = 7, h.tenderness_end = 3;
    return h;
}

void BM_StoreDurableHold(benchmark::State& state) {
    auto path = temp_db("store");
    auto store = open_sqlite_store(path);
    auto session = store->begin_session({kLocalUser, 0, 0, "{}"});
    auto h = sample_hold();
    for (auto _ : state) store->save_hold(session, h);
    state.SetItemsProcessed(state.iterations());
    store.reset();
    std::filesystem::remove(path);
}
BENCHMARK(BM_StoreDurableHold)->UseRealTime();

void BM_RawSqliteInsert(benchmark::State& state) {
    auto path = temp_db("raw");
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                     "CREATE TABLE holds(id INTEGER PRIMARY KEY, session_id INTEGER, item INTEGER, technique TEXT, side TEXT,"
                     " muscles TEXT, spot INTEGER, found_ms INTEGER, ended_ms INTEGER, hold_s INTEGER, tenderness_start INTEGER,"
                     " tenderness_end INTEGER, outcome TEXT)",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO holds(session_id,item,technique,side,muscles,spot,found_ms,ended_ms,hold_s,tenderness_start,"
                           "tenderness_end,outcome) VALUES (1,0,'calves_roll','left','gastrocnemius soleus',1,20000,65000,45,7,3,'eased')",
                       -1, &st, nullptr);
    for (auto _ : state) {
        sqlite3_step(st);
        sqlite3_reset(st);
    }
    state.SetItemsProcessed(state.iterations());
    sqlite3_finalize(st);
    sqlite3_close(db);
    std::filesystem::remove(path);
}
BENCHMARK(BM_RawSqliteInsert)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
