#include "server/router.hpp"

namespace unknot::server {

namespace {
std::vector<std::string> split_path(std::string_view p) {
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
int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

std::string url_decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
            out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

void Router::add(std::string method, std::string pattern, Access access, RouteHandler handler) {
    auto parts = split_path(pattern);
    routes_.push_back({std::move(method), std::move(pattern), std::move(parts), access, std::move(handler), {}});
}

void Router::add_async(std::string method, std::string pattern, Access access, AsyncRouteHandler handler) {
    auto parts = split_path(pattern);
    routes_.push_back({std::move(method), std::move(pattern), std::move(parts), access, {}, std::move(handler)});
}

const Route* Router::match(const HttpRequest& req, Params& params, std::string& allowed) const {
    auto parts = split_path(req.path());
    for (const auto& r : routes_) {
        if (r.parts.size() != parts.size()) continue;
        Params p;
        bool ok = true;
        for (std::size_t i = 0; i < parts.size() && ok; ++i) {
            const auto& want = r.parts[i];
            if (want.size() > 2 && want.front() == '{' && want.back() == '}') p[want.substr(1, want.size() - 2)] = url_decode(parts[i]);
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
