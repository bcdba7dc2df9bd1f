#pragma once
// The guided session as a pure state machine. Time is injected: every event carries its own
// timestamp, so a live terminal, a browser and a replay file drive exactly the same logic.
#include <map>
#include <set>

#include "catalog/catalog.hpp"
#include "planning/plan.hpp"
#include "session/events.hpp"

namespace unknot {

struct Snapshot {
    State state = State::ready;
    int item = -1;            // current item index, -1 before start / after done
    int items = 0;
    std::int64_t state_elapsed_ms = 0;  // active time in the current state
    int spots = 0;            // tender spots on the current side so far
};

class Engine {
public:
    Engine(const Plan& plan, const Catalog& catalog);

    // Advances time to e.t_ms (emitting timed cues and time-outs), then applies the event.
    // Events must not go back in time; an earlier timestamp is rejected.
    Output handle(const Event& e);

    Snapshot snapshot() const;
    State state() const { return paused_ ? State::paused : state_; }
    const std::vector<PlanItem>& items() const { return items_; }

private:
    void advance(std::int64_t t_ms, Output& out);
    void apply(const Event& e, Output& out);
    void enter(State s, Output& out);
    void begin_item(int index, Output& out);
    void end_hold(HoldOutcome o, std::optional<int> tenderness, Output& out);
    void end_visit(VisitOutcome o, Output& out);
    void say(const std::string& id, Output& out, std::int64_t at_ms);
    // Active time stands still while paused, so holds and timed cues never count a pause.
    std::int64_t active_now() const { return (paused_ ? paused_at_ : now_) - paused_total_; }
    std::int64_t in_state_ms() const { return active_now() - state_since_; }

    const Catalog& catalog_;
    std::vector<PlanItem> items_;
    State state_ = State::ready;
    bool paused_ = false;
    std::int64_t now_ = 0, paused_at_ = 0, paused_total_ = 0;
    std::int64_t state_since_ = 0;   // in active time
    std::int64_t visit_started_ = 0, found_at_ = 0;
    int item_ = -1;
    int spots_ = 0;
    int tenderness_start_ = 0;
    std::set<std::string> said_once_;  // timed cues already spoken in this state, as "id@ms"
    std::map<std::string, std::int64_t> next_repeat_;  // per repeating cue: the first repeat not yet spoken
};

}  // namespace unknot
