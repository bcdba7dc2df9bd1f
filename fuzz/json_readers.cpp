// The JSON readers behind every file and body a person sends: screening answers, profiles,
// plans, movement findings and session events. The first byte picks the reader; the rest is the
// document. Strict parsing (duplicate keys, invalid UTF-8) and validation must answer with an
// InputError, never crash or hang; a profile that reads must also plan.
#include <boost/json/serialize.hpp>
#include <cstdint>

#include "codec/codec.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"
#include "fuzz/support.hpp"

using namespace unknot;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    auto which = data[0] % 5;
    auto text = fuzz::text_of(data + 1, size - 1);
    const auto& c = fuzz::catalog();
    try {
        auto v = json::parse(text, "fuzz.json");
        switch (which) {
        case 0: (void)json::answers_from_json(v, ""); break;
        case 1: {
            auto profile = json::profile_from_json(v, c);
            auto plan = make_plan(profile, c);
            (void)json::to_json_text(plan);
            break;
        }
        case 2: {
            auto plan = json::plan_from_json(v, c);
            (void)json::to_json_text(plan);
            break;
        }
        case 3: (void)json::assessment_from_json(v, ""); break;
        default: (void)json::event_from_json(v, ""); break;
        }
    } catch (const InputError&) {
    }
    return 0;
}
