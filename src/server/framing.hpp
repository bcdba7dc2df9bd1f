#pragma once
// How long a request's body is (RFC 9112 section 6), decided once, from its header, before any
// of the body is read. A request we cannot frame exactly is answered 400 and its connection
// closed: otherwise the rest of its bytes would be read as the next request (smuggling).
#include <optional>
#include <string>
#include <string_view>

namespace unknot::server {

struct Framing {
    bool http10 = false;                  // HTTP/1.0 has no transfer codings
    std::optional<std::string> transfer;  // every Transfer-Encoding value, joined by ", "
    bool content_length = false;          // a Content-Length header is present
    bool parser_chunked = false;          // what the HTTP parser will do with the body
};

// Why this request cannot be framed, or nothing when it can. The only transfer coding taken is
// `chunked` (any case), alone; never together with Content-Length.
std::optional<std::string> framing_problem(const Framing& f);

}  // namespace unknot::server
