// The safety spine as properties over many random profiles, not just examples:
//   refer => nothing rolled; an excluded region is never rolled; holds stay inside 30-90 s;
//   every lengthen after all inhibit; per-side techniques on both sides unless a side is
//   excluded or asked for; the plan fits the time budget; tools are ones the person owns.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <random>
#include <set>

#include "codec/codec.hpp"
#include "codec/json_util.hpp"
#include "planning/plan.hpp"
#include "support/catalog_fixture.hpp"

namespace unknot {
namespace {

constexpr int kProfiles = 10000;

class RandomProfiles {
public:
    explicit RandomProfiles(std::uint32_t seed) : rng_(seed) {}

    Profile next() {
        const auto& c = test::catalog();
        Profile p;
        // Conditions are rare, as in life; follow-ups are answered most of the time.
        for (const auto& cond : c.conditions()) {
            if (!chance(0.025)) continue;
            p.answers[cond.id] = chance(0.9);
            if (cond.follow_up && chance(0.8)) {
                if (cond.follow_up->kind == FollowUpKind::yes_no) p.answers[cond.follow_up->id] = chance(0.5);
                else p.answers[cond.follow_up->id] = random_places();
            }
        }
        int n = pick(1, 6);
        for (int i = 0; i < n; ++i) p.targets.push_back(random_target());
        p.minutes = pick(1, 60);
        p.tools.clear();
        for (const auto& t : c.tools())
            if (chance(0.5)) p.tools.push_back(t.id);
        if (p.tools.empty()) p.tools.push_back(c.tools()[static_cast<std::size_t>(pick(0, static_cast<int>(c.tools().size()) - 1))].id);
        p.context = std::array{Context::warm_up, Context::cool_down, Context::daily}[static_cast<std::size_t>(pick(0, 2))];
        if (chance(0.2))
            for (const auto& m : c.muscles())
                if (chance(0.2)) p.learned_hold_s[m.id] = pick(30, 90);
        return p;
    }

private:
    bool chance(double p) { return std::uniform_real_distribution<>(0, 1)(rng_) < p; }
    int pick(int lo, int hi) { return std::uniform_int_distribution<>(lo, hi)(rng_); }

    std::vector<std::string> random_places() {
        const auto& regions = test::catalog().regions();
        std::vector<std::string> out;
        int n = pick(0, 2);
        for (int i = 0; i < n; ++i) {
            const auto& g = regions[static_cast<std::size_t>(pick(0, static_cast<int>(regions.size()) - 1))];
            out.push_back(g.sided && chance(0.5) ? g.id + (chance(0.5) ? ":left" : ":right") : g.id);
        }
        return out;
    }

    std::string random_target() {
        const auto& c = test::catalog();
        bool sided = false;
        std::string id;
        if (chance(0.5)) {
            const auto& m = c.muscles()[static_cast<std::size_t>(pick(0, static_cast<int>(c.muscles().size()) - 1))];
            id = m.id, sided = m.sided;
        } else {
            const auto& g = c.regions()[static_cast<std::size_t>(pick(0, static_cast<int>(c.regions().size()) - 1))];
            id = g.id, sided = g.sided;
        }
        if (sided && chance(0.2)) id += chance(0.5) ? ":left" : ":right";
        return id;
    }

