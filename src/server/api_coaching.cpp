// Trainers and clients over HTTP: single-use invite links, the client list, the adherence
// dashboard, and assigned routines (the client's home screen shows the newest one). A client
// can leave; their data stays theirs and the trainer's access ends at once.
#include <boost/json/serialize.hpp>

#include "codec/codec.hpp"
#include "codec/dates.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"
#include "progress/adherence.hpp"
#include "security/secrets.hpp"
#include "security/tokens.hpp"
#include "server/account_json.hpp"
#include "server/api.hpp"
#include "server/responses.hpp"

namespace unknot::server {

namespace bj = boost::json;

namespace {

constexpr std::int64_t invite_ttl_ms = 7LL * 24 * 3600 * 1000;
constexpr int dashboard_days = 90;  // activity fetched per client; streaks beyond read "90+"

bj::value opt(const std::optional<double>& v) {
    if (!v) return nullptr;
    return std::round(*v * 10) / 10;
}

}  // namespace

// The client's recorded screening, not whatever the trainer's profile says, decides what is
// safe: a `refer` on record means nothing is planned (unless a professional's clearance on record
// lifts it), an excluded place is never rolled.
Profile Api::with_recorded_screening(Profile p, UserId client) {
    auto latest = store_.latest_screenings({client});
    if (!latest.empty()) p.answers = json::answers_from_json(json::parse(latest.front().answers_json, "stored screening"), "");
    p.clearances = clearances_of(client);
    p.today = today_local();
    return p;
}

void Api::coaching_routes() {
    router_.add("POST", "/api/v1/invites", Access::coach(), [this](const HttpRequest& req, const Params&, const Ctx& ctx) {
        std::string note;
        if (!req.body.empty()) {
            auto body = json_body(req);
            const auto& o = json::as_object(body, "");
            json::only_keys(o, "", {"note"});
            if (auto* n = o.if_contains("note")) note = json::as_string(*n, "note");
            if (note.size() > 200) throw InputError("note", "at most 200 characters");
        }
        auto secret = security::issue_token(store_, TokenKind::invite, ctx.me().id, invite_ttl_ms, note);
        return json_response(201, bj::object{{"url", link_base(req) + "/#/invite/" + secret},
                                             {"token", secret},
                                             {"expires_unix_ms", now_unix_ms() + invite_ttl_ms}});
    });

    // A trainer's open invites (unused, unexpired), and withdrawing one.
    router_.add("GET", "/api/v1/invites", Access::coach(), [this](const HttpRequest&, const Params&, const Ctx& ctx) {
        auto now = now_unix_ms();
        bj::array out;
        for (const auto& t : store_.tokens(ctx.me().id, TokenKind::invite))
            if (!t.used_unix_ms && (t.expires_unix_ms == 0 || t.expires_unix_ms > now))
                out.push_back(bj::object{{"id", token_id(t)}, {"note", t.label}, {"created_unix_ms", t.created_unix_ms}, {"expires_unix_ms", t.expires_unix_ms}});
        return json_response(200, out);
    });
    router_.add("DELETE", "/api/v1/invites/{token}", Access::coach(), [this](const HttpRequest&, const Params& p, const Ctx& ctx) {
        for (const auto& t : store_.tokens(ctx.me().id, TokenKind::invite))
            if (token_id(t) == p.at("token") && !t.used_unix_ms) {
                store_.revoke_token(t.hash);
                return json_response(200, bj::object{{"withdrawn", true}});
            }
        return error_response(404, "not_found", "you have no open invite `" + p.at("token") + "`", "token");
    });

    // What the invite page shows before anyone signs in: whose invite, and whether it works.
    router_.add("GET", "/api/v1/invites/{token}", Access::anyone(), [this](const HttpRequest&, const Params& p, const Ctx&) {
        auto t = store_.token(security::secret_hash(p.at("token")));
        auto now = now_unix_ms();
        if (!t || t->kind != TokenKind::invite) return error_response(404, "not_found", "this invite link is not valid", "token");
        auto trainer = store_.user(t->user);
        bool usable = trainer && !t->revoked && !t->used_unix_ms && (t->expires_unix_ms == 0 || t->expires_unix_ms > now);
        return json_response(200, bj::object{{"trainer", trainer ? bj::value(trainer->name) : bj::value(nullptr)},
                                             {"usable", usable},
                                             {"expires_unix_ms", t->expires_unix_ms}});
    });

    router_.add("POST", "/api/v1/invites/{token}/accept", Access::signed_in(), [this](const HttpRequest&, const Params& p, const Ctx& ctx) {
        auto me = ctx.me();
        if (me.role != Role::self && me.role != Role::client)
            throw HttpError{error_response(409, "not_a_personal_account", "trainer and administrator accounts cannot become clients; accept the invite with a personal account")};
        auto hash = security::secret_hash(p.at("token"));
        UserId trainer = 0;
        store_.transaction([&] {
            auto t = store_.token(hash);
            if (!t || t->kind != TokenKind::invite || t->user == me.id || !store_.consume_token(hash, now_unix_ms()))
                throw HttpError{error_response(410, "invite_unusable", "this invite link was already used, has expired or was withdrawn; ask for a new one", "token")};
            trainer = t->user;
            store_.link(trainer, me.id, now_unix_ms());  // ConflictError (409) if they already have a trainer
            me = store_.user(me.id).value_or(me);
            me.role = Role::client;
            store_.update_user(me);
            store_.audit({0, now_unix_ms(), me.id, me.id, "joined_trainer", "POST /api/v1/invites/{token}/accept"});
        });
        return json_response(200, user_json(me, store_));
    });

    router_.add("GET", "/api/v1/clients", Access::coach(), [this](const HttpRequest&, const Params&, const Ctx& ctx) {
        auto links = store_.clients_of(ctx.me().id);
        std::vector<UserId> ids;
        for (const auto& l : links) ids.push_back(l.client);
        bj::array out;
        for (const auto& u : store_.users_by_id(ids)) {
            auto since = std::find_if(links.begin(), links.end(), [&](const Link& l) { return l.client == u.id; })->started_unix_ms;
            out.push_back(bj::object{{"id", u.id}, {"name", u.name}, {"email", u.email}, {"since_unix_ms", since}});
        }
        return json_response(200, out);
    });

    // A trainer ends coaching; so can the client (DELETE /api/v1/trainer). Either way the
    // client's data stays with the client.
    router_.add("DELETE", "/api/v1/clients/{client}", Access::coach(), [this](const HttpRequest&, const Params& p, const Ctx& ctx) {
        auto id = parse_user_id(p.at("client"));
        auto link = id ? store_.trainer_of(*id) : std::nullopt;
        if (!link || link->trainer != ctx.me().id) return error_response(404, "not_found", "no client `" + p.at("client") + "` of yours", "client");
        store_.transaction([&] {
            store_.unlink(ctx.me().id, *id, now_unix_ms());
            if (auto u = store_.user(*id); u && u->role == Role::client) {
                u->role = Role::self;
                store_.update_user(*u);
            }
            store_.audit({0, now_unix_ms(), ctx.me().id, *id, "coaching_ended", "DELETE /api/v1/clients/{client}"});
        });
        return json_response(200, bj::object{{"ended", true}});
    });
    router_.add("DELETE", "/api/v1/trainer", Access::signed_in(), [this](const HttpRequest&, const Params&, const Ctx& ctx) {
        auto link = store_.trainer_of(ctx.me().id);
        auto me = store_.user(ctx.me().id).value_or(ctx.me());
        if (!link && me.role != Role::client) return error_response(404, "not_found", "you have no trainer");
        store_.transaction([&] {
            if (link) store_.unlink(link->trainer, me.id, now_unix_ms());
            if (me.role == Role::client) me.role = Role::self;
            store_.update_user(me);
            store_.audit({0, now_unix_ms(), me.id, me.id, "left_trainer", "DELETE /api/v1/trainer"});
        });
        return json_response(200, user_json(me, store_));
    });

    router_.add("GET", "/api/v1/dashboard", Access::coach(), [this](const HttpRequest&, const Params&, const Ctx& ctx) {
        auto today = today_local();
        auto links = store_.clients_of(ctx.me().id);
        std::vector<UserId> ids;
        for (const auto& l : links) ids.push_back(l.client);
        auto users = store_.users_by_id(ids);
        std::map<UserId, std::vector<DayTotals>> days;
        for (const auto& d : store_.activity(ids, today - dashboard_days + 1)) days[d.user].push_back({d.day, d.sessions, d.holds, d.tenderness_sum});
        std::map<UserId, std::int64_t> last;
        for (const auto& [u, ms] : store_.last_sessions(ids)) last[u] = ms;
        std::map<UserId, std::vector<Clearance>> cleared;
        for (auto& c : store_.clearances(ids)) cleared[c.user].push_back({std::move(c.condition), c.day, std::move(c.note)});
        std::map<UserId, StoredScreening> screening;
        for (auto& s : store_.latest_screenings(ids)) {
            // The verdict as it stands today: a clearance may lift the refer, or have run out.
            s.result = to_string(screen(json::answers_from_json(json::parse(s.answers_json, "stored screening"), ""), catalog_, cleared[s.user], today).verdict);
            screening[s.user] = std::move(s);
        }
        std::map<UserId, std::vector<StoredAssessment>> assessments;
        for (auto& a : store_.latest_assessments(ids, 2)) assessments[a.user].push_back(std::move(a));

        bj::array rows;
        for (const auto& u : users) {
            auto a28 = summarise_adherence(days[u.id], today, 28);
            auto a90 = summarise_adherence(days[u.id], today, dashboard_days);
            bj::array flags;
            if (auto it = screening.find(u.id); it != screening.end() && it->second.result == "refer")
                flags.push_back(bj::object{{"kind", "refer"}, {"date", iso_day(it->second.day)}, {"message", "latest screening says see a clinician before rolling"}});
            auto ms = last[u.id];
            int since = ms ? today - local_day(ms) : -1;
            if (ms == 0) flags.push_back(bj::object{{"kind", "never_rolled"}, {"message", "has not recorded a session yet"}});
            else if (since >= missed_days_flag) flags.push_back(bj::object{{"kind", "missed_days"}, {"days", since}, {"message", "no session for " + std::to_string(since) + " days"}});
            bj::value changes = nullptr;
            if (auto& as = assessments[u.id]; as.size() == 2) {
                auto newer = json::assessment_from_json(json::parse(as[0].assessment_json, "stored assessment"), "");
                auto older = json::assessment_from_json(json::parse(as[1].assessment_json, "stored assessment"), "");
                changes = json::to_json(compare(older, newer));
            }
            auto link = std::find_if(links.begin(), links.end(), [&](const Link& l) { return l.client == u.id; });
            rows.push_back(bj::object{
                {"client", bj::object{{"id", u.id}, {"name", u.name}}},
                {"since_unix_ms", link->started_unix_ms},
                {"sessions_per_week", std::round(a28.sessions_per_week * 10) / 10},
                {"streak", a90.streak},
                {"streak_capped", a90.streak_capped},
                {"last_session_unix_ms", ms ? bj::value(ms) : bj::value(nullptr)},
                {"days_since_last", since >= 0 ? bj::value(since) : bj::value(nullptr)},
                {"tender_spots", bj::object{{"recent", opt(a28.spots_recent)}, {"earlier", opt(a28.spots_earlier)}, {"trend", trend_word(a28.spots_recent, a28.spots_earlier)}}},
                {"tenderness", bj::object{{"recent", opt(a28.tenderness_recent)}, {"earlier", opt(a28.tenderness_earlier)}, {"trend", trend_word(a28.tenderness_recent, a28.tenderness_earlier)}}},
                {"screening", screening.count(u.id) ? bj::value(screening[u.id].result) : bj::value(nullptr)},
                {"reassessment", std::move(changes)},
                {"flags", std::move(flags)}});
        }
        // The dashboard shows each client's health data: one audit entry per client, one commit.
        std::vector<AuditEntry> seen;
        for (const auto& u : users) seen.push_back({0, now_unix_ms(), ctx.me().id, u.id, "read", "GET /api/v1/dashboard"});
        store_.audit_batch(seen);
        return json_response(200, bj::object{{"today", iso_day(today)}, {"clients", std::move(rows)}});
    });

    // Assigned routines: the trainer sends a profile; the client's plan is made from it (with
    // the client's own screening inside the profile, so safety rules apply as always).
    router_.add("POST", "/api/v1/assignments", Access{Access::Who::coach, Access::Data::write, Access::InPath::none},
                [this](const HttpRequest& req, const Params&, const Ctx& ctx) {
        auto body = json_body(req);
        const auto& o = json::as_object(body, "");
        json::only_keys(o, "", {"profile", "note"});
        auto* profile = o.if_contains("profile");
        if (!profile) throw InputError("profile", "missing: send the profile the client's plan is made from");
        auto parsed = within("profile", ".", [&] { return json::profile_from_json(*profile, catalog_); });
        std::string note;
        if (auto* n = o.if_contains("note")) note = json::as_string(*n, "note");
        if (note.size() > 500) throw InputError("note", "at most 500 characters");
        Assignment a{0, ctx.me().id, ctx.subject, now_unix_ms(), bj::serialize(*profile), note};
        auto plan = within("profile", ".", [&] { return make_plan(with_recorded_screening(std::move(parsed), ctx.subject), catalog_); });
        a.id = store_.assign(a);
        return json_response(201, bj::object{{"id", a.id}, {"created_unix_ms", a.created_unix_ms}, {"note", note}, {"plan", json::to_json(plan)}});
    });

    router_.add("GET", "/api/v1/assignments", Access::reads_health(), [this](const HttpRequest&, const Params&, const Ctx& ctx) {
        bj::array out;
        for (const auto& a : store_.assignments(ctx.subject)) {
            auto profile = json::parse(a.profile_json, "stored assignment");
            bj::object o{{"id", a.id}, {"created_unix_ms", a.created_unix_ms}, {"note", a.note}, {"profile", profile}};
            auto t = store_.user(a.trainer);
            o["trainer"] = t ? bj::value(t->name) : bj::value(nullptr);
            // Made fresh, so content updates and safety rules reach old assignments too.
            o["plan"] = json::to_json(make_plan(with_recorded_screening(json::profile_from_json(profile, catalog_), ctx.subject), catalog_));
            out.push_back(std::move(o));
        }
        return json_response(200, out);
    });
}

}  // namespace unknot::server
