// Sessions over HTTP. The client runs the session locally (it must work offline) and sends what
// the person did as events with its own ids; the server replays them through the same engine
// as the CLI and stores the records. Resending a batch is harmless: known event ids are skipped.
#include <boost/json/serialize.hpp>

#include "codec/codec.hpp"
#include "codec/dates.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"
#include "progress/progress.hpp"
#include "server/api.hpp"
#include "server/responses.hpp"

namespace unknot::server {

namespace bj = boost::json;

namespace {

bool valid_client_id(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; });
}

std::int64_t session_id_of(const Params& p) {
    const auto& s = p.at("id");
    std::int64_t id = 0;
    bool digits = !s.empty() && s.size() < 18 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits) id = std::stoll(s);
    if (!digits || id <= 0) throw HttpError{error_response(404, "not_found", "no session `" + s + "`", "id")};
    return id;
}

}  // namespace

// Reads the store with no lock of this process held, so a slow read delays nobody's events.
Api::Live Api::rebuild(std::int64_t session, const SessionInfo& info) {
    Live l;
    l.info = info;
    l.plan_json = json::parse(info.plan_json, "stored plan");
    l.plan = std::make_unique<Plan>(json::plan_from_json(l.plan_json, catalog_));
    l.engine = std::make_unique<Engine>(*l.plan, catalog_);
    auto log = store_.events(session);
    for (const auto& e : log) l.engine->handle(e.event);
    l.events = log.size();
    return l;
}

Api::Live* Api::cached(Lane& lane, std::int64_t session, std::size_t events) {
    auto it = lane.live.find(session);
    return it != lane.live.end() && it->second.events == events ? &it->second : nullptr;
}

Api::Live& Api::keep(Lane& lane, std::int64_t session, Live l) {
    if (lane.live.size() > 1000) lane.live.erase(lane.live.begin());  // a bounded cache; the log rebuilds any engine
    return lane.live[session] = std::move(l);
}

