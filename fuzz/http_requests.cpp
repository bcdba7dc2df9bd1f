// Raw bytes as one HTTP request, through the server's own steps: Beast's parser with the
// server's limits, the framing rule, then the router and every handler with a signed-in API
// token (so handlers past the access check are reached). Whatever arrives: no 5xx, and every
// JSON body the server sends is valid JSON.
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/parse.hpp>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz/support.hpp"
#include "security/secrets.hpp"
#include "server/api.hpp"
#include "server/beast_request.hpp"
#include "store/store.hpp"

using namespace unknot;
namespace http = boost::beast::http;

namespace {

// The API token the seeds carry ("Authorization: Bearer fuzz-token-for-unknot").
struct World {
    std::unique_ptr<Store> store = open_sqlite_store(":memory:");
    std::unique_ptr<server::Api> api;
    World() {
        auto me = store->create_user(User{0, "fuzz@example.org", "Fuzz", Role::trainer, "h", 1});
        auto client = store->create_user(User{0, "client@example.org", "Client", Role::client, "h", 1});
        store->link(me, client, 1);
        store->put_token(Token{security::secret_hash("fuzz-token-for-unknot"), TokenKind::api, me, 1, 0, 0, false, "fuzz", ""});
        server::ApiOptions o;
        o.public_url = "http://unknot.test";
        api = std::make_unique<server::Api>(fuzz::catalog(), *store, o);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static World world;
    http::request_parser<http::string_body> parser;
    parser.body_limit(256 * 1024);
    parser.header_limit(16 * 1024);
    parser.eager(false);
    boost::beast::error_code ec;
    auto buffer = boost::asio::buffer(data, size);
    auto used = parser.put(buffer, ec);
    if (ec && ec != http::error::need_more) return 0;
    if (!parser.is_header_done()) return 0;
    if (server::framing_problem(server::framing_of(parser))) return 0;  // answered 400 and closed
    parser.eager(true);
    buffer += used;
    while (!ec && !parser.is_done() && buffer.size() > 0) {
        auto n = parser.put(buffer, ec);
        if (n == 0) break;
        buffer += n;
    }
    if (!parser.is_done()) {
        parser.put_eof(ec);
        if (ec || !parser.is_done()) return 0;  // the server answers 400 bad_request
    }
    auto req = parser.release();
    auto res = world.api->handle_sync(server::to_http_request(req, "127.0.0.1"));
    if (res.status >= 500 && res.status != 503) fuzz::broken("a 5xx answer", res.body);
    if (res.content_type.rfind("application/json", 0) == 0) {
        boost::system::error_code jec;
        (void)boost::json::parse(res.body, jec);
        if (jec) fuzz::broken("a JSON answer that is not JSON", res.body.substr(0, 200));
    }
    return 0;
}
