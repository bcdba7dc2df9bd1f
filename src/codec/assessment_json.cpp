#include "codec/codec.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"

namespace unknot::json {

namespace {
bj::value side_json(const std::optional<Side>& s) { return s ? bj::value(to_string(*s)) : bj::value(nullptr); }

bj::array findings_json(const std::vector<Finding>& v) {
    bj::array a;
    for (const auto& f : v) {
        bj::object o{{"id", f.id}};
        if (f.side) o["side"] = to_string(*f.side);
        a.push_back(std::move(o));
    }
    return a;
}

bj::array implicated_json(const std::vector<Implicated>& list, const Catalog& c) {
    bj::array a;
    for (const auto& x : list) {
        bj::array because;
        for (const auto& b : x.because)
            because.push_back(bj::object{{"finding", b.finding}, {"side", side_json(b.side)}, {"edition", b.edition}, {"sources", strings(b.sources)}});
        const Muscle* m = c.muscle(x.muscle);
        a.push_back(bj::object{{"muscle", x.muscle},
                               {"name", m ? m->name : x.muscle},
                               {"regions", m ? strings(m->regions) : bj::array{}},
                               {"side", side_json(x.side)},
                               {"count", x.count()},
                               {"because", std::move(because)}});
    }
    return a;
}
}  // namespace

Assessment assessment_from_json(const bj::value& v, const std::string& path) {
    const auto& o = as_object(v, path);
    only_keys(o, path, {"findings", "edition"});
    Assessment a;
    auto* fs = o.if_contains("findings");
    if (!fs) throw InputError(child(path, "findings"), "missing: list what you saw, e.g. [{\"id\": \"knees_move_inward\"}]");
    const auto& arr = as_array(*fs, child(path, "findings"));
    for (std::size_t i = 0; i < arr.size(); ++i) {
        auto p = index(child(path, "findings"), i);
        const auto& fo = as_object(arr[i], p);
        only_keys(fo, p, {"id", "side"});
        Finding f;
        auto* id = fo.if_contains("id");
        if (!id) throw InputError(child(p, "id"), "missing");
        f.id = as_string(*id, child(p, "id"));
        if (auto* side = fo.if_contains("side"); side && !side->is_null()) {
            auto s = parse_side(as_string(*side, child(p, "side")));
            if (!s) throw InputError(child(p, "side"), "must be left or right");
            f.side = s;
        }
        a.findings.push_back(std::move(f));
    }
    if (auto* e = o.if_contains("edition")) a.edition = as_string(*e, child(path, "edition"));
    return a;
}

bj::value to_json(const Assessment& a) { return bj::object{{"findings", findings_json(a.findings)}, {"edition", a.edition}}; }

bj::value to_json(const AssessmentResult& r, const Catalog& c) {
    return bj::object{{"edition", r.edition}, {"overactive", implicated_json(r.overactive, c)}, {"underactive", implicated_json(r.underactive, c)}};
}

bj::value to_json(const Changes& c) {
    return bj::object{{"resolved", findings_json(c.resolved)}, {"persisted", findings_json(c.persisted)}, {"appeared", findings_json(c.appeared)}};
}

bj::value to_json(const Compensation& c) {
    return bj::object{{"id", c.id}, {"name", c.name}, {"assessment", c.assessment}, {"view", c.view}, {"sided", c.sided},
                      {"look_for", c.look_for}, {"sources", strings(c.sources)}};
}

bj::value to_json(const Activation& a) {
    bj::object o{{"id", a.id},       {"name", a.name},         {"muscles", strings(a.muscles)}, {"regions", strings(a.regions)},
                 {"per_side", a.per_side}, {"needs_floor", a.needs_floor}, {"equipment", a.equipment},     {"setup", strings(a.setup)},
                 {"reps_min", a.reps_min}, {"reps_max", a.reps_max},     {"cues", strings(a.cues)},       {"sources", strings(a.sources)}};
    o["tempo"] = a.tempo.empty() ? bj::value(nullptr) : bj::value(a.tempo);
    o["isometric_s"] = a.isometric_s ? bj::value(a.isometric_s) : bj::value(nullptr);
    return o;
}

bj::value to_json(const Integration& g) {
    return bj::object{{"id", g.id},           {"name", g.name},         {"muscles", strings(g.muscles)}, {"regions", strings(g.regions)},
                      {"needs_floor", g.needs_floor}, {"equipment", g.equipment}, {"setup", strings(g.setup)},
                      {"reps_min", g.reps_min}, {"reps_max", g.reps_max}, {"cues", strings(g.cues)}, {"sources", strings(g.sources)}};
}

}  // namespace unknot::json
