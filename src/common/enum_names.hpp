#pragma once
// One way to name an enum's values: a table of (value, name) pairs, written once beside the enum,
// from which its to_string, its parse and the list of all values all come. JSON, SQL, the CLI and
// the tests go through these, so a value cannot be spelled two ways, and a name nobody wrote
// parses to nothing, never to a default.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace unknot {

template <class E, std::size_t N>
struct EnumNames {
    std::array<std::pair<E, std::string_view>, N> entries;

    constexpr std::string_view name(E e) const {
        for (const auto& [v, n] : entries)
            if (v == e) return n;
        return {};
    }
    constexpr std::optional<E> parse(std::string_view s) const {
        for (const auto& [v, n] : entries)
            if (n == s) return v;
        return std::nullopt;
    }
    constexpr std::array<E, N> values() const {
        std::array<E, N> out{};
        for (std::size_t i = 0; i < N; ++i) out[i] = entries[i].first;
        return out;
    }
};

template <class E, class... Pairs>
constexpr auto enum_names(Pairs... p) {
    return EnumNames<E, sizeof...(Pairs)>{{std::pair<E, std::string_view>(p)...}};
}

}  // namespace unknot
