#include "poses/model.hpp"

namespace unknot::poses {

const Segment* Body::segment(const std::string& id) const {
    for (const auto& s : segments)
        if (s.id == id) return &s;
    return nullptr;
}
const Prop* Body::prop(const std::string& id) const {
    for (const auto& p : props)
        if (p.id == id) return &p;
    return nullptr;
}
const ToolDrawing* Body::tool(const std::string& id) const {
    for (const auto& t : tools)
        if (t.tool == id) return &t;
    return nullptr;
}

const Chain* Body::chain_of(const std::string& limb) const {
    for (const auto& c : chains)
        if (limb == c.id + "_near" || limb == c.id + "_far") return &c;
    return nullptr;
}

std::string segment_of(const std::string& part) {
    for (const char* s : {"_near", "_far"})
        if (part.ends_with(s)) return part.substr(0, part.size() - std::string_view(s).size());
    return part;
}

const Frame* Pose::frame(const std::string& name) const {
    for (const auto& f : frames)
        if (f.name == name) return &f;
    return nullptr;
}

}  // namespace unknot::poses
