#include "assessment/assessment.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "common/text.hpp"

namespace unknot {

namespace {

void add(std::vector<Implicated>& list, const std::string& muscle, std::optional<Side> side, const Because& why) {
    auto it = std::find_if(list.begin(), list.end(), [&](const Implicated& x) { return x.muscle == muscle && x.side == side; });
    if (it == list.end()) list.push_back({muscle, side, {why}});
    else it->because.push_back(why);
}

// Most findings first; ties keep the order in which the findings named them (stable sort).
void rank(std::vector<Implicated>& list) {
    std::stable_sort(list.begin(), list.end(), [](const Implicated& a, const Implicated& b) { return a.count() > b.count(); });
}

}  // namespace

AssessmentResult assess(const Assessment& a, const Catalog& catalog) {
    auto editions = catalog.editions();
    if (std::find(editions.begin(), editions.end(), a.edition) == editions.end())
        throw InputError("edition", "unknown edition `" + a.edition + "`; expected one of: " + join(editions, ", "));
    AssessmentResult r;
    r.edition = a.edition;
    for (std::size_t i = 0; i < a.findings.size(); ++i) {
        const auto& f = a.findings[i];
        auto where = "findings[" + std::to_string(i) + "]";
        const Compensation* c = catalog.compensation(f.id);
        if (!c) throw InputError(where + ".id", "unknown finding `" + f.id + "`" + did_you_mean(nearest(f.id, catalog.compensation_ids())));
        if (c->sided && !f.side) throw InputError(where + ".side", "`" + f.id + "` happens on one side: say \"left\" or \"right\"");
        if (!c->sided && f.side) throw InputError(where + ".side", "`" + f.id + "` has no side; leave `side` out");
        // An edition that does not list this compensation falls back to the default table.
        const CompensationMapping* m = catalog.mapping(f.id, a.edition);
        if (!m) m = catalog.mapping(f.id, "c4");
        Because why{f.id, f.side, m->edition, m->sources};
        auto same = f.side;
        auto opposite = f.side ? std::optional<Side>(other(*f.side)) : std::nullopt;
        for (const auto& x : m->overactive) add(r.overactive, x, same, why);
        for (const auto& x : m->underactive) add(r.underactive, x, same, why);
        for (const auto& x : m->overactive_same_side) add(r.overactive, x, same, why);
        for (const auto& x : m->overactive_other_side) add(r.overactive, x, opposite, why);
        for (const auto& x : m->underactive_same_side) add(r.underactive, x, same, why);
        for (const auto& x : m->underactive_other_side) add(r.underactive, x, opposite, why);
    }
    rank(r.overactive);
    rank(r.underactive);
    return r;
}

Changes compare(const Assessment& before, const Assessment& after) {
    auto has = [](const Assessment& a, const Finding& f) {
        return std::any_of(a.findings.begin(), a.findings.end(), [&](const Finding& g) { return g.id == f.id && g.side == f.side; });
    };
    Changes c;
    for (const auto& f : before.findings) (has(after, f) ? c.persisted : c.resolved).push_back(f);
    for (const auto& f : after.findings)
        if (!has(before, f)) c.appeared.push_back(f);
    return c;
}

}  // namespace unknot
