// The guided session as it is used from the floor, at 360×640, 390×844 and 1280×800: while
// rolling, holding, easing off and ending, every control is on screen without scrolling and
// nothing covers it (document.elementFromPoint at its centre hits it); the cue is big enough to
// read a metre away; an early "it eased" asks first and is kept as an early release; a reload
// mid-hold still ends in the summary; a session ended offline syncs exactly once. Phase changes
// buzz and the wake lock comes back when the tab does. Screenshots light and dark of each state.
//   node test/e2e/floor.mjs [baseURL] [outDir]
import { csrfOf, signUp } from './accounts.mjs';
import { audit, base, check, explainFailure, launch, out, problems } from './walk.mjs';

const browser = await launch();
const VIEWPORTS = [[360, 640], [390, 844], [1280, 800]];

// Fakes for what headless Chromium lacks: vibration and the screen wake lock, both counted.
function fakes() {
  window.__buzz = 0;
  navigator.vibrate = () => (window.__buzz++, true);
  window.__locks = 0;
  window.__vis = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => window.__vis });
  Object.defineProperty(navigator, 'wakeLock', {
    configurable: true,
    value: { request: async () => (window.__locks++, (window.__lock = { released: false, release: async () => void (window.__lock.released = true) })) },
  });
}

/** Every control in <main> at scroll 0: inside the viewport, and the topmost thing at its centre. */
async function layout(page, what) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const bad = await page.evaluate(() => {
    const out = [];
    const name = (el) => `${el.tagName.toLowerCase()} "${(el.innerText || el.getAttribute('aria-label') || '').trim().split('\n')[0]}"`;
    for (const el of document.querySelectorAll('main button, main a[href], main input, main select, main summary')) {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue;
      const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) out.push(`${name(el)} centre (${x | 0}, ${y | 0}) is outside the ${innerWidth}×${innerHeight} viewport`);
      else {
        const hit = document.elementFromPoint(x, y);
        if (!hit || !(el === hit || el.contains(hit))) out.push(`${name(el)} is covered by ${hit ? name(hit) : 'nothing'} at (${x | 0}, ${y | 0})`);
      }
    }
    // The cue and the guidance may run below the fold, but scrolled to, nothing may cover them.
    for (const el of document.querySelectorAll('main .cue, main .guide, main .guide-line')) {
      if (!el.textContent.trim()) continue;
      el.scrollIntoView({ block: 'end' });
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, Math.min(r.bottom, innerHeight) - 4);
      if (!hit || !(el === hit || el.contains(hit))) out.push(`${el.className} is covered by ${hit ? name(hit) : 'nothing'} at its bottom`);
    }
    window.scrollTo(0, 0);
    const cue = document.querySelector('main .cue');
    if (cue && parseFloat(getComputedStyle(cue).fontSize) < 28) out.push(`the cue is ${getComputedStyle(cue).fontSize}`);
    return out;
  });
  for (const b of bad) problems.push(`${what}: ${b}`);
}

/** Light and dark screenshots of what is on screen (viewport-sized, as a person sees it). */
async function shoot(page, name) {
  await page.waitForTimeout(120);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${out}/floor-${name}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const button = (page, name) => page.getByRole('button', { name, exact: true });
const buzzes = (page) => page.evaluate(() => window.__buzz);

async function planAndStart(page) {
  await page.goto(`${base}/#/choose`);
  await page.getByRole('button', { name: 'Make my plan' }).click();
  await page.getByRole('button', { name: 'Start session' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ready when you are' }).waitFor();
}

/** The server's record of a session, by its client id (POST with the same id answers it). */
async function serverSession(page, clientId) {
  const csrf = await csrfOf(page);
  return page.evaluate(async ([clientId, csrf]) => {
    const plan = JSON.parse(localStorage.getItem('unknot.plan'));
    const r = await fetch('/api/v1/sessions', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: JSON.stringify({ plan, client_id: clientId }) });
    const s = await r.json();
    // The export holds the session's event log, with each event's id.
    const mine = (await (await fetch('/api/v1/export')).json()).sessions.find((x) => x.client_id === clientId);
    return { status: r.status, count: s.events, events: mine?.events ?? [], holds: s.holds };
  }, [clientId, csrf]);
}

const outboxEvents = (page) =>
  page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('unknot-outbox', 1);
    open.onsuccess = () => {
      const q = open.result.transaction('events').objectStore('events').getAll();
      q.onsuccess = () => resolve(q.result.length);
    };
  }));

