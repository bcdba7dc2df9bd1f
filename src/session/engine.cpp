#include "session/engine.hpp"

#include <algorithm>

namespace unknot {

namespace {

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) s.replace(pos, from.size(), to);
    return s;
}

}  // namespace

Engine::Engine(const Plan& plan, const Catalog& catalog) : catalog_(catalog) {
    for (const auto& phase : plan.phases)
        for (const auto& item : phase.items) items_.push_back(item);
}

Snapshot Engine::snapshot() const {
    return Snapshot{state(), item_, static_cast<int>(items_.size()), in_state_ms(), spots_};
}

Output Engine::handle(const Event& e) {
    Output out;
    if (e.t_ms < now_) {
        out.rejected = "event at " + std::to_string(e.t_ms) + " ms is earlier than the previous one (" + std::to_string(now_) + " ms)";
        return out;
    }
    advance(e.t_ms, out);
    apply(e, out);
    return out;
}

void Engine::say(const std::string& id, Output& out, std::int64_t at_ms) {
    const auto& cue = catalog_.cue(id);
    std::string text = cue.text;
    const PlanItem* item = item_ >= 0 && item_ < static_cast<int>(items_.size()) ? &items_[item_] : nullptr;
    const Technique* t = item && item->kind == ItemKind::smr ? catalog_.technique(item->id) : nullptr;
    text = replace_all(text, "{name}", item ? item->name : "");
    text = replace_all(text, "{side}", item && item->side ? ", " + std::string(to_string(*item->side)) + " side" : "");
    text = replace_all(text, "{avoid}", t && !t->avoid.empty() ? t->avoid.front() : "");
    text = replace_all(text, "{lighter}", t && !t->lighter.empty() ? t->lighter.front() : "Use less of your weight.");
    text = replace_all(text, "{hold_min}", std::to_string(item ? item->hold_min_s : 30));
    text = replace_all(text, "{hold_max}", std::to_string(item ? item->hold_max_s : 90));
    if (item && state_ == State::holding) {
        auto left = std::max<std::int64_t>(0, item->hold_min_s * 1000 - in_state_ms());
        text = replace_all(text, "{seconds}", std::to_string((left + 999) / 1000));
    }
    out.cues.push_back(Cue{id, text, at_ms});
}

// Timed cues and time-outs, in active time (pauses stop the clock). A state's schedule is
// derived from the cue data plus the item's own hold range, so each fires exactly once.
void Engine::advance(std::int64_t t_ms, Output& out) {
    if (paused_ || state_ == State::ready || state_ == State::done) {
        now_ = t_ms;
        return;
    }
    for (;;) {
        const PlanItem* item = item_ >= 0 && item_ < static_cast<int>(items_.size()) ? &items_[item_] : nullptr;
        std::int64_t best = -1;
        std::string best_id;
        auto consider = [&](std::int64_t at, const std::string& id) {
            if (at < 0) return;
            auto key = id + "@" + std::to_string(at);
            if (said_once_.count(key)) return;
            if (best < 0 || at < best) best = at, best_id = id;
        };
        auto state_name = std::string(to_string(state_));
        auto elapsed = t_ms - paused_total_ - state_since_;
        for (const auto& id : required_cue_ids()) {
            const auto& c = catalog_.cue(id);
            if (c.when != state_name) continue;
            if (c.at_s >= 0) consider(c.at_s * 1000LL, id);
            if (c.every_s > 0) {
                // The earliest repeat not yet spoken: sparse ticks (a replay) and dense ticks (a
                // live session) then say exactly the same things at the same moments.
                // Kept per cue and only moved forward, so a long gap (t jumping a day ahead) costs
                // one step per repeat, not a rescan of every repeat said (fuzz/session_replay
                // found a 4,000-repeat gap taking minutes).
                auto step = c.every_s * 1000LL;
                auto& at = next_repeat_.try_emplace(id, std::max(0, c.at_s) * 1000LL).first->second;
                while (said_once_.count(id + "@" + std::to_string(at))) at += step;
                consider(at, id);
            }
        }
        if (item && state_ == State::holding) {
            consider(item->hold_min_s * 1000LL, "hold_min_reached");
            consider(item->hold_max_s * 1000LL, "hold_max_reached");
        }
        if (item && state_ == State::stretching) consider(item->hold_target_s * 1000LL * item->sets, "stretch_done");
        // Activation and integration: the estimated time for the reps (positioning excluded).
        if (item && state_ == State::exercising) consider(std::max(10, item->seconds - 10) * 1000LL, "exercise_done");
        if (best < 0 || best > elapsed) break;
        said_once_.insert(best_id + "@" + std::to_string(best));
        now_ = state_since_ + best + paused_total_;
        say(best_id, out, now_);
        if (best_id == "hold_max_reached") {
            // The protocol caps a hold at 90 s: record it and move the person on.
            end_hold(HoldOutcome::timed_out, std::nullopt, out);
            end_visit(VisitOutcome::done, out);
        } else if (best_id == "stretch_done" || best_id == "exercise_done") {
            end_visit(VisitOutcome::done, out);
        }
        if (state_ == State::done) break;
    }
    now_ = t_ms;
}

