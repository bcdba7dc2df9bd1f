// Thin fetch wrapper over the unknot API (api/openapi.json). Catalog reads are memoised for the
// page's lifetime; the service worker keeps copies for offline use. Every state-changing request
// carries the CSRF token of the current login; a 401 tells src/auth.ts the person is signed out
// (it shows the sign-in screen and keeps everything on this device).
import type {
  Activation, Answers, Article, AssessmentEntry, AssessmentInput, Assignment, AuthState, Client, Compensation, Integration, ArticleSummary,
  Condition, CueText, EventsResult, Goal, HistoryEntry, Muscle, NewSession, Plan, Profile, Progress, Region, Screening, ScreeningGate,
  Session, SessionEvent, Side, Source, Stretch, Technique, Tool, ApiError, Picture,
} from './types';
import { pictureUrl } from '../lib/pictures';

export class HttpError extends Error {
  constructor(readonly status: number, readonly body: ApiError | null) {
    super(body?.error?.message ?? `The server answered ${status}`);
  }
  get field(): string | null {
    return this.body?.error?.field ?? null;
  }
  get code(): string | null {
    return this.body?.error?.code ?? null;
  }
}

/** True when the request never reached the server (offline, DNS, connection refused). */
export function isNetworkError(e: unknown): boolean {
  return e instanceof TypeError || (e instanceof DOMException && e.name === 'AbortError');
}

/** How requests learn about the login; src/auth.ts sets these once. */
export interface AuthHooks {
  csrf(): string | null; // the token for X-CSRF-Token, from GET /api/v1/auth
  refresh(): Promise<unknown>; // asks /auth again (the token was stale); resolves when done
  lost(e: HttpError): void; // the server says nobody is signed in
}
let hooks: AuthHooks = { csrf: () => null, refresh: async () => undefined, lost: () => undefined };
export function setAuthHooks(h: AuthHooks): void {
  hooks = h;
}
export const authHooks = () => hooks;

/** 401 codes that mean "not signed in" (a wrong password at login is a 401 too, but not this). */
const SIGNED_OUT = new Set(['unauthenticated', 'setup_required']);

export type Method = 'GET' | 'POST' | 'DELETE';

export async function request<T>(method: Method, path: string, body?: unknown, retry = true): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const csrf = method === 'GET' ? null : hooks.csrf();
  if (csrf) headers['X-CSRF-Token'] = csrf;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const err = new HttpError(res.status, json && typeof json === 'object' && 'error' in json ? (json as ApiError) : null);
    // A token from before a reload, or from another tab's login: fetch the current one, once.
    if (res.status === 403 && err.code === 'csrf' && retry) {
      await hooks.refresh();
      return request<T>(method, path, body, false);
    }
    if (res.status === 401 && SIGNED_OUT.has(err.code ?? '')) hooks.lost(err);
    throw err;
  }
  return json as T;
}

const memo = new Map<string, Promise<unknown>>();
function cached<T>(path: string): Promise<T> {
  let p = memo.get(path) as Promise<T> | undefined;
  if (!p) {
    p = request<T>('GET', path);
    memo.set(path, p);
    p.catch(() => memo.delete(path)); // try again next time
  }
  return p;
}

export const V1 = '/api/v1';
const enc = encodeURIComponent;
/** Whose health data: the caller's own, or (for their trainer) a client's. */
export const forClient = (client?: number | null) => (client ? `?client=${client}` : '');

export const api = {
  techniques: () => cached<Technique[]>(`${V1}/techniques`),
  technique: (id: string) => cached<Technique>(`${V1}/techniques/${enc(id)}`),
  stretches: () => cached<Stretch[]>(`${V1}/stretches`),
  stretch: (id: string) => cached<Stretch>(`${V1}/stretches/${enc(id)}`),
  picture: (move: string, tool?: string, side?: Side) => cached<Picture>(pictureUrl(move, tool, side)),
  articles: () => cached<ArticleSummary[]>(`${V1}/learn`),
  article: (slug: string) => cached<Article>(`${V1}/learn/${enc(slug)}`),
  muscles: () => cached<Muscle[]>(`${V1}/muscles`),
  regions: () => cached<Region[]>(`${V1}/regions`),
  tools: () => cached<Tool[]>(`${V1}/tools`),
  conditions: () => cached<Condition[]>(`${V1}/conditions`),
  gate: () => cached<ScreeningGate>(`${V1}/screening-gate`),
  cues: () => cached<CueText[]>(`${V1}/cues`),
  goals: () => cached<Goal[]>(`${V1}/goals`),
  sources: () => cached<Source[]>(`${V1}/sources`),
  auth: () => request<AuthState>('GET', `${V1}/auth`),
  screen: (answers: Answers, client?: number | null) => request<Screening>('POST', `${V1}/screenings${forClient(client)}`, answers),
  /** Evaluates without recording: for advice on part of the answers. */
  preview: (answers: Answers, client?: number | null) =>
    request<Screening>('POST', `${V1}/screenings${forClient(client)}${client ? '&' : '?'}record=false`, answers),
  plan: (profile: Profile) => request<Plan>('POST', `${V1}/plans`, profile),
  /** Without an account: computed the same way, nothing kept (src/guest.ts). */
  guestScreen: (answers: Answers) => request<Screening>('POST', `${V1}/guest/screening`, answers),
  guestPlan: (profile: Profile) => request<Plan>('POST', `${V1}/guest/plans`, profile),
  startSession: (s: NewSession) => request<Session>('POST', `${V1}/sessions`, s),
  session: (id: number) => request<Session>('GET', `${V1}/sessions/${id}`),
  postEvents: (id: number, events: SessionEvent[]) => request<EventsResult>('POST', `${V1}/sessions/${id}/events`, { events }),
  history: (client?: number | null) => request<HistoryEntry[]>('GET', `${V1}/history${forClient(client)}`),
  compensations: () => cached<Compensation[]>(`${V1}/compensations`),
  activations: () => cached<Activation[]>(`${V1}/activations`),
  integrations: () => cached<Integration[]>(`${V1}/integrations`),
  assess: (a: AssessmentInput, client?: number | null) => request<AssessmentEntry>('POST', `${V1}/assessments${forClient(client)}`, a),
  assessments: (client?: number | null) => request<AssessmentEntry[]>('GET', `${V1}/assessments${forClient(client)}`),
  progress: (client?: number | null) => request<Progress>('GET', `${V1}/progress${forClient(client)}`),
  assignments: (client?: number | null) => request<Assignment[]>('GET', `${V1}/assignments${forClient(client)}`),
  clients: () => request<Client[]>('GET', `${V1}/clients`),
};
