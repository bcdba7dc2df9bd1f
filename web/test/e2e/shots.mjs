// Walks the app in headless Chromium at phone size, saving a screenshot of every screen and
// running axe-core (WCAG 2.2 A/AA) on each. Needs the API on :8091 and the built app served by
// `npx vite preview --port 4173` (which proxies /api there).
//   node test/e2e/shots.mjs [baseURL] [outDir]
import { emailFor, fillAccountForm } from './accounts.mjs';
import { readFileSync } from 'node:fs';
import { audit, base, explainFailure, launch, out, problems } from './walk.mjs';

const browser = await launch();

async function shot(page, name, { full = true } = {}) {
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: full });
  if (full) {
    // ...and in phone-screen-sized parts, easier to look at one by one.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const vp = page.viewportSize();
    for (let y = 0, n = 1; y < height; y += vp.height, n++)
      await page.screenshot({ path: `${out}/${name}.part${n}.png`, fullPage: true, clip: { x: 0, y, width: vp.width, height: Math.min(vp.height, height - y) } });
  }
  await audit(page, name);
}

/** A PDF answer: the content type, and the bytes start as a PDF does. */
async function isPdf(res, what, body) {
  body ??= await res.body();
  if (!res.headers()['content-type']?.startsWith('application/pdf') || body.subarray(0, 4).toString() !== '%PDF')
    problems.push(`${what}: ${res.status()} ${res.headers()['content-type']} ${body.subarray(0, 20)}`);
}

