#pragma once
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/model.hpp"
#include "poses/model.hpp"

namespace unknot {

// One content file handed over by the shell: its name (for error messages) and its text.
struct ContentFile {
    std::string path;
    std::string text;
};

// Cue ids the session engine speaks; cues.rec must define each.
inline const std::vector<std::string>& required_cue_ids() {
    static const std::vector<std::string> ids{
        "session_start",    "positioning",      "positioning_stretch", "positioning_exercise", "rolling_slow",
        "rolling_avoid",    "rolling_long",     "hold_start",          "hold_breathe",         "hold_core",
        "hold_min_reached", "hold_max_reached", "hold_released_early", "too_painful",          "switch_sides",
        "next_item",        "stretch_start",    "stretch_done",        "paused",               "resumed",
        "session_done",     "spot_eased",       "exercise_start",      "exercise_done"};
    return ids;
}

// Diagrams drawn from other content instead of kept as files: the server draws where-not-to-roll
// from the body map (data/body_map.json) with every `rollable: no` region marked.
inline constexpr std::string_view no_roll_diagram = "where-not-to-roll";
inline const std::vector<std::string>& drawn_diagram_names() {
    static const std::vector<std::string> names{std::string(no_roll_diagram)};
    return names;
}

class Catalog {
public:
    // Validates everything together (cross-references, safety limits); throws InputError("file:line").
    static Catalog load(const std::vector<ContentFile>& files);

    const std::vector<Region>& regions() const { return regions_; }
    const std::vector<Muscle>& muscles() const { return muscles_; }
    const std::vector<Tool>& tools() const { return tools_; }
    const std::vector<Technique>& techniques() const { return techniques_; }
    const std::vector<Stretch>& stretches() const { return stretches_; }
    const std::vector<Condition>& conditions() const { return conditions_; }
    const std::vector<GateQuestion>& gate() const { return gate_; }
    const GateQuestion* gate_question(std::string_view id) const;
    const GateQuestion* gate_of(std::string_view condition) const;  // validated: exactly one
    const ClearancePolicy& clearance_policy() const { return clearance_policy_; }
    const std::vector<Article>& articles() const { return articles_; }
    const std::vector<Diagram>& diagrams() const { return diagrams_; }  // the files; see drawn_diagram_names()
    const std::vector<Source>& sources() const { return sources_; }
    const std::vector<Goal>& goals() const { return goals_; }
    const std::vector<Compensation>& compensations() const { return compensations_; }
    const std::vector<CompensationMapping>& mappings() const { return mappings_; }
    const std::vector<Activation>& activations() const { return activations_; }
    const std::vector<Integration>& integrations() const { return integrations_; }
    const Compensation* compensation(std::string_view id) const;
    const Activation* activation(std::string_view id) const;
    const Integration* integration(std::string_view id) const;
    // The mapping of a compensation in an edition; nullptr when that edition has none.
    const CompensationMapping* mapping(std::string_view compensation, std::string_view edition) const;
    std::vector<std::string> compensation_ids() const;
    std::vector<std::string> editions() const;
    const std::vector<CueText>& cues() const { return cues_; }
    const std::vector<MuscleName>& muscle_names() const { return muscle_names_; }
    // The figure and the poses that draw every move (data/poses/).
    const poses::Body& body() const { return body_; }
    const std::vector<poses::Pose>& poses() const { return poses_; }

    const Region* region(std::string_view id) const;
    const Muscle* muscle(std::string_view id) const;
    const Tool* tool(std::string_view id) const;
    const Technique* technique(std::string_view id) const;
    const Stretch* stretch(std::string_view id) const;
    const Condition* condition(std::string_view id) const;
    const Article* article(std::string_view slug) const;
    const Diagram* diagram(std::string_view name) const;
    const Goal* goal(std::string_view id) const;
    const CueText& cue(std::string_view id) const;  // validated present at load

    std::vector<std::string> region_ids() const;
    std::vector<std::string> muscle_ids() const;
    std::vector<std::string> tool_ids() const;
    std::vector<std::string> technique_ids() const;
    std::vector<std::string> condition_ids() const;  // includes follow-up ids
    bool is_answer_key(std::string_view id) const;    // a gate, condition or follow-up id

private:
    std::vector<Region> regions_;
    std::vector<Muscle> muscles_;
    std::vector<Tool> tools_;
    std::vector<Technique> techniques_;
    std::vector<Stretch> stretches_;
    std::vector<Condition> conditions_;
    std::vector<GateQuestion> gate_;
    ClearancePolicy clearance_policy_;
    std::vector<CueText> cues_;
    std::vector<Article> articles_;
    std::vector<Diagram> diagrams_;
    std::vector<Source> sources_;
    std::vector<Goal> goals_;
    std::vector<Compensation> compensations_;
    std::vector<CompensationMapping> mappings_;
    std::vector<Activation> activations_;
    std::vector<Integration> integrations_;
    std::vector<MuscleName> muscle_names_;
    poses::Body body_;
    std::vector<poses::Pose> poses_;

    // Id -> position, built once after loading: the planner looks ids up thousands of times.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using Index = std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>>;
    Index region_at_, muscle_at_, tool_at_, technique_at_, stretch_at_, condition_at_, cue_at_;
    std::unordered_set<std::string, Hash, std::equal_to<>> answer_keys_;
    void build_indexes();
    friend class CatalogBuilder;
};

}  // namespace unknot
