#include "planning/targets.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "common/text.hpp"

namespace unknot {

Target resolve_target(const std::string& asked, std::size_t index, const Catalog& catalog) {
    auto where = "targets[" + std::to_string(index) + "]";
    auto ref = parse_region_ref(asked);  // same "id[:side]" shape for muscles and regions
    if (!ref || !is_id(ref->region))
        throw InputError(where, "`" + asked + "` must be a muscle or region id, optionally followed by :left or :right");
    Target t{asked, ref->region, {}, ref->side, false};
    if (const Muscle* m = catalog.muscle(ref->region)) {
        if (t.side && !m->sided) throw InputError(where, "`" + m->id + "` has no left or right side");
        t.muscles.push_back(m->id);
        return t;
    }
    if (const Region* g = catalog.region(ref->region)) {
        if (t.side && !g->sided) throw InputError(where, "region `" + g->id + "` has no left or right side");
        t.is_region = true;
        for (const auto& m : catalog.muscles())
            if (std::find(m.regions.begin(), m.regions.end(), g->id) != m.regions.end()) t.muscles.push_back(m.id);
        return t;
    }
    auto known = catalog.muscle_ids();
    auto regions = catalog.region_ids();
    known.insert(known.end(), regions.begin(), regions.end());
    throw InputError(where, "unknown muscle or region `" + ref->region + "`" + did_you_mean(nearest(ref->region, known)));
}

}  // namespace unknot
