// `npm run demo`: reads every payload in examples/payloads/ and shows what the guards and the narrowing
// helpers find in each. Run it after `npm ci`; it builds the package first and imports it by name.
import { readdirSync, readFileSync } from 'node:fs';
import {
  TOOL_CALL_TYPES,
  getToolCalls,
  historicalRunStepTraits,
  getToolCallsByType,
  isRunStepDetails,
  isHistoricalRunStepObject,
  isRunStepObject,
  isToolCall,
  matchStatus,
  matchStepType,
  matchToolCall,
  type RunStepObject,
  type ToolCall,
} from 'openai-run-step-guards';

const folder = new URL('./payloads/', import.meta.url);

/** `1 result`, `2 results`. */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** A Unix timestamp as an ISO date, or a dash. */
const at = (seconds: number | null) => (seconds === null ? '-' : new Date(seconds * 1000).toISOString());

/** One line per tool call, narrowed by its type. */
function describeCall(call: ToolCall): string {
  return matchToolCall(call, {
    code_interpreter: ({ code_interpreter: { input, outputs } }) =>
      `code_interpreter: ${count(input.split('\n').length, 'line')} of code, outputs: ${outputs.map((o) => o.type).join(', ') || 'none'}`,
    file_search: ({ file_search: { results = [] } }) =>
      `file_search: ${count(results.length, 'result')}${results.length ? ` (best: ${results[0]!.file_name}, score ${results[0]!.score.toFixed(2)})` : ''}`,
    function: ({ function: { name, arguments: args, output } }) =>
      `function ${name}(${args}) -> ${output === null ? 'output not submitted yet' : JSON.stringify(output)}`,
  });
}

/** What narrowing finds in a run step. */
function describeStep(step: RunStepObject): string[] {
  const status = matchStatus(step, {
    in_progress: () => 'in progress',
    completed: (s) => `completed ${at(s.completed_at)}`,
    failed: (s) => `failed ${at(s.failed_at)}: ${s.last_error?.code} (${s.last_error?.message})`,
    cancelled: (s) => `cancelled ${at(s.cancelled_at)}`,
    expired: (s) => `expired ${at(s.expired_at ?? null)}`,
  });
  const usage = step.usage === null ? 'no usage yet' : `${step.usage.total_tokens} tokens`;
  const lines = [`run step ${step.id}: ${step.type}, ${status}, ${usage}`];
  return lines.concat(
    matchStepType(step, {
      message_creation: (s) => [`created message ${s.step_details.message_creation.message_id}`],
      tool_calls: (s) => {
        const counts = TOOL_CALL_TYPES.map((type) => [type, getToolCallsByType(s, type).length] as const)
          .filter(([, count]) => count > 0)
          .map(([type, count]) => `${count} ${type}`);
        return [`tool calls: ${counts.join(', ') || 'none yet'}`, ...getToolCalls(s).map(describeCall)];
      },
    }),
  );
}

/** What the guards say about a value that is not a run step: which parts still pass. */
function describeRejected(value: unknown): string[] {
  const lines = ['not a run step'];
  // An archive's step from an earlier API version: its own guard accepts it (see docs/archives-and-cli.md).
  if (isHistoricalRunStepObject(value))
    lines.push(`a historical one (isHistoricalRunStepObject): ${historicalRunStepTraits(value).join(', ')}`);
  const details = (value as { step_details?: unknown } | null)?.step_details;
  if (isRunStepDetails(details)) lines.push('its step_details are valid on their own');
  const calls = (details as { tool_calls?: unknown } | undefined)?.tool_calls;
  if (Array.isArray(calls)) {
    calls.forEach((call: unknown, index) => {
      if (!isToolCall(call)) lines.push(`step_details.tool_calls[${index}] is not a tool call this package knows`);
    });
  }
  return lines;
}

let steps = 0;
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.json'))
  .sort();
for (const name of files) {
  const payload: unknown = JSON.parse(readFileSync(new URL(name, folder), 'utf8'));
  // A stream event carries the step in `data`.
  const isEvent = typeof payload === 'object' && payload !== null && 'event' in payload && 'data' in payload;
  const value = isEvent ? payload.data : payload;
  const lines = isRunStepObject(value) ? (steps++, describeStep(value)) : describeRejected(value);
  console.log(`${name}${isEvent ? ` (stream event ${String(payload.event)})` : ''}`);
  for (const line of lines) console.log(`  ${line}`);
}
console.log(`\n${steps} of ${files.length} payloads are run steps.`);
