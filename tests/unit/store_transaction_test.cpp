// The Store contract for transaction(): all or nothing, nested calls joining the outer one, and
// a conflict the caller catches leaving the rest to commit (the API's group commit relies on
// each). Run on every backend (support/store_backends.hpp).
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <string>

#include "store/store.hpp"
#include "support/store_backends.hpp"

namespace unknot {
namespace {

using namespace unknot::test;

class TransactionContract : public StoreContract {};

TEST_P(TransactionContract, TransactionCommitsAllOfIt) {
    std::int64_t s = 0;
    store().transaction([&] {
        s = begin(kT0, 19700);
        for (int i = 1; i <= 50; ++i) store().save_hold(s, make_hold(i, Side::left, 3, HoldOutcome::eased));
        // Inside the transaction its own writes are visible.
        EXPECT_EQ(store().holds(s).size(), 50u);
    });
    auto second = backend_->open();
    EXPECT_EQ(second->holds(s).size(), 50u);
}

TEST_P(TransactionContract, TransactionThatThrowsSavesNothing) {
    auto before = begin(kT0, 19700);
    struct Boom {};
    EXPECT_THROW(store().transaction([&] {
        auto s = begin(kT0 + 1, 19700);
        store().save_hold(s, make_hold(1, Side::left, 3, HoldOutcome::eased));
        store().save_hold(before, make_hold(2, Side::left, 3, HoldOutcome::eased));
        throw Boom{};
    }),
                 Boom);
    EXPECT_EQ(store().list_sessions(kLocalUser).size(), 1u);
    EXPECT_TRUE(store().holds(before).empty());
    // And the store carries on.
    store().save_hold(before, make_hold(3, Side::left, 3, HoldOutcome::eased));
    EXPECT_EQ(store().holds(before).size(), 1u);
}

TEST_P(TransactionContract, NestedTransactionsJoinTheOuterOne) {
    struct Boom {};
    std::int64_t s = 0;
    EXPECT_THROW(store().transaction([&] {
        store().transaction([&] { s = begin(kT0, 19700); });  // commits nothing on its own
        store().delete_user(kLocalUser);                      // runs its own transaction(): joins too
        s = begin(kT0 + 1, 19700);
        throw Boom{};
    }),
                 Boom);
    EXPECT_TRUE(store().list_sessions(kLocalUser).empty());
    store().transaction([&] {
        store().transaction([&] { s = begin(kT0 + 2, 19700); });
        store().save_hold(s, make_hold(1, Side::left, 3, HoldOutcome::eased));
    });
    EXPECT_EQ(store().list_sessions(kLocalUser).size(), 1u);
    EXPECT_EQ(store().holds(s).size(), 1u);
}

TEST_P(TransactionContract, ConflictInsideATransactionLeavesTheRestToCommit) {
    // The API's group commit catches a conflict of one request and commits the others.
    auto c1 = store().create_user(User{0, "c1@example.com", "C1", Role::client, "h", kT0});
    std::int64_t s = 0;
    store().transaction([&] {
        s = begin(kT0, 19700);
        EXPECT_THROW(store().create_user(User{0, "c1@example.com", "Again", Role::client, "h", kT0}), ConflictError);
        store().link(7, c1, kT0);
        EXPECT_THROW(store().link(8, c1, kT0), ConflictError);
        store().save_hold(s, make_hold(1, Side::left, 3, HoldOutcome::eased));
    });
    EXPECT_EQ(store().holds(s).size(), 1u);
    ASSERT_TRUE(store().trainer_of(c1).has_value());
    EXPECT_EQ(store().trainer_of(c1)->trainer, 7);
}

TEST_P(TransactionContract, ManyHoldsInOneTransactionAreQuick) {
    auto s = begin(kT0, 19700);
    auto t0 = std::chrono::steady_clock::now();
    store().transaction([&] {
        for (int i = 0; i < 1000; ++i) store().save_hold(s, make_hold(i % 9 + 1, Side::left, 3, HoldOutcome::eased));
    });
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    RecordProperty("save_hold_x1000_ms", static_cast<int>(ms));
    std::cout << "[ timing   ] " << GetParam().name << ": 1000 save_hold in one transaction: " << ms << " ms\n";
    EXPECT_EQ(store().holds(s).size(), 1000u);
    EXPECT_LT(ms, 20'000);  // only catches a pathological slowdown (sanitizers, busy CI)
}

INSTANTIATE_TEST_SUITE_P(Backends, TransactionContract, ::testing::ValuesIn(store_backends()), backend_name);

}  // namespace
}  // namespace unknot
