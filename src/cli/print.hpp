#pragma once
// Human-readable output shared by several commands.
#include "catalog/catalog.hpp"
#include "planning/plan.hpp"
#include "screening/screening.hpp"

namespace unknot::cli {

void print_screening(const ScreeningResult& r, const Catalog& c);
void print_plan(const Plan& p, const Catalog& c);
std::string minutes_text(int seconds);  // "12 min" / "45 s"

}  // namespace unknot::cli
