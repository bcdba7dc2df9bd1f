// Seeds a dev server with two weeks of sessions through the public API (plans, sessions,
// events), so the progress screen has something to chart. Tender spots get fewer and milder.
//   node test/e2e/seed.mjs [baseURL] [email]
import { randomUUID } from 'node:crypto';

const base = process.argv[2] ?? 'http://127.0.0.1:8091';
// The sessions need an account: a new one (the owner's on a fresh server); sign in with it to see them.
const email = process.argv[3] ?? `seed.${Date.now()}@example.org`;
const password = 'correct horse battery staple';
const { setup_required } = await (await fetch(`${base}/api/v1/auth`)).json();
const joined = await fetch(`${base}/api/v1/${setup_required ? 'setup' : 'signup'}`, {
  method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, name: 'Seed', password }),
});
if (!joined.ok) throw new Error(`sign-up: ${joined.status} ${await joined.text()}`);
const auth = { Cookie: joined.headers.get('set-cookie').split(';')[0], 'X-CSRF-Token': (await joined.json()).csrf };
console.log(`signed up ${email} / ${password}`);
const post = async (path, body) => {
  const r = await fetch(base + path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...auth }, body: JSON.stringify(body) });
  const json = await r.json();
  if (!r.ok) throw new Error(`${path}: ${r.status} ${JSON.stringify(json)}`);
  return json;
};
const id = () => randomUUID().replace(/-/g, '');

const plan = await post('/api/v1/plans', {
  screening: { answers: {} }, targets: ['calf', 'thigh_back:left', 'upper_back'], minutes: 20, tools: ['foam_roller'], context: 'daily',
});
const items = plan.phases.flatMap((p) => p.items);
const day = 86_400_000;
let holds = 0;
for (let d = 13; d >= 1; d -= d > 6 ? 2 : 1) {
  const start = Date.now() - d * day;
  const session = await post('/api/v1/sessions', { plan, client_id: `seed${d}${id().slice(0, 8)}`, started_at_ms: start });
  const events = [{ id: id(), t: 0, type: 'start' }];
  let t = 0;
  const ease = (13 - d) / 13; // 0 at the start, ~1 at the end
  items.forEach((item, i) => {
    events.push({ id: id(), t: (t += 6), type: 'in_position' });
    if (item.kind === 'smr') {
      const spots = Math.max(1, Math.round(3 - 2 * ease - (i % 2) * 0.6));
      for (let k = 0; k < spots; k++) {
        events.push({ id: id(), t: (t += 12), type: 'found', tenderness: Math.max(2, Math.round(8 - 4 * ease - k)) });
        events.push({ id: id(), t: (t += Math.round(70 - 30 * ease)), type: 'eased', tenderness: Math.max(0, Math.round(4 - 3 * ease)) });
        holds++;
      }
      events.push({ id: id(), t: (t += 2), type: 'next' });
    } else {
      events.push({ id: id(), t: (t += item.hold_s * item.sets + 1), type: 'tick' });
    }
  });
  const r = await post(`/api/v1/sessions/${session.id}/events`, { events });
  if (r.rejected.length) console.warn(`day -${d}: rejected`, r.rejected);
  console.log(`day -${d}: session ${session.id} ${r.session.status}, ${r.holds.length} holds`);
}
console.log(`${holds} holds seeded`);
