import { readFileSync } from 'node:fs';
import {
  RunStepStreamError,
  createRunStepAccumulator,
  formatIssue,
  getToolCallsByType,
  validateRunStepObject,
} from 'openai-run-step-guards';

const events: unknown[] = readFileSync(new URL('./payloads/stream-function-call.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));

// Push every event: the accumulator checks each one, ignores what is not about a run step, and keeps
// each step's snapshot, rebuilt from its deltas (or the server's own step, once a terminal event comes).
const steps = createRunStepAccumulator();
for (const event of events) steps.push(event);

for (const step of steps.snapshots()) {
  // Validate the result: a rebuilt step is a run step like any other.
  const result = validateRunStepObject(step);
  console.log(`${step.id} (${step.status}): ${result.success ? 'a valid run step' : result.issues.map(formatIssue)}`);
  for (const call of getToolCallsByType(step, 'function')) {
    console.log(`${call.function.name}(${call.function.arguments}) ->`, JSON.parse(call.function.arguments));
  }
}

// A hostile or broken stream gets a specific error, and leaves the accumulator as it was.
const stepId = steps.snapshots()[0]?.id ?? '';
const hostile = {
  event: 'thread.run.step.delta',
  data: {
    id: stepId,
    object: 'thread.run.step.delta',
    delta: { step_details: { type: 'tool_calls', tool_calls: [{ index: 0, type: 'code_interpreter' }] } },
  },
};
try {
  steps.push(hostile);
} catch (error) {
  if (error instanceof RunStepStreamError) console.log(`${error.code}: ${error.message}`);
}
