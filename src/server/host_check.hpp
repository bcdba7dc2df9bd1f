#pragma once
// Which names this server answers to: the defence against DNS rebinding. A page on another site
// can point its own domain at 127.0.0.1 and then talk to us as "same origin"; the one thing it
// cannot change is the Host it sends. So a request must name this machine (localhost, any IP
// address) or the name people were given (--public-url); anything else is refused.
#include <string>
#include <string_view>
#include <vector>

namespace unknot::server {

// The host part of an http(s) URL, lower-case ("gym.example.org"); throws std::invalid_argument
// with a sentence saying what is wrong.
std::string public_host(std::string_view url);

// `host_header` is the Host header as sent ("localhost:8080", "[::1]", "gym.example.org").
// An empty one (HTTP/1.0, in-process tools) is allowed: a browser always sends one.
bool host_allowed(std::string_view host_header, const std::vector<std::string>& names);

}  // namespace unknot::server
