// The planner: profile -> plan. Safety rules are enforced here and re-checked by property tests:
// refer => nothing planned; excluded regions never rolled; holds inside 30-90 s; inhibit before
// lengthen; per-side techniques on both sides unless one is excluded or the target names one.
#include <algorithm>
#include <map>
#include <set>

#include "common/error.hpp"
#include "common/text.hpp"
#include "planning/plan.hpp"
#include "planning/targets.hpp"
#include "planning/timing.hpp"

namespace unknot {

std::string_view to_string(Context c) {
    switch (c) {
        case Context::warm_up: return "warm_up";
        case Context::cool_down: return "cool_down";
        case Context::daily: return "daily";
    }
    return "daily";
}

std::optional<Context> parse_context(std::string_view s) {
    if (s == "warm_up") return Context::warm_up;
    if (s == "cool_down") return Context::cool_down;
    if (s == "daily") return Context::daily;
    return std::nullopt;
}

std::string_view to_string(PhaseKind p) {
    switch (p) {
        case PhaseKind::inhibit: return "inhibit";
        case PhaseKind::lengthen: return "lengthen";
        case PhaseKind::activate: return "activate";
        case PhaseKind::integrate: return "integrate";
    }
    return "inhibit";
}

std::string_view to_string(ItemKind k) {
    switch (k) {
        case ItemKind::smr: return "smr";
        case ItemKind::stretch: return "stretch";
        case ItemKind::activation: return "activation";
        case ItemKind::integration: return "integration";
    }
    return "smr";
}

std::optional<ItemKind> parse_item_kind(std::string_view s) {
    for (auto k : {ItemKind::smr, ItemKind::stretch, ItemKind::activation, ItemKind::integration})
        if (to_string(k) == s) return k;
    return std::nullopt;
}

namespace {

bool contains(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }
void add_unique(std::vector<std::string>& v, const std::string& s) {
    if (!contains(v, s)) v.push_back(s);
}

// One technique chosen for one or more targets, before it becomes per-side items.
struct Unit {
    int rank = 0;  // higher is kept longer when time runs short
    std::vector<Why> why;
    const Technique* technique = nullptr;
    std::string tool;
    std::vector<std::string> muscles;  // asked muscles this technique covers
    std::vector<std::string> targets;
    std::vector<std::optional<Side>> sides;  // {nullopt} for unsided techniques
    std::map<std::optional<Side>, std::vector<std::string>> served;  // targets served on each side
    std::vector<PlanItem> smr, stretches;
    int seconds() const {
        int s = 0;
        for (const auto& i : smr) s += i.seconds;
        for (const auto& i : stretches) s += i.seconds;
        return s;
    }
};

class Planner {
public:
    Planner(const Profile& p, const Catalog& c) : p_(p), c_(c) {}

