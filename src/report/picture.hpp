#pragma once
// A move's picture on paper: the pose data drawn as SVG through librsvg and cairo, so the PDF
// shows exactly the figure the web app shows.
#include <optional>
#include <string>

#include "catalog/catalog.hpp"
#include "common/side.hpp"
#include "poses/picture.hpp"

typedef struct _cairo cairo_t;

namespace unknot::report {

// The palette pictures print with: dark body, lighter far limbs, a pale tool with a dark rim, so
// greyscale keeps the parts apart.
const poses::Palette& picture_ink();

// Draws the still picture of `move` (with `tool`, on `side`) fitted and centred in the box.
// Returns false, drawing nothing, when the catalog has no pose for it.
bool draw_picture(cairo_t* cr, const Catalog& catalog, const std::string& move, const std::string& tool, Side side, double x, double y,
                  double w, double h);

// The SVG of the still picture, or nullopt when no pose shows the move.
std::optional<std::string> picture_svg(const Catalog& catalog, const std::string& move, const std::string& tool, Side side);

}  // namespace unknot::report
