// A person's health record over HTTP: screenings (kept, so a trainer sees a new `refer`),
// session history and progress. Whose record is decided by the gate (the caller's own, or a
// client's with ?client=ID); handlers only use ctx.subject.
#include <boost/json/serialize.hpp>

#include "codec/codec.hpp"
#include "codec/dates.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"
#include "server/api.hpp"
#include "server/responses.hpp"

namespace unknot::server {

namespace bj = boost::json;

namespace {
bj::object screening_json(const StoredScreening& s, const ScreeningResult& r, const bj::value& answers) {
    auto o = json::to_json(r).as_object();
    o["id"] = s.id ? bj::value(s.id) : bj::value(nullptr);
    o["answers"] = answers.is_object() && answers.as_object().contains("answers") ? answers.as_object().at("answers") : bj::value(bj::object{});
    o["date"] = iso_day(s.day);
    o["created_unix_ms"] = s.created_unix_ms;
    o["by"] = s.by;
    return o;
}
}  // namespace

void Api::health_routes() {
    router_.add("POST", "/api/v1/screenings", Access::writes_health(), [this](const HttpRequest& req, const Params&, const Ctx& ctx) {
        auto body = json_body(req);
        auto answers = json::answers_from_json(body, "");
        // On record: the answers' own verdict. Answered: the verdict as it stands today, with
        // the person's clearances after a refer (they never change the answers).
        auto as_answered = screen(answers, catalog_);
        StoredScreening s{0, ctx.subject, ctx.me().id, now_unix_ms(), 0, bj::serialize(body), std::string(to_string(as_answered.verdict))};
        s.day = local_day(s.created_unix_ms);
        auto result = screen(answers, catalog_, clearances_of(ctx.subject), today_local());
        // record=false: advice on a subset of answers, without a screening on record.
        if (flag_param(req, "record", true)) s.id = store_.save_screening(s);
        return json_response(200, screening_json(s, result, body));
    });

    router_.add("GET", "/api/v1/screenings", Access::reads_health(), [this](const HttpRequest&, const Params&, const Ctx& ctx) {
        bj::array out;
        auto cleared = clearances_of(ctx.subject);
        auto today = today_local();
        for (const auto& s : store_.screenings(ctx.subject)) {
            auto v = json::parse(s.answers_json, "stored screening");
            out.insert(out.begin(), screening_json(s, screen(json::answers_from_json(v, ""), catalog_, cleared, today), v));  // newest first
        }
        return json_response(200, out);
    });

    router_.add("GET", "/api/v1/history", Access::reads_health(), [this](const HttpRequest&, const Params&, const Ctx& ctx) {
        auto all = store_.session_summaries(ctx.subject);
        bj::array a;
        for (auto it = all.rbegin(); it != all.rend(); ++it) a.push_back(json::to_json(*it));
        return json_response(200, a);
    });

    router_.add("GET", "/api/v1/progress", Access::reads_health(), [this](const HttpRequest&, const Params&, const Ctx& ctx) {
        return json_response(200, json::to_json(compute_progress(store_.session_summaries(ctx.subject), today_local(), catalog_)));
    });
}

}  // namespace unknot::server
