#pragma once
// Reading JSON a person wrote: every error names the field path ("targets[2]") and what was expected.
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unknot::json {

namespace bj = boost::json;

// Parses text; a syntax error becomes InputError("name:line:column", ...).
bj::value parse(std::string_view text, const std::string& name, bj::storage_ptr sp = {});

std::string type_name(const bj::value& v);

// Typed access with path-aware errors.
const bj::object& as_object(const bj::value& v, const std::string& path);
const bj::array& as_array(const bj::value& v, const std::string& path);
std::string as_string(const bj::value& v, const std::string& path);
bool as_bool(const bj::value& v, const std::string& path);
std::int64_t as_int(const bj::value& v, const std::string& path, std::int64_t min, std::int64_t max);
std::vector<std::string> as_strings(const bj::value& v, const std::string& path);

// Rejects keys outside `allowed` (a typo in a field name must not be silently ignored).
void only_keys(const bj::object& o, const std::string& path, std::initializer_list<std::string_view> allowed);

std::string child(const std::string& path, std::string_view key);
std::string index(const std::string& path, std::size_t i);

bj::array strings(const std::vector<std::string>& v, bj::storage_ptr sp = {});

// Pretty JSON for people reading the terminal; compact is bj::serialize.
std::string pretty(const bj::value& v);

}  // namespace unknot::json
