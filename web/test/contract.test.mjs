// The app codes strictly against api/openapi.json: the document itself is valid OpenAPI 3.1,
// every request body the app builds matches its schema, and what the TypeScript engine records
// has the API's Hold / Visit / Cue shapes. With UNKNOT_API=http://host:port set, the live
// server's answers are checked against their schemas too.
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Engine } from './.build/engine.mjs';
import { answersToSend, makeEvent, newSession, profileFor, toggleTarget, unanswered } from './.build/requests.mjs';

const specPath = new URL('../../api/openapi.json', import.meta.url);
const haveSpec = existsSync(specPath);
const spec = haveSpec ? JSON.parse(readFileSync(specPath, 'utf8')) : null;
const golden = JSON.parse(readFileSync(process.env.UNKNOT_GOLDEN ?? assert.fail('UNKNOT_GOLDEN is not set: run the tests through test/run.mjs'), 'utf8'));

function validatorFor(name) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ ...spec, $id: 'openapi.json' });
  const v = ajv.getSchema(`openapi.json#/components/schemas/${name}`);
  assert.ok(v, `no schema ${name}`);
  return (data) => {
    const ok = v(data);
    assert.ok(ok, `${name}: ${JSON.stringify(v.errors, null, 1)}\n${JSON.stringify(data).slice(0, 400)}`);
  };
}

test('api/openapi.json is a valid OpenAPI 3.1 document', { skip: !haveSpec }, async () => {
  const res = await new Validator().validate(spec);
  assert.ok(res.valid, JSON.stringify(res.errors, null, 1));
});

test('screening answers: the gate, then only what sits under a yes, follow-ups only under a yes', { skip: !haveSpec }, () => {
  const conditions = [
    { id: 'varicose_veins', question: '', explain: '', outcome: 'caution', follow_up: null },
    { id: 'recent_injury', question: '', explain: '', outcome: 'caution', follow_up: { id: 'recent_injury_regions', question: '', kind: 'regions' } },
    { id: 'hypertension', question: '', explain: '', outcome: 'caution', follow_up: { id: 'hypertension_controlled', question: '', kind: 'yes_no' } },
  ];
  const gate = [
    { id: 'heart', question: '', covers: ['varicose_veins', 'hypertension'], sources: [] },
    { id: 'places', question: '', covers: ['recent_injury'], sources: [] },
  ];
  const given = {
    heart: true, places: true, varicose_veins: false, recent_injury: true, recent_injury_regions: ['calf:left', 'thigh_back'],
    hypertension: false, hypertension_controlled: true, stray: true,
  };
  const body = { answers: answersToSend(gate, conditions, given) };
  assert.deepEqual(body.answers, { heart: true, varicose_veins: false, hypertension: false, places: true, recent_injury: true, recent_injury_regions: ['calf:left', 'thigh_back'] });
  validatorFor('Answers')(body);
  // A "no" to a gate sends only the gate: the server answers everything under it "no".
  assert.deepEqual(answersToSend(gate, conditions, { ...given, places: false }), { heart: true, varicose_veins: false, hypertension: false, places: false });
  // Open questions, in screen order: the gate first, then what sits under each yes.
  assert.deepEqual(unanswered(gate, conditions, {}, false), ['heart', 'places']);
  assert.deepEqual(unanswered(gate, conditions, { heart: true, places: false }, true), ['varicose_veins', 'hypertension']);
  assert.deepEqual(unanswered(gate, conditions, { heart: false, places: true, recent_injury: true, recent_injury_regions: [] }, true), ['recent_injury_regions']);
  assert.deepEqual(unanswered(gate, conditions, given, true), []);
});

test('targets: both sides chosen become one target; order is priority', () => {
  let t = toggleTarget([], 'calf:left');
  assert.deepEqual(t, ['calf:left']);
  t = toggleTarget(toggleTarget(t, 'upper_back'), 'calf:right');
  assert.deepEqual(t, ['calf', 'upper_back']);
  assert.deepEqual(toggleTarget(t, 'calf:left'), ['calf:right', 'upper_back']);
  assert.deepEqual(toggleTarget(t, 'upper_back'), ['calf']);
});

test('plan profile, new session and event batches match their schemas', { skip: !haveSpec }, () => {
  validatorFor('Profile')(profileFor({ targets: ['calf', 'hamstrings:left'], minutes: 15, tools: ['foam_roller'], context: 'warm_up' }, { varicose_veins: false }));
  const checkPlan = validatorFor('Plan');
  for (const plan of golden.plans) checkPlan(plan);
  validatorFor('NewSession')(newSession(golden.plans[0], 'aB3_x-9', 1732000000000.4));
  const events = [makeEvent('start', 0), makeEvent('in_position', 4321), makeEvent('found', 9999.6, 7), makeEvent('eased', 45000, 3)];
  assert.deepEqual(events.map((e) => e.t), [0, 4.321, 10, 45]);
  validatorFor('EventBatch')({ events });
});

test('a routine a trainer assigns: the profile Choose or Assess builds, with a note', { skip: !haveSpec }, () => {
  const profile = profileFor({ targets: ['calf'], minutes: 10, tools: ['foam_roller'], context: 'daily' }, { varicose_veins: false });
  validatorFor('NewAssignment')({ profile, note: 'Before your runs.' });
  validatorFor('NewAssignment')({ profile: { ...profile, targets: [], assessment: { findings: [{ id: 'knees_move_inward' }], edition: 'c4' } } });
});

