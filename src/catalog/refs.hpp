#pragma once
// What the content loaders share: the ids of every kind (collected before any record is read,
// so references work in any file order), and the screening content's own loader.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/model.hpp"
#include "catalog/record.hpp"

namespace unknot::catalog {

using KnownIds = std::map<std::string, std::set<std::string>>;

// Throws InputError at the field's line for an id of `kind` that no record defines.
void require_known(const Record& r, FieldReader& fr, std::string_view field, const KnownIds& known, const std::string& kind,
                   const std::vector<std::string>& wanted);
// The record's `source:` keys, at least one, each defined in sources.rec.
std::vector<std::string> read_sources(const Record& r, FieldReader& fr, const KnownIds& known);

// screening.rec and screening_gate.rec: conditions, the gate over them, and the clearance period.
class ScreeningLoader {
public:
    explicit ScreeningLoader(const KnownIds& known) : known_(known) {}
    Condition condition(const Record& r, FieldReader& fr);
    GateQuestion gate(const Record& r, FieldReader& fr);
    ClearancePolicy clearance(const Record& r, FieldReader& fr);
    // With any conditions: every one under exactly one gate question, and one clearance record.
    void check(const std::vector<Condition>& conditions, const std::vector<GateQuestion>& gate) const;

private:
    Verdict verdict(const Record& r, FieldReader& fr, std::string_view field);
    const KnownIds& known_;
    std::set<std::string> follow_up_ids_;
    std::map<std::string, std::string> covers_at_;  // gate id -> file:line of its `covers:`
    std::map<std::string, std::string> condition_at_;
    int clearances_ = 0;
};

}  // namespace unknot::catalog