async function walk([width, height]) {
  const v = `${width}x${height}`;
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  await context.addInitScript(fakes);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${v} page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !/net::ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(m.text()) && problems.push(`${v} console: ${m.text()}`));
  await page.clock.install();
  await signUp(page, base, { name: `Flo ${v}` });
  const csrf = await csrfOf(page);
  await page.evaluate(async (csrf) => {
    const result = await (await fetch('/api/v1/screenings', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: '{"answers":{}}' })).json();
    localStorage.setItem('unknot.screening', JSON.stringify({ answers: {}, result, at: Date.now() }));
    localStorage.setItem('unknot.choice', JSON.stringify({ targets: ['calf'], minutes: 10, tools: ['foam_roller'], context: 'daily', goal: null }));
  }, csrf);
  await page.reload();
  await planAndStart(page);
  await shoot(page, `${v}-0-ready`);
  await button(page, 'Start').click();
  await button(page, "I'm in position").waitFor();
  check(/ready to roll/.test(await page.locator('.cue').textContent()), `${v}: positioning cue: ${await page.locator('.cue').textContent()}`);
  // The set-up picture, big, for the move and the side being done.
  await page.locator('.pose-big svg.picture[data-move="calves_roll"][data-animated="no"]').waitFor();
  await shoot(page, `${v}-1-positioning`);
  check((await page.evaluate(() => window.__locks)) >= 1, `${v}: no wake lock taken at the start`);

  // Rolling.
  let felt = await buzzes(page);
  await button(page, "I'm in position").click();
  await page.clock.runFor(9_000);
  check((await buzzes(page)) > felt, `${v}: starting to roll was not felt`);
  // While rolling, the roll itself, moving (this browser does not ask for reduced motion).
  await page.locator('.pose-roll svg.picture[data-move="calves_roll"][data-animated="yes"]').waitFor();
  check((await page.locator('.pose-roll svg.picture animate').count()) > 5, `${v}: the rolling picture has nothing animated`);
  await layout(page, `${v} rolling`);
  await shoot(page, `${v}-2-rolling`);
  await audit(page, `${v} rolling`);

  // Holding, and an early "it eased": asked first; keep holding carries on.
  await button(page, 'Found a tender spot').click();
  await page.getByRole('button', { name: /^6/ }).click();
  await page.clock.runFor(10_000);
  await layout(page, `${v} holding`);
  await shoot(page, `${v}-3-holding`);
  await page.getByRole('button', { name: /^It eased/ }).click();
  await page.getByRole('alertdialog').getByText('Ease off already?').waitFor();
  await layout(page, `${v} ease off already?`);
  await shoot(page, `${v}-4-early`);
  await audit(page, `${v} ease off already?`);
  // Ending from the question and then carrying on leaves the clock running.
  await button(page, 'End session').click();
  await button(page, 'Keep going').click();
  const shown = await page.locator('.ring-big').textContent();
  await page.clock.runFor(2_000);
  check(shown !== (await page.locator('.ring-big').textContent()), `${v}: the clock stayed stopped after the question and the end dialog`);
  await page.getByRole('button', { name: /^It eased/ }).click();
  await button(page, 'Keep holding').click();
  await page.getByRole('button', { name: /^It eased/ }).waitFor();
  check((await page.locator('.state-holding').count()) === 1, `${v}: keep holding left the hold`);
  // The second time, yes: the hold is kept as an early release.
  await page.getByRole('button', { name: /^It eased/ }).click();
  await button(page, 'Yes, ease off').click();
  await page.getByRole('button', { name: /^3/ }).click();
  await button(page, 'Found another spot').waitFor();
  check(/Off the spot early/.test(await page.locator('.cue').textContent()), `${v}: no early-release cue`);

  // Too painful: the ease-off guidance takes the big button's place until OK.
  await button(page, 'Found another spot').click();
  await page.getByRole('button', { name: /^8/ }).click();
  await button(page, 'Too painful').click();
  await page.getByRole('heading', { name: 'Ease off' }).waitFor();
  check((await button(page, 'Found a tender spot').count()) === 0, `${v}: the big button shows beside the ease-off guidance`);
  await layout(page, `${v} ease-off guidance`);
  await shoot(page, `${v}-5-ease-off`);
  await audit(page, `${v} ease-off guidance`);
  await button(page, 'OK').click();
  const held = await page.evaluate(() => JSON.parse(localStorage.getItem('unknot.active')).events.filter((e) => e.type === 'found').length);
  check(held === 2, `${v}: OK recorded a tender spot (${held} found events)`);

  // Reload mid-hold, then end: the summary, within 5 s.
  await button(page, 'Found a tender spot').click();
  await page.getByRole('button', { name: /^5/ }).click();
  await page.clock.runFor(5_000);
  await page.reload();
  await page.getByRole('button', { name: /^It eased/ }).waitFor();
  await button(page, 'End session').click();
  await layout(page, `${v} end dialog`);
  await shoot(page, `${v}-6-end`);
  await audit(page, `${v} end dialog`);
  await button(page, 'End now').click();
  const t0 = Date.now();
  await page.getByRole('heading', { level: 1, name: 'Well rolled' }).waitFor({ timeout: 5_000 });
  console.log(`${v}: summary ${Date.now() - t0} ms after End now, following a reload mid-hold`);
  check(/eased off early/.test(await page.locator('main').textContent()), `${v}: the summary does not show the early release`);
  await page.getByText('Saved to your history').waitFor({ timeout: 10_000 });
  const summary = await page.locator('main').textContent();
  check(/3 tender spots held/.test(summary) && /\(stopped\)/.test(summary), `${v}: the server's summary lacks the hold ended by the reload and End now: ${summary}`);
  await shoot(page, `${v}-7-done`);
  await audit(page, `${v} summary`);

  if (width === 360) await offline(page, v);
  await context.close();
}

