#pragma once
// Authentication and authorisation for every route, in one place. Each route declares who may
// call it and whose health data it touches; Gate::admit() works out the caller (session cookie
// or API token), checks CSRF, decides allow/deny with the rules in accounts/, and writes the
// audit entry when someone reads or changes another person's health data. Handlers receive
// the decided Ctx and never check permissions themselves.
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "accounts/accounts.hpp"
#include "server/http.hpp"
#include "store/store.hpp"

namespace unknot::server {

struct Access {
    enum class Who { anyone, signed_in, coach, admin };
    // Whose data: none; the caller's own, or a client's with ?client=ID; or the owner of the
    // record named by the {id} path parameter (a session, or an assigned routine).
    enum class Data { none, read, write };
    enum class InPath { none, session, assignment };
    Who who = Who::signed_in;
    Data data = Data::none;
    InPath in_path = InPath::none;

    static Access anyone() { return {Who::anyone, Data::none, InPath::none}; }
    static Access signed_in() { return {Who::signed_in, Data::none, InPath::none}; }
    static Access coach() { return {Who::coach, Data::none, InPath::none}; }
    static Access admin() { return {Who::admin, Data::none, InPath::none}; }
    static Access reads_health() { return {Who::signed_in, Data::read, InPath::none}; }
    static Access writes_health() { return {Who::signed_in, Data::write, InPath::none}; }
    static Access reads_session() { return {Who::signed_in, Data::read, InPath::session}; }
    static Access writes_session() { return {Who::signed_in, Data::write, InPath::session}; }
    static Access reads_assignment() { return {Who::signed_in, Data::read, InPath::assignment}; }
};

// What admit() decided, handed to the handler.
struct Ctx {
    std::optional<User> actor;  // absent only on `anyone` routes called without signing in
    UserId subject = 0;         // whose data (the actor's own unless acting for a client)
    std::string token_hash;     // the login session or API token used
    bool via_cookie = false;
    bool secure = false;        // reached over TLS (directly or through a proxy)

    const User& me() const { return *actor; }
};

struct GateOptions {
    std::int64_t session_ttl_ms = 14LL * 24 * 3600 * 1000;  // absolute lifetime of a login
    int failures_per_address = 20;                          // failed logins per window per address
    std::int64_t failure_window_ms = 10 * 60 * 1000;
    LoginThrottle login;   // per email and address, in the store
    SignupThrottle signup; // per address, in the store
    bool secure_cookies = false;  // always mark cookies Secure (behind a TLS proxy)
    // Behind a reverse proxy every request comes from the proxy's address: then the client is
    // the last address the proxy added to X-Forwarded-For. Only when the proxy is trusted, or
    // anyone could pick their own address and dodge the throttle.
    bool trust_proxy = false;
    // Host names besides this machine's own that requests may name (from --public-url):
    // server/host_check.hpp.
    std::vector<std::string> host_names;
};

class Gate {
public:
    Gate(Store& store, GateOptions options = {}) : store_(store), options_(options) {}

    // Throws HttpError (401, 403, 404) when the request may not proceed.
    Ctx admit(const HttpRequest& req, const Access& access, const std::map<std::string, std::string>& params);

    // Starts a login session: the Set-Cookie header value, and the CSRF token for the client.
    struct Login {
        std::string set_cookie, csrf;
    };
    Login start_session(UserId user, bool secure);
    std::string clear_cookie(bool secure) const;

    // Failed-login bookkeeping per client address (in memory: a throttle, not a record; each
    // process keeps its own, the per-account lockout lives in the database).
    std::string client_address(const HttpRequest& req) const;
    bool address_throttled(const std::string& address, std::int64_t now_ms);
    void note_failure(const std::string& address, std::int64_t now_ms);

    const GateOptions& options() const { return options_; }

    static constexpr const char* cookie_name = "unknot_session";

private:
    std::optional<Ctx> identify(const HttpRequest& req);
    Relation relation(const User& actor, UserId subject);

    Store& store_;
    GateOptions options_;
    std::mutex throttle_mu_;
    struct Failures {
        std::int64_t window_start = 0;
        int count = 0;
    };
    std::map<std::string, Failures> failures_;
};

}  // namespace unknot::server