void Engine::enter(State s, Output& out) {
    (void)out;
    state_ = s;
    state_since_ = active_now();
    said_once_.clear();
    next_repeat_.clear();
}

void Engine::begin_item(int index, Output& out) {
    int prev = item_;
    item_ = index;
    spots_ = 0;
    if (index >= static_cast<int>(items_.size())) {
        item_ = -1;
        enter(State::done, out);
        say("session_done", out, now_);
        return;
    }
    visit_started_ = now_;
    if (prev >= 0 && items_[prev].id == items_[index].id && items_[prev].side != items_[index].side) say("switch_sides", out, now_);
    else if (prev >= 0) say("next_item", out, now_);
    enter(State::positioning, out);
    const auto kind = items_[index].kind;
    say(kind == ItemKind::smr ? "positioning" : kind == ItemKind::stretch ? "positioning_stretch" : "positioning_exercise", out, now_);
}

void Engine::end_hold(HoldOutcome o, std::optional<int> tenderness, Output& out) {
    const PlanItem& item = items_[item_];
    HoldRecord h;
    h.item = item_;
    h.technique = item.id;
    h.side = item.side;
    h.muscles = item.muscles;
    h.spot = spots_;
    h.found_ms = found_at_;
    h.ended_ms = now_;
    auto held = in_state_ms();
    h.hold_s = static_cast<int>((held + 500) / 1000);
    if (o == HoldOutcome::timed_out) h.hold_s = item.hold_max_s;
    h.tenderness_start = tenderness_start_;
    h.tenderness_end = tenderness;
    h.outcome = o;
    out.holds.push_back(std::move(h));
}

void Engine::end_visit(VisitOutcome o, Output& out) {
    const PlanItem& item = items_[item_];
    out.visits.push_back(VisitRecord{item_, item.kind, item.id, item.side, item.muscles, o, spots_, visit_started_, now_});
    if (o == VisitOutcome::stopped) return;
    begin_item(item_ + 1, out);
}

