import { readFileSync } from 'node:fs';
import { assertNever, createRunStepGuard, defineToolCallKind, isRunStepObject } from 'openai-run-step-guards';
import { isAzureRunStepObject, type AzureToolCall } from 'openai-run-step-guards/azure';

const list = JSON.parse(readFileSync(new URL('./providers/azure-bing-grounding.steps.json', import.meta.url), 'utf8'));
const step: unknown = list.data[1];

// Azure AI Foundry: its own kinds fail the default guard, and pass the Azure profile's.
console.log(isRunStepObject(step), isAzureRunStepObject(step));
if (isAzureRunStepObject(step) && step.type === 'tool_calls') {
  for (const call of step.step_details.tool_calls) console.log(describeAzure(call));
}

function describeAzure(call: AzureToolCall): string {
  switch (call.type) {
    case 'bing_grounding':
      return `Bing: ${call.bing_grounding['requesturl']}`;
    case 'mcp':
      return `MCP ${call.server_label ?? ''} ${call.name}`;
    default:
      return call.type;
  }
}

// Your own kind: described by your guard (or a validator, or any Standard Schema).
interface WeatherCall {
  id: string;
  type: 'weather_lookup';
  weather_lookup: { city: string };
}
const weather = defineToolCallKind(
  'weather_lookup',
  (value: unknown): value is WeatherCall =>
    (value as WeatherCall)?.type === 'weather_lookup' &&
    typeof (value as WeatherCall).weather_lookup?.city === 'string',
);
const guards = createRunStepGuard({ toolCalls: [weather] });
const custom = { ...(list.data[1] as object), step_details: { type: 'tool_calls', tool_calls: [] as unknown[] } };
custom.step_details.tool_calls.push({ id: 'call_1', type: 'weather_lookup', weather_lookup: { city: 'Oslo' } });
console.log(guards.is(custom));

// The open mode: unknown kinds pass as UnknownToolCall, kept as they came; split them off first.
const open = createRunStepGuard({ unknownToolCalls: 'accept' });
if (open.is(step) && step.type === 'tool_calls') {
  for (const call of step.step_details.tool_calls) {
    if (!open.isKnownToolCall(call)) {
      console.log(`unknown kind "${call.type}", kept as it came: ${Object.keys(call).join(', ')}`);
      continue;
    }
    switch (call.type) {
      case 'code_interpreter':
        console.log(call.code_interpreter.input);
        break;
      case 'file_search':
        console.log(call.file_search.results?.length ?? 0, 'results');
        break;
      case 'function':
        console.log(call.function.name);
        break;
      default:
        assertNever(call);
    }
  }
}
