// The API with requests from several threads at once and no store lock: sessions driven by
// event batches while others read the same sessions, history and progress. Every event lands
// exactly once, even when the same batch is sent twice at the same moment, and every answer is a
// success. Run under ThreadSanitizer by the tsan preset.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>

#include "support/api_world.hpp"
#include "support/store_backends.hpp"

namespace unknot {
namespace {

namespace bj = boost::json;
using test::ApiWorld;

std::string event_batch(const std::string& prefix, int from, int to) {
    bj::array events;
    for (int i = from; i < to; ++i)
        events.push_back(bj::object{{"id", prefix + std::to_string(i)}, {"t", i == 0 ? 0 : 1000 + i}, {"type", i == 0 ? "start" : "tick"}});
    return bj::serialize(bj::object{{"events", std::move(events)}});
}

TEST(ApiConcurrency, SessionsDrivenFromManyThreadsKeepEveryEventOnce) {
    test::TempPath db;
    ApiWorld world({}, db.str());
    const std::vector<std::string> people{"solo", "client_a", "client_b", "owner"};
    auto plan = world.send("solo", "POST", "/api/v1/plans", R"({"targets": ["calf"], "minutes": 10, "tools": ["foam_roller"]})");
    ASSERT_EQ(plan.status, 200) << plan.body;
    std::vector<std::int64_t> sessions(people.size());
    for (std::size_t p = 0; p < people.size(); ++p) {
        auto r = world.send(people[p], "POST", "/api/v1/sessions", R"({"plan": )" + plan.body + "}");
        ASSERT_EQ(r.status, 201) << r.body;
        sessions[p] = bj::parse(r.body).at("id").as_int64();
    }
    std::atomic<int> failures{0};
    auto expect = [&](const server::HttpResponse& r, const std::string& what) {
        if (r.status != 200) {
            ++failures;
            ADD_FAILURE() << what << ": " << r.status << " " << r.body;
        }
    };
    std::vector<std::thread> threads;
    for (std::size_t p = 0; p < people.size(); ++p) {
        auto target = "/api/v1/sessions/" + std::to_string(sessions[p]);
        // Two senders per session sending the same batches (a client retrying while its first
        // attempt is still in flight), and one reader.
        for (int copy = 0; copy < 2; ++copy)
            threads.emplace_back([&, p, target] {
                for (int b = 0; b < 10; ++b) expect(world.send(people[p], "POST", target + "/events", event_batch("e", b * 3, b * 3 + 3)), "events");
            });
        threads.emplace_back([&, p, target] {
            for (int i = 0; i < 10; ++i) {
                expect(world.send(people[p], "GET", target), "session");
                expect(world.send(people[p], "GET", "/api/v1/progress"), "progress");
                expect(world.send(people[p], "GET", "/api/v1/history"), "history");
            }
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(failures.load(), 0);
    for (std::size_t p = 0; p < people.size(); ++p) {
        EXPECT_EQ(world.store().event_count(sessions[p]), 30) << people[p];
        auto state = bj::parse(world.send(people[p], "GET", "/api/v1/sessions/" + std::to_string(sessions[p])).body);
        EXPECT_EQ(state.at("events").as_int64(), 30) << people[p];
    }
    EXPECT_EQ(world.store().integrity_check(), "ok");
}

}  // namespace
}  // namespace unknot
