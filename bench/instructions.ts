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
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { corpus } from './corpus.js';

const CALLS = 200_000;
// `--only 0,4` counts only those inputs of the corpus (by index), for a quicker comparison.
const onlyFlag = process.argv.indexOf('--only');
const only = onlyFlag === -1 ? undefined : new Set(process.argv[onlyFlag + 1]?.split(',').map(Number));
const corpusFile = new URL('../.tmp/bench-corpus.json', import.meta.url).pathname;
const child = new URL('./count.mjs', import.meta.url).pathname;
const checkFlag = process.argv.indexOf('--check');
const checkModule = checkFlag === -1 ? undefined : process.argv[checkFlag + 1];
// One file per check, so that two counts can run at once.
const checkName = (checkModule ?? 'isRunStepObject').replace(/[^\w.-]+/g, '_');
const checkFile = new URL(`../.tmp/bench-check-${checkName}.mjs`, import.meta.url).pathname;

if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('bench:instructions needs valgrind (on Debian: apt-get install valgrind)');
  process.exit(2);
}
mkdirSync(new URL('../.tmp/', import.meta.url), { recursive: true });
writeFileSync(corpusFile, JSON.stringify(corpus.map(({ value }) => value)));
const checked = checkModule === undefined ? 'isRunStepObject' : `${checkModule}'s is`;
if (checkModule === undefined) {
  writeFileSync(checkFile, "export { isRunStepObject as check } from '../dist/index.js';\n");
} else {
  const contents = `export { is as check } from '${resolve(checkModule)}';`;
  const stdin = { contents, resolveDir: process.cwd(), loader: 'ts' as const };
  await build({ stdin, bundle: true, format: 'esm', platform: 'node', outfile: checkFile, logLevel: 'error' });
}

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
  const childArgs = [child, checkFile, corpusFile, String(index), String(calls)];
  const run = spawnSync('valgrind', [...args, ...childArgs], { encoding: 'utf8' });
  const collected = /Collected : (\d+)/.exec(run.stderr);
  if (run.status !== 0 || collected === null) throw new Error(`valgrind run failed:\n${run.stderr}`);
  return Number(collected[1]);
}

console.error(`counting: a baseline and ${only?.size ?? corpus.length} inputs, about 30 s each under valgrind`);
const baseline = count(0, 0);
console.log(`${checked}, instructions per call (valgrind callgrind, node ${process.version}, ${CALLS} calls)`);
for (const [index, { name }] of corpus.entries()) {
  if (only !== undefined && !only.has(index)) continue;
  const perCall = (count(index, CALLS) - baseline) / CALLS;
  console.log(`${name.padEnd(45)} ${perCall.toFixed(0).padStart(6)}`);
}
