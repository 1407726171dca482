import { readFileSync } from 'node:fs';
import { RunStepStreamError, createRunStepAccumulator } from 'openai-run-step-guards';
import { isAzureRunStepObject, type AzureToolCall } from 'openai-run-step-guards/azure';

// One Azure step's stream, one event a line: created, deltas of an azure_ai_search call, completed.
const lines = readFileSync(new URL('./providers/azure-ai-search.stream.ndjson', import.meta.url), 'utf8');
const events: unknown[] = lines
  .trimEnd()
  .split('\n')
  .map((line) => JSON.parse(line));

// The guard says the flavour: every event is checked as an Azure stream event, and Azure's kinds merge by
// their rules (strings appended, a first chunk's `null` starting a string).
const accumulator = createRunStepAccumulator({ guard: isAzureRunStepObject });
for (const event of events) {
  const step = accumulator.push(event);
  if (step?.type !== 'tool_calls') continue;
  const call: AzureToolCall | undefined = step.step_details.tool_calls[0];
  if (call?.type === 'azure_ai_search') {
    const { input = '', output = '' } = call.azure_ai_search;
    console.log(`${step.status.padEnd(11)} input ${input.length} chars, output ${output.length} chars`);
  }
}

// A chunk that changes its call's kind mid-stream is refused, and the step stays as it was.
const id = accumulator.snapshots()[0]!.id;
const again = createRunStepAccumulator({ guard: isAzureRunStepObject });
for (const event of events.slice(0, 3)) again.push(event);
try {
  again.push({
    event: 'thread.run.step.delta',
    data: {
      id,
      object: 'thread.run.step.delta',
      delta: { step_details: { type: 'tool_calls', tool_calls: [{ index: 0, type: 'mcp', arguments: '{}' }] } },
    },
  });
} catch (error) {
  if (error instanceof RunStepStreamError) console.log(error.code, '-', error.message);
}
