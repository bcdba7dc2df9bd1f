// The Store contract for accounts and what hangs on them: tokens (single use, expiry,
// revocation), trainer links, assignments, screenings, assessments and the audit log. Run on
// every backend (support/store_backends.hpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "store/store.hpp"
#include "support/store_backends.hpp"

namespace unknot {
namespace {

using namespace unknot::test;

class AccountsContract : public StoreContract {};

TEST_P(AccountsContract, UsersRoundTripAndEmailsAreUnique) {
    EXPECT_EQ(store().count_users(), 0);
    EXPECT_TRUE(store().users().empty());
    auto a = add_user("ann@example.com", Role::trainer);
    auto b = add_user("bob@example.com", Role::client);
    EXPECT_GT(a, 0);
    EXPECT_NE(a, b);
    EXPECT_EQ(store().count_users(), 2);
    EXPECT_THROW(add_user("ann@example.com"), ConflictError);
    EXPECT_EQ(store().count_users(), 2);

    auto ann = store().user(a);
    ASSERT_TRUE(ann.has_value());
    EXPECT_EQ(ann->id, a);
    EXPECT_EQ(ann->email, "ann@example.com");
    EXPECT_EQ(ann->name, "Name of ann@example.com");
    EXPECT_EQ(ann->role, Role::trainer);
    EXPECT_EQ(ann->password_hash, make_user("x").password_hash);
    EXPECT_EQ(ann->created_unix_ms, kT0);
    EXPECT_EQ(store().user_by_email("bob@example.com")->id, b);
    EXPECT_FALSE(store().user_by_email("carl@example.com").has_value());
    EXPECT_FALSE(store().user(b + 1000).has_value());

    auto all = store().users();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].id, std::min(a, b));
    auto some = store().users_by_id({b, b + 1000, a});
    ASSERT_EQ(some.size(), 2u);
    EXPECT_LT(some[0].id, some[1].id);
    EXPECT_TRUE(store().users_by_id({}).empty());
}

TEST_P(AccountsContract, AttemptsCountPerKeyStartOverWhenStaleAndClear) {
    EXPECT_EQ(store().attempts("k").count, 0);
    EXPECT_EQ(store().add_attempt("k", kT0, kT0 - 1000).count, 1);
    EXPECT_EQ(store().add_attempt("k", kT0 + 10, kT0 - 1000).count, 2);
    EXPECT_EQ(store().add_attempt("other", kT0 + 20, kT0 - 1000).count, 1);
    auto k = store().attempts("k");
    EXPECT_EQ(k.count, 2);
    EXPECT_EQ(k.last_unix_ms, kT0 + 10);
    // The last one is older than stale_before: the count starts again.
    EXPECT_EQ(store().add_attempt("k", kT0 + 5000, kT0 + 11).count, 1);
    store().clear_attempts("k");
    EXPECT_EQ(store().attempts("k").count, 0);
    EXPECT_EQ(store().attempts("other").count, 1);
    // Counts far older than any throttle window are pruned as new ones come in.
    store().add_attempt("late", kT0 + kAttemptsKeptMs + 100, kT0);
    EXPECT_EQ(store().attempts("other").count, 0);
    EXPECT_EQ(store().attempts("late").count, 1);
}

TEST_P(AccountsContract, UnknownRoleIsRejected) {
    EXPECT_FALSE(store_error_of([&] { add_user("x@example.com", static_cast<Role>(99)); }).empty());
    EXPECT_EQ(store().count_users(), 0);
}

TEST_P(AccountsContract, UpdateUserWritesNameRoleAndPasswordButNotEmail) {
    auto a = add_user("ann@example.com");
    auto u = *store().user(a);
    u.name = "Ann B.";
    u.role = Role::trainer;
    u.password_hash = "$argon2id$new";
    u.email = "changed@example.com";
    store().update_user(u);
    auto got = *store().user(a);
    EXPECT_EQ(got.name, "Ann B.");
    EXPECT_EQ(got.role, Role::trainer);
    EXPECT_EQ(got.password_hash, "$argon2id$new");
    EXPECT_EQ(got.email, "ann@example.com");
}

