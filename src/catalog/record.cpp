#include "catalog/record.hpp"

#include <charconv>

#include "common/error.hpp"
#include "common/text.hpp"

namespace unknot::catalog {

std::string Record::where(int at_line) const { return file + ":" + std::to_string(at_line); }

namespace {
bool is_field_name(std::string_view s) { return is_id(s); }
}  // namespace

std::vector<Record> parse_records(std::string_view text, const std::string& file) {
    std::vector<Record> out;
    Record* cur = nullptr;
    int line_no = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        auto nl = text.find('\n', pos);
        std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        auto where = file + ":" + std::to_string(line_no);
        if (trim(line).empty()) {
            cur = nullptr;
            continue;
        }
        if (line.front() == '#') continue;
        if (line.front() == ' ' || line.front() == '\t') {
            if (!cur) throw InputError(where, "an indented line continues a field, but there is no field above it");
            auto& f = cur->fields.back();
            if (!f.value.empty()) f.value += ' ';
            f.value.append(trim(line));
            continue;
        }
        auto colon = line.find(':');
        if (colon == std::string_view::npos)
            throw InputError(where, "expected `name: value`, found `" + std::string(line) + "`");
        auto name = trim(line.substr(0, colon));
        if (!is_field_name(name))
            throw InputError(where, "field name `" + std::string(name) + "` must be snake_case (a-z, 0-9, _)");
        if (!cur) {
            out.push_back(Record{file, line_no, {}});
            cur = &out.back();
        }
        cur->fields.push_back(Field{std::string(name), std::string(trim(line.substr(colon + 1))), line_no});
    }
    return out;
}

FieldReader::FieldReader(const Record& r) : r_(r), used_(r.fields.size(), false) { used_[0] = true; }

std::vector<const Field*> FieldReader::take(std::string_view name) {
    std::vector<const Field*> found;
    for (std::size_t i = 0; i < r_.fields.size(); ++i) {
        if (r_.fields[i].name == name) {
            used_[i] = true;
            found.push_back(&r_.fields[i]);
        }
    }
    return found;
}

int FieldReader::line_of(std::string_view name) const {
    for (const auto& f : r_.fields)
        if (f.name == name) return f.line;
    return r_.line;
}

std::string FieldReader::text(std::string_view name) {
    auto v = optional_text(name);
    if (v.empty())
        throw InputError(r_.where(r_.line), r_.kind() + " `" + r_.id() + "` needs a non-empty `" + std::string(name) + ":` field");
    return v;
}

std::string FieldReader::optional_text(std::string_view name) {
    auto fs = take(name);
    if (fs.size() > 1) throw InputError(r_.where(fs[1]->line), "`" + std::string(name) + ":` may appear only once");
    return fs.empty() ? std::string{} : fs[0]->value;
}

std::vector<std::string> FieldReader::texts(std::string_view name, bool required) {
    std::vector<std::string> out;
    for (auto* f : take(name)) {
        if (f->value.empty()) throw InputError(r_.where(f->line), "`" + std::string(name) + ":` is empty");
        out.push_back(f->value);
    }
    if (required && out.empty())
        throw InputError(r_.where(r_.line), r_.kind() + " `" + r_.id() + "` needs at least one `" + std::string(name) + ":` field");
    return out;
}

std::vector<std::string> FieldReader::ids(std::string_view name, bool required) {
    auto fs = take(name);
    if (fs.size() > 1) throw InputError(r_.where(fs[1]->line), "`" + std::string(name) + ":` may appear only once; list the ids on one line");
    std::vector<std::string> out;
    if (!fs.empty()) {
        out = split_ids(fs[0]->value);
        for (const auto& id : out)
            if (!is_id(id)) throw InputError(r_.where(fs[0]->line), "`" + id + "` is not a snake_case id");
    }
    if (required && out.empty())
        throw InputError(r_.where(fs.empty() ? r_.line : fs[0]->line), r_.kind() + " `" + r_.id() + "` needs ids in `" + std::string(name) + ":`");
    return out;
}

bool FieldReader::boolean(std::string_view name) {
    auto fs = take(name);
    if (fs.size() != 1) throw InputError(r_.where(r_.line), r_.kind() + " `" + r_.id() + "` needs exactly one `" + std::string(name) + ": yes|no`");
    if (fs[0]->value == "yes") return true;
    if (fs[0]->value == "no") return false;
    throw InputError(r_.where(fs[0]->line), "`" + std::string(name) + ":` must be yes or no, not `" + fs[0]->value + "`");
}

bool FieldReader::optional_boolean(std::string_view name, bool fallback) {
    for (const auto& f : r_.fields)
        if (f.name == name) return boolean(name);
    return fallback;
}

int FieldReader::integer(std::string_view name, int min, int max) {
    auto fs = take(name);
    if (fs.size() != 1) throw InputError(r_.where(r_.line), r_.kind() + " `" + r_.id() + "` needs exactly one `" + std::string(name) + ":` number");
    const auto& v = fs[0]->value;
    int n = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc{} || p != v.data() + v.size())
        throw InputError(r_.where(fs[0]->line), "`" + std::string(name) + ":` must be a whole number, not `" + v + "`");
    if (n < min || n > max)
        throw InputError(r_.where(fs[0]->line), "`" + std::string(name) + ": " + v + "` is outside " + std::to_string(min) + "-" + std::to_string(max));
    return n;
}

int FieldReader::optional_integer(std::string_view name, int min, int max, int fallback) {
    for (const auto& f : r_.fields)
        if (f.name == name) return integer(name, min, max);
    return fallback;
}

void FieldReader::finish() {
    for (std::size_t i = 0; i < r_.fields.size(); ++i)
        if (!used_[i])
            throw InputError(r_.where(r_.fields[i].line), "unknown field `" + r_.fields[i].name + ":` in " + r_.kind() + " `" + r_.id() + "`");
}

}  // namespace unknot::catalog
