#pragma once
// The body map's geometry, from data/body_map.json (compiled in by src/CMakeLists.txt; the web
// app imports the same file), so the handout and the screen can never draw different bodies.
#include <string>
#include <vector>

#include "common/side.hpp"

namespace unknot::report::shapes {

struct Shape {
    bool back = false;
    std::string region;
    std::string d;
    bool centre = false;  // an unsided region, drawn once across the middle
    double x = 0, y = 0;  // where a callout points
};

struct Geometry {
    std::string mirror;  // the transform that draws a left-half shape on the right half
    double head_cx = 0, head_cy = 0, head_rx = 0, head_ry = 0;
    std::string neck;
    std::vector<std::string> silhouette_half;
    std::vector<Shape> all;  // front then back, in drawing order
    Side front_left_half = Side::right, back_left_half = Side::left;
};

// Parsed once; a malformed file is a build mistake and throws std::logic_error naming the field.
const Geometry& geometry();

}  // namespace unknot::report::shapes