TEST_P(AccountsContract, TokensRoundTripNewestFirstWithoutRevoked) {
    auto a = add_user("ann@example.com");
    auto b = add_user("bob@example.com");
    store().put_token(make_token("h1", TokenKind::session, a, kT0));
    store().put_token(make_token("h2", TokenKind::session, a, kT0 + 10, kT0 + 1'000));
    store().put_token(make_token("h3", TokenKind::api, a, kT0 + 20));
    store().put_token(make_token("h4", TokenKind::session, b, kT0 + 30));

    auto t = store().token("h2");
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(t->hash, "h2");
    EXPECT_EQ(t->kind, TokenKind::session);
    EXPECT_EQ(t->user, a);
    EXPECT_EQ(t->created_unix_ms, kT0 + 10);
    EXPECT_EQ(t->expires_unix_ms, kT0 + 1'000);
    EXPECT_EQ(t->used_unix_ms, 0);
    EXPECT_FALSE(t->revoked);
    EXPECT_EQ(t->label, "label h2");
    EXPECT_EQ(t->csrf, "csrf-h2");
    EXPECT_FALSE(store().token("nope").has_value());

    auto sessions = store().tokens(a, TokenKind::session);
    ASSERT_EQ(sessions.size(), 2u);
    EXPECT_EQ(sessions[0].hash, "h2");
    EXPECT_EQ(sessions[1].hash, "h1");
    EXPECT_EQ(store().tokens(a, TokenKind::api).size(), 1u);
    EXPECT_TRUE(store().tokens(a, TokenKind::invite).empty());

    store().revoke_token("h1");
    EXPECT_TRUE(store().token("h1")->revoked);
    ASSERT_EQ(store().tokens(a, TokenKind::session).size(), 1u);
    store().revoke_tokens(a, TokenKind::session);
    EXPECT_TRUE(store().tokens(a, TokenKind::session).empty());
    EXPECT_EQ(store().tokens(a, TokenKind::api).size(), 1u) << "only that kind";
    EXPECT_EQ(store().tokens(b, TokenKind::session).size(), 1u) << "only that user";
}

TEST_P(AccountsContract, UnknownTokenKindIsRejected) {
    EXPECT_FALSE(store_error_of([&] { store().put_token(make_token("h1", static_cast<TokenKind>(99), 1, kT0)); }).empty());
    EXPECT_FALSE(store().token("h1").has_value());
}

TEST_P(AccountsContract, ConsumeTokenOnlyOnce) {
    store().put_token(make_token("invite", TokenKind::invite, 1, kT0, kT0 + 1'000));
    EXPECT_TRUE(store().consume_token("invite", kT0 + 10));
    EXPECT_EQ(store().token("invite")->used_unix_ms, kT0 + 10);
    EXPECT_FALSE(store().consume_token("invite", kT0 + 20));
    EXPECT_EQ(store().token("invite")->used_unix_ms, kT0 + 10) << "the second use changes nothing";
    EXPECT_FALSE(store().consume_token("no such token", kT0));
}

TEST_P(AccountsContract, ConsumeTokenRefusesExpiredAndRevoked) {
    store().put_token(make_token("expiring", TokenKind::reset, 1, kT0, kT0 + 1'000));
    store().put_token(make_token("revoked", TokenKind::reset, 1, kT0, kT0 + 1'000));
    store().put_token(make_token("forever", TokenKind::invite, 1, kT0, 0));
    store().revoke_token("revoked");
    EXPECT_FALSE(store().consume_token("expiring", kT0 + 1'000)) << "expiry is exclusive";
    EXPECT_FALSE(store().consume_token("revoked", kT0 + 10));
    EXPECT_EQ(store().token("revoked")->used_unix_ms, 0);
    EXPECT_TRUE(store().consume_token("expiring", kT0 + 999)) << "refusing later did not use it";
    EXPECT_TRUE(store().consume_token("forever", kT0 + 10'000'000'000LL)) << "0 never expires";
}

TEST_P(AccountsContract, ConcurrentConsumesHaveOneWinner) {
    // Each thread its own store, as separate server processes would have.
    constexpr int kThreads = 4, kRounds = 10;
    std::vector<std::unique_ptr<Store>> stores;
    for (int i = 0; i < kThreads; ++i) stores.push_back(backend_->open());
    for (int round = 0; round < kRounds; ++round) {
        auto hash = "race" + std::to_string(round);
        store().put_token(make_token(hash, TokenKind::invite, 1, kT0));
        std::atomic<int> wins{0}, errors{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < kThreads; ++i)
            threads.emplace_back([&, i] {
                try {
                    if (stores[static_cast<std::size_t>(i)]->consume_token(hash, kT0 + 5)) ++wins;
                } catch (const StoreError&) {
                    ++errors;  // a busy database may refuse; it must never let two in
                }
            });
        for (auto& t : threads) t.join();
        EXPECT_EQ(wins.load(), 1) << "round " << round << " (" << errors.load() << " refused as busy)";
    }
}

TEST_P(AccountsContract, ClientHasOneTrainerAtATime) {
    auto t1 = add_user("t1@example.com", Role::trainer);
    auto t2 = add_user("t2@example.com", Role::trainer);
    auto c1 = add_user("c1@example.com", Role::client);
    auto c2 = add_user("c2@example.com", Role::client);
    EXPECT_FALSE(store().trainer_of(c1).has_value());
    store().link(t1, c2, kT0 + 1);
    store().link(t1, c1, kT0);
    EXPECT_THROW(store().link(t2, c1, kT0 + 5), ConflictError);
    EXPECT_THROW(store().link(t1, c1, kT0 + 5), ConflictError);

    auto mine = store().clients_of(t1);
    ASSERT_EQ(mine.size(), 2u);
    EXPECT_EQ(mine[0].client, std::min(c1, c2));
    EXPECT_EQ(mine[0].trainer, t1);
    EXPECT_EQ(mine[0].ended_unix_ms, 0);
    EXPECT_TRUE(store().clients_of(t2).empty());
    auto link = store().trainer_of(c1);
    ASSERT_TRUE(link.has_value());
    EXPECT_EQ(link->trainer, t1);
    EXPECT_EQ(link->client, c1);
    EXPECT_EQ(link->started_unix_ms, kT0);

    store().unlink(t2, c1, kT0 + 9);  // not theirs: changes nothing
    EXPECT_EQ(store().trainer_of(c1)->trainer, t1);
    store().unlink(t1, c1, kT0 + 10);
    EXPECT_FALSE(store().trainer_of(c1).has_value());
    ASSERT_EQ(store().clients_of(t1).size(), 1u);
    store().link(t2, c1, kT0 + 20);  // a new trainer once the old link ended
    EXPECT_EQ(store().trainer_of(c1)->trainer, t2);
    EXPECT_EQ(store().trainer_of(c1)->started_unix_ms, kT0 + 20);
}

TEST_P(AccountsContract, AssignmentsNewestFirstPerClient) {
    auto a1 = store().assign(Assignment{0, 7, 10, kT0, "{\"profile\":1}", "start gently"});
    auto a2 = store().assign(Assignment{0, 7, 10, kT0 + 5, "{\"profile\":2}", ""});
    store().assign(Assignment{0, 7, 11, kT0 + 9, "{\"profile\":3}", ""});
    EXPECT_NE(a1, a2);
    auto got = store().assignments(10);
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0].id, a2);
    EXPECT_EQ(got[1].id, a1);
    EXPECT_EQ(got[1].trainer, 7);
    EXPECT_EQ(got[1].client, 10);
    EXPECT_EQ(got[1].created_unix_ms, kT0);
    EXPECT_EQ(got[1].profile_json, "{\"profile\":1}");
    EXPECT_EQ(got[1].note, "start gently");
    EXPECT_TRUE(store().assignments(12).empty());
}

TEST_P(AccountsContract, ScreeningsOldestFirstAndLatestPerUser) {
    auto s2 = store().save_screening(StoredScreening{0, 10, 10, kT0 + 100, 19701, "{\"a\":2}", "caution"});
    auto s1 = store().save_screening(StoredScreening{0, 10, 7, kT0, 19700, "{\"a\":1}", "clear"});
    store().save_screening(StoredScreening{0, 11, 11, kT0 + 50, 19700, "{\"a\":3}", "refer"});
    auto got = store().screenings(10);
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0].id, s1);
    EXPECT_EQ(got[0].by, 7);
    EXPECT_EQ(got[0].day, 19700);
    EXPECT_EQ(got[0].answers_json, "{\"a\":1}");
    EXPECT_EQ(got[0].result, "clear");
    EXPECT_EQ(got[1].id, s2);
    EXPECT_FALSE(store_error_of([&] { store().save_screening(StoredScreening{0, 10, 10, kT0, 19700, "{}", "maybe"}); }).empty());

    auto latest = store().latest_screenings({11, 12, 10});
    ASSERT_EQ(latest.size(), 2u) << "12 never screened";
    std::map<UserId, StoredScreening> by_user;
    for (const auto& s : latest) by_user[s.user] = s;
    EXPECT_EQ(by_user[10].id, s2);
    EXPECT_EQ(by_user[11].result, "refer");
}

TEST_P(AccountsContract, AssessmentsPerUserAndLatest) {
    for (int i = 0; i < 4; ++i) store().save_assessment(StoredAssessment{0, kT0 + i, 19700 + i, "{\"n\":" + std::to_string(i) + "}", 10, 7});
    store().save_assessment(StoredAssessment{0, kT0, 19700, "{}", 11, 11});
    auto mine = store().assessments(10);
    ASSERT_EQ(mine.size(), 4u);
    EXPECT_EQ(mine[0].assessment_json, "{\"n\":0}");
    EXPECT_EQ(mine[0].user, 10);
    EXPECT_EQ(mine[0].by, 7);
    auto latest = store().latest_assessments({10, 11, 12}, 2);
    std::vector<std::string> tens;
    int elevens = 0;
    for (const auto& a : latest) {
        if (a.user == 10) tens.push_back(a.assessment_json);
        elevens += a.user == 11;
    }
    EXPECT_EQ(tens, (std::vector<std::string>{"{\"n\":3}", "{\"n\":2}"}));
    EXPECT_EQ(elevens, 1);
    EXPECT_EQ(latest.size(), 3u);
}

TEST_P(AccountsContract, AuditNewestFirstPerSubjectOrAll) {
    store().audit(AuditEntry{0, kT0, 7, 10, "read", "GET /api/v1/progress"});
    store().audit(AuditEntry{0, kT0 + 1, 10, 10, "login", "POST /api/v1/login"});
    store().audit(AuditEntry{0, kT0 + 2, 7, 11, "write", "POST /api/v1/assignments"});
    auto ten = store().audit_log(10, 100);
    ASSERT_EQ(ten.size(), 2u);
    EXPECT_EQ(ten[0].action, "login");
    EXPECT_EQ(ten[1].actor, 7);
    EXPECT_EQ(ten[1].subject, 10);
    EXPECT_EQ(ten[1].at_unix_ms, kT0);
    EXPECT_EQ(ten[1].target, "GET /api/v1/progress");
    EXPECT_GT(ten[0].id, ten[1].id);
    auto all = store().audit_log(0, 100);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].subject, 11);
    EXPECT_EQ(store().audit_log(0, 2).size(), 2u);
}

// Issue 12: each own export added an entry, so 200 downloads hid who else had looked.
TEST_P(AccountsContract, AuditOfOthersIsNotCrowdedOutByOwnEntries) {
    store().audit(AuditEntry{0, kT0, 7, 10, "read", "GET /api/v1/progress"});
    std::vector<AuditEntry> own(250, AuditEntry{0, kT0 + 1, 10, 10, "export", "GET /api/v1/export"});
    store().audit_batch(own);
    store().audit(AuditEntry{0, kT0 + 2, 7, 11, "read", "GET /api/v1/progress"});
    auto everyone = store().audit_log(10, 200);
    ASSERT_EQ(everyone.size(), 200u);
    EXPECT_TRUE(std::all_of(everyone.begin(), everyone.end(), [](const AuditEntry& e) { return e.actor == 10; }));
    auto others = store().audit_log(10, 200, AuditActors::others);
    ASSERT_EQ(others.size(), 1u);
    EXPECT_EQ(others[0].actor, 7);
    EXPECT_EQ(others[0].subject, 10);
    EXPECT_EQ(store().audit_log(0, 10, AuditActors::others).size(), 2u);
}

TEST_P(AccountsContract, AuditBatchKeepsEveryEntryExactly) {
    store().audit_batch({});
    EXPECT_TRUE(store().audit_log(0, 10).empty());
    std::vector<AuditEntry> batch;
    for (UserId subject = 20; subject < 25; ++subject) batch.push_back({0, kT0 + subject, 7, subject, "read", "GET /api/v1/dashboard"});
    batch.push_back({0, kT0, 7, 30, "odd \"quoted\" action, with {braces}", "back\\slash"});
    store().audit_batch(batch);
    auto all = store().audit_log(0, 100);
    ASSERT_EQ(all.size(), 6u);
    auto odd = store().audit_log(30, 10);
    ASSERT_EQ(odd.size(), 1u);
    EXPECT_EQ(odd[0].action, "odd \"quoted\" action, with {braces}");
    EXPECT_EQ(odd[0].target, "back\\slash");
    auto one = store().audit_log(22, 10);
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].at_unix_ms, kT0 + 22);
    EXPECT_EQ(one[0].actor, 7);
}

TEST_P(AccountsContract, UserTechniquesReplaceByIdAndGoWithTheUser) {
    store().put_user_technique({7, "Calves-SMR", "Calves", "free-exercise-db", "gastrocnemius soleus", "{}"});
    store().put_user_technique({7, "Adductor", "Adductor", "free-exercise-db", "adductor_complex", "{}"});
    store().put_user_technique({7, "Calves-SMR", "Calves again", "free-exercise-db", "soleus", R"({"x":1})"});
    store().put_user_technique({8, "Calves-SMR", "Other's", "free-exercise-db", "soleus", "{}"});
    auto mine = store().user_techniques(7);
    ASSERT_EQ(mine.size(), 2u);
    EXPECT_EQ(mine[0].id, "Adductor");
    EXPECT_EQ(mine[1].name, "Calves again");
    EXPECT_EQ(mine[1].muscles, "soleus");
    EXPECT_EQ(mine[1].details_json, R"({"x":1})");
    User u{0, "tech@example.org", "T", Role::self, "h", kT0};
    auto id = store().create_user(u);
    store().put_user_technique({id, "Lats", "Lats", "free-exercise-db", "latissimus_dorsi", "{}"});
    store().delete_user(id);
    EXPECT_TRUE(store().user_techniques(id).empty());
    EXPECT_EQ(store().user_techniques(8).size(), 1u);
}

TEST_P(AccountsContract, AssignmentById) {
    auto id = store().assign({0, 3, 4, kT0, R"({"targets":["calf"]})", "daily"});
    auto a = store().assignment(id);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->client, 4);
    EXPECT_EQ(a->trainer, 3);
    EXPECT_EQ(a->note, "daily");
    EXPECT_FALSE(store().assignment(id + 1000));
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountsContract, ::testing::ValuesIn(store_backends()), backend_name);

}  // namespace
}  // namespace unknot
