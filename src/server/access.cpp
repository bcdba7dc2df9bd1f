#include "server/access.hpp"

#include <algorithm>

#include "codec/dates.hpp"
#include "common/text.hpp"
#include "security/secrets.hpp"
#include "server/host_check.hpp"
#include "server/responses.hpp"

namespace unknot::server {

namespace {

[[noreturn]] void deny(int status, const std::string& code, const std::string& message, const std::string& field = {}) {
    throw HttpError{error_response(status, code, message, field)};
}

bool changes_state(const std::string& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

std::optional<UserId> positive_id(const std::string& s) {
    if (s.empty() || s.size() > 17 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
    auto v = std::stoll(s);
    return v > 0 ? std::optional<UserId>(v) : std::nullopt;
}

// Browsers send Origin on every cross-site write; one that names another site is refused,
// which also covers routes used before signing in (login CSRF). "null" (a sandboxed frame, a
// file, a cross-site redirect) and Sec-Fetch-Site: cross-site are other sites too.
void check_origin(const HttpRequest& req) {
    auto refuse = [](const std::string& from) { deny(403, "cross_origin", "this request came from another site (" + from + "); it was refused"); };
    if (req.header("sec-fetch-site") == "cross-site") refuse("Sec-Fetch-Site: cross-site");
    auto origin = req.header("origin");
    if (origin.empty()) return;  // not a browser, or a same-origin GET-like request
    if (origin == "null") refuse("Origin: null");
    auto host = req.header("host");
    auto scheme_end = origin.find("://");
    if (host.empty() || scheme_end == std::string::npos || origin.substr(scheme_end + 3) != host) refuse("another origin");
}

}  // namespace

std::optional<Ctx> Gate::identify(const HttpRequest& req) {
    std::string secret;
    bool cookie = false;
    auto auth = req.header("authorization");
    // The scheme is case-insensitive (RFC 9110 section 11.1): "bearer" is "Bearer".
    if (ascii_lower(auth.substr(0, 7)) == "bearer ") {
        secret = auth.substr(7);
    } else {
        secret = cookie_value(req, cookie_name);
        cookie = true;
    }
    if (secret.empty()) return std::nullopt;
    auto hash = security::secret_hash(secret);
    auto now = now_unix_ms();
    auto t = store_.token(hash);
    bool usable = t && !t->revoked && (t->expires_unix_ms == 0 || t->expires_unix_ms > now) &&
                  (cookie ? t->kind == TokenKind::session : t->kind == TokenKind::api);
    if (!usable) {
        if (!cookie) deny(401, "unauthenticated", "this API token is unknown, expired or revoked");
        return std::nullopt;  // a stale cookie is as good as none
    }
    auto u = store_.user(t->user);
    if (!u) return std::nullopt;
    Ctx c;
    c.actor = std::move(*u);
    c.token_hash = hash;
    c.via_cookie = cookie;
    return c;
}

Relation Gate::relation(const User& actor, UserId subject) {
    if (actor.id == subject) return Relation::self;
    auto link = store_.trainer_of(subject);
    return link && link->trainer == actor.id ? Relation::their_trainer : Relation::none;
}

Ctx Gate::admit(const HttpRequest& req, const Access& access, const std::map<std::string, std::string>& params) {
    // Before anything else: a name this server was not given is a rebinding page (or a mistake).
    if (!host_allowed(req.header("host"), options_.host_names))
        deny(421, "wrong_host",
             "this server answers to localhost, IP addresses and the name in --public-url only; to reach it by another name, "
             "start it with --public-url http://THAT-NAME:PORT");
    bool writes = changes_state(req.method);
    if (writes) check_origin(req);
    auto found = identify(req);
    Ctx ctx = found ? std::move(*found) : Ctx{};
    ctx.secure = options_.secure_cookies || req.header("x-forwarded-proto") == "https";
    if (access.who == Access::Who::anyone) return ctx;

    if (!ctx.actor) {
        if (store_.count_users() == 0) deny(401, "setup_required", "no accounts yet: create the owner account first (in the web app, or `unknot admin create-user`)");
        deny(401, "unauthenticated", "sign in first");
    }
    if (writes && ctx.via_cookie) {
        auto t = store_.token(ctx.token_hash);
        if (!t || !security::same_secret(req.header("x-csrf-token"), t->csrf))
            deny(403, "csrf", "missing or wrong X-CSRF-Token header (the value comes with GET /api/v1/auth)");
    }
    // The store refuses a role it does not know (stored.hpp), never reading it as the least
    // privileged one: it means a newer version or a damaged row, and guessing would hide that.
    auto role = ctx.me().role;
    if (access.who == Access::Who::coach && !allowed(role, Action::coach, Relation::none))
        deny(403, "forbidden", "only trainers can do this");
    if (access.who == Access::Who::admin && !allowed(role, Action::administer, Relation::none))
        deny(403, "forbidden", "only an administrator can do this");
    if (access.data == Access::Data::none) return ctx;

    auto action = access.data == Access::Data::read ? Action::read_health : Action::write_health;
    if (access.in_path != Access::InPath::none) {
        auto it = params.find("id");
        auto id = it == params.end() ? std::nullopt : positive_id(it->second);
        bool session = access.in_path == Access::InPath::session;
        std::optional<UserId> owner;
        if (id && session) {
            if (auto s = store_.session(*id)) owner = s->user;
        } else if (id) {
            if (auto a = store_.assignment(*id)) owner = a->client;
        }
        // Someone else's record answers exactly like a missing one: ids reveal nothing.
        if (!owner || !allowed(role, action, relation(ctx.me(), *owner)))
            deny(404, "not_found", std::string(session ? "no session `" : "no routine `") + (it == params.end() ? std::string() : it->second) + "`", "id");
        ctx.subject = *owner;
    } else if (auto client = req.query_param("client")) {
        auto id = positive_id(*client);  // "?client=" names nobody: an error, not one's own data
        if (!id) deny(400, "invalid", "client must be a user id (a positive whole number)", "client");
        if (!allowed(role, action, relation(ctx.me(), *id))) deny(403, "forbidden", "you are not this person's trainer", "client");
        ctx.subject = *id;
    } else {
        ctx.subject = ctx.me().id;
    }
    if (ctx.subject != ctx.me().id)
        store_.audit({0, now_unix_ms(), ctx.me().id, ctx.subject, access.data == Access::Data::read ? "read" : "write", req.method + " " + req.path()});
    return ctx;
}

Gate::Login Gate::start_session(UserId user, bool secure) {
    auto secret = security::new_secret();
    Token t;
    t.hash = security::secret_hash(secret);
    t.kind = TokenKind::session;
    t.user = user;
    t.created_unix_ms = now_unix_ms();
    t.expires_unix_ms = t.created_unix_ms + options_.session_ttl_ms;
    t.csrf = security::new_secret();
    store_.put_token(t);
    std::string cookie = std::string(cookie_name) + "=" + secret + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                         std::to_string(options_.session_ttl_ms / 1000);
    if (secure || options_.secure_cookies) cookie += "; Secure";
    return {cookie, t.csrf};
}

std::string Gate::clear_cookie(bool secure) const {
    std::string c = std::string(cookie_name) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
    if (secure || options_.secure_cookies) c += "; Secure";
    return c;
}

std::string Gate::client_address(const HttpRequest& req) const {
    if (!options_.trust_proxy) return req.remote;
    auto xff = req.header("x-forwarded-for");
    if (xff.empty()) return req.remote;
    auto comma = xff.rfind(',');
    auto last = comma == std::string::npos ? xff : xff.substr(comma + 1);
    auto b = last.find_first_not_of(' ');
    return b == std::string::npos ? req.remote : last.substr(b);
}

bool Gate::address_throttled(const std::string& address, std::int64_t now_ms) {
    std::lock_guard lock(throttle_mu_);
    auto it = failures_.find(address);
    if (it == failures_.end()) return false;
    if (now_ms - it->second.window_start > options_.failure_window_ms) {
        failures_.erase(it);
        return false;
    }
    return it->second.count >= options_.failures_per_address;
}

void Gate::note_failure(const std::string& address, std::int64_t now_ms) {
    std::lock_guard lock(throttle_mu_);
    if (failures_.size() > 100'000) failures_.clear();  // bounded memory under a flood
    auto& f = failures_[address];
    if (now_ms - f.window_start > options_.failure_window_ms) f = {now_ms, 0};
    ++f.count;
}

}  // namespace unknot::server
