// The outbox: sessions and their events wait here until the server has them. Pure logic over
// two small interfaces (storage and transport) so it runs the same over IndexedDB in the
// browser and over a Map in the unit tests.
//
// Guarantees: an event is stored once per id (adding it again is a no-op); events of a session
// are sent in the order they happened, after the session itself; an event leaves the outbox
// only once the server has answered for it (accepted, duplicate or rejected). The server is
// idempotent by session client_id and event id, so a retry after a lost answer stores nothing
// twice. A session belongs to whoever was signed in when it started: it is only sent while that
// person is signed in (never under someone else's login), and a 401/403 (signed out, stale
// CSRF token) stops the run with everything kept, to go out after the next sign-in.
import type { EventsResult, NewSession, Plan, Session, SessionEvent } from '../api/types';
import { newSession } from '../lib/requests';

export interface OutboxSession {
  client_id: string;
  plan: Plan;
  started_at_ms: number;
  server_id: number | null;
  next_seq: number;
  ended: boolean; // no more events will be added
  user?: number | null; // who recorded it (absent: recorded before accounts, sent by whoever signs in)
}

export interface OutboxEvent {
  id: string; // the event's id
  client_id: string;
  seq: number;
  event: SessionEvent;
  dead?: string; // the server refused the whole batch (a bug, not the network): kept, not retried
}

export interface OutboxStorage {
  sessions(): Promise<OutboxSession[]>;
  putSession(s: OutboxSession): Promise<void>;
  deleteSession(clientId: string): Promise<void>;
  events(clientId: string): Promise<OutboxEvent[]>; // any order
  getEvent(id: string): Promise<OutboxEvent | undefined>;
  putEvent(e: OutboxEvent): Promise<void>;
  deleteEvents(ids: string[]): Promise<void>;
}

export interface Transport {
  startSession(body: NewSession): Promise<Session>;
  postEvents(serverId: number, events: SessionEvent[]): Promise<EventsResult>;
}

/** The transport's error for an HTTP answer; anything else thrown counts as "no network". */
export interface StatusError {
  status: number;
}
const statusOf = (e: unknown): number | null =>
  typeof e === 'object' && e !== null && typeof (e as StatusError).status === 'number' ? (e as StatusError).status : null;

export interface FlushReport {
  sent: number;
  pending: number;
  offline: boolean; // stopped because the server could not be reached (or is unwell)
  signedOut: boolean; // stopped because the server wants a (fresh) sign-in: 401 or 403
  results: Array<{ client_id: string; server_id: number; result: EventsResult }>;
  started: Array<{ client_id: string; session: Session }>;
  errors: Array<{ client_id: string; status: number }>; // refused by the server (kept, retried next time)
}

export const BATCH = 200;

export class Outbox {
  #chain: Promise<unknown> = Promise.resolve();
  #flushing: Promise<FlushReport> | null = null;

  /** `owner` says who is signed in now (null: nobody known). */
  constructor(
    private readonly store: OutboxStorage,
    private readonly transport: Transport,
    private readonly owner: () => number | null = () => null,
  ) {}

