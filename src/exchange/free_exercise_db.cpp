#include "exchange/free_exercise_db.hpp"

#include <boost/json/serialize.hpp>
#include <algorithm>
#include <map>

#include "codec/json_util.hpp"
#include "common/error.hpp"
#include "common/text.hpp"

namespace unknot::exchange {

namespace bj = boost::json;

namespace {

struct Entry {
    std::string id, name;
    bool foam_roll = false;
    std::vector<std::string> primary, secondary, instructions;
    std::string category, level;
};

std::string optional_text(const bj::object& o, const std::string& path, std::string_view key) {
    auto* v = o.if_contains(key);
    if (!v || v->is_null()) return {};
    return json::as_string(*v, json::child(path, key));
}

std::vector<std::string> optional_texts(const bj::object& o, const std::string& path, std::string_view key) {
    auto* v = o.if_contains(key);
    if (!v || v->is_null()) return {};
    return json::as_strings(*v, json::child(path, key));
}

std::string required_text(const bj::object& o, const std::string& path, std::string_view key) {
    auto* v = o.if_contains(key);
    if (!v) throw InputError(json::child(path, key), "missing: every entry needs an id and a name");
    auto s = json::as_string(*v, json::child(path, key));
    if (s.empty() || s.size() > 200) throw InputError(json::child(path, key), "must be 1 to 200 characters");
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f) throw InputError(json::child(path, key), "contains a control character");
    return s;
}

// Every entry is checked, foam-roll or not: a file broken anywhere is not the dataset we know.
std::vector<Entry> read_entries(const bj::value& root) {
    const auto& list = json::as_array(root, "");
    std::vector<Entry> out;
    std::map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < list.size(); ++i) {
        auto path = json::index("", i);
        const auto& o = json::as_object(list[i], path);
        Entry e;
        e.id = required_text(o, path, "id");
        if (auto [it, fresh] = first.emplace(e.id, i); !fresh)
            throw InputError(json::child(path, "id"), "`" + e.id + "` is also the id of [" + std::to_string(it->second) + "]: ids must be unique");
        e.name = required_text(o, path, "name");
        e.foam_roll = optional_text(o, path, "equipment") == "foam roll";
        e.primary = optional_texts(o, path, "primaryMuscles");
        e.secondary = optional_texts(o, path, "secondaryMuscles");
        e.instructions = optional_texts(o, path, "instructions");
        e.category = optional_text(o, path, "category");
        e.level = optional_text(o, path, "level");
        out.push_back(std::move(e));
    }
    return out;
}

// The mapping for one word in one entry: the entry's own record if there is one, else the word's.
const MuscleName* mapping(const Catalog& c, const std::string& word, const std::string& entry) {
    const MuscleName* general = nullptr;
    for (const auto& m : c.muscle_names()) {
        if (m.dataset != free_exercise_db || m.name != word) continue;
        if (m.entry == entry) return &m;
        if (m.entry.empty()) general = &m;
    }
    return general;
}

void add_once(std::vector<std::string>& v, const std::string& s) {
    if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

ImportedExercise map_entry(const Entry& e, const Catalog& c) {
    ImportedExercise x{e.id, e.name, {}, {}, {}};
    for (const auto* words : {&e.primary, &e.secondary})
        for (const auto& w : *words) {
            if (const auto* m = mapping(c, w, e.id))
                for (const auto& id : m->muscles) add_once(x.muscles, id);
            else
                add_once(x.unmapped, w);
        }
    // A muscle that lies only in places we never roll (the lower back) is worth a word of caution.
    for (const auto& id : x.muscles) {
        const Muscle* m = c.muscle(id);
        if (!m) continue;
        bool rollable = std::any_of(m->regions.begin(), m->regions.end(), [&](const std::string& r) { return c.region(r) && c.region(r)->rollable; });
        if (!rollable)
            for (const auto& r : m->regions) add_once(x.never_rolled, r);
    }
    return x;
}

}  // namespace

FreeExerciseDbImport import_free_exercise_db(Store& store, const Catalog& catalog, UserId user, std::string_view text, const std::string& name) {
    auto root = json::parse(text, name);
    auto entries = within(name, ": ", [&] { return read_entries(root); });
    FreeExerciseDbImport out;
    out.entries = entries.size();
    std::vector<UserTechnique> rows;
    for (const auto& e : entries) {
        if (!e.foam_roll) continue;
        auto x = map_entry(e, catalog);
        bj::object details{{"instructions", json::strings(e.instructions)},
                           {"muscle_names", bj::object{{"primary", json::strings(e.primary)}, {"secondary", json::strings(e.secondary)}}},
                           {"unmapped", json::strings(x.unmapped)},
                           {"regions_never_rolled", json::strings(x.never_rolled)},
                           {"category", e.category},
                           {"level", e.level}};
        rows.push_back({user, e.id, e.name, std::string(free_exercise_db), join(x.muscles, " "), bj::serialize(details)});
        out.imported.push_back(std::move(x));
    }
    store.transaction([&] {
        for (const auto& r : rows) store.put_user_technique(r);
    });
    return out;
}

}  // namespace unknot::exchange
