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

namespace unknot {

// A yes/no answer, or, for a "where?" follow-up, a list of places ("calf", "calf:left").
using Answer = std::variant<bool, std::vector<std::string>>;
using Answers = std::map<std::string, Answer>;

struct Reason {
    std::string condition;  // condition id (or follow-up id)
    Verdict outcome;
    std::string text;       // plain-language explanation
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

// Throws InputError naming the answer key for unknown ids and wrong value types.
ScreeningResult screen(const Answers& answers, const Catalog& catalog);

}  // namespace unknot
