#pragma once
// Method + path-pattern routing ("/api/v1/sessions/{id}/events"), with 404 and 405 decided in
// one place so every handler can assume its route matched.
#include <map>
#include <string>
#include <vector>

#include "server/http.hpp"

namespace unknot::server {

using Params = std::map<std::string, std::string>;
using RouteHandler = std::function<HttpResponse(const HttpRequest&, const Params&)>;
// May answer later, from another thread; throws (before deferring) to answer with an error.
using AsyncRouteHandler = std::function<void(const HttpRequest&, const Params&, Responder)>;

struct Route {
    std::string method, pattern;
    std::vector<std::string> parts;
    RouteHandler handler;
    AsyncRouteHandler async_handler;
};

class Router {
public:
    void add(std::string method, std::string pattern, RouteHandler handler);
    void add_async(std::string method, std::string pattern, AsyncRouteHandler handler);
    // Returns nullptr when no pattern matches the path; sets `allowed` when the path matches
    // but the method does not.
    const Route* match(const HttpRequest& req, Params& params, std::string& allowed) const;

private:
    std::vector<Route> routes_;
};

std::string url_decode(std::string_view s);

}  // namespace unknot::server
