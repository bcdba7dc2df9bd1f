#pragma once
// A move's picture as shapes: SVG path data in the picture's own coordinates (y down), one list
// per frame with the same parts in the same order and the same path commands, so a renderer
// can show a frame, ghost one, or animate between two by interpolating the numbers.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/side.hpp"
#include "poses/model.hpp"

namespace unknot::poses {

struct Shape {
    std::string part;  // "thigh_near", "head", "tool", "floor", "chair"
    std::string role;  // body, far, tool, tool_ring, floor, wall, prop
    std::string d;
};

struct Picture {
    std::string move, pose, tool, view;
    Side side = Side::left;
    double x = 0, y = 0, w = 0, h = 0;  // the viewBox: the same scale for every move
    double tx = 0, ty = 0, tw = 0, th = 0;  // just the figure and its props, for a print card
    double pace_s = 3;
    std::vector<Shape> scene;           // floor, wall, furniture: the same in every frame
    std::optional<double> wall_x;       // where the wall is, in the viewBox
    std::vector<std::string> frame_names;  // setup first, then start and end when it has them
    std::map<std::string, std::vector<Shape>> frames;
    std::string arrow, arrow_head;      // the roll path on the body, from roll_from to roll_to
};

// The picture of `pose` showing `tool` (empty: the pose's own) on `side`: the pose shows the
// left side; the right is its mirror image.
Picture draw(const Body& body, const Pose& pose, std::string_view tool, Side side);

struct Palette {
    std::string paper, body, far, tool_fill, tool_line, scene, arrow;
    double ghost = 0.22;
};

// A still SVG document: the set-up pose solid, the roll's start and end ghosted, the path as an
// arrow. For the PDF (librsvg draws it through cairo) and the contact sheet.
// `tight`: the viewBox hugs the drawing instead of keeping the common scale.
std::string still_svg(const Picture& p, const Palette& ink, bool tight = false);

}  // namespace unknot::poses
