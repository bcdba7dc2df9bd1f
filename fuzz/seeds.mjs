// Seed corpora for the fuzz targets, made from what the project already holds: the content in
// data/, the examples, the scenario profiles, the CLI fixtures and the OpenAPI document, plus
// every input in fuzz/regressions/ (crashes found and fixed). Usage:
//   node fuzz/seeds.mjs OUT_DIR [EXPORT.json]
// writes OUT_DIR/<target>/<name>. A target's first byte picks its reader where it has several.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [out, exportFile] = process.argv.slice(2);
if (!out) throw new Error('usage: node fuzz/seeds.mjs OUT_DIR [EXPORT.json]');

const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const counts = {};
const seed = (target, name, bytes) => {
  mkdirSync(join(out, target), { recursive: true });
  writeFileSync(join(out, target, name.replace(/[^A-Za-z0-9_.-]/g, '_')), bytes);
  counts[target] = (counts[target] ?? 0) + 1;
};
const picked = (selector, text) => Buffer.concat([Buffer.from([selector]), Buffer.from(text)]);
const read = (p) => readFileSync(join(root, p), 'utf8');

// .rec content files.
for (const f of walk(join(root, 'data')).filter((f) => f.endsWith('.rec'))) seed('rec_records', relative(root, f), readFileSync(f));

// JSON readers: 0 answers, 1 profile, 2 plan, 3 findings, 4 one event.
const profiles = [read('examples/profile.json')];
for (const f of walk(join(root, 'tests/scenarios')).filter((f) => f.endsWith('.test')))
  for (const line of readFileSync(f, 'utf8').split('\n')) if (line.startsWith('{')) profiles.push(line);
profiles.forEach((p, i) => seed('json_readers', `profile-${i}`, picked(1, p)));
seed('json_readers', 'findings', picked(3, read('examples/findings.json')));
seed('json_readers', 'answers', picked(0, '{"answers": {"pregnant": false, "osteoporosis": true, "recent_injury": false}}'));
// The replay fixture of the CLI tests: its event lines, for the event reader and the replay.
const replay = read('tests/cli/replay.sh').match(/ev\.jsonl" <<'EV'\n([\s\S]*?)\nEV/)[1];
replay.split('\n').forEach((line, i) => seed('json_readers', `event-${i}`, picked(4, line)));
seed('session_replay', 'cli-replay.jsonl', replay + '\n');
seed('session_replay', 'cli-replay-reversed.jsonl', replay.split('\n').reverse().join('\n'));

// Imports: 0 free-exercise-db, 1 an unknot export.
seed('imports', 'free-exercise-db-sample', picked(0, read('tests/cli/data/free-exercise-db-sample.json')));
if (exportFile) {
  const text = readFileSync(exportFile, 'utf8');
  seed('imports', 'export', picked(1, text));
  for (const line of text.split('\n')) if (line.trim().startsWith('{"t"')) seed('session_replay', 'export-event', line);
}

// HTTP: one request per documented route and method, signed in with the fuzz token.
const api = JSON.parse(read('api/openapi.json'));
const bodies = { profile: read('examples/profile.json'), findings: read('examples/findings.json') };
for (const [path, ops] of Object.entries(api.paths)) {
  for (const method of Object.keys(ops).filter((m) => ['get', 'post', 'put', 'delete'].includes(m))) {
    const target = path.replace(/\{[^}]+\}/g, '1');
    const body = method === 'post' || method === 'put' ? (/plan|assign/.test(path) ? bodies.profile : /assess/.test(path) ? bodies.findings : '{}') : '';
    const head = [`${method.toUpperCase()} ${target} HTTP/1.1`, 'Host: unknot.test', 'Authorization: Bearer fuzz-token-for-unknot'];
    if (body) head.push('Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`);
    seed('http_requests', `${method}-${target}`, head.join('\r\n') + '\r\n\r\n' + body);
  }
}
seed('http_requests', 'chunked', 'POST /api/v1/plans HTTP/1.1\r\nHost: unknot.test\r\nAuthorization: Bearer fuzz-token-for-unknot\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n');

// Crashes found earlier, kept so they stay fixed.
const regressions = join(root, 'fuzz/regressions');
if (existsSync(regressions))
  for (const target of readdirSync(regressions))
    for (const f of readdirSync(join(regressions, target))) seed(target, `regression-${f}`, readFileSync(join(regressions, target, f)));

console.log(Object.entries(counts).map(([t, n]) => `${t}: ${n} seeds`).join(', '));
