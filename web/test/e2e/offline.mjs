// Offline, end to end: with the service worker installed, the network goes away; the app still
// loads, a whole session runs, its start and events wait in IndexedDB; when the network comes
// back they sync, and a second sync stores nothing twice.
//   node test/e2e/offline.mjs [baseURL]   (built app on `vite preview`, API behind it)
import assert from 'node:assert/strict';
import { signUp } from './accounts.mjs';
import { base, explainFailure, launch, out } from './walk.mjs';

const browser = await launch();
const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
const outbox = () =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open('unknot-outbox', 1);
        open.onsuccess = () => {
          const tx = open.result.transaction(['sessions', 'events']);
          const s = tx.objectStore('sessions').getAll();
          const e = tx.objectStore('events').getAll();
          tx.oncomplete = () => resolve({ sessions: s.result, events: e.result });
        };
      }),
  );

try {
  // Online: an account, screening, a plan, and the service worker in control.
  await signUp(page, base, { name: 'Olly Offline' });
  await page.evaluate(async () => {
    const { csrf } = await (await fetch('/api/v1/auth')).json();
    const result = await (await fetch('/api/v1/screenings', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: '{"answers":{}}' })).json();
    localStorage.setItem('unknot.screening', JSON.stringify({ answers: {}, result, at: Date.now() }));
    localStorage.setItem('unknot.choice', JSON.stringify({ targets: ['calf:left'], minutes: 5, tools: ['foam_roller'], context: 'daily', goal: null }));
    await navigator.serviceWorker.ready;
  });
  await page.reload(); // the app reads localStorage when it starts
  await page.goto(`${base}/#/choose`);
  await page.getByRole('button', { name: 'Make my plan' }).click();
  await page.getByRole('button', { name: 'Start session' }).waitFor();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  await page.waitForTimeout(1000); // let the worker finish caching the catalog

  // Offline from here: reload, run the session.
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Your plan' }).waitFor();
  await page.getByRole('button', { name: 'Start session' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: "I'm in position" }).click();
  await page.getByRole('button', { name: 'Found a tender spot' }).click();
  await page.getByRole('button', { name: /^6/ }).click();
  await page.evaluate(() => new Promise((r) => setTimeout(r, 31_000)).then(() => 0)).catch(() => undefined);
  await page.getByRole('button', { name: /It eased/ }).click();
  await page.getByRole('button', { name: /^2/ }).click();
  await page.getByRole('button', { name: 'End session' }).click();
  await page.getByRole('button', { name: 'End now' }).click();
  await page.getByRole('heading', { level: 1, name: 'Well rolled' }).waitFor();
  await page.getByText('Logged on this device').waitFor();
  const waiting = await outbox();
  const badge = await page.locator('.badge').textContent();
  console.log(`offline: ${waiting.sessions.length} session(s), ${waiting.events.length} events waiting; badge "${badge}"`);
  assert.equal(waiting.sessions.length, 1);
  assert.ok(waiting.events.length >= 5);
  assert.match(badge, /Offline/);
  await page.screenshot({ path: `${out}/offline-done.png` });

  // Back online: everything syncs, once.
  await context.setOffline(false);
  await page.evaluate(() => dispatchEvent(new Event('online')));
  await page.getByText('Saved to your history').waitFor({ timeout: 15_000 });
  let left = await outbox();
  for (let i = 0; i < 50 && left.events.length + left.sessions.length > 0; i++) {
    await page.waitForTimeout(200);
    left = await outbox();
  }
  console.log('left in the outbox:', JSON.stringify(left.events.map((e) => [e.event.type, e.dead ?? ''])), left.sessions.length);
  assert.equal(left.events.length, 0);
  assert.equal(left.sessions.length, 0);
  const check = await page.evaluate(async ([clientId, count]) => {
    const plan = JSON.parse(localStorage.getItem('unknot.plan'));
    const { csrf } = await (await fetch('/api/v1/auth')).json();
    const r = await fetch('/api/v1/sessions', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: JSON.stringify({ plan, client_id: clientId }) });
    const s = await r.json();
    return { status: r.status, events: s.events, holds: s.holds.length, sessionStatus: s.status, count };
  }, [waiting.sessions[0].client_id, waiting.events.length]);
  console.log('server after sync:', JSON.stringify(check));
  assert.equal(check.status, 200); // the same client_id: the session already exists
  assert.equal(check.events, waiting.events.length);
  assert.equal(check.holds, 1);
  assert.equal(check.sessionStatus, 'stopped');
  await page.screenshot({ path: `${out}/offline-synced.png` });
  assert.deepEqual(errors, []);
  console.log('offline session synced once, nothing lost');
} catch (e) {
  await explainFailure(browser, e);
  throw e;
} finally {
  await browser.close();
}
