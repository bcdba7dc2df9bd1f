// The only translation unit that includes Beast and Asio (they dominate compile time).
// Async accept/read/write on a small thread pool; every connection on its own strand.
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fmt/core.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <list>
#include <mutex>
#include <thread>

#include "server/access_log.hpp"
#include "server/beast_request.hpp"
#include "server/framing.hpp"
#include "server/http.hpp"

namespace unknot::server {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

constexpr auto read_timeout = std::chrono::seconds(30);

// Structured access log: one JSON object per line. Route patterns, never bodies or query
// strings, so no health data or secrets reach the log.
void access_log(AccessLog& log, const std::string& method, const std::string& route, int status, double ms, std::size_t bytes) {
    auto now = std::chrono::system_clock::now();
    auto unix_ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    auto line = fmt::format("{{\"ts_ms\":{},\"method\":\"{}\",\"route\":\"{}\",\"status\":{},\"ms\":{:.3f},\"bytes\":{}}}\n", unix_ms,
                            method, route, status, ms, bytes);
    log.write(line);
}

std::string json_error(const std::string& code, const std::string& message) {
    return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"field\":null}}";
}

class Connection;

struct Shared {
    ServerOptions options;
    Handler handler;
    std::atomic<bool> stopping{false};
    std::mutex mu;
    std::list<std::weak_ptr<Connection>> connections;
    std::unique_ptr<AccessLog> log;
};

class Connection : public std::enable_shared_from_this<Connection> {
public:
    Connection(tcp::socket&& socket, Shared& shared) : stream_(std::move(socket)), shared_(shared) {}

    void start() {
        net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Connection::read, shared_from_this()));
    }

    // On shutdown: an idle connection closes now; a busy one closes after its response.
    void close_if_idle() {
        net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
            if (!self->busy_) {
                beast::error_code ec;
                self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
                self->stream_.socket().close(ec);
            }
        });
    }

private:
    void read() {
        if (shared_.stopping) return close();
        parser_.emplace();
        parser_->body_limit(shared_.options.body_limit);
        parser_->header_limit(16 * 1024);
        stream_.expires_after(read_timeout);
        // The header first: how the body is framed is decided before a byte of it is read.
        http::async_read_header(stream_, buffer_, *parser_, beast::bind_front_handler(&Connection::on_header, shared_from_this()));
    }

    void on_header(beast::error_code ec, std::size_t n) {
        if (ec) return on_read(ec, n);
        const auto& h = parser_->get();
        auto f = framing_of(*parser_);
        if (auto problem = framing_problem(f)) {
            busy_ = true;
            started_ = std::chrono::steady_clock::now();
            return reply_error(400, "bad_framing", *problem, std::string(h.method_string()));
        }
        http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Connection::on_read, shared_from_this()));
    }

    void on_read(beast::error_code ec, std::size_t) {
        if (ec == http::error::end_of_stream || ec == net::error::operation_aborted || ec == beast::error::timeout ||
            ec == net::error::connection_reset || ec == net::error::bad_descriptor || ec == net::error::eof)
            return close();
        busy_ = true;
        started_ = std::chrono::steady_clock::now();
        if (ec == http::error::body_limit)
            return reply_error(413, "body_too_large",
                               "the request body is larger than " + std::to_string(shared_.options.body_limit / 1024) + " KiB", "POST");
        if (ec) return reply_error(400, "bad_request", "malformed HTTP request: " + ec.message(), "?");
        auto req = parser_->release();
        beast::error_code peer_ec;
        auto peer = stream_.socket().remote_endpoint(peer_ec);
        auto r = to_http_request(req, peer_ec ? std::string() : peer.address().to_string());
        auto method = r.method;
        auto path = r.path();
        bool keep_alive = req.keep_alive();
        auto self = shared_from_this();
        auto done = [self, method, keep_alive](HttpResponse out) {
            net::post(self->stream_.get_executor(), [self, method, keep_alive, out = std::move(out)]() mutable {
                self->respond(std::move(out), method, keep_alive);
            });
        };
        try {
            shared_.handler(std::move(r), std::move(done));
        } catch (const std::exception& e) {
            fmt::print(stderr, "{{\"level\":\"error\",\"what\":\"handler failed\",\"route\":\"{}\"}}\n", path);
            respond(HttpResponse{500, "application/json", json_error("internal", "unexpected server error"), {}, "?"}, method, false);
        }
    }

    void reply_error(int status, const std::string& code, const std::string& message, const std::string& method) {
        respond(HttpResponse{status, "application/json", json_error(code, message), {}, "(unparsed)"}, method, false);
    }

    void respond(HttpResponse out, const std::string& method, bool keep_alive) {
        auto res = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(out.status), 11);
        res->set(http::field::server, "unknot");
        res->set(http::field::content_type, out.content_type);
        res->set("X-Content-Type-Options", "nosniff");
        res->set("Referrer-Policy", "no-referrer");
        for (const auto& [k, v] : out.headers) res->insert(k, v);  // insert: Set-Cookie may repeat
        res->keep_alive(keep_alive && !shared_.stopping);
        if (method != "HEAD") res->body() = std::move(out.body);
        res->prepare_payload();
        auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_).count();
        access_log(*shared_.log, method, out.route, out.status, ms, res->body().size());
        response_ = res;
        http::async_write(stream_, *res, beast::bind_front_handler(&Connection::on_write, shared_from_this(), res->keep_alive()));
    }

    void on_write(bool keep_alive, beast::error_code ec, std::size_t) {
        busy_ = false;
        response_.reset();
        if (ec || !keep_alive) return close();
        read();
    }

    void close() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream_.socket().close(ec);
    }

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    Shared& shared_;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::shared_ptr<void> response_;
    std::chrono::steady_clock::time_point started_;
    bool busy_ = false;
};

class Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(net::io_context& ioc, tcp::endpoint ep, Shared& shared) : ioc_(ioc), acceptor_(net::make_strand(ioc)), shared_(shared) {
        acceptor_.open(ep.protocol());
        acceptor_.set_option(net::socket_base::reuse_address(true));
        acceptor_.bind(ep);
        acceptor_.listen(net::socket_base::max_listen_connections);
    }
    unsigned short port() const { return acceptor_.local_endpoint().port(); }
    void start() { accept(); }
    void stop() {
        net::dispatch(acceptor_.get_executor(), [self = shared_from_this()] {
            beast::error_code ec;
            self->acceptor_.close(ec);
        });
    }

private:
    void accept() { acceptor_.async_accept(net::make_strand(ioc_), beast::bind_front_handler(&Listener::on_accept, shared_from_this())); }
    void on_accept(beast::error_code ec, tcp::socket socket) {
        if (ec == net::error::operation_aborted || shared_.stopping) return;
        if (!ec) {
            auto c = std::make_shared<Connection>(std::move(socket), shared_);
            {
                std::lock_guard lock(shared_.mu);
                shared_.connections.remove_if([](const std::weak_ptr<Connection>& w) { return w.expired(); });
                shared_.connections.push_back(c);
            }
            c->start();
        }
        accept();
    }
    net::io_context& ioc_;
    tcp::acceptor acceptor_;
    Shared& shared_;
};

}  // namespace

void serve(const ServerOptions& options, Handler handler, const std::function<void(unsigned short)>& on_ready) {
    net::io_context ioc{options.threads};
    Shared shared{options, std::move(handler), {}, {}, {},
                  options.access_log.empty() ? std::make_unique<AccessLog>() : std::make_unique<AccessLog>(options.access_log, options.access_log_max_bytes)};
    beast::error_code ec;
    auto address = net::ip::make_address(options.bind, ec);
    if (ec) throw std::invalid_argument("--bind: `" + options.bind + "` is not an IP address");
    std::shared_ptr<Listener> listener;
    try {
        listener = std::make_shared<Listener>(ioc, tcp::endpoint{address, options.port}, shared);
    } catch (const boost::system::system_error& e) {
        throw std::invalid_argument(options.bind + ":" + std::to_string(options.port) + ": cannot listen (" + e.code().message() + ")");
    }
    listener->start();
    net::signal_set signals(ioc, SIGINT, SIGTERM);
    net::steady_timer deadline(ioc);
    signals.async_wait([&](beast::error_code, int) {
        // Graceful: no new connections, idle ones closed, busy ones finish their response.
        shared.stopping = true;
        listener->stop();
        std::lock_guard lock(shared.mu);
        for (auto& w : shared.connections)
            if (auto c = w.lock()) c->close_if_idle();
        deadline.expires_after(std::chrono::seconds(10));
        deadline.async_wait([&](beast::error_code e) {
            if (!e) ioc.stop();
        });
    });
    on_ready(listener->port());
    std::vector<std::thread> pool;
    for (int i = 1; i < options.threads; ++i) pool.emplace_back([&] { ioc.run(); });
    // The deadline timer and signal set keep run() alive only until everything else is done.
    std::thread watcher([&] {
        while (!shared.stopping) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        for (;;) {
            bool any = false;
            {
                std::lock_guard lock(shared.mu);
                for (auto& w : shared.connections) any = any || !w.expired();
            }
            if (!any) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        ioc.stop();
    });
    ioc.run();
    for (auto& t : pool) t.join();
    watcher.join();
}

}  // namespace unknot::server
