// A trainer's dashboard row (GET /api/v1/dashboard) in words a trainer reads at a glance.
// Trends are words plus an arrow (never colour alone); flags come first, most urgent first.
import { decimal } from './numbers';
import type { Changes, Comparison, DashboardFlag, DashboardRow, Verdict } from '../api/types';
import { dayText, daysAgo } from './time';

export type Tone = 'good' | 'bad' | 'neutral';

export interface TrendView {
  arrow: '↓' | '↑' | '→' | '';
  words: string;
  tone: Tone;
  detail: string; // the two numbers behind it, or why there are none
}

export interface FlagView {
  kind: DashboardFlag['kind'];
  text: string;
}

export interface RowView {
  id: number;
  name: string;
  urgency: number; // 3 refer, 2 missed days, 1 never rolled, 0 nothing to act on
  flags: FlagView[];
  perWeek: string;
  sessions: string; // how many that is: "3 sessions in 4 weeks"
  streak: string;
  last: string;
  spots: TrendView;
  tenderness: TrendView;
  screening: { text: string; tone: Tone };
  reassessment: string;
}

const URGENCY: Record<DashboardFlag['kind'], number> = { refer: 3, missed_days: 2, never_rolled: 1 };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function flagText(f: DashboardFlag): string {
  switch (f.kind) {
    case 'refer':
      return `Refer: screening on ${dayText(f.date)} says see a clinician before rolling`;
    case 'missed_days':
      return `No session for ${f.days} days`;
    case 'never_rolled':
      return 'Has not rolled yet';
  }
}

/** Fewer/milder is good for both measures: tender spots per session, tenderness 0–10. */
export function trendView(c: Comparison, measure: 'spots' | 'tenderness'): TrendView {
  const unit = measure === 'spots' ? ' a session' : '/10';
  const detail =
    c.recent !== null && c.earlier !== null
      ? `${decimal(c.earlier)} → ${decimal(c.recent)}${unit}`
      : c.recent !== null
        ? `${decimal(c.recent)}${unit} lately`
        : 'no sessions in the last 4 weeks';
  switch (c.trend) {
    case 'down':
      return { arrow: '↓', words: measure === 'spots' ? 'Fewer' : 'Milder', tone: 'good', detail };
    case 'up':
      return { arrow: '↑', words: measure === 'spots' ? 'More' : 'More tender', tone: 'bad', detail };
    case 'same':
      return { arrow: '→', words: 'About the same', tone: 'neutral', detail };
    default:
      return { arrow: '', words: 'Too early to tell', tone: 'neutral', detail };
  }
}

export function screeningView(v: Verdict | null): { text: string; tone: Tone } {
  if (v === 'clear') return { text: 'Clear', tone: 'good' };
  if (v === 'caution') return { text: 'Roll with care', tone: 'neutral' };
  if (v === 'refer') return { text: 'Refer to a clinician', tone: 'bad' };
  return { text: 'Not screened yet', tone: 'neutral' };
}

export function reassessmentText(c: Changes | null): string {
  if (!c) return 'None yet';
  return `${c.resolved.length} resolved · ${c.persisted.length} still there · ${c.appeared.length} new`;
}

export function describeRow(row: DashboardRow, now = Date.now()): RowView {
  const flags = [...row.flags].sort((a, b) => URGENCY[b.kind] - URGENCY[a.kind]);
  return {
    id: row.client.id,
    name: row.client.name,
    urgency: flags.length ? URGENCY[flags[0].kind] : 0,
    flags: flags.map((f) => ({ kind: f.kind, text: flagText(f) })),
    perWeek: row.sessions_per_week > 0 ? `${decimal(row.sessions_per_week)} a week` : 'none',
    // The server's rate is sessions in 28 days / 4, to one decimal: times 4 is the count again.
    sessions: `${plural(Math.round(row.sessions_per_week * 4), 'session')} in 4 weeks`,
    streak: row.streak > 0 ? `${row.streak}${row.streak_capped ? '+' : ''} day${row.streak === 1 && !row.streak_capped ? '' : 's'}` : 'none',
    last: row.last_session_unix_ms === null ? 'never' : daysAgo(row.last_session_unix_ms, now),
    spots: trendView(row.tender_spots, 'spots'),
    tenderness: trendView(row.tenderness, 'tenderness'),
    screening: screeningView(row.screening),
    reassessment: reassessmentText(row.reassessment),
  };
}

/** Who needs attention first: flagged clients (most urgent flag first), then by name. */
export function sortRows(rows: RowView[]): RowView[] {
  return [...rows].sort((a, b) => b.urgency - a.urgency || a.name.localeCompare(b.name));
}

/** The line above the list: "4 clients · 1 to refer · 1 with missed days · 1 not started". */
export function summary(rows: RowView[]): string {
  const count = (k: FlagView['kind']) => rows.filter((r) => r.flags.some((f) => f.kind === k)).length;
  const parts = [plural(rows.length, 'client')];
  if (count('refer')) parts.push(`${count('refer')} to refer`);
  if (count('missed_days')) parts.push(`${count('missed_days')} with missed days`);
  if (count('never_rolled')) parts.push(`${count('never_rolled')} not started`);
  return parts.join(' · ');
}
