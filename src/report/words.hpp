#pragma once
// The plain words printed outputs use for domain values, in one place so the handout, the
// progress report and the calendar never describe the same thing two ways.
#include <string>
#include <vector>

#include "planning/plan.hpp"
#include "progress/progress.hpp"

namespace unknot::report {

std::string long_date(int day);  // "Sunday 22 November 2026"
std::string short_date(int day);  // "22 Nov"
std::string minutes_words(int seconds);  // "about 12 min"
std::string context_words(Context c);  // "Warm-up"

struct PhaseWords {
    std::string step;   // "Step 1 of 4 · Inhibit"
    std::string title;  // "Roll"
    std::string what;   // one line on what this phase is for
};
PhaseWords phase_words(PhaseKind p, int number, int count);

std::string region_name(const Catalog& c, const RegionRef& r);  // "Calf (left side)"
std::string area_name(const Catalog& c, const std::string& id);  // a muscle's or region's name
std::string condition_words(const std::string& condition_id);  // "varicose veins"
std::string verdict_words(Verdict v);
std::string trend_words(Trend t);

// Why screening left a place out: the answers that named it, in plain words.
std::vector<std::string> excluded_because(const RegionRef& place, const ScreeningResult& r, const Catalog& c, const Answers* answers);

// One plan item's dose on one line: "Roll slowly 30 s, then hold each tender spot 30-90 s (aim 45 s)".
std::string dose_words(const PlanItem& item, const Catalog& c);
// "Left side, then right" / "Left side only" / "Both legs together"
std::string sides_words(const std::vector<const PlanItem*>& sides);

}  // namespace unknot::report
