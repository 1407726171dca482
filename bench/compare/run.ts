// `npm run bench`: the gate (gate.ts), then isRunStepObject against every peer on the corpus (corpus.ts),
// timed with mitata, then the diagnostics and the bundle sizes; writes bench/results.json, and from it
// bench/RESULTS.md and bench/results.svg (report.ts). `-- --quick`: one short round, for trying it out.
// Without `-- --write`, the three files go to .tmp/bench/ instead, and the tracked ones stay as they were.
//
// Timing on a shared 2-core virtual machine: other work only ever adds time, and adds it unevenly. So
// each figure is measured in ROUNDS short windows spread over the run (each round times every input on
// every validator, in a rotated order), each window gives its median time per call, and the figure kept
// is the best of those medians; the spread of the medians is kept too, as a measure of the noise.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { measure } from 'mitata';
import { corpus } from '../corpus.js';
import { EXPECTED, runGate } from './gate.js';
import { type Peer, peers, self, versionOf } from './peers.js';
import { type Results, type Timing, writeReport } from './report.js';
import { bundleSize } from './sizes.js';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 1 : 5;
/** Nanoseconds of calls per window (mitata's `min_cpu_time`). */
const WINDOW = quick ? 30e6 : 120e6;
const WARM_UP_ROUNDS = quick ? 1_000 : 10_000;

/** Kept alive: every answer is added here, and the total printed, so no engine can drop a call. */
let sink = 0;

const { results: gated, ok } = runGate();
if (!ok) {
  console.log('\nThe gate did not come out as bench/compare/gate.ts expects: fix that before timing.');
  process.exit(1);
}
const comparable = new Map(gated.map(({ peer, misses }) => [peer.name, misses.length === 0]));
const all: Peer[] = [self, ...peers];

// Warm up each validator on the whole corpus first, as a check in a real program sees mixed inputs: the
// engine optimizes once for all shapes, and no figure depends on which input happened to come first.
for (const { is } of all) {
  for (let round = 0; round < WARM_UP_ROUNDS; round++) for (const { value } of corpus) sink += is(value) ? 1 : 0;
}
const validators = all.filter((peer) => peer.validate !== undefined);
for (const { validate } of validators) {
  for (let round = 0; round < WARM_UP_ROUNDS / 10; round++) {
    for (const { value } of corpus) sink += validate!(value) === undefined ? 0 : 1;
  }
}

/** Median nanoseconds per call of `fn`, over one window. */
async function medianOfWindow(fn: () => void): Promise<number> {
  return (await measure(fn, { min_cpu_time: WINDOW })).p50;
}

/** Times `check` for every validator on every input, ROUNDS times; the figure per pair is the best median. */
async function timeAll(
  inputs: typeof corpus,
  checks: Peer[],
  call: (peer: Peer) => (value: unknown) => unknown,
): Promise<Timing[]> {
  const medians = inputs.map(() => checks.map((): number[] => []));
  for (let round = 0; round < ROUNDS; round++) {
    process.stdout.write(`  round ${round + 1}/${ROUNDS}\n`);
    for (const [inputIndex, { value }] of inputs.entries()) {
      for (let offset = 0; offset < checks.length; offset++) {
        const index = (offset + round + inputIndex) % checks.length;
        const check = call(checks[index]!);
        medians[inputIndex]![index]!.push(await medianOfWindow(() => void (sink += check(value) ? 1 : 0)));
      }
    }
  }
  return inputs.map(({ name, valid }, inputIndex) => ({
    input: name,
    valid,
    results: checks.map((peer, index) => {
      const ns = medians[inputIndex]![index]!;
      return { name: peer.name, ns: Math.min(...ns), worstNs: Math.max(...ns), comparable: comparable.get(peer.name)! };
    }),
  }));
}

console.log(`\nTiming the boolean checks: ${ROUNDS} round(s) of ${corpus.length} inputs × ${all.length} validators`);
const timings = await timeAll(corpus, all, (peer) => peer.is);

const invalid = corpus.filter(({ valid }) => !valid);
console.log(`\nTiming the diagnostics on invalid input: ${validators.map(({ name }) => name).join(', ')}`);
const diagnostics = await timeAll(invalid, validators, (peer) => peer.validate!);

console.log('\nBundle sizes');
const sizes: { name: string; module: string; minified: number; gzipped: number }[] = [];
for (const peer of all) sizes.push({ name: peer.name, module: peer.module, ...(await bundleSize(peer)) });

/** The CPU's model name and count, from lscpu where there is one. */
function machine(): { cpu: string; cores: number } {
  try {
    const lscpu = execFileSync('lscpu', { encoding: 'utf8' });
    const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(lscpu)?.[1]?.trim();
    return { cpu: field('Model name') ?? cpus()[0]!.model, cores: Number(field('CPU\\(s\\)') ?? cpus().length) };
  } catch {
    return { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length };
  }
}

const results: Results = {
  date: new Date().toISOString().slice(0, 10),
  machine: machine(),
  runtime: `Node ${process.version} (V8 ${process.versions.v8})`,
  method: { rounds: ROUNDS, windowMs: WINDOW / 1e6, quick },
  versions: Object.fromEntries([...new Set(all.map((peer) => peer.package))].map((name) => [name, versionOf(name)])),
  peers: all.map(({ name, package: pkg, how, validateCall }) => ({ name, package: pkg, how, validateCall })),
  gate: gated.map(({ peer, valid, corrupt, misses }) => ({
    name: peer.name,
    valid,
    corrupt,
    misses: misses.length,
    ...(misses.length === 0 ? {} : { reason: EXPECTED.get(peer.name) ?? 'unexpected' }),
  })),
  timings,
  diagnostics,
  sizes,
};

const folder = process.argv.includes('--write')
  ? new URL('../', import.meta.url)
  : new URL('../../.tmp/bench/', import.meta.url);
mkdirSync(folder, { recursive: true });
writeFileSync(new URL('results.json', folder), `${JSON.stringify(results, null, 2)}\n`);
writeReport(results, folder);
const where = process.argv.includes('--write') ? 'bench/' : '.tmp/bench/ (`-- --write` to update bench/)';
console.log(`\nWrote results.json, RESULTS.md and results.svg into ${where} (sink: ${sink})`);