    Plan run() {
        validate();
        plan_.screening = screen(p_.answers, c_, p_.clearances, p_.today);
        plan_.context = p_.context;
        plan_.budget_seconds = p_.minutes * 60;
        if (plan_.screening.verdict == Verdict::refer) {
            for (const auto& t : p_.targets) plan_.dropped.push_back({t, "screening says do not roll: see a medical professional first"});
            plan_.notes.push_back("Nothing to roll today. Please talk to a doctor or physiotherapist before foam rolling.");
            return std::move(plan_);
        }
        if (p_.assessment) {
            plan_.assessment = within("assessment", ".", [&] { return assess(*p_.assessment, c_); });
            // Overactive muscles first, most findings first: they are why the plan exists.
            for (const auto& x : plan_.assessment->overactive) {
                rank_ = 1000 + x.count();
                why_.clear();
                for (const auto& b : x.because) why_.push_back({b.finding, x.muscle, "overactive", b.sources});
                auto asked = x.side ? x.muscle + ":" + std::string(to_string(*x.side)) : x.muscle;
                choose(resolve_target(asked, 0, c_));
            }
        }
        for (std::size_t i = 0; i < p_.targets.size(); ++i) {
            rank_ = 1000 - static_cast<int>(i) - 1 - (p_.assessment ? 100 : 0);
            why_ = {{"", p_.targets[i], "asked", {}}};
            choose(resolve_target(p_.targets[i], i, c_));
        }
        cap_techniques();
        for (auto& u : units_) build_items(u);
        if (plan_.assessment) {
            plan_activations();
            plan_integration();
        }
        fit_budget();
        assemble();
        return std::move(plan_);
    }

private:
    void validate() {
        if (p_.targets.empty() && (!p_.assessment || p_.assessment->findings.empty()))
            throw InputError("targets", "list at least one muscle or region to work on, e.g. [\"calf\", \"hamstrings\"], or assessment findings");
        if (p_.minutes < 1 || p_.minutes > 240) throw InputError("minutes", "must be a whole number of minutes from 1 to 240");
        if (p_.tools.empty()) throw InputError("tools", "list at least one tool, e.g. [\"foam_roller\"]");
        for (std::size_t i = 0; i < p_.tools.size(); ++i)
            if (!c_.tool(p_.tools[i]))
                throw InputError("tools[" + std::to_string(i) + "]", "unknown tool `" + p_.tools[i] + "`" + did_you_mean(nearest(p_.tools[i], c_.tool_ids())));
        for (const auto& [m, s] : p_.learned_hold_s)
            if (!c_.muscle(m)) throw InputError("learned_hold_s." + m, "unknown muscle");
    }

    bool needs_floor(const Technique& t, const Tool& tool) const {
        return tool.needs_floor || (t.needs_floor && !tool.held_in_hand);
    }

    // The tool to use: the screening's preferences first, then the person's own order.
    std::string pick_tool(const Technique& t) const {
        auto usable = [&](const std::string& id) {
            return contains(p_.tools, id) && contains(t.tools, id) && !(plan_.screening.no_floor && needs_floor(t, *c_.tool(id)));
        };
        for (const auto& id : plan_.screening.prefer_tools)
            if (usable(id)) return id;
        for (const auto& id : p_.tools)
            if (usable(id)) return id;
        return {};
    }

    // The place the person asked about is itself excluded on that side: a region target, or a
    // muscle all of whose regions are excluded. Then no technique may reach it from elsewhere.
    bool target_excluded(const Target& target, std::optional<Side> side) const {
        const auto& s = plan_.screening;
        if (target.is_region) return s.excludes(target.id, side);
        const Muscle* m = c_.muscle(target.id);
        return std::all_of(m->regions.begin(), m->regions.end(), [&](const std::string& g) { return s.excludes(g, side); });
    }

    // Sides a technique may be rolled on for this target: neither the roller's regions nor the
    // target's own place excluded, and only the side the person named, if any.
    std::vector<std::optional<Side>> allowed_sides(const Technique& t, const Target& target) const {
        const auto& s = plan_.screening;
        auto only = target.side;
        auto excluded = [&](std::optional<Side> side) {
            return target_excluded(target, side) ||
                   std::any_of(t.regions.begin(), t.regions.end(), [&](const std::string& g) { return s.excludes(g, side); });
        };
        std::vector<std::optional<Side>> out;
        if (!t.per_side) {
            if (!excluded(std::nullopt)) out.push_back(std::nullopt);
            return out;
        }
        for (Side side : {Side::left, Side::right})
            if ((!only || *only == side) && !excluded(side)) out.push_back(side);
        return out;
    }

    void drop(const std::string& target, std::string reason) {
        for (const auto& d : plan_.dropped)
            if (d.target == target && d.reason == reason) return;
        plan_.dropped.push_back({target, std::move(reason)});
    }

