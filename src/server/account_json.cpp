#include "server/account_json.hpp"

#include <algorithm>

#include "codec/codec.hpp"
#include "codec/dates.hpp"
#include "codec/json_util.hpp"

namespace unknot::server {

namespace bj = boost::json;

namespace {
bj::value name_of(Store& store, UserId id) {
    if (auto u = store.user(id)) return bj::object{{"id", u->id}, {"name", u->name}};
    return nullptr;
}
bj::value ms_or_null(std::int64_t ms) { return ms ? bj::value(ms) : bj::value(nullptr); }
}  // namespace

std::optional<UserId> parse_user_id(const std::string& s) {
    if (s.empty() || s.size() > 17 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
    auto v = std::stoll(s);
    return v > 0 ? std::optional<UserId>(v) : std::nullopt;
}

bj::value user_json(const User& u, Store& store) {
    bj::object o{{"id", u.id}, {"email", u.email}, {"name", u.name}, {"role", u.role}, {"created_unix_ms", u.created_unix_ms}};
    auto link = store.trainer_of(u.id);
    o["trainer"] = link ? name_of(store, link->trainer) : bj::value(nullptr);
    return o;
}

std::string token_id(const Token& t) { return t.hash.substr(0, 16); }

bj::value token_json(const Token& t) {
    return bj::object{{"id", token_id(t)}, {"name", t.label}, {"created_unix_ms", t.created_unix_ms}, {"expires_unix_ms", ms_or_null(t.expires_unix_ms)}};
}

bj::value audit_json(const AuditEntry& e, Store& store) {
    return bj::object{{"at_unix_ms", e.at_unix_ms},
                      {"actor", e.actor == e.subject ? bj::value("you") : name_of(store, e.actor)},
                      {"action", e.action},
                      {"target", e.target}};
}

bj::value export_user(Store& store, UserId id) {
    auto u = store.user(id);
    bj::object doc{{"format", "unknot-export"}, {"version", export_version}, {"exported_unix_ms", now_unix_ms()}};
    doc["user"] = u ? bj::value(bj::object{{"email", u->email}, {"name", u->name}, {"role", u->role}, {"created_unix_ms", u->created_unix_ms}})
                    : bj::value(nullptr);
    bj::array sessions;
    auto list = store.list_sessions(id);
    for (auto it = list.rbegin(); it != list.rend(); ++it) {  // oldest first
        auto s = store.session(it->id);
        if (!s) continue;
        bj::array events, holds, visits;
        for (const auto& e : store.events(s->id)) {
            bj::object ev{{"id", e.client_id}, {"t_ms", e.event.t_ms}, {"type", to_string(e.event.type)}};
            if (e.event.tenderness) ev["tenderness"] = *e.event.tenderness;
            events.push_back(std::move(ev));
        }
        for (const auto& h : store.holds(s->id)) holds.push_back(json::to_json(h));
        for (const auto& v : store.visits(s->id)) visits.push_back(json::to_json(v));
        sessions.push_back(bj::object{{"started_unix_ms", s->started_unix_ms},
                                      {"ended_unix_ms", ms_or_null(s->ended_unix_ms)},
                                      {"date", iso_day(s->day)},
                                      {"status", s->status},
                                      {"client_id", s->client_id.empty() ? bj::value(nullptr) : bj::value(s->client_id)},
                                      {"plan", json::parse(s->plan_json, "stored plan")},
                                      {"events", std::move(events)},
                                      {"holds", std::move(holds)},
                                      {"visits", std::move(visits)}});
    }
    doc["sessions"] = std::move(sessions);
    bj::array assessments, screenings, assignments, tokens;
    for (const auto& a : store.assessments(id))
        assessments.push_back(bj::object{{"created_unix_ms", a.created_unix_ms},
                                         {"date", iso_day(a.day)},
                                         {"by_trainer", a.by != a.user},
                                         {"assessment", json::parse(a.assessment_json, "stored assessment")}});
    for (const auto& s : store.screenings(id))
        screenings.push_back(bj::object{{"created_unix_ms", s.created_unix_ms},
                                        {"date", iso_day(s.day)},
                                        {"by_trainer", s.by != s.user},
                                        {"answers", json::parse(s.answers_json, "stored screening")},
                                        {"result", s.result}});
    for (const auto& a : store.assignments(id))
        assignments.push_back(bj::object{{"created_unix_ms", a.created_unix_ms},
                                         {"trainer", name_of(store, a.trainer)},
                                         {"note", a.note},
                                         {"profile", json::parse(a.profile_json, "stored assignment")}});
    for (const auto& t : store.tokens(id, "api")) tokens.push_back(token_json(t));
    doc["assessments"] = std::move(assessments);
    doc["screenings"] = std::move(screenings);
    doc["assignments"] = std::move(assignments);
    auto link = store.trainer_of(id);
    doc["trainer"] = link ? name_of(store, link->trainer) : bj::value(nullptr);
    doc["api_tokens"] = std::move(tokens);
    return doc;
}

}  // namespace unknot::server
