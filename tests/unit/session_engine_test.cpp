// The guided session engine, driven with timestamped events over plans built from the real
// catalog: the protocol rules (30-90 s holds, both sides, SMR then stretch), timed cues, pauses,
// and the hold/visit records that progress is computed from.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "planning/plan.hpp"
#include "session/engine.hpp"
#include "support/catalog_fixture.hpp"

namespace unknot {
namespace {

constexpr std::int64_t s_ms(std::int64_t seconds) { return seconds * 1000; }

PlanItem smr_item(const std::string& technique, std::optional<Side> side) {
    const Technique* t = test::catalog().technique(technique);
    EXPECT_NE(t, nullptr) << technique;
    PlanItem i;
    if (!t) return i;
    i.kind = ItemKind::smr;
    i.id = t->id;
    i.name = t->name;
    i.side = side;
    i.muscles = t->muscles;
    i.regions = t->regions;
    i.tool = t->tools.front();
    i.roll_s = 45;
    i.hold_min_s = t->hold_min_s;
    i.hold_max_s = t->hold_max_s;
    i.hold_target_s = 45;
    i.sets = 1;
    i.seconds = 10 + i.roll_s + i.hold_target_s;
    return i;
}

PlanItem stretch_item(const std::string& stretch, std::optional<Side> side, int hold_s = 30, int sets = 1) {
    const Stretch* s = test::catalog().stretch(stretch);
    EXPECT_NE(s, nullptr) << stretch;
    PlanItem i;
    if (!s) return i;
    i.kind = ItemKind::stretch;
    i.id = s->id;
    i.name = s->name;
    i.side = side;
    i.muscles = s->muscles;
    i.regions = s->regions;
    i.hold_target_s = hold_s;
    i.sets = sets;
    i.seconds = (10 + hold_s) * sets;
    return i;
}

Plan plan_of(std::vector<PlanItem> inhibit, std::vector<PlanItem> lengthen = {}) {
    Plan p;
    p.phases.push_back(Phase{PhaseKind::inhibit, std::move(inhibit)});
    if (!lengthen.empty()) p.phases.push_back(Phase{PhaseKind::lengthen, std::move(lengthen)});
    return p;
}

// Drives an Engine and keeps everything it said and recorded.
class Drive {
public:
    explicit Drive(const Plan& plan) : engine_(plan, test::catalog()) {}

    Output send(EventType type, std::int64_t t_ms, std::optional<int> tenderness = std::nullopt) {
        last_ = engine_.handle(Event{type, t_ms, tenderness});
        cues.insert(cues.end(), last_.cues.begin(), last_.cues.end());
        holds.insert(holds.end(), last_.holds.begin(), last_.holds.end());
        visits.insert(visits.end(), last_.visits.begin(), last_.visits.end());
        for (const auto& c : last_.cues) EXPECT_FALSE(has_placeholder(c.text)) << c.id << ": " << c.text;
        return last_;
    }

    State state() const { return engine_.state(); }
    Snapshot snapshot() const { return engine_.snapshot(); }
    const Output& last() const { return last_; }

    std::vector<std::int64_t> times_of(const std::string& id) const {
        std::vector<std::int64_t> out;
        for (const auto& c : cues)
            if (c.id == id) out.push_back(c.at_ms);
        return out;
    }
    std::vector<std::string> ids() const {
        std::vector<std::string> out;
        for (const auto& c : cues) out.push_back(c.id);
        return out;
    }
    static bool has_placeholder(const std::string& text) {
        return text.find('{') != std::string::npos || text.find('}') != std::string::npos;
    }

