// A live guided session in the browser: the engine (engine.ts) driven by a monotonic clock
// (performance.now(), so a backgrounded tab never drifts), a tick loop for timed cues and
// time-outs, feedback (speech, tones, vibration), and the record: every accepted action becomes
// an event with a random id, saved on this device and queued for the server (src/sync/).
// The server runs the same engine over the same events and is the authority on what was held.
import { api } from '../api/client';
import type { Cue, CueText, Hold, Plan, SessionEvent, SessionState, Technique } from '../api/types';
import { randomId } from '../lib/ids';
import { makeEvent } from '../lib/requests';
import { load, save } from '../lib/persist';
import { endSession, knownServerId, onServerAnswer, queueEvent, queueSession } from '../sync/sync';
import { Engine, type EngineItem, type Output } from './engine';
import { playTone, ScreenAwake, speak, stopSpeaking, vibrate, type Tone } from './feedback';

const KEY = 'unknot.active';
// Ticks run often so a timed cue is heard within a few ms of its moment (the 30 s and 90 s marks
// matter); the screen is redrawn only when something changed, or every REDRAW_MS for the clock.
const TICK_MS = 20;
const REDRAW_MS = 250;
const STALE_CUE_MS = 4000; // cues this late (a tab coming back) are shown, not spoken

/** What survives a reload: enough to rebuild the engine exactly. */
export interface ActiveRecord {
  client_id: string;
  plan: Plan;
  started_at_ms: number;
  events: SessionEvent[];
}

export function savedActive(): ActiveRecord | null {
  return load<ActiveRecord | null>(KEY, null);
}
export function forgetActive(): void {
  save(KEY, null);
}

const TONE_OF: Record<string, Tone> = {
  hold_min_reached: 'mark',
  hold_max_reached: 'end',
  stretch_done: 'end',
  exercise_done: 'end',
  switch_sides: 'switch',
  session_done: 'done',
  spot_eased: 'soft',
};
const BUZZ_OF: Record<string, number[]> = {
  hold_min_reached: [120, 80, 120],
  hold_max_reached: [300, 100, 300],
  stretch_done: [300, 100, 300],
  switch_sides: [200, 100, 200, 100, 200],
  session_done: [400],
};

export type Notice = { kind: 'switch' | 'too_painful'; at: number } | null;

export class LiveSession {
  readonly engine: Engine;
  readonly clientId: string;
  readonly plan: Plan;
  startedAtMs = 0;
  events: SessionEvent[] = [];
  holds: Hold[] = []; // as this device recorded them
  cues: Cue[] = [];
  lastCue: Cue | null = null;
  rejected: string | null = null;
  notice: Notice = null;
  serverId: number | null = null;
  serverState: SessionState | null = null; // the server's view, once it answers
  serverHolds: Hold[] | null = null; // what the server recorded, read once it has taken the end (it is the authority)
  serverFinal = false; // serverHolds came from GET /sessions/{id} after the end
  #t0 = 0; // performance.now() at the start
  #finished = false;
  #phase = 'ready'; // the state last felt as a buzz
  #frozenAt: number | null = null;
  #drawnAt = 0; // session time of the last redraw
  #timer: ReturnType<typeof setInterval> | undefined;
  #sending: Promise<unknown> = Promise.resolve();
  readonly #listeners = new Set<() => void>();
  readonly #awake = new ScreenAwake();
  readonly #unsubscribe: () => void;

