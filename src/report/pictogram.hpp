#pragma once
// The small picture on each exercise card. Rolling: a figure in the technique's position with
// the tool under the place rolled. Stretches and exercises: a small body with the places worked.
#include "planning/plan.hpp"

typedef struct _cairo cairo_t;

namespace unknot::report {

// `both_sides`: the card covers the left and the right side of the item.
void draw_pictogram(cairo_t* cr, const PlanItem& item, const Catalog& catalog, bool both_sides, double x, double y, double w, double h);

}  // namespace unknot::report
