// Progress over hand-made session histories: adherence (streak, sessions per week), whether the
// tender spots get fewer and milder, release times and the hold time learned from them.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <optional>
#include <string>
#include <vector>

#include "progress/progress.hpp"
#include "support/catalog_fixture.hpp"

namespace unknot {
namespace {

constexpr int kToday = 20000;  // a day number, days since 1970-01-01

HoldRecord hold(const std::string& technique, int tenderness_start, int hold_s = 40, HoldOutcome outcome = HoldOutcome::eased,
                std::optional<int> tenderness_end = std::nullopt) {
    const Technique* t = test::catalog().technique(technique);
    HoldRecord h;
    h.technique = technique;
    h.side = Side::left;
    if (t) h.muscles = t->muscles;
    h.hold_s = hold_s;
    h.tenderness_start = tenderness_start;
    h.tenderness_end = tenderness_end;
    h.outcome = outcome;
    return h;
}

VisitRecord visit(const std::string& technique, int spots, VisitOutcome outcome = VisitOutcome::done) {
    const Technique* t = test::catalog().technique(technique);
    VisitRecord v;
    v.kind = ItemKind::smr;
    v.id = technique;
    v.side = Side::left;
    if (t) v.muscles = t->muscles;
    v.outcome = outcome;
    v.spots = spots;
    return v;
}

// A stretch done: the least a session can do and still be practice.
VisitRecord stretched() {
    VisitRecord v;
    v.kind = ItemKind::stretch;
    v.id = "supine_hamstring_stretch";
    v.outcome = VisitOutcome::done;
    return v;
}

SessionSummary session(int day, std::vector<VisitRecord> visits = {stretched()}, std::vector<HoldRecord> holds = {}) {
    static std::int64_t next_id = 1;
    SessionSummary s;
    s.id = next_id++;
    s.day = day;
    s.started_unix_ms = static_cast<std::int64_t>(day) * 86'400'000;
    s.visits = std::move(visits);
    s.holds = std::move(holds);
    return s;
}

// One calf session: `spots` tender spots, each held with the given tenderness and release time.
SessionSummary calf_session(int day, int spots, int tenderness, int release_s = 40) {
    std::vector<HoldRecord> holds;
    for (int i = 0; i < spots; ++i) {
        auto h = hold("calves_roll", tenderness, release_s);
        h.spot = i + 1;
        holds.push_back(h);
    }
    return session(day, {visit("calves_roll", spots)}, holds);
}

Progress progress_of(const std::vector<SessionSummary>& sessions, int today = kToday) {
    return compute_progress(sessions, today, test::catalog());
}

const AreaProgress* muscle(const Progress& p, const std::string& id) {
    auto it = std::find_if(p.muscles.begin(), p.muscles.end(), [&](const AreaProgress& a) { return a.id == id; });
    return it == p.muscles.end() ? nullptr : &*it;
}

const AreaProgress* region(const Progress& p, const std::string& id) {
    auto it = std::find_if(p.regions.begin(), p.regions.end(), [&](const AreaProgress& a) { return a.id == id; });
    return it == p.regions.end() ? nullptr : &*it;
}

// The pointers above point into a Progress: never into a temporary one.
const AreaProgress* muscle(Progress&&, const std::string&) = delete;
const AreaProgress* region(Progress&&, const std::string&) = delete;

std::vector<std::string> ids(const std::vector<AreaProgress>& areas) {
    std::vector<std::string> out;
    for (const auto& a : areas) out.push_back(a.id);
    std::sort(out.begin(), out.end());
    return out;
}

Trend calf_trend(const std::vector<int>& spots, const std::vector<int>& tenderness) {
    std::vector<SessionSummary> s;
    for (std::size_t i = 0; i < spots.size(); ++i) s.push_back(calf_session(kToday - 30 + static_cast<int>(i), spots[i], tenderness[i]));
    auto p = progress_of(s);
    const AreaProgress* a = muscle(p, "gastrocnemius");
    EXPECT_NE(a, nullptr);
    return a ? a->trend : Trend::not_enough_data;
}

// --- adherence --------------------------------------------------------------------------------

TEST(Progress, EmptyHistory) {
    auto p = progress_of({});
    EXPECT_EQ(p.sessions, 0);
    EXPECT_EQ(p.streak_days, 0);
    EXPECT_DOUBLE_EQ(p.sessions_per_week, 0.0);
    EXPECT_TRUE(p.muscles.empty());
    EXPECT_TRUE(p.regions.empty());
}

TEST(Progress, StreakEndingToday) {
    auto p = progress_of({session(kToday - 2), session(kToday - 1), session(kToday)});
    EXPECT_EQ(p.streak_days, 3);
    EXPECT_EQ(p.sessions, 3);
}

TEST(Progress, StreakEndingYesterdayStillCounts) {
    auto p = progress_of({session(kToday - 3), session(kToday - 2), session(kToday - 1)});
    EXPECT_EQ(p.streak_days, 3);
}

TEST(Progress, StreakIsBrokenByAMissedDay) {
    EXPECT_EQ(progress_of({session(kToday - 3), session(kToday - 2), session(kToday)}).streak_days, 1);
    EXPECT_EQ(progress_of({session(kToday - 4), session(kToday - 3), session(kToday - 2)}).streak_days, 0);
    EXPECT_EQ(progress_of({session(kToday - 5), session(kToday - 2), session(kToday - 1)}).streak_days, 2);
}

TEST(Progress, SeveralSessionsOnOneDayCountOnceInTheStreak) {
    auto p = progress_of({session(kToday - 1), session(kToday - 1), session(kToday), session(kToday), session(kToday)});
    EXPECT_EQ(p.streak_days, 2);
    EXPECT_EQ(p.sessions, 5);
}

TEST(Progress, StreakIgnoresInputOrder) {
    auto p = progress_of({session(kToday), session(kToday - 2), session(kToday - 1)});
    EXPECT_EQ(p.streak_days, 3);
}

TEST(Progress, SessionsPerWeekOverTheLast28Days) {
    std::vector<SessionSummary> s;
    for (int d : {0, 1, 3, 6, 10, 14, 20, 27}) s.push_back(session(kToday - d));  // 8 in the window
    s.push_back(session(kToday - 28));                                             // just outside
    s.push_back(session(kToday - 100));
    auto p = progress_of(s);
    EXPECT_DOUBLE_EQ(p.sessions_per_week, 2.0);
    EXPECT_EQ(p.sessions, 10);
}

TEST(Progress, SessionsPerWeekCountsEverySessionNotEveryDay) {
    std::vector<SessionSummary> s;
    for (int i = 0; i < 14; ++i) s.push_back(session(kToday - (i % 7)));  // twice a day for a week
    EXPECT_DOUBLE_EQ(progress_of(s).sessions_per_week, 3.5);
}

TEST(Progress, SessionsAfterTodayAreNotInTheWeeklyRate) {
    auto p = progress_of({session(kToday), session(kToday + 1)});
    EXPECT_DOUBLE_EQ(p.sessions_per_week, 0.25);
}

// --- trend ------------------------------------------------------------------------------------

TEST(Progress, TrendFewer) { EXPECT_EQ(calf_trend({3, 3, 3, 1, 1, 1}, {6, 6, 6, 6, 6, 6}), Trend::fewer); }

TEST(Progress, TrendMilder) { EXPECT_EQ(calf_trend({2, 2, 2, 2, 2, 2}, {7, 7, 7, 4, 4, 4}), Trend::milder); }

TEST(Progress, TrendFewerAndMilder) { EXPECT_EQ(calf_trend({3, 3, 3, 1, 1, 1}, {7, 7, 7, 4, 4, 4}), Trend::fewer_and_milder); }

TEST(Progress, TrendUnchanged) {
    EXPECT_EQ(calf_trend({2, 2, 2, 2, 2, 2}, {5, 5, 5, 5, 5, 5}), Trend::unchanged);
    // Small wobbles are not change: less than half a spot, less than a point of tenderness.
    EXPECT_EQ(calf_trend({2, 2, 2, 2, 2, 2, 2, 1}, {5, 5, 5, 5, 5, 5, 5, 4}), Trend::unchanged);
}

TEST(Progress, TrendWorse) {
    EXPECT_EQ(calf_trend({1, 1, 1, 3, 3, 3}, {5, 5, 5, 5, 5, 5}), Trend::worse);  // more spots
    EXPECT_EQ(calf_trend({2, 2, 2, 2, 2, 2}, {3, 3, 3, 6, 6, 6}), Trend::worse);  // more tender
    EXPECT_EQ(calf_trend({3, 3, 3, 1, 1, 1}, {3, 3, 3, 6, 6, 6}), Trend::worse);  // fewer, but much more tender
}

// Day one must not say "more tender lately": a trend needs three days in each half.
TEST(Progress, TrendNeedsThreeDaysInEachHalf) {
    EXPECT_EQ(calf_trend({1}, {8}), Trend::not_enough_data);
    EXPECT_EQ(calf_trend({1, 4}, {2, 9}), Trend::not_enough_data);
    EXPECT_EQ(calf_trend({1, 1, 4, 4, 4}, {2, 2, 9, 9, 9}), Trend::not_enough_data);
    EXPECT_EQ(calf_trend({1, 1, 1, 4, 4, 4}, {2, 2, 2, 9, 9, 9}), Trend::worse);
    EXPECT_EQ(trend_days_per_half, 3);
    EXPECT_EQ(to_string(Trend::not_enough_data), "not_enough_data");
}

TEST(Progress, TrendNeedsDaysNotSessions) {
    // Six sessions over two days: plenty of sessions, too few days to tell a trend from a bad day.
    std::vector<SessionSummary> s;
    for (int i = 0; i < 3; ++i) s.push_back(calf_session(kToday - 1, 3, 8));
    for (int i = 0; i < 3; ++i) s.push_back(calf_session(kToday, 1, 3));
    auto p = progress_of(s);
    const AreaProgress* a = muscle(p, "gastrocnemius");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->sessions, 6);
    EXPECT_EQ(a->trend, Trend::not_enough_data);
}

TEST(Progress, TrendIgnoresChangeInsideTheDayToDayNoise) {
    // One spot fewer per day on average, but the days swing by more than that: no trend.
    EXPECT_EQ(calf_trend({3, 0, 3, 0, 3, 0}, {5, 5, 5, 5, 5, 5}), Trend::unchanged);
    EXPECT_EQ(calf_trend({2, 2, 2, 2, 2, 2}, {9, 2, 9, 2, 9, 2}), Trend::unchanged);
    // The same average change with steady days is real.
    EXPECT_EQ(calf_trend({2, 2, 2, 1, 1, 1}, {5, 5, 5, 5, 5, 5}), Trend::fewer);
}

TEST(Progress, TrendStepsAreInclusive) {
    // Exactly one point milder on average counts.
    EXPECT_EQ(calf_trend({1, 1, 1, 1, 1, 1}, {6, 6, 6, 5, 5, 5}), Trend::milder);
    // Exactly half a spot fewer per day counts, a quarter does not.
    EXPECT_EQ(calf_trend({1, 1, 1, 1, 1, 1, 1, 1}, {5, 5, 5, 5, 5, 5, 5, 5}), Trend::unchanged);
    EXPECT_EQ(calf_trend({2, 2, 2, 2, 2, 2, 1, 1}, {5, 5, 5, 5, 5, 5, 5, 5}), Trend::fewer);
    EXPECT_EQ(calf_trend({2, 2, 2, 2, 2, 2, 2, 1}, {5, 5, 5, 5, 5, 5, 5, 5}), Trend::unchanged);
}

TEST(Progress, FindingNothingTenderCountsAsFewer) {
    // Later sessions rolled the calf but found no tender spot at all.
    EXPECT_EQ(calf_trend({2, 2, 2, 0, 0, 0}, {6, 6, 6, 0, 0, 0}), Trend::fewer);
}

TEST(Progress, TrendComparesSessionsInDayOrderWhateverTheInputOrder) {
    std::vector<SessionSummary> s{calf_session(kToday - 1, 1, 3), calf_session(kToday - 5, 3, 7), calf_session(kToday - 2, 1, 3),
                                  calf_session(kToday - 4, 3, 7), calf_session(kToday, 1, 3), calf_session(kToday - 6, 3, 7)};
    auto progress = progress_of(s);
    const AreaProgress* a = muscle(progress, "soleus");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->trend, Trend::fewer_and_milder);
}