    // Greedy cover: the technique that covers most of the target's muscles first.
    void choose(const Target& target) {
        if (target.is_region && !c_.region(target.id)->rollable) {
            drop(target.asked, "never rolled: " + c_.region(target.id)->why_not);
            return;
        }
        std::vector<std::string> left;
        for (const auto& m : target.muscles) {
            bool has_any = std::any_of(c_.techniques().begin(), c_.techniques().end(),
                                       [&](const Technique& t) { return contains(t.muscles, m); });
            if (has_any) left.push_back(m);
            else if (!target.is_region) drop(target.asked, "no safe way to roll " + c_.muscle(m)->name + "; stretch it or ask a trainer");
        }
        if (left.empty() && target.is_region) {
            const Region* g = c_.region(target.id);
            drop(target.asked, g->rollable ? "no rolling technique reaches the " + g->name + " yet" : "never rolled: " + g->why_not);
        }
        std::string blocked;
        while (!left.empty()) {
            const Technique* best = nullptr;
            std::size_t best_n = 0;
            std::string best_tool;
            std::vector<std::optional<Side>> best_sides;
            for (const auto& t : c_.techniques()) {
                auto n = static_cast<std::size_t>(std::count_if(left.begin(), left.end(), [&](const std::string& m) { return contains(t.muscles, m); }));
                if (n <= best_n) continue;
                auto tool = pick_tool(t);
                if (tool.empty()) {
                    blocked = "none of your tools (" + join(p_.tools, ", ") + ") works for " + t.name + (plan_.screening.no_floor ? " off the floor" : "");
                    continue;
                }
                auto sides = allowed_sides(t, target);
                if (sides.empty()) {
                    std::vector<std::string> where;
                    if (target.is_region) where.push_back(c_.region(target.id)->name);
                    for (const auto& g : t.regions)
                        if (!target.is_region || g != target.id) where.push_back(c_.region(g)->name);
                    blocked = "the screening excludes " + join(where, ", ") + (target.side ? " (" + std::string(to_string(*target.side)) + ")" : "");
                    continue;
                }
                best = &t, best_n = n, best_tool = tool, best_sides = sides;
            }
            if (!best) {
                drop(target.asked, blocked.empty() ? "no technique fits" : blocked);
                return;
            }
            std::vector<std::string> covered;
            std::erase_if(left, [&](const std::string& m) {
                if (!contains(best->muscles, m)) return false;
                covered.push_back(m);
                return true;
            });
            merge(target.asked, *best, best_tool, covered, best_sides);
        }
    }

    void merge(const std::string& target, const Technique& t, const std::string& tool, const std::vector<std::string>& muscles,
               const std::vector<std::optional<Side>>& sides) {
        auto it = std::find_if(units_.begin(), units_.end(), [&](const Unit& u) { return u.technique == &t; });
        if (it == units_.end()) {
            units_.push_back(Unit{rank_, {}, &t, tool, {}, {}, {}, {}, {}, {}});
            it = units_.end() - 1;
        }
        for (const auto& m : muscles) add_unique(it->muscles, m);
        add_unique(it->targets, target);
        it->rank = std::max(it->rank, rank_);
        for (const auto& w : why_) it->why.push_back(w);
        for (auto s : sides) {
            if (std::find(it->sides.begin(), it->sides.end(), s) == it->sides.end()) it->sides.push_back(s);
            auto& served = it->served[s];
            add_unique(served, target);
        }
        std::sort(it->sides.begin(), it->sides.end());
    }

    void cap_techniques() {
        auto cap = static_cast<std::size_t>(timing::max_techniques(p_.context));
        if (units_.size() <= cap) return;
        for (std::size_t i = cap; i < units_.size(); ++i)
            for (const auto& t : units_[i].targets)
                drop(t, "a " + std::string(to_string(p_.context)) + " works best with 1 to 3 muscle groups; this one is left for another day");
        units_.resize(cap);
        plan_.notes.push_back("Warm-ups and cool-downs cover at most 3 muscle groups (NASM).");
    }

    int hold_target(const Unit& u) const {
        int hold = timing::default_hold_s(p_.context);
        int learned = 0;
        for (const auto& m : u.technique->muscles) {
            auto it = p_.learned_hold_s.find(m);
            if (it != p_.learned_hold_s.end()) learned = std::max(learned, it->second);
        }
        if (learned) hold = learned;
        return std::clamp(hold, u.technique->hold_min_s, u.technique->hold_max_s);
    }

