import { readFileSync } from 'node:fs';
import {
  createRunStepGuard,
  defineToolCallKind,
  getToolCalls,
  getToolCallsByType,
  isTerminalStep,
  matchStepType,
  matchToolCall,
  type ToolCallHandlers,
} from 'openai-run-step-guards';
import { isAzureRunStepObject, type AzureToolCall } from 'openai-run-step-guards/azure';

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./providers/${name}`, import.meta.url), 'utf8'));
const rows = [
  read('azure-mcp-activities.step.json'),
  read('azure-mcp.step.json'),
  ...(read('azure-bing-grounding.steps.json') as { data: unknown[] }).data,
];
const steps = rows.filter(isAzureRunStepObject);

// One handler per kind an AzureToolCall may be, each given its kind: leave one out and this does not compile.
const describeCall: ToolCallHandlers<AzureToolCall> = {
  code_interpreter: (call) => `code: ${call.code_interpreter.input}`,
  file_search: (call) => `file search: ${call.file_search.results?.length ?? 0} results`,
  function: (call) => `function ${call.function.name}`,
  bing_grounding: (call) => `Bing: ${call.bing_grounding['requesturl']?.split('?q=')[1]}`,
  bing_custom_search: () => 'Bing custom search',
  azure_ai_search: () => 'Azure AI Search',
  sharepoint_grounding: () => 'SharePoint',
  fabric_dataagent: () => 'Fabric data agent',
  openapi: (call) => `OpenAPI ${call.function.name}`,
  azure_function: (call) => `Azure function ${call.azure_function.name}`,
  deep_research: () => 'deep research',
  connected_agent: () => 'connected agent',
  mcp: (call) => `MCP ${call.server_label}/${call.name}`,
  browser_automation: () => 'browser automation',
  computer_use_preview: () => 'computer use',
};

for (const step of steps) {
  // An Azure step has three types: the activities handler is required too.
  const what = matchStepType(step, {
    message_creation: (s) => `wrote ${s.step_details.message_creation.message_id}`,
    tool_calls: (s) => s.step_details.tool_calls.map((call) => matchToolCall(call, describeCall)).join(', '),
    activities: (s) =>
      s.step_details.activities.map((a) => `${a.server_label} offers ${Object.keys(a.tools).length} tools`).join(', '),
  });
  console.log(`${step.type} (${isTerminalStep(step) ? 'final' : 'running'}): ${what}`);
}
// Typed from the step: AzureMcpToolCall[], so `name` and `server_label` need no check.
console.log(steps.flatMap((step) => getToolCallsByType(step, 'mcp')).map((call) => call.name));

// Your own kind: the same helpers, and its handler is required as well.
interface WeatherCall {
  id: string;
  type: 'weather_lookup';
  weather_lookup: { city: string };
}
const weather = defineToolCallKind(
  'weather_lookup',
  (value: unknown): value is WeatherCall => typeof (value as WeatherCall | null)?.weather_lookup?.city === 'string',
);
const mine = createRunStepGuard({ toolCalls: [weather], unknownToolCalls: 'accept' });
const row: unknown = {
  ...(rows[1] as object),
  step_details: {
    type: 'tool_calls',
    tool_calls: [
      { id: 'call_1', type: 'weather_lookup', weather_lookup: { city: 'Oslo' } },
      { id: 'call_2', type: 'shell', shell: { command: 'ls' } },
    ],
  },
};
if (mine.is(row)) {
  for (const call of getToolCalls(row)) {
    // In the open mode, an UnknownToolCall (any `type`) is split off first; then every kind is handled.
    const line = mine.isKnownToolCall(call)
      ? matchToolCall(call, {
          code_interpreter: () => 'code',
          file_search: () => 'file search',
          function: (c) => `function ${c.function.name}`,
          weather_lookup: (c) => `weather in ${c.weather_lookup.city}`,
        })
      : `a kind nobody listed: ${call.type}`;
    console.log(line);
  }
}
