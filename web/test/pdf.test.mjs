// PDFs and files from the API: the paper size (guessed from the language, then remembered),
// `page=` on any address, and POST downloads with the CSRF header (one retry with a fresh token).
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { defaultPage, postFile, savePage, savedPage, setAuthHooks, withPage } from './.build/pdf.mjs';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  setAuthHooks({ csrf: () => null, refresh: async () => undefined, lost: () => undefined });
});

test('Letter in the US and Canada, A4 elsewhere', () => {
  assert.equal(defaultPage('en-US'), 'letter');
  assert.equal(defaultPage('fr-CA'), 'letter');
  assert.equal(defaultPage('en-GB'), 'a4');
  assert.equal(defaultPage('de'), 'a4');
  assert.equal(defaultPage(''), 'a4');
});

test('the chosen paper size is remembered', () => {
  const kept = new Map();
  globalThis.localStorage = { getItem: (k) => kept.get(k) ?? null, setItem: (k, v) => kept.set(k, String(v)) };
  try {
    savePage('letter');
    assert.equal(savedPage(), 'letter');
    savePage('a4');
    assert.equal(savedPage(), 'a4');
    kept.set('unknot.page', 'tabloid'); // anything else: the default again
    assert.ok(['a4', 'letter'].includes(savedPage()));
  } finally {
    delete globalThis.localStorage;
  }
});

test('page= joins an address with or without a query', () => {
  assert.equal(withPage('/api/v1/handouts', 'a4'), '/api/v1/handouts?page=a4');
  assert.equal(withPage('/api/v1/progress/report.pdf?client=7', 'letter'), '/api/v1/progress/report.pdf?client=7&page=letter');
});

test('a POST download sends the CSRF token, retries once with a fresh one, and saves the blob', async () => {
  let token = 'old';
  setAuthHooks({ csrf: () => token, refresh: async () => void (token = 'new'), lost: () => undefined });
  const calls = [];
  globalThis.fetch = async (url, init) => {
    calls.push({ url, csrf: init.headers['X-CSRF-Token'], body: JSON.parse(init.body) });
    if (init.headers['X-CSRF-Token'] !== 'new')
      return new Response(JSON.stringify({ error: { code: 'csrf', message: 'stale' } }), { status: 403 });
    return new Response('%PDF-1.7 …', { status: 200, headers: { 'Content-Type': 'application/pdf' } });
  };
  const saved = [];
  const clicked = [];
  globalThis.document = {
    createElement: () => ({ click() { clicked.push(this.download); }, remove() {} }),
    body: { append: (a) => saved.push(a) },
  };
  const { createObjectURL, revokeObjectURL } = URL;
  const realTimeout = globalThis.setTimeout;
  globalThis.setTimeout = (f) => f(); // the object URL's clean-up, at once
  URL.createObjectURL = () => 'blob:x';
  URL.revokeObjectURL = () => undefined;
  try {
    await postFile('/api/v1/handouts?page=a4', { profile: { targets: ['calf'] } }, 'h.pdf');
  } finally {
    delete globalThis.document;
    globalThis.setTimeout = realTimeout;
    Object.assign(URL, { createObjectURL, revokeObjectURL });
  }
  assert.deepEqual(calls.map((c) => c.csrf), ['old', 'new']);
  assert.deepEqual(calls[1].body, { profile: { targets: ['calf'] } });
  assert.equal(saved[0].href, 'blob:x');
  assert.deepEqual(clicked, ['h.pdf']);
});

test('a failed POST download throws the API error', async () => {
  globalThis.fetch = async () => new Response(JSON.stringify({ error: { code: 'bad_request', message: 'no', field: 'profile' } }), { status: 400 });
  await assert.rejects(postFile('/api/v1/handouts', {}, 'x.pdf'), (e) => e.status === 400 && e.field === 'profile');
});
