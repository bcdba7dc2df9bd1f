// A professional's go-ahead after a refer ("my doctor or physiotherapist cleared me for foam
// rolling"), over HTTP. Kept as its own record: the answer that led to the refer is never
// changed. Whose record is decided by the gate (the caller's own, or a client's with
// ?client=ID, audited); the core decides what a clearance may lift (screening/clearance.hpp).
#include "codec/codec.hpp"
#include "codec/dates.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"
#include "server/api.hpp"
#include "server/responses.hpp"

namespace unknot::server {

namespace bj = boost::json;

std::vector<Clearance> Api::clearances_of(UserId user) {
    std::vector<Clearance> out;
    for (auto& c : store_.clearances({user})) out.push_back({std::move(c.condition), c.day, std::move(c.note)});
    return out;
}

namespace {

bj::object clearance_json(const StoredClearance& c, const Catalog& catalog, int today) {
    const auto& policy = catalog.clearance_policy();
    Clearance core{c.condition, c.day, c.note};
    return bj::object{{"id", c.id},
                      {"condition", c.condition},
                      {"date", iso_day(c.day)},
                      {"until", iso_day(clearance_ends(core, policy))},
                      {"in_force", in_force(core, today, policy)},
                      {"note", c.note},
                      {"by", c.by},
                      {"created_unix_ms", c.created_unix_ms}};
}

}  // namespace

void Api::clearance_routes() {
    router_.add("POST", "/api/v1/clearances", Access::writes_health(), [this](const HttpRequest& req, const Params&, const Ctx& ctx) {
        auto body = json_body(req);
        const auto& o = json::as_object(body, "");
        json::only_keys(o, "", {"condition", "date", "note"});
        auto need = [&](std::string_view k) -> const bj::value& {
            auto* v = o.if_contains(k);
            if (!v) throw InputError(std::string(k), "missing");
            return *v;
        };
        StoredClearance c;
        c.condition = json::as_string(need("condition"), "condition");
        auto date = json::as_string(need("date"), "date");
        auto day = parse_iso_day(date);
        if (!day) throw InputError("date", "expected a date like 2026-11-22, got `" + date + "`");
        c.day = *day;
        if (auto* n = o.if_contains("note"); n && !n->is_null()) c.note = json::as_string(*n, "note");
        c.user = ctx.subject;
        c.by = ctx.me().id;
        c.created_unix_ms = now_unix_ms();
        auto today = today_local();

        auto latest = store_.latest_screenings({ctx.subject});
        if (latest.empty()) throw InputError("condition", "there is no screening on record to clear: answer the health check first");
        auto answers = json::answers_from_json(json::parse(latest.front().answers_json, "stored screening"), "");
        check_new_clearance({c.condition, c.day, c.note}, screen(answers, catalog_), today, catalog_);
        c.id = store_.save_clearance(c);
        auto result = json::to_json(screen(answers, catalog_, clearances_of(ctx.subject), today)).as_object();
        return json_response(201, bj::object{{"clearance", clearance_json(c, catalog_, today)}, {"screening", std::move(result)}});
    });

    router_.add("GET", "/api/v1/clearances", Access::reads_health(), [this](const HttpRequest&, const Params&, const Ctx& ctx) {
        auto today = today_local();
        bj::array out;
        for (const auto& c : store_.clearances({ctx.subject})) out.insert(out.begin(), clearance_json(c, catalog_, today));  // newest first
        return json_response(200, bj::object{{"valid_days", catalog_.clearance_policy().valid_days}, {"clearances", std::move(out)}});
    });
}

}  // namespace unknot::server
