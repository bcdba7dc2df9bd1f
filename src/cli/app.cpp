#include "cli/app.hpp"

#include <fmt/core.h>

#include <iostream>

#include "cli/commands.hpp"
#include "common/error.hpp"
#include "modules/module.hpp"

namespace unknot::cli {

int run(int argc, char** argv) {
    CLI::App app{"unknot - a foam-rolling coach: screen, plan, roll, hold, stretch, and watch the tender spots fade"};
    app.set_version_flag("--version", std::string("unknot ") + UNKNOT_VERSION);
    app.require_subcommand(1);
    app.fallthrough();  // `unknot serve --database-url ...` as well as `unknot --database-url ... serve`
    Globals g;
    app.add_option("--db", g.db_path, "SQLite database file (default: " + default_db_path() + ")");
    app.add_option("--database-url", g.database_url, "PostgreSQL instead of the SQLite file: postgresql://user@host:port/db (or UNKNOT_DATABASE_URL)");
    app.add_option("--user", g.user_email, "whose data to use, by email (default: the owner account)");
    app.add_option("--data", g.data_dir, "content folder (default: $UNKNOT_DATA or " + default_data_dir() + ")");
    Context ctx(g);
    int code = exit_ok;
    add_catalog_commands(app, ctx, code);
    add_plan_commands(app, ctx, code);
    add_session_commands(app, ctx, code);
    add_history_commands(app, ctx, code);
    add_serve_command(app, ctx, code);
    add_assess_command(app, ctx, code);
    add_admin_commands(app, ctx, code);
    add_report_commands(app, ctx, code);
    add_exchange_commands(app, ctx, code);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);
        return rc == 0 ? exit_ok : exit_bad_input;
    } catch (const InputError& e) {
        fmt::print(stderr, "unknot: {}\n", e.what());
        return exit_bad_input;
    } catch (const ConflictError& e) {
        fmt::print(stderr, "unknot: {}\n", e.what());
        return exit_bad_input;
    } catch (const StoreError& e) {
        fmt::print(stderr, "unknot: {}\n", e.what());
        return exit_bad_input;
    } catch (const modules::ModuleError& e) {
        // An installation problem, not the person's input: say what is missing and where.
        fmt::print(stderr, "unknot: {}\n", e.what());
        return exit_failure;
    } catch (const std::exception& e) {
        fmt::print(stderr, "unknot: unexpected error: {}\n", e.what());
        return exit_failure;
    }
    return code;
}

}  // namespace unknot::cli
