// The Store contract for keeping users' data apart: one user's records never in another's
// lists, deleting an account removes all of theirs and nothing of anyone else's, the first
// account adopting local data, and the per-user dashboard sums. Run on every backend
// (support/store_backends.hpp).
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>

#include "store/store.hpp"
#include "support/store_backends.hpp"

namespace unknot {
namespace {

using namespace unknot::test;

class TenancyContract : public StoreContract {};

TEST_P(TenancyContract, OneUsersDataNeverAppearsInAnothersLists) {
    auto a = add_user("a@example.com");
    auto b = add_user("b@example.com");
    auto sa = rolled(a, kT0, 19700);
    auto sb = rolled(b, kT0 + 1, 19700);
    store().save_assessment(StoredAssessment{0, kT0, 19700, "{\"of\":\"a\"}", a, a});
    store().save_screening(StoredScreening{0, b, b, kT0, 19700, "{}", "clear"});

    auto la = store().list_sessions(a);
    ASSERT_EQ(la.size(), 1u);
    EXPECT_EQ(la[0].id, sa);
    EXPECT_EQ(la[0].user, a);
    auto sum_b = store().session_summaries(b);
    ASSERT_EQ(sum_b.size(), 1u);
    EXPECT_EQ(sum_b[0].id, sb);
    EXPECT_TRUE(store().list_sessions(kLocalUser).empty());
    EXPECT_EQ(store().assessments(a).size(), 1u);
    EXPECT_TRUE(store().assessments(b).empty());
    EXPECT_TRUE(store().screenings(a).empty());
    EXPECT_EQ(store().screenings(b).size(), 1u);
}

TEST_P(TenancyContract, DeleteUserRemovesEverythingOfTheirsAndNothingElse) {
    auto gone = add_user("gone@example.com", Role::client);
    auto kept = add_user("kept@example.com", Role::client);
    auto trainer = add_user("trainer@example.com", Role::trainer);
    for (UserId u : {gone, kept}) {
        auto s = rolled(u, kT0 + u, 19700);
        StoredEvent e{"e1", {}};
        e.event.type = EventType::start;
        store().add_event(s, 1, e);
        store().save_assessment(StoredAssessment{0, kT0, 19700, "{}", u, trainer});
        store().save_screening(StoredScreening{0, u, u, kT0, 19700, "{}", "clear"});
        store().assign(Assignment{0, trainer, u, kT0, "{}", ""});
        store().put_token(make_token("session-" + std::to_string(u), TokenKind::session, u, kT0));
        store().link(trainer, u, kT0);
        store().audit(AuditEntry{0, kT0, trainer, u, "read", "GET /api/v1/history"});
    }
    store().audit(AuditEntry{0, kT0, gone, kept, "read", "GET /api/v1/history"});  // about kept
    auto gone_session = store().list_sessions(gone).at(0).id;

    store().delete_user(gone);

    EXPECT_FALSE(store().user(gone).has_value());
    EXPECT_TRUE(store().list_sessions(gone).empty());
    EXPECT_FALSE(store().session(gone_session).has_value());
    EXPECT_TRUE(store().holds(gone_session).empty());
    EXPECT_TRUE(store().visits(gone_session).empty());
    EXPECT_TRUE(store().events(gone_session).empty());
    EXPECT_TRUE(store().assessments(gone).empty());
    EXPECT_TRUE(store().screenings(gone).empty());
    EXPECT_TRUE(store().assignments(gone).empty());
    EXPECT_FALSE(store().token("session-" + std::to_string(gone)).has_value());
    EXPECT_FALSE(store().trainer_of(gone).has_value());
    EXPECT_TRUE(store().audit_log(gone, 100).empty());

    ASSERT_TRUE(store().user(kept).has_value());
    auto kept_sessions = store().list_sessions(kept);
    ASSERT_EQ(kept_sessions.size(), 1u);
    EXPECT_EQ(store().holds(kept_sessions[0].id).size(), 1u);
    EXPECT_EQ(store().events(kept_sessions[0].id).size(), 1u);
    EXPECT_EQ(store().assessments(kept).size(), 1u);
    EXPECT_EQ(store().screenings(kept).size(), 1u);
    EXPECT_EQ(store().assignments(kept).size(), 1u);
    EXPECT_TRUE(store().token("session-" + std::to_string(kept)).has_value());
    EXPECT_EQ(store().trainer_of(kept)->trainer, trainer);
    EXPECT_EQ(store().audit_log(kept, 100).size(), 2u);
    EXPECT_EQ(store().clients_of(trainer).size(), 1u);
    EXPECT_EQ(store().count_users(), 2);
}

TEST_P(TenancyContract, DeletingATrainerEndsTheirLinks) {
    auto trainer = add_user("trainer@example.com", Role::trainer);
    auto client = add_user("client@example.com", Role::client);
    store().link(trainer, client, kT0);
    store().delete_user(trainer);
    EXPECT_FALSE(store().trainer_of(client).has_value());
    EXPECT_NO_THROW(store().link(add_user("next@example.com", Role::trainer), client, kT0 + 1));
}

TEST_P(TenancyContract, FirstAccountAdoptsLocalData) {
    auto local = rolled(kLocalUser, kT0, 19700);
    store().save_assessment(StoredAssessment{0, kT0, 19700, "{}", kLocalUser, kLocalUser});
    store().save_screening(StoredScreening{0, kLocalUser, kLocalUser, kT0, 19700, "{}", "clear"});
    auto other = add_user("other@example.com");
    auto others = rolled(other, kT0 + 1, 19700);
    auto owner = add_user("owner@example.com");

    store().adopt_local_data(owner);

    EXPECT_TRUE(store().list_sessions(kLocalUser).empty());
    auto mine = store().list_sessions(owner);
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_EQ(mine[0].id, local);
    EXPECT_EQ(store().session(local)->user, owner);
    ASSERT_EQ(store().assessments(owner).size(), 1u);
    EXPECT_EQ(store().assessments(owner)[0].by, owner);
    ASSERT_EQ(store().screenings(owner).size(), 1u);
    EXPECT_EQ(store().screenings(owner)[0].by, owner);
    EXPECT_TRUE(store().assessments(kLocalUser).empty());
    ASSERT_EQ(store().list_sessions(other).size(), 1u);
    EXPECT_EQ(store().list_sessions(other)[0].id, others);
}

TEST_P(TenancyContract, ActivitySumsPerUserAndDay) {
    auto a = add_user("a@example.com");
    auto b = add_user("b@example.com");
    auto quiet = add_user("quiet@example.com");
    rolled(a, kT0, 19699);  // before from_day
    rolled(a, kT0 + 1'000, 19700);
    auto second = rolled(a, kT0 + 2'000, 19700);
    auto h = make_hold(2, Side::right, 1, HoldOutcome::eased);
    h.tenderness_start = 4;
    store().save_hold(second, h);
    begin(kT0 + 3'000, 19700, "{}", a);  // no holds at all
    rolled(b, kT0 + 86'400'000, 19701);

    auto act = store().activity({a, b, quiet}, 19700);
    std::map<std::pair<UserId, int>, DayActivity> by;
    for (const auto& d : act) by[{d.user, d.day}] = d;
    ASSERT_EQ(by.size(), 2u) << "a on 19700, b on 19701; nothing for quiet, nothing before 19700";
    const auto& a0 = by[{a, 19700}];
    EXPECT_EQ(a0.sessions, 3);
    EXPECT_EQ(a0.holds, 3);
    EXPECT_EQ(a0.tenderness_sum, 6 + 6 + 4);
    EXPECT_EQ(a0.last_started_unix_ms, kT0 + 3'000);
    const auto& b1 = by[{b, 19701}];
    EXPECT_EQ(b1.sessions, 1);
    EXPECT_EQ(b1.holds, 1);
    EXPECT_EQ(b1.tenderness_sum, 6);
    EXPECT_TRUE(store().activity({}, 0).empty());
    EXPECT_EQ(store().activity({a}, 0).size(), 2u);

    auto last = store().last_sessions({a, b, quiet});
    std::map<UserId, std::int64_t> when(last.begin(), last.end());
    ASSERT_EQ(when.size(), 3u) << "an entry for each user asked about";
    EXPECT_EQ(when[a], kT0 + 3'000);
    EXPECT_EQ(when[b], kT0 + 86'400'000);
    EXPECT_EQ(when[quiet], 0);
}

TEST_P(TenancyContract, DeleteUserIsAllOrNothingInsideATransaction) {
    auto a = add_user("a@example.com");
    rolled(a, kT0, 19700);
    struct Boom {};
    EXPECT_THROW(store().transaction([&] {
        store().delete_user(a);
        throw Boom{};
    }),
                 Boom);
    EXPECT_TRUE(store().user(a).has_value());
    EXPECT_EQ(store().list_sessions(a).size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, TenancyContract, ::testing::ValuesIn(store_backends()), backend_name);

}  // namespace
}  // namespace unknot
