// The SQLite store's session log: sessions, their event logs, holds and visits, and the
// per-day sums dashboards read.
#include <map>

#include "common/text.hpp"
#include "store/sqlite_store.hpp"
#include "store/stored.hpp"

namespace unknot::sqlite {

namespace {

std::string join_list(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : " ") + x;
    return s;
}

// Columns from `col` on: item, technique, side, muscles, spot, found_ms, ended_ms, hold_s,
// tenderness_start, tenderness_end, outcome.
HoldRecord hold_row(Statement& st, int col) {
    HoldRecord h;
    h.item = st.i32(col);
    h.technique = st.text(col + 1);
    h.side = stored::side(st.text(col + 2));
    h.muscles = split_ids(st.text(col + 3));
    h.spot = st.i32(col + 4);
    h.found_ms = st.i64(col + 5), h.ended_ms = st.i64(col + 6);
    h.hold_s = st.i32(col + 7);
    h.tenderness_start = st.i32(col + 8);
    if (!st.null(col + 9)) h.tenderness_end = st.i32(col + 9);
    h.outcome = stored::hold_outcome(st.text(col + 10));
    return h;
}

// Columns from `col` on: item, kind, ref_id, side, muscles, outcome, spots, started_ms, ended_ms.
VisitRecord visit_row(Statement& st, int col) {
    VisitRecord v;
    v.item = st.i32(col);
    v.kind = stored::item_kind(st.text(col + 1));
    v.id = st.text(col + 2);
    v.side = stored::side(st.text(col + 3));
    v.muscles = split_ids(st.text(col + 4));
    v.outcome = stored::outcome(st.text(col + 5));
    v.spots = st.i32(col + 6);
    v.started_ms = st.i64(col + 7), v.ended_ms = st.i64(col + 8);
    return v;
}

}  // namespace

std::int64_t SqliteStore::begin_session(const NewSession& s) {
    return db_.write([&](Conn& c) -> std::int64_t {
        Statement st(c, "INSERT INTO sessions(started_unix_ms, day, plan_json, client_id, user_id) VALUES (?,?,?,?,?)");
        st.bind(1, s.started_unix_ms).bind(2, static_cast<std::int64_t>(s.day)).bind(3, s.plan_json);
        s.client_id.empty() ? st.bind_null(4) : st.bind(4, s.client_id);
        st.bind(5, s.user);
        st.step();
        return c.last_id();
    });
}

std::optional<SessionInfo> SqliteStore::session(std::int64_t id) {
    return db_.read([&](Conn& c) -> std::optional<SessionInfo> {
        Statement st(c,
                     "SELECT s.id, s.started_unix_ms, COALESCE(s.ended_unix_ms,0), s.day, s.status,"
                     " (SELECT COUNT(*) FROM holds h WHERE h.session_id=s.id), (SELECT COUNT(*) FROM visits v WHERE v.session_id=s.id),"
                     " s.plan_json, COALESCE(s.client_id,''), s.user_id FROM sessions s WHERE s.id=?");
        st.bind(1, id);
        if (!st.step()) return std::nullopt;
        return SessionInfo{st.i64(0), st.i64(1), st.i64(2), static_cast<int>(st.i64(3)), stored::session_status(st.text(4)), static_cast<int>(st.i64(5)),
                           static_cast<int>(st.i64(6)), st.text(7), st.text(8), st.i64(9)};
    });
}

std::optional<std::int64_t> SqliteStore::session_by_client_id(UserId user, const std::string& client_id) {
    return db_.read([&](Conn& c) -> std::optional<std::int64_t> {
        Statement st(c, "SELECT id FROM sessions WHERE user_id=? AND client_id=?");
        st.bind(1, user).bind(2, client_id);
        if (!st.step()) return std::nullopt;
        return st.i64(0);
    });
}

std::vector<StoredEvent> SqliteStore::events(std::int64_t session) {
    return db_.read([&](Conn& c) -> std::vector<StoredEvent> {
        Statement st(c, "SELECT client_id, t_ms, type, tenderness FROM session_events WHERE session_id=? ORDER BY seq");
        st.bind(1, session);
        std::vector<StoredEvent> out;
        while (st.step()) {
            StoredEvent e;
            e.client_id = st.text(0);
            e.event.t_ms = st.i64(1);
            e.event.type = stored::event_type(st.text(2));
            if (!st.null(3)) e.event.tenderness = static_cast<int>(st.i64(3));
            out.push_back(std::move(e));
        }
        return out;
    });
}

