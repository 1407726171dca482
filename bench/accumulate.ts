// `npm run bench:stream`: how fast the built accumulator (dist/, what users import) rebuilds run steps from
// a recorded stream, next to the official SDK's `AssistantStream` on the same events. Not a test: the
// figures depend on the machine, and this 2-core virtual machine's timings vary from run to run.
//
// The stream is test/fixtures/streams/simple-openai__threads_runs_create_both_stream.jsonl: 202 events of
// one run, 186 of them `thread.run.step.delta` (two code interpreter calls: 185 input fragments, a logs
// output, an image output). Throughput is deltas per second: 186 deltas over the time one pass over the
// whole stream takes (its other events included, as a client meets them). Three comparisons:
//   1. from JSON lines to final snapshots: each side parses the lines (the SDK in `fromReadableStream`,
//      ours with `JSON.parse`), then accumulates. What a client pays end to end.
//   2. from parsed events: `createRunStepAccumulator().push` (which checks every event with the guards,
//      then merges into new objects), against the SDK's merge alone, `AssistantStream.accumulateDelta`
//      (no checks, merging in place), on the first step's deltas; the copies it needs (it writes into its
//      inputs) are timed apart and taken off.
//   3. `applyRunStepDelta` chained over the deltas: it also checks the whole snapshot at every call.
//   4. an Azure stream through `createRunStepAccumulator({guard: isAzureRunStepObject})`: the Azure steps
//      recorded in test/fixtures/azure/ (and the recorded completed azure_ai_search event), each assembled
//      into a whole stream as test/support/azure-stream.ts does (a created event, first chunks as the
//      recordings show them, fragments of every string, the recorded step as the completed event); no SDK
//      accumulates Azure's kinds, so this row has ours alone, beside row 2's OpenAI stream.
// Prints the figures, and keeps them in .tmp/figures/stream.json; `--write` records them in
// docs/figures/stream.json, which docs/performance.md shows (scripts/figures.mjs).
import { readFileSync } from 'node:fs';
import { bench, do_not_optimize, run } from 'mitata';
import { AssistantStream } from 'openai/lib/AssistantStream';
import { applyRunStepDelta, createRunStepAccumulator, isRunStepObject } from '../dist/index.js';
import { isAzureRunStepObject } from '../dist/azure.js';
import { azureSteps } from '../test/support/azure.js';
import { assembleStream, azureStreamEvents } from '../test/support/azure-stream.js';
import { machine, recordMeasurement } from '../scripts/figures.mjs';

const measuredOn = machine();
const started = performance.now();
const STREAM = 'test/fixtures/streams/simple-openai__threads_runs_create_both_stream.jsonl';
const file = new URL(`../${STREAM}`, import.meta.url);
const text = readFileSync(file, 'utf8');
const lines = text.split('\n').filter((line) => line !== '');
const events = lines.map((line) => JSON.parse(line));
const deltaEvents = events.filter((event) => event.event === 'thread.run.step.delta');
const DELTAS = deltaEvents.length;
const bytes = new TextEncoder().encode(text);

/** The first step's created snapshot and its deltas, for the merge-only comparisons. */
const firstStep = events.find((event) => event.event === 'thread.run.step.created').data;
const firstDeltas = deltaEvents.filter((event) => event.data.id === firstStep.id).map((event) => event.data);

function sdkStream(): AssistantStream {
  return AssistantStream.fromReadableStream(
    new ReadableStream({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    }),
  );
}

function oursFromLines(): unknown {
  const accumulator = createRunStepAccumulator();
  for (const line of lines) accumulator.push(JSON.parse(line));
  return accumulator.snapshots();
}

function oursFromEvents(): unknown {
  const accumulator = createRunStepAccumulator();
  for (const event of events) accumulator.push(event);
  return accumulator.snapshots();
}

/** The SDK's merge input: it writes into the snapshot and into the deltas too (a call's first chunk becomes
 * the snapshot's call, and later fragments are appended into it), so each pass needs fresh copies. */
const sdkInput = { snapshot: firstStep, deltas: firstDeltas.map((delta) => delta.delta) };

function sdkMergeOnly(): unknown {
  const { snapshot, deltas } = structuredClone(sdkInput);
  for (const delta of deltas) AssistantStream.accumulateDelta(snapshot, delta);
  return snapshot;
}

function ourPureChain(): unknown {
  let snapshot = firstStep;
  for (const delta of firstDeltas) snapshot = applyRunStepDelta(snapshot, delta);
  return snapshot;
}

/** The Azure stream: every recorded Azure step (the synthetic one aside), assembled, one after another. */
const azureCompleted = [
  ...azureSteps()
    .filter(({ source }) => !source.includes('synthetic'))
    .map(({ step }) => step),
  ...azureStreamEvents()
    .filter(({ event }) => event.event === 'thread.run.step.completed')
    .map(({ event }) => event.data),
];
const azureEvents = azureCompleted.flatMap((step) => assembleStream(step as never, 8));
const AZURE_DELTAS = azureEvents.filter((event) => event.event === 'thread.run.step.delta').length;

function azureFromEvents(): unknown {
  const accumulator = createRunStepAccumulator({ guard: isAzureRunStepObject });
  for (const event of azureEvents) accumulator.push(event);
  return accumulator.snapshots();
}

