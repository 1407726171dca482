// `npm run test:runtimes`: the packed package, installed as a user installs it, on every runtime it claims.
//
// 1. `npm pack`s the built package (the npm script builds first) into .tmp/runtimes/pack.
// 2. Installs the runtimes and compilers pinned in versions.json from the npm registry, each into its own
//    folder under .tmp/runtimes/tools, once: a rerun reuses them. Chromium is Debian's (/usr/bin/chromium,
//    or $CHROMIUM), which .ci/run installs when it is missing.
// 3. Makes throwaway consumer projects under .tmp/runtimes/consumers, each with the tarball installed, and
//    runs the same smoke program (smoke.mjs) on Node 18, 20, 22 and 24 (import and require, and once with
//    --disallow-code-generation-from-strings), Bun, Deno, workerd (Miniflare) and headless Chromium; and the
//    package's bin (the CLI) on each Node version.
// 4. Compiles test/consumer/consumer.ts against the tarball with every TypeScript version in versions.json,
//    under moduleResolution bundler and nodenext (ESM and CommonJS).
// 5. Runs `deno check` on a copy of src/, both entries (ES2020 library only, so no Node or Deno types) and
//    `deno publish --dry-run` on it (no slow types).
// Prints a table (runtime, version, mode, result); any failed row fails the run and is named with its reason.
// `node scripts/runtimes/run.mjs --only node,deno` runs only the rows whose runtime is listed.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { CHROMIUM, CHROMIUM_FLAGS } from '../chromium.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORK = join(ROOT, '.tmp', 'runtimes');
const versions = JSON.parse(readFileSync(join(HERE, 'versions.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
// A recorded stream event whose data is a completed tool_calls step with a function call (see smoke.mjs).
const FIXTURE = 'test/fixtures/wire/22__simple-openai_sse_step-completed_function-output-set.json';
// The Worker's compatibility date: any date up to the pinned workerd's release will do.
const WORKERD_COMPATIBILITY_DATE = '2026-01-01';
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : null;

/** Runs a command; never rejects. Output is collected; past `timeout` ms the process is killed. */
function run(command, args, { cwd = ROOT, env = process.env, timeout = 120_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout, stderr: `${stderr}${error.message}`, timedOut: false });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr, timedOut: signal === 'SIGKILL' });
    });
  });
}

/** The environment without the npm_* variables of the `npm run` that started us, for a nested npm. */
function npmEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

async function npmInstall(dir, what) {
  const result = await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    env: npmEnv(),
    timeout: 600_000,
  });
  if (result.code !== 0) throw new Error(`npm install of ${what} failed:\n${result.stderr.trim()}`);
}

// At most this many npm installs at once: they are mostly waiting on the registry.
const installSlots = { free: 3, waiting: [] };
async function inSlot(task) {
  if (installSlots.free === 0) await new Promise((resolve) => installSlots.waiting.push(resolve));
  else installSlots.free--;
  try {
    return await task();
  } finally {
    const next = installSlots.waiting.shift();
    if (next) next();
    else installSlots.free++;
  }
}

const tools = new Map();
/** The folder holding `name@version` from the npm registry: installed once, reused by later runs. */
function tool(name, version) {
  const key = `${name}@${version}`;
  if (!tools.has(key)) {
    const dir = join(WORK, 'tools', key.replace('/', '+'));
    const done = join(dir, '.installed');
    const install = existsSync(done)
      ? Promise.resolve(dir)
      : inSlot(async () => {
          rmSync(dir, { recursive: true, force: true });
          mkdirSync(dir, { recursive: true });
          writeFileSync(
            join(dir, 'package.json'),
            JSON.stringify({ private: true, dependencies: { [name]: version } }),
          );
          await npmInstall(dir, key);
          writeFileSync(done, `${new Date().toISOString()}\n`);
          return dir;
        });
    install.catch(() => {}); // each row that needs the tool reports the failure itself
    tools.set(key, install);
  }
  return tools.get(key);
}

/** `npm pack` into .tmp/runtimes/pack: the tarball's absolute path. */
async function pack() {
  const dir = join(WORK, 'pack');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const result = await run('npm', ['pack', '--json', '--pack-destination', dir], { env: npmEnv() });
  if (result.code !== 0) throw new Error(`npm pack failed:\n${result.stderr}`);
  return join(dir, JSON.parse(result.stdout)[0].filename);
}

