#pragma once
// The HTTP/JSON API (api/openapi.json): catalog reads, screening, planning, sessions driven by
// idempotent event batches, history and progress. Transport-free: takes and returns plain
// HttpRequest/HttpResponse values, so tests can call it without a socket.
#include <map>
#include <memory>
#include <mutex>

#include "catalog/catalog.hpp"
#include "server/http.hpp"
#include "server/router.hpp"
#include "session/engine.hpp"
#include "store/store.hpp"

namespace unknot::server {

struct ApiOptions {
    std::size_t max_events_per_batch = 1000;
};

class Api {
public:
    Api(const Catalog& catalog, Store& store, ApiOptions options = {});
    HttpResponse handle(const HttpRequest& req);

private:
    void catalog_routes();
    void session_routes();

    // A live engine per session, rebuilt from the stored event log when another process (or a
    // restart) appended events since: the log, not this cache, is the truth.
    struct Live {
        std::unique_ptr<Plan> plan;
        std::unique_ptr<Engine> engine;
        std::size_t events = 0;
    };
    Live& live(std::int64_t session, const SessionInfo& info);

    const Catalog& catalog_;
    Store& store_;
    ApiOptions options_;
    Router router_;
    std::mutex store_mu_;  // one writer at a time; SQLite serialises anyway
    std::map<std::int64_t, Live> live_;
};

}  // namespace unknot::server
