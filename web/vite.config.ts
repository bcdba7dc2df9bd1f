// The web app's build. The C++ server embeds the output, so every file has a fixed name (no
// hashes) and dist-files.txt lists them all; the build fails if the two disagree.
import { build as esbuild } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const outDir = process.env.UNKNOT_WEB_OUT || 'dist';
const root = dirname(fileURLToPath(import.meta.url));

// Files that come from public/ as they are.
const PUBLIC = ['manifest.webmanifest', 'icon.svg'];

/** uPlot as its own ES module, from uPlot's own minified build (22 KB gzipped, where minifying
 *  its source here gives 24). The progress screen imports it on demand: src/screens/chart.ts. */
function uplotModule(): Plugin {
  return {
    name: 'unknot-uplot',
    apply: 'build',
    generateBundle() {
      const iife = readFileSync(createRequire(import.meta.url).resolve('uplot/dist/uPlot.iife.min.js'), 'utf8');
      this.emitFile({ type: 'asset', fileName: 'assets/uplot.js', source: `${iife.trim()}\nexport default uPlot;\n` });
    },
  };
}

/** Builds src/sw.ts into /sw.js, stamped with a hash of everything it caches. */
function serviceWorker(): Plugin {
  return {
    name: 'unknot-service-worker',
    apply: 'build',
    enforce: 'post', // after vite has added the CSS and index.html to the bundle
    async generateBundle(_options, bundle) {
      const names = Object.keys(bundle).sort();
      const hash = createHash('sha256');
      for (const name of names) {
        const f = bundle[name];
        hash.update(name).update(f.type === 'chunk' ? f.code : f.source);
      }
      for (const p of PUBLIC) hash.update(readFileSync(join(root, 'public', p)));
      const shell = ['/', ...names.filter((n) => n !== 'index.html').map((n) => `/${n}`), ...PUBLIC.map((p) => `/${p}`)];
      const out = await esbuild({
        entryPoints: [join(root, 'src/sw.ts')],
        bundle: true,
        write: false,
        format: 'iife',
        minify: true,
        target: 'es2020',
        define: { __VERSION__: JSON.stringify(hash.digest('hex').slice(0, 12)), __SHELL__: JSON.stringify(shell) },
      });
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: out.outputFiles[0].text });
    },
  };
}

/** After the build: what was written must be exactly what dist-files.txt says. */
function checkFileList(): Plugin {
  return {
    name: 'unknot-dist-files',
    apply: 'build',
    closeBundle() {
      const dir = resolve(root, outDir);
      const walk = (d: string): string[] =>
        readdirSync(d)
          .filter((n) => !n.startsWith('.')) // as cmake/embed.cmake skips them
          .flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [relative(dir, join(d, n))]));
      const written = walk(dir).sort();
      const listed = readFileSync(join(root, 'dist-files.txt'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean).sort();
      if (written.join('\n') !== listed.join('\n'))
        throw new Error(`dist-files.txt is out of date.\nwritten:\n  ${written.join('\n  ')}\nlisted:\n  ${listed.join('\n  ')}`);
      // Two budgets, gzipped. The phone's way to a session (the entry script, the stylesheet and
      // the service worker: what loads before a session can start) stays small; everything
      // (lazy chunks too: uPlot for progress, the sign-in/account and trainer screens) is kept
      // in check as a whole, so splitting code off is no way around a budget.
      //  - phone: 41.5 kB was 40.9 before accounts; auth plumbing (sign-in gate, CSRF, the
      //    client's "today's routine") is the whole increase.
      //  - everything: 63 kB before accounts (itself a temporary rise from 60 kB for the
      //    assessment screens); +9 kB for the account and trainer chunks, which only someone
      //    signing in, opening Account or coaching ever downloads.
      //  - everything: 80 -> 82 kB for printing and calendars (the handout chunk: PDF buttons and
      //    the plan's print stylesheet; the calendar reminder on Account), all in lazy chunks.
      //  - phone: 46.0 -> 43.6 kB by taking the movement assessment off the phone path (its own
      //    chunk); everything: 82 -> 90 kB for that split's overhead and the first-visit, triage,
      //    clearance and floor-session screens, which go into lazy chunks wherever they can.
      //  - phone: 46.2 -> 43.1 kB with the landing page, guest trial and choose-vs-screening
      //    helpers added, by moving the progress screen into its own chunk (read after a
      //    session, never on the way to one); everything: 87.7 kB.
      const PHONE = ['assets/app.js', 'assets/app.css', 'sw.js'];
      const BUDGET = { phone: 46_000, all: 90_000 };
      const code = written.filter((f) => /\.(js|css)$/.test(f));
      const gzOf = (files: string[]) => files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
      const each = code.map((f) => `${f} ${(gzOf([f]) / 1000).toFixed(1)}`).join(', ');
      const phone = gzOf(PHONE.filter((f) => code.includes(f)));
      const all = gzOf(code);
      this.info?.(`JS+CSS gzipped: phone path ${(phone / 1000).toFixed(1)} kB (budget ${BUDGET.phone / 1000}), all ${(all / 1000).toFixed(1)} kB (budget ${BUDGET.all / 1000}): ${each}`);
      if (phone > BUDGET.phone) throw new Error(`the phone path (${PHONE.join(', ')}) is ${(phone / 1000).toFixed(1)} kB gzipped; the budget is ${BUDGET.phone / 1000} kB`);
      if (all > BUDGET.all) throw new Error(`JS+CSS is ${(all / 1000).toFixed(1)} kB gzipped; the budget is ${BUDGET.all / 1000} kB`);
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  plugins: [uplotModule(), serviceWorker(), checkFileList()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    cssCodeSplit: true, // the account and trainer screens bring their own stylesheets
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
    rollupOptions: {
      output: {
        entryFileNames: 'assets/app.js',
        chunkFileNames: (c) => `assets/${c.name.toLowerCase()}.js`, // account.js, clients.js: fixed names
        assetFileNames: (info) => (info.name === 'index.css' ? 'assets/app.css' : `assets/${(info.name ?? '[name]').toLowerCase()}`),
      },
    },
  },
  server: {
    // The body map's geometry lives in ../data/body_map.json, shared with the PDF renderer.
    fs: { allow: ['..'] },
    proxy: {
      '/api': 'http://127.0.0.1:8091',
      '/healthz': 'http://127.0.0.1:8091',
    },
  },
});
