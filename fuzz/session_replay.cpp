// Replaying session events (the CLI's --replay lines and the API's event posts go through the
// same reader and engine): any JSON lines drive the engine to some state without a crash, a
// record is only ever made of a plan item, and tenderness stays on the 0-10 scale it was read on.
#include <cstdint>
#include <string>

#include "codec/codec.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"
#include "fuzz/support.hpp"
#include "session/engine.hpp"

using namespace unknot;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto& plan = fuzz::example_plan();
    Engine engine(plan, fuzz::catalog());
    auto items = static_cast<int>(engine.items().size());
    auto text = fuzz::text_of(data, size);
    std::size_t at = 0;
    for (int line = 0; at <= text.size() && line < 2000; ++line) {
        auto end = text.find('\n', at);
        auto one = text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
        at = end == std::string_view::npos ? text.size() + 1 : end + 1;
        if (one.empty()) continue;
        Output out;
        try {
            out = engine.handle(json::event_from_json(json::parse(one, "fuzz.jsonl"), "line"));
        } catch (const InputError&) {
            continue;
        }
        for (const auto& h : out.holds) {
            if (h.item < 0 || h.item >= items) fuzz::broken("a hold outside the plan's items");
            if (h.tenderness_start < 0 || h.tenderness_start > 10) fuzz::broken("tenderness off the scale");
            if (h.ended_ms < h.found_ms || h.hold_s < 0) fuzz::broken("a hold that ends before it starts");
        }
        for (const auto& v : out.visits)
            if (v.item < 0 || v.item >= items) fuzz::broken("a visit outside the plan's items");
    }
    (void)engine.snapshot();
    return 0;
}
