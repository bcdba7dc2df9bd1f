// The TypeScript session engine against the protocol rules (ported from
// tests/unit/session_engine_test.cpp) and, move by move, against the C++ engine itself
// (golden runs made from `unknot session --replay --json` by test/run.mjs for every test run).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Engine } from './.build/engine.mjs';

const golden = JSON.parse(readFileSync(process.env.UNKNOT_GOLDEN ?? assert.fail('UNKNOT_GOLDEN is not set: run the tests through test/run.mjs'), 'utf8'));
const catalog = { cues: golden.cues, technique: (id) => golden.techniques[id] };
const s = (sec) => sec * 1000;

const smr = (id, name, side) => ({
  kind: 'smr', id, name, side, muscles: [id], regions: [], targets: [], tool: 'foam_roller',
  roll_s: 45, hold_min_s: 30, hold_max_s: 90, hold_target_s: 45, sets: 1, seconds: 100,
});
const stretch = (side, hold_s = 30, sets = 1) => ({
  kind: 'stretch', id: 'wall_calf_stretch_straight_knee', name: 'Wall calf stretch, knee straight', side,
  muscles: ['gastrocnemius'], regions: ['calf'], targets: [], hold_s, sets, seconds: (10 + hold_s) * sets,
});
const planOf = (inhibit, lengthen = []) => ({
  screening: { verdict: 'clear', reasons: [], excluded_regions: [], advice: [], prefer_tools: [], no_floor: false, follow_ups: [] },
  context: 'daily', total_seconds: 0, budget_seconds: 900, dropped: [], notes: [],
  phases: [{ phase: 'inhibit', items: inhibit }, ...(lengthen.length ? [{ phase: 'lengthen', items: lengthen }] : [])],
});
const calvesThenHamstrings = () =>
  planOf([smr('calves_roll', 'Calves', 'left'), smr('calves_roll', 'Calves', 'right'), smr('hamstrings_roll', 'Hamstrings', 'left')]);

class Drive {
  constructor(plan) {
    this.engine = new Engine(plan, catalog);
    this.cues = [];
    this.holds = [];
    this.visits = [];
  }
  send(type, t_ms, tenderness) {
    const out = this.engine.handle({ type, t_ms, tenderness });
    this.cues.push(...out.cues);
    this.holds.push(...out.holds);
    this.visits.push(...out.visits);
    for (const c of out.cues) assert.ok(!/[{}]/.test(c.text), `${c.id}: ${c.text}`);
    return out;
  }
  state() {
    return this.engine.state();
  }
  timesOf(id) {
    return this.cues.filter((c) => c.id === id).map((c) => c.at_ms);
  }
  ids() {
    return this.cues.map((c) => c.id);
  }
}

function startAndHold(r, foundAt, tenderness = 6) {
  assert.equal(r.send('start', 0).rejected, undefined);
  assert.equal(r.send('in_position', s(5)).rejected, undefined);
  assert.equal(r.send('found', foundAt, tenderness).rejected, undefined);
  assert.equal(r.state(), 'holding');
}

test('eased before the 30 s minimum is kept as an early release, not refused', () => {
  const r = new Drive(calvesThenHamstrings());
  startAndHold(r, s(10));
  const early = r.send('eased', s(39), 3);
  assert.equal(early.rejected, undefined);
  // Cues due before the event come first, at their own times; then the early release.
  assert.deepEqual(early.cues.map((c) => c.id), ['hold_core', 'hold_breathe', 'hold_released_early']);
  assert.match(early.cues[2].text, /30 seconds/);
  assert.deepEqual(
    { hold_s: early.holds[0].hold_s, outcome: early.holds[0].outcome, start: early.holds[0].tenderness_start, end: early.holds[0].tenderness_end },
    { hold_s: 29, outcome: 'released_early', start: 6, end: 3 },
  );
  assert.equal(r.state(), 'eased');
  // The next spot, held the full minimum, eases as usual.
  r.send('found', s(41), 5);
  const ok = r.send('eased', s(71), 2);
  assert.equal(ok.holds[0].outcome, 'eased');
  assert.equal(ok.holds[0].spot, 2);
  assert.equal(ok.cues.at(-1).id, 'spot_eased');
});

