// Paper and calendars over HTTP: a routine handout (PDF) for an assigned routine or any profile,
// a progress report (PDF), and a per-person iCalendar feed at a secret, revocable address, so a
// phone's calendar reminds them every day. The feed's secret is its only credential (calendar
// apps cannot sign in); it is stored as a hash and replaced or revoked by its owner.
#include <boost/json/serialize.hpp>

#include <sstream>

#include "codec/codec.hpp"
#include "codec/dates.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"
#include "report/calendar.hpp"
#include "report/handout.hpp"
#include "report/progress_report.hpp"
#include "security/secrets.hpp"
#include "security/tokens.hpp"
#include "server/api.hpp"
#include "server/responses.hpp"

namespace unknot::server {

namespace bj = boost::json;

namespace {

report::PageSize page_of(const HttpRequest& req) {
    auto p = req.query("page");
    if (p.empty()) return report::PageSize::a4;
    auto s = report::parse_page_size(p);
    if (!s) throw InputError("page", "paper size: a4 or letter, not `" + p + "`");
    return *s;
}

HttpResponse pdf_response(const std::string& pdf, const std::string& filename) {
    HttpResponse r;
    r.content_type = "application/pdf";
    r.body = pdf;
    r.headers.emplace_back("Content-Disposition", "inline; filename=\"" + filename + "\"");
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
}

// "07:30" -> minutes after midnight.
int minute_of_day(const std::string& hhmm, const std::string& field) {
    auto bad = [&] { return InputError(field, "a time of day as HH:MM, like 07:30, not `" + hhmm + "`"); };
    if (hhmm.size() != 5 || hhmm[2] != ':' || !std::isdigit(static_cast<unsigned char>(hhmm[0])) || !std::isdigit(static_cast<unsigned char>(hhmm[1])) ||
        !std::isdigit(static_cast<unsigned char>(hhmm[3])) || !std::isdigit(static_cast<unsigned char>(hhmm[4])))
        throw bad();
    int h = (hhmm[0] - '0') * 10 + (hhmm[1] - '0'), m = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
    if (h > 23 || m > 59) throw bad();
    return h * 60 + m;
}

}  // namespace

// The routine a person is on: their newest assigned routine, else the plan of their newest
// session; the recorded screening applies either way. Store lock held.
std::optional<Plan> Api::current_routine(UserId user) {
    auto assigned = store_.assignments(user);
    if (!assigned.empty())
        return make_plan(with_recorded_screening(json::profile_from_json(json::parse(assigned.front().profile_json, "stored assignment"), catalog_), user),
                         catalog_);
    auto sessions = store_.list_sessions(user);
    if (!sessions.empty())
        if (auto s = store_.session(sessions.front().id)) return json::plan_from_json(json::parse(s->plan_json, "stored plan"), catalog_);
    return std::nullopt;
}

void Api::printout_routes() {
    auto names = [this](UserId client, std::optional<UserId> trainer) {
        std::pair<std::optional<std::string>, std::optional<std::string>> n;
        if (auto u = store_.user(client)) n.first = u->name;
        if (trainer)
            if (auto t = store_.user(*trainer)) n.second = t->name;
        return n;
    };

    router_.add("GET", "/api/v1/plans/{id}/handout.pdf", Access::reads_assignment(), [this, names](const HttpRequest& req, const Params& p, const Ctx& ctx) {
        auto page = page_of(req);
        auto a = store_.assignment(std::stoll(p.at("id")));  // the gate found it
        auto profile = with_recorded_screening(json::profile_from_json(json::parse(a->profile_json, "stored assignment"), catalog_), ctx.subject);
        auto [client, trainer] = names(a->client, a->trainer);
        auto plan = make_plan(profile, catalog_);
        std::ostringstream out;
        report::render_handout({plan, catalog_, client, trainer, today_local(), &profile.answers}, page, out);
        return pdf_response(out.str(), "routine.pdf");
    });

    // Any profile, as the plan screen shows it: for printing before (or without) assigning.
    router_.add("POST", "/api/v1/handouts", Access::signed_in(), [this](const HttpRequest& req, const Params&, const Ctx& ctx) {
        auto page = page_of(req);
        auto body = json_body(req);
        const auto& o = json::as_object(body, "");
        json::only_keys(o, "", {"profile", "client", "trainer"});
        auto* pv = o.if_contains("profile");
        if (!pv) throw InputError("profile", "missing: send the profile the plan is made from");
        auto profile = within("profile", ".", [&] { return json::profile_from_json(*pv, catalog_); });
        auto name = [&](const char* key) -> std::optional<std::string> {
            auto* v = o.if_contains(key);
            if (!v) return std::nullopt;
            auto s = json::as_string(*v, key);
            if (s.size() > 100) throw InputError(key, "at most 100 characters");
            return s;
        };
        auto client = name("client");
        if (!client) client = ctx.me().name;
        auto plan = within("profile", ".", [&] { return make_plan(profile, catalog_); });
        std::ostringstream out;
        report::render_handout({plan, catalog_, client, name("trainer"), today_local(), &profile.answers}, page, out);
        return pdf_response(out.str(), "routine.pdf");
    });

    router_.add("GET", "/api/v1/progress/report.pdf", Access::reads_health(), [this, names](const HttpRequest& req, const Params&, const Ctx& ctx) {
        auto page = page_of(req);
        auto sessions = store_.session_summaries(ctx.subject);
        auto link = store_.trainer_of(ctx.subject);
        auto [client, trainer] = names(ctx.subject, link ? std::optional<UserId>(link->trainer) : std::nullopt);
        std::ostringstream out;
        report::render_progress_report({sessions, catalog_, today_local(), client, trainer}, page, out);
        return pdf_response(out.str(), "progress.pdf");
    });

    // The feed's address: made (or replaced: the old one stops working) and revoked by its owner.
    router_.add("GET", "/api/v1/calendar", Access::signed_in(), [this](const HttpRequest&, const Params&, const Ctx& ctx) {
        auto feeds = store_.tokens(ctx.me().id, TokenKind::calendar);
        if (feeds.empty()) return json_response(200, bj::object{{"active", false}, {"time", nullptr}, {"created_unix_ms", nullptr}});
        return json_response(200, bj::object{{"active", true}, {"time", feeds.front().label}, {"created_unix_ms", feeds.front().created_unix_ms}});
    });
    router_.add("POST", "/api/v1/calendar", Access::signed_in(), [this](const HttpRequest& req, const Params&, const Ctx& ctx) {
        std::string time = "07:30";
        if (!req.body.empty()) {
            auto body = json_body(req);
            const auto& o = json::as_object(body, "");
            json::only_keys(o, "", {"time"});
            if (auto* t = o.if_contains("time")) time = json::as_string(*t, "time");
        }
        minute_of_day(time, "time");
        std::string secret;
        store_.transaction([&] {
            store_.revoke_tokens(ctx.me().id, TokenKind::calendar);
            secret = security::issue_token(store_, TokenKind::calendar, ctx.me().id, 0, time);
        });
        auto url = link_base(req) + "/calendar/" + secret + ".ics";
        auto webcal = url.substr(url.find("://"));
        return json_response(201, bj::object{{"url", url}, {"webcal", "webcal" + webcal}, {"time", time}});
    });
    router_.add("DELETE", "/api/v1/calendar", Access::signed_in(), [this](const HttpRequest&, const Params&, const Ctx& ctx) {
        store_.revoke_tokens(ctx.me().id, TokenKind::calendar);
        return json_response(200, bj::object{{"active", false}, {"time", nullptr}, {"created_unix_ms", nullptr}});
    });

    router_.add("GET", "/calendar/{file}", Access::anyone(), [this](const HttpRequest&, const Params& p, const Ctx&) {
        const auto& file = p.at("file");
        auto not_found = [] { return error_response(404, "not_found", "this calendar address is not valid (it may have been replaced or turned off)"); };
        if (!file.ends_with(".ics")) return not_found();
        auto t = store_.token(security::secret_hash(file.substr(0, file.size() - 4)));
        if (!t || t->kind != TokenKind::calendar || t->revoked) return not_found();
        auto plan = current_routine(t->user);
        if (!plan || plan->phases.empty())
            return error_response(404, "no_routine", "there is no routine to remind you of yet (or the screening says not to roll)");
        report::CalendarOptions o;
        o.minute_of_day = minute_of_day(t->label, "time");
        o.start_day = local_day(t->created_unix_ms);
        o.dtstamp_unix_ms = t->created_unix_ms;
        HttpResponse r;
        r.content_type = "text/calendar; charset=utf-8";
        r.body = report::render_calendar(*plan, catalog_, o);
        r.headers.emplace_back("Cache-Control", "private, max-age=3600");
        return r;
    });
}

}  // namespace unknot::server
