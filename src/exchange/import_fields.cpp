#include "exchange/import_fields.hpp"

#include <chrono>
#include <cstdio>

#include "codec/dates.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"
#include "common/text.hpp"

namespace unknot::exchange::detail {

Fields::Fields(const bj::value& v, std::string path, std::initializer_list<std::string_view> allowed)
    : o_(json::as_object(v, path)), path_(std::move(path)) {
    json::only_keys(o_, path_, allowed);
}

std::string Fields::at(std::string_view key) const { return json::child(path_, key); }

const bj::value& Fields::need(std::string_view key) const {
    auto* v = o_.if_contains(key);
    if (!v) throw InputError(at(key), "missing");
    return *v;
}

std::int64_t Fields::integer(std::string_view key, std::int64_t min, std::int64_t max) const {
    return json::as_int(need(key), at(key), min, max);
}

std::optional<std::int64_t> Fields::integer_or_null(std::string_view key, std::int64_t min, std::int64_t max) const {
    const auto& v = need(key);
    if (v.is_null()) return std::nullopt;
    return json::as_int(v, at(key), min, max);
}

bool Fields::boolean(std::string_view key) const { return json::as_bool(need(key), at(key)); }

std::string Fields::text(std::string_view key, std::size_t max_chars) const {
    auto s = json::as_string(need(key), at(key));
    if (s.empty()) throw InputError(at(key), "must not be empty");
    if (s.size() > max_chars) throw InputError(at(key), "too long: at most " + std::to_string(max_chars) + " characters");
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f) throw InputError(at(key), "contains a control character");
    return s;
}

std::optional<std::string> Fields::text_or_null(std::string_view key, std::size_t max_chars) const {
    if (need(key).is_null()) return std::nullopt;
    return text(key, max_chars);
}

std::string Fields::word(std::string_view key, std::initializer_list<std::string_view> allowed) const {
    auto s = json::as_string(need(key), at(key));
    for (auto a : allowed)
        if (s == a) return s;
    not_one_of(key, s, {allowed.begin(), allowed.end()});
}

void Fields::not_one_of(std::string_view key, const std::string& got, const std::vector<std::string>& allowed) const {
    throw InputError(at(key), "must be " + join(allowed, ", ") + ", not `" + got + "`");
}

std::string Fields::id(std::string_view key) const {
    auto s = json::as_string(need(key), at(key));
    if (!is_id(s)) throw InputError(at(key), "`" + s + "` is not an id (lower-case letters, digits and _, starting with a letter)");
    return s;
}

std::string Fields::client_id(std::string_view key) const {
    auto s = json::as_string(need(key), at(key));
    bool ok = !s.empty() && s.size() <= 64;
    for (char c : s) ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    if (!ok) throw InputError(at(key), "use 1-64 letters, digits, '-' or '_', not `" + s + "`");
    return s;
}

std::vector<std::string> Fields::ids(std::string_view key) const {
    auto v = json::as_strings(need(key), at(key));
    for (std::size_t i = 0; i < v.size(); ++i)
        if (!is_id(v[i])) throw InputError(json::index(at(key), i), "`" + v[i] + "` is not an id (lower-case letters, digits and _)");
    return v;
}

std::optional<Side> Fields::side(std::string_view key) const {
    const auto& v = need(key);
    if (v.is_null()) return std::nullopt;
    auto s = parse_side(json::as_string(v, at(key)));
    if (!s) throw InputError(at(key), "must be left, right or null");
    return s;
}

int Fields::date(std::string_view key) const {
    auto s = json::as_string(need(key), at(key));
    if (auto day = parse_iso_day(s)) return *day;
    throw InputError(at(key), "expected a date like 2026-11-22, got `" + s + "`");
}

const bj::array& Fields::list(std::string_view key) const { return json::as_array(need(key), at(key)); }
const bj::object& Fields::object(std::string_view key) const { return json::as_object(need(key), at(key)); }

}  // namespace unknot::exchange::detail
