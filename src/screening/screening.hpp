#pragma once
// Contraindication screening: answers in, one of three verdicts out.
//   refer   - do not roll at all; see a medical professional
//   caution - roll, with regions excluded, tools preferred and advice given
//   clear   - roll as planned
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "catalog/catalog.hpp"
#include "screening/clearance.hpp"

namespace unknot {

// A yes/no answer, or, for a "where?" follow-up, a list of places ("calf", "calf:left").
using Answer = std::variant<bool, std::vector<std::string>>;
using Answers = std::map<std::string, Answer>;

struct Reason {
    std::string condition;  // condition id (or follow-up id)
    Verdict outcome;
    std::string text;       // plain-language explanation
    // A refer lifted by a professional's clearance: outcome is caution while it lasts.
    std::optional<int> cleared_on, cleared_until;
    std::optional<int> clearance_lapsed_on;  // the refer is back: the last clearance ran out that day
};

struct PendingFollowUp {
    std::string condition, id, question;
    FollowUpKind kind;
};

struct ScreeningResult {
    Verdict verdict = Verdict::clear;
    std::vector<Reason> reasons;
    std::vector<RegionRef> excluded_regions;
    std::vector<std::string> advice;
    std::vector<std::string> prefer_tools;
    bool no_floor = false;
    bool older_adult = false;
    std::vector<PendingFollowUp> follow_ups;  // unanswered: counted as refer until answered

    bool excludes(std::string_view region, std::optional<Side> side) const;
};

// Answers may hold gate ids (screening_gate.rec): a gate answered false answers every condition
// it covers false; under a gate answered true, a condition left out is a question still to
// answer (refer until answered). Throws InputError naming the answer key for unknown ids, wrong
// value types, and a condition answered true under a gate answered false.
ScreeningResult screen(const Answers& answers, const Catalog& catalog);
// The same, with the person's clearances: a refer with a clearance in force on `today` is lifted
// to caution for that condition only. The planner, assignments and calendars all come here.
ScreeningResult screen(const Answers& answers, const Catalog& catalog, const std::vector<Clearance>& clearances, int today);

// Every condition and follow-up the gate answers stand for, gate ids removed.
Answers expand_gate(const Answers& answers, const Catalog& catalog);

}  // namespace unknot
