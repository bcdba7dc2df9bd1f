#include "server/host_check.hpp"

#include <algorithm>
#include <stdexcept>

#include <boost/url/parse.hpp>

#include "common/text.hpp"

namespace unknot::server {

namespace {
bool ends_with(std::string_view s, std::string_view tail) { return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail; }
}  // namespace

std::string public_host(std::string_view url) {
    auto u = boost::urls::parse_uri(url);
    if (!u || (u->scheme() != "http" && u->scheme() != "https") || u->host().empty())
        throw std::invalid_argument("--public-url must be an http or https address with a host name, such as https://gym.example.org");
    return ascii_lower(u->host_address());
}

bool host_allowed(std::string_view host_header, const std::vector<std::string>& names) {
    if (host_header.empty()) return true;
    auto a = boost::urls::parse_authority(host_header);
    if (!a || a->has_userinfo()) return false;
    using boost::urls::host_type;
    // An address names a machine, not a domain someone can repoint: no rebinding through it.
    if (a->host_type() == host_type::ipv4 || a->host_type() == host_type::ipv6) return true;
    if (a->host_type() != host_type::name) return false;
    auto name = ascii_lower(a->host_address());
    if (ends_with(name, ".")) name.pop_back();  // "localhost." is the same name
    if (name == "localhost" || ends_with(name, ".localhost")) return true;  // never leaves the machine (RFC 6761)
    return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace unknot::server
