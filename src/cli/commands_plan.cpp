// `unknot screen` and `unknot plan`: the safety check and the routine it allows.
#include <fmt/core.h>

#include <filesystem>

#include "cli/commands.hpp"
#include "cli/print.hpp"
#include "codec/codec.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "progress/progress.hpp"

namespace unknot::cli {

namespace {

// Hold times learned from this person's past releases, when a database already exists.
std::map<std::string, int> learned_holds(Context& ctx) {
    std::map<std::string, int> out;
    std::error_code ec;
    if (!std::filesystem::exists(ctx.db_path(), ec)) return out;
    auto progress = compute_progress(ctx.store().session_summaries(ctx.user()), today_local(), ctx.catalog());
    for (const auto& m : progress.muscles)
        if (m.suggested_hold_s) out[m.id] = *m.suggested_hold_s;
    return out;
}

}  // namespace

void add_plan_commands(CLI::App& app, Context& ctx, int& code) {
    auto* screen_cmd = app.add_subcommand("screen", "Check whether foam rolling is safe for you today");
    static std::string answers_file;
    static bool screen_json = false;
    screen_cmd->add_option("--answers", answers_file, "JSON file: {\"answers\": {\"condition_id\": true, ...}}")->required();
    screen_cmd->add_flag("--json", screen_json, "JSON output for scripts");
    screen_cmd->callback([&ctx, &code] {
        auto v = json::parse(read_file(answers_file), answers_file);
        const auto& catalog = ctx.catalog();
        auto r = within(answers_file, ": ", [&] { return screen(json::answers_from_json(v, "screening"), catalog); });
        if (screen_json) fmt::print("{}\n", json::pretty(json::to_json(r)));
        else print_screening(r, catalog);
        code = exit_ok;
    });

    auto* plan_cmd = app.add_subcommand("plan", "Build a routine: roll first, then stretch, within your minutes");
    static std::string profile_file;
    static bool plan_json = false;
    plan_cmd->add_option("--profile", profile_file, "JSON profile: screening, targets, minutes, tools, context")->required();
    plan_cmd->add_flag("--json", plan_json, "JSON output (the input of `unknot session --plan`)");
    plan_cmd->callback([&ctx, &code] {
        const auto& catalog = ctx.catalog();
        auto v = json::parse(read_file(profile_file), profile_file);
        auto plan = within(profile_file, ": ", [&] {
            auto profile = json::profile_from_json(v, catalog);
            if (profile.learned_hold_s.empty()) profile.learned_hold_s = learned_holds(ctx);
            return make_plan(profile, catalog);
        });
        if (plan_json) fmt::print("{}\n", json::pretty(json::to_json(plan)));
        else print_plan(plan, catalog);
        code = exit_ok;
    });
}

}  // namespace unknot::cli
