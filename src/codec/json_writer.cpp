#include "codec/json_writer.hpp"

#include <array>
#include <charconv>
#include <stdexcept>
#include <string>

namespace unknot::json {

namespace {
// Characters JSON strings must escape: control characters, the quote and the backslash.
constexpr auto escape_table = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = true;
    t['"'] = t['\\'] = true;
    return t;
}();
}  // namespace

// A writer misused is a bug of ours, never input: fail loudly rather than write past the stack
// or close what was never opened.
void JsonWriter::open_container() {
    if (depth_ == kMaxDepth) throw std::length_error("JsonWriter: more than " + std::to_string(kMaxDepth) + " nested objects and arrays");
}
void JsonWriter::close_container() {
    if (depth_ == 0) throw std::logic_error("JsonWriter: a container closed that was never opened");
}

JsonWriter& JsonWriter::begin_object() {
    open_container();
    comma();
    out_ += '{';
    first_[depth_++] = true;
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    close_container();
    out_ += '}';
    --depth_;
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    open_container();
    comma();
    out_ += '[';
    first_[depth_++] = true;
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    close_container();
    out_ += ']';
    --depth_;
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
    value(k);
    out_ += ':';
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
    comma();
    out_ += '"';
    // Copy runs of plain characters at once; escape only what JSON requires.
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (!escape_table[c]) continue;
        out_.append(s.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '"': out_ += "\\\""; break;
            case '\\': out_ += "\\\\"; break;
            case '\n': out_ += "\\n"; break;
            case '\r': out_ += "\\r"; break;
            case '\t': out_ += "\\t"; break;
            default: {
                static const char* hex = "0123456789abcdef";
                char esc[6] = {'\\', 'u', '0', '0', hex[(c >> 4) & 0xf], hex[c & 0xf]};
                out_.append(esc, 6);
            }
        }
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
    return *this;
}

JsonWriter& JsonWriter::value(long long n) {
    comma();
    char buf[24];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, n);
    out_.append(buf, p);
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    comma();
    out_ += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    comma();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::strings(const std::vector<std::string>& v) {
    begin_array();
    for (const auto& s : v) value(s);
    return end_array();
}

}  // namespace unknot::json
