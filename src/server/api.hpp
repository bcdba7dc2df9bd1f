#pragma once
// The HTTP/JSON API (api/openapi.json): catalog reads, screening, planning, sessions driven by
// idempotent event batches, history and progress. Transport-free: takes and returns plain
// HttpRequest/HttpResponse values, so tests can call it without a socket.
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <boost/json/value.hpp>

#include "catalog/catalog.hpp"
#include "server/access.hpp"
#include "server/address_budget.hpp"
#include "server/http.hpp"
#include "server/router.hpp"
#include "session/engine.hpp"
#include "store/store.hpp"

namespace unknot::server {

struct ApiOptions {
    std::size_t max_events_per_batch = 1000;
    std::size_t max_group_commit = 256;  // requests committed together by one fsync
    // Session write lanes: each session's events always go to the same lane, so one session's log
    // is written by one thread in order while other sessions commit beside it (PostgreSQL).
    std::size_t writers = 1;
    GateOptions gate;
    bool open_signup = true;  // anyone may create a self or trainer account (else: invites only)
    std::string public_url;  // for links in invites and resets; empty: taken from the request's Host
    // A guest trying a routine without an account: screenings and plans per address per window.
    int guest_requests = 60;
    std::int64_t guest_window_ms = 10 * 60 * 1000;
};

class Api {
public:
    Api(const Catalog& catalog, Store& store, ApiOptions options = {});
    ~Api();
    Api(const Api&) = delete;
    Api& operator=(const Api&) = delete;

    void handle(HttpRequest req, Responder done);
    HttpResponse handle_sync(const HttpRequest& req);  // waits for the answer (tests, tools)
    const Router& router() const { return router_; }   // every route with its access class (tests)
    Gate& gate() { return gate_; }

private:
    // Durable writes from many requests share one transaction and one fsync (group commit):
    // each request is answered only after the commit that contains it.
    struct WriteJob {
        std::function<HttpResponse()> work;  // runs inside the transaction
        Responder done;
    };
    struct Lane;
    void enqueue(std::int64_t session, WriteJob job);
    void writer_loop(Lane& lane);

    void catalog_routes();
    void session_routes();
    void assessment_routes();
    void account_routes();   // api_accounts.cpp: setup, sign-up, login, tokens, data rights
    void coaching_routes();  // api_coaching.cpp: invites, clients, dashboard, assignments
    void health_routes();    // api_health.cpp: screenings, history, progress
    void clearance_routes(); // api_clearances.cpp: a professional's go-ahead after a refer
    void printout_routes();  // api_printouts.cpp: handouts and reports (PDF), calendar feeds
    void picture_routes();   // api_pictures.cpp: every move's picture, as shapes the app draws
    void guest_routes();     // api_guest.cpp: a screening and a plan without an account, nothing kept
    std::optional<Plan> current_routine(UserId user);
    std::string link_base(const HttpRequest& req) const;
    Profile with_recorded_screening(Profile p, UserId client);
    std::vector<Clearance> clearances_of(UserId user);
    HttpResponse plan_response(Profile p) const;                   // today's plan as the answer, never cached
    // Content never changes while the server runs: the list is serialised once, at start-up.
    void add_content_list(const std::string& path, const boost::json::value& list);

    // A live engine per session, rebuilt from the stored event log when another process (or a
    // restart) appended events since: the log, not this cache, is the truth.
    struct Live {
        SessionInfo info;  // as of the last rebuild or write by this process
        boost::json::value plan_json;
        std::unique_ptr<Plan> plan;
        std::unique_ptr<Engine> engine;
        std::size_t events = 0;
    };
    Live rebuild(std::int64_t session, const SessionInfo& info);  // replays the stored log
    // A lane's queue and the engines of its sessions. `mu` is never held while waiting on the
    // store from outside a write, so a reader never stalls a commit.
    struct Lane {
        std::mutex queue_mu;
        std::condition_variable queue_cv;
        std::deque<WriteJob> queue;
        bool stopping = false;
        std::thread thread;
        std::mutex mu;
        std::map<std::int64_t, Live> live;
    };
    Lane& lane_of(std::int64_t session) { return *lanes_[static_cast<std::size_t>(session) % lanes_.size()]; }
    static Live* cached(Lane& lane, std::int64_t session, std::size_t events);  // lane.mu held; nullptr: stale or absent
    static Live& keep(Lane& lane, std::int64_t session, Live l);                // lane.mu held

    const Catalog& catalog_;
    Store& store_;
    ApiOptions options_;
    Gate gate_;
    AddressBudget guest_budget_;
    Router router_;
    std::vector<std::unique_ptr<Lane>> lanes_;
};

}  // namespace unknot::server
