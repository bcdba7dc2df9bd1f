#include "report/exercises.hpp"

#include <algorithm>

namespace unknot::report {

namespace {

bool same_dose(const PlanItem& a, const PlanItem& b) {
    return a.kind == b.kind && a.id == b.id && a.hold_target_s == b.hold_target_s && a.hold_min_s == b.hold_min_s &&
           a.hold_max_s == b.hold_max_s && a.roll_s == b.roll_s && a.sets == b.sets && a.reps_min == b.reps_min && a.reps_max == b.reps_max;
}

}  // namespace

std::vector<PhaseExercises> exercises_of(const Plan& plan) {
    std::vector<PhaseExercises> out;
    int number = 0;
    for (const auto& ph : plan.phases) {
        PhaseExercises pe{ph.phase, {}};
        for (const auto& item : ph.items) {
            if (!pe.exercises.empty()) {
                auto& last = pe.exercises.back();
                bool new_side = item.side && last.item().side &&
                                std::none_of(last.sides.begin(), last.sides.end(), [&](const PlanItem* p) { return p->side == item.side; });
                if (new_side && same_dose(last.item(), item)) {
                    last.sides.push_back(&item);
                    continue;
                }
            }
            pe.exercises.push_back({++number, {&item}});
        }
        if (!pe.exercises.empty()) out.push_back(std::move(pe));
    }
    return out;
}

}  // namespace unknot::report
