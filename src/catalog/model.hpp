#pragma once
// What unknot knows, as plain values loaded from data/. No I/O here: the shell reads the files.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/side.hpp"

namespace unknot {

enum class Verdict { clear, caution, refer };
std::string_view to_string(Verdict v);

struct Source {
    std::string key, title, url, note;
};

struct Region {
    std::string id, name;
    bool front = false, back = false;
    bool sided = false;
    bool rollable = true;
    std::string why_not;
    std::vector<std::string> sources;
};

struct Muscle {
    std::string id, name, kind;  // kind: muscle, group, fascia
    std::vector<std::string> regions, aliases, sources;
    bool sided = true;
};

// A word another dataset uses for muscles (data/mappings/), and which of ours it means, so its
// exercises can be brought in. `entry` narrows the word to one exercise of that dataset, where
// the dataset's word is too broad for what the exercise works; it wins over the general one.
struct MuscleName {
    std::string id, dataset, name, entry, note;
    std::vector<std::string> muscles, sources;
};

struct Tool {
    std::string id, name, description;
    std::vector<std::string> densities, surfaces, sources;
    bool needs_floor = true;
    bool held_in_hand = false;  // pressed by hand, so it works seated or standing
};

struct Technique {
    std::string id, name, summary, position, roll_from, roll_to, population;
    std::vector<std::string> muscles, regions, tools, avoid_regions;
    std::vector<std::string> setup, lighter, heavier, avoid, cues, sources;
    bool per_side = true;
    bool needs_floor = true;
    int hold_min_s = 30, hold_max_s = 90;
};

struct Stretch {
    std::string id, name;
    std::vector<std::string> muscles, regions, setup, cues, sources;
    bool per_side = true;
    bool needs_floor = false;
    int hold_s = 30, hold_s_older_adult = 60;
};

enum class FollowUpKind { yes_no, regions };

struct FollowUp {
    std::string id, question;
    FollowUpKind kind = FollowUpKind::yes_no;
    Verdict if_yes = Verdict::caution, if_no = Verdict::caution;
    std::vector<std::string> exclude_if_yes;
};

struct Condition {
    std::string id, question, explain;
    Verdict outcome = Verdict::caution;
    std::vector<std::string> exclude, advice, prefer_tools, sources;
    bool no_floor = false;  // cannot get down to or up from the floor
    std::optional<FollowUp> follow_up;
};

// A short gate question asked before the detailed ones: a "no" answers every condition it
// covers with "no"; a "yes" asks each of them. Each condition sits under exactly one gate.
struct GateQuestion {
    std::string id, question;
    std::vector<std::string> covers, sources;
};

// How long a professional's clearance after a `refer` lasts before the screening asks again.
struct ClearancePolicy {
    int valid_days = 365;
    std::string why;
    std::vector<std::string> sources;
};

struct CueText {
    std::string id, when, text;
    int at_s = -1, every_s = 0;
};

// An observable movement compensation from an assessment ("knees move inward").
struct Compensation {
    std::string id, name, assessment, view, look_for;
    bool sided = false;
    std::vector<std::string> sources;
};

// What one edition of the tables says a compensation implicates. For a sided finding the
// same/other lists are relative to the side of the finding; otherwise only the plain lists.
struct CompensationMapping {
    std::string id, compensation, edition, note;
    std::vector<std::string> overactive, underactive;
    std::vector<std::string> overactive_same_side, overactive_other_side, underactive_same_side, underactive_other_side;
    std::vector<std::string> sources;
};

// Isolated strengthening of an underactive muscle (the continuum's "activate" phase).
struct Activation {
    std::string id, name, equipment;
    std::vector<std::string> muscles, regions, setup, cues, sources;
    bool per_side = false, needs_floor = false;
    int reps_min = 10, reps_max = 15;
    std::string tempo;     // "4-2-1-1", or empty for a positional isometric
    int isometric_s = 0;   // seconds per held repetition, when isometric
};

// A whole-body movement that puts the pattern back together ("integrate").
struct Integration {
    std::string id, name, equipment;
    std::vector<std::string> muscles, regions, setup, cues, sources;
    bool needs_floor = false;
    int reps_min = 10, reps_max = 15;
};

// A ready-made set of targets ("runner", "desk worker").
struct Goal {
    std::string id, name, summary, context;
    std::vector<std::string> targets, sources;
    int minutes = 15;
};

struct Article {
    std::string slug, title, summary, body;
    std::vector<std::string> sources;
};

// A picture for the learn articles (learn/diagrams/NAME.svg), checked at load to be a plain SVG
// image that can neither run nor fetch anything.
struct Diagram {
    std::string name, svg;
};

}  // namespace unknot
