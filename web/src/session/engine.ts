// The guided session as a pure state machine: a faithful port of src/session/engine.cpp and
// events.hpp. Time is injected (every event carries its own timestamp in ms since the session
// began), so the browser, the server and a replay drive exactly the same logic and agree on
// every hold, visit and cue. Keep this file in step with the C++ engine.
import type {
  Cue,
  CueText,
  EventType,
  Hold,
  HoldOutcome,
  Plan,
  PlanItem,
  StateName,
  Side,
  Visit,
  VisitOutcome,
} from '../api/types';

export interface EngineEvent {
  type: EventType;
  t_ms: number;
  tenderness?: number | null;
}

export interface Output {
  cues: Cue[];
  holds: Hold[];
  visits: Visit[];
  rejected?: string;
}

export interface Snapshot {
  state: StateName;
  item: number; // -1 before start and after done
  items: number;
  state_elapsed_ms: number; // active time in the current state
  spots: number;
}

/** What the engine needs from the catalog: the cue texts and each technique's first lines. */
export interface EngineCatalog {
  cues: CueText[];
  technique(id: string): { avoid: string[]; lighter: string[] } | undefined;
}

/** Cue ids the engine speaks (catalog.hpp required_cue_ids); the order is the tie-break order. */
export const REQUIRED_CUE_IDS = [
  'session_start', 'positioning', 'positioning_stretch', 'positioning_exercise', 'rolling_slow',
  'rolling_avoid', 'rolling_long', 'hold_start', 'hold_breathe', 'hold_core',
  'hold_min_reached', 'hold_max_reached', 'hold_released_early', 'too_painful', 'switch_sides',
  'next_item', 'stretch_start', 'stretch_done', 'paused', 'resumed',
  'session_done', 'spot_eased', 'exercise_start', 'exercise_done',
] as const;

/** A plan item as the engine sees it (C++ PlanItem): a stretch holds `hold_target_s` per set;
 *  an activation or integration runs for about `seconds` - 10 (its positioning excluded). */
export interface EngineItem {
  kind: PlanItem['kind'];
  id: string;
  name: string;
  side: Side | null;
  muscles: string[];
  hold_min_s: number;
  hold_max_s: number;
  hold_target_s: number;
  sets: number;
  seconds: number;
}

export function flattenPlan(plan: Plan): EngineItem[] {
  const out: EngineItem[] = [];
  for (const phase of plan.phases)
    for (const i of phase.items)
      out.push({
        kind: i.kind, id: i.id, name: i.name, side: i.side, muscles: i.muscles, sets: i.sets, seconds: i.seconds,
        hold_min_s: i.kind === 'smr' ? i.hold_min_s : 0,
        hold_max_s: i.kind === 'smr' ? i.hold_max_s : 0,
        hold_target_s: i.kind === 'smr' ? i.hold_target_s : i.kind === 'stretch' ? i.hold_s : 0,
      });
  return out;
}

interface CueDef {
  when: string;
  text: string;
  at_s: number; // -1: none
  every_s: number; // 0: none
}

export class Engine {
  readonly items: EngineItem[];
  readonly #cues = new Map<string, CueDef>();
  #state_: Exclude<StateName, 'paused'> = 'ready';
  #paused = false;
  #now = 0;
  #pausedAt = 0;
  #pausedTotal = 0;
  #stateSince = 0; // in active time
  #visitStarted = 0;
  #foundAt = 0;
  #item = -1;
  #spots = 0;
  #tendernessStart = 0;
  #saidOnce: string[] = []; // timed cues already spoken in this state ("id@ms")

  constructor(plan: Plan, private readonly catalog: EngineCatalog) {
    this.items = flattenPlan(plan);
    for (const c of catalog.cues)
      this.#cues.set(c.id, { when: c.when, text: c.text, at_s: c.at_s ?? -1, every_s: c.every_s ?? 0 });
    for (const id of REQUIRED_CUE_IDS)
      if (!this.#cues.has(id)) throw new Error(`cue \`${id}\` is missing from the catalog`);
  }

  state(): StateName {
    return this.#paused ? 'paused' : this.#state_;
  }

  /** The state underneath a pause. */
  activeState(): Exclude<StateName, 'paused'> {
    return this.#state_;
  }

  snapshot(): Snapshot {
    return { state: this.state(), item: this.#item, items: this.items.length, state_elapsed_ms: this.#inStateMs(), spots: this.#spots };
  }

  /** Time of the last event or tick the engine has seen, in ms since the start. */
  nowMs(): number {
    return this.#now;
  }

  /** Advances time to e.t_ms (emitting timed cues and time-outs), then applies the event.
   *  Events must not go back in time; an earlier timestamp is rejected. */
  handle(e: EngineEvent): Output {
    const out: Output = { cues: [], holds: [], visits: [] };
    if (e.t_ms < this.#now) {
      out.rejected = `event at ${e.t_ms} ms is earlier than the previous one (${this.#now} ms)`;
      return out;
    }
    this.#advance(e.t_ms, out);
    this.#apply(e, out);
    return out;
  }

  // Active time stands still while paused, so holds and timed cues never count a pause.
  #activeNow(): number {
    return (this.#paused ? this.#pausedAt : this.#now) - this.#pausedTotal;
  }
  #inStateMs(): number {
    return this.#activeNow() - this.#stateSince;
  }
  #current(): EngineItem | undefined {
    return this.#item >= 0 && this.#item < this.items.length ? this.items[this.#item] : undefined;
  }