  #mine(s: OutboxSession): boolean {
    return s.user === undefined || s.user === null || s.user === this.owner();
  }

  // Storage writes go one after another, so sequence numbers never collide.
  #serial<T>(op: () => Promise<T>): Promise<T> {
    const p = this.#chain.then(op, op);
    this.#chain = p.catch(() => undefined);
    return p;
  }

  addSession(s: { client_id: string; plan: Plan; started_at_ms: number; user?: number | null }): Promise<void> {
    return this.#serial(async () => {
      const known = (await this.store.sessions()).find((x) => x.client_id === s.client_id);
      if (known) return;
      await this.store.putSession({ ...s, server_id: null, next_seq: 0, ended: false });
    });
  }

  /** Adds an event; returns false when an event with this id is already waiting. */
  addEvent(clientId: string, event: SessionEvent, ends = false): Promise<boolean> {
    return this.#serial(async () => {
      const session = (await this.store.sessions()).find((x) => x.client_id === clientId);
      if (!session) throw new Error(`no session ${clientId} in the outbox`);
      if (ends && !session.ended) session.ended = true;
      if (await this.store.getEvent(event.id)) {
        await this.store.putSession(session);
        return false;
      }
      const seq = session.next_seq++;
      await this.store.putEvent({ id: event.id, client_id: clientId, seq, event });
      await this.store.putSession(session);
      return true;
    });
  }

  markEnded(clientId: string): Promise<void> {
    return this.#update(clientId, (s) => (s.ended = true));
  }

  // Read-modify-write of a session record, in line with addEvent (which bumps next_seq).
  #update(clientId: string, change: (s: OutboxSession) => void): Promise<void> {
    return this.#serial(async () => {
      const session = (await this.store.sessions()).find((x) => x.client_id === clientId);
      if (!session) return;
      change(session);
      await this.store.putSession(session);
    });
  }

  /** What waits to be sent for the person signed in now. */
  async pending(): Promise<number> {
    let n = 0;
    for (const s of (await this.store.sessions()).filter((x) => this.#mine(x))) {
      n += (await this.store.events(s.client_id)).filter((e) => !e.dead).length;
      if (s.server_id === null) n++;
    }
    return n;
  }

  /** The server's id for a session, once it has one. */
  async serverId(clientId: string): Promise<number | null> {
    return (await this.store.sessions()).find((x) => x.client_id === clientId)?.server_id ?? null;
  }

  /** Sends everything waiting. Concurrent calls share one run; events added meanwhile are
   *  stored at once (a slow network never holds them up) and go out with the next run. */
  flush(): Promise<FlushReport> {
    if (!this.#flushing) this.#flushing = this.#flushNow().finally(() => (this.#flushing = null));
    return this.#flushing;
  }

  async #flushNow(): Promise<FlushReport> {
    const report: FlushReport = { sent: 0, pending: 0, offline: false, signedOut: false, results: [], started: [], errors: [] };
    for (const s of await this.store.sessions()) {
      if (!this.#mine(s)) continue; // someone else's: waits for them to sign in here again
      try {
        await this.#flushSession(s, report);
      } catch (e) {
        const status = statusOf(e);
        if (status === null || status >= 500 || status === 408 || status === 429) {
          report.offline = true; // network down or server unwell: try again later
          break;
        }
        if (status === 401 || status === 403) {
          report.signedOut = true; // nothing goes through until the person signs in again
          break;
        }
        report.errors.push({ client_id: s.client_id, status }); // this session waits; the others go on
      }
    }
    for (const s of (await this.store.sessions()).filter((x) => this.#mine(x)))
      report.pending += (await this.store.events(s.client_id)).filter((e) => !e.dead).length + (s.server_id === null ? 1 : 0);
    return report;
  }

  async #flushSession(s: OutboxSession, report: FlushReport): Promise<void> {
    if (s.server_id === null) {
      const session = await this.transport.startSession(newSession(s.plan, s.client_id, s.started_at_ms));
      s.server_id = session.id;
      await this.#update(s.client_id, (x) => (x.server_id = session.id));
      report.started.push({ client_id: s.client_id, session });
    }
    for (;;) {
      const waiting = (await this.store.events(s.client_id)).filter((e) => !e.dead).sort((a, b) => a.seq - b.seq);
      if (waiting.length === 0) break;
      const batch = waiting.slice(0, BATCH);
      let result: EventsResult;
      try {
        result = await this.transport.postEvents(s.server_id, batch.map((e) => e.event));
      } catch (e) {
        const status = statusOf(e);
        if (status === 404) {
          // The server does not know this session (its database was reset): start it again.
          s.server_id = null;
          await this.#update(s.client_id, (x) => (x.server_id = null));
          return this.#flushSession(s, report);
        }
        if (status !== null && status >= 400 && status < 500 && ![401, 403, 408, 429].includes(status)) {
          for (const ev of batch) await this.store.putEvent({ ...ev, dead: `HTTP ${status}` });
          continue;
        }
        throw e;
      }
      await this.store.deleteEvents(batch.map((e) => e.id));
      report.sent += batch.length;
      report.results.push({ client_id: s.client_id, server_id: s.server_id, result });
    }
    // A finished session with nothing left to send leaves the outbox.
    await this.#serial(async () => {
      const cur = (await this.store.sessions()).find((x) => x.client_id === s.client_id);
      if (cur?.ended && (await this.store.events(s.client_id)).length === 0) await this.store.deleteSession(s.client_id);
    });
  }
}

/** An in-memory OutboxStorage (tests, and the fallback where IndexedDB is unavailable). */
export class MemoryStorage implements OutboxStorage {
  readonly sessionMap = new Map<string, OutboxSession>();
  readonly eventMap = new Map<string, OutboxEvent>();
  async sessions() {
    return [...this.sessionMap.values()].map((s) => ({ ...s }));
  }
  async putSession(s: OutboxSession) {
    this.sessionMap.set(s.client_id, { ...s });
  }
  async deleteSession(id: string) {
    this.sessionMap.delete(id);
  }
  async events(id: string) {
    return [...this.eventMap.values()].filter((e) => e.client_id === id).map((e) => ({ ...e }));
  }
  async getEvent(id: string) {
    const e = this.eventMap.get(id);
    return e && { ...e };
  }
  async putEvent(e: OutboxEvent) {
    this.eventMap.set(e.id, { ...e });
  }
  async deleteEvents(ids: string[]) {
    for (const id of ids) this.eventMap.delete(id);
  }
}
