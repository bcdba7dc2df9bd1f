#pragma once
// The pieces of a handout's flow: phase headings and exercise cards.
#include <vector>

#include "planning/plan.hpp"
#include "report/exercises.hpp"
#include "report/page.hpp"

namespace unknot::report {

Block phase_heading(cairo_t* cr, PhaseKind phase, int number, int count, double width);
Block card_block(cairo_t* cr, const Exercise& card, const Catalog& catalog, double width);

}  // namespace unknot::report
