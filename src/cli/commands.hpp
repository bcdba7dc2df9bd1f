#pragma once
#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "codec/dates.hpp"

namespace unknot::cli {

// Each adds its subcommands; the callback sets `code` to the exit code.
void add_catalog_commands(CLI::App& app, Context& ctx, int& code);
void add_plan_commands(CLI::App& app, Context& ctx, int& code);
void add_session_commands(CLI::App& app, Context& ctx, int& code);
void add_history_commands(CLI::App& app, Context& ctx, int& code);
void add_serve_command(CLI::App& app, Context& ctx, int& code);
void add_assess_command(CLI::App& app, Context& ctx, int& code);
void add_admin_commands(CLI::App& app, Context& ctx, int& code);
void add_report_commands(CLI::App& app, Context& ctx, int& code);
void add_exchange_commands(CLI::App& app, Context& ctx, int& code);

// Shared by plan and session: profile/plan files to core values.
struct PlanFile;
std::string day_string(int day);

}  // namespace unknot::cli
