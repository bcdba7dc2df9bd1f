// `npm run test:unit`: bundles the TypeScript modules under test with esbuild (it ships with
// vite) into test/.build/, then runs node:test over test/*.test.mjs.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '.build');
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: {
    engine: join(here, '../src/session/engine.ts'),
    markdown: join(here, '../src/lib/markdown.ts'),
    queue: join(here, '../src/sync/queue.ts'),
    ids: join(here, '../src/lib/ids.ts'),
    requests: join(here, '../src/lib/requests.ts'),
    targets: join(here, '../src/lib/targets.ts'),
    router: join(here, '../src/lib/router.ts'),
    client: join(here, '../src/api/client.ts'),
    time: join(here, '../src/lib/time.ts'),
    dashboard: join(here, '../src/lib/dashboard.ts'),
    pdf: join(here, '../src/lib/pdf.ts'),
  },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
// The golden runs come from the C++ engine under test, made now (test/golden/make.mjs):
// UNKNOT_BIN names it (tests/e2e/run.sh passes the binary it tests), else the dev build's.
const golden = join(out, 'golden.json');
const bin = process.env.UNKNOT_BIN ?? join(here, '../../build/dev/src/unknot');
const made = spawnSync(process.execPath, [join(here, 'golden/make.mjs'), bin, join(here, '../../data'), golden], { stdio: 'inherit' });
if (made.status !== 0) {
  console.error(`test/run.mjs: could not make the golden runs with ${bin}`);
  process.exit(1);
}
const tests = readdirSync(here).filter((f) => f.endsWith('.test.mjs')).map((f) => join(here, f));
const r = spawnSync(process.execPath, ['--test', ...tests], { stdio: 'inherit', env: { ...process.env, UNKNOT_GOLDEN: golden } });
process.exit(r.status ?? 1);