    void build_items(Unit& u) {
        const Technique& t = *u.technique;
        for (auto side : u.sides) {
            PlanItem i;
            i.kind = ItemKind::smr;
            i.id = t.id, i.name = t.name, i.side = side;
            i.muscles = t.muscles, i.regions = t.regions, i.targets = u.served.at(side), i.tool = u.tool;
            i.roll_s = timing::roll_s(p_.context);
            i.hold_min_s = t.hold_min_s, i.hold_max_s = t.hold_max_s;
            i.hold_target_s = hold_target(u);
            i.sets = 1;
            i.seconds = (timing::position_s + i.roll_s + i.hold_target_s) * i.sets;
            i.why = u.why;
            u.smr.push_back(std::move(i));
        }
        for (const Stretch* s : pick_stretches(u)) {
            std::vector<std::optional<Side>> sides;
            if (s->per_side) {
                for (auto side : u.sides)
                    if (side) sides.push_back(side);
                if (sides.empty()) sides = {Side::left, Side::right};
            } else {
                sides.push_back(std::nullopt);
            }
            for (auto side : sides) {
                // A stretch loads its regions too: none of them may be excluded on that side.
                if (std::any_of(s->regions.begin(), s->regions.end(), [&](const std::string& g) { return plan_.screening.excludes(g, side); }))
                    continue;
                auto key = s->id + ":" + (side ? std::string(to_string(*side)) : "");
                if (!stretched_.insert(key).second) continue;
                PlanItem i;
                i.kind = ItemKind::stretch;
                i.id = s->id, i.name = s->name, i.side = side;
                i.muscles = s->muscles, i.regions = s->regions;
                i.targets = u.served.contains(side) ? u.served.at(side) : u.targets;
                i.hold_target_s = plan_.screening.older_adult ? s->hold_s_older_adult : s->hold_s;
                i.sets = 1;
                i.seconds = (timing::position_s + i.hold_target_s) * i.sets;
                i.why = u.why;
                u.stretches.push_back(std::move(i));
            }
        }
    }

    // Stretches that lengthen what was inhibited: fewest stretches covering the unit's muscles.
    std::vector<const Stretch*> pick_stretches(const Unit& u) {
        std::vector<std::string> left = u.muscles;
        std::vector<const Stretch*> out;
        while (!left.empty()) {
            const Stretch* best = nullptr;
            std::size_t best_n = 0;
            for (const auto& s : c_.stretches()) {
                if (plan_.screening.no_floor && s.needs_floor) continue;
                bool blocked = std::all_of(u.sides.begin(), u.sides.end(), [&](std::optional<Side> side) {
                    return std::any_of(s.regions.begin(), s.regions.end(), [&](const std::string& g) { return plan_.screening.excludes(g, side); });
                });
                if (blocked) continue;
                auto n = static_cast<std::size_t>(std::count_if(left.begin(), left.end(), [&](const std::string& m) { return contains(s.muscles, m); }));
                if (n > best_n) best = &s, best_n = n;
            }
            if (!best) {
                std::vector<std::string> names;
                for (const auto& m : left) names.push_back(c_.muscle(m)->name);
                plan_.notes.push_back("No stretch off the floor for " + join(names, ", ") + "; ask a trainer for a standing option.");
                break;
            }
            std::erase_if(left, [&](const std::string& m) { return contains(best->muscles, m); });
            out.push_back(best);
        }
        return out;
    }