/** A fresh consumer project with the tarball installed and `files` (from this folder) copied in. */
async function consumer(name, tarball, files) {
  const dir = join(WORK, 'consumers', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const dependencies = { [manifest.name]: `file:${tarball}` };
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: `consumer-${name}`, private: true, type: 'module', dependencies }),
  );
  // Not in an install slot: a local tarball without dependencies installs at once, and the rows wait on it.
  await npmInstall(dir, `${tarball} into consumers/${name}`);
  for (const file of files) copyFileSync(join(HERE, file), join(dir, file));
  const event = JSON.parse(readFileSync(join(ROOT, FIXTURE), 'utf8'));
  writeFileSync(
    join(dir, 'payload.mjs'),
    `// ${FIXTURE}: the event's data.\nexport default ${JSON.stringify(event.data, null, 2)};\n`,
  );
  return dir;
}

/**
 * The file the package's `exports` give for these conditions, tried in the map's own order, as Node and
 * bundlers do: what a Worker bundler ('workerd', 'worker', 'browser', 'import') or a browser would load.
 */
function exportedFile(conditions, subpath = '.') {
  let target = manifest.exports[subpath];
  while (typeof target === 'object') {
    const key = Object.keys(target).find((condition) => condition === 'default' || conditions.includes(condition));
    if (key === undefined) throw new Error(`no export of '${subpath}' for ${conditions.join(', ')}`);
    target = target[key];
  }
  return target.replace(/^\.\//, '');
}

/** The smoke program's result from a runtime's output, or an error naming what went wrong. */
function parseSmoke({ code, stdout, stderr, timedOut }) {
  const line = stdout.split('\n').find((text) => text.startsWith('SMOKE '));
  if (timedOut) throw new Error('timed out');
  if (line === undefined) throw new Error(`no result (exit code ${code}): ${(stderr || stdout).trim().slice(0, 2000)}`);
  if (code !== 0) throw new Error(`exit code ${code}: ${stderr.trim().slice(0, 2000)}`);
  return JSON.parse(line.slice('SMOKE '.length));
}

/** What is wrong with a smoke result, given what the row expected; [] when nothing. */
function judge(result, expected) {
  const problems = [];
  if (result.runtime.name !== expected.runtime) {
    problems.push(`ran on ${result.runtime.name}, not ${expected.runtime}`);
  }
  if (expected.version !== undefined && result.runtime.version !== expected.version) {
    problems.push(`runtime says version ${result.runtime.version}, expected ${expected.version}`);
  }
  if (
    expected.resolved !== undefined &&
    result.resolved !== undefined &&
    !result.resolved.endsWith(expected.resolved)
  ) {
    problems.push(`loaded ${result.resolved}, expected …${expected.resolved}`);
  }
  if (expected.codeGeneration !== undefined && result.codeGeneration !== expected.codeGeneration) {
    problems.push(`code generation from strings is ${result.codeGeneration} here, expected ${expected.codeGeneration}`);
  }
  if (result.checks.length === 0) problems.push('no checks ran');
  for (const check of result.checks) {
    if (!check.ok) problems.push(`${check.name}: ${check.detail}`);
  }
  return problems;
}

/** The rows: each has runtime, mode, and `execute()` resolving to { version, problems, notes }. */
function plan(tarball) {
  const rows = [];
  const smokeFiles = ['smoke.mjs', 'entry.mjs', 'entry.cjs'];
  const consumers = new Map();
  const project = (name, files) => {
    if (!consumers.has(name))
      consumers.set(
        name,
        tarball.then((file) => consumer(name, file, files)),
      );
    return consumers.get(name);
  };
  const smokeRow = (runtime, mode, needs, execute) => {
    rows.push({
      runtime,
      mode,
      needs,
      execute: async () => {
        const { result, expected, version } = await execute();
        const skipped = result.checks.filter((check) => check.skipped).map((check) => `${check.name} skipped`);
        return { version: version ?? result.runtime.version, problems: judge(result, expected), notes: skipped };
      },
    });
  };

  const nodeEntries = {
    import: { file: 'entry.mjs', resolved: exportedFile(['node', 'import']) },
    require: { file: 'entry.cjs', resolved: exportedFile(['node', 'require']) },
  };
  for (const version of versions.node) {
    const variants = [
      ['import', []],
      ['require', []],
    ];
    // One run with eval and new Function turned off, as workerd and strict CSPs have them.
    if (version === versions.node[0]) variants.push(['import', ['--disallow-code-generation-from-strings']]);
    for (const [mode, flags] of variants) {
      const entry = nodeEntries[mode];
      smokeRow('node', [mode, ...flags].join(' '), [['node', version]], async () => {
        const [dir, cwd] = await Promise.all([tool('node', version), project('node', smokeFiles)]);
        const output = await run(join(dir, 'node_modules', '.bin', 'node'), [...flags, entry.file], { cwd });
        const expected = { runtime: 'node', version, resolved: entry.resolved };
        if (flags.length > 0) expected.codeGeneration = 'blocked';
        return { result: parseSmoke(output), expected };
      });
    }
  }

  // The CLI, the package's bin (Node only), as npm installed it: a recorded stream event, then a broken line.
  for (const version of versions.node) {
    rows.push({
      runtime: 'node',
      mode: 'bin: check',
      needs: [['node', version]],
      execute: async () => {
        const [dir, cwd] = await Promise.all([tool('node', version), project('node', smokeFiles)]);
        const input = `steps-${version}.ndjson`;
        writeFileSync(
          join(cwd, input),
          `${JSON.stringify(JSON.parse(readFileSync(join(ROOT, FIXTURE), 'utf8')))}\n{"id":\n`,
        );
        const bin = join(cwd, 'node_modules', '.bin', manifest.name);
        const { code, stdout, stderr } = await run(join(dir, 'node_modules', '.bin', 'node'), [bin, 'check', input], {
          cwd,
        });
        const problems = [];
        if (code !== 1) problems.push(`exit code ${code}, expected 1: ${stderr.trim().slice(0, 2000)}`);
        if (!stdout.includes(`${input}:2: malformed: broken NDJSON line`))
          problems.push('the broken line is not reported');
        if (!stdout.includes('1 object in 1 input: 1 valid, 0 invalid, 1 malformed')) {
          problems.push(`unexpected summary: ${stdout.trim().slice(-300)}`);
        }
        return { version, problems, notes: [] };
      },
    });
  }

  for (const [mode, entry] of Object.entries(nodeEntries)) {
    smokeRow('bun', mode, [['bun', versions.bun]], async () => {
      const [dir, cwd] = await Promise.all([tool('bun', versions.bun), project('bun', smokeFiles)]);
      const output = await run(join(dir, 'node_modules', '.bin', 'bun'), ['--no-install', entry.file], { cwd });
      const expected = { runtime: 'bun', version: versions.bun, resolved: entry.resolved };
      return { result: parseSmoke(output), expected };
    });
  }

  smokeRow('deno', 'import', [['deno', versions.deno]], async () => {
    const [dir, cwd] = await Promise.all([tool('deno', versions.deno), project('deno', smokeFiles)]);
    const output = await run(
      join(dir, 'node_modules', '.bin', 'deno'),
      ['run', '--no-prompt', '--no-remote', '--no-lock', 'entry.mjs'],
      { cwd, env: denoEnv() },
    );
    const expected = { runtime: 'deno', version: versions.deno, resolved: exportedFile(['deno', 'node', 'import']) };
    return { result: parseSmoke(output), expected };
  });

  // Miniflare needs Node 22 or later: the newest pinned Node runs it.
  const miniflareNode = versions.node.at(-1);
  const miniflareNeeds = [
    ['node', miniflareNode],
    ['miniflare', versions.miniflare],
  ];
  smokeRow('workerd', 'import, via Miniflare', miniflareNeeds, async () => {
    const [nodeDir, miniflareDir, cwd] = await Promise.all([
      tool('node', miniflareNode),
      tool('miniflare', versions.miniflare),
      project('workerd', ['smoke.mjs', 'worker.mjs']),
    ]);
    const workerConditions = ['workerd', 'worker', 'browser', 'import'];
    const packageFile = join(cwd, 'node_modules', manifest.name, exportedFile(workerConditions));
    const azureFile = join(cwd, 'node_modules', manifest.name, exportedFile(workerConditions, './azure'));
    const output = await run(
      join(nodeDir, 'node_modules', '.bin', 'node'),
      [join(HERE, 'workerd-host.mjs'), miniflareDir, cwd, packageFile, WORKERD_COMPATIBILITY_DATE, azureFile],
      { cwd },
    );
    const workerd = JSON.parse(readFileSync(join(miniflareDir, 'node_modules', 'workerd', 'package.json'), 'utf8'));
    const expected = { runtime: 'workerd', codeGeneration: 'blocked' };
    return { result: parseSmoke(output), expected, version: workerd.version };
  });

  const playwright = ['playwright-core', versions['playwright-core']];
  smokeRow('chromium', 'import, ESM from a localhost page', [playwright], async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (as .ci/run does), or set CHROMIUM`);
    }
    const [dir, cwd] = await Promise.all([
      tool(...playwright),
      project('chromium', ['smoke.mjs', 'browser.mjs', 'index.html']),
    ]);
    const importPath = `/node_modules/${manifest.name}/${exportedFile(['browser', 'import'])}`;
    const azurePath = `/node_modules/${manifest.name}/${exportedFile(['browser', 'import'], './azure')}`;
    const { result, version } = await inChromium(dir, cwd, importPath, azurePath);
    const expected = { runtime: 'chromium', resolved: importPath, codeGeneration: 'blocked' };
    return { result, version, expected };
  });

  const typescriptFiles = async () => {
    const cwd = await project('typescript', []);
    copyFileSync(join(ROOT, 'test', 'consumer', 'consumer.ts'), join(cwd, 'consumer.ts'));
    // The same code as CommonJS: under nodenext, a .cts file imports the package through `require`.
    copyFileSync(join(ROOT, 'test', 'consumer', 'consumer.ts'), join(cwd, 'consumer.cts'));
    copyFileSync(join(ROOT, 'test', 'consumer', 'tsconfig.json'), join(cwd, 'tsconfig.base.json'));
    writeFileSync(join(cwd, 'tsconfig.bundler.json'), JSON.stringify({ extends: './tsconfig.base.json' }));
    writeFileSync(
      join(cwd, 'tsconfig.nodenext.json'),
      JSON.stringify({
        extends: './tsconfig.base.json',
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' },
        files: ['consumer.ts', 'consumer.cts'],
      }),
    );
    return cwd;
  };
  let typescriptProject;
  for (const version of versions.typescript) {
    for (const [resolution, mode] of [
      ['bundler', 'moduleResolution bundler'],
      ['nodenext', 'nodenext, ESM and CommonJS'],
    ]) {
      rows.push({
        runtime: 'typescript',
        mode,
        needs: [['typescript', version]],
        execute: async () => {
          typescriptProject ??= typescriptFiles();
          const [dir, cwd] = await Promise.all([tool('typescript', version), typescriptProject]);
          const tsc = join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
          const said = (await run(process.execPath, [tsc, '--version'], { cwd })).stdout.trim();
          const output = await run(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`], { cwd });
          const problems = said === `Version ${version}` ? [] : [`tsc --version says ${said}`];
          if (output.code !== 0) problems.push(`does not compile:\n${(output.stdout + output.stderr).trim()}`);
          return { version, problems, notes: [] };
        },
      });
    }
  }

  // src/ is compiled against this library alone, as tsconfig.json says: no Deno, DOM or Node types.
  const { config } = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const lib = config.compilerOptions.lib.map((name) => name.toLowerCase());
  const denoCheck = async () => {
    const dir = join(WORK, 'deno-check');
    rmSync(dir, { recursive: true, force: true });
    cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
    const deno = { name: `@check/${manifest.name}`, version: manifest.version, license: manifest.license };
    writeFileSync(
      join(dir, 'deno.json'),
      JSON.stringify({
        ...deno,
        exports: { '.': './src/index.ts', './azure': './src/azure/index.ts' },
        compilerOptions: { lib },
      }),
    );
    return dir;
  };
  let denoProject;
  for (const [mode, args] of [
    [
      `check src/index.ts and src/azure/index.ts, lib ${lib.join(', ')} only`,
      ['check', '--sloppy-imports', 'src/index.ts', 'src/azure/index.ts'],
    ],
    ['publish --dry-run: no slow types', ['publish', '--dry-run', '--allow-dirty', '--sloppy-imports']],
  ]) {
    rows.push({
      runtime: 'deno',
      mode,
      needs: [['deno', versions.deno]],
      execute: async () => {
        denoProject ??= denoCheck();
        const [dir, cwd] = await Promise.all([tool('deno', versions.deno), denoProject]);
        const output = await run(join(dir, 'node_modules', '.bin', 'deno'), args, { cwd, env: denoEnv() });
        const problems = output.code === 0 ? [] : [`failed:\n${(output.stdout + output.stderr).trim()}`];
        return { version: versions.deno, problems, notes: [] };
      },
    });
  }
  return rows;
}