test('the engine records holds, visits and cues in the API\'s shapes', { skip: !haveSpec }, () => {
  const [hold, visit, cue] = ['Hold', 'Visit', 'Cue'].map(validatorFor);
  const engine = new Engine(golden.plans[0], { cues: golden.cues, technique: (id) => golden.techniques[id] });
  let n = 0;
  const seen = { holds: 0, visits: 0 };
  const send = (type, t_ms, tenderness) => {
    const out = engine.handle({ type, t_ms, tenderness });
    out.holds.forEach(hold);
    out.visits.forEach(visit);
    out.cues.forEach(cue);
    seen.holds += out.holds.length;
    seen.visits += out.visits.length;
  };
  send('start', n);
  send('in_position', (n += 3000));
  send('found', (n += 5000), 6);
  send('eased', (n += 40000), 2);
  send('found', (n += 2000), 5);
  send('too_painful', (n += 3000));
  send('found', (n += 1000), 4);
  send('tick', (n += 200000)); // times out, moves on
  send('quit', (n += 1000));
  assert.ok(seen.holds >= 3 && seen.visits >= 2, JSON.stringify(seen));
});

const live = process.env.UNKNOT_API;
test('the live server answers in the documented shapes', { skip: !live || !haveSpec }, async () => {
  // Health data needs an account: a new one (the owner's, if the server is fresh), held by
  // its cookie and CSRF token the way the browser holds them.
  const auth0 = await (await fetch(live + '/api/v1/auth')).json();
  validatorFor('AuthState')(auth0);
  const who = { email: `contract.${Date.now()}@example.org`, name: 'Contract Test', password: 'correct horse battery staple' };
  const joined = await fetch(live + (auth0.setup_required ? '/api/v1/setup' : '/api/v1/signup'), {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(who),
  });
  assert.equal(joined.status, 201);
  const cookie = joined.headers.get('set-cookie').split(';')[0];
  const signedIn = await joined.json();
  validatorFor('AuthState')(signedIn);
  const csrf = signedIn.csrf;
  const get = async (path) => {
    const r = await fetch(live + path, { headers: { Cookie: cookie } });
    assert.equal(r.status, 200, path);
    return r.json();
  };
  validatorFor('AuthState')(await get('/api/v1/auth'));
  const arrays = { techniques: 'Technique', stretches: 'Stretch', learn: 'ArticleSummary', muscles: 'Muscle', regions: 'Region', tools: 'Tool', conditions: 'Condition', cues: 'CueText', goals: 'Goal', sources: 'Source', history: 'HistoryEntry' };
  for (const [path, schema] of Object.entries(arrays)) {
    const check = validatorFor(schema);
    const list = await get(`/api/v1/${path}`);
    assert.ok(Array.isArray(list), path);
    list.forEach(check);
    if (path === 'learn') for (const a of list) validatorFor('Article')(await get(`/api/v1/learn/${a.slug}`));
  }
  validatorFor('Progress')(await get('/api/v1/progress'));
  validatorFor('Health')(await get('/healthz'));
  assert.deepEqual((await get('/api/v1/goals')).map((g) => g.id).sort(), ['after_workout', 'before_workout', 'desk_worker', 'runner']);
  // A whole round trip: plan, session (twice: idempotent), events (twice: duplicates).
  const post = async (path, body) => {
    const r = await fetch(live + path, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf }, body: JSON.stringify(body) });
    return { status: r.status, body: await r.json() };
  };
  // Without the CSRF token a write is refused (403 csrf), with the cookie alone.
  const noCsrf = await fetch(live + '/api/v1/plans', { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: '{"targets":["calf"]}' });
  assert.equal(noCsrf.status, 403);
  assert.equal((await noCsrf.json()).error.code, 'csrf');
  assert.deepEqual(await get('/api/v1/assignments'), []);
  const plan = await post('/api/v1/plans', profileFor({ targets: ['calf:left'], minutes: 5, tools: ['foam_roller'], context: 'daily' }, {}));
  assert.equal(plan.status, 200);
  validatorFor('Plan')(plan.body);
  const body = newSession(plan.body, `contract${Date.now()}`, Date.now());
  const first = await post('/api/v1/sessions', body);
  const again = await post('/api/v1/sessions', body);
  assert.deepEqual([first.status, again.status], [201, 200]);
  assert.equal(first.body.id, again.body.id);
  validatorFor('Session')(first.body);
  const events = [makeEvent('start', 0), makeEvent('in_position', 2000), makeEvent('found', 5000, 6), makeEvent('eased', 36000, 2)];
  const r1 = await post(`/api/v1/sessions/${first.body.id}/events`, { events });
  const r2 = await post(`/api/v1/sessions/${first.body.id}/events`, { events });
  validatorFor('EventsResult')(r1.body);
  assert.deepEqual([r1.body.accepted, r2.body.accepted, r2.body.duplicates], [4, 0, 4]);
  assert.equal(r1.body.holds.length, 1);
  assert.equal(r1.body.holds[0].hold_s, 31);
});