    // Activation for each underactive muscle, most findings first: the exercise that covers it
    // (and most other underactive muscles), never loading an excluded place.
    void plan_activations() {
        const auto& s = plan_.screening;
        for (const auto& x : plan_.assessment->underactive) {
            const Activation* best = nullptr;
            std::string blocked;
            for (const auto& a : c_.activations()) {
                if (!contains(a.muscles, x.muscle)) continue;
                if (s.no_floor && a.needs_floor) {
                    blocked = a.name + " needs the floor";
                    continue;
                }
                // A two-sided exercise loads both sides, whatever side the finding was on.
                auto load_side = a.per_side ? x.side : std::nullopt;
                bool excluded = std::any_of(a.regions.begin(), a.regions.end(), [&](const std::string& g) { return s.excludes(g, load_side); });
                if (excluded) {
                    blocked = "the screening excludes a region " + a.name + " loads";
                    continue;
                }
                best = &a;
                break;
            }
            auto label = x.side ? x.muscle + ":" + std::string(to_string(*x.side)) : x.muscle;
            if (!best) {
                drop(label, blocked.empty() ? "no activation exercise fits" : blocked);
                continue;
            }
            std::vector<std::optional<Side>> sides;
            if (best->per_side) {
                for (Side side : {Side::left, Side::right})
                    if ((!x.side || *x.side == side) &&
                        !std::any_of(best->regions.begin(), best->regions.end(), [&](const std::string& g) { return s.excludes(g, side); }))
                        sides.push_back(side);
            } else {
                sides.push_back(std::nullopt);
            }
            Extra e;
            e.rank = 1000 + x.count();
            e.label = label;
            for (auto side : sides) {
                auto key = best->id + ":" + (side ? std::string(to_string(*side)) : "");
                auto found = std::find_if(extras_.begin(), extras_.end(), [&](const Extra& o) {
                    return std::any_of(o.items.begin(), o.items.end(), [&](const PlanItem& i) {
                        return i.id + ":" + (i.side ? std::string(to_string(*i.side)) : "") == key;
                    });
                });
                std::vector<Why> why;
                for (const auto& b : x.because) why.push_back({b.finding, x.muscle, "underactive", b.sources});
                if (found != extras_.end()) {  // one exercise serves several underactive muscles
                    for (auto& i : found->items)
                        if (i.side == side) i.why.insert(i.why.end(), why.begin(), why.end());
                    continue;
                }
                PlanItem i;
                i.kind = ItemKind::activation;
                i.id = best->id, i.name = best->name, i.side = side;
                i.muscles = best->muscles, i.regions = best->regions, i.targets = {label};
                i.reps_min = best->reps_min, i.reps_max = best->reps_max;
                i.tempo = best->tempo, i.isometric_s = best->isometric_s;
                i.sets = 1;
                i.seconds = timing::activation_s((i.reps_min + i.reps_max) / 2, i.tempo, i.isometric_s);
                i.why = std::move(why);
                e.items.push_back(std::move(i));
            }
            if (!e.items.empty()) extras_.push_back(std::move(e));
        }
    }

    // One whole-body movement over the regions the findings involve, none of them excluded.
    void plan_integration() {
        const auto& s = plan_.screening;
        std::vector<std::string> involved;
        for (const auto* list : {&plan_.assessment->overactive, &plan_.assessment->underactive})
            for (const auto& x : *list)
                if (const Muscle* m = c_.muscle(x.muscle))
                    for (const auto& g : m->regions) add_unique(involved, g);
        const Integration* best = nullptr;
        std::size_t best_n = 0;
        for (const auto& g : c_.integrations()) {
            if (s.no_floor && g.needs_floor) continue;
            if (std::any_of(g.regions.begin(), g.regions.end(), [&](const std::string& r) { return s.excludes(r, std::nullopt); })) continue;
            auto n = static_cast<std::size_t>(std::count_if(g.regions.begin(), g.regions.end(), [&](const std::string& r) { return contains(involved, r); }));
            if (n > best_n) best = &g, best_n = n;
        }
        if (!best) {
            if (!c_.integrations().empty()) drop("integrate", "no whole-body movement avoids the excluded regions");
            return;
        }
        PlanItem i;
        i.kind = ItemKind::integration;
        i.id = best->id, i.name = best->name;
        i.muscles = best->muscles, i.regions = best->regions, i.targets = {"integrate"};
        i.reps_min = best->reps_min, i.reps_max = best->reps_max;
        i.sets = 1;
        i.seconds = timing::integration_s((i.reps_min + i.reps_max) / 2);
        for (const auto& f : p_.assessment->findings) i.why.push_back({f.id, "", "integrate", best->sources});
        extras_.push_back(Extra{0, "integrate", {std::move(i)}});
    }

