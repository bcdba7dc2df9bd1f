#include "server/api.hpp"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/serialize.hpp>
#include <future>

#include "codec/codec.hpp"
#include "codec/dates.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "server/assets.hpp"
#include "server/host_check.hpp"
#include "server/learn_diagrams.hpp"
#include "server/responses.hpp"

namespace unknot::server {

namespace bj = boost::json;

namespace {

template <class T, class F>
bj::value list_of(const std::vector<T>& items, F&& f) {
    bj::array a;
    for (const auto& x : items) a.push_back(f(x));
    return a;
}

HttpResponse asset_response(const Asset& a, const HttpRequest& req) {
    HttpResponse r;
    r.route = "(asset)";
    r.content_type = std::string(a.content_type);
    r.headers.emplace_back("ETag", std::string(a.etag));
    // Fixed file names, so browsers revalidate; the ETag makes that a cheap 304.
    r.headers.emplace_back("Cache-Control", "no-cache");
    if (a.content_type.starts_with("text/html"))
        r.headers.emplace_back("Content-Security-Policy",
                               "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                               "connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; frame-ancestors 'none'");
    if (req.header("if-none-match") == a.etag) {
        r.status = 304;
        return r;
    }
    r.body = std::string(a.data);
    return r;
}

// The name in --public-url is one this server answers to (server/host_check.hpp).
GateOptions with_public_host(GateOptions g, const std::string& public_url) {
    if (!public_url.empty()) g.host_names.push_back(public_host(public_url));
    return g;
}

}  // namespace

Api::Api(const Catalog& catalog, Store& store, ApiOptions options)
    : catalog_(catalog),
      store_(store),
      options_(options),
      gate_(store, with_public_host(options.gate, options.public_url)),
      guest_budget_(options.guest_requests, options.guest_window_ms) {
    router_.add("GET", "/healthz", Access::anyone(), [](const HttpRequest&, const Params&, const Ctx&) {
        return json_response(200, bj::object{{"status", "ok"}, {"version", UNKNOT_VERSION}});
    });
    router_.add("GET", "/api/v1/openapi.json", Access::anyone(), [](const HttpRequest& req, const Params&, const Ctx&) {
        const Asset* a = find_asset("/api/v1/openapi.json");
        return a ? asset_response(*a, req) : error_response(404, "not_found", "no API description compiled in");
    });
    catalog_routes();
    session_routes();
    assessment_routes();
    account_routes();
    coaching_routes();
    health_routes();
    clearance_routes();
    printout_routes();
    picture_routes();
    guest_routes();
    for (std::size_t i = 0; i < std::max<std::size_t>(options_.writers, 1); ++i) lanes_.push_back(std::make_unique<Lane>());
    for (auto& lane : lanes_) lane->thread = std::thread([this, l = lane.get()] { writer_loop(*l); });

    router_.add("POST", "/api/v1/plans", Access::signed_in(), [this](const HttpRequest& req, const Params&, const Ctx& ctx) {
        // The busiest endpoint: the body is parsed in a stack arena, the plan written as text.
        unsigned char buffer[8 * 1024];
        bj::monotonic_resource arena(buffer, sizeof buffer);
        auto profile = json::profile_from_json(json_body(req, bj::storage_ptr(&arena)), catalog_);
        profile.clearances = clearances_of(ctx.me().id);  // the caller's own go-aheads after a refer
        return plan_response(std::move(profile));
    });
}

HttpResponse Api::plan_response(Profile profile) const {
    profile.today = today_local();
    HttpResponse r;
    r.body = json::to_json_text(make_plan(profile, catalog_));
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
}

void Api::add_content_list(const std::string& path, const bj::value& list) {
    auto body = std::make_shared<std::string>(bj::serialize(list));
    router_.add("GET", path, Access::anyone(), [body](const HttpRequest&, const Params&, const Ctx&) {
        HttpResponse r;
        r.body = *body;
        r.headers.emplace_back("Cache-Control", "no-cache");
        return r;
    });
}

void Api::catalog_routes() {
    auto get_list = [this](const std::string& path, const std::function<bj::value()>& make) { add_content_list(path, make()); };
    const auto& c = catalog_;
    get_list("/api/v1/techniques", [&c] { return list_of(c.techniques(), [&](const Technique& t) { return json::to_json(t, c); }); });
    get_list("/api/v1/stretches", [&c] { return list_of(c.stretches(), [](const Stretch& s) { return json::to_json(s); }); });
    get_list("/api/v1/learn", [&c] { return list_of(c.articles(), [](const Article& a) { return json::article_summary(a); }); });
    get_list("/api/v1/muscles", [&c] { return list_of(c.muscles(), [](const Muscle& m) { return json::to_json(m); }); });
    get_list("/api/v1/regions", [&c] { return list_of(c.regions(), [](const Region& r) { return json::to_json(r); }); });
    get_list("/api/v1/tools", [&c] { return list_of(c.tools(), [](const Tool& t) { return json::to_json(t); }); });
    get_list("/api/v1/conditions", [&c] { return list_of(c.conditions(), [](const Condition& x) { return json::to_json(x); }); });
    get_list("/api/v1/screening-gate", [&c] { return json::gate_json(c); });
    get_list("/api/v1/cues", [&c] { return list_of(c.cues(), [](const CueText& x) { return json::to_json(x); }); });
    get_list("/api/v1/goals", [&c] { return list_of(c.goals(), [](const Goal& g) { return json::to_json(g); }); });
    get_list("/api/v1/sources", [&c] { return list_of(c.sources(), [](const Source& s) { return json::to_json(s); }); });

    router_.add("GET", "/api/v1/techniques/{id}", Access::anyone(), [this](const HttpRequest&, const Params& p, const Ctx&) {
        const auto& id = p.at("id");
        if (const Technique* t = catalog_.technique(id)) return json_response(200, json::to_json(*t, catalog_));
        return error_response(404, "not_found", "no technique `" + id + "`" + did_you_mean(nearest(id, catalog_.technique_ids())), "id");
    });
    router_.add("GET", "/api/v1/stretches/{id}", Access::anyone(), [this](const HttpRequest&, const Params& p, const Ctx&) {
        const auto& id = p.at("id");
        if (const Stretch* s = catalog_.stretch(id)) return json_response(200, json::to_json(*s));
        return error_response(404, "not_found", "no stretch `" + id + "`", "id");
    });
    router_.add("GET", "/api/v1/learn/{slug}", Access::anyone(), [this](const HttpRequest&, const Params& p, const Ctx&) {
        const auto& slug = p.at("slug");
        if (const Article* a = catalog_.article(slug)) return json_response(200, json::to_json(*a));
        return error_response(404, "not_found", "no article `" + slug + "`", "slug");
    });
    auto diagrams = std::make_shared<const std::map<std::string, std::string>>(learn_diagrams(c));
    router_.add("GET", "/api/v1/learn/diagrams/{file}", Access::anyone(), [diagrams](const HttpRequest& req, const Params& p, const Ctx&) {
        return diagram_response(*diagrams, p.at("file"), req);
    });
}

namespace {
HttpResponse error_from(std::exception_ptr e) {
    try {
        std::rethrow_exception(e);
    } catch (const HttpError& h) {
        return h.response;
    } catch (const InputError& i) {
        return error_response(400, "invalid", i.message(), i.where());
    } catch (const ConflictError& c) {
        return error_response(409, "conflict", c.what());
    } catch (const StoreError&) {
        return error_response(503, "store_unavailable", "the database is unavailable; try again shortly");
    } catch (...) {
        return error_response(500, "internal", "unexpected server error");
    }
}
}  // namespace

void Api::handle(HttpRequest req, Responder done) {
    Params params;
    std::string allowed;
    HttpResponse out;
    try {
        if (const Route* r = router_.match(req, params, allowed)) {
            out.route = r->pattern;
            Ctx ctx = gate_.admit(req, r->access, params);
            if (r->async_handler) {
                r->async_handler(req, params, ctx, [done, route = r->pattern](HttpResponse res) {
                    res.route = route;
                    done(std::move(res));
                });
                return;
            }
            out = r->handler(req, params, ctx);
            out.route = r->pattern;
        } else if (!allowed.empty()) {
            out = error_response(405, "method_not_allowed", req.method + " is not allowed here; use " + allowed);
            out.headers.emplace_back("Allow", allowed);
            out.route = "(method not allowed)";
        } else if (req.path().starts_with("/api/")) {
            out = error_response(404, "not_found", "no such API endpoint: " + req.path() + " (see /api/v1/openapi.json)");
            out.route = "(unknown api)";
        } else if (req.method != "GET" && req.method != "HEAD") {
            out = error_response(405, "method_not_allowed", req.method + " is not allowed here; use GET");
            out.headers.emplace_back("Allow", "GET, HEAD");
            out.route = "(asset)";
        } else {
            auto path = req.path();
            if (!path.starts_with("/")) throw HttpError{error_response(400, "bad_request", "the request target must be a path starting with /")};
            const Asset* a = find_asset(path == "/" ? "/index.html" : path);
            // The app routes with #fragments; another page-like path gets the app shell, but a
            // missing file under /assets/ is a 404 (never a page passed off as a script).
            if (!a && path.find('.') == std::string::npos && !path.starts_with("/assets/")) a = find_asset("/index.html");
            out = a ? asset_response(*a, req) : error_response(404, "not_found", "no such file: " + path);
            out.route = a ? "(asset)" : "(unknown asset)";
        }
    } catch (...) {
        auto route = out.route.empty() ? std::string("(error)") : out.route;
        out = error_from(std::current_exception());
        out.route = route;
    }
    done(std::move(out));
}

HttpResponse Api::handle_sync(const HttpRequest& req) {
    std::promise<HttpResponse> p;
    auto f = p.get_future();
    handle(req, [&p](HttpResponse r) { p.set_value(std::move(r)); });
    return f.get();
}

void Api::enqueue(std::int64_t session, WriteJob job) {
    auto& lane = lane_of(session);
    {
        std::lock_guard lock(lane.queue_mu);
        lane.queue.push_back(std::move(job));
    }
    lane.queue_cv.notify_one();
}

void Api::writer_loop(Lane& lane) {
    for (;;) {
        std::vector<WriteJob> jobs;
        {
            std::unique_lock lock(lane.queue_mu);
            lane.queue_cv.wait(lock, [&] { return lane.stopping || !lane.queue.empty(); });
            if (lane.queue.empty()) return;
            while (!lane.queue.empty() && jobs.size() < options_.max_group_commit) {
                jobs.push_back(std::move(lane.queue.front()));
                lane.queue.pop_front();
            }
        }
        std::vector<HttpResponse> outs(jobs.size());
        try {
            store_.transaction([&] {
                for (std::size_t i = 0; i < jobs.size(); ++i) {
                    try {
                        outs[i] = jobs[i].work();
                    } catch (const HttpError& e) {
                        outs[i] = e.response;
                    } catch (const InputError& e) {
                        outs[i] = error_response(400, "invalid", e.message(), e.where());
                    }
                }
            });
        } catch (...) {
            // Nothing of this group was committed; engines may have run ahead of the log.
            std::lock_guard lock(lane.mu);
            lane.live.clear();
            for (auto& o : outs) o = error_from(std::current_exception());
        }
        for (std::size_t i = 0; i < jobs.size(); ++i) jobs[i].done(std::move(outs[i]));
    }
}

Api::~Api() {
    for (auto& lane : lanes_) {
        {
            std::lock_guard lock(lane->queue_mu);
            lane->stopping = true;
        }
        lane->queue_cv.notify_all();
    }
    for (auto& lane : lanes_)
        if (lane->thread.joinable()) lane->thread.join();
}

}  // namespace unknot::server