void SqliteStore::add_event(std::int64_t session, std::int64_t seq, const StoredEvent& e) {
    return db_.write([&](Conn& c) -> void {
        Statement st(c, "INSERT INTO session_events(session_id, seq, client_id, t_ms, type, tenderness) VALUES (?, ?, ?, ?, ?, ?)");
        st.bind(1, session).bind(2, seq).bind(3, e.client_id).bind(4, e.event.t_ms).bind(5, std::string(to_string(e.event.type)));
        st.bind(6, e.event.tenderness).step();
    });
}

bool SqliteStore::has_event(std::int64_t session, const std::string& client_id) {
    return db_.read([&](Conn& c) -> bool {
        Statement st(c, "SELECT 1 FROM session_events WHERE session_id=? AND client_id=?");
        st.bind(1, session).bind(2, client_id);
        return st.step();
    });
}

std::int64_t SqliteStore::event_count(std::int64_t session) {
    return db_.read([&](Conn& c) -> std::int64_t {
        // seq runs 1, 2, 3 ... per session, so the largest is the count (an index lookup).
        Statement st(c, "SELECT COALESCE(MAX(seq),0) FROM session_events WHERE session_id=?");
        st.bind(1, session);
        return st.step() ? st.i64(0) : 0;
    });
}

void SqliteStore::save_hold(std::int64_t session, const HoldRecord& h) {
    return db_.write([&](Conn& c) -> void {
        // The hold and its session's totals: one commit.
        Statement st(c,
                     "INSERT INTO holds(session_id,item,technique,side,muscles,spot,found_ms,ended_ms,hold_s,tenderness_start,"
                     "tenderness_end,outcome) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
        st.bind(1, session).bind(2, h.item).bind(3, h.technique);
        h.side ? st.bind(4, to_string(*h.side)) : st.bind_null(4);
        st.bind(5, join_list(h.muscles)).bind(6, h.spot).bind(7, h.found_ms).bind(8, h.ended_ms);
        st.bind(9, h.hold_s).bind(10, h.tenderness_start).bind(11, h.tenderness_end);
        st.bind(12, to_string(h.outcome)).step();
        Statement totals(c, "UPDATE sessions SET hold_count = hold_count + 1, tenderness_sum = tenderness_sum + ? WHERE id = ?");
        totals.bind(1, h.tenderness_start).bind(2, session).step();
    });
}

void SqliteStore::save_visit(std::int64_t session, const VisitRecord& v) {
    return db_.write([&](Conn& c) -> void {
        Statement st(c,
                     "INSERT INTO visits(session_id,item,kind,ref_id,side,muscles,outcome,spots,started_ms,ended_ms) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?)");
        st.bind(1, session).bind(2, static_cast<std::int64_t>(v.item)).bind(3, std::string(to_string(v.kind))).bind(4, v.id);
        v.side ? st.bind(5, std::string(to_string(*v.side))) : st.bind_null(5);
        st.bind(6, join_list(v.muscles)).bind(7, std::string(to_string(v.outcome))).bind(8, static_cast<std::int64_t>(v.spots));
        st.bind(9, v.started_ms).bind(10, v.ended_ms).step();
    });
}

void SqliteStore::end_session(std::int64_t session, std::int64_t ended_unix_ms, SessionStatus status) {
    return db_.write([&](Conn& c) -> void {
        Statement st(c, "UPDATE sessions SET ended_unix_ms=?, status=? WHERE id=?");
        st.bind(1, ended_unix_ms).bind(2, to_string(status)).bind(3, session).step();
    });
}

std::vector<SessionInfo> SqliteStore::list_sessions(UserId user) {
    return db_.read([&](Conn& c) -> std::vector<SessionInfo> {
        Statement st(c,
                     "SELECT s.id, s.started_unix_ms, COALESCE(s.ended_unix_ms,0), s.day, s.status,"
                     " (SELECT COUNT(*) FROM holds h WHERE h.session_id=s.id), (SELECT COUNT(*) FROM visits v WHERE v.session_id=s.id),"
                     " COALESCE(s.client_id,'') FROM sessions s WHERE s.user_id=? ORDER BY s.started_unix_ms DESC, s.id DESC");
        st.bind(1, user);
        std::vector<SessionInfo> out;
        while (st.step())
            out.push_back({st.i64(0), st.i64(1), st.i64(2), static_cast<int>(st.i64(3)), stored::session_status(st.text(4)), static_cast<int>(st.i64(5)),
                           static_cast<int>(st.i64(6)), {}, st.text(7), user});
        return out;
    });
}

std::vector<HoldRecord> SqliteStore::holds(std::int64_t session) {
    return db_.read([&](Conn& c) -> std::vector<HoldRecord> {
        Statement st(c,
                     "SELECT item,technique,side,muscles,spot,found_ms,ended_ms,hold_s,tenderness_start,tenderness_end,outcome"
                     " FROM holds WHERE session_id=? ORDER BY id");
        st.bind(1, session);
        std::vector<HoldRecord> out;
        while (st.step()) out.push_back(hold_row(st, 0));
        return out;
    });
}

std::vector<SessionSummary> SqliteStore::session_summaries(UserId user, int from_day) {
    return db_.read([&](Conn& c) -> std::vector<SessionSummary> {
        std::vector<SessionSummary> out;
        std::map<std::int64_t, std::size_t> index;
        {
            Statement st(c, "SELECT id, day, started_unix_ms FROM sessions WHERE user_id=? AND day>=? ORDER BY started_unix_ms, id");
            st.bind(1, user).bind(2, static_cast<std::int64_t>(from_day));
            while (st.step()) {
                index[st.i64(0)] = out.size();
                out.push_back(SessionSummary{st.i64(0), static_cast<int>(st.i64(1)), st.i64(2), {}, {}});
            }
        }
        // Two queries in all, not two per session: two years of daily rolling is 730 sessions.
        {
            Statement st(c,
                         "SELECT h.session_id, h.item,h.technique,h.side,h.muscles,h.spot,h.found_ms,h.ended_ms,h.hold_s,h.tenderness_start,"
                         "h.tenderness_end,h.outcome FROM holds h JOIN sessions s ON s.id=h.session_id WHERE s.user_id=? AND s.day>=? ORDER BY h.id");
            st.bind(1, user).bind(2, static_cast<std::int64_t>(from_day));
            while (st.step())
                if (auto it = index.find(st.i64(0)); it != index.end()) out[it->second].holds.push_back(hold_row(st, 1));
        }
        {
            Statement st(c,
                         "SELECT v.session_id, v.item,v.kind,v.ref_id,v.side,v.muscles,v.outcome,v.spots,v.started_ms,v.ended_ms"
                         " FROM visits v JOIN sessions s ON s.id=v.session_id WHERE s.user_id=? AND s.day>=? ORDER BY v.id");
            st.bind(1, user).bind(2, static_cast<std::int64_t>(from_day));
            while (st.step())
                if (auto it = index.find(st.i64(0)); it != index.end()) out[it->second].visits.push_back(visit_row(st, 1));
        }
        return out;
    });
}

std::vector<VisitRecord> SqliteStore::visits(std::int64_t session) {
    return db_.read([&](Conn& c) -> std::vector<VisitRecord> {
        Statement st(c, "SELECT item,kind,ref_id,side,muscles,outcome,spots,started_ms,ended_ms FROM visits WHERE session_id=? ORDER BY id");
        st.bind(1, session);
        std::vector<VisitRecord> out;
        while (st.step()) out.push_back(visit_row(st, 0));
        return out;
    });
}

std::vector<DayActivity> SqliteStore::activity(const std::vector<UserId>& users, int from_day) {
    return db_.read([&](Conn& c) -> std::vector<DayActivity> {
        std::vector<DayActivity> out;
        // Per user, a range of the covering index sessions_activity: no table rows, no holds.
        for (UserId u : users) {
            Statement st(c,
                         "SELECT day, COUNT(*), SUM(hold_count), SUM(tenderness_sum), MAX(started_unix_ms) FROM sessions"
                         " WHERE user_id=? AND day>=? GROUP BY day ORDER BY day");
            st.bind(1, u).bind(2, static_cast<std::int64_t>(from_day));
            while (st.step())
                out.push_back({u, static_cast<int>(st.i64(0)), static_cast<int>(st.i64(1)), static_cast<int>(st.i64(2)),
                               static_cast<int>(st.i64(3)), st.i64(4)});
        }
        return out;
    });
}

std::vector<std::pair<UserId, std::int64_t>> SqliteStore::last_sessions(const std::vector<UserId>& users) {
    return db_.read([&](Conn& c) -> std::vector<std::pair<UserId, std::int64_t>> {
        std::vector<std::pair<UserId, std::int64_t>> out;
        for (UserId u : users) {
            Statement st(c, "SELECT started_unix_ms FROM sessions WHERE user_id=? ORDER BY day DESC, started_unix_ms DESC LIMIT 1");
            st.bind(1, u);
            out.emplace_back(u, st.step() ? st.i64(0) : 0);
        }
        return out;
    });
}

std::string SqliteStore::integrity_check() {
    return db_.read([&](Conn& c) -> std::string {
        Statement st(c, "PRAGMA integrity_check");
        std::string out;
        while (st.step()) out += (out.empty() ? "" : "\n") + st.text(0);
        return out;
    });
}

void SqliteStore::transaction(const std::function<void()>& fn) {
    // Nested calls and the store calls fn makes join this write: all of it commits, or none.
    db_.write([&](Conn&) { fn(); });
}

}  // namespace unknot::sqlite
