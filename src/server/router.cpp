#include "server/router.hpp"

#include <boost/url/parse.hpp>

namespace unknot::server {

namespace {
// A route pattern's parts ("/api/v1/sessions/{id}"): our own text, not a URL, so split plainly.
std::vector<std::string> split_pattern(std::string_view p) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < p.size()) {
        auto slash = p.find('/', pos);
        if (slash == std::string_view::npos) slash = p.size();
        if (slash > pos) out.emplace_back(p.substr(pos, slash - pos));
        pos = slash + 1;
    }
    return out;
}
// A path's segments, percent-decoded by Boost.URL; empty segments ("//") are not segments.
// A target Boost.URL cannot parse matches no route (the caller answers 404).
std::vector<std::string> split_path(std::string_view target) {
    std::vector<std::string> out;
    auto u = boost::urls::parse_origin_form(target);
    if (!u) return out;
    for (auto seg : u->encoded_segments())
        if (!seg.empty()) out.push_back(seg.decode());
    return out;
}
}  // namespace

void Router::add(std::string method, std::string pattern, Access access, RouteHandler handler) {
    auto parts = split_pattern(pattern);
    routes_.push_back({std::move(method), std::move(pattern), std::move(parts), access, std::move(handler), {}});
}

void Router::add_async(std::string method, std::string pattern, Access access, AsyncRouteHandler handler) {
    auto parts = split_pattern(pattern);
    routes_.push_back({std::move(method), std::move(pattern), std::move(parts), access, {}, std::move(handler)});
}

const Route* Router::match(const HttpRequest& req, Params& params, std::string& allowed) const {
    auto parts = split_path(req.target);
    for (const auto& r : routes_) {
        if (r.parts.size() != parts.size()) continue;
        Params p;
        bool ok = true;
        for (std::size_t i = 0; i < parts.size() && ok; ++i) {
            const auto& want = r.parts[i];
            if (want.size() > 2 && want.front() == '{' && want.back() == '}') p[want.substr(1, want.size() - 2)] = parts[i];
            else ok = want == parts[i];
        }
        if (!ok) continue;
        bool method_ok = r.method == req.method || (r.method == "GET" && req.method == "HEAD");
        if (!method_ok) {
            if (allowed.find(r.method) == std::string::npos) allowed += (allowed.empty() ? "" : ", ") + r.method;
            continue;
        }
        params = std::move(p);
        return &r;
    }
    return nullptr;
}

}  // namespace unknot::server
