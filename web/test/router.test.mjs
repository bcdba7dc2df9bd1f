// The redirect race behind the e2e flake of issue 10: a redirect decided during a render runs
// after paint; a navigation that lands in between (here: the hash moved, its hashchange not yet
// delivered) must win. Deterministic: the browser's location and history are stand-ins.
import assert from 'node:assert/strict';
import { test } from 'node:test';

const events = [];
globalThis.location = { hash: '' };
globalThis.history = { replaceState: (_s, _t, url) => (globalThis.location.hash = url) };
globalThis.dispatchEvent = (e) => events.push(e.type);
globalThis.HashChangeEvent = class { constructor(type) { this.type = type; } };
const { navigate, redirect } = await import('./.build/router.mjs');

test('a redirect replaces the route it was decided on', () => {
  location.hash = '#/signin';
  events.length = 0;
  redirect('#/signin', '/');
  assert.equal(location.hash, '#/');
  assert.deepEqual(events, ['hashchange']);
});

test('a redirect leaves a newer navigation alone (signed in, then straight to the health check)', () => {
  location.hash = '#/signin'; // rendered: <Redirect to="/" />, its effect waits for the next frame
  const decidedOn = location.hash;
  location.hash = '#/screening'; // the person (or a test) goes on before that frame
  events.length = 0;
  redirect(decidedOn, '/'); // the effect runs at last
  assert.equal(location.hash, '#/screening');
  assert.deepEqual(events, []);
});

test('navigate with replace tells the router at once', () => {
  location.hash = '#/a';
  events.length = 0;
  navigate('/b', true);
  assert.equal(location.hash, '#/b');
  assert.deepEqual(events, ['hashchange']);
});
