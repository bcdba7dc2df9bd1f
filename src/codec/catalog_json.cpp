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

}  // namespace unknot::json
