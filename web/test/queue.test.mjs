// The offline outbox: nothing lost, nothing sent twice, order kept, idempotent retries.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryStorage, Outbox } from './.build/queue.mjs';
import { randomId } from './.build/ids.mjs';

const plan = { phases: [] };

// A fake server with the API's idempotency: sessions by client_id, events by id.
function fakeServer() {
  const server = { online: true, sessions: new Map(), events: [], calls: 0, failNextAfterStore: false };
  return Object.assign(server, {
    async startSession(body) {
      server.calls++;
      if (!server.online) throw new TypeError('Failed to fetch');
      let s = server.sessions.get(body.client_id);
      if (!s) server.sessions.set(body.client_id, (s = { id: server.sessions.size + 1, client_id: body.client_id }));
      return { id: s.id };
    },
    async postEvents(id, events) {
      server.calls++;
      if (!server.online) throw new TypeError('Failed to fetch');
      if (![...server.sessions.values()].some((s) => s.id === id)) throw Object.assign(new Error('no such session'), { status: 404 });
      let accepted = 0, duplicates = 0;
      for (const e of events) {
        if (server.events.some((x) => x.id === e.id)) duplicates++;
        else accepted++, server.events.push({ session: id, ...e });
      }
      if (server.failNextAfterStore) {
        server.failNextAfterStore = false;
        throw new TypeError('connection reset'); // stored, but the answer was lost
      }
      return { accepted, duplicates, rejected: [], cues: [], holds: [], session: { id } };
    },
  });
}

const ev = (t, type = 'tick') => ({ id: randomId(), t, type });

test('ids are 22 url-safe characters and do not repeat', () => {
  const ids = new Set(Array.from({ length: 2000 }, () => randomId()));
  assert.equal(ids.size, 2000);
  for (const id of ids) assert.match(id, /^[A-Za-z0-9_-]{22}$/);
});

test('adding the same event twice stores it once', async () => {
  const storage = new MemoryStorage();
  const box = new Outbox(storage, fakeServer());
  await box.addSession({ client_id: 'c1', plan, started_at_ms: 1 });
  const e = ev(0, 'start');
  assert.equal(await box.addEvent('c1', e), true);
  assert.equal(await box.addEvent('c1', { ...e }), false);
  assert.equal(storage.eventMap.size, 1);
  await box.addSession({ client_id: 'c1', plan, started_at_ms: 1 }); // again: no reset
  assert.equal(storage.sessionMap.get('c1').next_seq, 1);
});

test('offline: everything waits; back online: sent once, in order, and the outbox empties', async () => {
  const server = fakeServer();
  server.online = false;
  const storage = new MemoryStorage();
  const box = new Outbox(storage, server);
  await box.addSession({ client_id: 'c1', plan, started_at_ms: 1 });
  const events = [ev(0, 'start'), ev(1.5, 'in_position'), ev(9.25, 'found'), ev(50, 'eased')];
  await Promise.all(events.map((e) => box.addEvent('c1', e)));
  const r1 = await box.flush();
  assert.equal(r1.offline, true);
  assert.equal(r1.pending, 5); // the session itself + 4 events
  assert.equal(server.events.length, 0);
  server.online = true;
  await box.markEnded('c1');
  const r2 = await box.flush();
  assert.equal(r2.offline, false);
  assert.equal(r2.sent, 4);
  assert.equal(r2.pending, 0);
  assert.deepEqual(server.events.map((e) => e.id), events.map((e) => e.id));
  assert.equal(storage.sessionMap.size, 0);
  assert.equal(storage.eventMap.size, 0);
});

test('a lost answer is retried with the same ids, so the server keeps one copy', async () => {
  const server = fakeServer();
  const box = new Outbox(new MemoryStorage(), server);
  await box.addSession({ client_id: 'c2', plan, started_at_ms: 1 });
  await box.addEvent('c2', ev(0, 'start'));
  server.failNextAfterStore = true;
  assert.equal((await box.flush()).offline, true);
  assert.equal(server.events.length, 1);
  await box.addEvent('c2', ev(3, 'in_position'));
  const r = await box.flush();
  assert.equal(r.results[0].result.duplicates, 1);
  assert.equal(r.results[0].result.accepted, 1);
  assert.equal(server.events.length, 2);
  assert.equal(server.sessions.size, 1);
});

