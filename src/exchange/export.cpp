#include "exchange/export.hpp"

#include <algorithm>
#include <map>

#include "codec/codec.hpp"
#include "codec/dates.hpp"
#include "codec/json_util.hpp"
#include "common/text.hpp"

namespace unknot::exchange {

namespace bj = boost::json;

namespace {

// The other accounts an export mentions (trainers, assessors), looked up once each: a client of
// two years has hundreds of records by the same trainer.
class Accounts {
public:
    explicit Accounts(Store& store) : store_(store) {}
    bj::value ref(UserId id) {
        auto it = refs_.find(id);
        if (it == refs_.end()) {
            auto u = store_.user(id);
            it = refs_.emplace(id, u ? bj::value(bj::object{{"id", u->id}, {"name", u->name}}) : bj::value(nullptr)).first;
        }
        return it->second;
    }

private:
    Store& store_;
    std::map<UserId, bj::value> refs_;
};

bj::value ms_or_null(std::int64_t ms) { return ms ? bj::value(ms) : bj::value(nullptr); }

bj::value event_json(const StoredEvent& e) {
    bj::object o{{"id", e.client_id}, {"t_ms", e.event.t_ms}, {"type", to_string(e.event.type)}};
    if (e.event.tenderness) o["tenderness"] = *e.event.tenderness;
    return o;
}

bj::array sessions_json(Store& store, UserId user) {
    bj::array out;
    // Holds and visits of every session in two queries; the session rows and event logs one by one.
    for (auto& summary : store.session_summaries(user)) {
        auto s = store.session(summary.id);
        if (!s) continue;
        bj::array events, holds, visits;
        for (const auto& e : store.events(s->id)) events.push_back(event_json(e));
        for (const auto& h : summary.holds) holds.push_back(json::to_json(h));
        for (const auto& v : summary.visits) visits.push_back(json::to_json(v));
        out.push_back(bj::object{{"installation", bj::object{{"id", s->id}}},
                                 {"client_id", s->client_id.empty() ? bj::value(nullptr) : bj::value(s->client_id)},
                                 {"started_unix_ms", s->started_unix_ms},
                                 {"ended_unix_ms", ms_or_null(s->ended_unix_ms)},
                                 {"date", iso_day(s->day)},
                                 {"status", to_string(s->status)},
                                 {"plan", json::parse(s->plan_json, "stored plan of session " + std::to_string(s->id))},
                                 {"events", std::move(events)},
                                 {"holds", std::move(holds)},
                                 {"visits", std::move(visits)}});
    }
    return out;
}

// Who recorded it, when that was someone else (a trainer); null when the person did.
bj::object recorded_by(Accounts& accounts, std::int64_t id, UserId by, UserId user) {
    return bj::object{{"id", id}, {"by", by != user ? accounts.ref(by) : bj::value(nullptr)}};
}

bj::object installation_json(Store& store, Accounts& accounts, const std::optional<User>& u, UserId user) {
    bj::object o{{"user_id", u ? bj::value(u->id) : bj::value(nullptr)}, {"role", u ? bj::value(to_string(u->role)) : bj::value(nullptr)}};
    bj::value trainer = nullptr;
    if (auto link = store.trainer_of(user); link && accounts.ref(link->trainer).is_object()) {
        auto t = accounts.ref(link->trainer).get_object();
        t["since_unix_ms"] = link->started_unix_ms;
        trainer = std::move(t);
    }
    o["trainer"] = std::move(trainer);
    bj::array tokens;
    if (u)
        for (const auto& t : store.tokens(user, TokenKind::api))
            tokens.push_back(bj::object{{"id", t.hash.substr(0, 16)}, {"name", t.label}, {"created_unix_ms", t.created_unix_ms},
                                        {"expires_unix_ms", ms_or_null(t.expires_unix_ms)}});
    o["api_tokens"] = std::move(tokens);
    return o;
}

}  // namespace

bj::value user_technique_json(const UserTechnique& t) {
    return bj::object{{"id", t.id},
                      {"name", t.name},
                      {"source", t.source},
                      {"muscles", json::strings(split_ids(t.muscles))},
                      {"details", json::parse(t.details_json, "stored details of technique " + t.id)}};
}

bj::array user_techniques_json(Store& store, UserId user) {
    // Sorted here, byte by byte: PostgreSQL orders text by its collation, SQLite by bytes.
    auto own = store.user_techniques(user);
    std::sort(own.begin(), own.end(), [](const UserTechnique& a, const UserTechnique& b) { return a.id < b.id; });
    bj::array out;
    for (const auto& t : own) out.push_back(user_technique_json(t));
    return out;
}

bj::value export_user(Store& store, UserId user, std::int64_t exported_unix_ms) {
    Accounts accounts(store);
    auto u = store.user(user);
    bj::object doc{{"format", export_format}, {"version", export_version}, {"exported_unix_ms", exported_unix_ms}};
    doc["installation"] = installation_json(store, accounts, u, user);
    doc["user"] = u ? bj::value(bj::object{{"email", u->email}, {"name", u->name}, {"created_unix_ms", u->created_unix_ms}}) : bj::value(nullptr);
    doc["sessions"] = sessions_json(store, user);

    bj::array assessments, screenings, clearances, assignments;
    for (const auto& a : store.assessments(user))
        assessments.push_back(bj::object{{"installation", recorded_by(accounts, a.id, a.by, a.user)},
                                         {"created_unix_ms", a.created_unix_ms},
                                         {"date", iso_day(a.day)},
                                         {"by_trainer", a.by != a.user},
                                         {"assessment", json::parse(a.assessment_json, "stored assessment " + std::to_string(a.id))}});
    for (const auto& s : store.screenings(user))
        screenings.push_back(bj::object{{"installation", recorded_by(accounts, s.id, s.by, s.user)},
                                        {"created_unix_ms", s.created_unix_ms},
                                        {"date", iso_day(s.day)},
                                        {"by_trainer", s.by != s.user},
                                        {"answers", json::parse(s.answers_json, "stored screening " + std::to_string(s.id))},
                                        {"result", s.result}});
    for (const auto& c : store.clearances({user}))
        clearances.push_back(bj::object{{"installation", recorded_by(accounts, c.id, c.by, c.user)},
                                        {"created_unix_ms", c.created_unix_ms},
                                        {"condition", c.condition},
                                        {"date", iso_day(c.day)},
                                        {"by_trainer", c.by != c.user},
                                        {"note", c.note}});
    auto given = store.assignments(user);  // newest first; the export lists everything oldest first
    for (auto it = given.rbegin(); it != given.rend(); ++it)
        assignments.push_back(bj::object{{"installation", bj::object{{"id", it->id}, {"trainer", accounts.ref(it->trainer)}}},
                                         {"created_unix_ms", it->created_unix_ms},
                                         {"note", it->note},
                                         {"profile", json::parse(it->profile_json, "stored assignment " + std::to_string(it->id))}});
    doc["assessments"] = std::move(assessments);
    doc["screenings"] = std::move(screenings);
    doc["clearances"] = std::move(clearances);
    doc["assignments"] = std::move(assignments);
    doc["user_techniques"] = user_techniques_json(store, user);
    return doc;
}

}  // namespace unknot::exchange
