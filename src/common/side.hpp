#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace unknot {

enum class Side { left, right };

std::string_view to_string(Side s);
std::optional<Side> parse_side(std::string_view s);
Side other(Side s);

// A place on the body: a region id, and a side when only one side is meant.
struct RegionRef {
    std::string region;
    std::optional<Side> side;  // nullopt: both sides (or an unsided region)

    // True when rolling `region` on `s` (nullopt = unsided item) touches this place.
    bool covers(std::string_view other_region, std::optional<Side> s) const;
    std::string str() const;  // "calf" or "calf:left"
    friend bool operator==(const RegionRef&, const RegionRef&) = default;
};

// Parses "calf" or "calf:left"; the id itself is checked by the caller against the catalog.
std::optional<RegionRef> parse_region_ref(std::string_view s);

}  // namespace unknot