void Api::session_routes() {
    // The state alone is cheap (no records): the events endpoint answers with it.
    auto state_json = [this](std::int64_t id, const SessionInfo& info, Live& l) -> bj::object {
        auto snap = l.engine->snapshot();
        return bj::object{{"id", id},
                          {"client_id", info.client_id.empty() ? bj::value(nullptr) : bj::value(info.client_id)},
                          {"status", to_string(info.status)},
                          {"started_unix_ms", info.started_unix_ms},
                          {"ended_unix_ms", info.ended_unix_ms ? bj::value(info.ended_unix_ms) : bj::value(nullptr)},
                          {"state", to_string(snap.state)},
                          {"item", snap.item},
                          {"items", snap.items},
                          {"events", static_cast<std::int64_t>(l.events)}};
    };
    auto session_json = [this, state_json](std::int64_t id) -> bj::value {
        auto info = store_.session(id);
        if (!info) throw HttpError{error_response(404, "not_found", "no session " + std::to_string(id), "id")};
        bj::array holds, visits;
        for (const auto& h : store_.holds(id)) holds.push_back(json::to_json(h));
        for (const auto& v : store_.visits(id)) visits.push_back(json::to_json(v));
        auto count = static_cast<std::size_t>(store_.event_count(id));
        auto& lane = lane_of(id);
        std::unique_lock lock(lane.mu);
        Live* l = cached(lane, id, count);
        if (!l) {
            lock.unlock();
            Live fresh = rebuild(id, *info);
            lock.lock();
            l = &keep(lane, id, std::move(fresh));
        }
        auto o = state_json(id, *info, *l);
        o["plan"] = l->plan_json;
        lock.unlock();
        o["holds"] = std::move(holds);
        o["visits"] = std::move(visits);
        return o;
    };

    router_.add("POST", "/api/v1/sessions", Access::writes_health(), [this, session_json](const HttpRequest& req, const Params&, const Ctx& ctx) {
        auto body = json_body(req);
        const auto& o = json::as_object(body, "");
        json::only_keys(o, "", {"plan", "client_id", "started_at_ms"});
        auto* plan_v = o.if_contains("plan");
        if (!plan_v) throw InputError("plan", "missing: send the plan from POST /api/v1/plans");
        auto plan = within("plan", ".", [&] { return json::plan_from_json(*plan_v, catalog_); });
        if (plan.phases.empty()) throw InputError("plan.phases", "this plan has nothing to do (was the screening `refer`?)");
        std::string client_id;
        if (auto* c = o.if_contains("client_id")) {
            client_id = json::as_string(*c, "client_id");
            if (!valid_client_id(client_id)) throw InputError("client_id", "use 1-64 letters, digits, '-' or '_'");
        }
        auto now = now_unix_ms();
        auto started = now;
        if (auto* s = o.if_contains("started_at_ms")) started = json::as_int(*s, "started_at_ms", 0, now + 86'400'000);
        // Look-up and insert in one write, so two copies of an offline start make one session.
        std::int64_t id = 0;
        int status = 201;
        store_.transaction([&] {
            if (auto existing = client_id.empty() ? std::nullopt : store_.session_by_client_id(ctx.subject, client_id))
                id = *existing, status = 200;
            else
                id = store_.begin_session({ctx.subject, started, local_day(started), bj::serialize(*plan_v), client_id});
        });
        return json_response(status, session_json(id));
    });

    router_.add("GET", "/api/v1/sessions/{id}", Access::reads_session(), [this, session_json](const HttpRequest&, const Params& p, const Ctx&) {
        auto id = session_id_of(p);
        return json_response(200, session_json(id));
    });

    router_.add_async("POST", "/api/v1/sessions/{id}/events", Access::writes_session(), [this, state_json](const HttpRequest& req, const Params& p, const Ctx&, Responder done) {
        // Everything that can be checked without the database is checked here, before queueing.
        auto id = session_id_of(p);
        auto body = json_body(req);
        const auto& o = json::as_object(body, "");
        json::only_keys(o, "", {"events"});
        auto* list = o.if_contains("events");
        if (!list) throw InputError("events", "missing: send {\"events\": [...]}");
        const auto& arr = json::as_array(*list, "events");
        if (arr.size() > options_.max_events_per_batch)
            throw InputError("events", "at most " + std::to_string(options_.max_events_per_batch) + " events per request");
        auto batch = std::make_shared<std::vector<StoredEvent>>();
        for (std::size_t i = 0; i < arr.size(); ++i) {
            auto path = json::index("events", i);
            StoredEvent e;
            e.event = json::event_from_json(arr[i], path);
            const auto* eid = arr[i].as_object().if_contains("id");
            if (!eid) throw InputError(json::child(path, "id"), "missing: give every event a unique id so resending is safe");
            e.client_id = json::as_string(*eid, json::child(path, "id"));
            if (!valid_client_id(e.client_id)) throw InputError(json::child(path, "id"), "use 1-64 letters, digits, '-' or '_'");
            batch->push_back(std::move(e));
        }
        // Runs inside a group write: its store calls see that write, and its engine stays locked
        // until it has logged what it did.
        auto work = [this, id, batch, state_json]() -> HttpResponse {
            auto count = static_cast<std::size_t>(store_.event_count(id));
            auto& lane = lane_of(id);
            std::lock_guard lock(lane.mu);
            Live* lp = cached(lane, id, count);
            if (!lp) {
                auto found = store_.session(id);
                if (!found) throw HttpError{error_response(404, "not_found", "no session " + std::to_string(id), "id")};
                lp = &keep(lane, id, rebuild(id, *found));
            }
            auto& l = *lp;
            auto* info = &l.info;
            int accepted = 0, duplicates = 0;
            bj::array rejected, cues, holds;
            bool quit = false;
            for (const auto& e : *batch) {
                if (store_.has_event(id, e.client_id)) {
                    ++duplicates;
                    continue;
                }
                bool was_done = l.engine->state() == State::done;
                auto out = l.engine->handle(e.event);
                store_.add_event(id, static_cast<std::int64_t>(l.events) + 1, e);
                ++l.events;
                ++accepted;
                for (const auto& h : out.holds) {
                    store_.save_hold(id, h);
                    holds.push_back(json::to_json(h));
                }
                for (const auto& v : out.visits) store_.save_visit(id, v);
                for (const auto& c : out.cues) cues.push_back(json::to_json(c));
                if (out.rejected) rejected.push_back(bj::object{{"id", e.client_id}, {"reason", *out.rejected}});
                quit = quit || (e.event.type == EventType::quit && !out.rejected);
                if (!was_done && l.engine->state() == State::done) {
                    info->ended_unix_ms = info->started_unix_ms + e.event.t_ms;
                    info->status = quit ? SessionStatus::stopped : SessionStatus::done;
                    store_.end_session(id, info->ended_unix_ms, info->status);
                }
            }
            return json_response(200, bj::object{{"accepted", accepted},
                                                 {"duplicates", duplicates},
                                                 {"rejected", std::move(rejected)},
                                                 {"cues", std::move(cues)},
                                                 {"holds", std::move(holds)},
                                                 {"session", state_json(id, *info, l)}});
        };
        enqueue(id, WriteJob{std::move(work), std::move(done)});
    });
}

}  // namespace unknot::server
