#pragma once
// Typed reads of one JSON object's fields for the imports, each error naming the field's path.
// Internal to src/exchange.
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codec/json_util.hpp"
#include "common/enum_names.hpp"
#include "common/side.hpp"

namespace unknot::exchange::detail {

namespace bj = boost::json;

// Milliseconds since 1970 (or since a session began) up to here are accepted: far beyond any
// real time, and still exact as a JSON number.
inline constexpr std::int64_t max_ms = 1LL << 53;

class Fields {
public:
    // Rejects keys outside `allowed`: a misspelt field is an error, not silently dropped data.
    Fields(const bj::value& v, std::string path, std::initializer_list<std::string_view> allowed);

    const std::string& path() const { return path_; }
    std::string at(std::string_view key) const;  // the path of a field
    const bj::value& need(std::string_view key) const;
    const bj::value* find(std::string_view key) const { return o_.if_contains(key); }

    std::int64_t integer(std::string_view key, std::int64_t min, std::int64_t max) const;
    std::optional<std::int64_t> integer_or_null(std::string_view key, std::int64_t min, std::int64_t max) const;
    bool boolean(std::string_view key) const;
    // Text of 1 to max_chars characters, no control characters.
    std::string text(std::string_view key, std::size_t max_chars) const;
    std::optional<std::string> text_or_null(std::string_view key, std::size_t max_chars) const;
    // Like text, and one of `allowed`.
    std::string word(std::string_view key, std::initializer_list<std::string_view> allowed) const;
    // One of an enum's names (common/enum_names.hpp), as its value.
    template <class E, std::size_t N>
    E named(std::string_view key, const EnumNames<E, N>& names) const {
        auto s = json::as_string(need(key), at(key));
        if (auto v = names.parse(s)) return *v;
        std::vector<std::string> allowed;
        for (const auto& entry : names.entries) allowed.emplace_back(entry.second);
        not_one_of(key, s, allowed);
    }
    std::string id(std::string_view key) const;                    // a snake_case id
    // An id an offline client chose, as the API accepts it: 1-64 letters, digits, '-' or '_'.
    std::string client_id(std::string_view key) const;
    std::vector<std::string> ids(std::string_view key) const;      // a list of them
    std::optional<Side> side(std::string_view key) const;          // "left", "right" or null
    int date(std::string_view key) const;                          // "YYYY-MM-DD" as a day number
    const bj::array& list(std::string_view key) const;
    const bj::object& object(std::string_view key) const;

private:
    // The error word() and named() give: which values the field may take, and what it held.
    [[noreturn]] void not_one_of(std::string_view key, const std::string& got, const std::vector<std::string>& allowed) const;

    const bj::object& o_;
    std::string path_;
};

}  // namespace unknot::exchange::detail