// Over many random histories: a stated trend always has three days in each half behind it,
// and a steady history never reads as change.
TEST(Progress, TrendPropertiesOverRandomHistories) {
    std::mt19937 rng(20261203);
    for (int run = 0; run < 2000; ++run) {
        std::vector<SessionSummary> s;
        int n = std::uniform_int_distribution<int>(1, 12)(rng);
        bool steady = run % 4 == 0;
        int spots = std::uniform_int_distribution<int>(0, 4)(rng), ten = std::uniform_int_distribution<int>(1, 9)(rng);
        for (int i = 0; i < n; ++i) {
            int day = kToday - std::uniform_int_distribution<int>(0, 20)(rng);
            s.push_back(steady ? calf_session(day, spots, ten)
                               : calf_session(day, std::uniform_int_distribution<int>(0, 4)(rng), std::uniform_int_distribution<int>(1, 9)(rng)));
        }
        auto p = progress_of(s);
        const AreaProgress* a = muscle(p, "gastrocnemius");
        ASSERT_NE(a, nullptr);
        if (a->series.size() < 6u) {
            EXPECT_EQ(a->trend, Trend::not_enough_data) << "run " << run;
        } else if (steady) {
            EXPECT_EQ(a->trend, Trend::unchanged) << "run " << run;
        }
    }
}

