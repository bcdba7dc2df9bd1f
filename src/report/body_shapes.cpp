#include "report/body_shapes.hpp"

#include <boost/json.hpp>
#include <stdexcept>

namespace unknot {
extern const char* const body_map_json;  // generated from data/body_map.json
}

namespace unknot::report::shapes {

namespace {

namespace bj = boost::json;

const bj::value& at(const bj::value& v, const char* key) {
    const auto* o = v.if_object();
    const auto* found = o ? o->if_contains(key) : nullptr;
    if (!found) throw std::logic_error(std::string("data/body_map.json: missing \"") + key + "\"");
    return *found;
}

std::string text(const bj::value& v, const char* key) {
    const auto& s = at(v, key);
    if (!s.is_string()) throw std::logic_error(std::string("data/body_map.json: \"") + key + "\" must be text");
    return std::string(s.get_string());
}

double number(const bj::value& v) {
    if (!v.is_number()) throw std::logic_error("data/body_map.json: a coordinate must be a number");
    return v.to_number<double>();
}

Side side_of(const bj::value& view) {
    auto s = text(view, "left_half_side");
    if (s == "left") return Side::left;
    if (s == "right") return Side::right;
    throw std::logic_error("data/body_map.json: left_half_side must be left or right");
}

Geometry parse() {
    auto doc = bj::parse(body_map_json);
    Geometry g;
    g.mirror = text(doc, "mirror");
    const auto& head = at(doc, "head");
    g.head_cx = number(at(head, "cx")), g.head_cy = number(at(head, "cy"));
    g.head_rx = number(at(head, "rx")), g.head_ry = number(at(head, "ry"));
    g.neck = text(doc, "neck");
    for (const auto& d : at(doc, "silhouette_half").as_array()) g.silhouette_half.emplace_back(d.as_string());
    for (const char* name : {"front", "back"}) {
        const auto& view = at(at(doc, "views"), name);
        bool back = std::string_view(name) == "back";
        (back ? g.back_left_half : g.front_left_half) = side_of(view);
        for (const auto& r : at(view, "regions").as_array()) {
            const auto& callout = at(r, "callout").as_array();
            const auto* centre = r.as_object().if_contains("centre");
            g.all.push_back({back, text(r, "region"), text(r, "d"), centre && centre->as_bool(), number(callout.at(0)), number(callout.at(1))});
        }
    }
    return g;
}

}  // namespace

const Geometry& geometry() {
    static const Geometry g = parse();
    return g;
}

}  // namespace unknot::report::shapes