    // Lowest rank goes first when time is short: the integration movement, then the muscles
    // implicated by the fewest findings, then targets asked for last.
    void fit_budget() {
        struct Ref {
            int rank;
            std::size_t seq;  // position among its own kind: equal ranks alternate rolling and activation
            int order;
            bool extra;
            std::size_t index;
        };
        std::vector<Ref> refs;
        for (std::size_t i = 0; i < units_.size(); ++i) refs.push_back({units_[i].rank, i, 0, false, i});
        for (std::size_t i = 0; i < extras_.size(); ++i) refs.push_back({extras_[i].rank, i, 1, true, i});
        std::stable_sort(refs.begin(), refs.end(), [](const Ref& a, const Ref& b) {
            if (a.rank != b.rank) return a.rank > b.rank;
            if (a.seq != b.seq) return a.seq < b.seq;
            return a.order < b.order;
        });
        auto cost = [&](const Ref& r) {
            if (!r.extra) return units_[r.index].seconds();
            int s = 0;
            for (const auto& i : extras_[r.index].items) s += i.seconds;
            return s;
        };
        int total = 0;
        for (const auto& r : refs) total += cost(r);
        std::vector<bool> drop_unit(units_.size(), false), drop_extra(extras_.size(), false);
        std::vector<Ref> dropped;
        while (!refs.empty() && total > plan_.budget_seconds) {
            dropped.push_back(refs.back());
            refs.pop_back();
            total -= cost(dropped.back());
        }
        // Something dropped may still fit in what is left (a short integration movement after a
        // long roll was trimmed): take it back, highest rank first.
        for (auto it = dropped.rbegin(); it != dropped.rend(); ++it) {
            if (total + cost(*it) <= plan_.budget_seconds) {
                total += cost(*it);
                continue;
            }
            const Ref& r = *it;
            auto reason = "does not fit in " + std::to_string(p_.minutes) + " min (needs about " + std::to_string((cost(r) + 59) / 60) + " min)";
            if (r.extra) {
                drop_extra[r.index] = true;
                drop(extras_[r.index].label, reason);
            } else {
                drop_unit[r.index] = true;
                for (const auto& t : units_[r.index].targets) drop(t, reason);
            }
        }
        std::vector<Unit> kept_units;
        for (std::size_t i = 0; i < units_.size(); ++i)
            if (!drop_unit[i]) kept_units.push_back(std::move(units_[i]));
        units_ = std::move(kept_units);
        std::vector<Extra> kept_extras;
        for (std::size_t i = 0; i < extras_.size(); ++i)
            if (!drop_extra[i]) kept_extras.push_back(std::move(extras_[i]));
        extras_ = std::move(kept_extras);
    }

    void assemble() {
        Phase inhibit{PhaseKind::inhibit, {}}, lengthen{PhaseKind::lengthen, {}}, activate{PhaseKind::activate, {}}, integrate{PhaseKind::integrate, {}};
        for (auto& u : units_) {
            for (auto& i : u.smr) inhibit.items.push_back(std::move(i));
            for (auto& i : u.stretches) lengthen.items.push_back(std::move(i));
        }
        for (auto& e : extras_)
            for (auto& i : e.items) (i.kind == ItemKind::activation ? activate : integrate).items.push_back(std::move(i));
        for (auto* ph : {&inhibit, &lengthen, &activate, &integrate}) {
            for (const auto& i : ph->items) plan_.total_seconds += i.seconds;
            if (!ph->items.empty()) plan_.phases.push_back(std::move(*ph));
        }
    }

    // Activation or integration items planned for one underactive muscle (or the whole plan).
    struct Extra {
        int rank = 0;
        std::string label;
        std::vector<PlanItem> items;
    };

    const Profile& p_;
    const Catalog& c_;
    Plan plan_;
    std::vector<Unit> units_;
    std::vector<Extra> extras_;
    std::set<std::string> stretched_;
    int rank_ = 0;          // rank of the target being chosen
    std::vector<Why> why_;  // and why it is there
};

}  // namespace

Plan make_plan(const Profile& profile, const Catalog& catalog) { return Planner(profile, catalog).run(); }

}  // namespace unknot
