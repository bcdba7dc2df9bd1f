// Thin fetch wrapper over the unknot API (api/openapi.json). Catalog reads are memoised for the
// page's lifetime; the service worker keeps copies for offline use.
import type {
  Activation, Answers, Article, AssessmentEntry, AssessmentInput, Compensation, Integration, ArticleSummary, Condition, CueText, EventsResult, Goal, HistoryEntry, Muscle,
  NewSession, Plan, Profile, Progress, Region, Screening, Session, SessionEvent, Source, Stretch,
  Technique, Tool, ApiError,
} from './types';

export class HttpError extends Error {
  constructor(readonly status: number, readonly body: ApiError | null) {
    super(body?.error?.message ?? `The server answered ${status}`);
  }
  get field(): string | null {
    return this.body?.error?.field ?? null;
  }
}

/** True when the request never reached the server (offline, DNS, connection refused). */
export function isNetworkError(e: unknown): boolean {
  return e instanceof TypeError || (e instanceof DOMException && e.name === 'AbortError');
}

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) throw new HttpError(res.status, json && typeof json === 'object' && 'error' in json ? (json as ApiError) : null);
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

const V1 = '/api/v1';
const enc = encodeURIComponent;

export const api = {
  techniques: () => cached<Technique[]>(`${V1}/techniques`),
  technique: (id: string) => cached<Technique>(`${V1}/techniques/${enc(id)}`),
  stretches: () => cached<Stretch[]>(`${V1}/stretches`),
  stretch: (id: string) => cached<Stretch>(`${V1}/stretches/${enc(id)}`),
  articles: () => cached<ArticleSummary[]>(`${V1}/learn`),
  article: (slug: string) => cached<Article>(`${V1}/learn/${enc(slug)}`),
  muscles: () => cached<Muscle[]>(`${V1}/muscles`),
  regions: () => cached<Region[]>(`${V1}/regions`),
  tools: () => cached<Tool[]>(`${V1}/tools`),
  conditions: () => cached<Condition[]>(`${V1}/conditions`),
  cues: () => cached<CueText[]>(`${V1}/cues`),
  goals: () => cached<Goal[]>(`${V1}/goals`),
  sources: () => cached<Source[]>(`${V1}/sources`),
  screen: (answers: Answers) => request<Screening>('POST', `${V1}/screenings`, answers),
  plan: (profile: Profile) => request<Plan>('POST', `${V1}/plans`, profile),
  startSession: (s: NewSession) => request<Session>('POST', `${V1}/sessions`, s),
  session: (id: number) => request<Session>('GET', `${V1}/sessions/${id}`),
  postEvents: (id: number, events: SessionEvent[]) => request<EventsResult>('POST', `${V1}/sessions/${id}/events`, { events }),
  history: () => request<HistoryEntry[]>('GET', `${V1}/history`),
  compensations: () => cached<Compensation[]>(`${V1}/compensations`),
  activations: () => cached<Activation[]>(`${V1}/activations`),
  integrations: () => cached<Integration[]>(`${V1}/integrations`),
  assess: (a: AssessmentInput) => request<AssessmentEntry>('POST', `${V1}/assessments`, a),
  assessments: () => request<AssessmentEntry[]>('GET', `${V1}/assessments`),
  progress: () => request<Progress>('GET', `${V1}/progress`),
};
