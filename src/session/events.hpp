#pragma once
// What a person does during a guided session, and what the engine says and records back.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/enum_names.hpp"
#include "common/side.hpp"
#include "planning/plan.hpp"

namespace unknot {

enum class EventType {
    start,        // begin the session
    in_position,  // ready: start rolling (or start the stretch)
    found,        // tender spot found: hold (needs tenderness 0-10)
    eased,        // discomfort eased, or (before the minimum) released early: ends the hold (tenderness 0-10)
    too_painful,  // ends a hold early and asks for lighter pressure
    next,         // this side or item is done
    skip,         // leave this side or item out
    pause,
    resume,
    quit,
    tick,         // time passes; nothing else happens
};
std::string_view to_string(EventType t);
std::optional<EventType> parse_event_type(std::string_view s);

struct Event {
    EventType type = EventType::tick;
    std::int64_t t_ms = 0;              // milliseconds since the session began (injected clock)
    std::optional<int> tenderness;      // found / eased
};

// How a stored session stands: still open, done (worked through to the end) or stopped early.
enum class SessionStatus { open, done, stopped };
inline constexpr auto kSessionStatuses = enum_names<SessionStatus>(std::pair{SessionStatus::open, "open"}, std::pair{SessionStatus::done, "done"},
                                                                   std::pair{SessionStatus::stopped, "stopped"});
constexpr std::string_view to_string(SessionStatus s) { return kSessionStatuses.name(s); }
constexpr std::optional<SessionStatus> parse_session_status(std::string_view s) { return kSessionStatuses.parse(s); }

enum class State { ready, positioning, rolling, holding, eased, stretching, exercising, paused, done };
std::string_view to_string(State s);

// released_early: the person chose to come off the spot before the hold minimum. It is data (how
// long they could stay), not an error, but it is not a release time: the spot did not let go.
enum class HoldOutcome { eased, too_painful, timed_out, stopped, released_early };
std::string_view to_string(HoldOutcome o);
std::optional<HoldOutcome> parse_hold_outcome(std::string_view s);

// One tender spot held: the unit of progress.
struct HoldRecord {
    int item = 0;                 // index into the plan's flattened items
    std::string technique;
    std::optional<Side> side;
    std::vector<std::string> muscles;
    int spot = 1;                 // 1st, 2nd ... tender spot on this side
    std::int64_t found_ms = 0, ended_ms = 0;
    int hold_s = 0;               // active seconds held (pauses excluded): the release time when eased
    int tenderness_start = 0;
    std::optional<int> tenderness_end;
    HoldOutcome outcome = HoldOutcome::eased;
};

enum class VisitOutcome { done, skipped, stopped };
std::string_view to_string(VisitOutcome o);
std::optional<VisitOutcome> parse_visit_outcome(std::string_view s);

// One plan item (one side) worked through, with how many tender spots it had.
struct VisitRecord {
    int item = 0;
    ItemKind kind = ItemKind::smr;
    std::string id;
    std::optional<Side> side;
    std::vector<std::string> muscles;
    VisitOutcome outcome = VisitOutcome::done;
    int spots = 0;
    std::int64_t started_ms = 0, ended_ms = 0;
};

struct Cue {
    std::string id, text;
    std::int64_t at_ms = 0;
};

// What one event (or the passing of time) produced.
struct Output {
    std::vector<Cue> cues;
    std::vector<HoldRecord> holds;
    std::vector<VisitRecord> visits;
    std::optional<std::string> rejected;  // the event did not apply here; why
};

}  // namespace unknot
