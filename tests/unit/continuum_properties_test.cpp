// The four-phase continuum as properties over random assessments x random screenings (issue 4):
// phases run inhibit -> lengthen -> activate -> integrate; every inhibited muscle is lengthened
// when a stretch exists; no excluded region is rolled or loaded; the time budget holds;
// refer plans nothing.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <random>

#include "codec/codec.hpp"
#include "planning/plan.hpp"
#include "support/catalog_fixture.hpp"

namespace unknot {
namespace {

constexpr int kRuns = 10000;

TEST(ContinuumProperties, HoldOverRandomFindingsAndScreenings) {
    const auto& c = test::catalog();
    ASSERT_FALSE(c.compensations().empty());
    std::mt19937 rng(4242);
    auto chance = [&](double p) { return std::uniform_real_distribution<>(0, 1)(rng) < p; };
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<>(lo, hi)(rng); };
    int refer = 0, four_phase = 0, dropped_some = 0;
    for (int n = 0; n < kRuns; ++n) {
        Profile p;
        for (const auto& cond : c.conditions()) {
            if (!chance(0.02)) continue;
            p.answers[cond.id] = true;
            if (cond.follow_up) {
                if (cond.follow_up->kind == FollowUpKind::yes_no) p.answers[cond.follow_up->id] = chance(0.5);
                else {
                    const auto& g = c.regions()[static_cast<std::size_t>(pick(0, static_cast<int>(c.regions().size()) - 1))];
                    p.answers[cond.follow_up->id] = std::vector<std::string>{g.sided && chance(0.5) ? g.id + ":left" : g.id};
                }
            }
        }
        Assessment a;
        a.edition = chance(0.5) ? "c4" : "c7";
        for (const auto& comp : c.compensations())
            if (chance(0.15)) a.findings.push_back({comp.id, comp.sided ? std::optional<Side>(chance(0.5) ? Side::left : Side::right) : std::nullopt});
        if (a.findings.empty()) a.findings.push_back({c.compensations().front().id, std::nullopt});
        if (c.compensation(a.findings.front().id)->sided && !a.findings.front().side) a.findings.front().side = Side::left;
        p.assessment = a;
        p.minutes = pick(1, 60);
        p.tools = {"foam_roller"};
        if (chance(0.5)) p.tools.push_back("massage_ball");
        if (chance(0.3)) p.tools.push_back("handheld_roller");
        p.context = std::array{Context::warm_up, Context::cool_down, Context::daily}[static_cast<std::size_t>(pick(0, 2))];
        Plan plan = make_plan(p, c);
        ScreeningResult s = screen(p.answers, c);
        SCOPED_TRACE(boost::json::serialize(json::to_json(plan)));
        if (s.verdict == Verdict::refer) {
            ++refer;
            ASSERT_TRUE(plan.phases.empty());
            continue;
        }
        int last = -1;
        std::vector<const PlanItem*> smr, stretch;
        for (const auto& ph : plan.phases) {
            ASSERT_GT(static_cast<int>(ph.phase), last) << "phases out of order";
            last = static_cast<int>(ph.phase);
            for (const auto& i : ph.items) {
                // Nothing rolled or loaded in an excluded place.
                for (const auto& g : i.regions) ASSERT_FALSE(s.excludes(g, i.side)) << i.id << " uses excluded " << g;
                if (i.kind == ItemKind::smr) {
                    smr.push_back(&i);
                    ASSERT_LE(i.hold_max_s, 90);
                    ASSERT_GE(i.hold_min_s, 30);
                }
                if (i.kind == ItemKind::stretch) {
                    stretch.push_back(&i);
                }
                ASSERT_FALSE(i.why.empty()) << i.id << " does not say why";
            }
        }
        if (plan.phases.size() == 4) ++four_phase;
        if (!plan.dropped.empty()) ++dropped_some;
        ASSERT_LE(plan.total_seconds, p.minutes * 60);
        // Every inhibited muscle is lengthened when some stretch can lengthen it.
        for (auto* i : smr)
            for (const auto& w : i->why) {
                if (w.role != "overactive") continue;
                bool exists = std::any_of(c.stretches().begin(), c.stretches().end(), [&](const Stretch& st) {
                    bool free = std::none_of(st.regions.begin(), st.regions.end(), [&](const std::string& g) { return s.excludes(g, i->side); });
                    return free && (!s.no_floor || !st.needs_floor) && std::find(st.muscles.begin(), st.muscles.end(), w.muscle) != st.muscles.end();
                });
                if (!exists) continue;
                bool lengthened = std::any_of(stretch.begin(), stretch.end(), [&](const PlanItem* st) {
                    return std::find(st->muscles.begin(), st->muscles.end(), w.muscle) != st->muscles.end();
                });
                ASSERT_TRUE(lengthened) << w.muscle << " rolled but not stretched";
            }
    }
    std::printf("continuum: %d refer, %d four-phase plans, %d with something dropped\n", refer, four_phase, dropped_some);
    EXPECT_GT(refer, kRuns / 50);
    EXPECT_GT(four_phase, kRuns / 10);
    EXPECT_GT(dropped_some, kRuns / 10);
}

}  // namespace
}  // namespace unknot
