// Writes web/src/api/schema.gen.ts from api/openapi.json with openapi-typescript. Run by
// `npm run build` before `tsc`, so the app is always checked against the document as it is now:
// a field the app reads that the document no longer promises fails the build.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, 'node_modules', '.bin', 'openapi-typescript');
const input = path.resolve(here, '../../../api/openapi.json');
const output = path.resolve(here, '../../src/api/schema.gen.ts');
if (!fs.existsSync(bin)) {
  console.error(`api-types: ${bin} is missing; run scripts/bootstrap.sh (npm ci in web/tools/api-types)`);
  process.exit(1);
}
// --root-types: every schema also as a type of its own name (Technique, Plan ...), which the app imports.
execFileSync(bin, [input, '--output', output, '--root-types', '--root-types-no-schema-prefix'], { stdio: 'inherit' });
const header = '// Generated from api/openapi.json by web/tools/api-types/generate.mjs at build time. Do not edit.\n';
fs.writeFileSync(output, header + fs.readFileSync(output, 'utf8'));