async function run(scheme) {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, colorScheme: scheme, deviceScaleFactor: 1 });
  if (process.env.CSP) {
    // The C++ server's policy (src/server): check that nothing the app does is refused.
    await context.route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': process.env.CSP } });
    });
  }
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${scheme} page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`${scheme} console: ${m.text()}`));
  await page.clock.install();
  const p = (n) => `${scheme}-${n}`;

  // Signed out: the sign-in screen first, then a new account (the owner's, on a fresh server).
  await page.goto(base + '/#/');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shot(page, p('00-signin'));
  if (await page.getByRole('link', { name: 'Create an account' }).count()) {
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor();
    await shot(page, p('00-signup'));
  }
  await fillAccountForm(page, { name: `Pat ${scheme}`, email: emailFor(`pat-${scheme}`) });
  await page.getByRole('heading', { level: 1, name: /Roll out the knots/ }).waitFor();
  await shot(page, p('01-welcome'));
  await page.getByRole('link', { name: "Let's start" }).click();
  await page.getByText('Step 1 of').waitFor();
  await shot(page, p('02-screening-1'));
  // The gate: all "no" but a place to keep off; only the questions under that yes come next.
  await page.getByRole('button', { name: 'None of these apply to me' }).click();
  await page.locator('#q-places_to_keep_off').getByText('Yes').click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByText('Step 2 of 2').waitFor();
  // A recent injury on the left calf: the follow-up body map appears for that yes only.
  await page.locator('#q-recent_injury').getByText('Yes').click();
  await page.locator('#q-recent_injury_regions').getByRole('button', { name: 'Back' }).click();
  await page.locator('#q-recent_injury_regions').getByRole('button', { name: 'Calf, left side' }).click();
  // Going on with gaps: the message beside the first open question, and focus there.
  await page.getByRole('button', { name: 'See my result' }).click();
  await page.locator('#e-open_wound').waitFor();
  if (!(await page.evaluate(() => document.getElementById('q-open_wound')?.contains(document.activeElement))))
    problems.push(`${scheme}: focus did not move to the first unanswered question`);
  const box = await page.locator('#e-open_wound').boundingBox();
  if (!box || box.y < 0 || box.y + box.height > page.viewportSize().height) problems.push(`${scheme}: the unanswered message is off-screen (${JSON.stringify(box)})`);
  await shot(page, p('03-screening-2'), { full: false });
  for (const id of ['open_wound', 'skin_rash_bruise_inflammation', 'recent_surgery', 'surgical_hardware'])
    await page.locator(`#q-${id}`).getByText('No', { exact: true }).first().click();
  if (await page.locator('.gap').count()) problems.push(`${scheme}: a gap message stayed after every question was answered`);
  await shot(page, p('04-screening-3'));
  await page.getByRole('button', { name: 'See my result' }).click();
  await page.getByRole('heading', { level: 1, name: /roll/ }).waitFor();
  await shot(page, p('05-verdict'));
  await page.getByRole('button', { name: 'Choose what to roll' }).click();
  await page.getByRole('heading', { level: 1, name: 'What needs rolling today?' }).waitFor();
  await page.getByRole('button', { name: 'Front of the thigh, right side' }).click();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByRole('button', { name: 'Calf, right side' }).click();
  await page.getByRole('button', { name: 'Back of the thigh, left side' }).click();
  await page.getByRole('button', { name: 'Back of the thigh, right side' }).click();
  await page.getByRole('button', { name: 'Upper back', exact: true }).click();
  await shot(page, p('06-choose'));
  await page.getByRole('button', { name: 'Make my plan' }).click();
  await page.getByRole('heading', { level: 1, name: /plan/i }).waitFor();
  await shot(page, p('07-plan'));
  // The handout: POST /api/v1/handouts answers a PDF, which the browser is handed to save.
  const [handout, download] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/v1/handouts') && r.request().method() === 'POST'),
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Print handout' }).click(),
  ]);
  // (what the page read as a blob is not kept for the response: the saved file is what arrived)
  await isPdf(handout, `${scheme} plan handout`, readFileSync(await download.path()));
  if (download.suggestedFilename() !== 'unknot-handout.pdf') problems.push(`${scheme}: handout saved as ${download.suggestedFilename()}`);
  // The browser's own printing: a clean page with the items and no app chrome.
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${out}/${p('07-plan-print')}.png`, fullPage: true });
  if (await page.locator('header.top').isVisible()) problems.push(`${scheme}: the header shows when printing`);
  if (await page.getByRole('button', { name: 'Start session' }).isVisible()) problems.push(`${scheme}: buttons show when printing`);
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Start session' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ready when you are' }).waitFor();
  await shot(page, p('08-session-ready'));
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: "I'm in position" }).waitFor();
  await shot(page, p('09-session-positioning'));
  await page.getByRole('button', { name: "I'm in position" }).click();
  await page.clock.runFor(12_000);
  await shot(page, p('10-session-rolling'), { full: false });
  await page.getByRole('button', { name: 'Found a tender spot' }).click();
  await shot(page, p('11-session-picker'));
  await page.getByRole('button', { name: /^7/ }).click();
  await page.clock.runFor(18_000);
  await shot(page, p('12-session-holding'), { full: false });
  await page.clock.runFor(20_000);
  await page.getByRole('button', { name: /It eased/ }).click();
  await page.getByRole('button', { name: /^3/ }).click();
  await shot(page, p('13-session-eased'), { full: false });
  await page.getByRole('button', { name: /Next|Switch sides/ }).first().click();
  await page.getByRole('button', { name: "I'm in position" }).click();
  await page.getByRole('button', { name: 'Found a tender spot' }).click();
  await page.getByRole('button', { name: /^8/ }).click();
  await page.getByRole('button', { name: 'Too painful' }).click();
  await shot(page, p('14-session-too-painful'));
  await page.getByRole('button', { name: 'OK' }).click();
  await page.getByRole('button', { name: 'Pause' }).click();
  await shot(page, p('15-session-paused'), { full: false });
  await page.getByRole('button', { name: /Resume/ }).click();
  await page.getByRole('button', { name: 'End session' }).click();
  await page.getByRole('button', { name: 'End now' }).click();
  await page.getByRole('heading', { level: 1, name: 'Well rolled' }).waitFor();
  await page.clock.runFor(3000);
  await page.waitForTimeout(500);
  await shot(page, p('16-session-done'));
  await page.getByRole('button', { name: 'See my progress' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
  await page.clock.runFor(1000);
  await page.waitForTimeout(800);
  await shot(page, p('17-progress'));
  // The session just done shows up: a fresh database, so exactly the sessions of this walk.
  const sessions = Number(await page.locator('dt:text-is("Sessions") + dd').textContent());
  if (!(sessions >= 1)) problems.push(`${scheme}: progress shows ${sessions} sessions after a session`);
  const muscles = await page.locator('h3').allTextContents();
  if (!muscles.some((m) => /Quadriceps|Rectus femoris|Vastus/.test(m)))
    problems.push(`${scheme}: progress does not list the rolled thigh muscles (saw: ${muscles.join(', ')})`);
  const report = await page.getByRole('link', { name: 'Download report (PDF)' }).getAttribute('href');
  await isPdf(await page.request.get(base + report), `${scheme} progress report`);
  // A daily reminder in the phone's calendar: the secret feed is an iCalendar anyone with it reads.
  await page.goto(base + '/#/account');
  await page.getByRole('button', { name: 'Turn on' }).click();
  await page.getByRole('link', { name: 'Subscribe in your calendar' }).waitFor();
  const webcal = await page.getByRole('link', { name: 'Subscribe in your calendar' }).getAttribute('href');
  if (!webcal.startsWith('webcal://')) problems.push(`${scheme}: subscribe link is ${webcal}`);
  const stranger = await browser.newContext(); // no cookie: the address is the only credential
  const feed = await stranger.request.get(await page.locator('#cal-url').inputValue());
  if (!feed.headers()['content-type']?.startsWith('text/calendar') || !(await feed.text()).includes('BEGIN:VCALENDAR'))
    problems.push(`${scheme}: the calendar feed answered ${feed.status()} ${feed.headers()['content-type']} ${(await feed.text()).slice(0, 200)}`);
  await stranger.close();
  await shot(page, p('23-account'));
  const csv = await page.request.get(base + (await page.getByRole('link', { name: 'Download my holds (CSV)' }).getAttribute('href')));
  if (!csv.headers()['content-type']?.startsWith('text/csv')) problems.push(`${scheme}: holds.csv answered ${csv.status()} ${csv.headers()['content-type']}`);
  await page.getByRole('button', { name: 'Turn off' }).click();
  await page.getByRole('button', { name: 'Turn on' }).waitFor();
  await page.goto(base + '/#/library');
  await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
  await shot(page, p('18-library'));
  await page.goto(base + '/#/library/technique/calves_roll');
  await page.getByRole('heading', { level: 1, name: 'Calves' }).waitFor();
  await shot(page, p('19-technique'));
  await page.goto(base + '/#/library/stretch/wall_calf_stretch_straight_knee');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shot(page, p('20-stretch'));
  await page.goto(base + '/#/learn');
  await page.getByRole('heading', { level: 1, name: 'Learn' }).waitFor();
  await shot(page, p('21-learn'));
  await page.goto(base + '/#/learn/how-to-roll');
  await page.getByRole('heading', { level: 1, name: 'How to roll' }).waitFor();
  await shot(page, p('22-article'));
  await context.close();
}

try {
  for (const scheme of (process.env.SCHEMES ?? 'light,dark').split(',')) await run(scheme);
} catch (e) {
  await explainFailure(browser, e);
  throw e;
} finally {
  await browser.close();
}
console.log(problems.length ? problems.join('\n') : 'no accessibility problems found');
process.exit(problems.length ? 1 : 0);
