// The first minutes, as someone new meets them at 360×640, 390×844 and 1280×800 (light, and dark
// at the phone size): a landing that says what unknot is and offers a routine without an
// account; the health check as a guest; choosing that respects the screening (a goal never puts
// a left-out place on the list, the reason shows beside the list and where the map was tapped,
// muscles a goal adds press their places); a guest plan and session; then "keep it": the
// account, the answers on record, the guest session in the history but not counted as one.
// Dates through Intl in the reader's locale; the nav never cut off. axe-core on every screen.
//   node test/e2e/firstrun.mjs [baseURL] [outDir]
import { emailFor, fillAccountForm } from './accounts.mjs';
import { base, check, explainFailure, launch, problems, shot as shotAs } from './walk.mjs';

const browser = await launch();
const runs = [[360, 640, 'light', 'en-GB'], [390, 844, 'light', 'en-US'], [1280, 800, 'light', 'en-GB'], [360, 640, 'dark', 'en-GB']];
const heart = ['congestive_heart_failure', 'heart_disease', 'uncontrolled_hypertension', 'hypertension', 'deep_vein_thrombosis', 'peripheral_vascular_disease'];

/** The element at `sel` is inside the viewport and nothing covers its centre. */
async function reachable(page, sel, what, { corners = false } = {}) {
  const r = await page.locator(sel).first().evaluate((el, corners) => {
    const b = el.getBoundingClientRect();
    // The centre; for a box of text also two corners (a note half under a sticky bar is not
    // readable either; a round button's or a shape's corners are not its own).
    const points = [[b.left + b.width / 2, b.top + b.height / 2], ...(corners ? [[b.left + 8, b.top + 8], [b.right - 8, b.bottom - 8]] : [])];
    const ours = (x, y) => { const hit = document.elementFromPoint(x, y); return !!hit && (hit === el || el.contains(hit)); };
    return { inside: b.top >= 0 && b.bottom <= innerHeight && b.left >= 0 && b.right <= innerWidth, hit: points.every(([x, y]) => ours(x, y)) };
  }, corners);
  check(r.inside, `${what}: not inside the viewport`);
  check(r.hit, `${what}: covered by something`);
}

/** Every nav link shows its whole name: not clipped, not past the right edge. */
async function navWhole(page, what) {
  const cut = await page.evaluate(() =>
    [...document.querySelectorAll('.top nav a')]
      .filter((a) => a.scrollWidth > a.clientWidth + 1 || a.getBoundingClientRect().right > innerWidth + 0.5)
      .map((a) => a.textContent));
  check(cut.length === 0, `${what}: nav cut off: ${cut.join(', ')}`);
}

