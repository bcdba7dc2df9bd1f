// `unknot session --plan FILE [--replay EVENTS.jsonl]`: the guided session, live or scripted.
#include <fmt/core.h>

#include <boost/json/serialize.hpp>
#include <chrono>
#include <ctime>

#include "cli/commands.hpp"
#include "cli/recorder.hpp"
#include "cli/terminal.hpp"
#include "codec/codec.hpp"
#include "codec/dates.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"

namespace unknot::cli {

std::string day_string(int d) { return iso_day(d); }

namespace {

struct Start {
    std::int64_t unix_ms;
    int day;
};

// --at YYYY-MM-DD[THH:MM[:SS]] (UTC) makes replays reproducible; default is now.
Start parse_at(const std::string& at) {
    if (at.empty()) return {now_unix_ms(), today_local()};
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    int n = std::sscanf(at.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s);
    using namespace std::chrono;
    year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (n < 3 || !ymd.ok() || h > 23 || mi > 59 || s > 59 || y < 1970)
        throw InputError("--at", "expected a date like 2026-11-22 or 2026-11-22T07:30, got `" + at + "`");
    auto dd = sys_days{ymd};
    auto ms = duration_cast<milliseconds>(dd.time_since_epoch() + hours{h} + minutes{mi} + seconds{s}).count();
    return {ms, static_cast<int>(dd.time_since_epoch().count())};
}

std::string clock_text(std::int64_t ms) { return fmt::format("{:02}:{:04.1f}", ms / 60000, static_cast<double>(ms % 60000) / 1000.0); }

std::string hold_line(const HoldRecord& h, int n) {
    auto side = h.side ? std::string(" ") + std::string(to_string(*h.side)) : std::string{};
    auto end = h.tenderness_end ? std::to_string(*h.tenderness_end) : std::string("-");
    return fmt::format("saved hold {}: {}{} spot {}, {} s, tenderness {} -> {} ({})", n, h.technique, side, h.spot, h.hold_s,
                       h.tenderness_start, end, to_string(h.outcome));
}

std::vector<std::pair<int, Event>> read_events(const std::string& file) {
    auto text = read_file(file);
    std::vector<std::pair<int, Event>> events;
    int line = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto nl = text.find('\n', pos);
        if (nl == std::string::npos) nl = text.size();
        std::string_view l(text.data() + pos, nl - pos);
        pos = nl + 1;
        ++line;
        if (l.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        auto where = file + ":" + std::to_string(line);
        auto v = json::parse(l, where);
        try {
            events.emplace_back(line, json::event_from_json(v, ""));
        } catch (const InputError& e) {
            throw InputError(where, (e.where().empty() ? "" : e.where() + ": ") + e.message());
        }
    }
    if (events.empty()) throw InputError(file, "no events: each line should be like {\"t\": 0, \"type\": \"start\"}");
    return events;
}

int replay(const Plan& plan, const std::string& plan_text, const Catalog& catalog, Store& store, UserId user, const std::string& file,
           const std::string& at, bool as_json) {
    auto events = read_events(file);  // all checked before anything is saved
    auto start = parse_at(at);
    Engine engine(plan, catalog);
    auto session = store.begin_session({user, start.unix_ms, start.day, plan_text});
    Recorder rec(store, session);
    boost::json::array holds, visits, cues, rejected, states;
    auto handle = [&](const Event& e, int line) {
        auto out = engine.handle(e);
        states.push_back(boost::json::value(to_string(engine.state())));  // the state after each event, for the web engine's golden runs
        rec.record(out, [&](const HoldRecord& h, int n) {
            if (!as_json) {
                fmt::print("{}\n", hold_line(h, n));
                std::fflush(stdout);
            }
        });
        for (const auto& h : out.holds) holds.push_back(json::to_json(h));
        for (const auto& v : out.visits) visits.push_back(json::to_json(v));
        for (const auto& c : out.cues) {
            cues.push_back(json::to_json(c));
            if (!as_json) fmt::print("[{}] {}\n", clock_text(c.at_ms), c.text);
        }
        if (out.rejected) {
            rejected.push_back(boost::json::object{{"line", line}, {"type", to_string(e.type)}, {"reason", *out.rejected}});
            if (!as_json) fmt::print("[{}] (line {}: {} ignored: {})\n", clock_text(e.t_ms), line, to_string(e.type), *out.rejected);
        }
    };
    std::int64_t last = 0;
    for (const auto& [line, e] : events) {
        handle(e, line);
        last = std::max(last, e.t_ms);
    }
    bool finished = engine.state() == State::done;
    if (!finished && engine.state() != State::ready) handle(Event{EventType::quit, last, std::nullopt}, 0);
    store.end_session(session, start.unix_ms + last, finished ? SessionStatus::done : SessionStatus::stopped);
    if (as_json) {
        boost::json::object o{{"session_id", session}, {"state", finished ? "done" : "stopped"}, {"holds", std::move(holds)},
                              {"visits", std::move(visits)}, {"cues", std::move(cues)}, {"rejected", std::move(rejected)},
                              {"states", std::move(states)}};
        fmt::print("{}\n", json::pretty(o));
    } else {
        fmt::print("Session {} {}: {} holds and {} items saved.\n", session, finished ? "complete" : "stopped", rec.holds(), rec.visits());
    }
    return exit_ok;
}

}  // namespace

void add_session_commands(CLI::App& app, Context& ctx, int& code) {
    auto* cmd = app.add_subcommand("session", "Run a guided session from a plan, live in the terminal or replayed from events");
    static std::string plan_file, replay_file, at;
    static bool as_json = false;
    cmd->add_option("--plan", plan_file, "plan JSON from `unknot plan --json`")->required();
    cmd->add_option("--replay", replay_file, "JSON-lines events with timestamps: {\"t\": 12.5, \"type\": \"found\", \"tenderness\": 6}");
    cmd->add_option("--at", at, "replay start time, YYYY-MM-DD[THH:MM[:SS]] UTC (default: now)");
    cmd->add_flag("--json", as_json, "with --replay: print one JSON summary at the end");
    cmd->callback([&ctx, &code] {
        const auto& catalog = ctx.catalog();
        auto text = read_file(plan_file);
        auto plan = within(plan_file, ": ", [&] { return json::plan_from_json(json::parse(text, plan_file), catalog); });
        if (plan.phases.empty()) throw InputError(plan_file, "this plan has nothing to do (was the screening `refer`?)");
        if (!replay_file.empty()) {
            code = replay(plan, text, catalog, ctx.store(), ctx.user(), replay_file, at, as_json);
        } else {
            if (as_json || !at.empty()) throw InputError("--json/--at", "only apply with --replay");
            if (!is_terminal()) throw InputError("session", "a live session needs a terminal; use --replay FILE for scripted runs");
            auto start = parse_at("");
            auto session = ctx.store().begin_session({ctx.user(), start.unix_ms, start.day, text});
            code = run_live_session(plan, catalog, ctx.store(), session);
        }
    });
}

}  // namespace unknot::cli
