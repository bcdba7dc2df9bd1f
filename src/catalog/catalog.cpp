#include "catalog/catalog.hpp"

#include <algorithm>

namespace unknot {

std::string_view to_string(Verdict v) {
    switch (v) {
        case Verdict::clear: return "clear";
        case Verdict::caution: return "caution";
        case Verdict::refer: return "refer";
    }
    return "refer";
}

namespace {
template <class T, class Key>
const T* find_by(const std::vector<T>& v, std::string_view id, Key key) {
    auto it = std::find_if(v.begin(), v.end(), [&](const T& x) { return key(x) == id; });
    return it == v.end() ? nullptr : &*it;
}
template <class T>
const T* find_id(const std::vector<T>& v, std::string_view id) {
    return find_by(v, id, [](const T& x) -> const std::string& { return x.id; });
}
template <class T>
std::vector<std::string> ids_of(const std::vector<T>& v) {
    std::vector<std::string> out;
    for (const auto& x : v) out.push_back(x.id);
    return out;
}
}  // namespace

namespace {
template <class T, class Index>
const T* at(const std::vector<T>& v, const Index& index, std::string_view id) {
    auto it = index.find(id);
    return it == index.end() ? nullptr : &v[it->second];
}
template <class T, class Index>
void fill(const std::vector<T>& v, Index& index) {
    index.clear();
    for (std::size_t i = 0; i < v.size(); ++i) index.emplace(v[i].id, i);
}
}  // namespace

void Catalog::build_indexes() {
    fill(regions_, region_at_);
    fill(muscles_, muscle_at_);
    fill(tools_, tool_at_);
    fill(techniques_, technique_at_);
    fill(stretches_, stretch_at_);
    fill(conditions_, condition_at_);
    fill(cues_, cue_at_);
    answer_keys_.clear();
    for (const auto& id : condition_ids()) answer_keys_.insert(id);
    for (const auto& g : gate_) answer_keys_.insert(g.id);
}

const GateQuestion* Catalog::gate_question(std::string_view id) const { return find_id(gate_, id); }
const GateQuestion* Catalog::gate_of(std::string_view condition) const {
    for (const auto& g : gate_)
        if (std::find(g.covers.begin(), g.covers.end(), condition) != g.covers.end()) return &g;
    return nullptr;
}

const Region* Catalog::region(std::string_view id) const { return at(regions_, region_at_, id); }
const Muscle* Catalog::muscle(std::string_view id) const { return at(muscles_, muscle_at_, id); }
const Tool* Catalog::tool(std::string_view id) const { return at(tools_, tool_at_, id); }
const Technique* Catalog::technique(std::string_view id) const { return at(techniques_, technique_at_, id); }
const Stretch* Catalog::stretch(std::string_view id) const { return at(stretches_, stretch_at_, id); }
const Condition* Catalog::condition(std::string_view id) const { return at(conditions_, condition_at_, id); }
bool Catalog::is_answer_key(std::string_view id) const { return answer_keys_.find(id) != answer_keys_.end(); }
const Article* Catalog::article(std::string_view slug) const {
    return find_by(articles_, slug, [](const Article& a) -> const std::string& { return a.slug; });
}
const Diagram* Catalog::diagram(std::string_view name) const {
    return find_by(diagrams_, name, [](const Diagram& d) -> const std::string& { return d.name; });
}
const Goal* Catalog::goal(std::string_view id) const { return find_id(goals_, id); }
const Compensation* Catalog::compensation(std::string_view id) const { return find_id(compensations_, id); }
const Activation* Catalog::activation(std::string_view id) const { return find_id(activations_, id); }
const Integration* Catalog::integration(std::string_view id) const { return find_id(integrations_, id); }
const CompensationMapping* Catalog::mapping(std::string_view compensation, std::string_view edition) const {
    for (const auto& m : mappings_)
        if (m.compensation == compensation && m.edition == edition) return &m;
    return nullptr;
}
std::vector<std::string> Catalog::compensation_ids() const { return ids_of(compensations_); }
std::vector<std::string> Catalog::editions() const {
    std::vector<std::string> out;
    for (const auto& m : mappings_)
        if (std::find(out.begin(), out.end(), m.edition) == out.end()) out.push_back(m.edition);
    return out;
}
const CueText& Catalog::cue(std::string_view id) const { return *at(cues_, cue_at_, id); }

std::vector<std::string> Catalog::region_ids() const { return ids_of(regions_); }
std::vector<std::string> Catalog::muscle_ids() const { return ids_of(muscles_); }
std::vector<std::string> Catalog::tool_ids() const { return ids_of(tools_); }
std::vector<std::string> Catalog::technique_ids() const { return ids_of(techniques_); }
std::vector<std::string> Catalog::condition_ids() const {
    auto out = ids_of(conditions_);
    for (const auto& c : conditions_)
        if (c.follow_up) out.push_back(c.follow_up->id);
    return out;
}

}  // namespace unknot
