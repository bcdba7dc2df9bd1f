#pragma once
// What every fuzz target shares: the real catalog and a real plan, loaded once per process.
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string_view>

#include "catalog/catalog.hpp"
#include "planning/plan.hpp"

namespace unknot::fuzz {

const Catalog& catalog();   // data/, as the binary loads it
const Plan& example_plan(); // examples/profile.json, planned

// A broken invariant: print it and abort, so libFuzzer keeps the input as a crash.
[[noreturn]] inline void broken(const char* what, std::string_view detail = {}) {
    std::fprintf(stderr, "fuzz invariant broken: %s %.*s\n", what, static_cast<int>(detail.size()), detail.data());
    std::abort();
}

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace unknot::fuzz
