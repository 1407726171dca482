// `node scripts/migrate-figures.mjs` (after `npm run build`): what toConversationItems carries over from the
// recorded fixtures, by kind of part: carried, dropped, transformed, refused, once with the defaults (every
// choice 'drop') and once with transcripts. Each fixture's steps are converted with the guard of their flavour:
// test/fixtures/wire and streams with isHistoricalRunStepObject (any API version), azure with isAzureRunStepObject.
import { readdirSync, readFileSync } from 'node:fs';
import { isAzureRunStepObject } from '../dist/azure.js';
import { isHistoricalRunStepObject } from '../dist/index.js';
import { toConversationItems } from '../dist/migrate.js';

const at = (path) => new URL(`../test/fixtures/${path}`, import.meta.url);
const steps = (json) => (json?.object === 'list' ? json.data : json?.event !== undefined ? [json.data] : [json]);
const folder = (name) =>
  readdirSync(at(name))
    .filter((file) => file.endsWith('.json') && !file.endsWith('.source.json'))
    .map((file) => JSON.parse(readFileSync(at(`${name}/${file}`), 'utf8')));

const recorded = [
  ...folder('wire').map((json) => ({ steps: steps(json), guard: isHistoricalRunStepObject })),
  ...folder('azure').map((json) => ({ steps: steps(json), guard: isAzureRunStepObject })),
  ...[
    'simple-openai__threads_runs_create_both_stream.jsonl',
    'simple-openai__threads_runs_create_both_function_stream.jsonl',
  ].map((file) => ({
    steps: readFileSync(at(`streams/${file}`), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter(({ event }) => /^thread\.run\.step\.(completed|failed|cancelled|expired)$/.test(event))
      .map(({ data }) => data),
    guard: isHistoricalRunStepObject,
  })),
];

for (const [mode, choices] of [
  ['defaults', {}],
  [
    'transcripts',
    { codeInterpreter: 'transcript', fileSearch: 'transcript', provider: 'transcript', pendingFunction: 'error' },
  ],
]) {
  const tally = new Map();
  let items = 0;
  for (const { steps: values, guard } of recorded) {
    const result = toConversationItems(values, { ...choices, guard });
    items += result.items.length;
    for (const [kind, counts] of result.report.tally) {
      const sum = tally.get(kind) ?? { carried: 0, dropped: 0, transformed: 0, refused: 0 };
      for (const key of Object.keys(sum)) sum[key] += counts[key];
      tally.set(kind, sum);
    }
  }
  console.log(`\n${mode}: ${recorded.length} recorded fixtures, ${items} items`);
  console.log('| kind | carried | dropped | transformed | refused |\n|---|---|---|---|---|');
  for (const kind of [...tally.keys()].sort()) {
    const t = tally.get(kind);
    console.log(`| ${kind} | ${t.carried} | ${t.dropped} | ${t.transformed} | ${t.refused} |`);
  }
}
