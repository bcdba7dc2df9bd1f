#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assessment/assessment.hpp"
#include "screening/screening.hpp"

namespace unknot {

enum class Context { warm_up, cool_down, daily };
std::string_view to_string(Context c);
std::optional<Context> parse_context(std::string_view s);

struct Profile {
    Answers answers;
    std::vector<std::string> targets;  // muscle or region ids, optionally ":left"/":right"
    int minutes = 15;
    std::vector<std::string> tools{"foam_roller"};
    Context context = Context::daily;
    // Hold times learned from this person's own release times (progress), per muscle id.
    std::map<std::string, int> learned_hold_s;
    // A movement assessment: its overactive muscles become targets (ranked first), its
    // underactive ones get activation exercises, and an integration movement closes the plan.
    std::optional<Assessment> assessment;
    // A professional's clearances after a refer: from the person's record (the server fills them
    // in, never the profile text), judged on `today`.
    std::vector<Clearance> clearances;
    int today = 0;
};

// The corrective continuum's phases, in the only order they may run.
enum class PhaseKind { inhibit, lengthen, activate, integrate };
std::string_view to_string(PhaseKind p);

enum class ItemKind { smr, stretch, activation, integration };
std::string_view to_string(ItemKind k);
std::optional<ItemKind> parse_item_kind(std::string_view s);

// Why an item is in the plan: the finding that implicated which muscle, and the source.
struct Why {
    std::string finding;   // empty: the person asked for this target directly
    std::string muscle;    // or the target as asked
    std::string role;      // overactive, underactive, asked, integrate
    std::vector<std::string> sources;
};

struct PlanItem {
    ItemKind kind = ItemKind::smr;
    std::string id;                 // technique or stretch id
    std::string name;
    std::optional<Side> side;
    std::vector<std::string> muscles, regions;
    std::vector<std::string> targets;  // which of the person's targets this item serves
    std::string tool;               // smr only
    int roll_s = 0;                 // smr: slow search time before the hold
    int hold_min_s = 0, hold_max_s = 0;  // smr: the tender-spot hold range
    int hold_target_s = 0;          // smr: planned hold; stretch: hold per set
    int reps_min = 0, reps_max = 0; // activation, integration
    std::string tempo;              // activation: "4-2-1-1"
    int isometric_s = 0;            // activation held positionally
    std::vector<Why> why;
    int sets = 1;
    int seconds = 0;                // time estimate for the item, positioning included
};

struct Phase {
    PhaseKind phase;
    std::vector<PlanItem> items;
};

struct Dropped {
    std::string target;
    std::string reason;
};

struct Plan {
    ScreeningResult screening;
    std::optional<AssessmentResult> assessment;
    Context context = Context::daily;
    int budget_seconds = 0;
    int total_seconds = 0;
    std::vector<Phase> phases;
    std::vector<Dropped> dropped;
    std::vector<std::string> notes;
};

// The whole planner: validates the profile (InputError names the field), screens, picks
// techniques and stretches, fits the time budget by dropping the lowest-priority targets.
Plan make_plan(const Profile& profile, const Catalog& catalog);

}  // namespace unknot
