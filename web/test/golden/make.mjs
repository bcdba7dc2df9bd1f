// Makes the golden runs the TypeScript engine is checked against: random event scripts replayed
// through the C++ engine (`unknot session --replay --json`), with the state after every event.
// Never kept in git: test/run.mjs runs this against the binary under test every time, so the two
// engines are compared as they are now, and it fails unless the scripts reach every event type
// and every state the API document names (api/openapi.json: Event.type, Session.state).
//   node test/golden/make.mjs [path/to/unknot] [data dir] [output file]
// The TypeScript side needs only the cues and the techniques' avoid/lighter lines, which are
// saved alongside (from `unknot technique ID --json` and data/cues.rec).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const bin = process.argv[2] ?? join(here, '../../../build/dev/src/unknot');
const data = process.argv[3] ?? join(here, '../../../data');
const tmp = mkdtempSync(join(tmpdir(), 'unknot-golden-'));
const db = join(tmp, 'golden.db');
const run = (args) => execFileSync(bin, ['--data', data, '--db', db, ...args], { encoding: 'utf8' });

// cues.rec -> CueText[] (the API's shape: at_s / every_s null when absent)
function parseCues(text) {
  const cues = [];
  let cur = null;
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line.startsWith('#') || line === '') continue;
    const m = /^([a-z_]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    const [, k, v] = m;
    if (k === 'cue') cues.push((cur = { id: v, when: '', text: '', at_s: null, every_s: null }));
    else if (k === 'at_s' || k === 'every_s') cur[k] = Number(v);
    else cur[k] = v;
  }
  return cues;
}

let seed = 20240611;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];

const profiles = [
  { targets: ['calf', 'hamstrings', 'upper_back'], minutes: 15, tools: ['foam_roller'], context: 'warm_up' },
  { targets: ['quadriceps', 'piriformis:left'], minutes: 20, context: 'cool_down' },
  { targets: ['latissimus_dorsi', 'calf:right'], minutes: 10, tools: ['foam_roller', 'massage_ball'], context: 'daily' },
  // An assessment: all four phases, so activations and integrations (state `exercising`) are replayed too.
  { targets: [], minutes: 45, tools: ['foam_roller'], context: 'daily',
    assessment: { findings: [{ id: 'knees_move_inward' }, { id: 'asymmetric_weight_shift', side: 'left' }] } },
];
const weights = [
  ['in_position', 6], ['found', 6], ['eased', 6], ['next', 3], ['tick', 8], ['too_painful', 1],
  ['skip', 1], ['pause', 1], ['resume', 1.5], ['start', 0.2], ['quit', 0.1],
];
const total = weights.reduce((s, [, w]) => s + w, 0);
function randomType() {
  let r = rnd() * total;
  for (const [type, w] of weights) if ((r -= w) < 0) return type;
  return 'tick';
}

function script(n, skipFirst = 0) {
  const events = [{ t: 0, type: 'start' }];
  let t = 0;
  // Skip straight to the later phases (activate, integrate) so their items are replayed too.
  for (let i = 0; i < skipFirst; i++) events.push({ t: (t += 1), type: 'skip' });
  for (let i = 0; i < n; i++) {
    const type = randomType();
    const step = pick([0, 0.25, 1, 3, 7.5, 12, 20, 31.125, 45, 95]);
    t = rnd() < 0.03 ? Math.max(0, t - 5) : Math.round((t + step) * 1000) / 1000; // sometimes back in time
    const e = { t, type };
    if (type === 'found' || type === 'eased' || (type === 'too_painful' && rnd() < 0.5)) e.tenderness = Math.floor(rnd() * 11);
    events.push(e);
  }
  return events;
}

const cases = [];
const techniques = {};
profiles.forEach((profile, p) => {
  const pf = join(tmp, `profile${p}.json`);
  writeFileSync(pf, JSON.stringify(profile));
  const plan = JSON.parse(run(['plan', '--profile', pf, '--json']));
  for (const phase of plan.phases)
    for (const item of phase.items)
      if (item.kind === 'smr' && !techniques[item.id]) {
        const t = JSON.parse(run(['technique', item.id, '--json']));
        techniques[item.id] = { avoid: t.avoid, lighter: t.lighter };
      }
  const planFile = join(tmp, `plan${p}.json`);
  writeFileSync(planFile, JSON.stringify(plan));
  for (let k = 0; k < 12; k++) {
    const rollAndStretch = plan.phases.filter((ph) => ph.phase === 'inhibit' || ph.phase === 'lengthen').reduce((n, ph) => n + ph.items.length, 0);
    const events = script(20 + Math.floor(rnd() * 60), plan.phases.length > 2 && k % 2 === 0 ? rollAndStretch : 0);
    if (k === 11) events.unshift({ t: 0, type: 'quit' }); // ended before it began: everything after is refused
    if (k === 10) events.unshift({ t: 0, type: 'in_position' }); // before start: refused, still ready
    const ef = join(tmp, `events${p}_${k}.jsonl`);
    writeFileSync(ef, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const got = JSON.parse(run(['session', '--plan', planFile, '--replay', ef, '--at', '2025-01-01', '--json']));
    delete got.session_id;
    cases.push({ plan: p, events, expected: got });
  }
});
const plans = profiles.map((_, p) => JSON.parse(readFileSync(join(tmp, `plan${p}.json`), 'utf8')));
const cues = parseCues(readFileSync(join(data, 'cues.rec'), 'utf8'));
// Every event type sent and every state reached, or the comparison proves less than it claims.
const api = JSON.parse(readFileSync(join(here, '../../../api/openapi.json'), 'utf8')).components.schemas;
const missing = [
  ...api.Event.properties.type.enum.filter((t) => !cases.some((c) => c.events.some((e) => e.type === t))).map((t) => `event ${t}`),
  ...api.Session.properties.state.enum.filter((s) => !cases.some((c) => c.expected.states.includes(s))).map((s) => `state ${s}`),
];
if (missing.length) {
  console.error(`golden: the scripts never reach ${missing.join(', ')}; widen them in test/golden/make.mjs`);
  process.exit(1);
}
const output = process.argv[4] ?? join(here, 'golden.json');
writeFileSync(output, JSON.stringify({ cues, techniques, plans, cases }) + '\n');
console.log(`${cases.length} cases, ${cases.reduce((s, c) => s + c.expected.holds.length, 0)} holds, ` +
  `${cases.reduce((s, c) => s + c.expected.holds.filter((h) => h.outcome === 'released_early').length, 0)} released early, ` +
  `${cases.reduce((s, c) => s + c.expected.rejected.length, 0)} rejected events`);