// Ended offline: the summary at once; back online, the server has every event exactly once.
async function offline(page, v) {
  await button(page, 'Plan another').click();
  await planAndStart(page);
  await button(page, 'Start').click();
  await button(page, "I'm in position").click();
  await button(page, 'Found a tender spot').click();
  await page.getByRole('button', { name: /^6/ }).click();
  const clientId = await page.evaluate(() => JSON.parse(localStorage.getItem('unknot.active')).client_id);
  for (let i = 0; i < 50 && (await outboxEvents(page)) > 0; i++) await page.waitForTimeout(100);
  const before = (await serverSession(page, clientId)).events.length;
  await page.context().setOffline(true);
  await page.evaluate(() => dispatchEvent(new Event('offline')));
  await page.clock.runFor(12_000);
  await page.locator('.badge', { hasText: 'Offline' }).waitFor();
  await layout(page, `${v} holding, offline`); // the header's offline badge takes room too
  await shoot(page, `${v}-8-offline-holding`);
  await button(page, 'Pause').click();
  await page.getByRole('button', { name: /^Resume/ }).click();
  await button(page, 'End session').click();
  await button(page, 'End now').click();
  await page.getByRole('heading', { level: 1, name: 'Well rolled' }).waitFor({ timeout: 5_000 });
  await page.getByText('Logged on this device').waitFor();
  const waiting = await outboxEvents(page);
  await shoot(page, `${v}-8-offline-done`);
  await page.context().setOffline(false);
  await page.evaluate(() => dispatchEvent(new Event('online')));
  await page.getByText('Saved to your history').waitFor({ timeout: 15_000 });
  await page.evaluate(() => dispatchEvent(new Event('online'))); // a second sync must add nothing
  await page.waitForTimeout(500);
  const server = await serverSession(page, clientId);
  const ids = new Set(server.events.map((e) => e.id));
  console.log(`offline: ${before} events on the server before, ${waiting} waiting offline, ${server.events.length} after (${ids.size} distinct)`);
  check(waiting >= 3, `offline: only ${waiting} events waited in the outbox`);
  check(server.count === before + waiting && server.events.length === server.count && ids.size === server.count, `offline: server has ${server.events.length} events (${ids.size} distinct), expected ${before + waiting}`);
  check(server.events.at(-1)?.type === 'quit', `offline: the last event on the server is ${server.events.at(-1)?.type}`);
  check(server.holds.length === 1 && server.holds[0].outcome === 'stopped', `offline: server holds ${JSON.stringify(server.holds)}`);
  // The wake lock, dropped by the browser while hidden, is taken again when the tab comes back.
  await button(page, 'Plan another').click();
  await planAndStart(page);
  await button(page, 'Start').click();
  const locks = await page.evaluate(() => window.__locks);
  await page.evaluate(() => {
    window.__lock.released = true;
    window.__vis = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    window.__vis = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForTimeout(100);
  check((await page.evaluate(() => window.__locks)) === locks + 1, 'the wake lock was not taken again when the tab became visible');
  // A stretch is not rolled: its own words, and the same room for the controls.
  await button(page, 'Skip').click();
  await button(page, 'Skip').click();
  await page.locator('.cue', { hasText: 'ready to stretch' }).waitFor();
  check((await page.locator('.banner').count()) === 0, 'a "Switch sides" banner stays on after moving to another item');
  await shoot(page, `${v}-9-stretch-positioning`);
  await button(page, "I'm in position").click();
  await page.clock.runFor(5_000);
  await layout(page, `${v} stretching`);
  await shoot(page, `${v}-10-stretching`);
}

try {
  for (const vp of VIEWPORTS) await walk(vp);
} catch (e) {
  problems.push(`stopped: ${e.message.split('\n')[0]}`);
  await explainFailure(browser, e);
} finally {
  await browser.close();
}
console.log(problems.length ? problems.join('\n') : 'floor walk: no problems found');
process.exit(problems.length ? 1 : 0);