test('too painful ends a hold early (no minimum) and asks for lighter pressure', () => {
  const r = new Drive(calvesThenHamstrings());
  startAndHold(r, s(10));
  const out = r.send('too_painful', s(15), 9);
  assert.equal(out.rejected, undefined);
  assert.equal(out.holds[0].outcome, 'too_painful');
  assert.equal(out.holds[0].hold_s, 5);
  assert.equal(out.holds[0].tenderness_end, 9);
  assert.equal(out.cues[0].text.startsWith('Ease off. ' + golden.techniques.calves_roll.lighter[0]), true);
  assert.equal(r.state(), 'rolling');
});

test('at 90 s the hold is recorded as timed_out and the session moves on, even on a late tick', () => {
  const r = new Drive(calvesThenHamstrings());
  startAndHold(r, s(10));
  const out = r.send('tick', s(500));
  assert.equal(out.holds.length, 1);
  assert.equal(out.holds[0].outcome, 'timed_out');
  assert.equal(out.holds[0].hold_s, 90);
  assert.equal(out.holds[0].ended_ms, s(100));
  assert.equal(out.holds[0].tenderness_end, null);
  assert.equal(out.visits[0].outcome, 'done');
  assert.equal(out.visits[0].ended_ms, s(100));
  assert.deepEqual(r.timesOf('switch_sides'), [s(100)]);
  assert.equal(r.state(), 'positioning');
  assert.equal(r.engine.snapshot().item, 1);
});

test('pauses are excluded from hold time and from the time-out', () => {
  const r = new Drive(calvesThenHamstrings());
  startAndHold(r, s(10));
  r.send('pause', s(20));
  assert.equal(r.state(), 'paused');
  assert.equal(r.send('found', s(25), 5).rejected, 'paused: resume first');
  assert.equal(r.send('tick', s(1000)).holds.length, 0); // paused: never times out
  assert.equal(r.engine.snapshot().state_elapsed_ms, s(10));
  r.send('resume', s(1000));
  assert.equal(r.engine.snapshot().state_elapsed_ms, s(10));
  const ok = r.send('eased', s(1020), 2); // 10 + 20 = 30 active s
  assert.equal(ok.holds[0].hold_s, 30);
  assert.equal(ok.holds[0].outcome, 'eased');
  // A second hold times out 90 active seconds in, pause or not.
  r.send('found', s(1030), 6);
  r.send('pause', s(1040));
  r.send('resume', s(1100));
  assert.equal(r.send('tick', s(1179)).holds.length, 0);
  const late = r.send('tick', s(1181));
  assert.equal(late.holds[0].outcome, 'timed_out');
  assert.equal(late.holds[0].ended_ms, s(1180));
});

test('quit while paused keeps the pause out of the hold', () => {
  const r = new Drive(calvesThenHamstrings());
  startAndHold(r, s(10));
  r.send('pause', s(20));
  const out = r.send('quit', s(200));
  assert.equal(out.holds[0].outcome, 'stopped');
  assert.equal(out.holds[0].hold_s, 10);
  assert.equal(out.visits[0].outcome, 'stopped');
  assert.equal(r.state(), 'done');
  assert.equal(r.send('found', s(201), 3).rejected, 'the session is over');
});

test('timed cues fire once each, at their own times', () => {
  const r = new Drive(calvesThenHamstrings());
  const f = s(10);
  startAndHold(r, f);
  for (let t = f + 500; t < f + s(90); t += 500) r.send('tick', t);
  assert.deepEqual(r.timesOf('hold_start'), [f]);
  assert.deepEqual(r.timesOf('hold_core'), [f + s(10)]);
  assert.deepEqual(r.timesOf('hold_breathe'), [f + s(20), f + s(40), f + s(60), f + s(80)]);
  assert.deepEqual(r.timesOf('hold_min_reached'), [f + s(30)]);
  assert.deepEqual(r.timesOf('hold_max_reached'), []);
  assert.match(r.cues.find((c) => c.id === 'hold_min_reached').text, /30 seconds/);
});

test('sparse ticks say exactly what dense ticks say (every_s repeats)', () => {
  const f = s(10);
  const dense = new Drive(calvesThenHamstrings());
  startAndHold(dense, f);
  for (let t = f + 1000; t <= f + s(85); t += 1000) dense.send('tick', t);
  const sparse = new Drive(calvesThenHamstrings());
  startAndHold(sparse, f);
  const out = sparse.send('tick', f + s(85));
  assert.deepEqual(sparse.timesOf('hold_breathe'), [f + s(20), f + s(40), f + s(60), f + s(80)]);
  assert.deepEqual(sparse.cues, dense.cues);
  assert.deepEqual(out.cues.map((c) => c.at_ms), [...out.cues.map((c) => c.at_ms)].sort((a, b) => a - b));
});