function denoEnv() {
  return { ...process.env, DENO_DIR: join(WORK, 'deno-dir'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };
}

const CONTENT_TYPES = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript' };

/** Serves `root` on 127.0.0.1, loads its index.html in headless Chromium: the smoke result and the version. */
async function inChromium(playwrightDir, root, importPath, azurePath) {
  const nonce = randomUUID();
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file = join(root, path === '/' ? 'index.html' : path);
    if (!file.startsWith(root + sep) || !existsSync(file) || !(extname(file) in CONTENT_TYPES)) {
      response.writeHead(404).end();
      return;
    }
    let body = readFileSync(file);
    const headers = { 'content-type': CONTENT_TYPES[extname(file)], 'cache-control': 'no-store' };
    if (extname(file) === '.html') {
      body = String(body)
        .replaceAll('NONCE', nonce)
        .replace('IMPORT_PATH', importPath)
        .replace('AZURE_PATH', azurePath);
      headers['content-security-policy'] = `default-src 'self'; script-src 'self' 'nonce-${nonce}'`;
    }
    response.writeHead(200, headers).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { chromium } = createRequire(join(playwrightDir, 'package.json'))('playwright-core');
  const profile = join(WORK, 'chromium-profile');
  rmSync(profile, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    timeout: 60_000,
  });
  const errors = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} for ${response.url()}`);
    });
    page.on('console', (message) => {
      // The smoke program's own probe of `new Function` is expected to be refused by the CSP; failed loads
      // are reported with their address above.
      const text = message.text();
      if (message.type() === 'error' && !/unsafe-eval|Failed to load resource/.test(text)) errors.push(text);
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForSelector('#result[data-done]', { state: 'attached', timeout: 30_000 });
    if (errors.length > 0) throw new Error(`errors in the page: ${errors.join('; ')}`);
    // The user agent string says only 156.0.0.0; the browser itself tells its full version.
    const { product } = await (await context.newCDPSession(page)).send('Browser.getVersion');
    return { result: JSON.parse(await page.textContent('#result')), version: product.split('/')[1] };
  } catch (error) {
    throw new Error(`${error.message}${errors.length > 0 ? ` (page: ${errors.join('; ')})` : ''}`);
  } finally {
    await context.close();
    server.close();
  }
}

const started = Date.now();
const tarball = pack();
tarball.catch(() => {});
const rows = plan(tarball).filter((row) => only === null || only.includes(row.runtime));
// Start every install now (a few at a time), then run the rows one by one while the rest install.
for (const row of rows) for (const [name, version] of row.needs) tool(name, version);
const outcomes = rows.map(() => null);
for (const [index, row] of rows.entries()) {
  const began = Date.now();
  try {
    outcomes[index] = await row.execute();
  } catch (error) {
    outcomes[index] = { version: '', problems: [error.message], notes: [] };
  }
  const { problems } = outcomes[index];
  console.log(`${problems.length === 0 ? 'pass' : 'FAIL'}  ${row.runtime} ${row.mode} (${Date.now() - began} ms)`);
}

const table = rows.map((row, index) => {
  const { version, problems, notes } = outcomes[index];
  const result = problems.length === 0 ? 'pass' : 'FAIL';
  return [row.runtime, version ?? '', row.mode, notes.length > 0 ? `${result} (${notes.join(', ')})` : result];
});
const header = ['runtime', 'version', 'mode', 'result'];
const widths = header.map((title, column) => Math.max(title.length, ...table.map((cells) => cells[column].length)));
const line = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
console.log(`\n${line(header)}\n${line(widths.map((width) => '-'.repeat(width)))}`);
for (const cells of table) console.log(line(cells));

const failed = rows.filter((row, index) => outcomes[index].problems.length > 0);
for (const row of failed) {
  const { problems } = outcomes[rows.indexOf(row)];
  console.error(
    `\nFAILED: ${row.runtime} ${outcomes[rows.indexOf(row)].version} ${row.mode}\n  ${problems.join('\n  ')}`,
  );
}
mkdirSync(WORK, { recursive: true });
writeFileSync(
  join(WORK, 'report.json'),
  JSON.stringify(
    rows.map((row, index) => ({ runtime: row.runtime, mode: row.mode, ...outcomes[index] })),
    null,
    2,
  ),
);
const seconds = Math.round((Date.now() - started) / 1000);
console.log(`\nruntimes: ${rows.length - failed.length} passed, ${failed.length} failed (${seconds} s)`);
if (failed.length > 0) process.exit(1);
