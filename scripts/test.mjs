// `npm test`: every check of the repository, stage by stage, quietly. Each stage is an npm script (build, lint,
// test:package, test:unit, test:types); its output goes to .tmp/test/STAGE.log and is printed only when the
// stage fails, which stops the run. One line per stage as it ends, then one summary line with the counts of
// each stage and how long it took.
//   --verbose  show every stage's output as it runs, instead of keeping it in the logs
//   --write    when everything passed, record the durations and counts in docs/figures/npm-test.json, and
//              rewrite the figure of docs/development.md that shows them ("How long `npm test` takes")
// After the unit tests, the number of tests is compared with the one docs/development.md states (recorded by
// the last `--write`): a stale count fails the run.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { duration, machine, recordMeasurement } from './figures.mjs';

const verbose = process.argv.includes('--verbose');
const write = process.argv.includes('--write');
const measuredOn = machine();
const logs = '.tmp/test';
mkdirSync(logs, { recursive: true });

const packageJson = JSON.parse(readFileSync('package.json', 'utf8'));
const match = (log, pattern) => pattern.exec(log)?.[1];
const testDeclarations = () =>
  readdirSync('test-d', { recursive: true }).filter((file) => String(file).endsWith('.test-d.ts')).length;

/** Each stage: the npm script it runs, and what its log says it counted. */
const STAGES = [
  {
    name: 'build',
    script: 'build',
    // Every file, chunks/ included; sourcemaps aside.
    counts: () =>
      `${
        readdirSync('dist', { recursive: true, withFileTypes: true }).filter(
          (entry) => entry.isFile() && !entry.name.endsWith('.map'),
        ).length
      } files in dist/`,
  },
  {
    name: 'lint',
    script: 'lint',
    counts: (log) => {
      const projects = packageJson.scripts.lint.split('tsc -p').length - 1;
      return `prettier, ${projects} tsc projects, ${match(log, /check-api: (\d+) exports/) ?? '?'} exports documented`;
    },
  },
  {
    name: 'package',
    script: 'test:package',
    counts: (log) =>
      [
        'publint',
        'attw',
        `${match(log, /size: (\d+ entries measured, \d+ within their budgets)/) ?? 'sizes'}`,
        `consumer imports ${match(log, /imports all (\d+) exports/) ?? '?'} exports`,
        `${match(log, /check-links: (\d+) linked files/) ?? '?'} linked files in the tarball`,
      ].join(', '),
  },
  {
    name: 'unit',
    script: 'test:unit',
    counts: () => {
      const report = JSON.parse(readFileSync('.tmp/vitest-report.json', 'utf8'));
      return `${report.numPassedTests} tests in ${report.testResults.length} files`;
    },
  },
  { name: 'types', script: 'test:types', counts: () => `${testDeclarations()} files` },
];

/** Runs one npm script; resolves to its exit code, its log's text and its duration in seconds. */
function run(script, logFile) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const fd = verbose ? undefined : openSync(logFile, 'w');
    const stdio = verbose ? 'inherit' : ['ignore', fd, fd];
    const child = spawn('npm', ['run', '--silent', script], { stdio });
    child.on('close', (code) => {
      if (fd !== undefined) closeSync(fd);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({ code, log: verbose ? '' : readFileSync(logFile, 'utf8'), seconds });
    });
  });
}

/** The last `lines` lines of a log, for a failed stage. */
function tail(log, lines = 400) {
  const all = log.trimEnd().split('\n');
  return all.length <= lines
    ? all.join('\n')
    : [`... (${all.length - lines} lines above)`, ...all.slice(-lines)].join('\n');
}

const started = process.hrtime.bigint();
const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
const done = [];
for (const stage of STAGES) {
  const logFile = `${logs}/${stage.name}.log`;
  if (!verbose) process.stdout.write(`${stage.name} ...`);
  const { code, log, seconds } = await run(stage.script, logFile);
  if (code !== 0) {
    if (!verbose)
      process.stdout.write(` FAILED after ${duration(seconds)} (npm run ${stage.script})\n\n${tail(log)}\n\n`);
    console.log(
      `npm test: FAILED at ${stage.name} (npm run ${stage.script}) after ${duration(elapsed())}; log: ${logFile}`,
    );
    process.exit(1);
  }
  const counts = stage.counts(log);
  done.push({ name: stage.name, seconds: Number(seconds.toFixed(1)), counts });
  if (!verbose) process.stdout.write(` ok, ${duration(seconds)}: ${counts}\n`);

  // The count of unit tests that docs/development.md states must be this run's.
  if (stage.name === 'unit' && !write) {
    const recorded = existsSync('docs/figures/npm-test.json')
      ? JSON.parse(readFileSync('docs/figures/npm-test.json', 'utf8')).unitTests
      : undefined;
    const report = JSON.parse(readFileSync('.tmp/vitest-report.json', 'utf8'));
    if (recorded !== report.numTotalTests) {
      console.log(
        `figures: docs/development.md says ${recorded ?? 'nothing of'} unit tests, this run has ${report.numTotalTests}: ` +
          'record this run with `npm test -- --write`',
      );
      console.log(`npm test: FAILED at figures after ${duration(elapsed())}`);
      process.exit(1);
    }
  }
}

const total = elapsed();
console.log(
  `npm test: passed in ${duration(total)}: ${done.map(({ name, seconds, counts }) => `${name} ${duration(seconds)} (${counts})`).join('; ')}`,
);
if (write) {
  const report = JSON.parse(readFileSync('.tmp/vitest-report.json', 'utf8'));
  await recordMeasurement(
    'npm-test',
    {
      writtenBy: 'npm test -- --write',
      machine: measuredOn,
      seconds: Number(total.toFixed(1)),
      unitTests: report.numTotalTests,
      stages: done,
    },
    ['--write'],
  );
}
