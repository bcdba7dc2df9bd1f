#include "codec/codec.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"
#include "common/text.hpp"

namespace unknot::json {

bj::value to_json(const ScreeningResult& r, bj::storage_ptr sp) {
    bj::array reasons(sp), excluded(sp), follow_ups(sp);
    for (const auto& x : r.reasons)
        reasons.push_back(bj::object({{"condition", x.condition}, {"outcome", to_string(x.outcome)}, {"text", x.text}}, sp));
    for (const auto& g : r.excluded_regions) excluded.emplace_back(g.str());
    for (const auto& f : r.follow_ups)
        follow_ups.push_back(bj::object({{"condition", f.condition}, {"id", f.id}, {"question", f.question},
                                         {"kind", f.kind == FollowUpKind::yes_no ? "yes_no" : "regions"}},
                                        sp));
    return bj::object({{"verdict", to_string(r.verdict)}, {"reasons", std::move(reasons)}, {"excluded_regions", std::move(excluded)},
                       {"advice", strings(r.advice, sp)}, {"prefer_tools", strings(r.prefer_tools, sp)}, {"no_floor", r.no_floor},
                       {"follow_ups", std::move(follow_ups)}},
                      sp);
}

bj::value to_json(const PlanItem& i, bj::storage_ptr sp) {
    bj::object o(sp);
    o.reserve(16);
    o.emplace("kind", to_string(i.kind));
    o.emplace("id", i.id);
    o.emplace("name", i.name);
    o.emplace("side", i.side ? bj::value(to_string(*i.side), sp) : bj::value(nullptr, sp));
    o.emplace("muscles", strings(i.muscles, sp));
    o.emplace("regions", strings(i.regions, sp));
    o.emplace("targets", strings(i.targets, sp));
    if (i.kind == ItemKind::smr) {
        o.emplace("tool", i.tool);
        o.emplace("roll_s", i.roll_s);
        o.emplace("hold_min_s", i.hold_min_s);
        o.emplace("hold_max_s", i.hold_max_s);
        o.emplace("hold_target_s", i.hold_target_s);
    } else {
        o.emplace("hold_s", i.hold_target_s);
    }
    o.emplace("sets", i.sets);
    o.emplace("seconds", i.seconds);
    return o;
}

bj::value to_json(const Plan& p, bj::storage_ptr sp) {
    bj::array phases(sp), dropped(sp);
    for (const auto& ph : p.phases) {
        bj::array items(sp);
        items.reserve(ph.items.size());
        for (const auto& i : ph.items) items.push_back(to_json(i, sp));
        phases.push_back(bj::object({{"phase", to_string(ph.phase)}, {"items", std::move(items)}}, sp));
    }
    for (const auto& d : p.dropped) dropped.push_back(bj::object({{"target", d.target}, {"reason", d.reason}}, sp));
    return bj::object({{"screening", to_json(p.screening, sp)}, {"context", to_string(p.context)}, {"phases", std::move(phases)},
                       {"total_seconds", p.total_seconds}, {"budget_seconds", p.budget_seconds}, {"dropped", std::move(dropped)},
                       {"notes", strings(p.notes, sp)}},
                      sp);
}

// A plan file may have been edited by hand: it is checked against the catalog so the session
// never runs an unknown technique or a hold outside the technique's safe range.
Plan plan_from_json(const bj::value& v, const Catalog& catalog) {
    const auto& o = as_object(v, "");
    Plan p;
    if (auto* s = o.if_contains("screening")) {
        const auto& so = as_object(*s, "screening");
        if (auto* verdict = so.if_contains("verdict")) {
            auto text = as_string(*verdict, "screening.verdict");
            if (text == "refer") p.screening.verdict = Verdict::refer;
            else if (text == "caution") p.screening.verdict = Verdict::caution;
            else if (text != "clear") throw InputError("screening.verdict", "must be clear, caution or refer");
        }
    }
    auto* phases = o.if_contains("phases");
    if (!phases) throw InputError("phases", "missing: this does not look like a plan (make one with `unknot plan --json`)");
    const auto& arr = as_array(*phases, "phases");
    bool seen_lengthen = false;
    for (std::size_t pi = 0; pi < arr.size(); ++pi) {
        auto ppath = index("phases", pi);
        const auto& po = as_object(arr[pi], ppath);
        auto required = [&](std::string_view k) -> const bj::value& {
            auto* x = po.if_contains(k);
            if (!x) throw InputError(child(ppath, k), "missing");
            return *x;
        };
        auto name = as_string(required("phase"), child(ppath, "phase"));
        Phase ph{name == "inhibit" ? PhaseKind::inhibit : PhaseKind::lengthen, {}};
        if (name != "inhibit" && name != "lengthen") throw InputError(child(ppath, "phase"), "must be inhibit or lengthen");
        if (ph.phase == PhaseKind::inhibit && seen_lengthen) throw InputError(child(ppath, "phase"), "inhibit (rolling) must come before lengthen (stretching)");
        seen_lengthen = seen_lengthen || ph.phase == PhaseKind::lengthen;
        auto ipath0 = child(ppath, "items");
        const auto& items = as_array(required("items"), ipath0);
        for (std::size_t ii = 0; ii < items.size(); ++ii) {
            auto ipath = index(ipath0, ii);
            const auto& io = as_object(items[ii], ipath);
            auto field = [&](std::string_view k) -> const bj::value& {
                auto* x = io.if_contains(k);
                if (!x) throw InputError(child(ipath, k), "missing");
                return *x;
            };
            PlanItem it;
            auto kind = as_string(field("kind"), child(ipath, "kind"));
            it.id = as_string(field("id"), child(ipath, "id"));
            if (auto* side = io.if_contains("side"); side && !side->is_null()) {
                auto s = parse_side(as_string(*side, child(ipath, "side")));
                if (!s) throw InputError(child(ipath, "side"), "must be left, right or null");
                it.side = s;
            }
            it.sets = static_cast<int>(as_int(field("sets"), child(ipath, "sets"), 1, 3));
            if (kind == "smr") {
                if (ph.phase != PhaseKind::inhibit) throw InputError(child(ipath, "kind"), "rolling belongs in the inhibit phase");
                if (p.screening.verdict == Verdict::refer) throw InputError(ipath, "the screening says refer: this plan may not contain rolling");
                const Technique* t = catalog.technique(it.id);
                if (!t) throw InputError(child(ipath, "id"), "unknown technique `" + it.id + "`" + did_you_mean(nearest(it.id, catalog.technique_ids())));
                it.kind = ItemKind::smr;
                it.name = t->name, it.muscles = t->muscles, it.regions = t->regions;
                it.tool = io.contains("tool") ? as_string(io.at("tool"), child(ipath, "tool")) : t->tools.front();
                it.hold_min_s = static_cast<int>(as_int(field("hold_min_s"), child(ipath, "hold_min_s"), t->hold_min_s, t->hold_max_s));
                it.hold_max_s = static_cast<int>(as_int(field("hold_max_s"), child(ipath, "hold_max_s"), it.hold_min_s, t->hold_max_s));
                it.hold_target_s = io.contains("hold_target_s")
                    ? static_cast<int>(as_int(io.at("hold_target_s"), child(ipath, "hold_target_s"), it.hold_min_s, it.hold_max_s))
                    : it.hold_min_s;
                it.roll_s = io.contains("roll_s") ? static_cast<int>(as_int(io.at("roll_s"), child(ipath, "roll_s"), 0, 600)) : 30;
            } else if (kind == "stretch") {
                const Stretch* s = catalog.stretch(it.id);
                if (!s) throw InputError(child(ipath, "id"), "unknown stretch `" + it.id + "`");
                it.kind = ItemKind::stretch;
                it.name = s->name, it.muscles = s->muscles, it.regions = s->regions;
                it.hold_target_s = io.contains("hold_s") ? static_cast<int>(as_int(io.at("hold_s"), child(ipath, "hold_s"), 10, 60)) : s->hold_s;
            } else {
                throw InputError(child(ipath, "kind"), "must be smr or stretch, not `" + kind + "`");
            }
            if (io.contains("targets")) it.targets = as_strings(io.at("targets"), child(ipath, "targets"));
            if (io.contains("seconds")) it.seconds = static_cast<int>(as_int(io.at("seconds"), child(ipath, "seconds"), 0, 3600));
            ph.items.push_back(std::move(it));
        }
        p.phases.push_back(std::move(ph));
    }
    if (auto* t = o.if_contains("total_seconds")) p.total_seconds = static_cast<int>(as_int(*t, "total_seconds", 0, 86400));
    return p;
}

}  // namespace unknot::json
