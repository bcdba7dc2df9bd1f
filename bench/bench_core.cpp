// Planning and the session engine: both run on every request of the server later, so they
// must stay far below a millisecond.
#include <benchmark/benchmark.h>

#include "codec/codec.hpp"
#include "server/api.hpp"
#include "session/engine.hpp"
#include "store/store.hpp"
#include "support/catalog_fixture.hpp"

using namespace unknot;

namespace {

Profile typical() {
    Profile p;
    p.targets = {"calf", "hamstrings", "upper_back"};
    p.minutes = 15;
    p.context = Context::warm_up;
    return p;
}

Profile everything() {
    Profile p;
    for (const auto& g : test::catalog().regions()) p.targets.push_back(g.id);
    p.minutes = 240;
    p.tools = {"foam_roller", "massage_ball", "handheld_roller"};
    p.answers["varicose_veins"] = true;
    return p;
}

void BM_PlanTypical(benchmark::State& state) {
    const auto& c = test::catalog();
    auto p = typical();
    for (auto _ : state) benchmark::DoNotOptimize(make_plan(p, c));
}
BENCHMARK(BM_PlanTypical);

void BM_PlanAllRegions(benchmark::State& state) {
    const auto& c = test::catalog();
    auto p = everything();
    for (auto _ : state) benchmark::DoNotOptimize(make_plan(p, c));
}
BENCHMARK(BM_PlanAllRegions);

// A whole session: every item positioned, one tender spot held 45 s per SMR side, stretches
// run to their end. Reports holds per second through the engine.
void BM_SessionReplay(benchmark::State& state) {
    const auto& c = test::catalog();
    auto plan = make_plan(everything(), c);
    std::int64_t holds = 0;
    for (auto _ : state) {
        Engine e(plan, c);
        std::int64_t t = 0;
        e.handle({EventType::start, t, {}});
        for (std::size_t i = 0; i < e.items().size(); ++i) {
            e.handle({EventType::in_position, t += 5000, {}});
            if (e.items()[i].kind == ItemKind::smr) {
                e.handle({EventType::found, t += 20000, 6});
                auto out = e.handle({EventType::eased, t += 45000, 3});
                holds += static_cast<std::int64_t>(out.holds.size());
                e.handle({EventType::next, t += 1000, {}});
            } else {
                e.handle({EventType::tick, t += 61000, {}});
            }
        }
        benchmark::DoNotOptimize(e.state());
    }
    state.counters["holds"] = benchmark::Counter(static_cast<double>(holds), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SessionReplay);

void BM_PlanToText(benchmark::State& state) {
    auto plan = make_plan(typical(), test::catalog());
    std::size_t bytes = 0;
    for (auto _ : state) bytes += json::to_json_text(plan).size();
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_PlanToText);

// The whole request path of POST /api/v1/plans without the network: body parse, plan, JSON out.
void BM_ApiPlanRequest(benchmark::State& state) {
    auto store = open_sqlite_store(":memory:");
    server::Api api(test::catalog(), *store);
    server::HttpRequest req{"POST", "/api/v1/plans", {{"content-type", "application/json"}},
                            R"({"targets": ["calf", "hamstrings", "upper_back"], "minutes": 15, "tools": ["foam_roller"], "context": "warm_up"})"};
    for (auto _ : state) benchmark::DoNotOptimize(api.handle_sync(req));
}
BENCHMARK(BM_ApiPlanRequest);

void BM_ApiHealthz(benchmark::State& state) {
    auto store = open_sqlite_store(":memory:");
    server::Api api(test::catalog(), *store);
    server::HttpRequest req{"GET", "/healthz", {}, {}};
    for (auto _ : state) benchmark::DoNotOptimize(api.handle_sync(req));
}
BENCHMARK(BM_ApiHealthz);

void BM_CatalogLoad(benchmark::State& state) {
    auto files = json::read_content_dir(test::data_dir());
    for (auto _ : state) benchmark::DoNotOptimize(Catalog::load(files));
}
BENCHMARK(BM_CatalogLoad);

}  // namespace

BENCHMARK_MAIN();