test('rolling cues repeat every 20 s; the avoid line is the technique\'s own', () => {
  const r = new Drive(calvesThenHamstrings());
  r.send('start', 0);
  const p = s(4);
  r.send('in_position', p);
  for (let t = p + 250; t <= p + s(70); t += 250) r.send('tick', t);
  assert.deepEqual(r.timesOf('rolling_slow'), [p, p + s(20), p + s(40), p + s(60)]);
  assert.deepEqual(r.timesOf('rolling_avoid'), [p + s(8)]);
  assert.deepEqual(r.timesOf('rolling_long'), [p + s(60)]);
  assert.equal(r.cues.find((c) => c.id === 'rolling_avoid').text, golden.techniques.calves_roll.avoid[0]);
});

test('no timed cues while paused, none missed after', () => {
  const r = new Drive(calvesThenHamstrings());
  const f = s(10);
  startAndHold(r, f);
  r.send('pause', f + s(5));
  r.send('tick', f + s(500));
  assert.deepEqual(r.timesOf('hold_core'), []);
  r.send('resume', f + s(600));
  const out = r.send('tick', f + s(606));
  assert.deepEqual(out.cues.filter((c) => c.id === 'hold_core').map((c) => c.at_ms), [f + s(605)]);
});

test('a stretch ends by itself after its hold times its sets, then the session is done', () => {
  const r = new Drive(planOf([], [stretch('left', 30), stretch('right', 45, 2)]));
  r.send('start', 0);
  r.send('in_position', s(10));
  assert.equal(r.state(), 'stretching');
  assert.ok(r.send('found', s(12), 5).rejected);
  r.send('tick', s(39));
  assert.equal(r.state(), 'stretching');
  const done = r.send('tick', s(40));
  assert.deepEqual(done.cues.map((c) => c.id), ['stretch_done', 'switch_sides', 'positioning_stretch']);
  assert.match(done.cues[2].text, /ready to stretch/);
  r.send('in_position', s(50));
  const end = r.send('tick', s(500));
  assert.equal(end.visits[0].ended_ms, s(140));
  assert.deepEqual(r.timesOf('session_done'), [s(140)]);
  assert.equal(r.state(), 'done');
  assert.equal(r.holds.length, 0);
});

test('quit ends the session from every state, keeping what was done', () => {
  const act = { kind: 'activation', id: 'floor_bridge', name: 'Floor bridge', side: null, muscles: ['gluteus_maximus'], regions: ['glutes'],
    targets: [], sets: 1, seconds: 60, why: [], reps_min: 10, reps_max: 15, tempo: '4-2-1-1', isometric_s: null };
  const cases = {
    ready: [[], 0, 0],
    positioning: [[['start']], 0, 1],
    rolling: [[['start'], ['in_position']], 0, 1],
    holding: [[['start'], ['in_position'], ['found', 6]], 1, 1],
    eased: [[['start'], ['in_position'], ['found', 6], ['eased', 3]], 0, 1],
    stretching: [[['start'], ['skip'], ['in_position']], 0, 1],
    exercising: [[['start'], ['skip'], ['skip'], ['in_position']], 0, 1],
    paused: [[['start'], ['in_position'], ['found', 6], ['pause']], 1, 1],
  };
  for (const [state, [path, holds, visits]] of Object.entries(cases)) {
    const plan = planOf([smr('calves_roll', 'Calves', 'left')], [stretch('left')]);
    plan.phases.push({ phase: 'activate', items: [act] });
    const r = new Drive(plan);
    let t = 0;
    for (const [type, tenderness] of path) assert.equal(r.send(type, (t += 1000), tenderness).rejected, undefined, `${state}: ${type}`);
    assert.equal(r.state(), state);
    const out = r.send('quit', (t += 1000));
    assert.equal(out.rejected, undefined, state);
    assert.equal(r.state(), 'done', state);
    assert.deepEqual(out.holds.map((h) => h.outcome), Array(holds).fill('stopped'), state);
    assert.deepEqual(out.visits.map((v) => v.outcome), Array(visits).fill('stopped'), state);
    if (state === 'paused') assert.equal(out.holds[0].hold_s, 1, 'the pause is not held time');
    assert.equal(r.send('tick', t + 500_000).holds.length, 0, state);
    assert.ok(r.send('start', t + 500_001).rejected, state);
    assert.ok(r.send('quit', t + 500_002).rejected, state);
  }
});

