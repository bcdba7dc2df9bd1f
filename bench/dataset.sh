#!/usr/bin/env bash
# Prints SQL that fills an empty, migrated unknot database with a gym: one trainer coaching 200
# clients, more clients without a trainer, and for every client DAYS days of rolling (most days
# a session with three held tender spots whose tenderness falls over the months). The same SQL
# runs on SQLite and PostgreSQL: rows come from cross joins of a small number table, which both
# execute at millions of rows a second, so 10,000 clients x 2 years takes about a minute.
#   bench/dataset.sh CLIENTS DAYS TODAY_DAY | sqlite3 file.db     (or | psql URL)
set -euo pipefail
clients="${1:-10000}"
days="${2:-730}"
today="${3:-$(( $(date +%s) / 86400 ))}"
coached=$(( clients < 200 ? clients : 200 ))
n=$(( clients > days ? clients : days ))
first_day=$(( today - days + 1 ))
# the dummy hash is not a valid argon2id string: nobody can log in as a generated client
cat <<SQL
BEGIN;
CREATE TABLE bench_n (i INTEGER PRIMARY KEY);
INSERT INTO bench_n (i) WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i + 1 < $n) SELECT i FROM c;
INSERT INTO users (id, email, name, role, password_hash, created_unix_ms)
  VALUES (1, 'trainer@bench.example', 'Bench Trainer', 'trainer', 'x', 0);
INSERT INTO users (id, email, name, role, password_hash, created_unix_ms)
  SELECT i + 2, 'client' || i || '@bench.example', 'Client ' || i, CASE WHEN i < $coached THEN 'client' ELSE 'self' END, 'x', 0
  FROM bench_n WHERE i < $clients;
INSERT INTO links (trainer_id, client_id, started_unix_ms) SELECT 1, i + 2, 0 FROM bench_n WHERE i < $coached;
-- About six days in seven: a client skips the day when (client*7 + day*13) % 7 == 0.
-- hold_count and tenderness_sum are the totals of the three holds inserted next.
INSERT INTO sessions (id, user_id, started_unix_ms, ended_unix_ms, day, status, plan_json, hold_count, tenderness_sum)
  SELECT c.i * $days + d.i + 1, c.i + 2, CAST($first_day + d.i AS BIGINT) * 86400000 + 25200000, CAST($first_day + d.i AS BIGINT) * 86400000 + 26100000,
         $first_day + d.i, 'done', '{}', 3, 3 * (2 + (7 * ($days - d.i)) / $days + ((c.i * $days + d.i + 1) % 2))
  FROM bench_n c CROSS JOIN bench_n d
  WHERE c.i < $clients AND d.i < $days AND (c.i * 7 + d.i * 13) % 7 <> 0;
INSERT INTO holds (session_id, item, technique, side, muscles, spot, found_ms, ended_ms, hold_s, tenderness_start, tenderness_end, outcome)
  SELECT s.id, k.i, CASE k.i WHEN 0 THEN 'calves_roll' WHEN 1 THEN 'hamstrings_roll' ELSE 'it_band_roll' END,
         CASE k.i % 2 WHEN 0 THEN 'left' ELSE 'right' END,
         CASE k.i WHEN 0 THEN 'gastrocnemius soleus' WHEN 1 THEN 'biceps_femoris' ELSE 'tensor_fasciae_latae' END,
         1, 60000 * k.i + 20000, 60000 * k.i + 20000 + 1000 * (30 + (s.id % 40)), 30 + (s.id % 40),
         2 + (7 * ($days - (s.day - $first_day))) / $days + (s.id % 2), 1 + (s.id % 2), 'eased'
  FROM sessions s CROSS JOIN bench_n k WHERE k.i < 3
  ORDER BY s.id, k.i;  -- a session's holds are written together, as the app writes them
DROP TABLE bench_n;
COMMIT;
SQL
