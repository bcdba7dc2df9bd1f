// Printed outputs: a trainer waits for a handout at the desk, so a 12-item routine must render
// well under the 150 ms goal bench/run.sh checks. Fonts load once per process, as in the CLI.
#include <benchmark/benchmark.h>

#include <sstream>

#include "report/calendar.hpp"
#include "report/handout.hpp"
#include "report/progress_report.hpp"
#include "support/catalog_fixture.hpp"

using namespace unknot;

namespace {

// calf, hamstrings and upper back in 30 minutes: 12 items (7 exercises, both sides).
Plan twelve_items() {
    Profile p;
    p.targets = {"calf", "hamstrings", "upper_back"};
    p.minutes = 30;
    return make_plan(p, test::catalog());
}

void BM_Handout12Items(benchmark::State& state) {
    const auto& c = test::catalog();
    auto plan = twelve_items();
    int items = 0;
    for (const auto& ph : plan.phases) items += static_cast<int>(ph.items.size());
    if (items != 12) state.SkipWithError("the benchmark plan no longer has 12 items");
    report::HandoutInput in{plan, c, std::string("Ana Silva"), std::string("Sam Lee"), 20600, nullptr};
    int pages = 0;
    std::size_t bytes = 0;
    for (auto _ : state) {
        std::ostringstream out;
        pages = report::render_handout(in, report::PageSize::a4, out).pages;
        bytes = out.str().size();
    }
    state.counters["pages"] = pages;
    state.counters["kB"] = static_cast<double>(bytes) / 1024.0;
}
BENCHMARK(BM_Handout12Items)->Unit(benchmark::kMillisecond);

// The baseline: a one-page handout of text only (a `refer` screening), so the ratio shows what
// the body map, the pictograms and the pages cost on top of making a PDF at all.
void BM_HandoutOnePage(benchmark::State& state) {
    const auto& c = test::catalog();
    Profile p;
    p.targets = {"calf"};
    p.answers["bleeding_disorder"] = true;
    auto plan = make_plan(p, c);
    report::HandoutInput in{plan, c, std::nullopt, std::nullopt, 20600, nullptr};
    for (auto _ : state) {
        std::ostringstream out;
        benchmark::DoNotOptimize(report::render_handout(in, report::PageSize::a4, out).pages);
    }
}
BENCHMARK(BM_HandoutOnePage)->Unit(benchmark::kMillisecond);

void BM_ProgressReport(benchmark::State& state) {
    std::vector<SessionSummary> sessions;
    for (int i = 0; i < 30; ++i) {
        SessionSummary s;
        s.id = i + 1;
        s.day = 20570 + i;
        for (int k = 0; k < 4; ++k) {
            HoldRecord h;
            h.technique = k % 2 ? "hamstrings_roll" : "calves_roll";
            h.muscles = k % 2 ? std::vector<std::string>{"hamstrings"} : std::vector<std::string>{"gastrocnemius", "soleus"};
            h.hold_s = 45;
            h.tenderness_start = 7 - i / 6;
            s.holds.push_back(h);
        }
        sessions.push_back(s);
    }
    report::ProgressReportInput in{sessions, test::catalog(), 20600, std::nullopt, std::nullopt};
    for (auto _ : state) {
        std::ostringstream out;
        benchmark::DoNotOptimize(report::render_progress_report(in, report::PageSize::a4, out).pages);
    }
}
BENCHMARK(BM_ProgressReport)->Unit(benchmark::kMillisecond);

void BM_Calendar(benchmark::State& state) {
    auto plan = twelve_items();
    report::CalendarOptions o;
    o.start_day = 20600;
    for (auto _ : state) benchmark::DoNotOptimize(report::render_calendar(plan, test::catalog(), o));
}
BENCHMARK(BM_Calendar);

}  // namespace

BENCHMARK_MAIN();