    std::vector<Cue> cues;
    std::vector<HoldRecord> holds;
    std::vector<VisitRecord> visits;

private:
    Engine engine_;
    Output last_;
};

std::vector<std::string> ids_of(const std::vector<Cue>& cues) {
    std::vector<std::string> out;
    for (const auto& c : cues) out.push_back(c.id);
    return out;
}

bool has_cue(const Output& o, const std::string& id) {
    return std::any_of(o.cues.begin(), o.cues.end(), [&](const Cue& c) { return c.id == id; });
}

const Cue* find_cue(const Output& o, const std::string& id) {
    auto it = std::find_if(o.cues.begin(), o.cues.end(), [&](const Cue& c) { return c.id == id; });
    return it == o.cues.end() ? nullptr : &*it;
}

Plan calves_both_sides_then_hamstrings() {
    return plan_of({smr_item("calves_roll", Side::left), smr_item("calves_roll", Side::right), smr_item("hamstrings_roll", Side::left)});
}

// Start, get into position and find a tender spot at `found_at`: the common opening.
void start_and_hold(Drive& r, std::int64_t found_at, int tenderness = 6) {
    ASSERT_FALSE(r.send(EventType::start, 0).rejected);
    ASSERT_FALSE(r.send(EventType::in_position, s_ms(5)).rejected);
    ASSERT_FALSE(r.send(EventType::found, found_at, tenderness).rejected);
    ASSERT_EQ(r.state(), State::holding);
}

// --- the whole walk ---------------------------------------------------------------------------

TEST(SessionEngine, WalksThroughEveryStateToDone) {
    const auto* calves = test::catalog().technique("calves_roll");
    const auto* upper_back = test::catalog().technique("thoracic_spine_roll");
    ASSERT_NE(calves, nullptr);
    ASSERT_NE(upper_back, nullptr);
    Drive r(plan_of({smr_item("calves_roll", Side::left), smr_item("calves_roll", Side::right), smr_item("thoracic_spine_roll", std::nullopt)},
                  {stretch_item("wall_calf_stretch_straight_knee", Side::left)}));
    EXPECT_EQ(r.state(), State::ready);
    EXPECT_EQ(r.snapshot().item, -1);
    EXPECT_EQ(r.snapshot().items, 4);

    const auto& start = r.send(EventType::start, 0);
    EXPECT_FALSE(start.rejected);
    EXPECT_EQ(ids_of(start.cues), (std::vector<std::string>{"session_start", "positioning"}));
    EXPECT_NE(start.cues[1].text.find(calves->name), std::string::npos) << start.cues[1].text;
    EXPECT_NE(start.cues[1].text.find("left side"), std::string::npos) << start.cues[1].text;
    EXPECT_EQ(r.state(), State::positioning);
    EXPECT_EQ(r.snapshot().item, 0);

    const auto& pos = r.send(EventType::in_position, s_ms(5));
    EXPECT_FALSE(pos.rejected);
    EXPECT_EQ(r.state(), State::rolling);
    ASSERT_TRUE(has_cue(pos, "rolling_slow"));
    EXPECT_EQ(find_cue(pos, "rolling_slow")->at_ms, s_ms(5));

    const auto& found = r.send(EventType::found, s_ms(15), 7);
    EXPECT_FALSE(found.rejected);
    EXPECT_EQ(r.state(), State::holding);
    // The rolling cue at 8 s into rolling fired on the way, with the technique's avoid line.
    ASSERT_TRUE(has_cue(found, "rolling_avoid"));
    EXPECT_EQ(find_cue(found, "rolling_avoid")->at_ms, s_ms(13));
    EXPECT_EQ(find_cue(found, "rolling_avoid")->text, calves->avoid.front());
    ASSERT_TRUE(has_cue(found, "hold_start"));
    EXPECT_EQ(find_cue(found, "hold_start")->at_ms, s_ms(15));

    const auto& eased = r.send(EventType::eased, s_ms(55), 3);
    EXPECT_FALSE(eased.rejected);
    EXPECT_EQ(r.state(), State::eased);
    ASSERT_EQ(eased.holds.size(), 1u);
    EXPECT_EQ(eased.holds[0].hold_s, 40);
    EXPECT_EQ(eased.holds[0].outcome, HoldOutcome::eased);
    EXPECT_TRUE(has_cue(eased, "spot_eased"));
    EXPECT_TRUE(eased.visits.empty());

    const auto& next1 = r.send(EventType::next, s_ms(60));
    EXPECT_FALSE(next1.rejected);
    ASSERT_EQ(next1.visits.size(), 1u);
    EXPECT_EQ(next1.visits[0].item, 0);
    EXPECT_EQ(next1.visits[0].id, "calves_roll");
    EXPECT_EQ(next1.visits[0].side, Side::left);
    EXPECT_EQ(next1.visits[0].outcome, VisitOutcome::done);
    EXPECT_EQ(next1.visits[0].spots, 1);
    EXPECT_EQ(next1.visits[0].started_ms, 0);
    EXPECT_EQ(next1.visits[0].ended_ms, s_ms(60));
    // Same technique, other side: "switch sides", not "next one".
    EXPECT_EQ(ids_of(next1.cues), (std::vector<std::string>{"switch_sides", "positioning"}));
    EXPECT_NE(next1.cues[1].text.find("right side"), std::string::npos) << next1.cues[1].text;
    EXPECT_EQ(r.state(), State::positioning);
    EXPECT_EQ(r.snapshot().item, 1);
    EXPECT_EQ(r.snapshot().spots, 0);

    r.send(EventType::in_position, s_ms(65));
    const auto& next2 = r.send(EventType::next, s_ms(70));
    EXPECT_FALSE(next2.rejected);
    ASSERT_EQ(next2.visits.size(), 1u);
    EXPECT_EQ(next2.visits[0].side, Side::right);
    EXPECT_EQ(next2.visits[0].spots, 0);
    EXPECT_EQ(next2.visits[0].started_ms, s_ms(60));
    EXPECT_EQ(ids_of(next2.cues), (std::vector<std::string>{"next_item", "positioning"}));
    EXPECT_NE(next2.cues[1].text.find(upper_back->name), std::string::npos) << next2.cues[1].text;
    EXPECT_EQ(next2.cues[1].text.find("side"), std::string::npos) << "an unsided item names no side: " << next2.cues[1].text;
    EXPECT_EQ(r.snapshot().item, 2);

    r.send(EventType::in_position, s_ms(75));
    const auto& next3 = r.send(EventType::next, s_ms(80));
    ASSERT_EQ(next3.visits.size(), 1u);
    EXPECT_FALSE(next3.visits[0].side.has_value());
    EXPECT_EQ(ids_of(next3.cues), (std::vector<std::string>{"next_item", "positioning_stretch"}));
    EXPECT_NE(next3.cues[1].text.find("stretch"), std::string::npos) << "a stretch is not rolled: " << next3.cues[1].text;

    const auto& stretch = r.send(EventType::in_position, s_ms(85));
    EXPECT_EQ(r.state(), State::stretching);
    EXPECT_EQ(ids_of(stretch.cues), (std::vector<std::string>{"stretch_start"}));

    const auto& end = r.send(EventType::tick, s_ms(115));
    EXPECT_FALSE(end.rejected);
    ASSERT_EQ(end.visits.size(), 1u);
    EXPECT_EQ(end.visits[0].kind, ItemKind::stretch);
    EXPECT_EQ(end.visits[0].outcome, VisitOutcome::done);
    EXPECT_EQ(ids_of(end.cues), (std::vector<std::string>{"stretch_done", "session_done"}));
    EXPECT_EQ(end.cues.back().at_ms, s_ms(115));
    EXPECT_EQ(r.state(), State::done);
    EXPECT_EQ(r.snapshot().item, -1);

    EXPECT_EQ(r.visits.size(), 4u);
    EXPECT_EQ(r.holds.size(), 1u);
    for (auto type : {EventType::start, EventType::in_position, EventType::next, EventType::pause, EventType::quit}) {
        const auto& late = r.send(type, s_ms(120));
        EXPECT_TRUE(late.rejected) << to_string(type);
        EXPECT_TRUE(late.visits.empty());
    }
}

TEST(SessionEngine, PlanFromThePlannerRunsBothSidesThenStretchesToSessionDone) {
    Profile profile;
    profile.targets = {"calf"};
    profile.minutes = 30;
    Plan plan = make_plan(profile, test::catalog());
    Drive r(plan);
    const Engine reference(plan, test::catalog());
    const auto& items = reference.items();
    ASSERT_GE(items.size(), 3u);

    std::int64_t t = 0;
    r.send(EventType::start, t);
    int guard = 0;
    while (r.state() != State::done && ++guard < 100) {
        auto item = static_cast<std::size_t>(r.snapshot().item);
        ASSERT_LT(item, items.size());
        ASSERT_EQ(r.state(), State::positioning);
        ASSERT_FALSE(r.send(EventType::in_position, t += s_ms(5)).rejected);
        if (items[item].kind == ItemKind::smr) {
            ASSERT_FALSE(r.send(EventType::found, t += s_ms(10), 5).rejected);
            ASSERT_FALSE(r.send(EventType::eased, t += s_ms(items[item].hold_min_s), 2).rejected);
            ASSERT_FALSE(r.send(EventType::next, t += s_ms(1)).rejected);
        } else {
            r.send(EventType::tick, t += s_ms(items[item].hold_target_s * items[item].sets));
        }
    }
    EXPECT_EQ(r.state(), State::done);
    EXPECT_EQ(r.visits.size(), items.size());
    auto done = r.times_of("session_done");
    EXPECT_EQ(done.size(), 1u);
    // Every SMR item precedes every stretch, and each per-side switch is announced.
    int switches = 0;
    for (std::size_t i = 1; i < items.size(); ++i)
        if (items[i].id == items[i - 1].id && items[i].side != items[i - 1].side) ++switches;
    EXPECT_EQ(static_cast<int>(r.times_of("switch_sides").size()), switches);
    EXPECT_GE(switches, 1);
    EXPECT_EQ(r.times_of("next_item").size(), items.size() - 1 - static_cast<std::size_t>(switches));
}

// --- holds ------------------------------------------------------------------------------------

// fuzz/session_replay: a day-long gap in one state (an event at t = 86400 s while rolling) took
// minutes, rescanning every repeat said for each new one. Repeats are now found step by step;
// what is said must not change: one late tick says what a tick every second says.
TEST(SessionEngine, ALongGapSaysWhatDenseTicksSay) {
    auto plan = calves_both_sides_then_hamstrings();
    Drive sparse(plan), dense(plan);
    for (auto* d : {&sparse, &dense}) {
        ASSERT_FALSE(d->send(EventType::start, 0).rejected);
        ASSERT_FALSE(d->send(EventType::in_position, s_ms(5)).rejected);
    }
    sparse.send(EventType::tick, s_ms(3600));
    for (int t = 6; t <= 3600; ++t) dense.send(EventType::tick, s_ms(t));
    ASSERT_EQ(sparse.ids(), dense.ids());
    for (std::size_t i = 0; i < sparse.cues.size(); ++i) EXPECT_EQ(sparse.cues[i].at_ms, dense.cues[i].at_ms) << i;
    EXPECT_GT(sparse.cues.size(), 100u);  // an hour of rolling repeats its reminders
    Drive day(plan);
    day.send(EventType::start, 0);
    day.send(EventType::in_position, s_ms(5));
    day.send(EventType::tick, s_ms(86400));
    EXPECT_GT(day.cues.size(), 24 * sparse.cues.size() - 24 * 5);
    EXPECT_EQ(day.state(), State::rolling);
}

TEST(SessionEngine, EasedBeforeTheMinimumIsKeptAsAnEarlyRelease) {
    Drive r(calves_both_sides_then_hamstrings());
    start_and_hold(r, s_ms(10), 7);
    const auto& early = r.send(EventType::eased, s_ms(22), 3);  // 12 s into the hold
    ASSERT_FALSE(early.rejected) << *early.rejected;
    ASSERT_EQ(early.holds.size(), 1u);
    EXPECT_EQ(early.holds[0].outcome, HoldOutcome::released_early);
    EXPECT_EQ(early.holds[0].hold_s, 12);
    EXPECT_EQ(early.holds[0].tenderness_start, 7);
    EXPECT_EQ(early.holds[0].tenderness_end, 3);
    EXPECT_EQ(early.holds[0].ended_ms, s_ms(22));
    EXPECT_TRUE(early.visits.empty());  // the side carries on: roll on, or move on
    EXPECT_EQ(r.state(), State::eased);
    const Cue* said = find_cue(early, "hold_released_early");
    ASSERT_NE(said, nullptr);
    EXPECT_EQ(said->at_ms, s_ms(22));
    EXPECT_NE(said->text.find("30 seconds"), std::string::npos) << said->text;
    EXPECT_FALSE(has_cue(early, "spot_eased"));

    // Another spot on the same side, released a millisecond short of the minimum: still early.
    ASSERT_FALSE(r.send(EventType::found, s_ms(30), 5).rejected);
    const auto& almost = r.send(EventType::eased, s_ms(59) + 999, 2);
    ASSERT_EQ(almost.holds.size(), 1u);
    EXPECT_EQ(almost.holds[0].outcome, HoldOutcome::released_early);
    EXPECT_EQ(almost.holds[0].spot, 2);
    ASSERT_FALSE(r.send(EventType::next, s_ms(61)).rejected);
    ASSERT_EQ(r.visits.size(), 1u);
    EXPECT_EQ(r.visits[0].spots, 2);
    EXPECT_EQ(r.visits[0].outcome, VisitOutcome::done);
}

TEST(SessionEngine, EasedAtMinimumHoldIsRecorded) {
    Drive r(calves_both_sides_then_hamstrings());
    start_and_hold(r, s_ms(10), 7);
    const auto& ok = r.send(EventType::eased, s_ms(40), 2);  // exactly 30 s
    ASSERT_FALSE(ok.rejected) << *ok.rejected;
    EXPECT_FALSE(has_cue(ok, "hold_released_early"));
    ASSERT_EQ(ok.holds.size(), 1u);
    const auto& h = ok.holds[0];
    EXPECT_EQ(h.item, 0);
    EXPECT_EQ(h.technique, "calves_roll");
    EXPECT_EQ(h.side, Side::left);
    EXPECT_EQ(h.muscles, test::catalog().technique("calves_roll")->muscles);
    EXPECT_EQ(h.spot, 1);
    EXPECT_EQ(h.found_ms, s_ms(10));
    EXPECT_EQ(h.ended_ms, s_ms(40));
    EXPECT_EQ(h.hold_s, 30);
    EXPECT_EQ(h.tenderness_start, 7);
    EXPECT_EQ(h.tenderness_end, 2);
    EXPECT_EQ(h.outcome, HoldOutcome::eased);
    EXPECT_EQ(r.state(), State::eased);
    EXPECT_TRUE(has_cue(ok, "hold_min_reached"));
}

TEST(SessionEngine, HoldTimesOutAtNinetySecondsAndMovesOn) {
    Drive r(calves_both_sides_then_hamstrings());
    start_and_hold(r, s_ms(10), 8);
    r.send(EventType::tick, s_ms(99));
    EXPECT_EQ(r.state(), State::holding);
    EXPECT_TRUE(r.holds.empty());

    const auto& out = r.send(EventType::tick, s_ms(100));  // exactly 90 s
    EXPECT_FALSE(out.rejected);
    ASSERT_EQ(out.holds.size(), 1u);
    EXPECT_EQ(out.holds[0].outcome, HoldOutcome::timed_out);
    EXPECT_EQ(out.holds[0].hold_s, 90);
    EXPECT_EQ(out.holds[0].ended_ms, s_ms(100));
    EXPECT_EQ(out.holds[0].tenderness_start, 8);
    EXPECT_FALSE(out.holds[0].tenderness_end.has_value());
    const Cue* max = find_cue(out, "hold_max_reached");
    ASSERT_NE(max, nullptr);
    EXPECT_EQ(max->at_ms, s_ms(100));
    EXPECT_NE(max->text.find("90"), std::string::npos) << max->text;
    ASSERT_EQ(out.visits.size(), 1u);
    EXPECT_EQ(out.visits[0].outcome, VisitOutcome::done);
    EXPECT_EQ(out.visits[0].spots, 1);
    EXPECT_EQ(r.state(), State::positioning);
    EXPECT_EQ(r.snapshot().item, 1);
    EXPECT_TRUE(has_cue(out, "switch_sides"));
    EXPECT_EQ(r.times_of("hold_max_reached").size(), 1u);
}

TEST(SessionEngine, LateTickStillTimesOutAtTheNinetySecondMark) {
    Drive r(calves_both_sides_then_hamstrings());
    start_and_hold(r, s_ms(10));
    const auto& out = r.send(EventType::tick, s_ms(400));
    ASSERT_EQ(out.holds.size(), 1u);
    EXPECT_EQ(out.holds[0].hold_s, 90);
    EXPECT_EQ(out.holds[0].ended_ms, s_ms(100));
    ASSERT_EQ(out.visits.size(), 1u);
    EXPECT_EQ(out.visits[0].ended_ms, s_ms(100));
    ASSERT_NE(find_cue(out, "hold_max_reached"), nullptr);
    EXPECT_EQ(find_cue(out, "hold_max_reached")->at_ms, s_ms(100));
    EXPECT_EQ(r.state(), State::positioning);
    // The next side began at the time-out, so an event after it is on the new item.
    const auto& late = r.send(EventType::eased, s_ms(401), 2);
    EXPECT_TRUE(late.rejected);
}

TEST(SessionEngine, TooPainfulEndsTheHoldAndReturnsToRollingWithLighterAdvice) {
    const auto* calves = test::catalog().technique("calves_roll");
    ASSERT_NE(calves, nullptr);
    Drive r(calves_both_sides_then_hamstrings());
    start_and_hold(r, s_ms(10), 9);
    const auto& out = r.send(EventType::too_painful, s_ms(22), 9);
    EXPECT_FALSE(out.rejected);
    ASSERT_EQ(out.holds.size(), 1u);
    EXPECT_EQ(out.holds[0].outcome, HoldOutcome::too_painful);
    EXPECT_EQ(out.holds[0].hold_s, 12);
    EXPECT_EQ(out.holds[0].tenderness_start, 9);
    EXPECT_EQ(out.holds[0].tenderness_end, 9);
    EXPECT_EQ(r.state(), State::rolling);
    const Cue* advice = find_cue(out, "too_painful");
    ASSERT_NE(advice, nullptr);
    EXPECT_NE(advice->text.find(calves->lighter.front()), std::string::npos) << advice->text;
    // Back to rolling without an immediate repeat of the opening rolling cue.
    EXPECT_FALSE(has_cue(out, "rolling_slow"));
    EXPECT_TRUE(out.visits.empty());

    // The side carries on: a lighter second try is spot 2.
    ASSERT_FALSE(r.send(EventType::found, s_ms(30), 5).rejected);
    const auto& eased = r.send(EventType::eased, s_ms(60), 2);
    ASSERT_EQ(eased.holds.size(), 1u);
    EXPECT_EQ(eased.holds[0].spot, 2);
}

TEST(SessionEngine, TooPainfulWithoutTendernessStillEndsTheHold) {
    Drive r(calves_both_sides_then_hamstrings());
    start_and_hold(r, s_ms(10));
    const auto& out = r.send(EventType::too_painful, s_ms(15));
    ASSERT_EQ(out.holds.size(), 1u);
    EXPECT_FALSE(out.holds[0].tenderness_end.has_value());
    EXPECT_EQ(out.holds[0].hold_s, 5);
    EXPECT_EQ(r.state(), State::rolling);
}

TEST(SessionEngine, NextWhileHoldingIsRejected) {
    Drive r(calves_both_sides_then_hamstrings());
    start_and_hold(r, s_ms(10));
    const auto& out = r.send(EventType::next, s_ms(50));
    EXPECT_TRUE(out.rejected);
    EXPECT_TRUE(out.visits.empty());
    EXPECT_TRUE(out.holds.empty());
    EXPECT_EQ(r.state(), State::holding);
}

TEST(SessionEngine, SeveralTenderSpotsOnOneSideAreNumbered) {
    Drive r(calves_both_sides_then_hamstrings());
    start_and_hold(r, s_ms(10), 6);
    ASSERT_FALSE(r.send(EventType::eased, s_ms(45), 3).rejected);
    EXPECT_EQ(r.snapshot().spots, 1);
    ASSERT_FALSE(r.send(EventType::found, s_ms(60), 5).rejected);  // from `eased`: look for another
    EXPECT_EQ(r.state(), State::holding);
    ASSERT_FALSE(r.send(EventType::eased, s_ms(95), 2).rejected);
    const auto& next = r.send(EventType::next, s_ms(100));
    ASSERT_EQ(r.holds.size(), 2u);
    EXPECT_EQ(r.holds[0].spot, 1);
    EXPECT_EQ(r.holds[1].spot, 2);
    EXPECT_EQ(r.holds[1].tenderness_start, 5);
    EXPECT_EQ(r.holds[1].hold_s, 35);
    ASSERT_EQ(next.visits.size(), 1u);
    EXPECT_EQ(next.visits[0].spots, 2);
    // The other side starts counting again.
    EXPECT_EQ(r.snapshot().spots, 0);
    r.send(EventType::in_position, s_ms(105));
    r.send(EventType::found, s_ms(110), 4);
    const auto& other = r.send(EventType::eased, s_ms(140), 1);
    ASSERT_EQ(other.holds.size(), 1u);
    EXPECT_EQ(other.holds[0].spot, 1);
    EXPECT_EQ(other.holds[0].side, Side::right);
    EXPECT_EQ(other.holds[0].item, 1);
}

// --- input validation -------------------------------------------------------------------------

TEST(SessionEngine, TendernessMustBeZeroToTen) {
    Drive r(calves_both_sides_then_hamstrings());
    r.send(EventType::start, 0);
    r.send(EventType::in_position, s_ms(1));
    for (std::optional<int> bad : {std::optional<int>{}, std::optional<int>{-1}, std::optional<int>{11}}) {
        const auto& out = r.send(EventType::found, s_ms(2), bad);
        ASSERT_TRUE(out.rejected);
        EXPECT_NE(out.rejected->find("0"), std::string::npos);
        EXPECT_NE(out.rejected->find("10"), std::string::npos);
        EXPECT_EQ(r.state(), State::rolling);
        EXPECT_EQ(r.snapshot().spots, 0);
    }
    ASSERT_FALSE(r.send(EventType::found, s_ms(3), 0).rejected);  // the bounds themselves are fine
    for (std::optional<int> bad : {std::optional<int>{}, std::optional<int>{-3}, std::optional<int>{42}}) {
        const auto& out = r.send(EventType::eased, s_ms(40), bad);
        ASSERT_TRUE(out.rejected);
        EXPECT_TRUE(out.holds.empty());
        EXPECT_EQ(r.state(), State::holding);
    }
    const auto& ok = r.send(EventType::eased, s_ms(40), 10);
    ASSERT_FALSE(ok.rejected);
    ASSERT_EQ(ok.holds.size(), 1u);
    EXPECT_EQ(ok.holds[0].tenderness_start, 0);
    EXPECT_EQ(ok.holds[0].tenderness_end, 10);
}

TEST(SessionEngine, EventsGoingBackInTimeAreRejected) {
    Drive r(calves_both_sides_then_hamstrings());
    start_and_hold(r, s_ms(10));
    r.send(EventType::tick, s_ms(20));
    const auto& back = r.send(EventType::eased, s_ms(19), 3);
    ASSERT_TRUE(back.rejected);
    EXPECT_NE(back.rejected->find("earlier"), std::string::npos) << *back.rejected;
    EXPECT_TRUE(back.holds.empty());
    EXPECT_TRUE(back.cues.empty());
    EXPECT_EQ(r.state(), State::holding);
    // The same timestamp is fine; time did not move backwards.
    EXPECT_FALSE(r.send(EventType::tick, s_ms(20)).rejected);
    const auto& ok = r.send(EventType::eased, s_ms(40), 3);
    EXPECT_FALSE(ok.rejected);
    ASSERT_EQ(ok.holds.size(), 1u);
    EXPECT_EQ(ok.holds[0].hold_s, 30);
}

TEST(SessionEngine, EventsOutOfPlaceAreRejected) {
    Drive r(calves_both_sides_then_hamstrings());
    EXPECT_TRUE(r.send(EventType::in_position, 0).rejected);  // not started
    EXPECT_TRUE(r.send(EventType::pause, 0).rejected);
    EXPECT_FALSE(r.send(EventType::start, 0).rejected);
    EXPECT_TRUE(r.send(EventType::start, 1).rejected);  // twice
    EXPECT_TRUE(r.send(EventType::found, 2, 5).rejected);  // still positioning
    EXPECT_TRUE(r.send(EventType::eased, 3, 5).rejected);
    EXPECT_TRUE(r.send(EventType::resume, 4).rejected);  // not paused
    EXPECT_EQ(r.state(), State::positioning);
    EXPECT_FALSE(r.send(EventType::in_position, 5).rejected);
    EXPECT_TRUE(r.send(EventType::in_position, 6).rejected);  // already rolling
    EXPECT_TRUE(r.send(EventType::eased, 7, 5).rejected);      // not holding
    EXPECT_EQ(r.state(), State::rolling);
    EXPECT_TRUE(r.holds.empty());
}

// --- pause ------------------------------------------------------------------------------------

TEST(SessionEngine, PauseFreezesTheHoldClock) {
    Drive r(calves_both_sides_then_hamstrings());
    start_and_hold(r, s_ms(10), 6);
    const auto& pause = r.send(EventType::pause, s_ms(20));  // 10 s into the hold
    EXPECT_FALSE(pause.rejected);
    EXPECT_TRUE(has_cue(pause, "paused"));
    EXPECT_EQ(r.state(), State::paused);

    const auto& waited = r.send(EventType::tick, s_ms(20 + 300));  // five minutes later
    EXPECT_FALSE(waited.rejected);
    EXPECT_TRUE(waited.holds.empty());
    EXPECT_TRUE(waited.cues.empty());
    EXPECT_EQ(r.state(), State::paused);

    const auto& resume = r.send(EventType::resume, s_ms(320));
    EXPECT_FALSE(resume.rejected);
    EXPECT_TRUE(has_cue(resume, "resumed"));
    EXPECT_EQ(r.state(), State::holding);
    EXPECT_EQ(r.snapshot().state_elapsed_ms, s_ms(10));

    // The clock restarted where it stopped: 30 s of active holding falls at 320 + 20.
    EXPECT_EQ(r.send(EventType::tick, s_ms(339)).cues.size(), 1u);  // hold_breathe at 20 s active only
    const auto& eased = r.send(EventType::eased, s_ms(345), 3);
    ASSERT_FALSE(eased.rejected) << *eased.rejected;
    ASSERT_EQ(eased.holds.size(), 1u);
    EXPECT_EQ(eased.holds[0].hold_s, 35);
    EXPECT_EQ(eased.holds[0].found_ms, s_ms(10));
    EXPECT_EQ(eased.holds[0].ended_ms, s_ms(345));
    EXPECT_EQ(eased.holds[0].outcome, HoldOutcome::eased);
    // Timed cues moved with the pause: hold_min_reached at 30 s active = 340 s wall clock.
    EXPECT_EQ(r.times_of("hold_min_reached"), (std::vector<std::int64_t>{s_ms(340)}));
    EXPECT_EQ(r.times_of("hold_breathe"), (std::vector<std::int64_t>{s_ms(330)}));
}

TEST(SessionEngine, PausedHoldNeverTimesOutAndTimesOutNinetyActiveSecondsIn) {
    Drive r(calves_both_sides_then_hamstrings());
    start_and_hold(r, s_ms(10));
    r.send(EventType::pause, s_ms(70));  // 60 s held
    r.send(EventType::tick, s_ms(70 + 3600));
    EXPECT_TRUE(r.holds.empty());
    r.send(EventType::resume, s_ms(3670));
    r.send(EventType::tick, s_ms(3699));
    EXPECT_TRUE(r.holds.empty());
    const auto& out = r.send(EventType::tick, s_ms(3700));
    ASSERT_EQ(out.holds.size(), 1u);
    EXPECT_EQ(out.holds[0].outcome, HoldOutcome::timed_out);
    EXPECT_EQ(out.holds[0].hold_s, 90);
    EXPECT_EQ(out.holds[0].ended_ms, s_ms(3700));
}

TEST(SessionEngine, SnapshotElapsedTimeStaysFrozenWhilePaused) {
    Drive r(calves_both_sides_then_hamstrings());
    start_and_hold(r, s_ms(10));
    r.send(EventType::pause, s_ms(20));
    EXPECT_EQ(r.snapshot().state_elapsed_ms, s_ms(10));
    r.send(EventType::tick, s_ms(320));
    // Active time in the state: the five paused minutes are not part of it.
    EXPECT_EQ(r.snapshot().state, State::paused);
    EXPECT_EQ(r.snapshot().state_elapsed_ms, s_ms(10));
}

TEST(SessionEngine, WhilePausedOnlyResumeAndQuitApply) {
    Drive r(calves_both_sides_then_hamstrings());
    start_and_hold(r, s_ms(10));
    r.send(EventType::pause, s_ms(15));
    for (auto type : {EventType::found, EventType::eased, EventType::too_painful, EventType::next, EventType::skip, EventType::in_position,
                      EventType::pause, EventType::start}) {
        const auto& out = r.send(type, s_ms(100), 3);
        EXPECT_TRUE(out.rejected) << to_string(type);
        EXPECT_TRUE(out.holds.empty()) << to_string(type);
        EXPECT_TRUE(out.visits.empty()) << to_string(type);
        EXPECT_EQ(r.state(), State::paused) << to_string(type);
    }
    EXPECT_FALSE(r.send(EventType::tick, s_ms(101)).rejected);
    EXPECT_FALSE(r.send(EventType::resume, s_ms(102)).rejected);
    EXPECT_EQ(r.state(), State::holding);
}

TEST(SessionEngine, QuitWhilePausedExcludesThePauseFromTheHold) {
    Drive r(calves_both_sides_then_hamstrings());
    start_and_hold(r, s_ms(10));
    r.send(EventType::pause, s_ms(30));  // 20 s held
    const auto& out = r.send(EventType::quit, s_ms(500));
    EXPECT_FALSE(out.rejected);
    ASSERT_EQ(out.holds.size(), 1u);
    EXPECT_EQ(out.holds[0].outcome, HoldOutcome::stopped);
    EXPECT_EQ(out.holds[0].hold_s, 20);
    ASSERT_EQ(out.visits.size(), 1u);
    EXPECT_EQ(out.visits[0].outcome, VisitOutcome::stopped);
    EXPECT_EQ(r.state(), State::done);
}

// --- skip and quit ----------------------------------------------------------------------------

TEST(SessionEngine, SkipWhileHoldingRecordsStoppedHoldAndSkippedVisit) {
    Drive r(calves_both_sides_then_hamstrings());
    start_and_hold(r, s_ms(10), 6);
    const auto& out = r.send(EventType::skip, s_ms(25));
    EXPECT_FALSE(out.rejected);
    ASSERT_EQ(out.holds.size(), 1u);
    EXPECT_EQ(out.holds[0].outcome, HoldOutcome::stopped);
    EXPECT_EQ(out.holds[0].hold_s, 15);
    EXPECT_EQ(out.holds[0].tenderness_start, 6);
    EXPECT_FALSE(out.holds[0].tenderness_end.has_value());
    ASSERT_EQ(out.visits.size(), 1u);
    EXPECT_EQ(out.visits[0].outcome, VisitOutcome::skipped);
    EXPECT_EQ(out.visits[0].spots, 1);
    EXPECT_EQ(out.visits[0].item, 0);
    EXPECT_EQ(r.state(), State::positioning);
    EXPECT_EQ(r.snapshot().item, 1);
}

TEST(SessionEngine, SkipWhilePositioningSkipsTheItem) {
    Drive r(calves_both_sides_then_hamstrings());
    r.send(EventType::start, 0);
    const auto& out = r.send(EventType::skip, s_ms(3));
    EXPECT_TRUE(out.holds.empty());
    ASSERT_EQ(out.visits.size(), 1u);
    EXPECT_EQ(out.visits[0].outcome, VisitOutcome::skipped);
    EXPECT_EQ(out.visits[0].spots, 0);
    EXPECT_EQ(r.snapshot().item, 1);
}

TEST(SessionEngine, QuitMidHoldRecordsStoppedHoldAndVisitAndEnds) {
    Drive r(calves_both_sides_then_hamstrings());
    start_and_hold(r, s_ms(10), 6);
    const auto& out = r.send(EventType::quit, s_ms(30));
    EXPECT_FALSE(out.rejected);
    ASSERT_EQ(out.holds.size(), 1u);
    EXPECT_EQ(out.holds[0].outcome, HoldOutcome::stopped);
    EXPECT_EQ(out.holds[0].hold_s, 20);
    EXPECT_EQ(out.holds[0].ended_ms, s_ms(30));
    ASSERT_EQ(out.visits.size(), 1u);
    EXPECT_EQ(out.visits[0].outcome, VisitOutcome::stopped);
    EXPECT_EQ(out.visits[0].spots, 1);
    EXPECT_EQ(out.visits[0].ended_ms, s_ms(30));
    EXPECT_EQ(r.state(), State::done);
    EXPECT_EQ(r.snapshot().item, -1);
    // Nothing more happens after a quit, however much time passes.
    const auto& later = r.send(EventType::tick, s_ms(1000));
    EXPECT_TRUE(later.holds.empty());
    EXPECT_TRUE(later.visits.empty());
    EXPECT_TRUE(later.cues.empty());
    EXPECT_TRUE(r.send(EventType::found, s_ms(1001), 3).rejected);
}

PlanItem activation_item(int seconds) {
    PlanItem i;
    i.kind = ItemKind::activation;
    i.id = "floor_bridge";
    i.name = "Floor bridge";
    i.muscles = {"gluteus_maximus"};
    i.sets = 1;
    i.seconds = seconds;
    return i;
}

// Ending works from wherever the person is: each state is reached, then `quit` at 1 s later.
// Everything already recorded stays; the open side (if any) is kept as stopped; nothing after.
TEST(SessionEngine, QuitEndsTheSessionFromEveryState) {
    struct Case {
        const char* state;
        std::vector<std::pair<EventType, std::optional<int>>> to_get_there;
        std::size_t holds, visits;  // what the quit itself records
    };
    const std::vector<Case> cases{
        {"ready", {}, 0, 0},
        {"positioning", {{EventType::start, {}}}, 0, 1},
        {"rolling", {{EventType::start, {}}, {EventType::in_position, {}}}, 0, 1},
        {"holding", {{EventType::start, {}}, {EventType::in_position, {}}, {EventType::found, 6}}, 1, 1},
        {"eased", {{EventType::start, {}}, {EventType::in_position, {}}, {EventType::found, 6}, {EventType::eased, 3}}, 0, 1},
        {"stretching", {{EventType::start, {}}, {EventType::skip, {}}, {EventType::in_position, {}}}, 0, 1},
        {"exercising", {{EventType::start, {}}, {EventType::skip, {}}, {EventType::skip, {}}, {EventType::in_position, {}}}, 0, 1},
        {"paused", {{EventType::start, {}}, {EventType::in_position, {}}, {EventType::found, 6}, {EventType::pause, {}}}, 1, 1},
    };
    for (const auto& c : cases) {
        Plan plan = plan_of({smr_item("calves_roll", Side::left)}, {stretch_item("wall_calf_stretch_straight_knee", Side::left)});
        plan.phases.push_back(Phase{PhaseKind::activate, {activation_item(60)}});
        Drive r(plan);
        std::int64_t t = 0;
        for (const auto& [type, tenderness] : c.to_get_there) ASSERT_FALSE(r.send(type, t += 1000, tenderness).rejected) << c.state;
        ASSERT_EQ(to_string(r.state()), c.state);
        const auto& out = r.send(EventType::quit, t += 1000);
        EXPECT_FALSE(out.rejected) << c.state;
        EXPECT_EQ(r.state(), State::done) << c.state;
        EXPECT_EQ(out.holds.size(), c.holds) << c.state;
        for (const auto& h : out.holds) EXPECT_EQ(h.outcome, HoldOutcome::stopped) << c.state;
        ASSERT_EQ(out.visits.size(), c.visits) << c.state;
        for (const auto& v : out.visits) EXPECT_EQ(v.outcome, VisitOutcome::stopped) << c.state;
        if (std::string(c.state) == "paused") {
            EXPECT_EQ(out.holds[0].hold_s, 1) << "the pause is not held time";
        }
        EXPECT_TRUE(r.send(EventType::tick, t + 500'000).holds.empty()) << c.state;
        EXPECT_TRUE(r.send(EventType::start, t + 500'001).rejected) << c.state;
        EXPECT_TRUE(r.send(EventType::quit, t + 500'002).rejected) << c.state;
    }
}

// --- timed cues -------------------------------------------------------------------------------

TEST(SessionEngine, HoldCuesFireOnceAtTheirTimes) {
    Drive r(calves_both_sides_then_hamstrings());
    const std::int64_t f = s_ms(10);
    start_and_hold(r, f);
    for (std::int64_t t = f + 500; t < f + s_ms(90); t += 500) r.send(EventType::tick, t);
    EXPECT_EQ(r.times_of("hold_start"), (std::vector<std::int64_t>{f}));
    EXPECT_EQ(r.times_of("hold_core"), (std::vector<std::int64_t>{f + s_ms(10)}));
    EXPECT_EQ(r.times_of("hold_breathe"), (std::vector<std::int64_t>{f + s_ms(20), f + s_ms(40), f + s_ms(60), f + s_ms(80)}));
    EXPECT_EQ(r.times_of("hold_min_reached"), (std::vector<std::int64_t>{f + s_ms(30)}));
    EXPECT_TRUE(r.times_of("hold_max_reached").empty());
    auto min = std::find_if(r.cues.begin(), r.cues.end(), [](const Cue& c) { return c.id == "hold_min_reached"; });
    ASSERT_NE(min, r.cues.end());
    EXPECT_NE(min->text.find("30"), std::string::npos) << min->text;
}

TEST(SessionEngine, LateTickGivesCuesTheirScheduledTimesInOrder) {
    Drive r(calves_both_sides_then_hamstrings());
    const std::int64_t f = s_ms(10);
    start_and_hold(r, f);
    const auto& out = r.send(EventType::tick, f + s_ms(25) + 700);
    EXPECT_EQ(ids_of(out.cues), (std::vector<std::string>{"hold_core", "hold_breathe"}));
    ASSERT_EQ(out.cues.size(), 2u);
    EXPECT_EQ(out.cues[0].at_ms, f + s_ms(10));
    EXPECT_EQ(out.cues[1].at_ms, f + s_ms(20));
    // An event arriving late also sees the cues that were due before it, at their own times.
    const auto& eased = r.send(EventType::eased, f + s_ms(33), 2);
    ASSERT_FALSE(eased.rejected);
    ASSERT_NE(find_cue(eased, "hold_min_reached"), nullptr);
    EXPECT_EQ(find_cue(eased, "hold_min_reached")->at_ms, f + s_ms(30));
}

// Replays with sparse ticks must say exactly what a live session with dense ticks says.
TEST(SessionEngine, SparseTicksGiveTheSameRepeatingCuesAsDenseTicks) {
    const std::int64_t f = s_ms(10);
    Drive dense(calves_both_sides_then_hamstrings());
    start_and_hold(dense, f);
    for (std::int64_t t = f + 1000; t <= f + s_ms(85); t += 1000) dense.send(EventType::tick, t);
    Drive sparse(calves_both_sides_then_hamstrings());
    start_and_hold(sparse, f);
    sparse.send(EventType::tick, f + s_ms(85));
    EXPECT_EQ(sparse.times_of("hold_breathe"), (std::vector<std::int64_t>{f + s_ms(20), f + s_ms(40), f + s_ms(60), f + s_ms(80)}));
    EXPECT_EQ(sparse.times_of("hold_breathe"), dense.times_of("hold_breathe"));
    EXPECT_EQ(sparse.ids(), dense.ids());
}

TEST(SessionEngine, RollingCuesRepeatEveryTwentySeconds) {
    const auto* calves = test::catalog().technique("calves_roll");
    ASSERT_NE(calves, nullptr);
    Drive r(calves_both_sides_then_hamstrings());
    r.send(EventType::start, 0);
    const std::int64_t p = s_ms(4);
    r.send(EventType::in_position, p);
    for (std::int64_t t = p + 250; t <= p + s_ms(70); t += 250) r.send(EventType::tick, t);
    EXPECT_EQ(r.times_of("rolling_slow"), (std::vector<std::int64_t>{p, p + s_ms(20), p + s_ms(40), p + s_ms(60)}));
    EXPECT_EQ(r.times_of("rolling_avoid"), (std::vector<std::int64_t>{p + s_ms(8)}));
    EXPECT_EQ(r.times_of("rolling_long"), (std::vector<std::int64_t>{p + s_ms(60)}));
    auto avoid = std::find_if(r.cues.begin(), r.cues.end(), [](const Cue& c) { return c.id == "rolling_avoid"; });
    ASSERT_NE(avoid, r.cues.end());
    EXPECT_EQ(avoid->text, calves->avoid.front());
}

TEST(SessionEngine, RollingScheduleRestartsAfterAHold) {
    Drive r(calves_both_sides_then_hamstrings());
    start_and_hold(r, s_ms(10));
    r.send(EventType::too_painful, s_ms(20));  // back to rolling at 20 s
    for (std::int64_t t = s_ms(21); t <= s_ms(45); t += 1000) r.send(EventType::tick, t);
    auto slow = r.times_of("rolling_slow");
    // Once at 5 s (first rolling), then 20 s into the second rolling spell: 40 s.
    EXPECT_EQ(slow, (std::vector<std::int64_t>{s_ms(5), s_ms(40)}));
    auto avoid = r.times_of("rolling_avoid");
    EXPECT_EQ(avoid, (std::vector<std::int64_t>{s_ms(28)}));
}

TEST(SessionEngine, NoTimedCuesWhilePausedAndNoneMissedAfter) {
    Drive r(calves_both_sides_then_hamstrings());
    const std::int64_t f = s_ms(10);
    start_and_hold(r, f);
    r.send(EventType::pause, f + s_ms(5));
    r.send(EventType::tick, f + s_ms(500));
    EXPECT_TRUE(r.times_of("hold_core").empty());
    r.send(EventType::resume, f + s_ms(600));
    const auto& out = r.send(EventType::tick, f + s_ms(606));
    // hold_core is due 10 s of active time in: 5 s before the pause + 5 s after it.
    ASSERT_NE(find_cue(out, "hold_core"), nullptr);
    EXPECT_EQ(find_cue(out, "hold_core")->at_ms, f + s_ms(605));
    EXPECT_EQ(r.times_of("hold_core").size(), 1u);
}

// --- stretches --------------------------------------------------------------------------------

TEST(SessionEngine, StretchCompletesAutomaticallyAtItsHoldTarget) {
    Drive r(plan_of({}, {stretch_item("wall_calf_stretch_straight_knee", Side::left, 30),
                       stretch_item("wall_calf_stretch_straight_knee", Side::right, 45)}));
    r.send(EventType::start, 0);
    const auto& in = r.send(EventType::in_position, s_ms(10));
    EXPECT_EQ(r.state(), State::stretching);
    EXPECT_EQ(r.times_of("stretch_start"), (std::vector<std::int64_t>{s_ms(10)}));
    EXPECT_TRUE(in.visits.empty());
    EXPECT_TRUE(r.send(EventType::found, s_ms(12), 5).rejected);  // nothing to hold in a stretch
    r.send(EventType::tick, s_ms(39));
    EXPECT_EQ(r.state(), State::stretching);
    const auto& done = r.send(EventType::tick, s_ms(40));
    ASSERT_EQ(done.visits.size(), 1u);
    EXPECT_EQ(done.visits[0].kind, ItemKind::stretch);
    EXPECT_EQ(done.visits[0].outcome, VisitOutcome::done);
    EXPECT_EQ(done.visits[0].ended_ms, s_ms(40));
    EXPECT_EQ(ids_of(done.cues), (std::vector<std::string>{"stretch_done", "switch_sides", "positioning_stretch"}));
    EXPECT_EQ(r.state(), State::positioning);

    r.send(EventType::in_position, s_ms(50));
    const auto& end = r.send(EventType::tick, s_ms(200));
    ASSERT_EQ(end.visits.size(), 1u);
    EXPECT_EQ(end.visits[0].ended_ms, s_ms(95));  // 45 s after getting into position
    EXPECT_EQ(r.times_of("stretch_start").size(), 2u);
    EXPECT_EQ(r.times_of("session_done"), (std::vector<std::int64_t>{s_ms(95)}));
    EXPECT_EQ(r.state(), State::done);
    EXPECT_TRUE(r.holds.empty());
}

TEST(SessionEngine, StretchWithSeveralSetsLastsAllOfThem) {
    Drive r(plan_of({}, {stretch_item("wall_calf_stretch_straight_knee", Side::left, 30, 2)}));
    r.send(EventType::start, 0);
    r.send(EventType::in_position, 0);
    r.send(EventType::tick, s_ms(59));
    EXPECT_EQ(r.state(), State::stretching);
    r.send(EventType::tick, s_ms(60));
    EXPECT_EQ(r.state(), State::done);
}

// --- cue text ---------------------------------------------------------------------------------

TEST(SessionEngine, NoCueLeavesAPlaceholderUnreplaced) {
    // Drive in every state and through every cue the engine speaks; Drive checks each cue's text.
    Drive r(plan_of({smr_item("calves_roll", Side::left), smr_item("thoracic_spine_roll", std::nullopt)},
                  {stretch_item("wall_calf_stretch_straight_knee", Side::left)}));
    r.send(EventType::start, 0);
    r.send(EventType::too_painful, s_ms(1));  // while positioning
    r.send(EventType::in_position, s_ms(2));
    for (std::int64_t t = s_ms(3); t <= s_ms(70); t += 1000) r.send(EventType::tick, t);
    r.send(EventType::found, s_ms(71), 6);
    r.send(EventType::eased, s_ms(80), 4);  // early: {hold_min}
    r.send(EventType::found, s_ms(81), 6);
    r.send(EventType::pause, s_ms(82));
    r.send(EventType::resume, s_ms(83));
    r.send(EventType::tick, s_ms(200));  // time-out
    r.send(EventType::in_position, s_ms(201));
    r.send(EventType::found, s_ms(202), 5);
    r.send(EventType::too_painful, s_ms(210), 8);
    r.send(EventType::next, s_ms(211));
    r.send(EventType::in_position, s_ms(212));
    r.send(EventType::too_painful, s_ms(213));  // while stretching
    r.send(EventType::tick, s_ms(300));
    EXPECT_EQ(r.state(), State::done);
    std::vector<std::string> spoken = r.ids();
    for (const auto& id : {"session_start", "positioning", "positioning_stretch", "rolling_slow", "rolling_avoid", "rolling_long", "hold_start", "hold_core",
                           "hold_breathe", "hold_min_reached", "hold_max_reached", "hold_released_early", "too_painful", "next_item",
                           "stretch_start", "stretch_done", "paused", "resumed", "session_done"})
        EXPECT_NE(std::find(spoken.begin(), spoken.end(), id), spoken.end()) << id << " was never spoken";
    for (const auto& c : r.cues) {
        EXPECT_FALSE(c.text.empty()) << c.id;
        EXPECT_EQ(c.text.find('{'), std::string::npos) << c.id << ": " << c.text;
    }
}

TEST(SessionEngine, EventNamesRoundTrip) {
    for (auto t : {EventType::start, EventType::in_position, EventType::found, EventType::eased, EventType::too_painful, EventType::next,
                   EventType::skip, EventType::pause, EventType::resume, EventType::quit, EventType::tick})
        EXPECT_EQ(parse_event_type(to_string(t)), t);
    EXPECT_FALSE(parse_event_type("hold").has_value());
    for (auto o : {HoldOutcome::eased, HoldOutcome::too_painful, HoldOutcome::timed_out, HoldOutcome::stopped, HoldOutcome::released_early})
        EXPECT_EQ(parse_hold_outcome(to_string(o)), o);
    for (auto o : {VisitOutcome::done, VisitOutcome::skipped, VisitOutcome::stopped}) EXPECT_EQ(parse_visit_outcome(to_string(o)), o);
    EXPECT_FALSE(parse_hold_outcome("").has_value());
}

}  // namespace
}  // namespace unknot
