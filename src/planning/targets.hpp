#pragma once
// Resolving what the person asked for ("calf", "hamstrings", "piriformis:left") into muscles.
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"

namespace unknot {

struct Target {
    std::string asked;                 // as written in the profile
    std::string id;                    // the muscle or region id, without a side
    std::vector<std::string> muscles;  // muscles it names (a region names all of its muscles)
    std::optional<Side> side;          // only this side, if given
    bool is_region = false;
};

// Throws InputError("targets[i]") for unknown ids (with nearest matches) and impossible sides.
Target resolve_target(const std::string& asked, std::size_t index, const Catalog& catalog);

}  // namespace unknot
