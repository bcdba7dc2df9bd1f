// A move's picture for the web app: shapes as SVG path data, frame by frame (api/openapi.json
// `Picture`). The app draws, ghosts and animates them; it holds no geometry of its own.
#include <boost/json.hpp>

#include "codec/codec.hpp"

namespace unknot::json {

namespace {
bj::array shapes(const std::vector<poses::Shape>& list) {
    bj::array out;
    for (const auto& s : list) out.push_back(bj::object{{"part", s.part}, {"role", s.role}, {"d", s.d}});
    return out;
}
}  // namespace

bj::value to_json(const poses::Picture& p) {
    bj::object frames;
    for (const auto& [name, list] : p.frames) frames[name] = shapes(list);
    bj::array names;
    for (const auto& n : p.frame_names) names.push_back(bj::string(n));
    bj::object o{{"move", p.move},
                 {"pose", p.pose},
                 {"view", p.view},
                 {"side", std::string(to_string(p.side))},
                 {"view_box", bj::array{p.x, p.y, p.w, p.h}},
                 {"pace_s", p.pace_s},
                 {"scene", shapes(p.scene)},
                 {"frame_names", names},
                 {"frames", frames}};
    o["tool"] = p.tool.empty() ? bj::value(nullptr) : bj::value(p.tool);
    if (!p.arrow.empty()) o["arrow"] = bj::object{{"line", p.arrow}, {"head", p.arrow_head}};
    else o["arrow"] = nullptr;
    return o;
}

}  // namespace unknot::json
