// The SQLite store's health records (assessments, screenings, clearances), a trainer's
// assignments, imported techniques and the audit log.
#include "store/sqlite_store.hpp"

namespace unknot::sqlite {

namespace {

// Columns: id, created_unix_ms, day, assessment_json, user_id, by_user.
StoredAssessment assessment_row(Statement& st) { return {st.i64(0), st.i64(1), st.i32(2), st.text(3), st.i64(4), st.i64(5)}; }
// Columns: id, trainer_id, client_id, created_unix_ms, profile_json, note.
Assignment assignment_row(Statement& st) { return {st.i64(0), st.i64(1), st.i64(2), st.i64(3), st.text(4), st.text(5)}; }
// Columns: id, user_id, by_user, created_unix_ms, day, answers_json, result.
StoredScreening screening_row(Statement& st) { return {st.i64(0), st.i64(1), st.i64(2), st.i64(3), st.i32(4), st.text(5), st.text(6)}; }

}  // namespace

std::int64_t SqliteStore::save_assessment(const StoredAssessment& a) {
    return db_.write([&](Conn& c) -> std::int64_t {
        Statement st(c, "INSERT INTO assessments(created_unix_ms, day, assessment_json, user_id, by_user) VALUES (?,?,?,?,?)");
        st.bind(1, a.created_unix_ms).bind(2, static_cast<std::int64_t>(a.day)).bind(3, a.assessment_json).bind(4, a.user).bind(5, a.by).step();
        return c.last_id();
    });
}

std::vector<StoredAssessment> SqliteStore::assessments(UserId user) {
    return db_.read([&](Conn& c) -> std::vector<StoredAssessment> {
        Statement st(c,
                     "SELECT id, created_unix_ms, day, assessment_json, user_id, by_user FROM assessments WHERE user_id=?"
                     " ORDER BY created_unix_ms, id");
        st.bind(1, user);
        std::vector<StoredAssessment> out;
        while (st.step()) out.push_back(assessment_row(st));
        return out;
    });
}

std::int64_t SqliteStore::save_screening(const StoredScreening& x) {
    return db_.write([&](Conn& c) -> std::int64_t {
        Statement st(c, "INSERT INTO screenings(user_id, by_user, created_unix_ms, day, answers_json, result) VALUES (?,?,?,?,?,?)");
        st.bind(1, x.user).bind(2, x.by).bind(3, x.created_unix_ms).bind(4, static_cast<std::int64_t>(x.day)).bind(5, x.answers_json);
        st.bind(6, x.result).step();
        return c.last_id();
    });
}

std::vector<StoredScreening> SqliteStore::screenings(UserId user) {
    return db_.read([&](Conn& c) -> std::vector<StoredScreening> {
        Statement st(c,
                     "SELECT id, user_id, by_user, created_unix_ms, day, answers_json, result FROM screenings WHERE user_id=?"
                     " ORDER BY created_unix_ms, id");
        st.bind(1, user);
        std::vector<StoredScreening> out;
        while (st.step()) out.push_back(screening_row(st));
        return out;
    });
}

std::int64_t SqliteStore::save_clearance(const StoredClearance& x) {
    return db_.write([&](Conn& c) -> std::int64_t {
        Statement st(c, "INSERT INTO clearances(user_id, by_user, created_unix_ms, condition_id, day, note) VALUES (?,?,?,?,?,?)");
        st.bind(1, x.user).bind(2, x.by).bind(3, x.created_unix_ms).bind(4, x.condition).bind(5, static_cast<std::int64_t>(x.day));
        st.bind(6, x.note).step();
        return c.last_id();
    });
}

std::vector<StoredClearance> SqliteStore::clearances(const std::vector<UserId>& users) {
    return db_.read([&](Conn& c) -> std::vector<StoredClearance> {
        std::vector<StoredClearance> out;
        for (UserId u : users) {
            Statement st(c,
                         "SELECT id, user_id, by_user, created_unix_ms, condition_id, day, note FROM clearances WHERE user_id=?"
                         " ORDER BY day, created_unix_ms, id");
            st.bind(1, u);
            while (st.step())
                out.push_back({st.i64(0), st.i64(1), st.i64(2), st.i64(3), st.text(4), static_cast<int>(st.i64(5)), st.text(6)});
        }
        return out;
    });
}

std::int64_t SqliteStore::assign(const Assignment& a) {
    return db_.write([&](Conn& c) -> std::int64_t {
        Statement st(c, "INSERT INTO assignments(trainer_id, client_id, created_unix_ms, profile_json, note) VALUES (?,?,?,?,?)");
        st.bind(1, a.trainer).bind(2, a.client).bind(3, a.created_unix_ms).bind(4, a.profile_json).bind(5, a.note).step();
        return c.last_id();
    });
}

std::vector<Assignment> SqliteStore::assignments(UserId client) {
    return db_.read([&](Conn& c) -> std::vector<Assignment> {
        Statement st(c,
                     "SELECT id, trainer_id, client_id, created_unix_ms, profile_json, note FROM assignments WHERE client_id=?"
                     " ORDER BY created_unix_ms DESC, id DESC");
        st.bind(1, client);
        std::vector<Assignment> out;
        while (st.step()) out.push_back(assignment_row(st));
        return out;
    });
}

std::optional<Assignment> SqliteStore::assignment(std::int64_t id) {
    return db_.read([&](Conn& c) -> std::optional<Assignment> {
        Statement st(c, "SELECT id, trainer_id, client_id, created_unix_ms, profile_json, note FROM assignments WHERE id=?");
        st.bind(1, id);
        if (!st.step()) return std::nullopt;
        return assignment_row(st);
    });
}

void SqliteStore::put_user_technique(const UserTechnique& t) {
    return db_.write([&](Conn& c) -> void {
        Statement st(c,
                     "INSERT INTO user_techniques(user_id, id, name, source, muscles, details_json) VALUES (?,?,?,?,?,?)"
                     " ON CONFLICT(user_id, id) DO UPDATE SET name=excluded.name, source=excluded.source, muscles=excluded.muscles,"
                     " details_json=excluded.details_json");
        st.bind(1, t.user).bind(2, t.id).bind(3, t.name).bind(4, t.source).bind(5, t.muscles).bind(6, t.details_json).step();
    });
}

std::vector<UserTechnique> SqliteStore::user_techniques(UserId user) {
    return db_.read([&](Conn& c) -> std::vector<UserTechnique> {
        Statement st(c, "SELECT user_id, id, name, source, muscles, details_json FROM user_techniques WHERE user_id=? ORDER BY id");
        st.bind(1, user);
        std::vector<UserTechnique> out;
        while (st.step()) out.push_back({st.i64(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5)});
        return out;
    });
}

void SqliteStore::audit(const AuditEntry& e) {
    return db_.write([&](Conn& c) -> void {
        Statement st(c, "INSERT INTO audit(at_unix_ms, actor_id, subject_id, action, target) VALUES (?,?,?,?,?)");
        st.bind(1, e.at_unix_ms).bind(2, e.actor).bind(3, e.subject).bind(4, e.action).bind(5, e.target).step();
    });
}

void SqliteStore::audit_batch(const std::vector<AuditEntry>& entries) {
    return db_.write([&](Conn& c) -> void {
        for (const auto& e : entries) {
            Statement st(c, "INSERT INTO audit(at_unix_ms, actor_id, subject_id, action, target) VALUES (?,?,?,?,?)");
            st.bind(1, e.at_unix_ms).bind(2, e.actor).bind(3, e.subject).bind(4, e.action).bind(5, e.target).step();
        }
    });
}

std::vector<AuditEntry> SqliteStore::audit_log(UserId subject, std::size_t limit, AuditActors actors) {
    return db_.read([&](Conn& c) -> std::vector<AuditEntry> {
        std::string sql = "SELECT id, at_unix_ms, actor_id, subject_id, action, target FROM audit WHERE ";
        sql += subject ? "subject_id=?" : "?=0";
        if (actors == AuditActors::others) sql += " AND actor_id<>subject_id";
        Statement st(c, sql + " ORDER BY id DESC LIMIT ?");
        st.bind(1, subject).bind(2, static_cast<std::int64_t>(limit));
        std::vector<AuditEntry> out;
        while (st.step()) out.push_back({st.i64(0), st.i64(1), st.i64(2), st.i64(3), st.text(4), st.text(5)});
        return out;
    });
}

std::vector<StoredScreening> SqliteStore::latest_screenings(const std::vector<UserId>& users) {
    return db_.read([&](Conn& c) -> std::vector<StoredScreening> {
        std::vector<StoredScreening> out;
        for (UserId u : users) {
            Statement st(c,
                         "SELECT id, user_id, by_user, created_unix_ms, day, answers_json, result FROM screenings WHERE user_id=?"
                         " ORDER BY created_unix_ms DESC, id DESC LIMIT 1");
            st.bind(1, u);
            if (st.step()) out.push_back(screening_row(st));
        }
        return out;
    });
}

std::vector<StoredAssessment> SqliteStore::latest_assessments(const std::vector<UserId>& users, int per_user) {
    return db_.read([&](Conn& c) -> std::vector<StoredAssessment> {
        std::vector<StoredAssessment> out;
        for (UserId u : users) {
            Statement st(c,
                         "SELECT id, created_unix_ms, day, assessment_json, user_id, by_user FROM assessments WHERE user_id=?"
                         " ORDER BY created_unix_ms DESC, id DESC LIMIT ?");
            st.bind(1, u).bind(2, static_cast<std::int64_t>(per_user));
            while (st.step()) out.push_back(assessment_row(st));
        }
        return out;
    });
}

}  // namespace unknot::sqlite
