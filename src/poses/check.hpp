#pragma once
// The pictures checked against the moves they show: every technique and tool, stretch,
// activation and integration has one; a roll's tool presses inside the technique's region and
// travels from its roll_from to its roll_to.
#include <string>
#include <string_view>
#include <vector>

#include "poses/model.hpp"

namespace unknot::poses {

struct MoveFacts {
    std::string id, kind;                 // kind: technique, stretch, activation, integration
    std::vector<std::string> regions, tools;
    std::string roll_from, roll_to;
};

// The pose showing `move` with `tool` (empty for moves without a tool); nullptr when none does.
const Pose* pose_for(const std::vector<Pose>& poses, std::string_view move, std::string_view tool);

// Throws InputError at the pose's file:line, or names the move when it has no picture.
void check_move(const Body& body, const std::vector<Pose>& poses, const MoveFacts& move, bool require_all = true);
// A pose that shows no known move is a mistake too (a misspelt id).
void check_orphans(const std::vector<Pose>& poses, const std::vector<MoveFacts>& moves);

}  // namespace unknot::poses
