// The short gate (data/screening_gate.rec) as a property: over many random answer sets, asking
// the gate first and then only what sits under a "yes" gives the same screening as answering
// every question one by one. Plus what the gate itself must refuse or hold back.
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "common/error.hpp"
#include "screening/screening.hpp"
#include "support/catalog_fixture.hpp"

namespace unknot {
namespace {

constexpr int kAnswerSets = 10000;

// Every condition answered (rarely yes), every follow-up of a yes answered, as a person who
// went through all 39 questions would.
Answers every_question(std::mt19937& rng) {
    const auto& c = test::catalog();
    auto chance = [&](double p) { return std::uniform_real_distribution<>(0, 1)(rng) < p; };
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<>(lo, hi)(rng); };
    Answers a;
    double rate = std::array{0.0, 0.03, 0.1, 0.5}[static_cast<std::size_t>(pick(0, 3))];
    for (const auto& cond : c.conditions()) {
        bool yes = chance(rate);
        a[cond.id] = yes;
        if (!cond.follow_up || !(yes || chance(0.05))) continue;  // now and then a stray follow-up under a "no"
        if (cond.follow_up->kind == FollowUpKind::yes_no) {
            a[cond.follow_up->id] = chance(0.5);
        } else {
            std::vector<std::string> places;
            for (int i = pick(1, 3); i > 0; --i) {
                const auto& g = c.regions()[static_cast<std::size_t>(pick(0, static_cast<int>(c.regions().size()) - 1))];
                places.push_back(g.sided && chance(0.5) ? g.id + (chance(0.5) ? ":left" : ":right") : g.id);
            }
            a[cond.follow_up->id] = places;
        }
    }
    return a;
}

bool is_yes(const Answers& a, const std::string& id) {
    auto it = a.find(id);
    return it != a.end() && std::get<bool>(it->second);
}

// What the gated screen sends for the same person: each gate question, and under a "yes" only
// its conditions and the follow-ups of theirs answered yes.
Answers through_the_gate(const Answers& full) {
    Answers a;
    for (const auto& g : test::catalog().gate()) {
        bool any = std::any_of(g.covers.begin(), g.covers.end(), [&](const std::string& c) { return is_yes(full, c); });
        a[g.id] = any;
        if (!any) continue;
        for (const auto& id : g.covers) {
            a[id] = full.at(id);
            const auto& f = test::catalog().condition(id)->follow_up;
            if (f && is_yes(full, id)) a[f->id] = full.at(f->id);
        }
    }
    return a;
}

void expect_same(const ScreeningResult& got, const ScreeningResult& want) {
    EXPECT_EQ(got.verdict, want.verdict);
    ASSERT_EQ(got.reasons.size(), want.reasons.size());
    for (std::size_t i = 0; i < got.reasons.size(); ++i) {
        EXPECT_EQ(got.reasons[i].condition, want.reasons[i].condition);
        EXPECT_EQ(got.reasons[i].outcome, want.reasons[i].outcome);
    }
    EXPECT_EQ(got.excluded_regions, want.excluded_regions);
    EXPECT_EQ(got.advice, want.advice);
    EXPECT_EQ(got.prefer_tools, want.prefer_tools);
    EXPECT_EQ(got.no_floor, want.no_floor);
    EXPECT_EQ(got.older_adult, want.older_adult);
    EXPECT_EQ(got.follow_ups.size(), want.follow_ups.size());
}

TEST(ScreeningGate, GateThenFollowUpsGiveTheSameScreeningAsEveryQuestion) {
    const auto& c = test::catalog();
    std::mt19937 rng(20261203);
    int refer = 0, caution = 0, clear = 0, asked = 0, asked_full = 0;
    for (int n = 0; n < kAnswerSets; ++n) {
        auto full = every_question(rng);
        auto gated = through_the_gate(full);
        auto want = screen(full, c);
        auto got = screen(gated, c);
        SCOPED_TRACE("answer set " + std::to_string(n));
        expect_same(got, want);
        if (::testing::Test::HasFailure()) return;
        (want.verdict == Verdict::refer ? refer : want.verdict == Verdict::caution ? caution : clear)++;
        asked += static_cast<int>(gated.size()), asked_full += static_cast<int>(full.size());
    }
    // The property means something only if every verdict came up many times.
    EXPECT_GT(refer, 1000);
    EXPECT_GT(caution, 300);
    EXPECT_GT(clear, 1000);
    std::printf("gate: %d answer sets (%d refer, %d caution, %d clear); %.1f answers each through the gate, %.1f asking all\n", kAnswerSets,
                refer, caution, clear, double(asked) / kAnswerSets, double(asked_full) / kAnswerSets);
}

TEST(ScreeningGate, EveryConditionSitsUnderExactlyOneGateQuestion) {
    const auto& c = test::catalog();
    EXPECT_LE(c.gate().size(), 8u);
    std::multiset<std::string> covered;
    for (const auto& g : c.gate()) covered.insert(g.covers.begin(), g.covers.end());
    for (const auto& cond : c.conditions()) EXPECT_EQ(covered.count(cond.id), 1u) << cond.id;
    EXPECT_EQ(covered.size(), c.conditions().size());
}

TEST(ScreeningGate, AllNoIsClear) {
    Answers a;
    for (const auto& g : test::catalog().gate()) a[g.id] = false;
    auto r = screen(a, test::catalog());
    EXPECT_EQ(r.verdict, Verdict::clear);
    EXPECT_TRUE(r.reasons.empty());
    EXPECT_TRUE(r.follow_ups.empty());
}

TEST(ScreeningGate, ANoToTheGateIsANoToEachConditionUnderIt) {
    const auto& c = test::catalog();
    const auto* g = c.gate_of("osteoporosis");
    ASSERT_NE(g, nullptr);
    auto expanded = expand_gate({{g->id, false}}, c);
    for (const auto& id : g->covers) EXPECT_EQ(std::get<bool>(expanded.at(id)), false) << id;
    EXPECT_FALSE(expanded.contains(g->id));
}

TEST(ScreeningGate, AYesUnderAGateAnsweredNoIsRefusedNamingTheAnswer) {
    const auto& c = test::catalog();
    const auto* g = c.gate_of("osteoporosis");
    try {
        screen({{g->id, false}, {"osteoporosis", true}}, c);
        FAIL() << "expected a refusal";
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), "screening.answers.osteoporosis");
        EXPECT_NE(e.message().find(g->id), std::string::npos) << e.what();
    }
    EXPECT_THROW(screen({{g->id, std::vector<std::string>{"calf"}}}, c), InputError);
}

TEST(ScreeningGate, AYesWithItsQuestionsUnansweredIsReferUntilTheyAre) {
    const auto& c = test::catalog();
    const auto* g = c.gate_of("older_adult");
    ASSERT_NE(g, nullptr);
    auto r = screen({{g->id, true}}, c);
    EXPECT_EQ(r.verdict, Verdict::refer);
    EXPECT_EQ(r.follow_ups.size(), g->covers.size());
    Answers answered{{g->id, true}};
    for (const auto& id : g->covers) answered[id] = id == "older_adult";
    auto done = screen(answered, c);
    EXPECT_EQ(done.verdict, Verdict::caution);
    EXPECT_TRUE(done.follow_ups.empty());
    EXPECT_TRUE(done.older_adult);
}

}  // namespace
}  // namespace unknot
