// `npm run bench:ratios`: what a validator, a Standard Schema and the Azure guard cost next to the guard
// they are built on, as ratios of time per call measured in one process, interleaved. Not a test: these
// are clock readings on a shared machine; a ratio of two readings taken side by side is what holds still.
//   1. `validateRunStepObject` and `RunStepObjectSchema['~standard'].validate` against `isRunStepObject`, on
//      the valid inputs of the benchmark corpus (bench/corpus.ts: recorded real steps), in turn;
//   2. `isAzureRunStepObject` on a recorded Azure step with an `mcp` call against `isRunStepObject` on the
//      same step with that call made a `function` call of the same strings (the same size).
// `--dist path/to/dist` measures another build (e.g. one of the previous commit); prints the ratios.
import { readFileSync } from 'node:fs';
import { corpus } from './corpus.js';

const distFlag = process.argv.indexOf('--dist');
const dist = new URL(
  distFlag === -1 ? '../dist/' : `${process.argv[distFlag + 1]?.replace(/\/?$/, '/')}`,
  distFlag === -1 ? import.meta.url : `file://${process.cwd()}/`,
);
const root = await import(new URL('index.js', dist).href);
const azure = await import(new URL('azure.js', dist).href);

const valid = corpus.filter(({ valid }) => valid).map(({ value }) => value);
const mcpStep = JSON.parse(readFileSync(new URL('../test/fixtures/azure/05_mcp.step.json', import.meta.url), 'utf8'));
const [mcp] = mcpStep.step_details.tool_calls;
const functionStep = {
  ...mcpStep,
  step_details: {
    type: 'tool_calls',
    tool_calls: [
      { id: mcp.id, type: 'function', function: { name: mcp.name, arguments: mcp.arguments, output: mcp.output } },
    ],
  },
};

type Subject = { name: string; inputs: unknown[]; call: (value: unknown) => unknown };
const subjects: Subject[] = [
  { name: 'isRunStepObject', inputs: valid, call: root.isRunStepObject },
  { name: 'validateRunStepObject', inputs: valid, call: root.validateRunStepObject },
  { name: 'RunStepObjectSchema.validate', inputs: valid, call: root.RunStepObjectSchema['~standard'].validate },
  { name: 'isRunStepObject (function step)', inputs: [functionStep], call: root.isRunStepObject },
  { name: 'isAzureRunStepObject (mcp step)', inputs: [mcpStep], call: azure.isAzureRunStepObject },
];
for (const { name, inputs, call } of subjects) {
  for (const input of inputs) {
    const answer = call(input);
    if (answer !== true && (answer as { success?: unknown }).success !== true && !('value' in (answer as object)))
      throw new Error(`${name} rejects a valid input`);
  }
}

let sink = 0;
/** Nanoseconds per call of `subject` over `calls` calls, its inputs in turn. */
function time({ inputs, call }: Subject, calls: number): number {
  const count = inputs.length;
  const start = process.hrtime.bigint();
  for (let index = 0; index < calls; index++) if (call(inputs[index % count])) sink++;
  return Number(process.hrtime.bigint() - start) / calls;
}

const CALLS = 20_000;
const ROUNDS = 41;
for (let round = 0; round < 5; round++) for (const subject of subjects) time(subject, CALLS);
const samples = subjects.map(() => [] as number[]);
for (let round = 0; round < ROUNDS; round++)
  subjects.forEach((subject, index) => samples[index]!.push(time(subject, CALLS)));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const ns = samples.map(median);
const [guard, validate, schema, functionGuard, azureGuard] = ns as [number, number, number, number, number];
for (const [index, { name }] of subjects.entries())
  console.log(`${name.padEnd(34)} ${ns[index]!.toFixed(1).padStart(8)} ns/call`);
console.log(`validateRunStepObject / isRunStepObject:            ${(validate / guard).toFixed(2)}x`);
console.log(`RunStepObjectSchema.validate / isRunStepObject:     ${(schema / guard).toFixed(2)}x`);
console.log(`isAzureRunStepObject (mcp) / isRunStepObject (fn):  ${(azureGuard / functionGuard).toFixed(2)}x`);
if (sink < 0) console.log(sink);
