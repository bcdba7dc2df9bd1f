#pragma once
// Time estimates per item. Numbers, not prose, so the planner and its tests agree.
#include "planning/plan.hpp"

namespace unknot::timing {

inline constexpr int position_s = 10;  // getting into position or switching sides

// Slow search before the hold: at 2-4 s per pass (behm2020) these give roughly 8-15 passes.
inline int roll_s(Context c) { return c == Context::warm_up ? 30 : 45; }

// Planned hold on the tender spot before learning kicks in; always inside 30-90 s [A][B][C7].
inline int default_hold_s(Context c) {
    switch (c) {
        case Context::warm_up: return 30;
        case Context::daily: return 45;
        case Context::cool_down: return 60;
    }
    return 30;
}

// Activation: 10-15 reps at a 4-2-1-1 tempo (8 s a rep) or positional isometrics [C7];
// integration: 10-15 controlled reps, about 4 s each. Estimates use the middle of the range.
inline int activation_s(int reps, const std::string& tempo, int isometric_s) {
    int per_rep = tempo.empty() ? isometric_s + 2 : 8;
    return position_s + reps * per_rep;
}
inline int integration_s(int reps) { return position_s + reps * 4; }

// C7: 1-3 muscle groups per warm-up or cool-down.
inline int max_techniques(Context c) { return c == Context::daily ? 100 : 3; }

}  // namespace unknot::timing
