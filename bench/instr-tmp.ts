// `npm run bench:instructions`: CPU instructions per isRunStepObject call, counted by valgrind's
// callgrind rather than timed. Wall-clock figures on a shared virtual machine vary up to 3x between
// runs; these counts, with V8's hash and random seeds fixed and its compiler on the main thread, come
// out identical run after run, so they can compare two versions of a guard.
// One baseline run (the warm-up on the whole corpus, then no call) and one run per input (the same
// warm-up, then CALLS calls on that input), about 30 s each under valgrind; the difference divided by
// CALLS is the cost of one call in optimized steady state, with mixed inputs seen, as in a real program.
// `--check bench/peers/typebox.ts` counts that module's `is` instead (a peer of `npm run bench`, bundled
// first by esbuild, so that still nothing but node runs under valgrind): on a shared machine, the one
// comparison with a peer that comes out the same every time.
// Prints the counts, and keeps them in .tmp/figures/instructions.json; `--write` records them as this check's
// column of docs/figures/instructions.json, which docs/performance.md shows (scripts/figures.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { build } from 'esbuild';
import { machine, recordMeasurement } from '../scripts/figures.mjs';
import { corpus } from './corpus.js';

const measuredOn = machine();
const started = performance.now();

const CALLS = 800_000;
// `--only 0,4` counts only those inputs of the corpus (by index), for a quicker comparison.
const onlyFlag = process.argv.indexOf('--only');
const only = onlyFlag === -1 ? undefined : new Set(process.argv[onlyFlag + 1]?.split(',').map(Number));
// `--dist path/to/index.js` counts another build (e.g. one of the previous commit) instead of dist/.
const distFlag = process.argv.indexOf('--dist');
const dist =
  distFlag === -1 ? '../dist/index.js' : new URL(process.argv[distFlag + 1] ?? '', `file://${process.cwd()}/`).href;
const checkFlag = process.argv.indexOf('--check');
const check = checkFlag === -1 ? undefined : process.argv[checkFlag + 1];
const corpusFile = new URL('../.tmp/bench-corpus.json', import.meta.url).pathname;
const child = new URL('./count.mjs', import.meta.url).pathname;
// The module the child imports, and the name of the check in it; one bundle per peer, so that two
// counts can run at once.
let module = dist;
let exported = 'isRunStepObject';
if (check !== undefined) {
  module = new URL(`../.tmp/bench-check-${check.replace(/[^\w.-]+/g, '_')}.mjs`, import.meta.url).href;
  exported = 'is';
  const stdin = {
    contents: `export { is } from '${resolve(check)}';`,
    resolveDir: process.cwd(),
    loader: 'ts' as const,
  };
  await build({
    stdin,
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: new URL(module).pathname,
    logLevel: 'error',
  });
}

if (process.argv.includes('--write') && (only !== undefined || distFlag !== -1)) {
  console.error('bench:instructions: --write records whole runs of dist/ only (without --only and --dist)');
  process.exit(2);
}
if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('bench:instructions needs valgrind (on Debian: apt-get install valgrind)');
  process.exit(2);
}
mkdirSync(new URL('../.tmp/', import.meta.url), { recursive: true });
writeFileSync(corpusFile, JSON.stringify(corpus.map(({ value }) => value)));

/** The instructions valgrind counts for one run of the child. */
function count(index: number, calls: number): number {
  const args = [
    '--tool=callgrind',
    '--callgrind-out-file=/dev/null',
    process.execPath,
    '--single-threaded',
    '--hash-seed=1',
    '--random-seed=1',
  ];
  const run = spawnSync('valgrind', [...args, child, corpusFile, String(index), String(calls), module, exported], {
    encoding: 'utf8',
  });
  const collected = /Collected : (\d+)/.exec(run.stderr);
  if (run.status !== 0 || collected === null) throw new Error(`valgrind run failed:\n${run.stderr}`);
  return Number(collected[1]);
}

console.error(`counting: a baseline and ${only?.size ?? corpus.length} inputs, about 30 s each under valgrind`);
const baseline = count(0, 0);
console.log(
  `${check === undefined ? 'isRunStepObject' : `${check}'s is`}, instructions per call (valgrind callgrind, node ${process.version}, ${CALLS} calls, ${check ?? (dist === '../dist/index.js' ? 'dist/' : dist)})`,
);
const counts: Record<string, number> = {};
for (const [index, { name }] of corpus.entries()) {
  if (only !== undefined && !only.has(index)) continue;
  const perCall = (count(index, CALLS) - baseline) / CALLS;
  counts[name] = Math.round(perCall);
  console.log(`${name.padEnd(45)} ${perCall.toFixed(0).padStart(6)}`);
}

// This check's column, beside the columns recorded before for the other checks (one per check).
const label =
  check === undefined
    ? 'isRunStepObject'
    : basename(check).replace(/\.\w+$/, '') === 'is'
      ? basename(dirname(check))
      : basename(check).replace(/\.\w+$/, '');
const column = {
  label,
  command: `npm run bench:instructions -- ${check === undefined ? '' : `--check ${check} `}--write`,
  calls: CALLS,
  seconds: Math.round((performance.now() - started) / 1000),
  machine: measuredOn,
  loadAfter: machine().load,
  counts,
};
const tracked = new URL('../docs/figures/instructions.json', import.meta.url);
const before: { columns: (typeof column)[] } = existsSync(tracked)
  ? JSON.parse(readFileSync(tracked, 'utf8'))
  : { columns: [] };
const columns = before.columns.some((c) => c.label === label)
  ? before.columns.map((c) => (c.label === label ? column : c))
  : [...before.columns, column];
columns.sort((a, b) => Number(b.label === 'isRunStepObject') - Number(a.label === 'isRunStepObject'));
await recordMeasurement('instructions', {
  writtenBy: 'npm run bench:instructions -- --write',
  machine: measuredOn,
  columns,
});
