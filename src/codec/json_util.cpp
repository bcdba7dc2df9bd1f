#include "codec/json_util.hpp"

#include <cmath>

#include <set>
#include <vector>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/stream_parser.hpp>

#include "common/error.hpp"
#include "common/text.hpp"

namespace unknot::json {

namespace {

// Finds the first key an object repeats. Boost.JSON keeps the last of them silently, so
// {"role":"trainer","role":"self"} would mean whatever its last line says; we refuse it. A
// second, allocation-light pass over text that already parsed.
struct DuplicateKeys {
    constexpr static std::size_t max_object_size = std::size_t(-1);
    constexpr static std::size_t max_array_size = std::size_t(-1);
    constexpr static std::size_t max_key_size = std::size_t(-1);
    constexpr static std::size_t max_string_size = std::size_t(-1);
    std::vector<std::set<std::string>> open;
    std::string key, repeated;

    bool on_document_begin(boost::system::error_code&) { return true; }
    bool on_document_end(boost::system::error_code&) { return true; }
    bool on_object_begin(boost::system::error_code&) { return open.emplace_back(), true; }
    bool on_object_end(std::size_t, boost::system::error_code&) { return open.pop_back(), true; }
    bool on_array_begin(boost::system::error_code&) { return true; }
    bool on_array_end(std::size_t, boost::system::error_code&) { return true; }
    bool on_key_part(bj::string_view s, std::size_t, boost::system::error_code&) { return key.append(s.data(), s.size()), true; }
    bool on_key(bj::string_view s, std::size_t, boost::system::error_code& ec) {
        key.append(s.data(), s.size());
        bool fresh = open.back().insert(key).second;
        if (!fresh) {
            repeated = key;
            ec = make_error_code(boost::system::errc::invalid_argument);
        }
        key.clear();
        return fresh;
    }
    bool on_string_part(bj::string_view, std::size_t, boost::system::error_code&) { return true; }
    bool on_string(bj::string_view, std::size_t, boost::system::error_code&) { return true; }
    bool on_number_part(bj::string_view, boost::system::error_code&) { return true; }
    bool on_int64(std::int64_t, bj::string_view, boost::system::error_code&) { return true; }
    bool on_uint64(std::uint64_t, bj::string_view, boost::system::error_code&) { return true; }
    bool on_double(double, bj::string_view, boost::system::error_code&) { return true; }
    bool on_bool(bool, boost::system::error_code&) { return true; }
    bool on_null(boost::system::error_code&) { return true; }
    bool on_comment_part(bj::string_view, boost::system::error_code&) { return true; }
    bool on_comment(bj::string_view, boost::system::error_code&) { return true; }
};

std::string line_col(std::string_view text, std::size_t n) {
    int line = 1, col = 1;
    for (std::size_t i = 0; i < n && i < text.size(); ++i) {
        if (text[i] == '\n') ++line, col = 1;
        else ++col;
    }
    return std::to_string(line) + ":" + std::to_string(col);
}

}  // namespace

bj::value parse(std::string_view text, const std::string& name, bj::storage_ptr sp) {
    bj::stream_parser p;
    p.reset(std::move(sp));
    boost::system::error_code ec;
    std::size_t n = p.write_some(text.data(), text.size(), ec);
    if (!ec) p.finish(ec);
    if (ec) throw InputError(name + ":" + line_col(text, n), "invalid JSON: " + ec.message());
    bj::basic_parser<DuplicateKeys> dup(bj::parse_options{});
    n = dup.write_some(false, text.data(), text.size(), ec);
    if (!dup.handler().repeated.empty())
        throw InputError(name + ":" + line_col(text, n), "invalid JSON: the key \"" + valid_utf8(dup.handler().repeated) + "\" appears twice in one object");
    return p.release();
}

std::string type_name(const bj::value& v) {
    switch (v.kind()) {
        case bj::kind::null: return "null";
        case bj::kind::bool_: return "true/false";
        case bj::kind::int64:
        case bj::kind::uint64: return "a whole number";
        case bj::kind::double_: return "a decimal number";
        case bj::kind::string: return "a string";
        case bj::kind::array: return "a list";
        case bj::kind::object: return "an object";
    }
    return "something else";
}

namespace {
[[noreturn]] void wrong(const bj::value& v, const std::string& path, const std::string& expected) {
    throw InputError(path.empty() ? "(top level)" : path, "expected " + expected + ", got " + type_name(v));
}
}  // namespace

const bj::object& as_object(const bj::value& v, const std::string& path) {
    if (!v.is_object()) wrong(v, path, "an object");
    return v.get_object();
}

const bj::array& as_array(const bj::value& v, const std::string& path) {
    if (!v.is_array()) wrong(v, path, "a list");
    return v.get_array();
}

std::string as_string(const bj::value& v, const std::string& path) {
    if (!v.is_string()) wrong(v, path, "a string");
    return std::string(v.get_string());
}

bool as_bool(const bj::value& v, const std::string& path) {
    if (!v.is_bool()) wrong(v, path, "true or false");
    return v.get_bool();
}

std::int64_t as_int(const bj::value& v, const std::string& path, std::int64_t min, std::int64_t max) {
    auto out_of_range = [&] {
        return InputError(path, "must be from " + std::to_string(min) + " to " + std::to_string(max) + ", got " + bj::serialize(v));
    };
    std::int64_t n = 0;
    if (v.is_int64()) {
        n = v.get_int64();
    } else if (v.is_uint64()) {
        if (v.get_uint64() > static_cast<std::uint64_t>(max)) throw out_of_range();
        n = static_cast<std::int64_t>(v.get_uint64());
    } else if (v.is_double()) {
        // 5e32 is a whole number too, but no int64 holds it: compare as doubles before any cast
        // (casting it is undefined behaviour; found by fuzz/json_readers).
        double d = v.get_double();
        if (!std::isfinite(d) || d != std::trunc(d)) wrong(v, path, "a whole number");
        if (d < static_cast<double>(min) || d > static_cast<double>(max)) throw out_of_range();
        n = static_cast<std::int64_t>(d);
    } else {
        wrong(v, path, "a whole number");
    }
    if (n < min || n > max) throw out_of_range();
    return n;
}

std::vector<std::string> as_strings(const bj::value& v, const std::string& path) {
    std::vector<std::string> out;
    const auto& a = as_array(v, path);
    for (std::size_t i = 0; i < a.size(); ++i) out.push_back(as_string(a[i], index(path, i)));
    return out;
}

void only_keys(const bj::object& o, const std::string& path, std::initializer_list<std::string_view> allowed) {
    std::vector<std::string> known(allowed.begin(), allowed.end());
    for (const auto& kv : o) {
        std::string key(kv.key());
        if (std::find(known.begin(), known.end(), key) == known.end())
            throw InputError(child(path, key), "unknown field `" + key + "`" + did_you_mean(nearest(key, known)) + "; expected one of: " + join(known, ", "));
    }
}

std::string child(const std::string& path, std::string_view key) { return path.empty() ? std::string(key) : path + "." + std::string(key); }
std::string index(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

bj::array strings(const std::vector<std::string>& v, bj::storage_ptr sp) {
    bj::array a(sp);
    a.reserve(v.size());
    for (const auto& s : v) a.emplace_back(s);
    return a;
}

namespace {
void pretty_into(std::string& out, const bj::value& v, int indent) {
    auto pad = [&](int n) { out.append(static_cast<std::size_t>(n) * 2, ' '); };
    if (v.is_object() && !v.get_object().empty()) {
        out += "{\n";
        bool first = true;
        for (const auto& kv : v.get_object()) {
            if (!first) out += ",\n";
            first = false;
            pad(indent + 1);
            out += bj::serialize(bj::value(kv.key())) + ": ";
            pretty_into(out, kv.value(), indent + 1);
        }
        out += "\n";
        pad(indent);
        out += "}";
    } else if (v.is_array() && !v.get_array().empty()) {
        bool scalars = std::all_of(v.get_array().begin(), v.get_array().end(), [](const bj::value& x) { return !x.is_structured(); });
        if (scalars) {
            out += bj::serialize(v);
            return;
        }
        out += "[\n";
        bool first = true;
        for (const auto& x : v.get_array()) {
            if (!first) out += ",\n";
            first = false;
            pad(indent + 1);
            pretty_into(out, x, indent + 1);
        }
        out += "\n";
        pad(indent);
        out += "]";
    } else {
        out += bj::serialize(v);
    }
}
}  // namespace

std::string pretty(const bj::value& v) {
    std::string out;
    pretty_into(out, v, 0);
    return out;
}

}  // namespace unknot::json
