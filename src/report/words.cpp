#include "report/words.hpp"

#include <algorithm>
#include <chrono>
#include <cctype>

#include "common/text.hpp"

namespace unknot::report {

namespace {

std::chrono::year_month_day ymd_of(int day) { return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{day}}}; }

const char* month_name(unsigned m) {
    static const char* names[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
    return names[(m + 11) % 12];
}

bool names_place(const std::vector<std::string>& listed, const RegionRef& place) {
    for (const auto& s : listed) {
        auto ref = parse_region_ref(s);
        if (ref && ref->region == place.region && (!ref->side || ref->side == place.side)) return true;
    }
    return false;
}

}  // namespace

std::string long_date(int day) {
    static const char* weekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    auto d = ymd_of(day);
    std::chrono::weekday wd{std::chrono::sys_days{d}};
    return std::string(weekdays[wd.c_encoding()]) + " " + std::to_string(static_cast<unsigned>(d.day())) + " " +
           month_name(static_cast<unsigned>(d.month())) + " " + std::to_string(static_cast<int>(d.year()));
}

std::string short_date(int day) {
    auto d = ymd_of(day);
    return std::to_string(static_cast<unsigned>(d.day())) + " " + std::string(month_name(static_cast<unsigned>(d.month()))).substr(0, 3);
}

std::string minutes_words(int seconds) {
    if (seconds < 60) return "about " + std::to_string(seconds) + " s";
    return "about " + std::to_string((seconds + 30) / 60) + " min";
}

std::string context_words(Context c) {
    switch (c) {
        case Context::warm_up: return "Warm-up";
        case Context::cool_down: return "Cool-down";
        case Context::daily: return "Daily routine";
    }
    return "Routine";
}

PhaseWords phase_words(PhaseKind p, int number, int count) {
    auto step = "Step " + std::to_string(number) + " of " + std::to_string(count) + " \u00b7 ";
    switch (p) {
        case PhaseKind::inhibit:
            return {step + "Inhibit", "Roll", "Search slowly for the most tender spot, then stay on it until it eases."};
        case PhaseKind::lengthen:
            return {step + "Lengthen", "Stretch", "Stretch the tissue you just rolled, while it is relaxed. Hold still; no bouncing."};
        case PhaseKind::activate:
            return {step + "Activate", "Activate", "Wake up the muscles that are under-working, with slow, controlled repetitions."};
        case PhaseKind::integrate:
            return {step + "Integrate", "Integrate", "Put the whole movement back together, smoothly and with good form."};
    }
    return {step, "", ""};
}

std::string region_name(const Catalog& c, const RegionRef& r) {
    const Region* g = c.region(r.region);
    std::string name = g ? g->name : r.region;
    if (r.side) return name + " (" + std::string(to_string(*r.side)) + " side)";
    if (g && g->sided) return name + " (both sides)";
    return name;
}

std::string area_name(const Catalog& c, const std::string& id) {
    if (const Muscle* m = c.muscle(id)) return m->name;
    if (const Region* g = c.region(id)) return g->name;
    return id;
}

std::string condition_words(const std::string& condition_id) {
    std::string s = condition_id;
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

std::string verdict_words(Verdict v) {
    switch (v) {
        case Verdict::clear: return "Clear: nothing in the health answers stops this routine.";
        case Verdict::caution: return "Roll with care: the limits below apply.";
        case Verdict::refer: return "Do not foam roll for now: see a doctor or physiotherapist first.";
    }
    return "";
}

std::string trend_words(Trend t) {
    switch (t) {
        case Trend::fewer_and_milder: return "fewer and milder";
        case Trend::fewer: return "fewer spots";
        case Trend::milder: return "milder";
        case Trend::unchanged: return "no change yet";
        case Trend::worse: return "more or worse";
        case Trend::not_enough_data: return "needs 2+ sessions";
    }
    return "";
}

std::vector<std::string> excluded_because(const RegionRef& place, const ScreeningResult& r, const Catalog& c, const Answers* answers) {
    std::vector<std::string> out;
    auto said_yes = [&](const std::string& id) {
        if (!answers) return true;
        auto it = answers->find(id);
        auto* b = it == answers->end() ? nullptr : std::get_if<bool>(&it->second);
        return b && *b;
    };
    auto marked = [&](const std::string& id) {
        if (!answers) return true;
        auto it = answers->find(id);
        auto* list = it == answers->end() ? nullptr : std::get_if<std::vector<std::string>>(&it->second);
        return list && names_place(*list, place);
    };
    for (const auto& reason : r.reasons) {
        const Condition* cond = c.condition(reason.condition);
        if (!cond) continue;
        bool why = std::find(cond->exclude.begin(), cond->exclude.end(), place.region) != cond->exclude.end();
        if (const auto& f = cond->follow_up) {
            if (f->kind == FollowUpKind::yes_no)
                why = why || (std::find(f->exclude_if_yes.begin(), f->exclude_if_yes.end(), place.region) != f->exclude_if_yes.end() &&
                              said_yes(f->id));
            else why = why || marked(f->id);
        }
        if (why) out.push_back(condition_words(cond->id));
    }
    return out;
}

std::string dose_words(const PlanItem& i, const Catalog&) {
    auto sets = i.sets > 1 ? ", " + std::to_string(i.sets) + " sets" : std::string{};
    switch (i.kind) {
        case ItemKind::smr:
            return "Roll slowly for " + std::to_string(i.roll_s) + " s, then hold each tender spot " + std::to_string(i.hold_min_s) +
                   "\u2013" + std::to_string(i.hold_max_s) + " s (aim for " + std::to_string(i.hold_target_s) + " s)" + sets;
        case ItemKind::stretch: return "Hold " + std::to_string(i.hold_target_s) + " s" + (i.sets > 1 ? sets : ", 1 set");
        case ItemKind::activation:
            if (i.isometric_s > 0)
                return std::to_string(i.reps_min) + "\u2013" + std::to_string(i.reps_max) + " holds of " + std::to_string(i.isometric_s) + " s each" + sets;
            return std::to_string(i.reps_min) + "\u2013" + std::to_string(i.reps_max) + " slow reps" + sets;
        case ItemKind::integration:
            return std::to_string(i.reps_min) + "\u2013" + std::to_string(i.reps_max) + " slow, controlled reps" + sets;
    }
    return "";
}

std::string sides_words(const std::vector<const PlanItem*>& sides) {
    if (sides.empty() || !sides.front()->side) return "";
    if (sides.size() == 1) return "Only the " + std::string(to_string(*sides.front()->side)) + " side";
    std::vector<std::string> names;
    for (const auto* i : sides) names.push_back(std::string(to_string(*i->side)));
    names.front()[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(names.front()[0])));
    return join(names, " side, then ") + " side";
}

}  // namespace unknot::report
