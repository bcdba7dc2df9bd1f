#pragma once
// Movement assessment: what a trainer saw (findings) in, the muscles to inhibit and lengthen
// (overactive) and to activate (underactive) out, each with the findings and sources behind it.
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"

namespace unknot {

struct Finding {
    std::string id;              // a compensation id
    std::optional<Side> side;    // required for sided compensations, refused for the others
};

struct Assessment {
    std::vector<Finding> findings;
    std::string edition = "c4";  // the 4th-edition / CES table by default
};

struct Because {
    std::string finding;
    std::optional<Side> side;
    std::string edition;
    std::vector<std::string> sources;
};

// A muscle implicated by one or more findings; more findings rank it first.
struct Implicated {
    std::string muscle;
    std::optional<Side> side;  // nullopt: both sides
    std::vector<Because> because;
    int count() const { return static_cast<int>(because.size()); }
};

struct AssessmentResult {
    std::string edition;
    std::vector<Implicated> overactive, underactive;  // ranked: most findings first
};

// Throws InputError naming the field ("findings[1].side") for unknown ids, a side on an
// unsided finding, a sided finding without its side, or an unknown edition.
AssessmentResult assess(const Assessment& a, const Catalog& catalog);

// Reassessment: which findings went away, stayed, or are new since the previous assessment.
struct Changes {
    std::vector<Finding> resolved, persisted, appeared;
};
Changes compare(const Assessment& before, const Assessment& after);

}  // namespace unknot
