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

class Router {
public:
    void add(std::string method, std::string pattern, RouteHandler handler);
    // Returns nullptr when no pattern matches the path; sets `allowed` when the path matches
    // but the method does not.
    const RouteHandler* match(const HttpRequest& req, Params& params, std::string& pattern, std::string& allowed) const;

private:
    struct Route {
        std::string method, pattern;
        std::vector<std::string> parts;
        RouteHandler handler;
    };
    std::vector<Route> routes_;
};

std::string url_decode(std::string_view s);

}  // namespace unknot::server
