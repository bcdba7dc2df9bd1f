#pragma once
// The server's own small HTTP vocabulary. Only http_server.cpp sees Beast and Asio; everything
// else (routing, the API, assets) works with these plain values, which keeps the build fast and
// the handlers testable without sockets.
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace unknot::server {

struct HttpRequest {
    std::string method;  // "GET", "POST", ...
    std::string target;  // path and query as sent
    std::vector<std::pair<std::string, std::string>> headers;  // lower-case names
    std::string body;
    std::string remote;  // the peer's address, for throttling failed logins

    std::string header(std::string_view name) const;
    std::string path() const;   // target without the query
    std::string query(std::string_view key) const;  // "" when absent or empty
    // The decoded value of a query parameter, or nothing when it is absent ("?client=" is "").
    std::optional<std::string> query_param(std::string_view key) const;
};

struct HttpResponse {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string route;  // the matched route pattern, for the access log (never the body)
};

// Handlers answer through a callback, possibly from another thread (durable writes are
// committed in groups by a writer thread), so a waiting request never holds an I/O thread.
using Responder = std::function<void(HttpResponse)>;
using Handler = std::function<void(HttpRequest, Responder)>;

struct ServerOptions {
    std::string bind = "127.0.0.1";
    unsigned short port = 8080;
    int threads = 2;
    std::size_t body_limit = 256 * 1024;  // larger bodies get 413
    std::string access_log;                // empty: stderr
    std::uintmax_t access_log_max_bytes = 64ull << 20;  // then FILE becomes FILE.1
};

// The value of one cookie from a Cookie header ("a=1; b=2"), or empty.
std::string cookie_value(const HttpRequest& req, std::string_view name);

// Runs until SIGINT/SIGTERM, then stops accepting, lets in-flight requests finish (writes
// included) and returns. `on_ready` receives the bound port (useful with port 0).
void serve(const ServerOptions& options, Handler handler, const std::function<void(unsigned short)>& on_ready);

}  // namespace unknot::server
