// The SQLite store's accounts: users, sign-in throttles, tokens and trainer links.
#include "store/sqlite_store.hpp"
#include "store/stored.hpp"

namespace unknot::sqlite {

namespace {

constexpr const char* user_columns = "SELECT id, email, name, role, password_hash, created_unix_ms FROM users ";
User user_row(Statement& st) { return User{st.i64(0), st.text(1), st.text(2), stored::role(st.text(3)), st.text(4), st.i64(5)}; }

constexpr const char* token_columns =
    "SELECT hash, kind, user_id, created_unix_ms, expires_unix_ms, used_unix_ms, revoked, label, csrf FROM tokens ";
Token token_row(Statement& st) {
    return Token{st.text(0), stored::token_kind(st.text(1)), st.i64(2), st.i64(3), st.i64(4), st.i64(5), st.i64(6) != 0, st.text(7), st.text(8)};
}

}  // namespace

UserId SqliteStore::create_user(const User& u) {
    return db_.write([&](Conn& c) -> UserId {
        Statement st(c,
                     "INSERT INTO users(email, name, role, password_hash, created_unix_ms)"
                     " VALUES (?,?,?,?,?) ON CONFLICT(email) DO NOTHING");
        st.bind(1, u.email).bind(2, u.name).bind(3, to_string(u.role)).bind(4, u.password_hash).bind(5, u.created_unix_ms).step();
        if (c.changes() == 0) throw ConflictError("an account with this email already exists");
        return c.last_id();
    });
}

std::optional<User> SqliteStore::user(UserId id) {
    return db_.read([&](Conn& c) -> std::optional<User> {
        Statement st(c, std::string(user_columns) + "WHERE id=?");
        st.bind(1, id);
        if (!st.step()) return std::nullopt;
        return user_row(st);
    });
}

std::optional<User> SqliteStore::user_by_email(const std::string& email) {
    return db_.read([&](Conn& c) -> std::optional<User> {
        Statement st(c, std::string(user_columns) + "WHERE email=?");
        st.bind(1, email);
        if (!st.step()) return std::nullopt;
        return user_row(st);
    });
}

std::vector<User> SqliteStore::users() {
    return db_.read([&](Conn& c) -> std::vector<User> {
        Statement st(c, std::string(user_columns) + "ORDER BY id");
        std::vector<User> out;
        while (st.step()) out.push_back(user_row(st));
        return out;
    });
}

std::vector<User> SqliteStore::users_by_id(const std::vector<UserId>& ids) {
    return db_.read([&](Conn& c) -> std::vector<User> {
        std::vector<User> out;
        for (UserId id : ids) {
            Statement st(c, std::string(user_columns) + "WHERE id=?");
            st.bind(1, id);
            if (st.step()) out.push_back(user_row(st));
        }
        std::sort(out.begin(), out.end(), [](const User& a, const User& b) { return a.id < b.id; });
        return out;
    });
}

std::int64_t SqliteStore::count_users() {
    return db_.read([&](Conn& c) -> std::int64_t {
        Statement st(c, "SELECT COUNT(*) FROM users");
        return st.step() ? st.i64(0) : 0;
    });
}

void SqliteStore::update_user(const User& u) {
    return db_.write([&](Conn& c) -> void {
        Statement st(c, "UPDATE users SET name=?, role=?, password_hash=? WHERE id=?");
        st.bind(1, u.name).bind(2, to_string(u.role)).bind(3, u.password_hash).bind(4, u.id).step();
    });
}

Attempts SqliteStore::attempts(const std::string& key) {
    return db_.read([&](Conn& c) -> Attempts {
        Statement st(c, "SELECT count, last_unix_ms FROM attempts WHERE key=?");
        st.bind(1, key);
        if (!st.step()) return {};
        return {static_cast<int>(st.i64(0)), st.i64(1)};
    });
}

Attempts SqliteStore::add_attempt(const std::string& key, std::int64_t now_unix_ms, std::int64_t stale_before_ms) {
    return db_.write([&](Conn& c) -> Attempts {
        // One statement, so two processes counting the same key never lose one.
        Statement st(c,
                     "INSERT INTO attempts(key, count, last_unix_ms) VALUES (?, 1, ?) ON CONFLICT(key) DO UPDATE SET"
                     " count = CASE WHEN attempts.last_unix_ms < ? THEN 1 ELSE attempts.count + 1 END, last_unix_ms = excluded.last_unix_ms"
                     " RETURNING count, last_unix_ms");
        st.bind(1, key).bind(2, now_unix_ms).bind(3, stale_before_ms);
        Attempts out;
        if (st.step()) out = {static_cast<int>(st.i64(0)), st.i64(1)};
        st.step();  // to SQLITE_DONE, so the write is finished before the prune
        Statement prune(c, "DELETE FROM attempts WHERE last_unix_ms < ?");
        prune.bind(1, now_unix_ms - kAttemptsKeptMs).step();
        return out;
    });
}

void SqliteStore::clear_attempts(const std::string& key) {
    return db_.write([&](Conn& c) -> void {
        Statement st(c, "DELETE FROM attempts WHERE key=?");
        st.bind(1, key).step();
    });
}

void SqliteStore::delete_user(UserId id) {
    return db_.write([&](Conn& c) -> void {
        // Holds, visits and events go with their sessions (ON DELETE CASCADE).
        for (const char* sql : {"DELETE FROM sessions WHERE user_id=?", "DELETE FROM assessments WHERE user_id=?",
                                "DELETE FROM screenings WHERE user_id=?", "DELETE FROM clearances WHERE user_id=?",
                                "DELETE FROM assignments WHERE client_id=?",
                                "DELETE FROM user_techniques WHERE user_id=?",
                                "DELETE FROM tokens WHERE user_id=?", "DELETE FROM links WHERE client_id=?1 OR trainer_id=?1",
                                "DELETE FROM audit WHERE subject_id=?", "DELETE FROM users WHERE id=?"}) {
            Statement st(c, sql);
            st.bind(1, id).step();
        }
    });
}

void SqliteStore::adopt_local_data(UserId id) {
    return db_.write([&](Conn& c) -> void {
        for (const char* sql : {"UPDATE sessions SET user_id=? WHERE user_id=0", "UPDATE assessments SET user_id=?1, by_user=?1 WHERE user_id=0",
                                "UPDATE screenings SET user_id=?1, by_user=?1 WHERE user_id=0",
                                "UPDATE clearances SET user_id=?1, by_user=?1 WHERE user_id=0",
                                "UPDATE assignments SET client_id=? WHERE client_id=0", "UPDATE user_techniques SET user_id=? WHERE user_id=0"}) {
            Statement st(c, sql);
            st.bind(1, id).step();
        }
    });
}

void SqliteStore::put_token(const Token& t) {
    return db_.write([&](Conn& c) -> void {
        Statement st(c,
                     "INSERT INTO tokens(hash, kind, user_id, created_unix_ms, expires_unix_ms, used_unix_ms, revoked, label, csrf)"
                     " VALUES (?,?,?,?,?,?,?,?,?)");
        st.bind(1, t.hash).bind(2, to_string(t.kind)).bind(3, t.user).bind(4, t.created_unix_ms).bind(5, t.expires_unix_ms).bind(6, t.used_unix_ms);
        st.bind(7, std::int64_t{t.revoked}).bind(8, t.label).bind(9, t.csrf).step();
    });
}

std::optional<Token> SqliteStore::token(const std::string& hash) {
    return db_.read([&](Conn& c) -> std::optional<Token> {
        Statement st(c, std::string(token_columns) + "WHERE hash=?");
        st.bind(1, hash);
        if (!st.step()) return std::nullopt;
        return token_row(st);
    });
}

bool SqliteStore::consume_token(const std::string& hash, std::int64_t now) {
    return db_.write([&](Conn& c) -> bool {
        Statement st(c,
                     "UPDATE tokens SET used_unix_ms=?1 WHERE hash=?2 AND used_unix_ms=0 AND revoked=0"
                     " AND (expires_unix_ms=0 OR expires_unix_ms>?1)");
        st.bind(1, now).bind(2, hash).step();
        return c.changes() == 1;
    });
}

void SqliteStore::revoke_token(const std::string& hash) {
    return db_.write([&](Conn& c) -> void {
        Statement st(c, "UPDATE tokens SET revoked=1 WHERE hash=?");
        st.bind(1, hash).step();
    });
}

void SqliteStore::revoke_tokens(UserId user, TokenKind kind) {
    return db_.write([&](Conn& c) -> void {
        Statement st(c, "UPDATE tokens SET revoked=1 WHERE user_id=? AND kind=?");
        st.bind(1, user).bind(2, to_string(kind)).step();
    });
}

std::vector<Token> SqliteStore::tokens(UserId user, TokenKind kind) {
    return db_.read([&](Conn& c) -> std::vector<Token> {
        Statement st(c, std::string(token_columns) + "WHERE user_id=? AND kind=? AND revoked=0 ORDER BY created_unix_ms DESC, hash");
        st.bind(1, user).bind(2, to_string(kind));
        std::vector<Token> out;
        while (st.step()) out.push_back(token_row(st));
        return out;
    });
}

void SqliteStore::link(UserId trainer, UserId client, std::int64_t now) {
    return db_.write([&](Conn& c) -> void {
        Statement st(c, "INSERT INTO links(trainer_id, client_id, started_unix_ms) VALUES (?,?,?) ON CONFLICT DO NOTHING");
        st.bind(1, trainer).bind(2, client).bind(3, now).step();
        if (c.changes() == 0) throw ConflictError("this client already has a trainer");
    });
}

void SqliteStore::unlink(UserId trainer, UserId client, std::int64_t now) {
    return db_.write([&](Conn& c) -> void {
        Statement st(c, "UPDATE links SET ended_unix_ms=? WHERE trainer_id=? AND client_id=? AND ended_unix_ms=0");
        st.bind(1, now).bind(2, trainer).bind(3, client).step();
    });
}

std::vector<Link> SqliteStore::clients_of(UserId trainer) {
    return db_.read([&](Conn& c) -> std::vector<Link> {
        Statement st(c,
                     "SELECT trainer_id, client_id, started_unix_ms, ended_unix_ms FROM links WHERE trainer_id=? AND ended_unix_ms=0"
                     " ORDER BY client_id");
        st.bind(1, trainer);
        std::vector<Link> out;
        while (st.step()) out.push_back({st.i64(0), st.i64(1), st.i64(2), st.i64(3)});
        return out;
    });
}

std::optional<Link> SqliteStore::trainer_of(UserId client) {
    return db_.read([&](Conn& c) -> std::optional<Link> {
        Statement st(c, "SELECT trainer_id, client_id, started_unix_ms, ended_unix_ms FROM links WHERE client_id=? AND ended_unix_ms=0");
        st.bind(1, client);
        if (!st.step()) return std::nullopt;
        return Link{st.i64(0), st.i64(1), st.i64(2), st.i64(3)};
    });
}

}  // namespace unknot::sqlite
