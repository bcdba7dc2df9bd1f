// Web targets, measured on the release build in headless Chromium, each beside its goal:
//   - gzipped JS+CSS the phone loads for a session (goal <= 60 KB; lazily loaded screens counted apart)
//   - time to interactive of the session screen on loopback (goal < 300 ms), median of 7 loads
//   - how late the hold's timed cues fire over a 90 s hold (goal < 50 ms); --quick: a 31 s hold
// usage: node bench/web.mjs URL WEB_DIST_DIR [--quick]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const require = createRequire(new URL('../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const [url, dist, mode] = process.argv.slice(2);
const quick = mode === '--quick';
const misses = [];

const files = readFileSync(join(dist, '..', '..', '..', 'web', 'dist-files.txt'), 'utf8').split('\n').filter((f) => /\.(js|css)$/.test(f));
let gz = 0, initial = 0;
for (const f of files) {
  const n = gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
  gz += n;
  // Loaded on demand: uPlot with the progress charts, account and trainer screens when opened.
  if (!/^assets\/(uplot|account|clients)\./.test(f)) initial += n;
}
console.log(`web bundle: ${(gz / 1024).toFixed(1)} KB gzipped JS+CSS over ${files.length} files; the phone's session path loads ${(initial / 1024).toFixed(1)} KB (goal <= 60 KB)`);
if (initial > 60 * 1024) misses.push('bundle size');

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  await page.goto(url + '/#/');
  await page.evaluate(async () => {
    // A fresh server: the owner account first (its cookie stays in this browser), then the usual seed.
    const joined = await (await fetch('/api/v1/setup', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'bench@example.org', name: 'Bench', password: 'bench passphrase 1234' }) })).json();
    const post = async (path, body) => (await fetch(path, { method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': joined.csrf }, body: JSON.stringify(body) })).json();
    const result = await post('/api/v1/screenings', { answers: {} });
    const choice = { targets: ['calf', 'hamstrings'], minutes: 15, tools: ['foam_roller'], context: 'daily', goal: null };
    localStorage.setItem('unknot.screening', JSON.stringify({ answers: {}, result, at: Date.now() }));
    localStorage.setItem('unknot.choice', JSON.stringify(choice));
    localStorage.setItem('unknot.plan', JSON.stringify(await post('/api/v1/plans', { targets: choice.targets, minutes: choice.minutes, tools: choice.tools, context: choice.context })));
    localStorage.setItem('unknot.muted', 'true');
  });
  // Time to interactive: from navigation start until the primary button can be pressed.
  const times = [];
  for (let i = 0; i < 7; i++) {
    await page.goto('about:blank'); // a real page load each time, not a hash change
    await page.goto(url + '/#/session', { waitUntil: 'commit' });
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor({ state: 'visible' });
    times.push(await page.evaluate(() => performance.now()));
  }
  times.sort((a, b) => a - b);
  const tti = times[3];
  console.log(`session screen interactive: median ${tti.toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[6].toFixed(0)}) (goal < 300 ms)`);
  if (!(tti < 300)) misses.push('time to interactive');

  // Cue timing over one real hold.
  await page.evaluate(() => {
    window.__cues = [];
    addEventListener('unknot:cue', (e) => window.__cues.push(e.detail));
  });
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: "I'm in position" }).click();
  await page.getByRole('button', { name: 'Found a tender spot' }).click();
  await page.getByRole('button', { name: /^6/ }).click();
  const hold_s = quick ? 31 : 91;
  await page.waitForTimeout(hold_s * 1000);
  const cues = await page.evaluate(() => window.__cues);
  const timed = cues.filter((c) => ['hold_core', 'hold_breathe', 'hold_min_reached', 'hold_max_reached'].includes(c.id));
  const worst = Math.max(...timed.map((c) => c.late_ms));
  const mark = (id) => timed.find((c) => c.id === id)?.late_ms;
  console.log(`hold cues over a ${hold_s - 1} s hold: ${timed.length} timed cues, worst ${worst.toFixed(1)} ms late; ` +
    `30 s mark ${mark('hold_min_reached')?.toFixed(1)} ms, 90 s mark ${quick ? '(quick: not reached)' : mark('hold_max_reached')?.toFixed(1) + ' ms'} (goal < 50 ms)`);
  if (!quick && mark('hold_max_reached') === undefined) misses.push('90 s cue missing');
  if (!(worst < 50)) misses.push('cue timing');
} finally {
  await browser.close();
}
if (misses.length) {
  console.log('web bench: missed ' + misses.join(', '));
  process.exit(1);
}