// --- sessions that did nothing ------------------------------------------------------------------

TEST(Progress, SessionsWithNothingDoneAreKeptButNotCounted) {
    VisitRecord skipped = visit("calves_roll", 0, VisitOutcome::skipped);
    VisitRecord quit_at_once = visit("calves_roll", 0, VisitOutcome::stopped);
    auto p = progress_of({session(kToday - 2, {}), session(kToday - 1, {skipped}), session(kToday, {quit_at_once}),
                          session(kToday, {skipped, quit_at_once})});
    EXPECT_EQ(p.sessions, 0);
    EXPECT_EQ(p.empty_sessions, 4);
    EXPECT_EQ(p.streak_days, 0);
    EXPECT_DOUBLE_EQ(p.sessions_per_week, 0.0);
    EXPECT_TRUE(p.muscles.empty());
}

TEST(Progress, AnEmptySessionNeitherExtendsNorBreaksAStreak) {
    auto p = progress_of({session(kToday - 2), session(kToday - 1), session(kToday, {})});
    EXPECT_EQ(p.sessions, 2);
    EXPECT_EQ(p.empty_sessions, 1);
    EXPECT_EQ(p.streak_days, 2);  // ends yesterday: today not rolled yet
    EXPECT_FALSE(did_something(session(kToday, {})));
    EXPECT_TRUE(did_something(session(kToday, {}, {hold("calves_roll", 6, 12, HoldOutcome::too_painful)})));
    EXPECT_TRUE(did_something(session(kToday, {visit("calves_roll", 0)})));
}

