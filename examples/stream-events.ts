import { readFileSync } from 'node:fs';
import { isRunStepStreamEvent, matchStreamEvent } from 'openai-run-step-guards';

// A recorded stream (Apr 2024), one parsed server-sent event a line: run events and run step events.
const events: unknown[] = readFileSync(new URL('./payloads/stream-function-call.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));

const fragments: string[] = [];
for (const event of events) {
  // Keep the run step events, checked deeply and typed: `data` is a delta or a whole step, as `event` says.
  if (!isRunStepStreamEvent(event)) continue;
  // One handler per event name; leaving one out does not compile.
  const line = matchStreamEvent(event, {
    'thread.run.step.created': ({ data }) => `created ${data.id}, a ${data.type} step`,
    'thread.run.step.in_progress': ({ data }) => `in progress, ${data.step_details.type}`,
    'thread.run.step.delta': ({ data }) => {
      const details = data.delta.step_details;
      for (const chunk of details?.type === 'tool_calls' ? (details.tool_calls ?? []) : []) {
        if (chunk.id !== undefined) return `call ${chunk.index} starts: ${chunk.id} (${chunk.type})`;
        if (chunk.type === 'function') fragments.push(chunk.function?.arguments ?? '');
      }
      return undefined;
    },
    'thread.run.step.completed': ({ data }) => `completed, ${data.usage?.total_tokens} tokens`,
    'thread.run.step.failed': ({ data }) => `failed: ${data.last_error?.message}`,
    'thread.run.step.cancelled': () => 'cancelled',
    'thread.run.step.expired': () => 'expired',
  });
  if (line !== undefined) console.log(line);
}
console.log(`then ${fragments.length} argument fragments: ${fragments.map((f) => JSON.stringify(f)).join(' ')}`);