void Engine::apply(const Event& e, Output& out) {
    auto reject = [&](std::string why) { out.rejected = std::move(why); };
    auto valid_tenderness = [&]() {
        if (!e.tenderness || *e.tenderness < 0 || *e.tenderness > 10) {
            reject("`" + std::string(to_string(e.type)) + "` needs a tenderness from 0 (none) to 10 (worst)");
            return false;
        }
        return true;
    };
    if (e.type == EventType::tick) return;
    if (state_ == State::done) return reject("the session is over");
    if (e.type == EventType::start) {
        if (state_ != State::ready) return reject("the session has already started");
        say("session_start", out, now_);
        return begin_item(0, out);
    }
    if (state_ == State::ready) {
        if (e.type != EventType::quit) return reject("start the session first");
        enter(State::done, out);  // ended before it began: nothing to record
        return;
    }
    if (paused_ && e.type != EventType::resume && e.type != EventType::quit) return reject("paused: resume first");
    const PlanItem& item = items_[item_];
    switch (e.type) {
        case EventType::pause:
            paused_ = true;
            paused_at_ = now_;
            say("paused", out, now_);
            return;
        case EventType::resume:
            if (!paused_) return reject("not paused");
            paused_total_ += now_ - paused_at_;
            paused_ = false;
            say("resumed", out, now_);
            return;
        case EventType::in_position:
            if (state_ != State::positioning) return reject("already in position");
            if (item.kind == ItemKind::stretch) {
                enter(State::stretching, out);
                say("stretch_start", out, now_);
                said_once_.insert("stretch_start@0");
            } else if (item.kind == ItemKind::smr) {
                enter(State::rolling, out);
            } else {
                enter(State::exercising, out);
            }
            return advance(now_, out);
        case EventType::found:
            if (item.kind != ItemKind::smr || (state_ != State::rolling && state_ != State::eased))
                return reject("`found` applies while rolling");
            if (!valid_tenderness()) return;
            ++spots_;
            tenderness_start_ = *e.tenderness;
            enter(State::holding, out);
            found_at_ = now_;
            return advance(now_, out);
        case EventType::eased: {
            if (state_ != State::holding) return reject("`eased` applies while holding a tender spot");
            if (!valid_tenderness()) return;
            // Before the minimum the hold still ends (the person chose to): it is kept with its own
            // outcome so progress never mistakes it for a release time.
            bool early = in_state_ms() < item.hold_min_s * 1000LL;
            end_hold(early ? HoldOutcome::released_early : HoldOutcome::eased, e.tenderness, out);
            enter(State::eased, out);
            say(early ? "hold_released_early" : "spot_eased", out, now_);
            return;
        }
        case EventType::too_painful:
            if (state_ == State::holding) {
                std::optional<int> t;
                if (e.tenderness && *e.tenderness >= 0 && *e.tenderness <= 10) t = e.tenderness;
                end_hold(HoldOutcome::too_painful, t, out);
                enter(State::rolling, out);
                said_once_.insert("rolling_slow@0");
            }
            say("too_painful", out, now_);
            return;
        case EventType::next:
            if (state_ == State::holding) return reject("you are holding a spot: say when it eases, or that it is too painful");
            return end_visit(VisitOutcome::done, out);
        case EventType::skip:
            if (state_ == State::holding) end_hold(HoldOutcome::stopped, std::nullopt, out);
            return end_visit(VisitOutcome::skipped, out);
        case EventType::quit:
            if (paused_) {
                paused_total_ += now_ - paused_at_;
                paused_ = false;
            }
            if (state_ == State::holding) end_hold(HoldOutcome::stopped, std::nullopt, out);
            end_visit(VisitOutcome::stopped, out);
            item_ = -1;
            enter(State::done, out);
            return;
        default:
            return;
    }
}

std::string_view to_string(EventType t) {
    switch (t) {
        case EventType::start: return "start";
        case EventType::in_position: return "in_position";
        case EventType::found: return "found";
        case EventType::eased: return "eased";
        case EventType::too_painful: return "too_painful";
        case EventType::next: return "next";
        case EventType::skip: return "skip";
        case EventType::pause: return "pause";
        case EventType::resume: return "resume";
        case EventType::quit: return "quit";
        case EventType::tick: return "tick";
    }
    return "tick";
}

std::optional<EventType> parse_event_type(std::string_view s) {
    for (auto t : {EventType::start, EventType::in_position, EventType::found, EventType::eased, EventType::too_painful, EventType::next,
                   EventType::skip, EventType::pause, EventType::resume, EventType::quit, EventType::tick})
        if (to_string(t) == s) return t;
    return std::nullopt;
}

std::string_view to_string(State s) {
    switch (s) {
        case State::ready: return "ready";
        case State::positioning: return "positioning";
        case State::rolling: return "rolling";
        case State::holding: return "holding";
        case State::eased: return "eased";
        case State::stretching: return "stretching";
        case State::exercising: return "exercising";
        case State::paused: return "paused";
        case State::done: return "done";
    }
    return "done";
}

std::string_view to_string(HoldOutcome o) {
    switch (o) {
        case HoldOutcome::eased: return "eased";
        case HoldOutcome::too_painful: return "too_painful";
        case HoldOutcome::timed_out: return "timed_out";
        case HoldOutcome::stopped: return "stopped";
        case HoldOutcome::released_early: return "released_early";
    }
    return "stopped";
}

std::optional<HoldOutcome> parse_hold_outcome(std::string_view s) {
    for (auto o : {HoldOutcome::eased, HoldOutcome::too_painful, HoldOutcome::timed_out, HoldOutcome::stopped, HoldOutcome::released_early})
        if (to_string(o) == s) return o;
    return std::nullopt;
}

std::string_view to_string(VisitOutcome o) {
    switch (o) {
        case VisitOutcome::done: return "done";
        case VisitOutcome::skipped: return "skipped";
        case VisitOutcome::stopped: return "stopped";
    }
    return "stopped";
}

std::optional<VisitOutcome> parse_visit_outcome(std::string_view s) {
    for (auto o : {VisitOutcome::done, VisitOutcome::skipped, VisitOutcome::stopped})
        if (to_string(o) == s) return o;
    return std::nullopt;
}

}  // namespace unknot
