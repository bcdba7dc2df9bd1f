// Accounts over HTTP: first-run owner set-up, sign-up, login/logout, password change and reset,
// personal API tokens, and the person's data rights (export everything, delete the account).
// Failed logins are throttled per address (in memory, a flood guard) and per email and address
// with growing delays (in the store, so every process agrees); no account is ever locked.
#include <boost/json/serialize.hpp>

#include "codec/codec.hpp"
#include "codec/dates.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"
#include "exchange/export.hpp"
#include "security/secrets.hpp"
#include "security/tokens.hpp"
#include "server/account_json.hpp"
#include "server/api.hpp"
#include "server/responses.hpp"

namespace unknot::server {

namespace bj = boost::json;

namespace {

constexpr std::int64_t reset_ttl_ms = 60LL * 60 * 1000;  // a reset link works for an hour

std::string field(const bj::object& o, const char* key, std::size_t max = 1024) {
    auto* v = o.if_contains(key);
    if (!v) throw InputError(key, std::string("missing: send \"") + key + "\" as text");
    auto s = json::as_string(*v, key);
    if (s.size() > max) throw InputError(key, "too long (at most " + std::to_string(max) + " characters)");
    return s;
}

HttpResponse with_login(HttpResponse r, const Gate::Login& login) {
    r.headers.emplace_back("Set-Cookie", login.set_cookie);
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
}

// An administrator creating an account may learn that the email is taken; a stranger at the
// sign-up form learns it only as "cannot sign up with this email", and only a few times an hour.
UserId create_or_conflict(Store& store, const User& u) {
    try {
        return store.create_user(u);
    } catch (const ConflictError&) {
        throw HttpError{error_response(409, "email_taken", "an account with this email already exists", "email")};
    }
}

HttpResponse wait_response(const char* code, const std::string& message, std::int64_t wait_ms) {
    auto seconds = (wait_ms + 999) / 1000;
    auto when = seconds < 90 ? std::to_string(seconds) + " seconds" : std::to_string((seconds + 59) / 60) + " minutes";
    auto r = error_response(429, code, message + "; try again in " + when);
    r.headers.emplace_back("Retry-After", std::to_string(seconds));
    return r;
}

// Keys of the attempt counts: hashes, so the table holds no typed emails or addresses.
std::string login_key(const std::string& email, const std::string& address) {
    return security::secret_hash("login\n" + email + "\n" + address);
}
std::string signup_key(const std::string& address) { return security::secret_hash("signup\n" + address); }

User new_user(const bj::object& o, Role role) {
    User u;
    u.email = normalise_email(field(o, "email", 254));
    if (auto p = email_problem(u.email)) throw InputError("email", *p);
    u.name = field(o, "name", 200);
    if (auto p = name_problem(u.name)) throw InputError("name", *p);
    auto password = field(o, "password", 4096);
    if (auto p = password_problem(password, u.email)) throw InputError("password", *p);
    u.role = role;
    u.password_hash = security::hash_password(password);
    u.created_unix_ms = now_unix_ms();
    return u;
}

}  // namespace

std::string Api::link_base(const HttpRequest& req) const {
    if (!options_.public_url.empty()) return options_.public_url;
    bool tls = req.header("x-forwarded-proto") == "https" || options_.gate.secure_cookies;
    auto host = req.header("host");
    return (tls ? "https://" : "http://") + (host.empty() ? std::string("localhost") : host);
}

void Api::account_routes() {
    auto auth_state = [this](const Ctx& ctx, const std::string& csrf) {
        bj::object o;
        o["setup_required"] = store_.count_users() == 0;
        o["user"] = ctx.actor ? user_json(*ctx.actor, store_) : bj::value(nullptr);
        o["csrf"] = csrf.empty() ? bj::value(nullptr) : bj::value(csrf);
        return o;
    };

    router_.add("GET", "/api/v1/auth", Access::anyone(), [this, auth_state](const HttpRequest&, const Params&, const Ctx& ctx) {
        std::string csrf;
        if (ctx.actor && ctx.via_cookie) {
            if (auto t = store_.token(ctx.token_hash)) csrf = t->csrf;
        }
        auto r = json_response(200, auth_state(ctx, csrf));
        r.headers.emplace_back("Cache-Control", "no-store");
        return r;
    });

    // First run: the owner account, possible only while there are no accounts at all.
    router_.add("POST", "/api/v1/setup", Access::anyone(), [this, auth_state](const HttpRequest& req, const Params&, const Ctx& ctx) {
        auto body = json_body(req);
        const auto& o = json::as_object(body, "");
        json::only_keys(o, "", {"email", "name", "password"});
        auto u = new_user(o, Role::admin);
        store_.transaction([&] {
            if (store_.count_users() > 0) throw ConflictError("this installation already has an owner; sign in instead");
            u.id = store_.create_user(u);
            store_.adopt_local_data(u.id);
            store_.audit({0, now_unix_ms(), u.id, u.id, "account_created", "setup"});
        });
        auto login = gate_.start_session(u.id, ctx.secure);
        Ctx signed_in = ctx;
        signed_in.actor = u;
        return with_login(json_response(201, auth_state(signed_in, login.csrf)), login);
    });

    // Open sign-up for people rolling on their own and for trainers; with an invite, the new
    // account is that trainer's client at once.
    router_.add("POST", "/api/v1/signup", Access::anyone(), [this, auth_state](const HttpRequest& req, const Params&, const Ctx& ctx) {
        auto body = json_body(req);
        const auto& o = json::as_object(body, "");
        json::only_keys(o, "", {"email", "name", "password", "role", "invite"});
        std::string role_text = o.contains("role") ? field(o, "role", 20) : "self";
        auto role = parse_role(role_text);
        if (!role || (*role != Role::self && *role != Role::trainer)) throw InputError("role", "sign up as `self` (rolling on your own) or `trainer`");
        std::string invite = o.contains("invite") ? field(o, "invite", 100) : "";
        if (!invite.empty() && *role != Role::self) throw InputError("invite", "an invite makes you a client; sign up with role `self`");
        if (!options_.open_signup && invite.empty()) throw HttpError{error_response(403, "signup_closed", "sign-up here is by invitation only; ask your trainer for a link")};
        auto now = now_unix_ms();
        const auto& limit = gate_.options().signup;
        auto key = signup_key(gate_.client_address(req));
        {
            // As if this one were counted, from the last one's time: a count gone stale waits 0.
            auto seen = store_.attempts(key);
            if (auto wait = signup_wait_ms({seen.count + 1, seen.last_unix_ms}, now, limit))
                return wait_response("throttled", "too many sign-ups from here", wait);
        }
        auto u = new_user(o, invite.empty() ? *role : Role::client);
        {
            if (store_.count_users() == 0) throw HttpError{error_response(409, "setup_required", "create the owner account first")};
            // Counted before the email is looked at (a refused one counts too), in one atomic
            // step, so thirty sign-ups at once cannot all slip under the limit.
            auto counted = store_.add_attempt(key, now, now - limit.window_ms);
            if (auto wait = signup_wait_ms(counted, now, limit)) return wait_response("throttled", "too many sign-ups from here", wait);
            store_.transaction([&] {
                std::optional<Token> inv;
                if (!invite.empty()) {
                    auto hash = security::secret_hash(invite);
                    inv = store_.token(hash);
                    if (!inv || inv->kind != TokenKind::invite || !store_.consume_token(hash, now_unix_ms()))
                        throw HttpError{error_response(410, "invite_unusable", "this invite link was already used, has expired or was withdrawn; ask for a new one", "invite")};
                }
                try {
                    u.id = store_.create_user(u);
                } catch (const ConflictError&) {
                    // Not "taken": that would tell anyone which emails have accounts here.
                    throw HttpError{error_response(409, "signup_refused",
                                                   "an account can't be made with this email; if it is yours, sign in or ask for a password reset",
                                                   "email")};
                }
                if (inv) store_.link(inv->user, u.id, now_unix_ms());
                store_.audit({0, now_unix_ms(), u.id, u.id, "account_created", inv ? "signup with invite" : "signup"});
            });
        }
        auto login = gate_.start_session(u.id, ctx.secure);
        Ctx signed_in = ctx;
        signed_in.actor = u;
        return with_login(json_response(201, auth_state(signed_in, login.csrf)), login);
    });

    router_.add("POST", "/api/v1/login", Access::anyone(), [this, auth_state](const HttpRequest& req, const Params&, const Ctx& ctx) {
        auto now = now_unix_ms();
        auto address = gate_.client_address(req);
        if (gate_.address_throttled(address, now)) {
            auto r = error_response(429, "throttled", "too many failed logins from here; wait a few minutes and try again");
            r.headers.emplace_back("Retry-After", std::to_string(gate_.options().failure_window_ms / 1000));
            return r;
        }
        auto body = json_body(req);
        const auto& o = json::as_object(body, "");
        json::only_keys(o, "", {"email", "password"});
        auto email = normalise_email(field(o, "email", 254));
        auto password = field(o, "password", 4096);
        const auto& policy = gate_.options().login;
        auto key = login_key(email, address);
        std::optional<User> u;
        {
            // Before the password is even looked at, and the same whether or not the email has
            // an account: the wait is for this address and this email only.
            if (auto wait = login_wait_ms(store_.attempts(key), now, policy))
                return wait_response("throttled", "too many wrong passwords for this email from here", wait);
            u = store_.user_by_email(email);
        }
        bool ok = u ? security::verify_password(u->password_hash, password) : (security::burn_password_time(password), false);
        if (!ok) {
            gate_.note_failure(address, now);
            store_.add_attempt(key, now, now - policy.forget_after_ms);
            if (u) store_.audit({0, now, u->id, u->id, "login_failed", "POST /api/v1/login"});
            return error_response(401, "wrong_credentials", "the email or the password is wrong");
        }
        store_.clear_attempts(key);
        store_.audit({0, now, u->id, u->id, "login", "POST /api/v1/login"});
        auto login = gate_.start_session(u->id, ctx.secure);
        Ctx signed_in = ctx;
        signed_in.actor = u;
        return with_login(json_response(200, auth_state(signed_in, login.csrf)), login);
    });

    router_.add("POST", "/api/v1/logout", Access::signed_in(), [this](const HttpRequest&, const Params&, const Ctx& ctx) {
        store_.revoke_token(ctx.token_hash);
        auto r = json_response(200, bj::object{{"signed_out", true}});
        if (ctx.via_cookie) r.headers.emplace_back("Set-Cookie", gate_.clear_cookie(ctx.secure));
        return r;
    });

    // Changing the password ends every other login session.
    router_.add("POST", "/api/v1/password", Access::signed_in(), [this](const HttpRequest& req, const Params&, const Ctx& ctx) {
        auto body = json_body(req);
        const auto& o = json::as_object(body, "");
        json::only_keys(o, "", {"current", "password"});
        auto current = field(o, "current", 4096), password = field(o, "password", 4096);
        if (!security::verify_password(ctx.me().password_hash, current)) throw InputError("current", "this is not your current password");
        if (auto p = password_problem(password, ctx.me().email)) throw InputError("password", *p);
        auto new_hash = security::hash_password(password);
        store_.transaction([&] {
            auto u = store_.user(ctx.me().id).value_or(ctx.me());  // fresh: never write back a stale snapshot
            u.password_hash = new_hash;
            store_.update_user(u);
            for (const auto& t : store_.tokens(u.id, TokenKind::session))
                if (t.hash != ctx.token_hash) store_.revoke_token(t.hash);
            store_.audit({0, now_unix_ms(), u.id, u.id, "password_changed", "POST /api/v1/password"});
        });
        return json_response(200, bj::object{{"changed", true}});
    });

    // A reset link (from `unknot admin reset-password` or an administrator) sets a new password
    // once, and signs the account out everywhere.
    router_.add("POST", "/api/v1/password-reset", Access::anyone(), [this](const HttpRequest& req, const Params&, const Ctx&) {
        auto body = json_body(req);
        const auto& o = json::as_object(body, "");
        json::only_keys(o, "", {"token", "password"});
        auto token = field(o, "token", 100), password = field(o, "password", 4096);
        auto hash = security::secret_hash(token);
        std::optional<User> u;
        {
            auto t = store_.token(hash);
            if (t && t->kind == TokenKind::reset) u = store_.user(t->user);
        }
        if (!u) throw HttpError{error_response(410, "reset_unusable", "this reset link is not valid; ask for a new one", "token")};
        if (auto p = password_problem(password, u->email)) throw InputError("password", *p);
        auto new_hash = security::hash_password(password);  // slow on purpose: not under the store lock
        store_.transaction([&] {
            if (!store_.consume_token(hash, now_unix_ms()))
                throw HttpError{error_response(410, "reset_unusable", "this reset link was already used or has expired; ask for a new one", "token")};
            auto fresh = store_.user(u->id);
            if (!fresh) throw HttpError{error_response(410, "reset_unusable", "this account no longer exists", "token")};
            fresh->password_hash = new_hash;
            store_.update_user(*fresh);
            store_.revoke_tokens(u->id, TokenKind::session);
            store_.clear_attempts(login_key(u->email, gate_.client_address(req)));  // sign in with it at once
            store_.audit({0, now_unix_ms(), u->id, u->id, "password_reset", "POST /api/v1/password-reset"});
        });
        return json_response(200, bj::object{{"reset", true}});
    });

    // Personal API tokens for scripts and the CLI: shown once, stored as a hash.
    router_.add("GET", "/api/v1/tokens", Access::signed_in(), [this](const HttpRequest&, const Params&, const Ctx& ctx) {
        bj::array out;
        for (const auto& t : store_.tokens(ctx.me().id, TokenKind::api)) out.push_back(token_json(t));
        return json_response(200, out);
    });
    router_.add("POST", "/api/v1/tokens", Access::signed_in(), [this](const HttpRequest& req, const Params&, const Ctx& ctx) {
        auto body = json_body(req);
        const auto& o = json::as_object(body, "");
        json::only_keys(o, "", {"name", "days"});
        auto name = field(o, "name", 100);
        if (auto p = name_problem(name)) throw InputError("name", *p);
        std::int64_t days = 90;
        if (auto* d = o.if_contains("days")) days = json::as_int(*d, "days", 1, 366);
        auto secret = security::issue_token(store_, TokenKind::api, ctx.me().id, days * 86'400'000, name);
        auto out = token_json(*store_.token(security::secret_hash(secret)));
        out.as_object()["token"] = secret;
        return json_response(201, out);
    });
    router_.add("DELETE", "/api/v1/tokens/{id}", Access::signed_in(), [this](const HttpRequest&, const Params& p, const Ctx& ctx) {
        for (const auto& t : store_.tokens(ctx.me().id, TokenKind::api))
            if (token_id(t) == p.at("id")) {
                store_.revoke_token(t.hash);
                return json_response(200, bj::object{{"revoked", true}});
            }
        return error_response(404, "not_found", "you have no API token `" + p.at("id") + "`", "id");
    });

    // Data rights: everything of mine, and deleting it all.
    router_.add("GET", "/api/v1/export", Access::signed_in(), [this](const HttpRequest&, const Params&, const Ctx& ctx) {
        auto doc = exchange::export_user(store_, ctx.me().id, now_unix_ms());
        store_.audit({0, now_unix_ms(), ctx.me().id, ctx.me().id, "export", "GET /api/v1/export"});
        auto r = json_response(200, doc);
        r.headers.emplace_back("Content-Disposition", "attachment; filename=\"unknot-export.json\"");
        r.headers.emplace_back("Cache-Control", "no-store");
        return r;
    });
    router_.add("GET", "/api/v1/export/holds.csv", Access::signed_in(), [this](const HttpRequest&, const Params&, const Ctx& ctx) {
        HttpResponse r;
        r.content_type = "text/csv; charset=utf-8";
        r.body = exchange::export_holds_csv(store_, ctx.me().id);
        store_.audit({0, now_unix_ms(), ctx.me().id, ctx.me().id, "export", "GET /api/v1/export/holds.csv"});
        r.headers.emplace_back("Content-Disposition", "attachment; filename=\"unknot-holds.csv\"");
        r.headers.emplace_back("Cache-Control", "no-store");
        return r;
    });
    // Techniques the person brought in from elsewhere (`unknot import --free-exercise-db`).
    router_.add("GET", "/api/v1/user-techniques", Access::signed_in(), [this](const HttpRequest&, const Params&, const Ctx& ctx) {
        return json_response(200, exchange::user_techniques_json(store_, ctx.me().id));
    });
    router_.add("DELETE", "/api/v1/me", Access::signed_in(), [this](const HttpRequest& req, const Params&, const Ctx& ctx) {
        auto body = json_body(req);
        const auto& o = json::as_object(body, "");
        json::only_keys(o, "", {"password"});
        if (!security::verify_password(ctx.me().password_hash, field(o, "password", 4096)))
            throw InputError("password", "enter your password to confirm deleting your account");
        store_.transaction([&] {
            // Checked inside the write, so two administrators leaving at once cannot both go.
            if (ctx.me().role == Role::admin) {
                auto all = store_.users();
                if (std::count_if(all.begin(), all.end(), [](const User& u) { return u.role == Role::admin; }) == 1 && all.size() > 1)
                    throw HttpError{error_response(409, "last_admin", "you are the only administrator; make someone else an administrator first")};
            }
            // Their clients are on their own again, not clients of nobody.
            for (const auto& l : store_.clients_of(ctx.me().id))
                if (auto c = store_.user(l.client); c && c->role == Role::client) {
                    c->role = Role::self;
                    store_.update_user(*c);
                }
            store_.delete_user(ctx.me().id);
            store_.audit({0, now_unix_ms(), ctx.me().id, 0, "delete_account", "DELETE /api/v1/me"});
        });
        auto r = json_response(200, bj::object{{"deleted", true}});
        r.headers.emplace_back("Set-Cookie", gate_.clear_cookie(ctx.secure));
        return r;
    });

    // What others did with the person's data, newest 200; ?mine=true adds their own sign-ins
    // and downloads. Filtered in the store, so a hundred own exports never hide a trainer's look.
    router_.add("GET", "/api/v1/audit", Access::signed_in(), [this](const HttpRequest& req, const Params&, const Ctx& ctx) {
        auto actors = flag_param(req, "mine", false) ? AuditActors::everyone : AuditActors::others;
        bj::array out;
        for (const auto& e : store_.audit_log(ctx.me().id, 200, actors)) out.push_back(audit_json(e, store_));
        return json_response(200, out);
    });

    // Administration: list and create accounts, issue reset links. No health data here.
    router_.add("GET", "/api/v1/users", Access::admin(), [this](const HttpRequest&, const Params&, const Ctx&) {
        bj::array out;
        for (const auto& u : store_.users()) out.push_back(user_json(u, store_));
        return json_response(200, out);
    });
    router_.add("POST", "/api/v1/users", Access::admin(), [this](const HttpRequest& req, const Params&, const Ctx& ctx) {
        auto body = json_body(req);
        const auto& o = json::as_object(body, "");
        json::only_keys(o, "", {"email", "name", "password", "role"});
        auto role = parse_role(field(o, "role", 20));
        if (!role || *role == Role::client) throw InputError("role", "one of self, trainer, admin (clients join through a trainer's invite)");
        auto u = new_user(o, *role);
        u.id = create_or_conflict(store_, u);
        store_.audit({0, now_unix_ms(), ctx.me().id, u.id, "account_created", "POST /api/v1/users"});
        return json_response(201, user_json(u, store_));
    });
    router_.add("POST", "/api/v1/users/{user}/password-reset", Access::admin(), [this](const HttpRequest& req, const Params& p, const Ctx& ctx) {
        std::optional<User> u;
        if (auto id = parse_user_id(p.at("user"))) u = store_.user(*id);
        if (!u) return error_response(404, "not_found", "no user `" + p.at("user") + "`", "user");
        auto secret = security::issue_token(store_, TokenKind::reset, u->id, reset_ttl_ms);
        store_.audit({0, now_unix_ms(), ctx.me().id, u->id, "reset_issued", "POST /api/v1/users/{user}/password-reset"});
        return json_response(201, bj::object{{"url", link_base(req) + "/#/reset/" + secret}, {"expires_in_s", reset_ttl_ms / 1000}});
    });
}

}  // namespace unknot::server
