#include "codec/codec.hpp"
#include "codec/dates.hpp"
#include "codec/json_util.hpp"
#include "codec/json_writer.hpp"
#include "common/error.hpp"
#include "common/text.hpp"

#include <map>

namespace unknot::json {

namespace {

void write(JsonWriter& w, const ScreeningResult& r) {
    w.begin_object().field("verdict", to_string(r.verdict));
    w.key("reasons").begin_array();
    for (const auto& x : r.reasons) {
        w.begin_object().field("condition", x.condition).field("outcome", to_string(x.outcome)).field("text", x.text);
        if (x.cleared_on) w.field("cleared_on", iso_day(*x.cleared_on)).field("cleared_until", iso_day(*x.cleared_until));
        if (x.clearance_lapsed_on) w.field("clearance_lapsed_on", iso_day(*x.clearance_lapsed_on));
        w.end_object();
    }
    w.end_array();
    w.key("excluded_regions").begin_array();
    for (const auto& g : r.excluded_regions) w.value(g.str());
    w.end_array();
    w.key("advice").strings(r.advice);
    w.key("prefer_tools").strings(r.prefer_tools);
    w.field("no_floor", r.no_floor);
    w.key("follow_ups").begin_array();
    for (const auto& f : r.follow_ups)
        w.begin_object()
            .field("condition", f.condition)
            .field("id", f.id)
            .field("question", f.question)
            .field("kind", f.kind == FollowUpKind::yes_no ? "yes_no" : "regions")
            .end_object();
    w.end_array();
    w.end_object();
}

void write(JsonWriter& w, const PlanItem& i) {
    w.begin_object().field("kind", to_string(i.kind)).field("id", i.id).field("name", i.name);
    w.key("side");
    i.side ? w.value(to_string(*i.side)) : w.null();
    w.key("muscles").strings(i.muscles);
    w.key("regions").strings(i.regions);
    w.key("targets").strings(i.targets);
    if (i.kind == ItemKind::smr) {
        w.field("tool", i.tool).field("roll_s", i.roll_s).field("hold_min_s", i.hold_min_s).field("hold_max_s", i.hold_max_s);
        w.field("hold_target_s", i.hold_target_s);
    } else if (i.kind == ItemKind::stretch) {
        w.field("hold_s", i.hold_target_s);
    } else {
        w.field("reps_min", i.reps_min).field("reps_max", i.reps_max);
        if (i.kind == ItemKind::activation) {
            w.key("tempo");
            i.tempo.empty() ? w.null() : w.value(i.tempo);
            w.key("isometric_s");
            i.isometric_s ? w.value(i.isometric_s) : w.null();
        }
    }
    w.key("why").begin_array();
    for (const auto& y : i.why) {
        w.begin_object().key("finding");
        y.finding.empty() ? w.null() : w.value(y.finding);
        w.field("muscle", y.muscle).field("role", y.role).key("sources").strings(y.sources).end_object();
    }
    w.end_array();
    w.field("sets", i.sets).field("seconds", i.seconds).end_object();
}

void write(JsonWriter& w, const std::vector<Implicated>& list) {
    w.begin_array();
    for (const auto& x : list) {
        w.begin_object().field("muscle", x.muscle).key("side");
        x.side ? w.value(to_string(*x.side)) : w.null();
        w.field("count", x.count()).key("findings").begin_array();
        for (const auto& b : x.because) w.value(b.finding);
        w.end_array().end_object();
    }
    w.end_array();
}

void write(JsonWriter& w, const Plan& p) {
    w.begin_object().key("screening");
    write(w, p.screening);
    if (p.assessment) {
        w.key("assessment").begin_object().field("edition", p.assessment->edition).key("overactive");
        write(w, p.assessment->overactive);
        w.key("underactive");
        write(w, p.assessment->underactive);
        w.end_object();
    }
    w.field("context", to_string(p.context));
    w.key("phases").begin_array();
    for (const auto& ph : p.phases) {
        w.begin_object().field("phase", to_string(ph.phase)).key("items").begin_array();
        for (const auto& i : ph.items) write(w, i);
        w.end_array().end_object();
    }
    w.end_array();
    w.field("total_seconds", p.total_seconds).field("budget_seconds", p.budget_seconds);
    w.key("dropped").begin_array();
    for (const auto& d : p.dropped) w.begin_object().field("target", d.target).field("reason", d.reason).end_object();
    w.end_array();
    w.key("notes").strings(p.notes);
    w.end_object();
}

template <class T>
std::string text_of(const T& x) {
    std::string out;
    out.reserve(4096);
    JsonWriter w(out);
    write(w, x);
    return out;
}

}  // namespace

std::string to_json_text(const Plan& p) { return text_of(p); }
std::string to_json_text(const ScreeningResult& r) { return text_of(r); }

bj::value to_json(const ScreeningResult& r, bj::storage_ptr sp) { return parse(text_of(r), "screening", std::move(sp)); }
bj::value to_json(const PlanItem& i, bj::storage_ptr sp) { return parse(text_of(i), "plan item", std::move(sp)); }
bj::value to_json(const Plan& p, bj::storage_ptr sp) { return parse(text_of(p), "plan", std::move(sp)); }

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
    int last_phase = 0;
    for (std::size_t pi = 0; pi < arr.size(); ++pi) {
        auto ppath = index("phases", pi);
        const auto& po = as_object(arr[pi], ppath);
        auto required = [&](std::string_view k) -> const bj::value& {
            auto* x = po.if_contains(k);
            if (!x) throw InputError(child(ppath, k), "missing");
            return *x;
        };
        auto name = as_string(required("phase"), child(ppath, "phase"));
        static const std::vector<std::pair<std::string, PhaseKind>> order{
            {"inhibit", PhaseKind::inhibit}, {"lengthen", PhaseKind::lengthen}, {"activate", PhaseKind::activate}, {"integrate", PhaseKind::integrate}};
        auto at = std::find_if(order.begin(), order.end(), [&](const auto& entry) { return entry.first == name; });
        if (at == order.end()) throw InputError(child(ppath, "phase"), "must be inhibit, lengthen, activate or integrate");
        Phase ph{at->second, {}};
        // The continuum runs in one order only: roll, stretch, activate, integrate.
        if (static_cast<int>(ph.phase) < last_phase)
            throw InputError(child(ppath, "phase"), "inhibit (rolling) must come before lengthen, activate and integrate, in that order");
        last_phase = static_cast<int>(ph.phase);
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
            } else if (kind == "activation") {
                const Activation* a = catalog.activation(it.id);
                if (!a) throw InputError(child(ipath, "id"), "unknown activation `" + it.id + "`");
                it.kind = ItemKind::activation;
                it.name = a->name, it.muscles = a->muscles, it.regions = a->regions;
                it.reps_min = a->reps_min, it.reps_max = a->reps_max, it.tempo = a->tempo, it.isometric_s = a->isometric_s;
            } else if (kind == "integration") {
                const Integration* g = catalog.integration(it.id);
                if (!g) throw InputError(child(ipath, "id"), "unknown integration `" + it.id + "`");
                it.kind = ItemKind::integration;
                it.name = g->name, it.muscles = g->muscles, it.regions = g->regions;
                it.reps_min = g->reps_min, it.reps_max = g->reps_max;
            } else {
                throw InputError(child(ipath, "kind"), "must be smr, stretch, activation or integration, not `" + kind + "`");
            }
            static const std::map<ItemKind, PhaseKind> home{{ItemKind::smr, PhaseKind::inhibit}, {ItemKind::stretch, PhaseKind::lengthen},
                                                             {ItemKind::activation, PhaseKind::activate}, {ItemKind::integration, PhaseKind::integrate}};
            if (home.at(it.kind) != ph.phase) throw InputError(child(ipath, "kind"), "`" + kind + "` does not belong in the " + name + " phase");
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
