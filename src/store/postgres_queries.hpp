#pragma once
// The SQL of the PostgreSQL store, one prepared statement each (named, so each connection
// prepares it once). Column lists match the row readers in postgres_store.cpp.
#include "store/postgres_db.hpp"

namespace unknot::pg::sql {

constexpr Stmt begin_session{"begin_session",
                             "INSERT INTO sessions(started_unix_ms, day, plan_json, client_id, user_id) VALUES ($1,$2,$3,$4,$5) RETURNING id"};
constexpr Stmt session{"session",
                       "SELECT s.id, s.started_unix_ms, COALESCE(s.ended_unix_ms,0), s.day, s.status,"
                       " (SELECT COUNT(*) FROM holds h WHERE h.session_id=s.id), (SELECT COUNT(*) FROM visits v WHERE v.session_id=s.id),"
                       " s.plan_json, COALESCE(s.client_id,''), s.user_id FROM sessions s WHERE s.id=$1"};
constexpr Stmt list_sessions{"list_sessions",
                             "SELECT s.id, s.started_unix_ms, COALESCE(s.ended_unix_ms,0), s.day, s.status,"
                             " (SELECT COUNT(*) FROM holds h WHERE h.session_id=s.id), (SELECT COUNT(*) FROM visits v WHERE v.session_id=s.id),"
                             " '', COALESCE(s.client_id,''), s.user_id FROM sessions s WHERE s.user_id=$1"
                             " ORDER BY s.started_unix_ms DESC, s.id DESC"};
constexpr Stmt session_by_client_id{"session_by_client_id", "SELECT id FROM sessions WHERE user_id=$1 AND client_id=$2"};
constexpr Stmt end_session{"end_session", "UPDATE sessions SET ended_unix_ms=$1, status=$2 WHERE id=$3"};
constexpr Stmt events{"events", "SELECT client_id, t_ms, type, tenderness FROM session_events WHERE session_id=$1 ORDER BY seq"};
// ON CONFLICT DO NOTHING rather than a unique violation: a violation would abort the caller's
// whole transaction (the API's group commit), where SQLite fails just this statement.
constexpr Stmt add_event{"add_event",
                         "INSERT INTO session_events(session_id, seq, client_id, t_ms, type, tenderness) VALUES ($1,$2,$3,$4,$5,$6)"
                         " ON CONFLICT DO NOTHING"};
constexpr Stmt has_event{"has_event", "SELECT 1 FROM session_events WHERE session_id=$1 AND client_id=$2"};
constexpr Stmt event_count{"event_count", "SELECT COALESCE(MAX(seq),0) FROM session_events WHERE session_id=$1"};
// The hold and its session's totals in one statement: one round trip, one commit.
constexpr Stmt save_hold{"save_hold",
                         "WITH h AS (INSERT INTO holds(session_id,item,technique,side,muscles,spot,found_ms,ended_ms,hold_s,tenderness_start,"
                         "tenderness_end,outcome) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING session_id, tenderness_start)"
                         " UPDATE sessions s SET hold_count = s.hold_count + 1, tenderness_sum = s.tenderness_sum + h.tenderness_start"
                         " FROM h WHERE s.id = h.session_id"};
constexpr Stmt save_visit{"save_visit",
                          "INSERT INTO visits(session_id,item,kind,ref_id,side,muscles,outcome,spots,started_ms,ended_ms)"
                          " VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)"};
#define UNKNOT_HOLD_COLUMNS "h.item,h.technique,h.side,h.muscles,h.spot,h.found_ms,h.ended_ms,h.hold_s,h.tenderness_start,h.tenderness_end,h.outcome"
#define UNKNOT_VISIT_COLUMNS "v.item,v.kind,v.ref_id,v.side,v.muscles,v.outcome,v.spots,v.started_ms,v.ended_ms"
constexpr Stmt holds{"holds", "SELECT h.session_id," UNKNOT_HOLD_COLUMNS " FROM holds h WHERE h.session_id=$1 ORDER BY h.id"};
constexpr Stmt visits{"visits", "SELECT v.session_id," UNKNOT_VISIT_COLUMNS " FROM visits v WHERE v.session_id=$1 ORDER BY v.id"};
constexpr Stmt summary_sessions{"summary_sessions",
                                "SELECT id, day, started_unix_ms FROM sessions WHERE user_id=$1 AND day>=$2 ORDER BY started_unix_ms, id"};
constexpr Stmt summary_holds{"summary_holds", "SELECT h.session_id," UNKNOT_HOLD_COLUMNS
                                              " FROM holds h JOIN sessions s ON s.id=h.session_id WHERE s.user_id=$1 AND s.day>=$2"
                                              " ORDER BY h.session_id, h.id"};
constexpr Stmt summary_visits{"summary_visits", "SELECT v.session_id," UNKNOT_VISIT_COLUMNS
                                                " FROM visits v JOIN sessions s ON s.id=v.session_id WHERE s.user_id=$1 AND s.day>=$2"
                                                " ORDER BY v.session_id, v.id"};
#undef UNKNOT_HOLD_COLUMNS
#undef UNKNOT_VISIT_COLUMNS

constexpr Stmt save_assessment{"save_assessment",
                               "INSERT INTO assessments(created_unix_ms, day, assessment_json, user_id, by_user) VALUES ($1,$2,$3,$4,$5) RETURNING id"};
constexpr Stmt assessments{"assessments",
                           "SELECT id, created_unix_ms, day, assessment_json, user_id, by_user FROM assessments WHERE user_id=$1"
                           " ORDER BY created_unix_ms, id"};
constexpr Stmt latest_assessments{"latest_assessments",
                                  "SELECT a.id, a.created_unix_ms, a.day, a.assessment_json, a.user_id, a.by_user"
                                  " FROM unnest($1::bigint[]) WITH ORDINALITY AS u(id, ord) CROSS JOIN LATERAL"
                                  " (SELECT * FROM assessments WHERE user_id=u.id ORDER BY created_unix_ms DESC, id DESC LIMIT $2) a"
                                  " ORDER BY u.ord, a.created_unix_ms DESC, a.id DESC"};
constexpr Stmt save_screening{"save_screening",
                              "INSERT INTO screenings(user_id, by_user, created_unix_ms, day, answers_json, result) VALUES ($1,$2,$3,$4,$5,$6)"
                              " RETURNING id"};
constexpr Stmt screenings{"screenings",
                          "SELECT id, user_id, by_user, created_unix_ms, day, answers_json, result FROM screenings WHERE user_id=$1"
                          " ORDER BY created_unix_ms, id"};
constexpr Stmt latest_screenings{"latest_screenings",
                                 "SELECT x.id, x.user_id, x.by_user, x.created_unix_ms, x.day, x.answers_json, x.result"
                                 " FROM unnest($1::bigint[]) WITH ORDINALITY AS u(id, ord) CROSS JOIN LATERAL"
                                 " (SELECT * FROM screenings WHERE user_id=u.id ORDER BY created_unix_ms DESC, id DESC LIMIT 1) x"
                                 " ORDER BY u.ord"};
constexpr Stmt save_clearance{"save_clearance",
                              "INSERT INTO clearances(user_id, by_user, created_unix_ms, condition_id, day, note) VALUES ($1,$2,$3,$4,$5,$6)"
                              " RETURNING id"};
constexpr Stmt clearances{"clearances",
                          "SELECT c.id, c.user_id, c.by_user, c.created_unix_ms, c.condition_id, c.day, c.note"
                          " FROM unnest($1::bigint[]) WITH ORDINALITY AS u(id, ord) JOIN clearances c ON c.user_id=u.id"
                          " ORDER BY u.ord, c.day, c.created_unix_ms, c.id"};

constexpr Stmt create_user{"create_user",
                           "INSERT INTO users(email, name, role, password_hash, created_unix_ms)"
                           " VALUES ($1,$2,$3,$4,$5) ON CONFLICT (email) DO NOTHING RETURNING id"};
#define UNKNOT_USER_COLUMNS "SELECT id, email, name, role, password_hash, created_unix_ms FROM users "
constexpr Stmt user{"user", UNKNOT_USER_COLUMNS "WHERE id=$1"};
constexpr Stmt user_by_email{"user_by_email", UNKNOT_USER_COLUMNS "WHERE email=$1"};
constexpr Stmt users{"users", UNKNOT_USER_COLUMNS "ORDER BY id"};
constexpr Stmt users_by_id{"users_by_id", UNKNOT_USER_COLUMNS "WHERE id = ANY($1::bigint[]) ORDER BY id"};
#undef UNKNOT_USER_COLUMNS
constexpr Stmt count_users{"count_users", "SELECT COUNT(*) FROM users"};
constexpr Stmt update_user{"update_user", "UPDATE users SET name=$1, role=$2, password_hash=$3 WHERE id=$4"};
constexpr Stmt attempts{"attempts", "SELECT count, last_unix_ms FROM attempts WHERE key=$1"};
// One statement, so two processes counting the same key never lose one.
constexpr Stmt add_attempt{"add_attempt",
                           "INSERT INTO attempts(key, count, last_unix_ms) VALUES ($1, 1, $2) ON CONFLICT (key) DO UPDATE SET"
                           " count = CASE WHEN attempts.last_unix_ms < $3 THEN 1 ELSE attempts.count + 1 END, last_unix_ms = excluded.last_unix_ms"
                           " RETURNING count, last_unix_ms"};
constexpr Stmt prune_attempts{"prune_attempts", "DELETE FROM attempts WHERE last_unix_ms < $1"};
constexpr Stmt clear_attempts{"clear_attempts", "DELETE FROM attempts WHERE key=$1"};
// Holds, visits and events go with their sessions (ON DELETE CASCADE). Assessments a trainer
// made of a client, and assignments a trainer gave, stay: they are the client's.
constexpr Stmt delete_user[] = {
    {"delete_user_sessions", "DELETE FROM sessions WHERE user_id=$1"},
    {"delete_user_assessments", "DELETE FROM assessments WHERE user_id=$1"},
    {"delete_user_screenings", "DELETE FROM screenings WHERE user_id=$1"},
    {"delete_user_clearances", "DELETE FROM clearances WHERE user_id=$1"},
    {"delete_user_assignments", "DELETE FROM assignments WHERE client_id=$1"},
    {"delete_user_techniques", "DELETE FROM user_techniques WHERE user_id=$1"},
    {"delete_user_tokens", "DELETE FROM tokens WHERE user_id=$1"},
    {"delete_user_links", "DELETE FROM links WHERE client_id=$1 OR trainer_id=$1"},
    {"delete_user_audit", "DELETE FROM audit WHERE subject_id=$1"},
    {"delete_user", "DELETE FROM users WHERE id=$1"},
};
constexpr Stmt adopt_local_data[] = {
    {"adopt_sessions", "UPDATE sessions SET user_id=$1 WHERE user_id=0"},
    {"adopt_assessments", "UPDATE assessments SET user_id=$1, by_user=$1 WHERE user_id=0"},
    {"adopt_screenings", "UPDATE screenings SET user_id=$1, by_user=$1 WHERE user_id=0"},
    {"adopt_clearances", "UPDATE clearances SET user_id=$1, by_user=$1 WHERE user_id=0"},
    {"adopt_assignments", "UPDATE assignments SET client_id=$1 WHERE client_id=0"},
    {"adopt_user_techniques", "UPDATE user_techniques SET user_id=$1 WHERE user_id=0"},
};

constexpr Stmt put_token{"put_token",
                         "INSERT INTO tokens(hash, kind, user_id, created_unix_ms, expires_unix_ms, used_unix_ms, revoked, label, csrf)"
                         " VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)"};
#define UNKNOT_TOKEN_COLUMNS "SELECT hash, kind, user_id, created_unix_ms, expires_unix_ms, used_unix_ms, revoked, label, csrf FROM tokens "
constexpr Stmt token{"token", UNKNOT_TOKEN_COLUMNS "WHERE hash=$1"};
constexpr Stmt tokens{"tokens", UNKNOT_TOKEN_COLUMNS "WHERE user_id=$1 AND kind=$2 AND NOT revoked ORDER BY created_unix_ms DESC, hash"};
#undef UNKNOT_TOKEN_COLUMNS
// Under READ COMMITTED a second concurrent UPDATE waits for the first, then re-checks the WHERE
// against the committed row: it finds the token used and changes nothing. Exactly one wins.
constexpr Stmt consume_token{"consume_token",
                             "UPDATE tokens SET used_unix_ms=$1 WHERE hash=$2 AND used_unix_ms=0 AND NOT revoked"
                             " AND (expires_unix_ms=0 OR expires_unix_ms>$1)"};
constexpr Stmt revoke_token{"revoke_token", "UPDATE tokens SET revoked=true WHERE hash=$1"};
constexpr Stmt revoke_tokens{"revoke_tokens", "UPDATE tokens SET revoked=true WHERE user_id=$1 AND kind=$2"};

constexpr Stmt link{"link",
                    "INSERT INTO links(trainer_id, client_id, started_unix_ms) VALUES ($1,$2,$3)"
                    " ON CONFLICT (client_id) WHERE ended_unix_ms=0 DO NOTHING"};
constexpr Stmt unlink{"unlink", "UPDATE links SET ended_unix_ms=$1 WHERE trainer_id=$2 AND client_id=$3 AND ended_unix_ms=0"};
constexpr Stmt clients_of{"clients_of",
                          "SELECT trainer_id, client_id, started_unix_ms, ended_unix_ms FROM links WHERE trainer_id=$1 AND ended_unix_ms=0"
                          " ORDER BY client_id"};
constexpr Stmt trainer_of{"trainer_of",
                          "SELECT trainer_id, client_id, started_unix_ms, ended_unix_ms FROM links WHERE client_id=$1 AND ended_unix_ms=0"};
constexpr Stmt assign{"assign",
                      "INSERT INTO assignments(trainer_id, client_id, created_unix_ms, profile_json, note) VALUES ($1,$2,$3,$4,$5) RETURNING id"};
constexpr Stmt assignments{"assignments",
                           "SELECT id, trainer_id, client_id, created_unix_ms, profile_json, note FROM assignments WHERE client_id=$1"
                           " ORDER BY created_unix_ms DESC, id DESC"};
constexpr Stmt assignment{"assignment", "SELECT id, trainer_id, client_id, created_unix_ms, profile_json, note FROM assignments WHERE id=$1"};
constexpr Stmt put_user_technique{"put_user_technique",
                                  "INSERT INTO user_techniques(user_id, id, name, source, muscles, details_json) VALUES ($1,$2,$3,$4,$5,$6)"
                                  " ON CONFLICT (user_id, id) DO UPDATE SET name=EXCLUDED.name, source=EXCLUDED.source,"
                                  " muscles=EXCLUDED.muscles, details_json=EXCLUDED.details_json"};
constexpr Stmt user_techniques{"user_techniques",
                               "SELECT user_id, id, name, source, muscles, details_json FROM user_techniques WHERE user_id=$1 ORDER BY id"};
constexpr Stmt audit{"audit", "INSERT INTO audit(at_unix_ms, actor_id, subject_id, action, target) VALUES ($1,$2,$3,$4,$5)"};
constexpr Stmt audit_batch{"audit_batch",
                           "INSERT INTO audit(at_unix_ms, actor_id, subject_id, action, target)"
                           " SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[])"};
constexpr Stmt audit_log{"audit_log",
                         "SELECT id, at_unix_ms, actor_id, subject_id, action, target FROM audit WHERE ($1=0 OR subject_id=$1)"
                         " AND (NOT $3 OR actor_id<>subject_id) ORDER BY id DESC LIMIT $2"};
// Grouped in index order (user, day): no sort; callers take the rows in any order.
constexpr Stmt activity{"activity",
                        "SELECT s.user_id, s.day, COUNT(*), SUM(s.hold_count), SUM(s.tenderness_sum), MAX(s.started_unix_ms)"
                        " FROM sessions s WHERE s.user_id = ANY($1::bigint[]) AND s.day>=$2 GROUP BY s.user_id, s.day"};
constexpr Stmt last_sessions{"last_sessions",
                             "SELECT u.id, COALESCE((SELECT started_unix_ms FROM sessions WHERE user_id=u.id ORDER BY day DESC, started_unix_ms DESC"
                             " LIMIT 1),0) FROM unnest($1::bigint[]) WITH ORDINALITY AS u(id, ord) ORDER BY u.ord"};

constexpr Stmt missing_tables{"missing_tables", "SELECT string_agg(t, ', ' ORDER BY o) FROM unnest($1::text[]) WITH ORDINALITY AS x(t, o)"
                                                " WHERE to_regclass(t) IS NULL"};

}  // namespace unknot::pg::sql
