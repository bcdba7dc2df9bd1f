// Exporting one person with two years of daily sessions (730 sessions, each with its plan, a
// 14-event log, 3 holds and a visit per plan item), built through the Store in a SQLite file.
// The baseline is reading the same sessions' holds and visits the way the progress page does
// (Store::session_summaries); bench/run.sh prints the ratio. Goal: the export under 1 s.
// The import of that export into an empty database is measured too.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <boost/json/serialize.hpp>
#include <filesystem>

#include "codec/codec.hpp"
#include "codec/json_util.hpp"
#include "exchange/export.hpp"
#include "exchange/import.hpp"
#include "planning/plan.hpp"
#include "support/catalog_fixture.hpp"

using namespace unknot;

namespace {

constexpr int kDays = 730;
constexpr int kFirstDay = 20'000;

std::string temp_db(const std::string& name) {
    auto p = std::filesystem::temp_directory_path() / ("unknot-bench-exchange-" + name + "-" + std::to_string(getpid()) + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + suffix);
    return p.string();
}

struct TwoYears {
    std::string path = temp_db("two-years");
    std::unique_ptr<Store> store = open_sqlite_store(path);
    UserId user = 0;
    std::size_t holds = 0;

    TwoYears() {
        Profile profile;
        profile.targets = {"calf", "hamstrings", "upper_back"};
        auto plan = make_plan(profile, test::catalog());
        auto plan_text = json::to_json_text(plan);
        std::vector<PlanItem> items;
        for (const auto& ph : plan.phases) items.insert(items.end(), ph.items.begin(), ph.items.end());
        store->transaction([&] {
            user = store->create_user({0, "client0@bench.example", "Client 0", Role::admin, "", 0});
            for (int d = 0; d < kDays; ++d) {
                std::int64_t start = (static_cast<std::int64_t>(kFirstDay + d) * 86'400 + 7 * 3'600) * 1'000;
                auto s = store->begin_session({user, start, kFirstDay + d, plan_text, "phone-" + std::to_string(d)});
                for (int e = 0; e < 14; ++e) {
                    static const EventType types[] = {EventType::start, EventType::in_position, EventType::found, EventType::eased, EventType::next};
                    auto type = e == 0 ? EventType::start : types[1 + (e - 1) % 4];
                    std::optional<int> tenderness;
                    if (type == EventType::found || type == EventType::eased) tenderness = type == EventType::found ? 7 - d / 200 : 2;
                    store->add_event(s, e + 1, {"e" + std::to_string(e), {type, e * 15'000LL, tenderness}});
                }
                for (int h = 0; h < 3; ++h) {
                    const auto& item = items[static_cast<std::size_t>(h) % items.size()];
                    HoldRecord r;
                    r.item = h, r.technique = item.id, r.side = item.side, r.muscles = item.muscles;
                    r.found_ms = 20'000 + h * 60'000, r.ended_ms = r.found_ms + 45'000, r.hold_s = 45;
                    r.tenderness_start = 7 - d / 200, r.tenderness_end = 2, r.outcome = HoldOutcome::eased;
                    store->save_hold(s, r);
                    ++holds;
                }
                for (std::size_t i = 0; i < items.size(); ++i) {
                    VisitRecord v;
                    v.item = static_cast<int>(i), v.kind = items[i].kind, v.id = items[i].id, v.side = items[i].side, v.muscles = items[i].muscles;
                    v.outcome = VisitOutcome::done, v.spots = i < 3 ? 1 : 0;
                    v.started_ms = static_cast<std::int64_t>(i) * 60'000, v.ended_ms = v.started_ms + 55'000;
                    store->save_visit(s, v);
                }
                store->end_session(s, start + 900'000, SessionStatus::done);
            }
            store->save_assessment({0, kFirstDay * 86'400'000LL, kFirstDay, R"({"findings":[{"id":"knees_move_inward"}],"edition":"c4"})", user, user});
        });
    }
    ~TwoYears() {
        store.reset();
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    }
};

TwoYears& data() {
    static TwoYears d;
    return d;
}

// What `unknot export -o FILE` does before writing the file.
void BM_ExportTwoYears(benchmark::State& state) {
    auto& d = data();
    std::size_t bytes = 0;
    for (auto _ : state) {
        auto text = json::pretty(exchange::export_user(*d.store, d.user, 0));
        bytes = text.size();
        benchmark::DoNotOptimize(text);
    }
    state.counters["sessions"] = kDays;
    state.counters["MiB"] = static_cast<double>(bytes) / (1 << 20);
}
BENCHMARK(BM_ExportTwoYears)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_HoldsCsvTwoYears(benchmark::State& state) {
    auto& d = data();
    for (auto _ : state) benchmark::DoNotOptimize(exchange::export_holds_csv(*d.store, d.user));
    state.counters["holds"] = static_cast<double>(d.holds);
}
BENCHMARK(BM_HoldsCsvTwoYears)->Unit(benchmark::kMillisecond)->UseRealTime();

// The baseline: the same sessions' holds and visits, as the progress page reads them.
void BM_SummariesTwoYears(benchmark::State& state) {
    auto& d = data();
    for (auto _ : state) benchmark::DoNotOptimize(d.store->session_summaries(d.user));
}
BENCHMARK(BM_SummariesTwoYears)->Unit(benchmark::kMillisecond)->UseRealTime();

// `unknot import FILE` of that export into an empty database, every check included.
void BM_ImportTwoYears(benchmark::State& state) {
    auto& d = data();
    auto text = json::pretty(exchange::export_user(*d.store, d.user, 0));
    for (auto _ : state) {
        state.PauseTiming();
        auto path = temp_db("import");
        auto target = open_sqlite_store(path);
        state.ResumeTiming();
        exchange::import_export(*target, test::catalog(), text, "bench.json", 0);
        state.PauseTiming();
        target.reset();
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
        state.ResumeTiming();
    }
}
BENCHMARK(BM_ImportTwoYears)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