    std::mt19937 rng_;
};

std::string describe(const Profile& p, const Plan& plan) {
    boost::json::object answers;
    for (const auto& [k, v] : p.answers) {
        if (auto* b = std::get_if<bool>(&v)) answers[k] = *b;
        else answers[k] = json::strings(std::get<std::vector<std::string>>(v));
    }
    boost::json::object profile{{"screening", boost::json::object{{"answers", answers}}}, {"targets", json::strings(p.targets)},
                                {"minutes", p.minutes}, {"tools", json::strings(p.tools)}, {"context", to_string(p.context)}};
    return "profile: " + boost::json::serialize(profile) + "\nplan: " + boost::json::serialize(json::to_json(plan));
}

bool served_only_one_side(const PlanItem& item, Side side) {
    // Every target this item serves named that side explicitly ("calf:left").
    return std::all_of(item.targets.begin(), item.targets.end(), [&](const std::string& t) {
        return t.ends_with(":" + std::string(to_string(side)));
    });
}

TEST(PlanningProperties, SafetyInvariantsHoldOverRandomProfiles) {
    const auto& c = test::catalog();
    RandomProfiles gen(20261122);
    int refer = 0, caution = 0, with_smr = 0, one_sided = 0;
    for (int n = 0; n < kProfiles; ++n) {
        Profile p = gen.next();
        Plan plan = make_plan(p, c);
        ScreeningResult independent = screen(p.answers, c);
        SCOPED_TRACE(describe(p, plan));
        ASSERT_EQ(plan.screening.verdict, independent.verdict);

        std::vector<const PlanItem*> smr, stretch;
        bool seen_lengthen = false;
        for (const auto& ph : plan.phases) {
            if (ph.phase == PhaseKind::lengthen) seen_lengthen = true;
            ASSERT_FALSE(ph.phase == PhaseKind::inhibit && seen_lengthen) << "inhibit after lengthen";
            for (const auto& i : ph.items) {
                ASSERT_EQ(i.kind == ItemKind::smr, ph.phase == PhaseKind::inhibit) << i.id << " in the wrong phase";
                (i.kind == ItemKind::smr ? smr : stretch).push_back(&i);
            }
        }

        if (independent.verdict == Verdict::refer) {
            ++refer;
            ASSERT_TRUE(smr.empty()) << "refer must plan no rolling";
            ASSERT_TRUE(stretch.empty()) << "refer must plan nothing";
            continue;
        }
        if (independent.verdict == Verdict::caution) {
            ++caution;
        }
        if (!smr.empty()) {
            ++with_smr;
        }

        ASSERT_LE(plan.total_seconds, p.minutes * 60);
        int sum = 0;
        std::set<std::string> techniques;
        for (auto* i : smr) {
            const Technique* t = c.technique(i->id);
            ASSERT_NE(t, nullptr);
            techniques.insert(t->id);
            ASSERT_GE(i->hold_min_s, 30);
            ASSERT_LE(i->hold_max_s, 90);
            ASSERT_LE(i->hold_min_s, i->hold_target_s);
            ASSERT_LE(i->hold_target_s, i->hold_max_s);
            for (const auto& g : i->regions) {
                ASSERT_TRUE(c.region(g)->rollable) << g << " is never rolled";
                ASSERT_FALSE(independent.excludes(g, i->side)) << i->id << " rolls excluded region " << g;
            }
            ASSERT_EQ(t->per_side, i->side.has_value());
            ASSERT_FALSE(i->targets.empty()) << i->id << " serves no target";
            for (const auto& asked : i->targets) {
                auto ref = parse_region_ref(asked);
                if (const Region* g = c.region(ref->region)) {
                    ASSERT_TRUE(g->rollable) << "a never-rolled region was planned: " << asked;
                    ASSERT_FALSE(independent.excludes(g->id, i->side)) << i->id << " reaches excluded target " << asked;
                } else {
                    const Muscle* m = c.muscle(ref->region);
                    bool all_excluded = std::all_of(m->regions.begin(), m->regions.end(),
                                                    [&](const std::string& r) { return independent.excludes(r, i->side); });
                    ASSERT_FALSE(all_excluded) << i->id << " reaches muscle " << asked << " whose place is excluded";
                }
            }
            ASSERT_NE(std::find(p.tools.begin(), p.tools.end(), i->tool), p.tools.end()) << "tool not owned: " << i->tool;
            ASSERT_NE(std::find(t->tools.begin(), t->tools.end(), i->tool), t->tools.end()) << "tool does not fit " << t->id;
            if (independent.no_floor) {
                const Tool* tool = c.tool(i->tool);
                ASSERT_FALSE(tool->needs_floor || (t->needs_floor && !tool->held_in_hand)) << i->id << " needs the floor";
            }
            // Both sides unless the other side is excluded or the person asked for one side only.
            if (i->side) {
                Side o = other(*i->side);
                bool has_other = std::any_of(smr.begin(), smr.end(), [&](const PlanItem* x) { return x->id == i->id && x->side == o; });
                bool other_excluded = std::any_of(t->regions.begin(), t->regions.end(), [&](const std::string& g) { return independent.excludes(g, o); });
                // ... or the place each target names is itself excluded on the other side.
                auto place_excluded = [&](const std::string& asked) {
                    auto ref = parse_region_ref(asked);
                    if (c.region(ref->region)) return independent.excludes(ref->region, o);
                    const Muscle* m = c.muscle(ref->region);
                    return std::all_of(m->regions.begin(), m->regions.end(), [&](const std::string& r) { return independent.excludes(r, o); });
                };
                other_excluded = other_excluded || std::all_of(i->targets.begin(), i->targets.end(), place_excluded);
                if (!has_other) {
                    ++one_sided;
                }
                ASSERT_TRUE(has_other || other_excluded || served_only_one_side(*i, *i->side)) << i->id << " planned on one side only";
            }
            sum += i->seconds;
        }
        if (p.context != Context::daily) {
            ASSERT_LE(techniques.size(), 3u);
        }
        // Stretches lengthen only what was rolled: SMR always comes first.
        for (auto* s : stretch) {
            bool rolled = std::any_of(smr.begin(), smr.end(), [&](const PlanItem* i) {
                return std::any_of(s->muscles.begin(), s->muscles.end(),
                                   [&](const std::string& m) { return std::find(i->muscles.begin(), i->muscles.end(), m) != i->muscles.end(); });
            });
            ASSERT_TRUE(rolled) << s->id << " stretches something that was not rolled";
            sum += s->seconds;
        }
        ASSERT_EQ(sum, plan.total_seconds);
        // Same profile, same plan.
        ASSERT_EQ(boost::json::serialize(json::to_json(make_plan(p, c))), boost::json::serialize(json::to_json(plan)));
    }
    // The generator must actually exercise every branch, or the properties prove little.
    std::printf("profiles: %d refer, %d caution, %d with rolling, %d one-sided items\n", refer, caution, with_smr, one_sided);
    EXPECT_GT(refer, kProfiles / 50);
    EXPECT_GT(caution, kProfiles / 50);
    EXPECT_GT(with_smr, kProfiles / 4);
    EXPECT_GT(one_sided, 10);
}

}  // namespace
}  // namespace unknot
