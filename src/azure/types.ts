/**
 * Run steps of Azure AI Foundry Agent Service ("Agents (classic)", retiring 2027-03-31): OpenAI's shape
 * plus twelve tool call kinds, the `activities` step type, and an open `last_error.code`. "Recorded"
 * below means seen in a recording of Azure's live API (test/fixtures/azure/PROVENANCE.md, and the stream
 * recordings of test/fixtures/azure/stream/INDEX.md); "SDK" means
 * known only from Azure's SDK models (azure-sdk-for-python, azure/ai/agents/models/_models.py, classes
 * `RunStep*ToolCall`), so typed as loosely as they say. Payload strings that hold Python-style dicts
 * (`{'market': 'en-US', ...}`) are typed as strings: they are not JSON, and are not parsed.
 */

import type { RunStepErrorCode } from '../enums.js';
import type {
  RunStepDeltaObject,
  RunStepStreamEvent,
  StepDetailsFragment,
  ToolCallDelta,
  ToolCallFragment,
} from '../streaming/types.js';
import type { RunStepObject, ToolCall } from '../types.js';

/** A payload that Azure's SDK types `dict[str, str]`: string values, often Python-style dicts written as strings. */
export type AzureStringPayload = Record<string, string>;

/**
 * A `dict[str, str]` payload recorded as `{input, output}` (the two keys are named for the editor; any
 * string map passes, as the SDK types it).
 */
export type AzureInputOutputPayload = AzureStringPayload & {
  /** What the tool was asked (a query, a tool name...). */
  input?: string;
  /** What it answered, often a Python-style dict written as a string. */
  output?: string;
};

/** A `dict[str, str]` payload recorded as `{requesturl, response_metadata}` (any string map passes). */
export type AzureBingPayload = AzureStringPayload & {
  /** The request the tool made. */
  requesturl?: string;
  /** What the search answered about itself, a Python-style dict written as a string. */
  response_metadata?: string;
};

/** `bing_grounding` (recorded: `{requesturl, response_metadata}`). */
export interface AzureBingGroundingToolCall {
  /** The ID of the tool call. */
  id: string;
  /** Always `bing_grounding`. */
  type: 'bing_grounding';
  /** The request URL and response metadata, as strings. */
  bing_grounding: AzureBingPayload;
}

/**
 * `bing_custom_search` (recorded, per the stream recordings' index, test/fixtures/azure/stream/INDEX.md:
 * `{requesturl, response_metadata}`, strings; no fixture of it here).
 */
export interface AzureBingCustomSearchToolCall {
  /** The ID of the tool call. */
  id: string;
  /** Always `bing_custom_search`. */
  type: 'bing_custom_search';
  /** The request URL and response metadata, as strings. */
  bing_custom_search: AzureBingPayload;
}

/** `azure_ai_search` (recorded, test/fixtures/azure/stream/: `{input, output}`, strings once completed). */
export interface AzureAISearchToolCall {
  /** The ID of the tool call. */
  id: string;
  /** Always `azure_ai_search`. */
  type: 'azure_ai_search';
  /** The search's input and output, as strings. */
  azure_ai_search: AzureInputOutputPayload;
}

/** `sharepoint_grounding` (recorded, test/fixtures/azure/stream/: `{input, output}`, strings). */
export interface AzureSharepointGroundingToolCall {
  /** The ID of the tool call. */
  id: string;
  /** Always `sharepoint_grounding`. */
  type: 'sharepoint_grounding';
  /** The tool's input and output, as strings. */
  sharepoint_grounding: AzureInputOutputPayload;
}

/**
 * `fabric_dataagent` (recorded, per the stream recordings' index: `{input, output}`, strings; no fixture of
 * it here).
 */
export interface AzureFabricDataAgentToolCall {
  /** The ID of the tool call. */
  id: string;
  /** Always `fabric_dataagent`. */
  type: 'fabric_dataagent';
  /** The tool's input and output, as strings. */
  fabric_dataagent: AzureInputOutputPayload;
}

/** `{name, arguments, output}`: an Azure function's or an OpenAPI operation's call. */
export interface AzureFunctionCallDetails {
  /** The name of the function or operation. */
  name: string;
  /** The arguments the model passed, a JSON string as the model wrote it. */
  arguments: string;
  /** The output; `null` until there is one (accepted as for OpenAI's function calls). */
  output: string | null;
}

