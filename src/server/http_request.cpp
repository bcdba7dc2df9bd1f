#include "server/http.hpp"

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

std::string HttpRequest::query(std::string_view key) const {
    auto q = target.find('?');
    if (q == std::string::npos) return {};
    std::string_view rest(target);
    rest.remove_prefix(q + 1);
    while (!rest.empty()) {
        auto amp = rest.find('&');
        auto part = rest.substr(0, amp);
        auto eq = part.find('=');
        if (part.substr(0, eq) == key) return eq == std::string_view::npos ? std::string{} : std::string(part.substr(eq + 1));
        if (amp == std::string_view::npos) break;
        rest.remove_prefix(amp + 1);
    }
    return {};
}

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