test('events going back in time and events out of place are rejected', () => {
  const r = new Drive(calvesThenHamstrings());
  assert.equal(r.send('in_position', 0).rejected, 'start the session first');
  r.send('start', s(10));
  assert.match(r.send('tick', s(5)).rejected, /earlier than the previous one/);
  assert.equal(r.send('start', s(11)).rejected, 'the session has already started');
  assert.equal(r.send('eased', s(12), 3).rejected, '`eased` applies while holding a tender spot');
  r.send('in_position', s(13));
  assert.match(r.send('found', s(14)).rejected, /needs a tenderness/);
  assert.match(r.send('found', s(14), 11).rejected, /needs a tenderness/);
  r.send('found', s(15), 4);
  assert.match(r.send('next', s(16)).rejected, /you are holding a spot/);
});

test('several spots on one side are numbered; skip mid-hold records a stopped hold', () => {
  const r = new Drive(calvesThenHamstrings());
  startAndHold(r, s(10));
  r.send('eased', s(45), 2);
  r.send('found', s(50), 5);
  const out = r.send('skip', s(55));
  assert.deepEqual(r.holds.map((h) => [h.spot, h.outcome]), [[1, 'eased'], [2, 'stopped']]);
  assert.equal(out.visits[0].outcome, 'skipped');
  assert.equal(out.visits[0].spots, 2);
});

// The C++ replay quits a file that ends mid-session at its last timestamp; so do we.
function replay(plan, events) {
  const engine = new Engine(plan, catalog);
  const got = { holds: [], visits: [], cues: [], rejected: [], states: [] };
  let last = 0;
  const handle = (e, line) => {
    const out = engine.handle(e);
    got.states.push(engine.state());
    got.holds.push(...out.holds);
    got.visits.push(...out.visits);
    got.cues.push(...out.cues);
    if (out.rejected !== undefined) got.rejected.push({ line, type: e.type, reason: out.rejected });
  };
  events.forEach((e, i) => {
    const t_ms = Math.floor(e.t * 1000 + 0.5);
    handle({ type: e.type, t_ms, tenderness: e.tenderness }, i + 1);
    last = Math.max(last, t_ms);
  });
  const finished = engine.state() === 'done';
  if (!finished && engine.state() !== 'ready') handle({ type: 'quit', t_ms: last }, 0);
  return { state: finished ? 'done' : 'stopped', ...got };
}

test(`matches the C++ engine on ${golden.cases.length} recorded random sessions`, () => {
  for (const [n, c] of golden.cases.entries()) {
    const got = replay(golden.plans[c.plan], c.events);
    for (const key of ['state', 'states', 'holds', 'visits', 'cues', 'rejected'])
      assert.deepEqual(got[key], c.expected[key], `case ${n}: ${key} differ`);
  }
});

test('activation: in position starts the reps, they end by themselves after seconds - 10, or early with next', () => {
  const act = (id, seconds) => ({
    kind: 'activation', id, name: 'Floor bridge', side: null, muscles: ['gluteus_maximus'], regions: ['glutes'], targets: [],
    sets: 1, seconds, why: [], reps_min: 10, reps_max: 15, tempo: '4-2-1-1', isometric_s: null,
  });
  const plan = planOf([]);
  plan.phases = [{ phase: 'activate', items: [act('floor_bridge', 106), act('tube_walking', 15)] }];
  const r = new Drive(plan);
  r.send('start', 0);
  r.send('in_position', s(4));
  assert.equal(r.state(), 'exercising');
  assert.deepEqual(r.timesOf('exercise_start'), [s(4)]);
  r.send('tick', s(4 + 95));
  assert.equal(r.state(), 'exercising');
  r.send('tick', s(4 + 96));
  assert.deepEqual(r.timesOf('exercise_done'), [s(100)]);
  assert.equal(r.state(), 'positioning');
  assert.equal(r.visits[0].outcome, 'done');
  assert.equal(r.visits[0].kind, 'activation');
  r.send('in_position', s(101));
  assert.equal(r.send('found', s(102), 5).rejected, '`found` applies while rolling');
  r.send('next', s(103)); // early: before max(10, 15 - 10) s
  assert.equal(r.state(), 'done');
  assert.deepEqual(r.timesOf('exercise_done'), [s(100)]);
});
