// `npm run release:check`: everything that must hold before `npm publish` and `deno publish`, from a clean clone
// (after `npm ci`). One line per step, then one summary line; the first failing step stops the run.
//   1. the tree is committed (`--allow-dirty` skips this), and package.json, jsr.json and CHANGELOG.md agree on
//      the version;
//   2. `npm test`: the build, lint, publint, attw, the size budgets, the consumer compile, every linked file in
//      the tarball, the unit and the type tests;
//   3. the tarball: the files it must hold, and none it must not;
//   4. `npm publish --dry-run`;
//   5. the JSR dry run: `deno publish --dry-run` on jsr.json, with the Deno of scripts/runtimes/versions.json,
//      installed from the npm registry into .tmp/runtimes/tools (where `npm run test:runtimes` keeps it). Once
//      Deno is installed, the dry run needs no network: it checks the sources and the slow types locally;
//   6. the npm registry: the version is not published yet (a network failure here is reported, not fatal).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { duration } from './figures.mjs';

const allowDirty = process.argv.includes('--allow-dirty');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const jsr = JSON.parse(readFileSync('jsr.json', 'utf8'));
const versions = JSON.parse(readFileSync('scripts/runtimes/versions.json', 'utf8'));
/** The environment for npm in a child: without the npm_* variables of the `npm run` that started us. */
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

const started = Date.now();
const done = [];
const notes = [];

function fail(step, message) {
  console.log(` FAILED\n${message.trimEnd()}`);
  console.log(`release:check: FAILED at ${step} after ${duration((Date.now() - started) / 1000)}`);
  process.exit(1);
}

/** Runs a command quietly; its output is returned (and shown by the caller when it fails). */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ?? ''}` };
}

async function step(name, body) {
  process.stdout.write(`${name} ...`);
  const at = Date.now();
  const said = await body((message) => fail(name, message));
  done.push(name);
  console.log(` ok, ${duration((Date.now() - at) / 1000)}${said ? `: ${said}` : ''}`);
}

await step('version', (failed) => {
  if (!allowDirty) {
    const status = run('git', ['status', '--porcelain']);
    if (!status.ok) failed(`git status failed:\n${status.output}`);
    if (status.output.trim() !== '') failed(`uncommitted changes (or run with --allow-dirty):\n${status.output}`);
  }
  if (jsr.version !== pkg.version) failed(`jsr.json says ${jsr.version}, package.json ${pkg.version}`);
  const changelog = readFileSync('CHANGELOG.md', 'utf8');
  if (!changelog.includes(`\n## [${pkg.version}]`)) failed(`CHANGELOG.md has no "## [${pkg.version}]" section`);
  if (!changelog.includes('\n## [Unreleased]')) failed('CHANGELOG.md has no "## [Unreleased]" section');
  return `${pkg.version} in package.json, jsr.json and CHANGELOG.md${allowDirty ? '' : '; the tree is committed'}`;
});

await step('npm test', (failed) => {
  const test = run(process.execPath, ['scripts/test.mjs']);
  if (!test.ok) failed(test.output);
  return test.output
    .trim()
    .split('\n')
    .at(-1)
    .replace(/^npm test: /, '');
});

await step('tarball', (failed) => {
  const pack = run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { env: npmEnv });
  if (!pack.ok) failed(pack.output);
  const [{ files, size }] = JSON.parse(pack.output.slice(pack.output.indexOf('[')));
  const paths = files.map(({ path }) => path);
  const required = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/index.js', 'dist/index.cjs'];
  required.push('dist/index.d.ts', 'dist/index.d.cts', 'dist/azure.js', 'dist/azure.cjs', 'dist/cli.js');
  required.push('dist/migrate.js', 'dist/migrate.cjs', 'dist/migrate.d.ts', 'dist/migrate.d.cts');
  // The shared chunk every entry loads (rollup.config.js).
  required.push('dist/chunks/core.js', 'dist/chunks/core.cjs');
  const missing = required.filter((path) => !paths.includes(path));
  if (missing.length > 0) failed(`the tarball lacks ${missing.join(', ')}`);
  const allowed =
    /^(dist|src|azure|migrate|docs|bench)\/|^(package\.json|README\.md|LICENSE|CHANGELOG\.md|ARCHITECTURE\.md)$/;
  const unexpected = paths.filter((path) => !allowed.test(path) || /^docs\/(figures|playground)\//.test(path));
  if (unexpected.length > 0) failed(`the tarball holds files it should not:\n  ${unexpected.join('\n  ')}`);
  return `${paths.length} files, ${(size / 1000).toFixed(0)} kB packed`;
});

await step('npm publish --dry-run', (failed) => {
  const publish = run('npm', ['publish', '--dry-run'], { env: npmEnv });
  if (!publish.ok || !publish.output.includes(`+ ${pkg.name}@${pkg.version}`)) failed(publish.output);
  return `${pkg.name}@${pkg.version}`;
});

await step('JSR dry run', (failed) => {
  const dir = join('.tmp', 'runtimes', 'tools', `deno@${versions.deno}`);
  const deno = join(dir, 'node_modules', '.bin', 'deno');
  if (!existsSync(join(dir, '.installed'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, dependencies: { deno: versions.deno } }));
    const install = run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env: npmEnv });
    if (!install.ok) {
      failed(
        `could not install deno@${versions.deno} from the npm registry into ${dir}, which the JSR dry run needs ` +
          `(once it is installed, the dry run itself works offline):\n${install.output}`,
      );
    }
    writeFileSync(join(dir, '.installed'), `${new Date().toISOString()}\n`);
  }
  const env = {
    ...process.env,
    DENO_DIR: join('.tmp', 'runtimes', 'deno-dir'),
    DENO_NO_UPDATE_CHECK: '1',
    NO_COLOR: '1',
  };
  // The sources import each other as `./x.js` (NodeNext); --sloppy-imports lets Deno find `./x.ts`, and
  // `deno publish` rewrites those specifiers in what it uploads.
  const publish = run(deno, ['publish', '--dry-run', '--allow-dirty', '--sloppy-imports'], { env });
  if (!publish.ok || !publish.output.includes('Dry run complete')) failed(publish.output);
  const files = publish.output.split('\n').filter((line) => line.trim().startsWith('file://')).length;
  return `${jsr.name}@${jsr.version}, ${files} files, no slow types (Deno ${versions.deno})`;
});

await step('npm registry', () => {
  const view = run('npm', ['view', pkg.name, 'versions', '--json'], { env: npmEnv });
  if (view.ok) {
    const published = JSON.parse(view.output);
    if ([published].flat().includes(pkg.version)) {
      fail('npm registry', `${pkg.name}@${pkg.version} is already published: raise the version`);
    }
    return `${pkg.version} is not published yet (published: ${[published].flat().join(', ')})`;
  }
  if (/E404/.test(view.output)) return `${pkg.name} is not on npm yet`;
  notes.push('the npm registry could not be asked whether this version is published');
  return `could not ask the registry (${view.output.trim().split('\n')[0]}): not checked`;
});

console.log(
  `release:check: ${pkg.name}@${pkg.version} is ready to publish (${done.length} steps passed in ` +
    `${duration((Date.now() - started) / 1000)}${notes.length > 0 ? `; note: ${notes.join('; ')}` : ''})`,
);
