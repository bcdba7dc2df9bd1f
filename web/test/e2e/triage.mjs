// The health check as triage, at 360×640, 390×844 and 1280×800, light and dark: the short gate,
// the questions under a yes (with the unanswered message beside its item, focus moved to it),
// a refer, and a professional's clearance recorded as its own record (a bad date named beside
// the field), which lifts that refer only. Screenshots of each screen, axe-core on each.
//   node test/e2e/triage.mjs [baseURL] [outDir]
import { signUp } from './accounts.mjs';
import { base, check, explainFailure, launch, out, problems, shot as shotAs } from './walk.mjs';

const browser = await launch();
const sizes = [[360, 640], [390, 844], [1280, 800]];
const bones = ['fracture', 'osteopenia', 'osteomyelitis', 'myositis_ossificans', 'connective_tissue_disorder', 'fibromyalgia', 'scoliosis'];
const onScreen = async (page, sel) => {
  const b = await page.locator(sel).boundingBox();
  return !!b && b.y >= 0 && b.y + b.height <= page.viewportSize().height;
};

async function run([width, height], scheme) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const tag = `${width}x${height}-${scheme}`;
  const shot = async (name, { viewport = false } = {}) => {
    // Where the person is looking matters for the gaps: the screen as it is, too.
    if (viewport) await page.screenshot({ path: `${out}/triage-${tag}-${name}.screen.png` });
    await shotAs(page, `triage-${tag}-`, name);
  };
  page.on('pageerror', (e) => problems.push(`${tag} page error: ${e.message}`));
  await signUp(page, base, { name: `Tess ${tag}` });

  await page.goto(`${base}/#/screening`);
  await page.getByText('Step 1 of').waitFor();
  const gateCount = await page.locator('fieldset.question').count();
  check(gateCount >= 6 && gateCount <= 8, `${tag}: ${gateCount} gate questions`);
  await shot('01-gate');
  // Next with nothing answered: the message beside the first question, and focus there.
  await page.getByRole('button', { name: 'See my result' }).click();
  await page.locator('.gap').first().waitFor();
  check(await onScreen(page, '.gap >> nth=0'), `${tag}: the first unanswered message is off-screen`);
  check(await page.evaluate(() => !!document.activeElement?.closest('fieldset.question.open')), `${tag}: focus did not move to the open question`);
  await shot('02-gate-gaps', { viewport: true });

  await page.getByRole('button', { name: 'None of these apply to me' }).click();
  await page.locator('#q-bones_and_joints').getByText('Yes').click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByText('Step 2 of 2').waitFor();
  check((await page.locator('fieldset.question').count()) === bones.length + 1, `${tag}: step 2 asks more than what sits under the one yes`);
  await page.locator('#q-osteoporosis').getByText('Yes').click();
  await page.getByRole('button', { name: 'See my result' }).click();
  await page.locator('#e-fracture').waitFor();
  check(await onScreen(page, '#e-fracture'), `${tag}: the unanswered message for the first open question is off-screen`);
  await shot('03-details-gap', { viewport: true });
  for (const id of bones) await page.locator(`#q-${id}`).getByText('No', { exact: true }).click();
  await page.getByRole('button', { name: 'See my result' }).click();
  await page.getByRole('heading', { level: 1, name: 'Please check with a professional first' }).waitFor();
  await shot('04-refer');

  // The way forward that changes no answer: a clearance.
  await page.getByRole('button', { name: 'My doctor or physio cleared me' }).click();
  await page.getByLabel('When did they say so?').waitFor();
  await page.getByLabel('What did they say?').fill('Gentle rolling is fine; keep off the spine.');
  await page.getByRole('button', { name: 'Record the go-ahead' }).click();
  await page.locator('#e-sure').waitFor();
  await page.getByRole('checkbox', { name: /cleared me for foam rolling/ }).check();
  await page.getByLabel('When did they say so?').fill('2999-01-01');
  await page.getByRole('button', { name: 'Record the go-ahead' }).click();
  await page.locator('#e-date').waitFor();
  check(/future/.test(await page.locator('#e-date').textContent()), `${tag}: the future date is not named beside the field`);
  await shot('05-clearance-form');
  const d = new Date();
  await page.getByLabel('When did they say so?').fill(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
  await page.getByRole('button', { name: 'Record the go-ahead' }).click();
  await page.getByRole('heading', { level: 1, name: 'You can roll, with care' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Cleared by a professional' }).waitFor();
  await shot('06-cleared');
  const latest = await page.evaluate(async () => (await (await fetch('/api/v1/screenings')).json())[0]);
  check(latest.answers.osteoporosis === true && latest.verdict === 'caution', `${tag}: the answer changed or the refer stayed: ${JSON.stringify(latest).slice(0, 200)}`);
  await context.close();
}

try {
  for (const size of sizes) for (const scheme of ['light', 'dark']) await run(size, scheme);
} catch (e) {
  problems.push(`walk stopped: ${e.stack ?? e}`);
  await explainFailure(browser, e);
}
await browser.close();
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`triage walk: ${sizes.length * 2} runs, gate, gaps, refer, clearance: no problems`);
