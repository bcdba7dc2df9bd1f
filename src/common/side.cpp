#include "common/side.hpp"

namespace unknot {

std::string_view to_string(Side s) { return s == Side::left ? "left" : "right"; }

std::optional<Side> parse_side(std::string_view s) {
    if (s == "left") return Side::left;
    if (s == "right") return Side::right;
    return std::nullopt;
}

Side other(Side s) { return s == Side::left ? Side::right : Side::left; }

bool RegionRef::covers(std::string_view other_region, std::optional<Side> s) const {
    if (region != other_region) return false;
    // A one-sided exclusion does not touch the other side, but does touch an unsided item.
    return !side || !s || *side == *s;
}

std::string RegionRef::str() const { return side ? region + ":" + std::string(to_string(*side)) : region; }

std::optional<RegionRef> parse_region_ref(std::string_view s) {
    auto colon = s.find(':');
    if (colon == std::string_view::npos) return RegionRef{std::string(s), std::nullopt};
    auto side = parse_side(s.substr(colon + 1));
    if (!side) return std::nullopt;
    return RegionRef{std::string(s.substr(0, colon)), side};
}

}  // namespace unknot
