// `unknot admin`: accounts from the command line, for the first run on a server without a
// browser and for recovery (a reset link when nobody can sign in). Passwords are read from
// standard input, never from the command line, where other users could see them in `ps`.
#include <fmt/core.h>
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "accounts/accounts.hpp"
#include "cli/commands.hpp"
#include "codec/dates.hpp"
#include "common/error.hpp"
#include "security/secrets.hpp"
#include "security/tokens.hpp"

namespace unknot::cli {

namespace {

std::string read_password(bool from_stdin) {
    std::string line;
    if (from_stdin || !isatty(STDIN_FILENO)) {
        if (!std::getline(std::cin, line)) throw InputError("stdin", "no password given on standard input");
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return line;
    }
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    auto ask = [&](const char* prompt) {
        fmt::print(stderr, "{}", prompt);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        std::string s;
        std::getline(std::cin, s);
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
        fmt::print(stderr, "\n");
        return s;
    };
    auto first = ask("Password (12 characters or more): ");
    if (ask("Same password again: ") != first) throw InputError("password", "the two passwords differ");
    return first;
}

}  // namespace

void add_admin_commands(CLI::App& app, Context& ctx, int& code) {
    auto* admin = app.add_subcommand("admin", "Accounts: create users, reset passwords, issue API tokens");
    admin->require_subcommand(1);

    auto* create = admin->add_subcommand("create-user", "Create an account (the first one is the owner and an administrator)");
    static std::string email, name, role, url = "http://127.0.0.1:8080", token_name;
    static bool password_stdin = false;
    static int days = 90;
    create->add_option("--email", email, "sign-in email")->required();
    create->add_option("--name", name, "name shown to trainers and clients")->required();
    create->add_option("--role", role, "self, trainer or admin (default: admin for the first account, else self)");
    create->add_flag("--password-stdin", password_stdin, "read the password from the first line of standard input");
    create->callback([&ctx, &code] {
        auto& store = ctx.store();
        bool first = store.count_users() == 0;
        auto r = parse_role(role.empty() ? (first ? "admin" : "self") : role);
        if (!r || *r == Role::client) throw InputError("--role", "use self, trainer or admin (clients join through a trainer's invite)");
        if (first && *r != Role::admin) throw InputError("--role", "the first account owns this installation and must be an admin");
        User u;
        u.email = normalise_email(email);
        if (auto p = email_problem(u.email)) throw InputError("--email", *p);
        if (auto p = name_problem(name)) throw InputError("--name", *p);
        u.name = name;
        u.role = *r;
        auto password = read_password(password_stdin);
        if (auto p = password_problem(password, u.email)) throw InputError("password", *p);
        u.password_hash = security::hash_password(password);
        u.created_unix_ms = now_unix_ms();
        store.transaction([&] {
            u.id = store.create_user(u);
            if (first) store.adopt_local_data(u.id);
            store.audit({0, now_unix_ms(), u.id, u.id, "account_created", "unknot admin create-user"});
        });
        fmt::print("Created {} account #{} for {}.{}\n", to_string(u.role), u.id, u.email,
                   first ? " It owns this installation, and the sessions recorded so far are now its own." : "");
        code = exit_ok;
    });

    auto* reset = admin->add_subcommand("reset-password", "Print a single-use link (valid one hour) that sets a new password");
    reset->add_option("--email", email, "whose password")->required();
    reset->add_option("--url", url, "address people use to reach unknot")->capture_default_str();
    reset->callback([&ctx, &code] {
        auto& store = ctx.store();
        auto u = store.user_by_email(normalise_email(email));
        if (!u) throw InputError("--email", "no account with the email " + email);
        auto secret = security::issue_token(store, TokenKind::reset, u->id, 60LL * 60 * 1000);
        store.audit({0, now_unix_ms(), u->id, u->id, "reset_issued", "unknot admin reset-password"});
        while (!url.empty() && url.back() == '/') url.pop_back();
        fmt::print("{}/#/reset/{}\nThe link works once, within the next hour. Signing in with the new password ends all other sessions.\n", url, secret);
        code = exit_ok;
    });

    auto* token = admin->add_subcommand("token", "Issue a personal API token (Authorization: Bearer ...) for scripts");
    token->add_option("--email", email, "whose token")->required();
    token->add_option("--name", token_name, "what the token is for")->required();
    token->add_option("--days", days, "valid for this many days")->check(CLI::Range(1, 366))->capture_default_str();
    token->callback([&ctx, &code] {
        auto& store = ctx.store();
        auto u = store.user_by_email(normalise_email(email));
        if (!u) throw InputError("--email", "no account with the email " + email);
        if (auto p = name_problem(token_name)) throw InputError("--name", *p);
        fmt::print("{}\n", security::issue_token(store, TokenKind::api, u->id, days * 86'400'000LL, token_name));
        code = exit_ok;
    });

    auto* users = admin->add_subcommand("users", "List accounts");
    users->callback([&ctx, &code] {
        auto list = ctx.store().users();
        if (list.empty()) fmt::print("No accounts yet. Create the owner with `unknot admin create-user --email ... --name ...`.\n");
        for (const auto& u : list) fmt::print("#{:<5} {:<8} {:<32} {}\n", u.id, to_string(u.role), u.email, u.name);
        code = exit_ok;
    });
}

}  // namespace unknot::cli
