#pragma once
// The SQLite schema as a list of steps. Each entry moves the schema one version forward (PRAGMA
// user_version counts them); never edit a released entry, add a new one.
#include <string_view>
#include <vector>

namespace unknot::sqlite {

inline const std::vector<std::string_view> migrations{R"sql(
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  started_unix_ms INTEGER NOT NULL,
  ended_unix_ms INTEGER,
  day INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','stopped')),
  plan_json TEXT NOT NULL
);
CREATE TABLE holds (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  item INTEGER NOT NULL,
  technique TEXT NOT NULL,
  side TEXT CHECK (side IN ('left','right')),
  muscles TEXT NOT NULL,
  spot INTEGER NOT NULL,
  found_ms INTEGER NOT NULL,
  ended_ms INTEGER NOT NULL,
  hold_s INTEGER NOT NULL CHECK (hold_s >= 0),
  tenderness_start INTEGER NOT NULL CHECK (tenderness_start BETWEEN 0 AND 10),
  tenderness_end INTEGER CHECK (tenderness_end BETWEEN 0 AND 10),
  outcome TEXT NOT NULL
);
CREATE INDEX holds_by_session ON holds(session_id);
CREATE TABLE visits (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  item INTEGER NOT NULL,
  kind TEXT NOT NULL,
  ref_id TEXT NOT NULL,
  side TEXT,
  muscles TEXT NOT NULL,
  outcome TEXT NOT NULL,
  spots INTEGER NOT NULL,
  started_ms INTEGER NOT NULL,
  ended_ms INTEGER NOT NULL
);
CREATE INDEX visits_by_session ON visits(session_id);
)sql",
R"sql(
ALTER TABLE sessions ADD COLUMN client_id TEXT;
CREATE UNIQUE INDEX sessions_by_client_id ON sessions(client_id) WHERE client_id IS NOT NULL;
CREATE TABLE session_events (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  client_id TEXT NOT NULL,
  t_ms INTEGER NOT NULL,
  type TEXT NOT NULL,
  tenderness INTEGER,
  PRIMARY KEY (session_id, seq),
  UNIQUE (session_id, client_id)
);
)sql",
R"sql(
CREATE TABLE assessments (
  id INTEGER PRIMARY KEY,
  created_unix_ms INTEGER NOT NULL,
  day INTEGER NOT NULL,
  assessment_json TEXT NOT NULL
);
)sql",
R"sql(
ALTER TABLE sessions ADD COLUMN user_id INTEGER NOT NULL DEFAULT 0;
DROP INDEX sessions_by_client_id;
CREATE UNIQUE INDEX sessions_by_client_id ON sessions(user_id, client_id) WHERE client_id IS NOT NULL;
CREATE INDEX sessions_by_user_day ON sessions(user_id, day);
ALTER TABLE assessments ADD COLUMN user_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE assessments ADD COLUMN by_user INTEGER NOT NULL DEFAULT 0;
CREATE INDEX assessments_by_user ON assessments(user_id);
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('self','client','trainer','admin')),
  password_hash TEXT NOT NULL,
  created_unix_ms INTEGER NOT NULL,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until_ms INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE tokens (
  hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('session','api','invite','reset','calendar')),
  user_id INTEGER NOT NULL,
  created_unix_ms INTEGER NOT NULL,
  expires_unix_ms INTEGER NOT NULL DEFAULT 0,
  used_unix_ms INTEGER NOT NULL DEFAULT 0,
  revoked INTEGER NOT NULL DEFAULT 0,
  label TEXT NOT NULL DEFAULT '',
  csrf TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tokens_by_user ON tokens(user_id, kind);
CREATE TABLE links (
  trainer_id INTEGER NOT NULL,
  client_id INTEGER NOT NULL,
  started_unix_ms INTEGER NOT NULL,
  ended_unix_ms INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX links_one_trainer ON links(client_id) WHERE ended_unix_ms = 0;
CREATE INDEX links_by_trainer ON links(trainer_id) WHERE ended_unix_ms = 0;
CREATE TABLE assignments (
  id INTEGER PRIMARY KEY,
  trainer_id INTEGER NOT NULL,
  client_id INTEGER NOT NULL,
  created_unix_ms INTEGER NOT NULL,
  profile_json TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assignments_by_client ON assignments(client_id);
CREATE TABLE screenings (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL,
  by_user INTEGER NOT NULL,
  created_unix_ms INTEGER NOT NULL,
  day INTEGER NOT NULL,
  answers_json TEXT NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('clear','caution','refer'))
);
CREATE INDEX screenings_by_user ON screenings(user_id);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  at_unix_ms INTEGER NOT NULL,
  actor_id INTEGER NOT NULL,
  subject_id INTEGER NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL
);
CREATE INDEX audit_by_subject ON audit(subject_id, id);
)sql",
// Per-session totals kept next to the session, so a dashboard over 200 clients reads one
// covering index instead of joining every hold.
R"sql(
ALTER TABLE sessions ADD COLUMN hold_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN tenderness_sum INTEGER NOT NULL DEFAULT 0;
UPDATE sessions SET hold_count = (SELECT COUNT(*) FROM holds h WHERE h.session_id = sessions.id),
                    tenderness_sum = (SELECT COALESCE(SUM(h.tenderness_start), 0) FROM holds h WHERE h.session_id = sessions.id);
DROP INDEX sessions_by_user_day;
CREATE INDEX sessions_activity ON sessions(user_id, day, started_unix_ms, hold_count, tenderness_sum);
)sql",
R"sql(
CREATE TABLE user_techniques (
  user_id INTEGER NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  source TEXT NOT NULL,
  muscles TEXT NOT NULL,
  details_json TEXT NOT NULL,
  PRIMARY KEY (user_id, id)
);
)sql",
// A professional's clearance after a refer, kept apart from the answers it lifts.
R"sql(
CREATE TABLE clearances (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL,
  by_user INTEGER NOT NULL,
  created_unix_ms INTEGER NOT NULL,
  condition_id TEXT NOT NULL,
  day INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX clearances_by_user ON clearances(user_id, day);
)sql",
// Login failures and sign-ups counted per (email, address) or address instead of a lockout
// kept on the account, which let anyone lock anyone out and told which emails had accounts.
R"sql(
CREATE TABLE attempts (
  key TEXT PRIMARY KEY,
  count INTEGER NOT NULL,
  last_unix_ms INTEGER NOT NULL
);
CREATE INDEX attempts_by_age ON attempts(last_unix_ms);
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until_ms;
)sql"};

}  // namespace unknot::sqlite