// The Azure stream must rebuild its recorded steps, each valid, before anything is timed.
const azureRebuilt = azureFromEvents() as unknown[];
if (JSON.stringify(azureRebuilt) !== JSON.stringify(azureCompleted) || !azureRebuilt.every(isAzureRunStepObject)) {
  throw new Error('the accumulator does not rebuild the assembled Azure stream into its recorded steps');
}

// Both sides must rebuild the same steps before anything is timed.
const sdkSteps = await sdkStream().finalRunSteps();
const ourSteps = oursFromLines() as { id: string }[];
if (JSON.stringify(sdkSteps) !== JSON.stringify(ourSteps) || !ourSteps.every(isRunStepObject)) {
  throw new Error('the SDK and the accumulator disagree on the recorded stream');
}

bench('1. SDK: AssistantStream.fromReadableStream(JSON lines).finalRunSteps()', async () => {
  do_not_optimize(await sdkStream().finalRunSteps());
});
bench('1. ours: JSON.parse each line + accumulator.push', () => do_not_optimize(oursFromLines()));
bench('2. SDK: AssistantStream.accumulateDelta, first step (+ its structuredClone)', () =>
  do_not_optimize(sdkMergeOnly()),
);
bench('2. SDK: the structuredClone alone', () => do_not_optimize(structuredClone(sdkInput)));
bench('2. ours: accumulator.push of every parsed event', () => do_not_optimize(oursFromEvents()));
bench('3. ours: applyRunStepDelta chained, first step', () => do_not_optimize(ourPureChain()));
bench('4. ours: accumulator.push of every event of the Azure stream', () => do_not_optimize(azureFromEvents()));

const { benchmarks } = await run({ format: 'quiet' });
for (const trial of benchmarks) if (trial.runs[0]?.error) throw trial.runs[0].error;
/** The mean and the fastest time of one pass, in ns. */
const time = (name: string) => {
  const stats = benchmarks.find((trial) => trial.alias === name)!.runs[0]!.stats!;
  return { avg: stats.avg, min: stats.min };
};

console.log(
  `${lines.length} events, ${DELTAS} deltas (the first step: ${firstDeltas.length}); Node ${process.version}`,
);
console.log('throughput in deltas per second, from the fastest pass and from the mean pass:');
const clone = time('2. SDK: the structuredClone alone');
/** Each comparison's row in docs/performance.md, and what each side calls there. */
const ROWS: Record<string, { what: string; ours?: string; sdk?: string }> = {
  '1': {
    what: 'JSON lines to final snapshots (each side parses the lines)',
    ours: '`JSON.parse` + `accumulator.push`',
    sdk: '`fromReadableStream(...).finalRunSteps()`',
  },
  '2': {
    what: 'parsed events: every event checked, merged into new objects',
    ours: '`accumulator.push`',
    sdk: '`AssistantStream.accumulateDelta` alone: no checks, in place',
  },
  '3': { what: '`applyRunStepDelta` chained (checks the whole snapshot at every call)', ours: '`applyRunStepDelta`' },
  '4': {
    what: `an Azure stream (${AZURE_DELTAS} deltas of ${azureCompleted.length} recorded Azure steps, assembled): every event checked by the Azure profile, its kinds merged by their rules`,
    ours: '`createRunStepAccumulator({guard: isAzureRunStepObject}).push`',
  },
};
type Rate = { fastest: number; mean: number; call: string };
const rows: { what: string; ours?: Rate; sdk?: Rate }[] = Object.values(ROWS).map(({ what }) => ({ what }));
for (const trial of benchmarks) {
  const name = trial.alias;
  if (name === '2. SDK: the structuredClone alone') continue;
  let { avg, min } = time(name);
  // The SDK's merge writes into its inputs: the copies each pass needs are not its merge's cost.
  if (name.startsWith('2. SDK')) ((avg -= clone.avg), (min -= clone.min));
  const deltas = name.includes('first step') ? firstDeltas.length : name.includes('Azure') ? AZURE_DELTAS : DELTAS;
  const perSecond = (ns: number) => (deltas / ns) * 1e3;
  const rate = (ns: number) => `${perSecond(ns).toFixed(2).padStart(6)} M/s`;
  console.log(`${name.replace(' (+ its structuredClone)', '').padEnd(74)} fastest ${rate(min)}   mean ${rate(avg)}`);
  const [number, side] = name.split(/\. |:/) as [string, string];
  const row = Object.keys(ROWS).indexOf(number);
  const key = side === 'SDK' ? 'sdk' : 'ours';
  const call = ROWS[number]![key]!;
  rows[row]![key] = { fastest: Number(perSecond(min).toFixed(3)), mean: Number(perSecond(avg).toFixed(3)), call };
}
await recordMeasurement('stream', {
  writtenBy: 'npm run bench:stream -- --write',
  machine: measuredOn,
  seconds: Math.round((performance.now() - started) / 1000),
  stream: STREAM,
  events: lines.length,
  deltas: DELTAS,
  azureDeltas: AZURE_DELTAS,
  openai: JSON.parse(readFileSync(new URL('../node_modules/openai/package.json', import.meta.url), 'utf8')).version,
  rows,
});