async function run([width, height, scheme, locale]) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, locale, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const tag = `${width}x${height}-${scheme}`;
  const shot = async (name) => {
    const before = problems.length;
    await shotAs(page, `firstrun-${tag}-`, name);
    for (let i = before; i < problems.length; i++) problems[i] = `${tag} ${problems[i]}`;
  };
  page.on('pageerror', (e) => problems.push(`${tag} page error: ${e.message}`));

  // A first visit: what unknot is, and a way in without an account.
  await page.goto(`${base}/#/`);
  await page.getByRole('heading', { level: 1, name: 'Foam rolling, coached step by step' }).waitFor();
  check(/30 to 90 seconds/.test(await page.locator('main').innerText()), `${tag}: the landing does not say what a hold is`);
  await reachable(page, 'button:has-text("Try a routine now")', `${tag} landing: "Try a routine now"`);
  await navWhole(page, `${tag} landing`);
  await shot('01-landing');

  // The health check as a guest: one yes at the gate, varicose veins under it.
  await page.getByRole('button', { name: /Try a routine now/ }).click();
  await page.getByText('Step 1 of 2').waitFor();
  await page.getByRole('button', { name: 'None of these apply to me' }).click();
  await page.locator('#q-heart_and_circulation').getByText('Yes').click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByText('Step 2 of 2').waitFor();
  for (const id of heart) await page.locator(`#q-${id}`).getByText('No', { exact: true }).click();
  await page.locator('#q-varicose_veins').getByText('Yes').click();
  await page.getByRole('button', { name: 'See my result' }).click();
  await page.getByRole('heading', { level: 1, name: 'You can roll, with care' }).waitFor();
  check(/Calf/.test(await page.locator('main').innerText()), `${tag}: the result does not name the left-out calf`);
  await shot('02-guest-result');

  // Choosing respects the screening: the Runner goal starts with the calf, which is left out.
  await page.getByRole('button', { name: 'Choose what to roll' }).click();
  await page.getByRole('heading', { level: 1, name: 'What needs rolling today?' }).waitFor();
  check(!/\b\d{1,2}\/\d{1,2}\/\d{4}\b/.test(await page.locator('main').innerText()), `${tag}: a numeric date (ambiguous across locales)`);
  await page.getByRole('button', { name: /^Runner/ }).click();
  const list = await page.locator('ol.targets li').allInnerTexts();
  check(list.length > 0 && !list.some((t) => /^Calf/.test(t)), `${tag}: the goal put the excluded calf on the list: ${list.join(' | ')}`);
  const note = page.locator('section[aria-labelledby="chosen-h"] .note');
  check(/Left out for you: Calf \(your health answers\)/.test(await note.innerText()), `${tag}: the left-out calf is not named by the list`);
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  check(await page.locator('[data-key="thigh_back:left"]').evaluate((el) => el.classList.contains('on')), `${tag}: the goal's hamstrings do not show as chosen on the map`);
  // Scrolled to the end the sticky action bar sits in its own place and covers nothing; higher
  // up it always has some row passing under it, which the floor walk's hit tests cover.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await shot('03-choose-goal');

  // A tap on the left-out calf: the reason shows where the person is looking.
  // (force: Playwright will not click an aria-disabled control; a finger will, so the hit test is ours.)
  const calf = page.locator('[data-key="calf:left"]');
  await calf.scrollIntoViewIfNeeded();
  await reachable(page, '[data-key="calf:left"]', `${tag}: the left-out calf on the map`);
  await calf.click({ force: true });
  await page.locator('.bodymap-note:not(:empty)').first().waitFor();
  check(/left out because of your health answers/i.test(await page.locator('.bodymap-note').first().innerText()), `${tag}: the calf tap gives no reason`);
  await reachable(page, '.bodymap-note:not(:empty)', `${tag}: the left-out reason`, { corners: true });
  await page.screenshot({ path: `${process.argv[3] ?? '/tmp/web-shots'}/firstrun-${tag}-04-left-out-tap.screen.png` });

  // A guest plan, a session started and ended at once.
  await page.getByRole('button', { name: 'Make my plan' }).click();
  await page.getByRole('button', { name: 'Start session' }).waitFor();
  const plan = await page.evaluate(() => JSON.parse(localStorage.getItem('unknot.plan')));
  const rolled = plan.phases.flatMap((p) => p.items).filter((i) => i.kind === 'smr').map((i) => i.id);
  check(rolled.length > 0 && !rolled.includes('calves_roll'), `${tag}: the guest plan rolls ${rolled.join(', ')}`);
  await shot('05-guest-plan');
  await page.getByRole('button', { name: 'Start session' }).click();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: 'End session' }).click();
  await page.getByRole('button', { name: 'End now' }).click();
  await page.getByRole('link', { name: 'Create an account to keep it' }).waitFor();
  await shot('06-guest-done');

  // Keep it: the account takes the answers on record and the waiting session.
  const name = `Gus ${tag}`;
  await page.getByRole('link', { name: 'Create an account to keep it' }).click();
  await page.getByLabel('Your name').waitFor();
  await fillAccountForm(page, { name, email: emailFor(name) });
  await page.getByRole('link', { name: `Account: ${name}` }).waitFor();
  // The session waited in the outbox; signed in, it goes out (poll: no fixed sleep).
  let synced = 0;
  for (let i = 0; i < 50 && synced !== 1; i++) {
    synced = await page.evaluate(async () => (await (await fetch('/api/v1/history')).json()).length);
    if (synced !== 1) await page.waitForTimeout(200);
  }
  check(synced === 1, `${tag}: the guest session did not reach the history after signing up (${synced} sessions)`);
  const screenings = await page.evaluate(async () => (await fetch('/api/v1/screenings')).json());
  check(screenings.length === 1 && screenings[0].answers.varicose_veins === true && screenings[0].verdict === 'caution',
    `${tag}: the guest's answers are not on record: ${JSON.stringify(screenings).slice(0, 200)}`);
  const progress = await page.evaluate(async () => (await fetch('/api/v1/progress')).json());
  check(progress.sessions === 0 && progress.empty_sessions === 1 && progress.streak_days === 0,
    `${tag}: a session with nothing done counted: ${JSON.stringify({ s: progress.sessions, e: progress.empty_sessions, streak: progress.streak_days })}`);

  // Progress: honest about it, and the date in the reader's words.
  await page.goto(`${base}/#/progress`);
  await page.getByRole('heading', { level: 2, name: 'Past sessions' }).waitFor();
  const text = await page.locator('main').innerText();
  check(/Not counted: 1 session started and left with nothing done/.test(text), `${tag}: progress does not say the empty session is not counted`);
  check(/nothing done, not counted/.test(text), `${tag}: the history line does not say nothing was done`);
  check(!/More tender lately/.test(text), `${tag}: a trend on day one`);
  const today = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date());
  check(text.includes(today), `${tag}: the session's date is not "${today}" (${locale})`);
  await navWhole(page, `${tag} signed in`);
  await shot('07-progress');
  await context.close();
}

/** A trainer's nav (six entries, the longest) whole at the narrowest size. */
async function trainerNav() {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${base}/#/signup`);
  await page.getByLabel('Your name').waitFor();
  await fillAccountForm(page, { name: 'Tamsin Trainer', email: emailFor('Tamsin'), role: 'trainer' });
  await page.getByRole('link', { name: 'Account: Tamsin Trainer' }).waitFor();
  check((await page.locator('.top nav a').count()) === 6, 'the trainer nav does not have six entries');
  await navWhole(page, 'trainer 360x640');
  await shotAs(page, 'firstrun-360x640-light-', '08-trainer-nav');
  await context.close();
}

try {
  for (const r of runs) await run(r);
  await trainerNav();
} catch (e) {
  problems.push(`walk stopped: ${e.message.split('\n')[0]}`);
  await explainFailure(browser, e);
}
await browser.close();
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`first-run walk: ${runs.length} runs (landing, guest check, choosing, guest session, keep it, progress) and the trainer nav: no problems`);
