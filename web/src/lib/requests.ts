// Request bodies the app sends, built by pure functions so test/contract.test.mjs can check
// them against api/openapi.json.
import type { AnswerValue, Condition, Context, EventType, GateQuestion, NewSession, Plan, Profile, SessionEvent } from '../api/types';
import { randomId } from './ids';

/** The answers worth sending: every gate answer; under a "yes" its conditions, and a follow-up
 *  only when its condition is yes. (A "no" to a gate is a "no" to all under it, on the server.) */
export function answersToSend(gate: GateQuestion[], conditions: Condition[], answers: Record<string, AnswerValue>): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const g of gate) {
    if (answers[g.id] === undefined) continue;
    out[g.id] = answers[g.id];
    if (answers[g.id] !== true) continue;
    for (const c of conditions) {
      if (!g.covers.includes(c.id) || answers[c.id] === undefined) continue;
      out[c.id] = answers[c.id];
      if (answers[c.id] === true && c.follow_up && answers[c.follow_up.id] !== undefined) out[c.follow_up.id] = answers[c.follow_up.id];
    }
  }
  return out;
}

/** The questions still open, in screen order: on the gate step the gate questions; after it,
 *  the conditions under each "yes" and the follow-ups of each "yes" among them. */
export function unanswered(gate: GateQuestion[], conditions: Condition[], answers: Record<string, AnswerValue>, details: boolean): string[] {
  const open: string[] = [];
  for (const g of gate) {
    if (!details) {
      if (answers[g.id] === undefined) open.push(g.id);
      continue;
    }
    if (answers[g.id] !== true) continue;
    for (const c of conditions) {
      if (!g.covers.includes(c.id)) continue;
      const f = c.follow_up && answers[c.id] === true ? answers[c.follow_up.id] : 0;
      if (answers[c.id] === undefined) open.push(c.id);
      else if (f === undefined || (Array.isArray(f) && f.length === 0)) open.push(c.follow_up!.id);
    }
  }
  return open;
}

export function splitSide(id: string): [string, 'left' | 'right' | null] {
  const m = /^(.*):(left|right)$/.exec(id);
  return m ? [m[1], m[2] as 'left' | 'right'] : [id, null];
}

/** Toggles one side of a place. Both sides chosen become the plain id ("calf"), which the
 *  planner reads as "both sides"; the order (priority) is kept. */
export function toggleTarget(targets: string[], key: string): string[] {
  const [id, side] = splitSide(key);
  if (!side) return targets.includes(id) ? targets.filter((t) => t !== id) : [...targets, id];
  const otherKey = `${id}:${side === 'left' ? 'right' : 'left'}`;
  if (targets.includes(id)) return targets.map((t) => (t === id ? otherKey : t));
  if (targets.includes(key)) return targets.filter((t) => t !== key);
  if (targets.includes(otherKey)) return targets.map((t) => (t === otherKey ? id : t));
  return [...targets, key];
}

export function profileFor(
  c: { targets: string[]; minutes: number; tools: string[]; context: Context },
  answers: Record<string, AnswerValue>,
): Profile {
  return { screening: { answers }, targets: c.targets, minutes: c.minutes, tools: c.tools, context: c.context };
}

export function newSession(plan: Plan, clientId: string, startedAtMs: number): NewSession {
  return { plan, client_id: clientId, started_at_ms: Math.round(startedAtMs) };
}

/** An event at `tMs` milliseconds since the start; the server reads t back to the same ms. */
export function makeEvent(type: EventType, tMs: number, tenderness?: number): SessionEvent {
  const e: SessionEvent = { id: randomId(), t: Math.round(tMs) / 1000, type };
  if (tenderness !== undefined) e.tenderness = tenderness;
  return e;
}
