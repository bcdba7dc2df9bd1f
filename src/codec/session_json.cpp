#include "codec/codec.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"

namespace unknot::json {

namespace {
bj::value side_json(const std::optional<Side>& s) { return s ? bj::value(to_string(*s)) : bj::value(nullptr); }
}  // namespace

// A replay line: {"t": 12.5, "type": "found", "tenderness": 7} (t in seconds from the start).
Event event_from_json(const bj::value& v, const std::string& path) {
    const auto& o = as_object(v, path);
    only_keys(o, path, {"t", "type", "tenderness", "id"});
    Event e;
    auto* t = o.if_contains("t");
    if (!t) throw InputError(child(path, "t"), "missing: seconds since the session began");
    double secs = 0;
    if (t->is_double()) secs = t->get_double();
    else secs = static_cast<double>(as_int(*t, child(path, "t"), 0, 86400));
    if (secs < 0 || secs > 86400) throw InputError(child(path, "t"), "must be from 0 to 86400 seconds");
    e.t_ms = static_cast<std::int64_t>(secs * 1000.0 + 0.5);
    auto* ty = o.if_contains("type");
    if (!ty) throw InputError(child(path, "type"), "missing");
    auto name = as_string(*ty, child(path, "type"));
    auto type = parse_event_type(name);
    if (!type)
        throw InputError(child(path, "type"), "unknown event `" + name + "`; expected start, in_position, found, eased, too_painful, next, skip, pause, resume, quit or tick");
    e.type = *type;
    if (auto* tn = o.if_contains("tenderness")) e.tenderness = static_cast<int>(as_int(*tn, child(path, "tenderness"), 0, 10));
    return e;
}

bj::value to_json(const HoldRecord& h) {
    bj::object o{{"item", h.item},       {"technique", h.technique}, {"side", side_json(h.side)}, {"muscles", strings(h.muscles)},
                 {"spot", h.spot},       {"found_ms", h.found_ms},   {"ended_ms", h.ended_ms},   {"hold_s", h.hold_s},
                 {"tenderness_start", h.tenderness_start}, {"outcome", to_string(h.outcome)}};
    o["tenderness_end"] = h.tenderness_end ? bj::value(*h.tenderness_end) : bj::value(nullptr);
    return o;
}

bj::value to_json(const VisitRecord& v) {
    return bj::object{{"item", v.item},         {"kind", to_string(v.kind)}, {"id", v.id},
                      {"side", side_json(v.side)}, {"muscles", strings(v.muscles)}, {"outcome", to_string(v.outcome)},
                      {"spots", v.spots},       {"started_ms", v.started_ms}, {"ended_ms", v.ended_ms}};
}

bj::value to_json(const Cue& c) { return bj::object{{"id", c.id}, {"text", c.text}, {"at_ms", c.at_ms}}; }

}  // namespace unknot::json
