// The API client and signing in: the CSRF header on every write (never on reads), one retry
// with a fresh token after a 403 `csrf`, and a 401 that means "signed out" reported once to
// the app (a wrong password at login is a 401 too, and is not).
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { HttpError, api, forClient, request, setAuthHooks } from './.build/client.mjs';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  setAuthHooks({ csrf: () => null, refresh: async () => undefined, lost: () => undefined });
});

/** A fake server: answers from `reply(call)`, and records every call. */
function serve(reply) {
  const calls = [];
  globalThis.fetch = async (url, init) => {
    const call = { url, method: init.method, headers: init.headers, body: init.body ? JSON.parse(init.body) : undefined };
    calls.push(call);
    const [status, body] = reply(call, calls.length);
    return new Response(body === undefined ? '' : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  };
  return calls;
}
const err = (code, message = code, field = null) => ({ error: { code, message, field } });

test('writes carry X-CSRF-Token from the current login; reads never do', async () => {
  let token = 'first';
  setAuthHooks({ csrf: () => token, refresh: async () => undefined, lost: () => undefined });
  const calls = serve(() => [200, {}]);
  await request('GET', '/api/v1/progress');
  await request('POST', '/api/v1/plans', { targets: [] });
  token = 'second'; // signed in again: the next write uses the new token
  await request('DELETE', '/api/v1/tokens/abc');
  assert.equal(calls[0].headers['X-CSRF-Token'], undefined);
  assert.equal(calls[1].headers['X-CSRF-Token'], 'first');
  assert.equal(calls[1].headers['Content-Type'], 'application/json');
  assert.equal(calls[2].headers['X-CSRF-Token'], 'second');
  assert.equal(calls[2].headers['Content-Type'], undefined); // no body, no type
});

test('a stale CSRF token: the client asks /auth for the current one and retries once', async () => {
  let token = 'stale';
  let refreshed = 0;
  setAuthHooks({ csrf: () => token, refresh: async () => (refreshed++, (token = 'fresh')), lost: () => undefined });
  const calls = serve((c) => (c.headers['X-CSRF-Token'] === 'fresh' ? [201, { id: 7 }] : [403, err('csrf')]));
  const out = await request('POST', '/api/v1/sessions', { client_id: 'x' });
  assert.deepEqual(out, { id: 7 });
  assert.equal(refreshed, 1);
  assert.deepEqual(calls.map((c) => c.headers['X-CSRF-Token']), ['stale', 'fresh']);
  assert.deepEqual(calls[1].body, { client_id: 'x' });
});

test('still refused after the retry: the 403 reaches the caller, no endless loop', async () => {
  setAuthHooks({ csrf: () => 't', refresh: async () => undefined, lost: () => undefined });
  const calls = serve(() => [403, err('csrf')]);
  await assert.rejects(request('POST', '/api/v1/sessions', {}), (e) => e instanceof HttpError && e.status === 403 && e.code === 'csrf');
  assert.equal(calls.length, 2);
});

test('a 401 "unauthenticated" from any call reports the login lost, and still throws', async () => {
  const lost = [];
  setAuthHooks({ csrf: () => null, refresh: async () => undefined, lost: (e) => lost.push(e.code) });
  serve(() => [401, err('unauthenticated', 'sign in first')]);
  await assert.rejects(api.progress(), (e) => e instanceof HttpError && e.status === 401);
  await assert.rejects(api.assignments(), HttpError);
  assert.deepEqual(lost, ['unauthenticated', 'unauthenticated']);
});

test('a wrong password (401 wrong_credentials) is the form\'s business, not a lost login', async () => {
  const lost = [];
  setAuthHooks({ csrf: () => null, refresh: async () => undefined, lost: (e) => lost.push(e) });
  serve(() => [401, err('wrong_credentials', 'the email or the password is wrong')]);
  await assert.rejects(request('POST', '/api/v1/login', { email: 'a@b.c', password: 'x' }), (e) => e.message === 'the email or the password is wrong');
  assert.equal(lost.length, 0);
});

test('field errors keep the field the server named', async () => {
  serve(() => [400, err('invalid', 'use at least 12 characters', 'password')]);
  await assert.rejects(request('POST', '/api/v1/signup', {}), (e) => e.field === 'password' && e.code === 'invalid');
});

test('a client\'s data: ?client=ID on health routes, nothing for one\'s own', async () => {
  const calls = serve(() => [200, []]);
  await api.progress(12);
  await api.history();
  await api.screen({ answers: {} }, 12);
  await api.assessments(null);
  assert.deepEqual(calls.map((c) => c.url), ['/api/v1/progress?client=12', '/api/v1/history', '/api/v1/screenings?client=12', '/api/v1/assessments']);
  assert.equal(forClient(0), '');
});