  constructor(
    plan: Plan,
    cues: CueText[],
    private readonly techniques: Technique[],
    private readonly isMuted: () => boolean,
    record?: ActiveRecord,
  ) {
    this.plan = plan;
    this.engine = new Engine(plan, { cues, technique: (id) => techniques.find((t) => t.id === id) });
    this.clientId = record?.client_id ?? randomId();
    this.#unsubscribe = onServerAnswer((a) => {
      if (a.client_id !== this.clientId) return;
      this.serverId = a.server_id;
      this.serverState = a.result?.session ?? a.session ?? this.serverState;
      this.#emit();
    });
    if (record) this.#restore(record);
  }

  subscribe(fn: () => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }
  #emit() {
    this.#listeners.forEach((fn) => fn());
  }

  /** Milliseconds since the start, never going backwards. */
  nowMs(): number {
    return Math.min(86_400_000, Math.max(this.engine.nowMs(), Math.round(performance.now() - this.#t0)));
  }

  item(): EngineItem | undefined {
    return this.engine.currentItem();
  }

  /** The technique behind the current item (set-up, roll path, lighter-pressure tips). */
  technique(): Technique | undefined {
    const i = this.item();
    return i?.kind === 'smr' ? this.techniques.find((t) => t.id === i.id) : undefined;
  }

  start(): void {
    if (this.engine.state() !== 'ready') return;
    this.#t0 = performance.now();
    this.startedAtMs = Date.now();
    this.#sending = queueSession(this.clientId, this.plan, this.startedAtMs).catch(() => undefined);
    void this.#awake.start();
    this.act('start');
    this.#timer = setInterval(() => this.tick(), TICK_MS);
  }

  /** Stops the clock at a tap that needs one more answer (the tenderness picker): the event
   *  then carries the moment of the tap, and no time-out can slip in while you choose. */
  freeze(): void {
    this.#frozenAt ??= this.nowMs();
  }
  unfreeze(): void {
    this.#frozenAt = null;
  }

  /** One user action. Accepted actions are recorded and sent; refused ones are only shown. */
  act(type: SessionEvent['type'], tenderness?: number): void {
    const t_ms = this.#frozenAt ?? this.nowMs();
    this.#frozenAt = null;
    const out = this.engine.handle({ type, t_ms, tenderness });
    this.rejected = out.rejected ?? null;
    if (!out.rejected && this.startedAtMs) this.#record({ type, t_ms, tenderness }); // (ended before the start: nothing to keep)
    else if (out.holds.length || out.visits.length) this.#record({ type: 'tick', t_ms });
    if (out.cues.length) stopSpeaking(); // a tap moves on: what was still queued to say is old news
    this.#consume(out, true);
  }

  tick(): void {
    if (this.engine.state() === 'done') return this.#finish();
    if (this.#frozenAt !== null) return;
    const t_ms = this.nowMs();
    const out = this.engine.handle({ type: 'tick', t_ms });
    // Time alone ended a hold or a stretch: tell the server now, not at the next tap.
    if (out.holds.length || out.visits.length) this.#record({ type: 'tick', t_ms });
    if (out.cues.length || out.holds.length || out.visits.length || t_ms - this.#drawnAt >= REDRAW_MS) this.#consume(out, true);
  }

  dismissNotice(): void {
    this.notice = null;
    this.#emit();
  }

  #record(e: { type: SessionEvent['type']; t_ms: number; tenderness?: number }) {
    const event = makeEvent(e.type, e.t_ms, e.tenderness);
    this.events.push(event);
    const ends = this.engine.state() === 'done';
    if (ends) forgetActive();
    else save(KEY, { client_id: this.clientId, plan: this.plan, started_at_ms: this.startedAtMs, events: this.events } satisfies ActiveRecord);
    this.#sending = this.#sending.then(() => queueEvent(this.clientId, event, ends)).catch(() => undefined);
  }

  #consume(out: Output, live: boolean) {
    this.holds.push(...out.holds);
    const now = this.nowMs();
    this.#drawnAt = now;
    let buzzed = false;
    for (const cue of out.cues) {
      this.cues.push(cue);
      this.lastCue = cue;
      // For anything that follows the session from outside (tests, assistive tools): which cue,
      // when it was due, and how late it came.
      if (live) dispatchEvent(new CustomEvent('unknot:cue', { detail: { id: cue.id, at_ms: cue.at_ms, late_ms: now - cue.at_ms } }));
      if (cue.id === 'switch_sides') this.notice = { kind: 'switch', at: cue.at_ms };
      if (cue.id === 'too_painful') this.notice = { kind: 'too_painful', at: cue.at_ms };
      if (cue.id === 'next_item') this.notice = null; // a new item: the last one's notice is old news
      if (!live || now - cue.at_ms > STALE_CUE_MS) continue;
      if (!this.isMuted()) {
        speak(cue.text);
        if (TONE_OF[cue.id]) playTone(TONE_OF[cue.id]);
      }
      if (BUZZ_OF[cue.id]) {
        vibrate(BUZZ_OF[cue.id]);
        buzzed = true;
      }
    }
    // Every change of phase is felt too (the phone may be face down, or the sound off).
    const phase = this.engine.state();
    if (live && phase !== this.#phase && !buzzed) vibrate(phase === 'holding' ? [60, 60, 60] : 90);
    this.#phase = phase;
    if (this.cues.length > 60) this.cues.splice(0, this.cues.length - 60);
    if (this.notice?.kind === 'switch' && now - this.notice.at > 5000) this.notice = null;
    if (this.engine.state() === 'done') this.#finish();
    this.#emit();
  }

  #finish() {
    if (this.#finished) return;
    this.#finished = true;
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#awake.stop();
    forgetActive();
    this.#sending = this.#sending.then(() => endSession(this.clientId)).catch(() => undefined);
  }

  /** Rebuilds the engine from the saved events (after a reload) and carries on the clock. */
  #restore(r: ActiveRecord) {
    this.startedAtMs = r.started_at_ms;
    this.#t0 = performance.now() - Math.max(0, Date.now() - r.started_at_ms);
    for (const e of r.events) {
      const out = this.engine.handle({ type: e.type, t_ms: Math.floor(e.t * 1000 + 0.5), tenderness: e.tenderness });
      this.holds.push(...out.holds);
      this.cues.push(...out.cues);
      this.lastCue = out.cues[out.cues.length - 1] ?? this.lastCue;
    }
    this.events = [...r.events];
    this.notice = null;
    this.#phase = this.engine.state();
    // The server may already have it all: knowing its id, "Saving…" clears and the summary loads.
    void knownServerId(this.clientId).then((id) => {
      this.serverId ??= id;
      this.#emit();
    });
    this.#sending = queueSession(this.clientId, this.plan, this.startedAtMs).catch(() => undefined);
    if (this.engine.state() !== 'done' && this.engine.state() !== 'ready') {
      void this.#awake.start();
      this.#timer = setInterval(() => this.tick(), TICK_MS);
    }
  }

  /** After the end, once everything is synced: the server's own record of the session. */
  async loadServerRecord(): Promise<void> {
    if (this.serverId === null || this.serverFinal) return;
    const session = await api.session(this.serverId);
    this.serverHolds = session.holds;
    this.serverState = session;
    this.serverFinal = true;
    this.#emit();
  }

  /** Leaves the page: the clock and the record stay, so coming back carries on. */
  detach(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#awake.stop();
    stopSpeaking();
    this.#unsubscribe();
  }

  /** Is the next item the same technique on the other side? */
  nextIsOtherSide(): boolean {
    const s = this.engine.snapshot();
    const [a, b] = [this.engine.items[s.item], this.engine.items[s.item + 1]];
    return !!a && !!b && a.id === b.id && a.side !== b.side;
  }
}
