// A professional's clearance after a refer: it lifts the refer for its own condition only, for
// as long as data/screening_gate.rec says, and the planner honours it the way the screening
// does. A clearance that cannot be recorded names the field that is wrong.
#include <gtest/gtest.h>

#include <random>

#include "common/error.hpp"
#include "planning/plan.hpp"
#include "screening/screening.hpp"
#include "support/catalog_fixture.hpp"

namespace unknot {
namespace {

constexpr int kToday = 20'000;

std::vector<std::string> refer_conditions() {
    std::vector<std::string> out;
    for (const auto& c : test::catalog().conditions())
        if (c.outcome == Verdict::refer && !c.follow_up) out.push_back(c.id);
    return out;
}

const Reason& reason(const ScreeningResult& r, const std::string& id) {
    for (const auto& x : r.reasons)
        if (x.condition == id) return x;
    throw std::runtime_error("no reason " + id);
}

TEST(Clearance, LiftsOnlyItsConditionOverRandomAnswerSets) {
    const auto& c = test::catalog();
    auto refers = refer_conditions();
    ASSERT_GE(refers.size(), 10u);
    std::mt19937 rng(3122026);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<>(lo, hi)(rng); };
    int lifted = 0, still_refer = 0;
    for (int n = 0; n < 5000; ++n) {
        Answers a;
        int k = pick(1, 3);
        for (int i = 0; i < k; ++i) a[refers[static_cast<std::size_t>(pick(0, static_cast<int>(refers.size()) - 1))]] = true;
        if (pick(0, 1)) a["older_adult"] = true;
        auto before = screen(a, c);
        ASSERT_EQ(before.verdict, Verdict::refer);
        const auto& cleared = before.reasons[static_cast<std::size_t>(pick(0, static_cast<int>(before.reasons.size()) - 1))];
        if (cleared.outcome != Verdict::refer) continue;
        auto after = screen(a, c, {{cleared.condition, kToday - pick(0, 300), ""}}, kToday);
        ASSERT_EQ(after.reasons.size(), before.reasons.size());
        bool other_refer = false;
        for (std::size_t i = 0; i < after.reasons.size(); ++i) {
            const auto& b = before.reasons[i];
            const auto& x = after.reasons[i];
            if (x.condition == cleared.condition) {
                EXPECT_EQ(x.outcome, Verdict::caution);
                EXPECT_TRUE(x.cleared_on.has_value());
            } else {
                EXPECT_EQ(x.outcome, b.outcome) << x.condition;  // nobody else's refer moves
                EXPECT_FALSE(x.cleared_on.has_value());
                other_refer = other_refer || x.outcome == Verdict::refer;
            }
        }
        EXPECT_EQ(after.verdict, other_refer ? Verdict::refer : Verdict::caution);
        EXPECT_EQ(after.excluded_regions, before.excluded_regions);
        EXPECT_EQ(after.advice, before.advice);
        (other_refer ? still_refer : lifted)++;
    }
    EXPECT_GT(lifted, 500);
    EXPECT_GT(still_refer, 500);
}

TEST(Clearance, LastsTheSetPeriodAndThenTheReferIsBack) {
    const auto& c = test::catalog();
    int days = c.clearance_policy().valid_days;
    ASSERT_EQ(days, 365);
    Answers a{{"osteoporosis", true}};
    Clearance given{"osteoporosis", kToday, "gentle only"};
    EXPECT_EQ(screen(a, c, {given}, kToday).verdict, Verdict::caution);
    auto last = screen(a, c, {given}, kToday + days - 1);
    EXPECT_EQ(last.verdict, Verdict::caution);
    EXPECT_EQ(reason(last, "osteoporosis").cleared_until, kToday + days);
    auto lapsed = screen(a, c, {given}, kToday + days);
    EXPECT_EQ(lapsed.verdict, Verdict::refer);
    EXPECT_FALSE(reason(lapsed, "osteoporosis").cleared_on);
    EXPECT_EQ(reason(lapsed, "osteoporosis").clearance_lapsed_on, kToday + days);
    // The newest clearance counts: a fresh one after the old one ran out lifts it again.
    EXPECT_EQ(screen(a, c, {given, {"osteoporosis", kToday + days + 3, ""}}, kToday + days + 3).verdict, Verdict::caution);
    // One dated after "today" does not count yet.
    EXPECT_EQ(screen(a, c, {{"osteoporosis", kToday + 1, ""}}, kToday).verdict, Verdict::refer);
}

TEST(Clearance, AFollowUpReferIsLiftedButAnUnansweredQuestionIsNot) {
    const auto& c = test::catalog();
    Answers uncontrolled{{"hypertension", true}, {"hypertension_controlled", false}};
    EXPECT_EQ(screen(uncontrolled, c, {{"hypertension", kToday, ""}}, kToday).verdict, Verdict::caution);
    Answers unanswered{{"hypertension", true}};
    auto r = screen(unanswered, c, {{"hypertension", kToday, ""}}, kToday);
    EXPECT_EQ(r.verdict, Verdict::refer);
    EXPECT_THROW(check_new_clearance({"hypertension", kToday, ""}, screen(unanswered, c), kToday, c), InputError);
}

std::string refused_field(const Clearance& x, const Answers& a) {
    try {
        check_new_clearance(x, screen(a, test::catalog()), kToday, test::catalog());
    } catch (const InputError& e) {
        return e.where();
    }
    return "";
}

TEST(Clearance, ABadClearanceNamesTheField) {
    Answers a{{"osteoporosis", true}, {"older_adult", true}};
    EXPECT_EQ(refused_field({"osteoporosis", kToday, "fine"}, a), "");
    EXPECT_EQ(refused_field({"osteoporosis", kToday - 364, std::string(max_clearance_note, 'x')}, a), "");
    EXPECT_EQ(refused_field({"osteoporsis", kToday, ""}, a), "condition");  // unknown
    EXPECT_EQ(refused_field({"older_adult", kToday, ""}, a), "condition");  // a caution, not a refer
    EXPECT_EQ(refused_field({"cancer", kToday, ""}, a), "condition");       // not in this screening
    EXPECT_EQ(refused_field({"osteoporosis", kToday + 1, ""}, a), "date");  // in the future
    EXPECT_EQ(refused_field({"osteoporosis", kToday - 365, ""}, a), "date");  // run out already
    EXPECT_EQ(refused_field({"osteoporosis", kToday, std::string(max_clearance_note + 1, 'x')}, a), "note");
    try {
        check_new_clearance({"osteoporsis", kToday, ""}, screen(a, test::catalog()), kToday, test::catalog());
    } catch (const InputError& e) {
        EXPECT_NE(e.message().find("osteoporosis"), std::string::npos) << "suggests the nearest: " << e.what();
    }
}

TEST(Clearance, ThePlannerHonoursItAndOnlyWhileItLasts) {
    const auto& c = test::catalog();
    Profile p;
    p.answers = {{"osteoporosis", true}};
    p.targets = {"calf"};
    p.today = kToday;
    auto has_rolling = [](const Plan& plan) {
        return std::any_of(plan.phases.begin(), plan.phases.end(), [](const Phase& ph) { return ph.phase == PhaseKind::inhibit && !ph.items.empty(); });
    };
    EXPECT_FALSE(has_rolling(make_plan(p, c)));
    p.clearances = {{"osteoporosis", kToday - 10, ""}};
    auto cleared = make_plan(p, c);
    EXPECT_EQ(cleared.screening.verdict, Verdict::caution);
    EXPECT_TRUE(has_rolling(cleared));
    p.clearances = {{"fracture", kToday - 10, ""}};  // another condition's clearance lifts nothing here
    EXPECT_FALSE(has_rolling(make_plan(p, c)));
    p.clearances = {{"osteoporosis", kToday - 400, ""}};
    EXPECT_FALSE(has_rolling(make_plan(p, c)));
}

}  // namespace
}  // namespace unknot