/** `openapi` (seen in a recording, not saved): the payload comes under `function`, not `openapi` as the SDK says. */
export interface AzureOpenApiToolCall {
  /** The ID of the tool call. */
  id: string;
  /** Always `openapi`. */
  type: 'openapi';
  /** The operation called, its arguments and output. */
  function: AzureFunctionCallDetails;
}

/** `azure_function` (recorded). */
export interface AzureFunctionToolCall {
  /** The ID of the tool call. */
  id: string;
  /** Always `azure_function`. */
  type: 'azure_function';
  /** The function called, its arguments and output. */
  azure_function: AzureFunctionCallDetails;
}

/** `deep_research` (recorded, with `output: null`). */
export interface AzureDeepResearchToolCall {
  /** The ID of the tool call. */
  id: string;
  /** Always `deep_research`. */
  type: 'deep_research';
  /** The research task. */
  deep_research: {
    /** The input the model gave the tool (a JSON string in the recording). */
    input: string;
    /** The final output; `null` (as recorded) or absent until there is one. */
    output?: string | null | undefined;
  };
}

/**
 * `connected_agent` (recorded, per the stream recordings' index: `{name, arguments, output, run_id,
 * thread_id, assistant_id}`, every value a string on completion; no fixture of it here. Each optional and
 * nullable, as the SDK has them, since a call in progress may lack them).
 */
export interface AzureConnectedAgentToolCall {
  /** The ID of the tool call. */
  id: string;
  /** Always `connected_agent`. */
  type: 'connected_agent';
  /** The call to the connected agent. */
  connected_agent: {
    /** The name of the connected agent. */
    name?: string | null | undefined;
    /** The JSON serialized query to the connected agent. */
    arguments?: string | null | undefined;
    /** The tool output. */
    output?: string | null | undefined;
    /** The run the connected agent used. */
    run_id?: string | null | undefined;
    /** The thread the connected agent used. */
    thread_id?: string | null | undefined;
    /** The connected agent's ID. */
    assistant_id?: string | null | undefined;
  };
}

/** `mcp` (seen in a recording; its 80 KB output trimmed in the fixture): the payload is flat, beside `id` and `type`. */
export interface AzureMcpToolCall {
  /** The ID of the tool call. */
  id: string;
  /** Always `mcp`. */
  type: 'mcp';
  /** The tool called on the MCP server. */
  name: string;
  /** The arguments, a JSON string as the model wrote it. */
  arguments: string;
  /** The tool's output (`null` accepted, as for a call that has none yet). */
  output: string | null;
  /** The label of the MCP server. */
  server_label?: string | undefined;
}

/** One step of a browser automation, as recorded. */
export interface AzureBrowserAutomationStep {
  /** What the previous step achieved. */
  last_step_result: string;
  /** Where the task stands. */
  current_state: string;
  /** What the tool does next. */
  next_step: string;
}

/** `browser_automation` (recorded). */
export interface AzureBrowserAutomationToolCall {
  /** The ID of the tool call. */
  id: string;
  /** Always `browser_automation`. */
  type: 'browser_automation';
  /** The task, its steps and its outcome. */
  browser_automation: {
    /** The task given to the browser. */
    input: string;
    /** The outcome; `null` accepted until there is one. */
    output: string | null;
    /** The steps taken. */
    steps: AzureBrowserAutomationStep[];
  };
}

/** A safety check of a computer use call (SDK only). */
export interface AzureSafetyCheck {
  /** The ID of the safety check. */
  id: string;
  /** Its kind. */
  code?: string | null | undefined;
  /** Its details. */
  message?: string | null | undefined;
}

