// `unknot serve`: the web app and the API from one binary, with the embedded SQLite default.
#include <fmt/core.h>

#include "cli/commands.hpp"
#include "common/error.hpp"
#include "report/render_module.hpp"
#include "server/api.hpp"
#include "server/host_check.hpp"

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
    cmd->add_option("--access-log", opts.access_log, "write the access log to this file, rotated by size (default: stderr, for journald)");
    static std::uintmax_t access_log_mb = opts.access_log_max_bytes >> 20;
    cmd->add_option("--access-log-max-mb", access_log_mb, "size at which the access log file moves to FILE.1")
        ->check(CLI::Range(1, 1 << 20))
        ->capture_default_str();
    static server::ApiOptions api_opts;
    cmd->add_flag("--secure-cookies", api_opts.gate.secure_cookies, "mark cookies Secure (when a TLS proxy is in front)");
    cmd->add_flag("--trust-proxy", api_opts.gate.trust_proxy, "take the client's address from X-Forwarded-For (only behind your own proxy)");
    cmd->add_option("--public-url", api_opts.public_url, "address people use, for invite and reset links (default: from the request)");
    cmd->add_option("--signups-per-hour", api_opts.gate.signup.per_window,
                    "open sign-ups one address may make in an hour (a gym's front desk may need more)")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    static bool invite_only = false;
    cmd->add_flag("--invite-only", invite_only, "no open sign-up: new accounts come from invites or an administrator");
    cmd->callback([&ctx, &code] {
        if (opts.bind == "localhost") opts.bind = "127.0.0.1";
        opts.access_log_max_bytes = access_log_mb << 20;
        api_opts.open_signup = !invite_only;
        api_opts.writers = static_cast<std::size_t>(opts.threads);
        if (!api_opts.public_url.empty()) {
            try {
                server::public_host(api_opts.public_url);
            } catch (const std::invalid_argument& e) {
                throw InputError("--public-url", e.what());
            }
        }
        const auto& catalog = ctx.catalog();
        // A server that cannot print should say so now, not at somebody's first handout.
        report::load_renderers();
        auto& store = ctx.store();
        // Health data behind no accounts must not be reachable from other machines.
        if (!is_loopback(opts.bind) && store.count_users() == 0)
            throw InputError("--bind", "no accounts exist yet, so unknot only listens on this machine (127.0.0.1 or ::1), not on " + opts.bind +
                                           ". Create the owner first: unknot admin create-user --email you@example.org --name \"Your Name\"");
        server::Api api(catalog, store, api_opts);
        try {
            server::serve(opts, [&api](server::HttpRequest r, server::Responder done) { api.handle(std::move(r), std::move(done)); }, [&](unsigned short port) {
                auto host = opts.bind.find(':') != std::string::npos ? "[" + opts.bind + "]" : opts.bind;
                fmt::print("unknot is serving on http://{}:{}/ (database {}). Ctrl-C stops it.\n", host, port, ctx.database_label());
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
