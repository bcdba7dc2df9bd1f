#pragma once
// A plan as a person reads it: numbered exercises, where the left and right sides of the same
// item are one exercise ("left side, then right side"). Handout cards, body-map numbers and
// calendar lines all count the same way.
#include <vector>

#include "planning/plan.hpp"

namespace unknot::report {

struct Exercise {
    int number = 0;
    std::vector<const PlanItem*> sides;  // in plan order; points into the plan
    const PlanItem& item() const { return *sides.front(); }
};

struct PhaseExercises {
    PhaseKind phase;
    std::vector<Exercise> exercises;
};

// Sides merge only when they follow each other with the same dose. The plan must outlive the result.
std::vector<PhaseExercises> exercises_of(const Plan& plan);

}  // namespace unknot::report
