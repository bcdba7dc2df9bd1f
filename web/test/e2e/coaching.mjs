// Trainer and client, end to end in Chromium: the owner sets up a fresh server; a trainer signs
// up at a desk and invites a client; the client opens the invite on a phone and signs up with
// it; the trainer screens and assesses the client and assigns a routine; the client sees
// "Today's routine" and rolls it in the guided session; the trainer's dashboard shows it. Then
// the client's login runs out mid-visit: sign-in, and nothing on the phone is lost.
// Screenshots of every screen (build/.../artifacts/e2e/coaching-*), axe-core on each.
//   node test/e2e/coaching.mjs [baseURL] [outDir]      (needs a server with no accounts yet)
import { PASSWORD, emailFor, fillAccountForm } from './accounts.mjs';
import { base, check, launch, problems, shot as shotAs, explainFailure } from './walk.mjs';

const browser = await launch();
const shot = (page, name) => shotAs(page, 'coaching-', name);

async function person(label, viewport, phone = false) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: phone, hasTouch: phone });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${label} page error: ${e.message}`));
  page.on('console', (m) => {
    // 401s are expected while signed out, 400s from forms filled in wrongly on purpose.
    if (m.type() === 'error' && !/status of 40[01]/.test(m.text())) problems.push(`${label} console: ${m.text()}`);
  });
  return { context, page };
}

const desk = { width: 1280, height: 860 };
const TRAINER = 'Sam Trainer';
const CLIENT = 'Robin Client';
const owner = await person('owner', desk);
const trainer = await person('trainer', desk);
const client = await person('client', { width: 390, height: 844 }, true);
const clientEmail = emailFor('robin');

/** More clients, through the API, so the dashboard has someone to flag: one who stopped rolling
 *  and is getting more tender, one whose latest health check says "refer", one doing well.
 *  Their sessions are backdated (started_at_ms), with the events a phone would send. */
async function seedClients(trainerPage) {
  const call = async (method, path, body, who = {}) => {
    const r = await fetch(base + path, {
      method, body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', ...(who.cookie ? { Cookie: who.cookie } : {}), ...(who.csrf ? { 'X-CSRF-Token': who.csrf } : {}) },
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return { json: await r.json(), cookie: r.headers.get('set-cookie')?.split(';')[0] };
  };
  const invite = () => trainerPage.evaluate(async () => {
    const { csrf } = await (await fetch('/api/v1/auth')).json();
    const r = await fetch('/api/v1/invites', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: '{}' });
    return (await r.json()).token;
  });
  const join = async (name) => {
    const r = await call('POST', '/api/v1/signup', { name, email: emailFor(name), password: PASSWORD, invite: await invite() });
    return { cookie: r.cookie, csrf: r.json.csrf, id: r.json.user.id };
  };
  const day = 86_400_000;
  const roll = async (who, daysAgo, tenderness, spots) => {
    const plan = (await call('POST', '/api/v1/plans', { screening: { answers: {} }, targets: ['calf'], minutes: 10, tools: ['foam_roller'], context: 'daily' }, who)).json;
    const session = (await call('POST', '/api/v1/sessions', { plan, client_id: `seed${who.id}d${daysAgo}x${Date.now()}`, started_at_ms: Date.now() - daysAgo * day }, who)).json;
    let t = 0;
    const id = () => `e${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`.slice(0, 22);
    const events = [{ id: id(), t: 0, type: 'start' }, { id: id(), t: (t += 5), type: 'in_position' }];
    for (let k = 0; k < spots; k++) {
      events.push({ id: id(), t: (t += 10), type: 'found', tenderness });
      events.push({ id: id(), t: (t += 40), type: 'eased', tenderness: Math.max(0, tenderness - 3) });
    }
    events.push({ id: id(), t: (t += 2), type: 'quit' });
    await call('POST', `/api/v1/sessions/${session.id}/events`, { events }, who);
  };
  const alex = await join('Alex Stopped');
  for (const [d, tender] of [[20, 5], [16, 5], [12, 7], [5, 8]]) await roll(alex, d, tender, 2);
  const kim = await join('Kim Steady');
  for (const [d, tender, spots] of [[26, 7, 3], [23, 7, 3], [19, 6, 3], [16, 6, 2], [12, 5, 2], [8, 4, 1], [5, 4, 1], [3, 3, 1], [2, 3, 1], [1, 3, 1]])
    await roll(kim, d, tender, spots);
  const jo = await join('Jo Referred');
  await roll(jo, 2, 6, 1);
  // The trainer's health check of Jo finds a reason to see a clinician first.
  const conditions = (await call('GET', '/api/v1/conditions')).json;
  const serious = conditions.find((c) => c.outcome === 'refer' && !c.follow_up);
  await trainerPage.evaluate(async ([client, id]) => {
    const { csrf } = await (await fetch('/api/v1/auth')).json();
    await fetch(`/api/v1/screenings?client=${client}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: JSON.stringify({ answers: { [id]: true } }) });
  }, [jo.id, serious.id]);
  return { jo: jo.id, condition: serious.id };
}
const dashboardRow = (page) => page.locator('article.client', { has: page.getByRole('heading', { name: CLIENT }) });

