#pragma once
// Method + path-pattern routing ("/api/v1/sessions/{id}/events"), with 404 and 405 decided in
// one place so every handler can assume its route matched.
#include <map>
#include <string>
#include <vector>

#include "server/access.hpp"
#include "server/http.hpp"

namespace unknot::server {

using Params = std::map<std::string, std::string>;
using RouteHandler = std::function<HttpResponse(const HttpRequest&, const Params&, const Ctx&)>;
// May answer later, from another thread; throws (before deferring) to answer with an error.
using AsyncRouteHandler = std::function<void(const HttpRequest&, const Params&, const Ctx&, Responder)>;

// Every route says who may call it (Access): there is no way to add one without deciding.
struct Route {
    std::string method, pattern;
    std::vector<std::string> parts;
    Access access;
    RouteHandler handler;
    AsyncRouteHandler async_handler;
};

class Router {
public:
    void add(std::string method, std::string pattern, Access access, RouteHandler handler);
    void add_async(std::string method, std::string pattern, Access access, AsyncRouteHandler handler);
    const std::vector<Route>& routes() const { return routes_; }
    // Returns nullptr when no pattern matches the path; sets `allowed` when the path matches
    // but the method does not.
    const Route* match(const HttpRequest& req, Params& params, std::string& allowed) const;

private:
    std::vector<Route> routes_;
};

}  // namespace unknot::server