  #say(id: string, out: Output, atMs: number): void {
    const cue = this.#cues.get(id)!;
    const item = this.#current();
    const t = item && item.kind === 'smr' ? this.catalog.technique(item.id) : undefined;
    let text = cue.text;
    text = text.split('{name}').join(item ? item.name : '');
    text = text.split('{side}').join(item && item.side ? `, ${item.side} side` : '');
    text = text.split('{avoid}').join(t && t.avoid.length ? t.avoid[0] : '');
    text = text.split('{lighter}').join(t && t.lighter.length ? t.lighter[0] : 'Use less of your weight.');
    text = text.split('{hold_min}').join(String(item ? item.hold_min_s : 30));
    text = text.split('{hold_max}').join(String(item ? item.hold_max_s : 90));
    if (item && this.#state_ === 'holding') {
      const left = Math.max(0, item.hold_min_s * 1000 - this.#inStateMs());
      text = text.split('{seconds}').join(String(Math.floor((left + 999) / 1000)));
    }
    out.cues.push({ id, text, at_ms: atMs });
  }

  // Timed cues and time-outs, in active time (pauses stop the clock). A state's schedule is
  // derived from the cue data plus the item's own hold range, so each fires exactly once.
  #advance(tMs: number, out: Output): void {
    if (this.#paused || this.#state_ === 'ready' || this.#state_ === 'done') {
      this.#now = tMs;
      return;
    }
    for (;;) {
      const item = this.#current();
      let best = -1;
      let bestId = '';
      const consider = (at: number, id: string) => {
        if (at < 0) return;
        if (this.#saidOnce.includes(`${id}@${at}`)) return;
        if (best < 0 || at < best) {
          best = at;
          bestId = id;
        }
      };
      const elapsed = tMs - this.#pausedTotal - this.#stateSince;
      for (const id of REQUIRED_CUE_IDS) {
        const c = this.#cues.get(id)!;
        if (c.when !== this.#state_) continue;
        if (c.at_s >= 0) consider(c.at_s * 1000, id);
        if (c.every_s > 0) {
          // The earliest repeat not yet spoken: sparse ticks (a replay) and dense ticks (a live
          // session) then say exactly the same things at the same moments.
          const step = c.every_s * 1000;
          let at = Math.max(0, c.at_s) * 1000;
          while (this.#saidOnce.includes(`${id}@${at}`)) at += step;
          consider(at, id);
        }
      }
      if (item && this.#state_ === 'holding') {
        consider(item.hold_min_s * 1000, 'hold_min_reached');
        consider(item.hold_max_s * 1000, 'hold_max_reached');
      }
      if (item && this.#state_ === 'stretching') consider(item.hold_target_s * 1000 * item.sets, 'stretch_done');
      // Activation and integration: the estimated time for the reps (positioning excluded).
      if (item && this.#state_ === 'exercising') consider(Math.max(10, item.seconds - 10) * 1000, 'exercise_done');
      if (best < 0 || best > elapsed) break;
      this.#saidOnce.push(`${bestId}@${best}`);
      this.#now = this.#stateSince + best + this.#pausedTotal;
      this.#say(bestId, out, this.#now);
      if (bestId === 'hold_max_reached') {
        // The protocol caps a hold at 90 s: record it and move the person on.
        this.#endHold('timed_out', null, out);
        this.#endVisit('done', out);
      } else if (bestId === 'stretch_done' || bestId === 'exercise_done') {
        this.#endVisit('done', out);
      }
      if (this.#isDone()) break; // (a method: the calls above may have moved the state)
    }
    this.#now = tMs;
  }

  #isDone(): boolean {
    return this.#state_ === 'done';
  }

  #enter(s: Exclude<StateName, 'paused'>): void {
    this.#state_ = s;
    this.#stateSince = this.#activeNow();
    this.#saidOnce = [];
  }

  #beginItem(index: number, out: Output): void {
    const prev = this.#item;
    this.#item = index;
    this.#spots = 0;
    if (index >= this.items.length) {
      this.#item = -1;
      this.#enter('done');
      this.#say('session_done', out, this.#now);
      return;
    }
    this.#visitStarted = this.#now;
    if (prev >= 0 && this.items[prev].id === this.items[index].id && this.items[prev].side !== this.items[index].side)
      this.#say('switch_sides', out, this.#now);
    else if (prev >= 0) this.#say('next_item', out, this.#now);
    this.#enter('positioning');
    const kind = this.items[index].kind;
    this.#say(kind === 'smr' ? 'positioning' : kind === 'stretch' ? 'positioning_stretch' : 'positioning_exercise', out, this.#now);
  }

  #endHold(o: HoldOutcome, tenderness: number | null, out: Output): void {
    const item = this.items[this.#item];
    const held = this.#inStateMs();
    out.holds.push({
      item: this.#item,
      technique: item.id,
      side: item.side,
      muscles: item.muscles,
      spot: this.#spots,
      found_ms: this.#foundAt,
      ended_ms: this.#now,
      hold_s: o === 'timed_out' ? item.hold_max_s : Math.floor((held + 500) / 1000),
      tenderness_start: this.#tendernessStart,
      tenderness_end: tenderness,
      outcome: o,
    });
  }

  #endVisit(o: VisitOutcome, out: Output): void {
    const item = this.items[this.#item];
    out.visits.push({
      item: this.#item, kind: item.kind, id: item.id, side: item.side, muscles: item.muscles,
      outcome: o, spots: this.#spots, started_ms: this.#visitStarted, ended_ms: this.#now,
    });
    if (o === 'stopped') return;
    this.#beginItem(this.#item + 1, out);
  }

  #apply(e: EngineEvent, out: Output): void {
    const reject = (why: string) => {
      out.rejected = why;
    };
    const validTenderness = (): boolean => {
      const t = e.tenderness;
      if (t === undefined || t === null || !Number.isInteger(t) || t < 0 || t > 10) {
        reject(`\`${e.type}\` needs a tenderness from 0 (none) to 10 (worst)`);
        return false;
      }
      return true;
    };
    if (e.type === 'tick') return;
    if (this.#state_ === 'done') return reject('the session is over');
    if (e.type === 'start') {
      if (this.#state_ !== 'ready') return reject('the session has already started');
      this.#say('session_start', out, this.#now);
      return this.#beginItem(0, out);
    }
    if (this.#state_ === 'ready') {
      if (e.type !== 'quit') return reject('start the session first');
      this.#enter('done'); // ended before it began: nothing to record
      return;
    }
    if (this.#paused && e.type !== 'resume' && e.type !== 'quit') return reject('paused: resume first');
    const item = this.items[this.#item];
    switch (e.type) {
      case 'pause':
        this.#paused = true;
        this.#pausedAt = this.#now;
        this.#say('paused', out, this.#now);
        return;
      case 'resume':
        if (!this.#paused) return reject('not paused');
        this.#pausedTotal += this.#now - this.#pausedAt;
        this.#paused = false;
        this.#say('resumed', out, this.#now);
        return;
      case 'in_position':
        if (this.#state_ !== 'positioning') return reject('already in position');
        if (item.kind === 'stretch') {
          this.#enter('stretching');
          this.#say('stretch_start', out, this.#now);
          this.#saidOnce.push('stretch_start@0');
        } else if (item.kind === 'smr') {
          this.#enter('rolling');
        } else {
          this.#enter('exercising');
        }
        return this.#advance(this.#now, out);
      case 'found':
        if (item.kind !== 'smr' || (this.#state_ !== 'rolling' && this.#state_ !== 'eased'))
          return reject('`found` applies while rolling');
        if (!validTenderness()) return;
        ++this.#spots;
        this.#tendernessStart = e.tenderness!;
        this.#enter('holding');
        this.#foundAt = this.#now;
        return this.#advance(this.#now, out);
      case 'eased': {
        if (this.#state_ !== 'holding') return reject('`eased` applies while holding a tender spot');
        if (!validTenderness()) return;
        // Before the minimum the hold still ends (the person chose to): it is kept with its own
        // outcome so progress never mistakes it for a release time.
        const early = this.#inStateMs() < item.hold_min_s * 1000;
        this.#endHold(early ? 'released_early' : 'eased', e.tenderness!, out);
        this.#enter('eased');
        this.#say(early ? 'hold_released_early' : 'spot_eased', out, this.#now);
        return;
      }
      case 'too_painful':
        if (this.#state_ === 'holding') {
          const t = e.tenderness;
          this.#endHold('too_painful', t !== undefined && t !== null && t >= 0 && t <= 10 ? t : null, out);
          this.#enter('rolling');
          this.#saidOnce.push('rolling_slow@0');
        }
        this.#say('too_painful', out, this.#now);
        return;
      case 'next':
        if (this.#state_ === 'holding') return reject('you are holding a spot: say when it eases, or that it is too painful');
        return this.#endVisit('done', out);
      case 'skip':
        if (this.#state_ === 'holding') this.#endHold('stopped', null, out);
        return this.#endVisit('skipped', out);
      case 'quit':
        if (this.#paused) {
          this.#pausedTotal += this.#now - this.#pausedAt;
          this.#paused = false;
        }
        if (this.#state_ === 'holding') this.#endHold('stopped', null, out);
        this.#endVisit('stopped', out);
        this.#item = -1;
        this.#enter('done');
        return;
      default:
        return;
    }
  }

  /** The current item (undefined before the start and after the end). */
  currentItem(): EngineItem | undefined {
    return this.#current();
  }
}