try {
  // 1. The owner: the first visit to a fresh server asks for the owner account.
  await owner.page.goto(`${base}/#/`);
  await owner.page.getByRole('heading', { level: 1, name: 'Create the owner account' }).waitFor({ timeout: 10_000 }).catch(() => {
    throw new Error('this walk needs a fresh server (no accounts yet): the owner set-up screen did not appear');
  });
  await shot(owner.page, 'desk-01-owner-setup');
  await fillAccountForm(owner.page, { name: 'Olive Owner', email: emailFor('olive') });
  await owner.page.getByRole('link', { name: 'Account: Olive Owner' }).waitFor();

  // 2. A trainer signs up at a desk and invites a client.
  await trainer.page.goto(`${base}/#/`);
  await trainer.page.getByRole('heading', { level: 1, name: 'Foam rolling, coached step by step' }).waitFor(); // the first-visit landing
  await trainer.page.getByRole('link', { name: 'Create an account' }).click();
  await trainer.page.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor();
  await shot(trainer.page, 'desk-02-signup');
  await fillAccountForm(trainer.page, { name: TRAINER, email: emailFor('sam'), role: 'trainer' });
  await trainer.page.getByRole('heading', { level: 1, name: 'Your clients' }).waitFor(); // a trainer's home
  await trainer.page.getByRole('button', { name: 'Invite a client' }).click();
  const link = trainer.page.getByLabel('Send this link to your client');
  await link.waitFor();
  const inviteUrl = await link.inputValue();
  check(/\/#\/invite\/[A-Za-z0-9_-]+$/.test(inviteUrl), `invite link looks wrong: ${inviteUrl}`);
  await shot(trainer.page, 'desk-03-invite');

  // 3. The client opens the link on a phone and signs up with it.
  await client.page.clock.install(); // the guided session's clock, driven below
  await client.page.goto(inviteUrl.replace(/^https?:\/\/[^/]+/, base));
  await client.page.getByRole('heading', { level: 1, name: `${TRAINER} invites you to unknot` }).waitFor();
  await shot(client.page, 'phone-01-invite');
  await fillAccountForm(client.page, { name: CLIENT, email: clientEmail });
  await client.page.getByRole('heading', { level: 1, name: /Roll out the knots/ }).waitFor();
  check((await client.page.getByText(`${TRAINER} is your trainer`).count()) === 1, 'client home does not name the trainer');
  await shot(client.page, 'phone-02-welcome-client');
  // The same link again: used up, and it says so.
  const used = await person('used-invite', { width: 390, height: 844 }, true);
  await used.page.goto(inviteUrl.replace(/^https?:\/\/[^/]+/, base));
  await used.page.getByRole('heading', { level: 1, name: "This invite can't be used" }).waitFor();
  await shot(used.page, 'phone-03-invite-used');
  await used.context.close();

  // 4. The trainer: the new client on the dashboard, flagged as not started.
  await trainer.page.getByRole('link', { name: 'Clients' }).click();
  await trainer.page.reload();
  await dashboardRow(trainer.page).waitFor();
  const before = await dashboardRow(trainer.page).textContent();
  check(/Has not rolled yet/.test(before) && /Not screened yet/.test(before), `new client's row: ${before}`);
  await trainer.page.getByRole('heading', { name: CLIENT }).getByRole('link').click();
  await trainer.page.getByRole('heading', { level: 1, name: CLIENT }).waitFor();
  check((await trainer.page.locator('.working').textContent()).includes(`Working with: ${CLIENT}`), 'no "Working with" banner on the client page');
  await shot(trainer.page, 'desk-04-client-page');

  // Screening, recorded for the client.
  await trainer.page.locator('.tiles-4').getByRole('link', { name: 'Health check' }).click();
  await trainer.page.getByRole('heading', { level: 1, name: `${CLIENT}'s health check` }).waitFor();
  await shot(trainer.page, 'desk-05-client-screening');
  // The gate all "no": nothing more to ask.
  await trainer.page.getByRole('button', { name: 'None of these apply to me' }).click();
  await trainer.page.getByRole('button', { name: 'See my result' }).click();
  await trainer.page.getByRole('heading', { level: 1, name: `${CLIENT} is good to roll` }).waitFor();
  await shot(trainer.page, 'desk-06-client-verdict');

  // The movement assessment, then a routine from it.
  await trainer.page.locator('.working').getByRole('link', { name: CLIENT }).click();
  await trainer.page.locator('.tiles-4').getByRole('link', { name: 'Movement assessment' }).click();
  await trainer.page.getByRole('heading', { level: 1, name: `${CLIENT}: movement assessment` }).waitFor();
  await trainer.page.getByRole('checkbox', { name: 'Seen: knees move inward' }).check();
  await shot(trainer.page, 'desk-07-client-assess');
  await trainer.page.getByRole('button', { name: 'See the result' }).click();
  await trainer.page.getByRole('heading', { level: 1, name: `${CLIENT}: assessment result` }).waitFor();
  await trainer.page.getByLabel('Minutes for the plan').selectOption('10');
  await shot(trainer.page, 'desk-08-client-assess-result');
  await trainer.page.getByRole('button', { name: `Build a routine for ${CLIENT}` }).click();
  await trainer.page.getByRole('heading', { level: 1, name: `Routine for ${CLIENT}` }).waitFor();
  await trainer.page.getByLabel(`Note for ${CLIENT}`).fill('Before your runs, three times this week.');
  await shot(trainer.page, 'desk-09-assign-preview');
  await trainer.page.getByRole('button', { name: `Assign to ${CLIENT}` }).click();
  await trainer.page.getByRole('heading', { level: 1, name: `Sent to ${CLIENT}` }).waitFor();

  // 5. The client's phone: today's routine, and a guided session of it.
  await client.page.reload(); // the phone comes back to the app
  await client.page.getByRole('heading', { level: 1, name: `Today's routine from ${TRAINER}` }).waitFor();
  check((await client.page.getByText('Before your runs, three times this week.').count()) === 1, "the trainer's note is not on the client's home");
  await shot(client.page, 'phone-04-today');
  await client.page.emulateMedia({ colorScheme: 'dark' });
  await shot(client.page, 'phone-04-today-dark');
  await client.page.emulateMedia({ colorScheme: 'light' });
  const start = client.page.getByRole('button', { name: /^Start/ });
  const box = await start.boundingBox();
  check(box && box.height >= 96 && box.width >= 300, `the Start button is small on a phone: ${JSON.stringify(box)}`);
  await start.click();
  await client.page.getByRole('heading', { level: 1, name: 'Ready when you are' }).waitFor();
  await client.page.getByRole('button', { name: 'Start', exact: true }).click();
  await client.page.getByRole('button', { name: "I'm in position" }).click();
  await client.page.clock.runFor(10_000);
  await client.page.getByRole('button', { name: 'Found a tender spot' }).click();
  await client.page.getByRole('button', { name: /^7/ }).click();
  await client.page.clock.runFor(35_000);
  await client.page.getByRole('button', { name: /It eased/ }).click();
  await client.page.getByRole('button', { name: /^3/ }).click();
  await shot(client.page, 'phone-05-session-eased');
  await client.page.getByRole('button', { name: 'End session' }).click();
  await client.page.getByRole('button', { name: 'End now' }).click();
  await client.page.getByRole('heading', { level: 1, name: 'Well rolled' }).waitFor();
  await client.page.clock.runFor(3000);
  await client.page.getByText('Saved to your history').waitFor({ timeout: 15_000 });
  await shot(client.page, 'phone-06-session-done');

  // 6. The trainer's dashboard: the session is there (with three more clients for company).
  const seeded = await seedClients(trainer.page);
  await trainer.page.goto(`${base}/#/clients`);
  await trainer.page.reload();
  await dashboardRow(trainer.page).waitFor();
  const order = await trainer.page.locator('article.client h2').allTextContents();
  check(order[0] === 'Jo Referred' && order[1] === 'Alex Stopped', `flagged clients do not lead the list: ${order.join(', ')}`);
  const rowOf = (name) => trainer.page.locator('article.client', { has: trainer.page.getByRole('heading', { name }) }).textContent();
  const alexRow = await rowOf('Alex Stopped');
  check(/No session for 5 days/.test(alexRow) && /More tender/.test(alexRow), `Alex's row: ${alexRow}`);
  const kimRow = await rowOf('Kim Steady');
  check(/Fewer/.test(kimRow) && /Milder/.test(kimRow), `Kim's row: ${kimRow}`);
  const joRow = await rowOf('Jo Referred');
  check(/Refer: screening on/.test(joRow), `Jo's row: ${joRow}`);
  const row = await dashboardRow(trainer.page).textContent();
  const perWeek = /Sessions([\d.]+) a week/.exec(row);
  check(perWeek && Number(perWeek[1]) > 0, `sessions per week after a session: ${row}`);
  check(/Last sessiontoday/.test(row), `last session is not "today": ${row}`);
  check(!/Has not rolled yet/.test(row), `still flagged as not started: ${row}`);
  check(/Health checkClear/.test(row), `screening verdict missing: ${row}`);
  await shot(trainer.page, 'desk-10-dashboard');
  await trainer.page.emulateMedia({ colorScheme: 'dark' });
  await shot(trainer.page, 'desk-10-dashboard-dark');
  await trainer.page.emulateMedia({ colorScheme: 'light' });
  // The client's progress, as the trainer sees it.
  await dashboardRow(trainer.page).getByRole('link', { name: 'Progress' }).click();
  await trainer.page.getByRole('heading', { level: 1, name: `${CLIENT}'s progress` }).waitFor();
  await trainer.page.waitForTimeout(500);
  const sessions = Number(await trainer.page.locator('dt:text-is("Sessions") + dd').textContent());
  check(sessions === 1, `the client's progress shows ${sessions} sessions`);
  await shot(trainer.page, 'desk-11-client-progress');

  // A professional's go-ahead after Jo's refer, recorded by the trainer: its own record (Jo's
  // answers stay), listed on Jo's page, and the refer flag goes.
  const cleared = await trainer.page.evaluate(async ([client, id]) => {
    const { csrf } = await (await fetch('/api/v1/auth')).json();
    const d = new Date();
    const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const r = await fetch(`/api/v1/clearances?client=${client}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify({ condition: id, date, note: 'GP letter seen' }) });
    return [r.status, (await r.json()).screening?.verdict];
  }, [seeded.jo, seeded.condition]);
  check(cleared[0] === 201 && cleared[1] === 'caution', `recording Jo's clearance: ${cleared}`);
  await trainer.page.goto(`${base}/#/clients/${seeded.jo}`);
  await trainer.page.getByRole('heading', { level: 2, name: 'Cleared by a professional' }).waitFor();
  await trainer.page.getByText('GP letter seen', { exact: false }).waitFor();
  check((await trainer.page.locator('.flag-refer').count()) === 0, "Jo's page still flags a refer after the clearance");
  await shot(trainer.page, 'desk-12-client-clearance');

  // 7. The client's account: the trainer, and who looked at the data.
  await client.page.getByRole('link', { name: `Account: ${CLIENT}` }).click();
  await client.page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
  await client.page.getByRole('button', { name: 'Who looked at my data' }).click();
  await client.page.locator('#audit li').first().waitFor();
  const audit = await client.page.locator('#audit').textContent();
  for (const line of ['looked at your progress', 'recorded a health check for you', 'sent you a routine'])
    check(audit.includes(`${TRAINER} ${line}`), `audit has no "${TRAINER} ${line}": ${audit.slice(0, 300)}`);
  check((await client.page.getByRole('button', { name: 'Leave trainer' }).count()) === 1, 'no "Leave trainer" on the client account page');
  await shot(client.page, 'phone-07-account');

  // 8. The login runs out (cookie gone): the next call answers 401, the phone shows sign-in,
  //    and afterwards everything the device held is still there.
  const kept = () => client.page.evaluate(() => [localStorage.getItem('unknot.plan'), localStorage.getItem('unknot.choice')]);
  const before8 = await kept();
  check(before8[0] !== null, 'the routine was not kept on the phone');
  await client.context.clearCookies();
  await client.page.goto(`${base}/#/progress`);
  await client.page.getByRole('heading', { level: 1, name: 'Sign in again' }).waitFor();
  await shot(client.page, 'phone-08-signed-out');
  await client.page.getByLabel('Email').fill(clientEmail);
  await client.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await client.page.getByRole('button', { name: 'Sign in' }).click();
  await client.page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor(); // back where they were
  check(JSON.stringify(await kept()) === JSON.stringify(before8), 'signing in again lost what the phone held');

  // 9. Signed out in the middle of a session: the session goes on, what is done waits on the
  //    phone, and after signing in again it reaches the server once.
  await client.page.goto(`${base}/#/`);
  await client.page.getByRole('button', { name: /^Start/ }).click();
  await client.page.getByRole('button', { name: 'Start', exact: true }).click();
  await client.page.getByRole('button', { name: "I'm in position" }).click();
  await client.context.clearCookies();
  await client.page.clock.runFor(8_000);
  await client.page.getByRole('button', { name: 'Found a tender spot' }).click();
  await client.page.getByRole('button', { name: /^6/ }).click();
  await client.page.getByRole('link', { name: /You were signed out/ }).waitFor();
  check(/Sign in to sync/.test(await client.page.locator('.badge').textContent()), 'the badge does not ask to sign in');
  await client.page.clock.runFor(35_000);
  await client.page.getByRole('button', { name: /It eased/ }).click(); // still running
  await client.page.getByRole('button', { name: /^2/ }).click();
  await shot(client.page, 'phone-09-signed-out-in-session');
  await client.page.getByRole('link', { name: /You were signed out/ }).click();
  await client.page.getByLabel('Email').fill(clientEmail);
  await client.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await client.page.getByRole('button', { name: 'Sign in' }).click();
  await client.page.getByRole('button', { name: 'End session' }).waitFor(); // back in the session
  await client.page.waitForFunction(() => document.querySelector('.badge')?.textContent === '', null, { timeout: 15_000 });
  await client.page.getByRole('button', { name: 'End session' }).click();
  await client.page.getByRole('button', { name: 'End now' }).click();
  await client.page.getByText('Saved to your history').waitFor({ timeout: 15_000 });
  const history = await client.page.evaluate(async () => (await (await fetch('/api/v1/history')).json()).map((h) => h.holds.length));
  check(JSON.stringify(history) === '[1,1]', `history after the signed-out session: ${JSON.stringify(history)} (want two sessions of one hold)`);

  // 10. A password-reset link from the owner (an administrator): a new password, then sign in.
  const clientId = await client.page.evaluate(() => JSON.parse(localStorage.getItem('unknot.me')).id);
  const resetUrl = await owner.page.evaluate(async (id) => {
    const { csrf } = await (await fetch('/api/v1/auth')).json();
    const r = await fetch(`/api/v1/users/${id}/password-reset`, { method: 'POST', headers: { 'X-CSRF-Token': csrf } });
    return (await r.json()).url;
  }, clientId);
  await client.page.goto(resetUrl.replace(/^https?:\/\/[^/]+/, base));
  await client.page.getByRole('heading', { level: 1, name: 'Set a new password' }).waitFor();
  await shot(client.page, 'phone-10-reset');
  await client.page.getByLabel('New password', { exact: true }).fill(`${PASSWORD} again`);
  await client.page.getByRole('button', { name: 'Set my new password' }).click();
  await client.page.getByRole('heading', { level: 1, name: 'Your password is changed' }).waitFor();
  await client.page.getByRole('link', { name: 'Sign in' }).last().click();
  await client.page.getByLabel('Email').fill(clientEmail);
  await client.page.getByLabel('Password', { exact: true }).fill(`${PASSWORD} again`);
  await client.page.getByRole('button', { name: 'Sign in' }).click();
  await client.page.getByRole('heading', { level: 1, name: `Today's routine from ${TRAINER}` }).waitFor();
  await client.context.close();
  await owner.context.close();

  // 11. Someone's own account page: a token shown once and revoked, a new password, and
  //     deleting the account (the password is asked for first).
  const dee = await person('dee', { width: 390, height: 844 }, true);
  await dee.page.goto(`${base}/#/signup`);
  await fillAccountForm(dee.page, { name: 'Dee Solo', email: emailFor('dee') });
  await dee.page.getByRole('link', { name: 'Account: Dee Solo' }).click();
  await dee.page.getByLabel('Name for a new token').fill('laptop script');
  await dee.page.getByRole('button', { name: 'Create token' }).click();
  const token = await dee.page.getByLabel(/Your new token/).inputValue();
  const status = (t) => dee.page.evaluate(async (t) => (await fetch('/api/v1/progress', { headers: { Authorization: `Bearer ${t}` }, credentials: 'omit' })).status, t);
  check((await status(token)) === 200, 'a new API token does not work');
  await dee.page.getByRole('button', { name: 'Revoke laptop script' }).click();
  await dee.page.getByText('You have no API tokens.').waitFor();
  check((await status(token)) === 401, 'a revoked API token still works');
  await dee.page.getByLabel('Current password', { exact: true }).fill(PASSWORD);
  await dee.page.getByLabel('New password', { exact: true }).fill('another good passphrase');
  await dee.page.getByRole('button', { name: 'Change password' }).click();
  await dee.page.getByText('Password changed.').waitFor();
  await dee.page.locator('summary', { hasText: 'Delete my account' }).click();
  await dee.page.getByLabel('Your password, to confirm', { exact: true }).fill('not the password');
  await dee.page.getByRole('button', { name: 'Delete my account for good' }).click();
  await dee.page.locator('#f-delete-password-error').waitFor();
  await shot(dee.page, 'phone-11-account-delete');
  await dee.page.getByLabel('Your password, to confirm', { exact: true }).fill('another good passphrase');
  await dee.page.getByRole('button', { name: 'Delete my account for good' }).click();
  await dee.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await dee.context.close();
} catch (e) {
  problems.push(`stopped: ${e.message.split('\n')[0]}`);
  await explainFailure(browser, e);
} finally {
  await browser.close();
}
console.log(problems.length ? problems.join('\n') : 'coaching walk: no problems found');
process.exit(problems.length ? 1 : 0);
