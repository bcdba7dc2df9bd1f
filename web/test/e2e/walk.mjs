// What every browser walk shares: its arguments ([baseURL] [outDir]), Chromium launched the way
// the brief prescribes, and an axe-core (WCAG 2.2 A/AA) audit of a screen, which also insists on
// exactly one <h1>. Findings collect in `problems`; a walk fails when any are left.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createRequire } from 'node:module';

export const base = process.argv[2] ?? 'http://127.0.0.1:4173';
export const out = process.argv[3] ?? '/tmp/web-shots';
mkdirSync(out, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const launch = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });

export const problems = [];
export const check = (ok, what) => ok || problems.push(what);

export async function audit(page, name) {
  await page.evaluate(axeSource);
  const r = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }),
  );
  for (const v of r.violations)
    problems.push(`${name}: ${v.id} (${v.impact}) ${v.help} × ${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  const h1 = await page.locator('h1').count();
  check(h1 === 1, `${name}: ${h1} <h1> elements`);
}

// A full-page screenshot named `${prefix}${name}.png`, then the audit.
export async function shot(page, prefix, name) {
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${out}/${prefix}${name}.png`, fullPage: true });
  await audit(page, name);
}

// When a walk stops on an error, it explains itself: which step (the walk's own file:line and
// that line's code), then for every page still open its address, a screenshot and the text a
// person would see at that moment. Call it from the walk's catch, before the browser closes.
export async function explainFailure(browser, e) {
  const frame = (e?.stack ?? '').split('\n').find((l) => /test\/e2e\/(?!walk)\w+\.mjs:\d+/.test(l));
  const [, file, line] = frame?.match(/(\/[^\s:()]+\.mjs):(\d+)/) ?? [];
  console.error(`\n== walk failed: ${e?.message?.split('\n')[0] ?? e}`);
  if (file) console.error(`   step: ${basename(file)}:${line}: ${readFileSync(file, 'utf8').split('\n')[Number(line) - 1]?.trim()}`);
  let n = 0;
  for (const context of browser.contexts())
    for (const page of context.pages()) {
      const path = `${out}/FAILED-${basename(file ?? 'walk', '.mjs')}-${n++}.png`;
      try {
        await page.screenshot({ path, fullPage: true, timeout: 5000 });
        const text = await page.evaluate(() => document.body.innerText);
        console.error(`   page ${n}: ${page.url()}\n   screenshot: ${path}\n   visible text:\n${text.slice(0, 1500).replace(/^/gm, '     | ')}`);
      } catch (err) {
        console.error(`   page ${n}: ${page.url()} (no screenshot: ${err.message.split('\n')[0]})`);
      }
    }
}
