#pragma once
// The body map, drawn as SVG in code (the same outline as the web app's) and rendered with
// librsvg: front and back views, the places rolled hatched and numbered, the places screening
// left out cross-hatched and boxed, the places never rolled in grey. Patterns, outline weight
// and labels carry the meaning, so it reads the same printed in black and white.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"

typedef struct _cairo cairo_t;

namespace unknot::report {

struct BodyMarks {
    // Places rolled, keyed "region" (both sides, or an unsided region) or "region:side", with
    // the numbers of the exercises that roll them.
    std::map<std::string, std::vector<int>> rolled;
    std::vector<RegionRef> excluded;
};

// Both views side by side, with callouts and a legend. Its width / height is body_map_aspect.
std::string body_map_svg(const Catalog& c, const BodyMarks& marks);
inline constexpr double body_map_aspect = 520.0 / 650.0;

// One view (front or back, whichever shows more of the places) with the places filled, for
// the small picture on an exercise card. Its width / height is mini_map_aspect.
std::string mini_map_svg(const std::vector<std::string>& regions, std::optional<Side> side);
inline constexpr double mini_map_aspect = 200.0 / 500.0;

// Renders an SVG document into the box. Throws std::runtime_error when librsvg refuses it.
void draw_svg(cairo_t* cr, const std::string& svg, double x, double y, double w, double h);

}  // namespace unknot::report
