#pragma once
// From Beast's parsed request to ours: the framing facts the header gives, and the HttpRequest
// the API sees. Shared by the server's connection (http_server.cpp) and the HTTP fuzz target, so
// what is fuzzed is what is served. Include only where Beast is already included.
#include <boost/beast/http.hpp>
#include <cctype>
#include <string>

#include "server/framing.hpp"
#include "server/http.hpp"

namespace unknot::server {

template <class Parser>
Framing framing_of(const Parser& parser) {
    namespace http = boost::beast::http;
    const auto& h = parser.get();
    Framing f;
    f.http10 = h.version() < 11;
    f.content_length = h.find(http::field::content_length) != h.end();
    f.parser_chunked = parser.chunked();
    for (auto [it, end] = h.equal_range(http::field::transfer_encoding); it != end; ++it)
        f.transfer = f.transfer ? *f.transfer + ", " + std::string(it->value()) : std::string(it->value());
    return f;
}

// Header names lower-cased (HTTP names are case-blind); the body moved out of `req`.
template <class Request>
HttpRequest to_http_request(Request& req, std::string remote) {
    HttpRequest r;
    r.method = std::string(req.method_string());
    r.target = std::string(req.target());
    r.remote = std::move(remote);
    for (const auto& f : req) {
        std::string name(f.name_string());
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        r.headers.emplace_back(std::move(name), std::string(f.value()));
    }
    r.body = std::move(req.body());
    return r;
}

}  // namespace unknot::server