// --- release times and learned hold -----------------------------------------------------------

TEST(Progress, SuggestHoldRoundsUpToFiveAndStaysInsideThirtyToNinety) {
    EXPECT_FALSE(suggest_hold_s({}).has_value());
    EXPECT_EQ(suggest_hold_s({45}), 45);
    EXPECT_EQ(suggest_hold_s({41}), 45);
    EXPECT_EQ(suggest_hold_s({31, 33, 34}), 35);
    EXPECT_EQ(suggest_hold_s({40, 43}), 45);  // median 41.5
    EXPECT_EQ(suggest_hold_s({50, 10, 60}), 50);
    EXPECT_EQ(suggest_hold_s({12}), 30);
    EXPECT_EQ(suggest_hold_s({0, 0, 0}), 30);
    EXPECT_EQ(suggest_hold_s({86, 88}), 90);
    EXPECT_EQ(suggest_hold_s({92}), 90);
    EXPECT_EQ(suggest_hold_s({200, 300}), 90);
}

TEST(Progress, MedianReleaseUsesOnlyEasedHolds) {
    auto s = session(kToday, {visit("calves_roll", 5)},
                     {hold("calves_roll", 6, 40), hold("calves_roll", 6, 60), hold("calves_roll", 6, 50),
                      hold("calves_roll", 9, 90, HoldOutcome::timed_out), hold("calves_roll", 9, 12, HoldOutcome::too_painful)});
    auto p = progress_of({s});
    const AreaProgress* a = muscle(p, "gastrocnemius");
    ASSERT_NE(a, nullptr);
    ASSERT_TRUE(a->median_release_s.has_value());
    EXPECT_DOUBLE_EQ(*a->median_release_s, 50.0);
    EXPECT_EQ(a->suggested_hold_s, 50);
}

