import { readFileSync } from 'node:fs';
import { isCodeInterpreterOutput, isFunctionToolCall, isRunStepDetails, isToolCall } from 'openai-run-step-guards';

const step = JSON.parse(readFileSync(new URL('./payloads/mixed-tool-calls-in-progress.json', import.meta.url), 'utf8'));

// A tool call met on its own, e.g. in a log line.
const logged: unknown = JSON.parse(JSON.stringify(step.step_details.tool_calls[2]));
if (isToolCall(logged) && logged.type === 'function') console.log(`logged call to ${logged.function.name}`);

// A column that holds only step_details.
const column: unknown = step.step_details;
if (isRunStepDetails(column)) console.log(`step_details of type ${column.type}`);

// Mixed values: keep the function calls, typed FunctionToolCall[].
const values: unknown[] = [...step.step_details.tool_calls, { type: 'function' }, null];
const functionCalls = values.filter(isFunctionToolCall);
console.log(`${functionCalls.length} of ${values.length} values are function calls: ${functionCalls.map((c) => c.id)}`);

// A code interpreter output from a webhook.
const output: unknown = { type: 'logs', logs: 'done\n' };
console.log(
  isCodeInterpreterOutput(output) && output.type === 'logs' ? `logs: ${output.logs.trim()}` : 'not an output',
);
