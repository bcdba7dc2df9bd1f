// What the app remembers between visits (localStorage): the screening answers and verdict, the
// last choice of targets, the current plan, and sound settings.
import type { AnswerValue, AssessmentEntry, AssessmentInput, Context, Plan, Screening } from './api/types';
import { load, save } from './lib/persist';
import { createStore } from './lib/store';

export interface SavedScreening {
  answers: Record<string, AnswerValue>;
  result: Screening;
  at: number; // when the person answered (ms since epoch)
  refer_advice?: string[]; // with a refer verdict: the advice of the conditions that caused it, alone
}

export interface Choice {
  targets: string[]; // region or muscle ids, optionally ":left"/":right"; first = most important
  minutes: number;
  tools: string[];
  context: Context;
  goal: string | null;
}

export const DEFAULT_CHOICE: Choice = { targets: [], minutes: 15, tools: ['foam_roller'], context: 'daily', goal: null };

const KEYS = { screening: 'unknot.screening', choice: 'unknot.choice', plan: 'unknot.plan', muted: 'unknot.muted' };

function persisted<T>(key: string, fallback: T) {
  const store = createStore<T>(load(key, fallback));
  store.subscribe((v) => save(key, v));
  return store;
}

export const screening = persisted<SavedScreening | null>(KEYS.screening, null);
export const choice = persisted<Choice>(KEYS.choice, DEFAULT_CHOICE);
export const currentPlan = persisted<Plan | null>(KEYS.plan, null);
export const muted = persisted<boolean>(KEYS.muted, false);
/** The assessment being filled in, and the last one the server scored. */
export const assessDraft = persisted<Required<AssessmentInput>>('unknot.assessDraft', { findings: [], edition: 'c4' });
export const lastAssessment = persisted<AssessmentEntry | null>('unknot.assessment', null);

/** The service worker keeps a copy of the plan (src/sw.ts): a fallback if storage lost ours. */
if (!currentPlan.get() && navigator.serviceWorker?.controller)
  void fetch('/__unknot/current-plan')
    .then((r) => (r.ok ? (r.json() as Promise<Plan | null>) : null))
    .then((plan) => plan && !currentPlan.get() && currentPlan.set(plan))
    .catch(() => undefined);

/** Hands the plan to the service worker too, so an offline reload can still run it. */
export function setPlan(plan: Plan | null): void {
  currentPlan.set(plan);
  navigator.serviceWorker?.controller?.postMessage({ type: 'plan', plan });
}