// Coming off a spot before the minimum says how long the person could stay, not when the spot
// let go: it must not drag the suggested hold below what actually works for them.
TEST(Progress, EarlyReleasesCountAsSpotsButNeverAsReleaseTimes) {
    auto s = session(kToday, {}, {hold("calves_roll", 6, 45), hold("calves_roll", 8, 12, HoldOutcome::released_early, 6),
                                  hold("calves_roll", 7, 9, HoldOutcome::released_early, 7)});
    auto p = progress_of({s});
    const AreaProgress* a = muscle(p, "gastrocnemius");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->spots, 3);  // no visit saved: each hold is a spot
    ASSERT_TRUE(a->median_release_s.has_value());
    EXPECT_DOUBLE_EQ(*a->median_release_s, 45.0);
    EXPECT_EQ(a->suggested_hold_s, 45);
}

TEST(Progress, MedianReleaseOfAnEvenCountIsTheMidpoint) {
    auto p = progress_of({calf_session(kToday - 1, 1, 5, 40), calf_session(kToday, 1, 5, 47)});
    const AreaProgress* a = muscle(p, "soleus");
    ASSERT_NE(a, nullptr);
    ASSERT_TRUE(a->median_release_s.has_value());
    EXPECT_DOUBLE_EQ(*a->median_release_s, 43.5);
    EXPECT_EQ(a->suggested_hold_s, 45);
}

TEST(Progress, NoReleaseWithoutEasedHolds) {
    auto s = session(kToday, {visit("calves_roll", 1)}, {hold("calves_roll", 9, 90, HoldOutcome::timed_out)});
    auto progress = progress_of({s});
    const AreaProgress* a = muscle(progress, "gastrocnemius");
    ASSERT_NE(a, nullptr);
    EXPECT_FALSE(a->median_release_s.has_value());
    EXPECT_FALSE(a->suggested_hold_s.has_value());
}

