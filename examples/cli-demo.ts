// The second half of `npm run demo`: the CLI (`openai-run-step-guards check`, the package's bin, built to
// dist/cli.js) on examples/cli/, which holds a valid and an invalid file of each input kind: a JSON document, a
// JSON array, a list response, NDJSON, and server-sent events as a stream sends them.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = readdirSync(new URL('./cli/', import.meta.url))
  .sort()
  .map((name) => `examples/cli/${name}`);

const result = spawnSync(process.execPath, ['dist/cli.js', 'check', ...files], { cwd: root, encoding: 'utf8' });
console.log(`$ openai-run-step-guards check examples/cli/*`);
process.stdout.write(result.stdout + result.stderr);
console.log(
  `(exit code ${result.status}: 0 all valid, 1 something invalid, malformed or empty, 2 usage, unreadable input or output)`,
);
