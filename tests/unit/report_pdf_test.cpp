// Handouts and progress reports as PDF bytes: page sizes, pagination, the refer and empty cases,
// the body map's marks, and the plain words behind them. (tests/cli/report.sh reads the text
// back with pdftotext and renders every page.)
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "report/body_map.hpp"
#include "report/exercises.hpp"
#include "report/handout.hpp"
#include "report/progress_report.hpp"
#include "report/words.hpp"
#include "support/catalog_fixture.hpp"

namespace unknot {
namespace {

constexpr int kToday = 20600;

Plan plan_for(std::vector<std::string> targets, int minutes = 30, Answers answers = {}) {
    Profile p;
    p.targets = std::move(targets);
    p.minutes = minutes;
    p.answers = std::move(answers);
    return make_plan(p, test::catalog());
}

struct Pdf {
    std::string bytes;
    int pages = 0;
};

Pdf handout(const Plan& plan, report::PageSize size = report::PageSize::a4, const Answers* answers = nullptr) {
    std::ostringstream out;
    report::HandoutInput in{plan, test::catalog(), std::string("Ana Silva"), std::string("Sam Lee"), kToday, answers};
    auto r = report::render_handout(in, size, out);
    return {out.str(), r.pages};
}

int page_objects(const std::string& pdf) {
    std::regex page("/Type\\s*/Page[^s]");
    return static_cast<int>(std::distance(std::sregex_iterator(pdf.begin(), pdf.end(), page), std::sregex_iterator()));
}

void expect_whole_pdf(const Pdf& pdf) {
    EXPECT_TRUE(pdf.bytes.starts_with("%PDF-1.")) << pdf.bytes.substr(0, 16);
    EXPECT_NE(pdf.bytes.rfind("%%EOF"), std::string::npos);
    EXPECT_GT(pdf.pages, 0);
    EXPECT_EQ(page_objects(pdf.bytes), pdf.pages);
}

int items_in(const Plan& p) {
    int n = 0;
    for (const auto& ph : p.phases) n += static_cast<int>(ph.items.size());
    return n;
}

TEST(ReportPdf, PageSizesAreA4AndLetter) {
    auto plan = plan_for({"calf"});
    auto a4 = handout(plan, report::PageSize::a4);
    auto letter = handout(plan, report::PageSize::letter);
    expect_whole_pdf(a4);
    expect_whole_pdf(letter);
    EXPECT_NE(a4.bytes.find("/MediaBox [ 0 0 595.28 841.89 ]"), std::string::npos);
    EXPECT_NE(letter.bytes.find("/MediaBox [ 0 0 612 792 ]"), std::string::npos);
}

TEST(ReportPdf, LongPlansRunOntoMorePages) {
    auto small = plan_for({"calf"}, 10);
    auto big = plan_for({"calf", "hamstrings", "upper_back", "thigh_front", "glutes", "thigh_outer"}, 60);
    ASSERT_GE(items_in(big), 12);
    auto a = handout(small), b = handout(big);
    expect_whole_pdf(a);
    expect_whole_pdf(b);
    EXPECT_GT(b.pages, a.pages);
    EXPECT_GE(b.pages, 3);
}

TEST(ReportPdf, SameInputSameBytes) {
    auto plan = plan_for({"calf", "hamstrings"});
    EXPECT_EQ(handout(plan).bytes, handout(plan).bytes);
}

TEST(ReportPdf, ReferGivesOnePageAndNoExercises) {
    auto plan = plan_for({"calf"}, 15, {{"bleeding_disorder", true}});
    ASSERT_EQ(plan.screening.verdict, Verdict::refer);
    auto pdf = handout(plan);
    expect_whole_pdf(pdf);
    EXPECT_EQ(pdf.pages, 1);
}

TEST(ReportPdf, ProgressWithoutSessionsIsOneMessagePage) {
    std::vector<SessionSummary> none;
    std::ostringstream out;
    auto r = report::render_progress_report({none, test::catalog(), kToday, std::nullopt, std::nullopt}, report::PageSize::letter, out);
    Pdf pdf{out.str(), r.pages};
    expect_whole_pdf(pdf);
    EXPECT_EQ(pdf.pages, 1);
}

TEST(ReportPdf, ProgressWithSessionsHasCharts) {
    std::vector<SessionSummary> sessions;
    for (int i = 0; i < 6; ++i) {
        SessionSummary s;
        s.id = i + 1;
        s.day = kToday - 12 + 2 * i;
        HoldRecord h;
        h.technique = "calves_roll";
        h.side = Side::left;
        h.muscles = {"gastrocnemius", "soleus"};
        h.hold_s = 50;
        h.tenderness_start = 8 - i;
        h.outcome = i == 3 ? HoldOutcome::stopped : HoldOutcome::eased;
        s.holds = {h, h};
        sessions.push_back(s);
    }
    std::ostringstream out;
    auto r = report::render_progress_report({sessions, test::catalog(), kToday, std::string("Ana"), std::nullopt}, report::PageSize::a4, out);
    Pdf pdf{out.str(), r.pages};
    expect_whole_pdf(pdf);
    EXPECT_GE(pdf.pages, 1);
    EXPECT_GT(pdf.bytes.size(), 8000u);
}

TEST(ReportBodyMap, RolledPlacesAreHatchedAndNumberedExcludedOnesCrossed) {
    report::BodyMarks marks;
    marks.rolled["calf:left"] = {1};
    marks.rolled["upper_back"] = {3};
    marks.excluded = {{"thigh_back", Side::right}};
    auto svg = report::body_map_svg(test::catalog(), marks);
    auto count = [&](const std::string& s) {
        std::size_t n = 0;
        for (auto at = svg.find(s); at != std::string::npos; at = svg.find(s, at + 1)) ++n;
        return n;
    };
    EXPECT_EQ(count("fill='url(#rolled)'"), 3u) << "left calf, upper back, and the legend";
    EXPECT_EQ(count("fill='url(#excluded)'"), 2u) << "right back of the thigh, and the legend";
    EXPECT_EQ(count(">1</text>"), 2u) << "the calf's callout and the legend's";
    EXPECT_EQ(count(">3</text>"), 1u);
    // Greyscale: rolled and excluded differ in outline, not only in colour.
    EXPECT_NE(svg.find("stroke-width='2.6'"), std::string::npos);
    EXPECT_NE(svg.find("stroke-dasharray='4 2'"), std::string::npos);
}

TEST(ReportWords, ExclusionsSayWhichAnswer) {
    Answers answers{{"varicose_veins", true}, {"recent_injury", true}, {"recent_injury_regions", std::vector<std::string>{"thigh_back:left"}}};
    auto plan = plan_for({"calf", "hamstrings"}, 30, answers);
    const auto& r = plan.screening;
    ASSERT_EQ(r.verdict, Verdict::caution);
    auto calf = report::excluded_because({"calf", std::nullopt}, r, test::catalog(), &answers);
    auto thigh = report::excluded_because({"thigh_back", Side::left}, r, test::catalog(), &answers);
    EXPECT_EQ(calf, std::vector<std::string>{"varicose veins"});
    EXPECT_EQ(thigh, std::vector<std::string>{"recent injury"});
    EXPECT_EQ(report::region_name(test::catalog(), {"thigh_back", Side::left}), "Back of the thigh (left side)");
    auto pdf = handout(plan, report::PageSize::a4, &answers);
    expect_whole_pdf(pdf);
}

TEST(ReportWords, SidesOfAnItemShareOneExercise) {
    auto plan = plan_for({"calf", "upper_back"});
    auto phases = report::exercises_of(plan);
    ASSERT_FALSE(phases.empty());
    EXPECT_EQ(phases.front().phase, PhaseKind::inhibit);
    const auto& calves = phases.front().exercises.front();
    EXPECT_EQ(calves.item().id, "calves_roll");
    ASSERT_EQ(calves.sides.size(), 2u);
    EXPECT_EQ(report::sides_words(calves.sides), "Left side, then right side");
    int number = 0;
    for (const auto& ph : phases)
        for (const auto& e : ph.exercises) EXPECT_EQ(e.number, ++number);
    EXPECT_EQ(report::dose_words(calves.item(), test::catalog()).substr(0, 16), "Roll slowly for ");
}

}  // namespace
}  // namespace unknot