TEST(Progress, SuggestedHoldLearnsFromTheMostRecentReleases) {
    std::vector<SessionSummary> s;
    for (int i = 0; i < 10; ++i) s.push_back(calf_session(kToday - 40 + i, 1, 6, 80));  // long ago: slow to ease
    for (int i = 0; i < 10; ++i) s.push_back(calf_session(kToday - 20 + i, 1, 6, 40));  // lately: quicker
    auto progress = progress_of(s);
    const AreaProgress* a = muscle(progress, "gastrocnemius");
    ASSERT_NE(a, nullptr);
    ASSERT_TRUE(a->median_release_s.has_value());
    EXPECT_DOUBLE_EQ(*a->median_release_s, 60.0);  // over everything
    EXPECT_EQ(a->suggested_hold_s, 40);             // over the latest ten
}

// --- series and areas -------------------------------------------------------------------------

TEST(Progress, SeriesHasOnePointPerDayInOrder) {
    auto morning = session(kToday - 1, {visit("calves_roll", 2)},
                           {hold("calves_roll", 6, 40, HoldOutcome::eased, 2), hold("calves_roll", 8, 50, HoldOutcome::eased, 4)});
    auto evening = session(kToday - 1, {visit("calves_roll", 1)}, {hold("calves_roll", 4, 60, HoldOutcome::timed_out)});
    auto earlier = session(kToday - 5, {visit("calves_roll", 3)}, {hold("calves_roll", 7, 30, HoldOutcome::eased, 5)});
    auto quiet = session(kToday, {visit("calves_roll", 0)});
    auto p = progress_of({morning, quiet, evening, earlier});
    const AreaProgress* a = muscle(p, "gastrocnemius");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->sessions, 4);
    EXPECT_EQ(a->spots, 6);
    ASSERT_EQ(a->series.size(), 3u);

    EXPECT_EQ(a->series[0].day, kToday - 5);
    EXPECT_EQ(a->series[0].spots, 3);
    EXPECT_DOUBLE_EQ(a->series[0].tenderness_start, 7.0);
    ASSERT_TRUE(a->series[0].tenderness_end.has_value());
    EXPECT_DOUBLE_EQ(*a->series[0].tenderness_end, 5.0);
    EXPECT_EQ(a->series[0].median_release_s, 30.0);

    EXPECT_EQ(a->series[1].day, kToday - 1);
    EXPECT_EQ(a->series[1].spots, 3);
    EXPECT_DOUBLE_EQ(a->series[1].tenderness_start, 6.0);  // (6 + 8 + 4) / 3
    ASSERT_TRUE(a->series[1].tenderness_end.has_value());
    EXPECT_DOUBLE_EQ(*a->series[1].tenderness_end, 3.0);  // the timed-out hold has no end rating
    ASSERT_TRUE(a->series[1].median_release_s.has_value());
    EXPECT_DOUBLE_EQ(*a->series[1].median_release_s, 45.0);  // eased holds only

    EXPECT_EQ(a->series[2].day, kToday);
    EXPECT_EQ(a->series[2].spots, 0);
    EXPECT_FALSE(a->series[2].tenderness_end.has_value());
    EXPECT_FALSE(a->series[2].median_release_s.has_value());
}

TEST(Progress, MusclesComeFromSmrVisitsNotSkippedOnesOrStretches) {
    VisitRecord stretch;
    stretch.kind = ItemKind::stretch;
    stretch.id = "supine_hamstring_stretch";
    stretch.muscles = {"hamstrings", "biceps_femoris"};
    stretch.outcome = VisitOutcome::done;
    auto s = session(kToday, {visit("calves_roll", 1), visit("piriformis_roll", 0, VisitOutcome::skipped), stretch});
    auto p = progress_of({s});
    std::vector<std::string> expected = test::catalog().technique("calves_roll")->muscles;
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(ids(p.muscles), expected);
    for (const auto& a : p.muscles) {
        EXPECT_EQ(a.sessions, 1) << a.id;
        EXPECT_EQ(a.spots, 1) << a.id;
    }
}

