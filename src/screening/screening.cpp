#include "screening/screening.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "common/text.hpp"

namespace unknot {

bool ScreeningResult::excludes(std::string_view region, std::optional<Side> side) const {
    return std::any_of(excluded_regions.begin(), excluded_regions.end(),
                       [&](const RegionRef& r) { return r.covers(region, side); });
}

namespace {

void add_unique(std::vector<std::string>& v, const std::string& s) {
    if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

void exclude(ScreeningResult& r, RegionRef ref) {
    if (std::find(r.excluded_regions.begin(), r.excluded_regions.end(), ref) == r.excluded_regions.end())
        r.excluded_regions.push_back(std::move(ref));
}

void raise(ScreeningResult& r, Verdict v) {
    if (static_cast<int>(v) > static_cast<int>(r.verdict)) r.verdict = v;
}

const Answer* find(const Answers& a, const std::string& id) {
    auto it = a.find(id);
    return it == a.end() ? nullptr : &it->second;
}

bool yes(const Answer& a, const std::string& key) {
    if (auto* b = std::get_if<bool>(&a)) return *b;
    throw InputError("screening.answers." + key, "expected true or false, got a list");
}

std::vector<RegionRef> places(const Answer& a, const std::string& key, const Catalog& catalog) {
    auto* list = std::get_if<std::vector<std::string>>(&a);
    if (!list) throw InputError("screening.answers." + key, "expected a list of body regions such as [\"calf:left\"], got true/false");
    std::vector<RegionRef> out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto where = "screening.answers." + key + "[" + std::to_string(i) + "]";
        auto ref = parse_region_ref((*list)[i]);
        if (!ref) throw InputError(where, "`" + (*list)[i] + "` must be a region id, optionally followed by :left or :right");
        const Region* g = catalog.region(ref->region);
        if (!g) throw InputError(where, "unknown region `" + ref->region + "`" + did_you_mean(nearest(ref->region, catalog.region_ids())));
        if (ref->side && !g->sided) throw InputError(where, "region `" + g->id + "` has no left or right side");
        out.push_back(*ref);
    }
    return out;
}

void check_keys(const Answers& answers, const Catalog& catalog) {
    for (const auto& [key, _] : answers) {
        if (!catalog.is_answer_key(key))
            throw InputError("screening.answers." + key, "unknown condition `" + key + "`" + did_you_mean(nearest(key, catalog.condition_ids())));
    }
}

// Gate questions answered yes whose conditions are not all answered yet.
void pending_under_gate(const Answers& answers, const Catalog& catalog, ScreeningResult& r) {
    for (const auto& g : catalog.gate()) {
        const Answer* a = find(answers, g.id);
        if (!a || !yes(*a, g.id)) continue;
        bool any_missing = false;
        for (const auto& c : g.covers)
            if (!find(answers, c)) {
                r.follow_ups.push_back({g.id, c, catalog.condition(c)->question, FollowUpKind::yes_no});
                any_missing = true;
            }
        if (any_missing) {
            raise(r, Verdict::refer);
            r.reasons.push_back({g.id, Verdict::refer, "Some questions under \"" + g.question + "\" still need an answer; until they have one, we cannot say rolling is safe.", {}, {}, {}});
        }
    }
}

// A refer with a clearance in force becomes caution; one whose clearance ran out says when.
Verdict apply_clearance(Reason& reason, const std::vector<Clearance>& clearances, int today, const Catalog& catalog) {
    const Clearance* c = newest_clearance(clearances, reason.condition);
    if (!c || c->day > today) return reason.outcome;
    const auto& policy = catalog.clearance_policy();
    if (in_force(*c, today, policy)) {
        reason.cleared_on = c->day;
        reason.cleared_until = clearance_ends(*c, policy);
        reason.outcome = Verdict::caution;
    } else {
        reason.clearance_lapsed_on = clearance_ends(*c, policy);
    }
    return reason.outcome;
}

}  // namespace

Answers expand_gate(const Answers& answers, const Catalog& catalog) {
    Answers out;
    for (const auto& [key, value] : answers)
        if (!catalog.gate_question(key)) out.emplace(key, value);
    for (const auto& g : catalog.gate()) {
        const Answer* a = find(answers, g.id);
        if (!a || yes(*a, g.id)) continue;
        for (const auto& c : g.covers) {
            auto it = out.find(c);
            if (it != out.end() && yes(it->second, c))
                throw InputError("screening.answers." + c, "is yes, but the gate question `" + g.id + "` that covers it was answered no");
            out[c] = false;
        }
    }
    return out;
}

ScreeningResult screen(const Answers& answers, const Catalog& catalog) { return screen(answers, catalog, {}, 0); }

ScreeningResult screen(const Answers& given, const Catalog& catalog, const std::vector<Clearance>& clearances, int today) {
    check_keys(given, catalog);
    ScreeningResult r;
    pending_under_gate(given, catalog, r);
    const Answers answers = expand_gate(given, catalog);
    for (const auto& c : catalog.conditions()) {
        const Answer* a = find(answers, c.id);
        const Answer* fa = c.follow_up ? find(answers, c.follow_up->id) : nullptr;
        if (!a || !yes(*a, c.id)) {
            // A follow-up answer without its question answered yes is harmless; type-check it anyway.
            if (fa && c.follow_up->kind == FollowUpKind::yes_no) yes(*fa, c.follow_up->id);
            if (fa && c.follow_up->kind == FollowUpKind::regions) places(*fa, c.follow_up->id, catalog);
            continue;
        }
        Verdict outcome = c.outcome;
        bool unanswered = false;
        if (c.follow_up) {
            const auto& f = *c.follow_up;
            if (!fa) {
                // Not knowing the status is treated as the worse case until the person answers.
                outcome = Verdict::refer;
                unanswered = true;
                r.follow_ups.push_back({c.id, f.id, f.question, f.kind});
            } else if (f.kind == FollowUpKind::yes_no) {
                bool y = yes(*fa, f.id);
                outcome = y ? f.if_yes : f.if_no;
                if (y)
                    for (const auto& g : f.exclude_if_yes) exclude(r, {g, std::nullopt});
            } else {
                auto where = places(*fa, f.id, catalog);
                if (where.empty()) {
                    outcome = Verdict::refer;
                    unanswered = true;
                    r.follow_ups.push_back({c.id, f.id, f.question, f.kind});
                } else {
                    for (auto& g : where) exclude(r, std::move(g));
                }
            }
        }
        Reason reason{c.id, outcome, c.explain, {}, {}, {}};
        // An unanswered question is not a refer a professional can lift: it needs its answer.
        if (outcome == Verdict::refer && !unanswered) outcome = apply_clearance(reason, clearances, today, catalog);
        raise(r, outcome);
        r.reasons.push_back(std::move(reason));
        for (const auto& g : c.exclude) exclude(r, {g, std::nullopt});
        for (const auto& s : c.advice) add_unique(r.advice, s);
        for (const auto& t : c.prefer_tools) add_unique(r.prefer_tools, t);
        r.no_floor = r.no_floor || c.no_floor;
        if (c.id == "older_adult") r.older_adult = true;
    }
    if (r.verdict == Verdict::clear && !r.excluded_regions.empty()) r.verdict = Verdict::caution;
    return r;
}

}  // namespace unknot
