// What the app remembers between visits (localStorage): the screening answers and verdict, the
// last choice of targets, the current plan, and sound settings. A trainer working with a client
// has a separate set of the same per client (subject()), so the screens are the same ones.
import type { AnswerValue, AssessmentEntry, AssessmentInput, Context, Plan, Profile, Screening } from './api/types';
import { load, save } from './lib/persist';
import { createStore, type Store } from './lib/store';

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
/** Where the current plan came from, for its printed handout: the profile it was made from, or
 *  the id of the assigned routine it is. */
export const planFrom = persisted<Profile | number | null>('unknot.planFrom', null);
export const muted = persisted<boolean>(KEYS.muted, false);
/** The assessment being filled in, and the last one the server scored. */
export const assessDraft = persisted<Required<AssessmentInput>>('unknot.assessDraft', { findings: [], edition: 'c4' });
export const lastAssessment = persisted<AssessmentEntry | null>('unknot.assessment', null);

export type Draft = { profile: Profile; plan: Plan } | null;

/** Whose data a screen shows and changes: the person's own, or a client's (for their trainer). */
export interface Subject {
  client: number | null;
  /** Route prefix: '' for one's own screens, '/clients/ID' for a client's. */
  base: string;
  screening: Store<SavedScreening | null>;
  choice: Store<Choice>;
  assessDraft: Store<Required<AssessmentInput>>;
  lastAssessment: Store<AssessmentEntry | null>;
  /** A trainer's routine before it is assigned: the profile, and the plan made from it. */
  draft: Store<Draft>;
}

const own: Subject = { client: null, base: '', screening, choice, assessDraft, lastAssessment, draft: createStore<Draft>(null) };
const clients = new Map<number, Subject>();
const CLIENT_PREFIX = 'unknot.c.';

export function subject(client: number | null): Subject {
  if (!client) return own;
  let s = clients.get(client);
  if (!s) {
    const k = (name: string) => `${CLIENT_PREFIX}${client}.${name}`;
    s = {
      client,
      base: `/clients/${client}`,
      screening: persisted<SavedScreening | null>(k('screening'), null),
      choice: persisted<Choice>(k('choice'), DEFAULT_CHOICE),
      assessDraft: persisted<Required<AssessmentInput>>(k('assessDraft'), { findings: [], edition: 'c4' }),
      lastAssessment: persisted<AssessmentEntry | null>(k('assessment'), null),
      draft: persisted<Draft>(k('draft'), null),
    };
    clients.set(client, s);
  }
  return s;
}

/** Another person signed in on this device: what the last one left here is not theirs to see.
 *  (The outbox keeps each person's unsent sessions apart: src/sync/.) */
export function forgetLocalData(): void {
  screening.set(null);
  choice.set(DEFAULT_CHOICE);
  assessDraft.set({ findings: [], edition: 'c4' });
  lastAssessment.set(null);
  own.draft.set(null);
  setPlan(null);
  clients.clear();
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(CLIENT_PREFIX) || key === 'unknot.active') localStorage.removeItem(key);
  } catch {
    /* storage disabled: nothing was kept */
  }
  navigator.serviceWorker?.controller?.postMessage({ type: 'forget' });
}

/** The service worker keeps a copy of the plan (src/sw.ts): a fallback if storage lost ours. */
if (!currentPlan.get() && navigator.serviceWorker?.controller)
  void fetch('/__unknot/current-plan')
    .then((r) => (r.ok ? (r.json() as Promise<Plan | null>) : null))
    .then((plan) => plan && !currentPlan.get() && currentPlan.set(plan))
    .catch(() => undefined);

/** Hands the plan to the service worker too, so an offline reload can still run it. */
export function setPlan(plan: Plan | null, from: Profile | number | null = null): void {
  currentPlan.set(plan);
  planFrom.set(from);
  navigator.serviceWorker?.controller?.postMessage({ type: 'plan', plan });
}

/** Clients' names for the "Working with" banner and the screens' wording (from the dashboard). */
export const clientNames = createStore<Record<number, string>>({});
