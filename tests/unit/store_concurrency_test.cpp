// The Store contract under threads: the server calls one store from many request threads with
// no lock of its own. Writes from many threads all land, each transaction is seen whole or not
// at all, one failing write does not sink the others committed with it, and a read never waits
// for a write in progress. Run on every backend, and under ThreadSanitizer (the tsan preset).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/store.hpp"
#include "support/store_backends.hpp"

namespace unknot {
namespace {

using namespace unknot::test;
using namespace std::chrono_literals;

class ConcurrencyContract : public StoreContract {};

constexpr int kThreads = 8;

TEST_P(ConcurrencyContract, WritesFromManyThreadsAllLand) {
    std::vector<std::thread> threads;
    std::vector<std::vector<std::int64_t>> ids(kThreads);
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 25; ++i) {
                auto s = begin(kT0 + t * 1000 + i, 19700);
                store().save_hold(s, make_hold(1, Side::left, 5, HoldOutcome::eased));
                store().add_event(s, 1, {"e" + std::to_string(i), Event{EventType::start, 0, std::nullopt}});
                ids[t].push_back(s);
            }
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(store().list_sessions(kLocalUser).size(), static_cast<std::size_t>(kThreads * 25));
    for (const auto& mine : ids)
        for (auto s : mine) {
            EXPECT_EQ(store().holds(s).size(), 1u) << "session " << s;
            EXPECT_EQ(store().event_count(s), 1) << "session " << s;
        }
}

TEST_P(ConcurrencyContract, ReadersSeeATransactionWholeOrNotAtAll) {
    std::atomic<bool> done{false};
    std::atomic<int> seen_partial{0}, reads{0};
    std::thread writer([&] {
        for (int i = 0; i < 40; ++i)
            store().transaction([&] {
                auto s = begin(kT0 + i, 19700);
                for (int h = 1; h <= 5; ++h) store().save_hold(s, make_hold(h, Side::right, 4, HoldOutcome::eased));
            });
        done = true;
    });
    std::vector<std::thread> readers;
    for (int r = 0; r < 3; ++r)
        readers.emplace_back([&] {
            while (!done) {
                for (const auto& s : store().list_sessions(kLocalUser))
                    if (s.holds != 5) ++seen_partial;
                ++reads;
            }
        });
    writer.join();
    for (auto& r : readers) r.join();
    EXPECT_EQ(seen_partial.load(), 0) << "a reader saw a session without all of its holds";
    EXPECT_GT(reads.load(), 0);
    EXPECT_EQ(store().list_sessions(kLocalUser).size(), 40u);
}

TEST_P(ConcurrencyContract, AFailingWriteLeavesTheOthersCommitted) {
    add_user("taken@example.org");
    std::atomic<int> conflicts{0};
    std::vector<std::thread> threads;
    std::vector<std::int64_t> sessions(kThreads);
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 20; ++i) {
                if (i % 2 == t % 2) {
                    try {
                        add_user("taken@example.org");
                    } catch (const ConflictError&) {
                        ++conflicts;
                    }
                } else {
                    store().transaction([&] {
                        if (!sessions[t]) sessions[t] = begin(kT0 + t, 19700);
                        store().save_hold(sessions[t], make_hold(1, Side::left, 3, HoldOutcome::eased));
                    });
                }
            }
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(conflicts.load(), kThreads * 10);
    EXPECT_EQ(store().count_users(), 1);
    for (auto s : sessions) EXPECT_EQ(store().holds(s).size(), 10u) << "session " << s;
}

TEST_P(ConcurrencyContract, AReadDoesNotWaitForAWriteInProgress) {
    auto s = begin(kT0, 19700);
    std::mutex mu;
    std::condition_variable cv;
    bool inside = false, reader_done = false;
    std::thread writer([&] {
        store().transaction([&] {
            store().save_hold(s, make_hold(1, Side::left, 3, HoldOutcome::eased));
            std::unique_lock lock(mu);
            inside = true;
            cv.notify_all();
            // Held open until the reader is through; a reader queued behind it would time out.
            cv.wait_for(lock, 10s, [&] { return reader_done; });
        });
    });
    bool finished_in_time = false;
    std::size_t holds_seen = 99;
    {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return inside; });
    }
    std::thread reader([&] {
        for (int i = 0; i < 50; ++i) holds_seen = store().holds(s).size();
        std::lock_guard lock(mu);
        reader_done = true;
        cv.notify_all();
    });
    {
        std::unique_lock lock(mu);
        finished_in_time = cv.wait_for(lock, 8s, [&] { return reader_done; });
    }
    reader.join();
    writer.join();
    EXPECT_TRUE(finished_in_time) << "reads waited for the open write transaction";
    EXPECT_EQ(holds_seen, 0u) << "a read saw a write that was not committed yet";
    EXPECT_EQ(store().holds(s).size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConcurrencyContract, ::testing::ValuesIn(store_backends()), backend_name);

}  // namespace
}  // namespace unknot
