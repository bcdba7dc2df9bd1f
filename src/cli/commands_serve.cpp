// `unknot serve`: the web app and the API from one binary, with the embedded SQLite default.
#include <fmt/core.h>

#include "cli/commands.hpp"
#include "common/error.hpp"
#include "server/api.hpp"

namespace unknot::cli {

namespace {
bool is_loopback(const std::string& a) { return a == "127.0.0.1" || a == "::1" || a.rfind("127.", 0) == 0 || a == "localhost"; }
}  // namespace

void add_serve_command(CLI::App& app, Context& ctx, int& code) {
    auto* cmd = app.add_subcommand("serve", "Serve the web app and the JSON API");
    static server::ServerOptions opts;
    cmd->add_option("--bind", opts.bind, "address to listen on")->capture_default_str();
    cmd->add_option("--port", opts.port, "port (0 picks a free one)")->capture_default_str();
    cmd->add_option("--threads", opts.threads, "worker threads")->check(CLI::Range(1, 64))->capture_default_str();
    cmd->callback([&ctx, &code] {
        if (opts.bind == "localhost") opts.bind = "127.0.0.1";
        // One person's health data and no accounts yet: only this machine may connect.
        if (!is_loopback(opts.bind))
            throw InputError("--bind", "unknot has no accounts enabled, so it only listens on this machine (127.0.0.1 or ::1), not on " + opts.bind);
        const auto& catalog = ctx.catalog();
        auto& store = ctx.store();
        server::Api api(catalog, store);
        try {
            server::serve(opts, [&api](server::HttpRequest r, server::Responder done) { api.handle(std::move(r), std::move(done)); }, [&](unsigned short port) {
                auto host = opts.bind.find(':') != std::string::npos ? "[" + opts.bind + "]" : opts.bind;
                fmt::print("unknot is serving on http://{}:{}/ (database {}). Ctrl-C stops it.\n", host, port, ctx.db_path());
                std::fflush(stdout);
            });
        } catch (const std::invalid_argument& e) {
            throw InputError("serve", e.what());
        }
        fmt::print("unknot stopped.\n");
        code = exit_ok;
    });
}

}  // namespace unknot::cli
