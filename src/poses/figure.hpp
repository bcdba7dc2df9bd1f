#pragma once
// Puts a pose's figure in the scene: directions become joint positions, hands solved onto what
// they hold, then the whole body moved so it rests where the pose says (on the tool on the
// floor, on the floor, on a seat, against a wall). What does not fit is reported, not hidden.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "poses/model.hpp"

namespace unknot::poses {

struct PlacedPart {
    std::string part;
    Vec a, b;                // start and end, figure units, y up, the floor at y = 0
    double wa = 0, wb = 0;   // full widths at a and b
    double dir = 0;          // degrees
    double head = 0;
    bool far = false;
};

struct PlacedTool {
    std::string tool;
    Vec centre, contact;  // contact: where it touches the body's surface
    double radius = 0, length = 0, axis = 0;  // axis: degrees, for the top view's long shape
    double ring = 0;
    bool handles = false;
};

struct Problem {
    std::string text;
    int line = 0;
};

struct Placed {
    std::vector<PlacedPart> parts;  // in the body's order: parents first
    std::optional<PlacedTool> tool;
    std::vector<Problem> problems;
    const PlacedPart* part(std::string_view name) const;
    // A part the figure always has (the loader checked every name): throws std::logic_error if not.
    const PlacedPart& at(std::string_view name) const;
};

// `tool` empty: the pose's first tool (if it has any).
Placed place(const Body& body, const Pose& pose, std::string_view frame, std::string_view tool = {});

std::vector<std::string> parts_of(const Body& body, const Segment& s);
double joint_reading(const Body& body, const Placed& fig, const std::string& part);
std::string fmt_number(double v);  // 12.5, 3, -0.4: for messages

}  // namespace unknot::poses