/** `computer_use_preview` (seen in a 722 KB recording, not saved; SDK fields, checked loosely). */
export interface AzureComputerUseToolCall {
  /** The ID of the tool call. */
  id: string;
  /** Always `computer_use_preview`. */
  type: 'computer_use_preview';
  /** The action and its safety checks. */
  computer_use_preview: {
    /** The action (`click`, `type`, `screenshot`...), with its own fields, not checked. */
    action?: { type: string; [key: string]: unknown } | undefined;
    /** Safety checks pending acknowledgement. */
    pending_safety_checks?: AzureSafetyCheck[] | undefined;
    /** The screenshot sent back, not checked; `null` until outputs are submitted. */
    output?: { [key: string]: unknown } | null | undefined;
    /** Safety checks acknowledged; `null` until outputs are submitted. */
    acknowledged_safety_checks?: AzureSafetyCheck[] | null | undefined;
  };
}

/** The tool call kinds Azure adds to OpenAI's. */
export type AzureOnlyToolCall =
  | AzureBingGroundingToolCall
  | AzureBingCustomSearchToolCall
  | AzureAISearchToolCall
  | AzureSharepointGroundingToolCall
  | AzureFabricDataAgentToolCall
  | AzureOpenApiToolCall
  | AzureFunctionToolCall
  | AzureDeepResearchToolCall
  | AzureConnectedAgentToolCall
  | AzureMcpToolCall
  | AzureBrowserAutomationToolCall
  | AzureComputerUseToolCall;

/** A tool call in an Azure run step: OpenAI's three kinds and Azure's twelve, discriminated on `type`. */
export type AzureToolCall = ToolCall | AzureOnlyToolCall;

/** A function an MCP server offers, in an `mcp_list_tools` activity. */
export interface AzureMcpToolDefinition {
  /** What the function does. */
  description?: string | undefined;
  /** Its parameters, a JSON Schema object (not checked beyond being an object). */
  parameters: { [key: string]: unknown };
}

/** An `mcp_list_tools` activity (recorded): the tools an MCP server offers. */
export interface AzureMcpListToolsActivity {
  /** The ID of the activity. */
  id: string;
  /** Always `mcp_list_tools`, the only activity type there is. */
  type: 'mcp_list_tools';
  /** The label of the MCP server. */
  server_label: string;
  /** The server's tools, by name. */
  tools: Record<string, AzureMcpToolDefinition>;
}

/** The step details of an `activities` step (recorded). */
export interface AzureActivitiesStepDetails {
  /** Always `activities`. */
  type: 'activities';
  /** The activities of the step. */
  activities: AzureMcpListToolsActivity[];
}

/**
 * `last_error.code` on Azure: its spec leaves it an open string; only OpenAI's two codes have been seen.
 */
export type AzureRunStepErrorCode = RunStepErrorCode | (string & {});

/** An Azure AI Foundry run step, discriminated on `type` (`message_creation`, `tool_calls` or `activities`). */
export type AzureRunStepObject = RunStepObject<AzureToolCall, AzureActivitiesStepDetails, AzureRunStepErrorCode>;

// ---- streams ------------------------------------------------------------------------------------------

/**
 * A chunk of one of Azure's twelve tool call kinds in a delta (recorded for `bing_grounding`,
 * `azure_ai_search`, `openapi` and `mcp`): `index`, `type`, the `id` on the first chunk, and the call's
 * payload in pieces. First chunks carry `null` (and `""`) where the completed call holds strings; later
 * chunks carry string fragments to append, often a single field.
 */
export type AzureOnlyToolCallDelta = ToolCallFragment<AzureOnlyToolCall>;

/** A tool call chunk in an Azure delta: OpenAI's three kinds and Azure's twelve, discriminated on `type`. */
export type AzureToolCallDelta = ToolCallDelta | AzureOnlyToolCallDelta;

/** Delta `step_details` of an `activities` step: activities arrive whole, and are appended. */
export type AzureActivitiesStepDetailsDelta = StepDetailsFragment<AzureActivitiesStepDetails>;

/**
 * An Azure run step delta: its `step_details.type` is the step's (`tool_calls` for every tool call kind,
 * recorded); the Azure kind is each tool call chunk's own `type`.
 */
export type AzureRunStepDeltaObject = RunStepDeltaObject<AzureToolCallDelta, AzureActivitiesStepDetailsDelta>;

/** An Azure run step stream event: the seven names, `data` an Azure run step or an Azure delta. */
export type AzureRunStepStreamEvent = RunStepStreamEvent<AzureRunStepObject, AzureRunStepDeltaObject>;
