// Trainer dashboard and client progress on a generated gym (bench/dataset.sh): p50/p99 of the
// requests as the server handles them (in-process, no socket), on SQLite or PostgreSQL, each
// with a ratio against a baseline measured in the same run: GET /api/v1/auth, the cheapest
// signed-in request (one token and one user lookup).
//   bench_dashboard --store FILE_OR_URL [--runs N]
// Goals: dashboard for 200 clients p99 < 50 ms; one client's progress (2 years) p99 < 20 ms.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "server/api.hpp"
#include "store/store.hpp"
#include "support/catalog_fixture.hpp"

using namespace unknot;

namespace {

struct Timing {
    double p50 = 0, p99 = 0;
};

template <class F>
Timing measure(int runs, F&& f) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        f(i);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))]; };
    return {at(0.5), at(0.99)};
}

}  // namespace

int main(int argc, char** argv) {
    std::string where;
    int runs = 100;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--store")) where = argv[i + 1];
        else if (!std::strcmp(argv[i], "--runs")) runs = std::stoi(argv[i + 1]);
    }
    if (where.empty()) {
        std::fprintf(stderr, "usage: bench_dashboard --store FILE_OR_URL [--runs N]\n");
        return 2;
    }
    auto store = open_store(where);
    auto trainer = store->user_by_email("trainer@bench.example");
    if (!trainer) {
        std::fprintf(stderr, "bench_dashboard: no generated data in %s (run bench/dataset.sh first)\n", where.c_str());
        return 2;
    }
    auto clients = store->clients_of(trainer->id);
    server::Api api(test::catalog(), *store);
    auto login = api.gate().start_session(trainer->id, false);
    auto cookie = login.set_cookie.substr(0, login.set_cookie.find(';'));
    auto get = [&](const std::string& target) {
        server::HttpRequest r;
        r.method = "GET";
        r.target = target;
        r.headers = {{"cookie", cookie}};
        auto res = api.handle_sync(r);
        if (res.status != 200) {
            std::fprintf(stderr, "bench_dashboard: %s -> %d %s\n", target.c_str(), res.status, res.body.substr(0, 200).c_str());
            std::exit(1);
        }
        return res.body.size();
    };
    get("/api/v1/dashboard");  // warm caches once, as a running server would be
    std::mt19937 rng(7);
    std::vector<std::string> progress_targets;
    for (int i = 0; i < runs; ++i) progress_targets.push_back("/api/v1/progress?client=" + std::to_string(clients[rng() % clients.size()].client));
    std::size_t sessions = store->list_sessions(clients.front().client).size();

    auto base = measure(runs, [&](int) { get("/api/v1/auth"); });
    auto dash = measure(runs, [&](int) { get("/api/v1/dashboard"); });
    auto prog = measure(runs, [&](int i) { get(progress_targets[static_cast<std::size_t>(i)]); });
    std::printf("store: %s (%zu clients coached, %zu sessions for the first)\n", where.rfind("postgres", 0) == 0 ? "postgresql" : "sqlite", clients.size(),
                sessions);
    std::printf("GET /api/v1/auth (baseline)        p50 %7.2f ms  p99 %7.2f ms\n", base.p50, base.p99);
    std::printf("GET /api/v1/dashboard              p50 %7.2f ms  p99 %7.2f ms  %5.0fx baseline  (goal p99 < 50 ms)\n", dash.p50, dash.p99,
                dash.p99 / std::max(base.p99, 1e-3));
    std::printf("GET /api/v1/progress?client=       p50 %7.2f ms  p99 %7.2f ms  %5.0fx baseline  (goal p99 < 20 ms)\n", prog.p50, prog.p99,
                prog.p99 / std::max(base.p99, 1e-3));
    bool met = dash.p99 < 50 && prog.p99 < 20;
    std::printf("dashboard goals: %s\n", met ? "met" : "MISSED");
    return met ? 0 : 3;
}
