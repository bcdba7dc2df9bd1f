#include "server/framing.hpp"

#include <vector>

#include "common/text.hpp"

namespace unknot::server {

namespace {
std::vector<std::string> codings(std::string_view v) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= v.size()) {
        auto comma = v.find(',', start);
        out.push_back(ascii_lower(trim(v.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start))));
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return out;
}
}  // namespace

std::optional<std::string> framing_problem(const Framing& f) {
    if (!f.transfer) return std::nullopt;  // Content-Length or no body: the parser frames it
    if (f.http10) return "Transfer-Encoding is not part of HTTP/1.0";
    if (f.content_length) return "a request may not carry both Transfer-Encoding and Content-Length";
    auto list = codings(*f.transfer);
    if (list.size() != 1 || list[0] != "chunked") return "the only transfer coding accepted is chunked, alone";  // the value is not echoed: raw bytes
    if (!f.parser_chunked) return "the chunked body could not be framed";
    return std::nullopt;
}

}  // namespace unknot::server
