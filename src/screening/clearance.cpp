#include "screening/clearance.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "common/text.hpp"
#include "screening/screening.hpp"

namespace unknot {

int clearance_ends(const Clearance& c, const ClearancePolicy& p) { return c.day + p.valid_days; }

bool in_force(const Clearance& c, int today, const ClearancePolicy& p) { return c.day <= today && today < clearance_ends(c, p); }

const Clearance* newest_clearance(const std::vector<Clearance>& all, const std::string& condition) {
    const Clearance* best = nullptr;
    for (const auto& c : all)
        if (c.condition == condition && (!best || c.day >= best->day)) best = &c;
    return best;
}

void check_new_clearance(const Clearance& c, const ScreeningResult& uncleared, int today, const Catalog& catalog) {
    if (!catalog.condition(c.condition))
        throw InputError("condition", "unknown condition `" + c.condition + "`" + did_you_mean(nearest(c.condition, catalog.condition_ids())));
    auto reason = std::find_if(uncleared.reasons.begin(), uncleared.reasons.end(), [&](const Reason& r) { return r.condition == c.condition; });
    bool pending = std::any_of(uncleared.follow_ups.begin(), uncleared.follow_ups.end(),
                               [&](const PendingFollowUp& f) { return f.condition == c.condition || f.id == c.condition; });
    if (pending)
        throw InputError("condition", "`" + c.condition + "` still has a question to answer; answer it before recording a clearance");
    if (reason == uncleared.reasons.end() || reason->outcome != Verdict::refer)
        throw InputError("condition", "`" + c.condition + "` is not a refer in the latest screening, so there is nothing to clear");
    if (c.day > today) throw InputError("date", "is in the future; record the day the professional gave the go-ahead");
    const auto& policy = catalog.clearance_policy();
    if (clearance_ends(c, policy) <= today)
        throw InputError("date", "is more than " + std::to_string(policy.valid_days) +
                                     " days ago; a go-ahead that old has run out, so please ask again");
    if (c.note.size() > max_clearance_note)
        throw InputError("note", "at most " + std::to_string(max_clearance_note) + " characters (this one has " + std::to_string(c.note.size()) + ")");
}

}  // namespace unknot
