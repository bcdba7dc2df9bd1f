// The Store contract for clearances (a professional's go-ahead after a refer), on every backend:
// kept as given and apart from the screening, listed per user in the order asked, removed with
// the account, and adopted by the first account with the rest of the local data.
#include <gtest/gtest.h>

#include "store/store.hpp"
#include "support/store_backends.hpp"

namespace unknot {
namespace {

using namespace unknot::test;

class ClearanceContract : public StoreContract {};

TEST_P(ClearanceContract, KeptAsGivenAndApartFromTheScreening) {
    auto a = add_user("a@example.com");
    auto trainer = add_user("t@example.com", Role::trainer);
    store().save_screening(StoredScreening{0, a, a, kT0, 19700, "{\"answers\":{\"osteoporosis\":true}}", "refer"});
    StoredClearance c{0, a, trainer, kT0 + 5, "osteoporosis", 19699, "Dr Rees: gentle rolling, no spine. \"ok\" — d'accord"};
    auto id = store().save_clearance(c);
    EXPECT_GT(id, 0);
    reopen();
    auto got = store().clearances({a});
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].id, id);
    EXPECT_EQ(got[0].user, a);
    EXPECT_EQ(got[0].by, trainer);
    EXPECT_EQ(got[0].created_unix_ms, kT0 + 5);
    EXPECT_EQ(got[0].condition, "osteoporosis");
    EXPECT_EQ(got[0].day, 19699);
    EXPECT_EQ(got[0].note, c.note);
    // The screening is untouched: the answer stays the answer.
    ASSERT_EQ(store().screenings(a).size(), 1u);
    EXPECT_EQ(store().screenings(a)[0].answers_json, "{\"answers\":{\"osteoporosis\":true}}");
    EXPECT_EQ(store().screenings(a)[0].result, "refer");
}

TEST_P(ClearanceContract, ListedByUserInTheOrderAskedThenOldestFirst) {
    auto a = add_user("a@example.com");
    auto b = add_user("b@example.com");
    auto c = add_user("c@example.com");
    store().save_clearance(StoredClearance{0, a, a, kT0 + 2, "cancer", 19710, ""});
    store().save_clearance(StoredClearance{0, b, b, kT0 + 1, "fracture", 19705, ""});
    store().save_clearance(StoredClearance{0, a, a, kT0 + 3, "osteoporosis", 19700, ""});
    auto both = store().clearances({b, a, c});
    ASSERT_EQ(both.size(), 3u);
    EXPECT_EQ(both[0].user, b);
    EXPECT_EQ(both[1].condition, "osteoporosis");  // a's, the earlier day first
    EXPECT_EQ(both[2].condition, "cancer");
    EXPECT_TRUE(store().clearances({c}).empty());
    EXPECT_TRUE(store().clearances({}).empty());
}

TEST_P(ClearanceContract, GoWithTheAccountAndNothingElse) {
    auto gone = add_user("gone@example.com");
    auto kept = add_user("kept@example.com");
    store().save_clearance(StoredClearance{0, gone, gone, kT0, "cancer", 19700, "x"});
    store().save_clearance(StoredClearance{0, kept, kept, kT0, "cancer", 19700, "y"});
    store().delete_user(gone);
    EXPECT_TRUE(store().clearances({gone}).empty());
    ASSERT_EQ(store().clearances({kept}).size(), 1u);
    EXPECT_EQ(store().clearances({kept})[0].note, "y");
}

TEST_P(ClearanceContract, TheFirstAccountAdoptsLocalClearances) {
    store().save_clearance(StoredClearance{0, kLocalUser, kLocalUser, kT0, "fracture", 19700, ""});
    auto first = add_user("first@example.com");
    store().adopt_local_data(first);
    auto got = store().clearances({first});
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].by, first);
    EXPECT_TRUE(store().clearances({kLocalUser}).empty());
}

TEST_P(ClearanceContract, ARolledBackTransactionKeepsNone) {
    auto a = add_user("a@example.com");
    EXPECT_THROW(store().transaction([&] {
        store().save_clearance(StoredClearance{0, a, a, kT0, "fracture", 19700, ""});
        throw std::runtime_error("stop");
    }),
                 std::runtime_error);
    EXPECT_TRUE(store().clearances({a}).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, ClearanceContract, ::testing::ValuesIn(store_backends()), backend_name);

}  // namespace
}  // namespace unknot
