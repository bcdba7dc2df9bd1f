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
const tests = readdirSync(here).filter((f) => f.endsWith('.test.mjs')).map((f) => join(here, f));
const r = spawnSync(process.execPath, ['--test', ...tests], { stdio: 'inherit' });
process.exit(r.status ?? 1);
