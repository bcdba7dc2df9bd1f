#include "codec/codec.hpp"
#include "codec/json_util.hpp"

namespace unknot::json {

bj::value technique_summary(const Technique& t) {
    return bj::object{{"id", t.id},           {"name", t.name},         {"muscles", strings(t.muscles)},
                      {"regions", strings(t.regions)}, {"per_side", t.per_side}, {"tools", strings(t.tools)},
                      {"sources", strings(t.sources)}};
}

bj::value to_json(const Technique& t, const Catalog& c) {
    auto o = technique_summary(t).as_object();
    o["summary"] = t.summary;
    o["position"] = t.position;
    o["needs_floor"] = t.needs_floor;
    o["setup"] = strings(t.setup);
    o["roll_from"] = t.roll_from;
    o["roll_to"] = t.roll_to;
    o["lighter"] = strings(t.lighter);
    o["heavier"] = strings(t.heavier);
    o["avoid"] = strings(t.avoid);
    o["avoid_regions"] = strings(t.avoid_regions);
    o["hold_min_s"] = t.hold_min_s;
    o["hold_max_s"] = t.hold_max_s;
    o["cues"] = strings(t.cues);
    o["population"] = t.population;
    bj::array stretches;
    for (const auto& s : c.stretches())
        for (const auto& m : t.muscles)
            if (std::find(s.muscles.begin(), s.muscles.end(), m) != s.muscles.end()) {
                stretches.emplace_back(s.id);
                break;
            }
    o["stretches"] = std::move(stretches);
    return o;
}

bj::value to_json(const Stretch& s) {
    return bj::object{{"id", s.id},
                      {"name", s.name},
                      {"muscles", strings(s.muscles)},
                      {"regions", strings(s.regions)},
                      {"per_side", s.per_side},
                      {"needs_floor", s.needs_floor},
                      {"setup", strings(s.setup)},
                      {"hold_s", s.hold_s},
                      {"hold_s_older_adult", s.hold_s_older_adult},
                      {"cues", strings(s.cues)},
                      {"sources", strings(s.sources)}};
}

bj::value to_json(const Article& a) {
    return bj::object{{"slug", a.slug}, {"title", a.title}, {"summary", a.summary}, {"sources", strings(a.sources)}, {"body", a.body}};
}

bj::value article_summary(const Article& a) {
    return bj::object{{"slug", a.slug}, {"title", a.title}, {"summary", a.summary}, {"sources", strings(a.sources)}};
}

bj::value to_json(const Muscle& m) {
    return bj::object{{"id", m.id}, {"name", m.name}, {"regions", strings(m.regions)}, {"sided", m.sided}, {"kind", m.kind}};
}

bj::value to_json(const Region& r) {
    bj::array views;
    if (r.front) views.emplace_back("front");
    if (r.back) views.emplace_back("back");
    return bj::object{{"id", r.id},     {"name", r.name},         {"views", std::move(views)},
                      {"sided", r.sided}, {"rollable", r.rollable}, {"why_not", r.why_not}};
}

bj::value to_json(const Tool& t) {
    return bj::object{{"id", t.id}, {"name", t.name}, {"description", t.description}, {"needs_floor", t.needs_floor}, {"held_in_hand", t.held_in_hand}};
}

bj::value to_json(const Condition& c) {
    bj::value follow = nullptr;
    if (c.follow_up)
        follow = bj::object{{"id", c.follow_up->id}, {"question", c.follow_up->question},
                            {"kind", c.follow_up->kind == FollowUpKind::yes_no ? "yes_no" : "regions"}};
    return bj::object{{"id", c.id}, {"question", c.question}, {"explain", c.explain}, {"outcome", to_string(c.outcome)}, {"follow_up", follow}};
}

bj::value gate_json(const Catalog& c) {
    bj::array questions;
    for (const auto& g : c.gate())
        questions.push_back(bj::object{{"id", g.id}, {"question", g.question}, {"covers", strings(g.covers)}, {"sources", strings(g.sources)}});
    const auto& p = c.clearance_policy();
    return bj::object{{"questions", std::move(questions)},
                      {"clearance", bj::object{{"valid_days", p.valid_days}, {"why", p.why}, {"sources", strings(p.sources)}}}};
}

bj::value to_json(const CueText& c) {
    return bj::object{{"id", c.id},
                      {"when", c.when},
                      {"text", c.text},
                      {"at_s", c.at_s >= 0 ? bj::value(c.at_s) : bj::value(nullptr)},
                      {"every_s", c.every_s > 0 ? bj::value(c.every_s) : bj::value(nullptr)}};
}

bj::value to_json(const Goal& g) {
    return bj::object{{"id", g.id}, {"name", g.name}, {"summary", g.summary}, {"targets", strings(g.targets)}, {"context", g.context}, {"minutes", g.minutes}};
}

bj::value to_json(const Source& s) { return bj::object{{"key", s.key}, {"title", s.title}, {"url", s.url}, {"note", s.note}}; }

}  // namespace unknot::json
