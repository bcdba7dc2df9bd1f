#include "fuzz/support.hpp"

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "codec/codec.hpp"
#include "codec/json_util.hpp"

namespace unknot::fuzz {

const Catalog& catalog() {
    static const auto c = std::make_unique<Catalog>(Catalog::load(json::read_content_dir(UNKNOT_DATA_DIR)));
    return *c;
}

const Plan& example_plan() {
    static const auto p = [] {
        std::ifstream in(std::string(UNKNOT_EXAMPLES_DIR) + "/profile.json");
        std::stringstream s;
        s << in.rdbuf();
        auto profile = json::profile_from_json(json::parse(s.str(), "examples/profile.json"), catalog());
        return std::make_unique<Plan>(make_plan(profile, catalog()));
    }();
    return *p;
}

}  // namespace unknot::fuzz
