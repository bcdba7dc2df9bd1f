#pragma once
// A professional's clearance after a `refer`: "my doctor or physiotherapist cleared me for foam
// rolling". It is its own record, never a changed answer: the answer stays true, and the clearance
// lifts the refer for that one condition while it lasts (ClearancePolicy, from data/).
#include <cstddef>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"

namespace unknot {

struct Clearance {
    std::string condition;
    int day = 0;  // the day the professional gave it (days since 1970-01-01)
    std::string note;
};

inline constexpr std::size_t max_clearance_note = 500;

// The first day the clearance no longer applies.
int clearance_ends(const Clearance& c, const ClearancePolicy& p);
bool in_force(const Clearance& c, int today, const ClearancePolicy& p);

// The newest clearance for `condition` (by day, then by position), or nullptr.
const Clearance* newest_clearance(const std::vector<Clearance>& all, const std::string& condition);

struct ScreeningResult;
// Checks a new clearance against the screening it would lift (computed without clearances):
// throws InputError naming `condition`, `date` or `note` when it cannot be recorded.
void check_new_clearance(const Clearance& c, const ScreeningResult& uncleared, int today, const Catalog& catalog);

}  // namespace unknot
