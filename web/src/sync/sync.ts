// Keeps the outbox flowing: flushes after every new event, when the connection returns, when
// the page becomes visible, after signing in, and on a backing-off timer while anything is
// waiting. Signed out (a 401/403), it waits for the next sign-in instead of retrying.
import { api } from '../api/client';
import { auth, deviceOwner } from '../auth';
import type { EventsResult, Plan, Session, SessionEvent } from '../api/types';
import { createStore } from '../lib/store';
import { IdbStorage, openOutboxDb } from './idb';
import { MemoryStorage, Outbox, type FlushReport, type Transport } from './queue';

export interface SyncStatus {
  online: boolean;
  pending: number;
  syncing: boolean;
  error: string | null;
  signedOut: boolean; // the server wants a sign-in before it takes anything
}

export const syncStatus = createStore<SyncStatus>({ online: navigator.onLine, pending: 0, syncing: false, error: null, signedOut: false });

/** The server's answer: the session as it was started (`session`), or one batch of events
 *  taken in (`result`: the holds those events completed, and the session's state). */
export type ServerAnswer = { client_id: string; server_id: number; result?: EventsResult; session?: Session };
type Listener = (a: ServerAnswer) => void;
const listeners = new Set<Listener>();
/** Hears the server's answer to every request that gets through. */
export function onServerAnswer(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

const transport: Transport = {
  startSession: (body) => api.startSession(body),
  postEvents: (id, events) => api.postEvents(id, events),
};

let outboxPromise: Promise<Outbox> | null = null;
function outbox(): Promise<Outbox> {
  outboxPromise ??= openOutboxDb()
    .then((db) => new Outbox(new IdbStorage(db), transport, owner))
    .catch(() => new Outbox(new MemoryStorage(), transport, owner)); // private mode without IndexedDB
  return outboxPromise;
}

const owner = deviceOwner; // the last person signed in here: their sessions are the ones sent

let retryTimer: ReturnType<typeof setTimeout> | undefined;
let backoffMs = 2000;

function publish(report: FlushReport) {
  for (const s of report.started) listeners.forEach((fn) => fn({ client_id: s.client_id, server_id: s.session.id, session: s.session }));
  for (const r of report.results) listeners.forEach((fn) => fn({ client_id: r.client_id, server_id: r.server_id, result: r.result }));
}

export async function flush(): Promise<void> {
  const box = await outbox();
  if (auth.get().kind !== 'signed_in') {
    const pending = await box.pending();
    syncStatus.set((s) => ({ ...s, pending, signedOut: pending > 0 }));
    return; // nothing can be sent; signing in starts the next run
  }
  syncStatus.set((s) => ({ ...s, syncing: true }));
  let report: FlushReport | null = null;
  try {
    report = await box.flush();
    publish(report);
  } catch (e) {
    syncStatus.set((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) }));
  }
  const pending = report ? report.pending : await box.pending();
  const offline = report?.offline ?? false;
  const signedOut = report?.signedOut ?? false;
  syncStatus.set((s) => ({
    ...s,
    syncing: false,
    signedOut,
    pending,
    online: offline ? false : navigator.onLine,
    error: report && report.errors.length ? `The server refused ${report.errors.length} session(s); they stay saved here.` : offline ? null : s.error,
  }));
  clearTimeout(retryTimer);
  if (pending > 0 && !signedOut) {
    retryTimer = setTimeout(() => void flush(), offline ? backoffMs : 1000);
    backoffMs = offline ? Math.min(backoffMs * 2, 60_000) : 2000;
  } else backoffMs = 2000;
}

export async function queueSession(clientId: string, plan: Plan, startedAtMs: number): Promise<void> {
  await (await outbox()).addSession({ client_id: clientId, plan, started_at_ms: startedAtMs, user: owner() });
  void flush();
}

export async function queueEvent(clientId: string, event: SessionEvent, ends = false): Promise<void> {
  await (await outbox()).addEvent(clientId, event, ends);
  void flush();
}

/** The server's id for a session still in the outbox (null: not started there yet, or gone). */
export async function knownServerId(clientId: string): Promise<number | null> {
  return (await outbox()).serverId(clientId);
}

export async function endSession(clientId: string): Promise<void> {
  await (await outbox()).markEnded(clientId);
  void flush();
}

export function startSync(): void {
  addEventListener('online', () => {
    backoffMs = 2000;
    syncStatus.set((s) => ({ ...s, online: true }));
    void flush();
  });
  addEventListener('offline', () => syncStatus.set((s) => ({ ...s, online: false })));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void flush();
  });
  const key = () => `${auth.get().kind}:${owner()}`;
  let was = key();
  auth.subscribe(() => {
    if (key() === was) return;
    was = key();
    backoffMs = 2000;
    void flush(); // signed in (again, or as someone else): their sessions go out now
  });
  void flush();
}

