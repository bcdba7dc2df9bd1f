#include "cli/print.hpp"

#include <fmt/core.h>

#include "common/text.hpp"

namespace unknot::cli {

std::string minutes_text(int seconds) {
    if (seconds < 60) return fmt::format("{} s", seconds);
    return fmt::format("{} min", (seconds + 30) / 60);
}

namespace {
std::string region_name(const Catalog& c, const RegionRef& r) {
    const Region* g = c.region(r.region);
    std::string name = g ? g->name : r.region;
    return r.side ? name + " (" + std::string(to_string(*r.side)) + ")" : name;
}
}  // namespace

void print_screening(const ScreeningResult& r, const Catalog& c) {
    switch (r.verdict) {
        case Verdict::clear: fmt::print("Screening: CLEAR - nothing in your answers stops you rolling.\n"); break;
        case Verdict::caution: fmt::print("Screening: CAUTION - you can roll, with the limits below.\n"); break;
        case Verdict::refer:
            fmt::print("Screening: REFER - please do not foam roll until a doctor or physiotherapist says it is safe.\n");
            break;
    }
    for (const auto& x : r.reasons) fmt::print("  * {} [{}]: {}\n", x.condition, to_string(x.outcome), x.text);
    if (!r.excluded_regions.empty()) {
        std::vector<std::string> names;
        for (const auto& g : r.excluded_regions) names.push_back(region_name(c, g));
        fmt::print("Never rolled: {}\n", join(names, ", "));
    }
    for (const auto& a : r.advice) fmt::print("Advice: {}\n", a);
    for (const auto& f : r.follow_ups)
        fmt::print("Please also answer `{}`: {}{}\n", f.id, f.question, f.kind == FollowUpKind::regions ? " (list the body regions)" : " (true/false)");
}

void print_plan(const Plan& p, const Catalog& c) {
    print_screening(p.screening, c);
    if (p.phases.empty()) {
        fmt::print("\nNo routine today.\n");
    } else {
        static const char* names[] = {"warm-up", "cool-down", "daily"};
        fmt::print("\nYour {} routine: about {} (you have {}).\n", names[static_cast<int>(p.context)], minutes_text(p.total_seconds),
                   minutes_text(p.budget_seconds));
    }
    int n = 0;
    for (const auto& ph : p.phases) {
        static const char* titles[] = {"1. Roll (inhibit the overactive tissue)", "2. Stretch (lengthen the same tissue)",
                                       "3. Activate (wake up the underactive muscles)", "4. Integrate (put the movement back together)"};
        fmt::print("\n{}\n", titles[static_cast<int>(ph.phase)]);
        for (const auto& i : ph.items) {
            auto side = i.side ? fmt::format(", {} side", to_string(*i.side)) : std::string{};
            if (i.kind == ItemKind::smr) {
                fmt::print("  {:>2}. {}{} - {}: roll slowly {} s, hold each tender spot {}-{} s (aim {} s)\n", ++n, i.name, side,
                           c.tool(i.tool) ? c.tool(i.tool)->name : i.tool, i.roll_s, i.hold_min_s, i.hold_max_s, i.hold_target_s);
            } else if (i.kind == ItemKind::stretch) {
                fmt::print("  {:>2}. {}{} - hold {} s\n", ++n, i.name, side, i.hold_target_s);
            } else {
                auto how = i.isometric_s ? fmt::format(", hold {} s each", i.isometric_s) : i.tempo.empty() ? std::string{} : ", tempo " + i.tempo;
                fmt::print("  {:>2}. {}{} - {}-{} slow reps{}\n", ++n, i.name, side, i.reps_min, i.reps_max, how);
            }
            std::vector<std::string> because;
            for (const auto& w : i.why)
                if (!w.finding.empty()) because.push_back(w.finding + (w.role == "integrate" ? "" : " (" + w.muscle + " " + w.role + ")"));
            if (!because.empty()) fmt::print("      because: {}\n", join(because, "; "));
        }
    }
    for (const auto& d : p.dropped) fmt::print("\nLeft out: {} - {}", d.target, d.reason);
    if (!p.dropped.empty()) fmt::print("\n");
    for (const auto& note : p.notes) fmt::print("\nNote: {}\n", note);
}

}  // namespace unknot::cli
