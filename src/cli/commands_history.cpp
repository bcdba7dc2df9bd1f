// `unknot history` and `unknot progress`: what was done, and whether the tender spots fade.
#include <fmt/core.h>

#include <boost/json/serialize.hpp>

#include "cli/commands.hpp"
#include "codec/codec.hpp"
#include "codec/json_util.hpp"

namespace unknot::cli {

namespace {

std::string area_name(const Catalog& c, const std::string& id) {
    if (const Muscle* m = c.muscle(id)) return m->name;
    if (const Region* g = c.region(id)) return g->name;
    return id;
}

std::string trend_text(Trend t) {
    switch (t) {
        case Trend::fewer_and_milder: return "fewer and milder";
        case Trend::fewer: return "fewer spots";
        case Trend::milder: return "milder";
        case Trend::unchanged: return "unchanged";
        case Trend::worse: return "more or worse";
        case Trend::not_enough_data: return fmt::format("too early (needs {} days)", 2 * trend_days_per_half);
    }
    return "";
}

}  // namespace

void add_history_commands(CLI::App& app, Context& ctx, int& code) {
    auto* hist = app.add_subcommand("history", "List past sessions and their holds");
    static bool hist_json = false;
    hist->add_flag("--json", hist_json, "JSON output");
    hist->callback([&ctx, &code] {
        auto& store = ctx.store();
        if (hist_json) {
            boost::json::array a;
            auto summaries = store.session_summaries(ctx.user());
            for (auto it = summaries.rbegin(); it != summaries.rend(); ++it) a.push_back(json::to_json(*it));
            fmt::print("{}\n", json::pretty(a));
        } else {
            auto list = store.list_sessions(ctx.user());
            if (list.empty()) fmt::print("No sessions yet. Start one with `unknot session --plan FILE`.\n");
            for (const auto& s : list) {
                auto mins = s.ended_unix_ms > s.started_unix_ms ? (s.ended_unix_ms - s.started_unix_ms + 30000) / 60000 : 0;
                fmt::print("#{:<4} {}  {:<8} {:>3} min  {:>2} tender spots held, {} items\n", s.id, day_string(s.day), to_string(s.status), mins, s.holds, s.visits);
                for (const auto& h : store.holds(s.id)) {
                    auto side = h.side ? std::string(to_string(*h.side)) : std::string("-");
                    fmt::print("        {:<22} {:<5} spot {}  {:>2} s  tenderness {:>2} -> {:<2} {}\n", h.technique, side, h.spot, h.hold_s,
                               h.tenderness_start, h.tenderness_end ? std::to_string(*h.tenderness_end) : "-", to_string(h.outcome));
                }
            }
        }
        code = exit_ok;
    });

    auto* prog = app.add_subcommand("progress", "Tender spots, tenderness and release times over time");
    static bool prog_json = false;
    prog->add_flag("--json", prog_json, "JSON output");
    prog->callback([&ctx, &code] {
        const auto& catalog = ctx.catalog();
        auto p = compute_progress(ctx.store().session_summaries(ctx.user()), today_local(), catalog);
        if (prog_json) {
            fmt::print("{}\n", json::pretty(json::to_json(p)));
        } else {
            fmt::print("{} sessions  |  streak {} day{}  |  {:.1f} sessions a week (last 4 weeks)\n", p.sessions, p.streak_days,
                       p.streak_days == 1 ? "" : "s", p.sessions_per_week);
            // Kept in the history, not counted: say so, or the numbers look like they lost one.
            if (p.empty_sessions > 0)
                fmt::print("({} more started with nothing done: kept in the history, not counted)\n", p.empty_sessions);
            fmt::print("\n");
            if (p.muscles.empty()) fmt::print("No holds recorded yet.\n");
            else fmt::print("{:<30} {:>8} {:>6} {:>11} {:>9} {:>9}  {}\n", "MUSCLE", "SESSIONS", "SPOTS", "TENDERNESS", "RELEASE", "SUGGEST", "TREND");
            for (const auto& m : p.muscles) {
                auto ten = m.series.empty() ? std::string("-") : fmt::format("{:.1f}", m.series.back().tenderness_start);
                auto rel = m.median_release_s ? fmt::format("{:.0f} s", *m.median_release_s) : std::string("-");
                auto sug = m.suggested_hold_s ? fmt::format("{} s", *m.suggested_hold_s) : std::string("-");
                fmt::print("{:<30} {:>8} {:>6} {:>11} {:>9} {:>9}  {}\n", area_name(catalog, m.id), m.sessions, m.spots, ten, rel, sug,
                           trend_text(m.trend));
            }
        }
        code = exit_ok;
    });
}

}  // namespace unknot::cli
