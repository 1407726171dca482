// Makes the comparison bench ready to run: installs the peers (bench/package.json, with its own lockfile,
// so that the library's devDependencies carry none of them) when they are missing or older than the
// lockfile, then has typia generate its checking code from the templates in peers/typia when that is
// missing or older than them. Plain JavaScript: it runs before anything it installs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';

const bench = new URL('.', import.meta.url).pathname;
const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : -Infinity);

/** Runs a command in bench/ and stops here if it fails, showing its output only then. */
function run(command, args) {
  const result = spawnSync(command, args, { cwd: bench, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    console.error(`${result.stdout}${result.stderr}bench setup: \`${command} ${args.join(' ')}\` failed`);
    process.exit(result.status ?? 1);
  }
}

// npm writes node_modules/.package-lock.json at the end of every install.
if (mtime(`${bench}node_modules/.package-lock.json`) < mtime(`${bench}package-lock.json`)) {
  console.error('bench setup: installing the peers (npm ci in bench/)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

const templates = `${bench}peers/typia/`;
const generated = `${bench}.generated/typia/`;
const newestTemplate = Math.max(
  ...readdirSync(templates).map((name) => mtime(templates + name)),
  mtime(`${bench}node_modules/.package-lock.json`),
);
const oldestOutput = Math.min(...['is.ts', 'validate.ts', 'types.ts'].map((name) => mtime(generated + name)));
if (oldestOutput < newestTemplate) {
  console.error('bench setup: typia generate');
  run('node_modules/.bin/typia', [
    'generate',
    '--input',
    'peers/typia',
    '--output',
    '.generated/typia',
    '--project',
    'peers/typia/tsconfig.json',
  ]);
}
