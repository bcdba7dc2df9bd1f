#pragma once
// The .rec content format (docs/data-format.md): records of `name: value` fields that keep their
// line numbers, so every validation error can say file:line.
#include <string>
#include <string_view>
#include <vector>

namespace unknot::catalog {

struct Field {
    std::string name;
    std::string value;
    int line = 0;
};

struct Record {
    std::string file;
    int line = 0;
    std::vector<Field> fields;

    const std::string& kind() const { return fields.front().name; }
    const std::string& id() const { return fields.front().value; }
    std::string where(int at_line) const;  // "file:line"
};

// Throws InputError("file:line", ...) on malformed text.
std::vector<Record> parse_records(std::string_view text, const std::string& file);

// Reads one record's fields with type checks; finish() rejects fields nobody asked for, so a
// misspelt field name is an error rather than silently ignored content.
class FieldReader {
public:
    explicit FieldReader(const Record& r);

    std::string text(std::string_view name);                       // exactly once
    std::string optional_text(std::string_view name);              // at most once
    std::vector<std::string> texts(std::string_view name, bool required = true);  // repeatable
    std::vector<std::string> ids(std::string_view name, bool required = true);    // one id list
    bool boolean(std::string_view name);
    bool optional_boolean(std::string_view name, bool fallback);
    int integer(std::string_view name, int min, int max);
    int optional_integer(std::string_view name, int min, int max, int fallback);
    int line_of(std::string_view name) const;  // first line of a field, or the record's line
    void finish();

private:
    std::vector<const Field*> take(std::string_view name);
    const Record& r_;
    std::vector<bool> used_;
};

}  // namespace unknot::catalog
