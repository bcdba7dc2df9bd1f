#pragma once
// Writes compact JSON straight into a string. Used where a response is built on every request
// (plans): no document tree, no per-field allocation. The tree form, when needed, is parsed
// back from this text, so each shape is written in exactly one place.
#include <string>
#include <string_view>
#include <vector>

namespace unknot::json {

class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view k);
    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(long long n);
    JsonWriter& value(int n) { return value(static_cast<long long>(n)); }
    JsonWriter& value(bool b);
    JsonWriter& null();
    JsonWriter& strings(const std::vector<std::string>& v);

    template <class T>
    JsonWriter& field(std::string_view k, const T& v) {
        key(k);
        return value(v);
    }

    static constexpr int kMaxDepth = 32;  // our documents nest a handful deep

private:
    void open_container();
    void close_container();
    void comma() {
        if (after_key_) {
            after_key_ = false;
        } else if (depth_ > 0) {
            if (!first_[depth_ - 1]) out_ += ',';
            first_[depth_ - 1] = false;
        }
    }
    std::string& out_;
    bool first_[kMaxDepth] = {};  // per open container: nothing written in it yet
    int depth_ = 0;
    bool after_key_ = false;
};

}  // namespace unknot::json
