// What every browser walk shares: its arguments ([baseURL] [outDir]), Chromium launched the way
// the brief prescribes, and an axe-core (WCAG 2.2 A/AA) audit of a screen, which also insists on
// exactly one <h1>. Findings collect in `problems`; a walk fails when any are left.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
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