TEST(Progress, RegionsAggregateByTheTechniquesRegions) {
    // The plank quad roll works two regions at once: both count its spots and tenderness.
    auto s1 = session(kToday - 1, {visit("quadriceps_plank_roll", 2), visit("calves_roll", 1)},
                      {hold("quadriceps_plank_roll", 6, 40), hold("quadriceps_plank_roll", 8, 50), hold("calves_roll", 5, 35)});
    auto s2 = session(kToday, {visit("quadriceps_plank_roll", 1)}, {hold("quadriceps_plank_roll", 4, 30)});
    auto p = progress_of({s1, s2});
    EXPECT_EQ(ids(p.regions), (std::vector<std::string>{"calf", "hip_front", "thigh_front"}));
    for (const std::string id : {"hip_front", "thigh_front"}) {
        const AreaProgress* g = region(p, id);
        ASSERT_NE(g, nullptr) << id;
        EXPECT_EQ(g->sessions, 2) << id;
        EXPECT_EQ(g->spots, 3) << id;
        ASSERT_EQ(g->series.size(), 2u) << id;
        EXPECT_EQ(g->series[0].spots, 2) << id;
        EXPECT_DOUBLE_EQ(g->series[0].tenderness_start, 7.0) << id;
        EXPECT_EQ(g->series[1].spots, 1) << id;
        EXPECT_EQ(g->trend, Trend::not_enough_data) << id;  // two days
        ASSERT_TRUE(g->median_release_s.has_value());
        EXPECT_DOUBLE_EQ(*g->median_release_s, 40.0) << id;
    }
    const AreaProgress* calf = region(p, "calf");
    ASSERT_NE(calf, nullptr);
    EXPECT_EQ(calf->sessions, 1);
    EXPECT_EQ(calf->spots, 1);
    EXPECT_EQ(calf->trend, Trend::not_enough_data);
}

TEST(Progress, RegionsAreOnlyThoseTheTechniqueRolls) {
    // IT band rolling lists vastus lateralis (which also lies in the front of the thigh), but the
    // technique rolls only the outer thigh: the front of the thigh was not worked.
    auto s = session(kToday, {visit("it_band_roll", 2)}, {hold("it_band_roll", 6, 40), hold("it_band_roll", 5, 40)});
    auto p = progress_of({s});
    EXPECT_EQ(ids(p.regions), (std::vector<std::string>{"thigh_outer"}));
    const AreaProgress* g = region(p, "thigh_outer");
    ASSERT_NE(g, nullptr);
    EXPECT_EQ(g->spots, 2);
}

TEST(Progress, RollingAnotherRegionDoesNotFakeProgressOnThisOne) {
    // Six IT band sessions with tender spots, then six quadriceps-only sessions. The quad roll
    // never touches the outer thigh, so its record there is six steady days, not "fewer spots".
    std::vector<SessionSummary> s;
    for (int i = 0; i < 6; ++i) s.push_back(session(kToday - 11 + i, {visit("it_band_roll", 2)}, {hold("it_band_roll", 6), hold("it_band_roll", 6)}));
    for (int i = 0; i < 6; ++i) s.push_back(session(kToday - 5 + i, {visit("quadriceps_roll", 1)}, {hold("quadriceps_roll", 5)}));
    auto progress = progress_of(s);
    const AreaProgress* outer = region(progress, "thigh_outer");
    ASSERT_NE(outer, nullptr);
    EXPECT_EQ(outer->sessions, 6);
    EXPECT_EQ(outer->spots, 12);
    EXPECT_EQ(outer->trend, Trend::unchanged);
}

TEST(Progress, SameMuscleFromTwoTechniquesInOneSessionIsOneSession) {
    // rectus_femoris is in both quad techniques.
    auto s = session(kToday, {visit("quadriceps_roll", 1), visit("quadriceps_plank_roll", 2)});
    auto progress = progress_of({s});
    const AreaProgress* a = muscle(progress, "rectus_femoris");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->sessions, 1);
    EXPECT_EQ(a->spots, 3);
}

}  // namespace
}  // namespace unknot
