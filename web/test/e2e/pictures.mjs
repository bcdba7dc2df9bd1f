// The pictures of the moves, as people meet them: every library entry shows its own picture (no
// two moves drawn alike), a technique's page shows the roll moving at its slow pace, and it stands
// still, with the roll's start and end ghosted and its path as an arrow, for anyone who asks the
// system for reduced motion, including when they switch it on while the page is open. At
// 360×640, 390×844 and 1280×800, light and dark, with axe-core.
//   node test/e2e/pictures.mjs [baseURL] [outDir]
import { audit, base, check, explainFailure, launch, out, problems } from './walk.mjs';

const browser = await launch();
const runs = [[360, 640, 'light'], [390, 844, 'dark'], [1280, 800, 'light'], [1280, 800, 'dark']];

async function library(page, tag) {
  await page.goto(`${base}/#/library`);
  await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
  const tiles = page.locator('.tiles .tile');
  const n = await tiles.count();
  check(n >= 27, `${tag}: ${n} library entries`);
  await page.waitForFunction((n) => document.querySelectorAll('.tiles svg.picture[data-move]').length === n, n, { timeout: 15000 });
  const drawn = await page.evaluate(() => [...document.querySelectorAll('.tiles svg.picture')].map((s) => ({ move: s.dataset.move, svg: s.innerHTML, box: s.getBoundingClientRect().width })));
  const seen = new Map();
  for (const d of drawn) {
    check(d.svg.includes('<path'), `${tag}: ${d.move} has an empty picture`);
    check(d.box >= 100, `${tag}: ${d.move}'s picture is only ${d.box | 0} px wide`);
    if (seen.has(d.svg)) problems.push(`${tag}: ${d.move} is drawn exactly like ${seen.get(d.svg)}`);
    seen.set(d.svg, d.move);
  }
  check(seen.size === n, `${tag}: ${seen.size} distinct pictures for ${n} entries`);
  await page.screenshot({ path: `${out}/pictures-${tag}-library.png`, fullPage: true });
  await audit(page, `${tag} library`);
}

/** The moving group's box at two moments: different while it rolls, the same when it stands. */
async function moves(page) {
  const box = () => page.evaluate(() => { const b = document.querySelector('.move-picture svg.picture g.moving, .move-picture svg.picture > g:last-of-type').getBBox(); return `${b.x.toFixed(1)},${b.y.toFixed(1)}`; });
  const a = await box();
  await page.waitForTimeout(1200);
  return a !== (await box());
}

async function technique(page, tag, reduced) {
  await page.goto(`${base}/#/library/technique/hamstrings_roll`);
  await page.getByRole('heading', { level: 1, name: 'Hamstrings' }).waitFor();
  const pic = page.locator('.move-picture svg.picture');
  await pic.and(page.locator('[data-move="hamstrings_roll"]')).waitFor();
  const label = await pic.getAttribute('aria-label');
  check(/just below the sit bone/.test(label ?? ''), `${tag}: the picture's text alternative does not say the roll path: ${label}`);
  if (reduced) {
    check((await pic.getAttribute('data-animated')) === 'no', `${tag}: the roll animates although reduced motion is asked for`);
    check((await pic.locator('animate').count()) === 0, `${tag}: <animate> present under reduced motion`);
    check((await pic.locator('g.ghost').count()) === 2, `${tag}: the still picture does not ghost the roll's start and end`);
    check((await pic.locator('.arrow-head').count()) === 1, `${tag}: the still picture has no roll-path arrow`);
    check(!(await moves(page)), `${tag}: the picture moves under reduced motion`);
  } else {
    check((await pic.getAttribute('data-animated')) === 'yes', `${tag}: the roll does not animate`);
    const dur = await pic.locator('animate').first().getAttribute('dur');
    check(dur === '6s', `${tag}: a roll there and back takes ${dur}, not 2 × 3 s`);
    check(await moves(page), `${tag}: the animated roll does not move`);
    // Switched on while the page is open: it stops and shows the still.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await pic.and(page.locator('[data-animated="no"]')).waitFor();
    check(!(await moves(page)), `${tag}: still moving after reduced motion was switched on`);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await pic.and(page.locator('[data-animated="yes"]')).waitFor();
  }
  await page.screenshot({ path: `${out}/pictures-${tag}-technique.png`, fullPage: true });
  await audit(page, `${tag} technique`);
  // A stretch's page: its set-up.
  await page.goto(`${base}/#/library/stretch/standing_quadriceps_stretch`);
  await page.locator('.move-picture svg.picture[data-move="standing_quadriceps_stretch"]').waitFor();
  await page.screenshot({ path: `${out}/pictures-${tag}-stretch.png`, fullPage: true });
}

try {
  for (const [width, height, scheme] of runs) {
    const tag = `${width}x${height}-${scheme}`;
    const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`${tag} page error: ${e.message}`));
    await library(page, tag);
    await technique(page, tag, false);
    await context.close();
  }
  const reduced = await browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
  const page = await reduced.newPage();
  await technique(page, '390x844-reduced', true);
  await reduced.close();
} catch (e) {
  await explainFailure(browser, e);
  problems.push(`walk stopped: ${e.message.split('\n')[0]}`);
}
await browser.close();
for (const p of problems) console.error(`FAIL ${p}`);
console.log(problems.length ? `${problems.length} problems` : 'pictures: every entry distinct, the roll moves and stands still on request');
process.exit(problems.length ? 1 : 0);
