// Screening content: the conditions (screening.rec), the short gate over them and the clearance
// period (screening_gate.rec). Every error names file:line.
#include <algorithm>

#include "catalog/refs.hpp"
#include "common/error.hpp"
#include "common/text.hpp"

namespace unknot::catalog {

void require_known(const Record& r, FieldReader& fr, std::string_view field, const KnownIds& known, const std::string& kind,
                   const std::vector<std::string>& wanted) {
    auto it = known.find(kind);
    static const std::set<std::string> none;
    const auto& ids = it == known.end() ? none : it->second;
    for (const auto& id : wanted) {
        if (!ids.contains(id))
            throw InputError(r.where(fr.line_of(field)), "unknown " + kind + " `" + id + "`" + did_you_mean(nearest(id, {ids.begin(), ids.end()})));
    }
}

std::vector<std::string> read_sources(const Record& r, FieldReader& fr, const KnownIds& known) {
    fr.texts("source");  // at least one, none empty
    std::vector<std::string> keys;
    auto it = known.find("source");
    static const std::set<std::string> none;
    const auto& ids = it == known.end() ? none : it->second;
    for (const auto& f : r.fields) {
        if (f.name != "source") continue;
        for (auto& k : split_ids(f.value)) {
            if (!ids.contains(k)) throw InputError(r.where(f.line), "unknown source `" + k + "`" + did_you_mean(nearest(k, {ids.begin(), ids.end()})));
            keys.push_back(k);
        }
    }
    return keys;
}

Verdict ScreeningLoader::verdict(const Record& r, FieldReader& fr, std::string_view field) {
    auto v = fr.text(field);
    if (v == "refer") return Verdict::refer;
    if (v == "caution") return Verdict::caution;
    throw InputError(r.where(fr.line_of(field)), "`" + std::string(field) + ":` must be refer or caution, not `" + v + "`");
}

Condition ScreeningLoader::condition(const Record& r, FieldReader& fr) {
    Condition c;
    c.id = r.id();
    condition_at_[c.id] = r.where(r.line);
    c.question = fr.text("question");
    c.explain = fr.text("explain");
    c.outcome = verdict(r, fr, "outcome");
    c.exclude = fr.ids("exclude", false);
    require_known(r, fr, "exclude", known_, "region", c.exclude);
    c.advice = fr.texts("advice", false);
    c.prefer_tools = fr.ids("prefer_tools", false);
    require_known(r, fr, "prefer_tools", known_, "tool", c.prefer_tools);
    auto constraint = fr.optional_text("constraint");
    if (!constraint.empty() && constraint != "no_floor")
        throw InputError(r.where(fr.line_of("constraint")), "the only constraint is no_floor, not `" + constraint + "`");
    c.no_floor = constraint == "no_floor";
    auto fu = fr.optional_text("follow_up");
    if (!fu.empty()) {
        FollowUp f;
        f.id = fu;
        if (!is_id(f.id)) throw InputError(r.where(fr.line_of("follow_up")), "`" + f.id + "` is not a snake_case id");
        auto taken = [&](const char* kind) { auto it = known_.find(kind); return it != known_.end() && it->second.contains(f.id); };
        if (taken("condition") || taken("gate") || !follow_up_ids_.insert(f.id).second)
            throw InputError(r.where(fr.line_of("follow_up")), "follow-up id `" + f.id + "` is already used");
        f.question = fr.text("follow_up_question");
        auto kind = fr.text("follow_up_kind");
        if (kind == "yes_no") {
            f.kind = FollowUpKind::yes_no;
            f.if_yes = verdict(r, fr, "if_yes");
            f.if_no = verdict(r, fr, "if_no");
            f.exclude_if_yes = fr.ids("exclude_if_yes", false);
            require_known(r, fr, "exclude_if_yes", known_, "region", f.exclude_if_yes);
        } else if (kind == "regions") {
            f.kind = FollowUpKind::regions;
        } else {
            throw InputError(r.where(fr.line_of("follow_up_kind")), "follow_up_kind must be yes_no or regions");
        }
        c.follow_up = std::move(f);
    }
    c.sources = read_sources(r, fr, known_);
    return c;
}

GateQuestion ScreeningLoader::gate(const Record& r, FieldReader& fr) {
    GateQuestion g;
    g.id = r.id();
    auto it = known_.find("condition");
    if (it != known_.end() && it->second.contains(g.id))
        throw InputError(r.where(r.line), "gate `" + g.id + "` has the id of a condition; answers could not tell them apart");
    g.question = fr.text("question");
    g.covers = fr.ids("covers");
    require_known(r, fr, "covers", known_, "condition", g.covers);
    covers_at_[g.id] = r.where(fr.line_of("covers"));
    g.sources = read_sources(r, fr, known_);
    return g;
}

ClearancePolicy ScreeningLoader::clearance(const Record& r, FieldReader& fr) {
    if (r.id() != "professional")
        throw InputError(r.where(r.line), "the only clearance is `professional` (a doctor's or physiotherapist's go-ahead), not `" + r.id() + "`");
    ++clearances_;
    ClearancePolicy p;
    // At least a month (a go-ahead is worth recording), at most the PAR-Q+'s twelve months.
    p.valid_days = fr.integer("valid_days", 28, 366);
    p.why = fr.text("why");
    p.sources = read_sources(r, fr, known_);
    return p;
}

void ScreeningLoader::check(const std::vector<Condition>& conditions, const std::vector<GateQuestion>& gate) const {
    if (conditions.empty()) return;
    std::map<std::string, std::string> under;  // condition -> gate
    for (const auto& g : gate)
        for (const auto& c : g.covers) {
            auto [it, fresh] = under.emplace(c, g.id);
            if (!fresh)
                throw InputError(covers_at_.at(g.id), "condition `" + c + "` is already covered by gate `" + it->second +
                                                          "`; each condition sits under exactly one gate question");
        }
    for (const auto& c : conditions)
        if (!under.contains(c.id))
            throw InputError(condition_at_.at(c.id), "condition `" + c.id + "` is under no gate question (add it to a `covers:` in screening_gate.rec)");
    if (clearances_ != 1)
        throw InputError(gate.empty() ? "screening_gate.rec" : covers_at_.at(gate.front().id),
                         clearances_ == 0 ? "no `clearance: professional` record says how long a clearance lasts"
                                          : "`clearance: professional` is defined more than once");
}

}  // namespace unknot::catalog
