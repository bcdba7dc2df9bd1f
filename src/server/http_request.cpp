#include "server/http.hpp"

#include <boost/url/parse.hpp>

namespace unknot::server {

std::string HttpRequest::header(std::string_view name) const {
    for (const auto& [k, v] : headers)
        if (k == name) return v;
    return {};
}

std::string HttpRequest::path() const {
    auto q = target.find('?');
    return q == std::string::npos ? target : target.substr(0, q);
}

std::optional<std::string> HttpRequest::query_param(std::string_view key) const {
    auto u = boost::urls::parse_origin_form(target);
    if (!u) return std::nullopt;  // a target the router will not match either
    auto params = u->params();  // percent-decoded
    auto it = params.find(key);
    if (it == params.end()) return std::nullopt;
    return (*it).has_value ? std::string((*it).value) : std::string();
}

std::string HttpRequest::query(std::string_view key) const { return query_param(key).value_or(std::string()); }

std::string cookie_value(const HttpRequest& req, std::string_view name) {
    std::string_view rest;
    std::string all = req.header("cookie");
    rest = all;
    while (!rest.empty()) {
        auto semi = rest.find(';');
        auto part = rest.substr(0, semi);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        auto eq = part.find('=');
        if (eq != std::string_view::npos && part.substr(0, eq) == name) return std::string(part.substr(eq + 1));
        if (semi == std::string_view::npos) break;
        rest.remove_prefix(semi + 1);
    }
    return {};
}

}  // namespace unknot::server
