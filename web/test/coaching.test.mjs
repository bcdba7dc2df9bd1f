// What a trainer reads on the dashboard, and times as people say them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeRow, flagText, reassessmentText, sortRows, summary, trendView } from './.build/dashboard.mjs';
import { daysAgo, daysBetween, whenText } from './.build/time.mjs';

const at = (y, m, d, h = 12, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const NOW = at(2025, 3, 12, 9, 30);

test('days ago counts calendar days, not 24-hour spans', () => {
  assert.equal(daysAgo(at(2025, 3, 12, 0, 5), NOW), 'today');
  assert.equal(daysAgo(at(2025, 3, 11, 23, 50), NOW), 'yesterday'); // ten hours ago, but yesterday
  assert.equal(daysAgo(at(2025, 3, 10, 9, 31), NOW), '2 days ago');
  assert.equal(daysAgo(at(2025, 2, 27), NOW), '13 days ago');
  assert.equal(daysAgo(at(2025, 2, 26), NOW), '2 weeks ago');
  assert.equal(daysAgo(at(2025, 1, 1), NOW), '2 months ago');
  assert.equal(daysAgo(at(2023, 1, 1), NOW), 'over a year ago');
  assert.equal(daysAgo(NOW + 60_000, NOW), 'today'); // a clock a little ahead
  assert.equal(daysBetween(at(2025, 3, 29, 12), at(2025, 3, 31, 12)), 2); // across a DST change in many zones
  assert.match(whenText(at(2025, 3, 11, 14, 5), NOW), /^yesterday \S+/);
  assert.equal(whenText(at(2025, 3, 1), NOW), '11 days ago');
});

const row = (over = {}) => ({
  client: { id: 3, name: 'Robin' },
  since_unix_ms: at(2025, 1, 1),
  sessions_per_week: 2.5,
  streak: 3,
  streak_capped: false,
  last_session_unix_ms: at(2025, 3, 10, 18),
  days_since_last: 2,
  tender_spots: { recent: 1.5, earlier: 2, trend: 'down' },
  tenderness: { recent: 6.2, earlier: 6.1, trend: 'same' },
  screening: 'clear',
  reassessment: { resolved: [{ id: 'a' }, { id: 'b' }], persisted: [{ id: 'c' }], appeared: [] },
  flags: [],
  ...over,
});

test('a dashboard row in words: per week, streak, last session, trends with arrows and numbers', () => {
  const v = describeRow(row(), NOW);
  assert.equal(v.perWeek, '2.5 a week');
  assert.equal(v.sessions, '10 sessions in 4 weeks');
  assert.equal(describeRow(row({ sessions_per_week: 0.3 }), NOW).sessions, '1 session in 4 weeks'); // 0.25, rounded by the server
  assert.equal(v.streak, '3 days');
  assert.equal(v.last, '2 days ago');
  assert.deepEqual(v.spots, { arrow: '↓', words: 'Fewer', tone: 'good', detail: '2 → 1.5 a session' });
  assert.deepEqual(v.tenderness, { arrow: '→', words: 'About the same', tone: 'neutral', detail: '6.1 → 6.2/10' });
  assert.deepEqual(v.screening, { text: 'Clear', tone: 'good' });
  assert.equal(v.reassessment, '2 resolved · 1 still there · 0 new');
  assert.equal(v.urgency, 0);
});

test('worse is said in words too, never by colour alone', () => {
  assert.deepEqual(trendView({ recent: 7, earlier: 5, trend: 'up' }, 'tenderness'), { arrow: '↑', words: 'More tender', tone: 'bad', detail: '5 → 7/10' });
  assert.equal(trendView({ recent: 3, earlier: 2, trend: 'up' }, 'spots').words, 'More');
  assert.deepEqual(trendView({ recent: null, earlier: null, trend: '' }, 'spots'), { arrow: '', words: 'Too early to tell', tone: 'neutral', detail: 'no sessions in the last 4 weeks' });
  assert.equal(trendView({ recent: 4, earlier: null, trend: '' }, 'tenderness').detail, '4/10 lately');
});

test('a new client: never rolled, not screened, nothing to compare', () => {
  const v = describeRow(row({
    sessions_per_week: 0, streak: 0, last_session_unix_ms: null, days_since_last: null, screening: null, reassessment: null,
    tender_spots: { recent: null, earlier: null, trend: '' }, tenderness: { recent: null, earlier: null, trend: '' },
    flags: [{ kind: 'never_rolled', message: 'has not recorded a session yet' }],
  }), NOW);
  assert.equal(v.perWeek, 'none');
  assert.equal(v.sessions, '0 sessions in 4 weeks');
  assert.equal(v.streak, 'none');
  assert.equal(v.last, 'never');
  assert.equal(v.screening.text, 'Not screened yet');
  assert.equal(v.reassessment, 'None yet');
  assert.deepEqual(v.flags, [{ kind: 'never_rolled', text: 'Has not rolled yet' }]);
  assert.equal(reassessmentText(null), 'None yet');
});

test('flags: most urgent first, and the clients who need attention lead the list', () => {
  const refer = { kind: 'refer', date: '2025-03-11', message: 'latest screening says see a clinician before rolling' };
  const missed = { kind: 'missed_days', days: 5, message: 'no session for 5 days' };
  const day = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(2025, 2, 11, 12));
  assert.equal(flagText(refer), `Refer: screening on ${day} says see a clinician before rolling`); // in the reader's words, through Intl
  assert.equal(flagText(missed), 'No session for 5 days');
  const rows = [
    describeRow(row({ client: { id: 1, name: 'Alex' } }), NOW),
    describeRow(row({ client: { id: 2, name: 'Sam' }, flags: [missed, refer], screening: 'refer' }), NOW),
    describeRow(row({ client: { id: 4, name: 'Jo' }, flags: [missed] }), NOW),
    describeRow(row({ client: { id: 5, name: 'Ann' } }), NOW),
  ];
  assert.deepEqual(rows[1].flags.map((f) => f.kind), ['refer', 'missed_days']);
  assert.equal(rows[1].screening.text, 'Refer to a clinician');
  assert.deepEqual(sortRows(rows).map((r) => r.name), ['Sam', 'Jo', 'Alex', 'Ann']);
  assert.equal(summary(rows), '4 clients · 1 to refer · 2 with missed days');
  assert.equal(describeRow(row({ streak: 90, streak_capped: true }), NOW).streak, '90+ days');
  assert.equal(describeRow(row({ streak: 1 }), NOW).streak, '1 day');
});
