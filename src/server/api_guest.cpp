// Trying unknot before making an account: the health check and a plan, computed exactly as for
// an account (the same screening rules and planner) but nothing is stored and nothing is read
// from the store. Rate-limited per address, because anyone may call these and they do work.
#include "codec/codec.hpp"
#include "codec/dates.hpp"
#include "common/error.hpp"
#include "server/api.hpp"
#include "server/responses.hpp"

namespace unknot::server {

namespace {
HttpResponse throttled(std::int64_t window_ms) {
    auto r = error_response(429, "throttled", "too many tries from here without an account; wait a few minutes, or create an account");
    r.headers.emplace_back("Retry-After", std::to_string(window_ms / 1000));
    return r;
}
}  // namespace

void Api::guest_routes() {
    router_.add("POST", "/api/v1/guest/screening", Access::anyone(), [this](const HttpRequest& req, const Params&, const Ctx&) {
        if (!guest_budget_.take(gate_.client_address(req), now_unix_ms())) return throttled(guest_budget_.window_ms());
        auto answers = json::answers_from_json(json_body(req), "");
        auto r = json_response(200, json::to_json(screen(answers, catalog_)));  // a guest has no clearances on record
        r.headers.emplace_back("Cache-Control", "no-store");
        return r;
    });

    router_.add("POST", "/api/v1/guest/plans", Access::anyone(), [this](const HttpRequest& req, const Params&, const Ctx&) {
        if (!guest_budget_.take(gate_.client_address(req), now_unix_ms())) return throttled(guest_budget_.window_ms());
        auto profile = json::profile_from_json(json_body(req), catalog_);
        profile.clearances.clear();  // a guest has none on record
        return plan_response(std::move(profile));
    });
}

}  // namespace unknot::server