test('concurrent flushes share one run; events added during a flush are kept', async () => {
  const server = fakeServer();
  const storage = new MemoryStorage();
  const box = new Outbox(storage, server);
  await box.addSession({ client_id: 'c3', plan, started_at_ms: 1 });
  for (let i = 0; i < 450; i++) await box.addEvent('c3', ev(i));
  const [a, b] = await Promise.all([box.flush(), box.flush()]);
  assert.equal(a, b);
  assert.equal(a.sent, 450);
  assert.equal(a.results.length, 3); // batches of 200
  const late = box.addEvent('c3', ev(1000));
  await Promise.all([box.flush(), late]);
  await box.flush();
  assert.equal(server.events.length, 451);
  assert.equal(new Set(server.events.map((e) => e.id)).size, 451);
  assert.deepEqual(server.events.map((e) => e.t), [...server.events.map((e) => e.t)].sort((x, y) => x - y));
});

test('a session the server forgot is started again under the same client_id', async () => {
  const server = fakeServer();
  const box = new Outbox(new MemoryStorage(), server);
  await box.addSession({ client_id: 'c4', plan, started_at_ms: 1 });
  await box.addEvent('c4', ev(0, 'start'));
  await box.flush();
  server.sessions.clear(); // database reset
  await box.addEvent('c4', ev(1, 'in_position'));
  const r = await box.flush();
  assert.equal(r.pending, 0);
  assert.equal(server.sessions.size, 1);
  assert.equal(server.events.length, 2);
});

test('a batch the server refuses outright is kept aside, not retried forever, not lost', async () => {
  const server = fakeServer();
  server.postEvents = async () => {
    throw Object.assign(new Error('bad'), { status: 400 });
  };
  const storage = new MemoryStorage();
  const box = new Outbox(storage, server);
  await box.addSession({ client_id: 'c5', plan, started_at_ms: 1 });
  await box.addEvent('c5', ev(0, 'start'));
  const r = await box.flush();
  assert.equal(r.pending, 0);
  assert.equal(storage.eventMap.size, 1);
  assert.match([...storage.eventMap.values()][0].dead, /400/);
});

test('signed out or a stale CSRF token while flushing: nothing is dropped, all of it goes later', async () => {
  for (const status of [401, 403]) {
    const server = fakeServer();
    const realPost = server.postEvents;
    let refuse = true;
    server.postEvents = async (id, events) => {
      if (refuse) throw Object.assign(new Error('sign in first'), { status });
      return realPost(id, events);
    };
    const storage = new MemoryStorage();
    const box = new Outbox(storage, server, () => 7);
    await box.addSession({ client_id: `s${status}`, plan, started_at_ms: 1, user: 7 });
    const events = [ev(0, 'start'), ev(2, 'in_position'), ev(5, 'found')];
    for (const e of events) await box.addEvent(`s${status}`, e);
    const r1 = await box.flush();
    assert.equal(r1.signedOut, true, `HTTP ${status}`);
    assert.equal(r1.offline, false);
    assert.equal(r1.pending, 3);
    assert.ok([...storage.eventMap.values()].every((e) => !e.dead), `HTTP ${status}: events were marked dead`);
    refuse = false; // signed in again
    const r2 = await box.flush();
    assert.equal(r2.sent, 3);
    assert.deepEqual(server.events.map((e) => e.id), events.map((e) => e.id));
  }
});

test('a 401 when starting the session keeps it too', async () => {
  const server = fakeServer();
  const realStart = server.startSession;
  server.startSession = async () => {
    throw Object.assign(new Error('sign in first'), { status: 401 });
  };
  const storage = new MemoryStorage();
  const box = new Outbox(storage, server);
  await box.addSession({ client_id: 'c401', plan, started_at_ms: 1 });
  await box.addEvent('c401', ev(0, 'start'));
  const r = await box.flush();
  assert.equal(r.signedOut, true);
  assert.equal(r.errors.length, 0);
  assert.equal(r.pending, 2);
  server.startSession = realStart;
  assert.equal((await box.flush()).sent, 1);
});

test('sessions are sent only under the login of whoever recorded them', async () => {
  const server = fakeServer();
  const storage = new MemoryStorage();
  let who = 1;
  const box = new Outbox(storage, server, () => who);
  await box.addSession({ client_id: 'mine', plan, started_at_ms: 1, user: 1 });
  await box.addEvent('mine', ev(0, 'start'));
  await box.addSession({ client_id: 'theirs', plan, started_at_ms: 2, user: 2 });
  await box.addEvent('theirs', ev(0, 'start'));
  await box.addSession({ client_id: 'old', plan, started_at_ms: 3 }); // from before accounts: whoever signs in
  const r = await box.flush();
  assert.deepEqual([...server.sessions.keys()].sort(), ['mine', 'old']);
  assert.equal(r.pending, 0); // what waits for someone else is not this person's to count
  assert.equal(storage.sessionMap.has('theirs'), true);
  who = 2; // the other person signs in on this device
  assert.equal(await box.pending(), 2);
  await box.flush();
  assert.deepEqual([...server.sessions.keys()].sort(), ['mine', 'old', 'theirs']);
});
