/**
 * The checks of Azure's tool call kinds and `activities` details, written like the package's own (see
 * internal/read.ts): each property read once, a validator's issues at their paths. The shapes are in
 * types.ts, with where each is known from. A kind is its body: the package's tool call and details
 * dispatch read `type` (and `id`) and then hand the record over, so nothing is read twice. Most bodies
 * share a helper that reads the payload under a key passed in (slower than a constant key, see read.ts);
 * Azure's kinds are off the default guard's path, and twelve copies of one routine would say the same
 * thing twelve times. The keys these checks read are `_AZURE_KEYS` in internal/keys.ts.
 */

import { _AZURE_KEYS } from '../internal/keys.js';
import type { _KindBody, _KindEntry, _MergeRule } from '../internal/kinds.js';
import { _fragmentBody } from '../streaming/fragments.js';
import type { AzureOnlyToolCall } from './types.js';
import {
  _at,
  _fail,
  _failAt,
  _isArrayOf,
  _isMapOf,
  _isString,
  _record,
  type _At,
  type _Check,
} from '../internal/read.js';
// `azure_function`'s payload, and `openapi`'s (under `function`), are OpenAI's function body: `{name, arguments, output}`.
import { _checkFunctionBody } from '../guards/tool-calls.js';

/** A string map value. */
function _checkStringValue(value: unknown, at: _At): boolean {
  return _isString(value) || _fail(at, 'string', value);
}

/** A `dict[str, str]` payload. */
function _checkStringPayload(value: unknown, at: _At): boolean {
  return _isMapOf(value, _checkStringValue, 'object', at);
}

/** A string, or `null`. */
function _isStringOrNull(value: unknown): boolean {
  return value === null || typeof value === 'string';
}

/** `deep_research`: `{input, output?}`. */
function _checkDeepResearch(value: unknown, at: _At): boolean {
  const details = _record(value);
  if (details === undefined) return _fail(at, 'object', value);
  const input = details['input'];
  const output = details['output'];
  return (
    (_isString(input) || _failAt(at, 'input', 'string', input)) &&
    (output === undefined || _isStringOrNull(output) || _failAt(at, 'output', 'string or null', output))
  );
}

/** `connected_agent`: six optional strings. */
function _checkConnectedAgent(value: unknown, at: _At): boolean {
  const details = _record(value);
  if (details === undefined) return _fail(at, 'object', value);
  let v: unknown;
  return (
    ((v = details['name']) === undefined || _isStringOrNull(v) || _failAt(at, 'name', 'string or null', v)) &&
    ((v = details['arguments']) === undefined || _isStringOrNull(v) || _failAt(at, 'arguments', 'string or null', v)) &&
    ((v = details['output']) === undefined || _isStringOrNull(v) || _failAt(at, 'output', 'string or null', v)) &&
    ((v = details['run_id']) === undefined || _isStringOrNull(v) || _failAt(at, 'run_id', 'string or null', v)) &&
    ((v = details['thread_id']) === undefined || _isStringOrNull(v) || _failAt(at, 'thread_id', 'string or null', v)) &&
    ((v = details['assistant_id']) === undefined ||
      _isStringOrNull(v) ||
      _failAt(at, 'assistant_id', 'string or null', v))
  );
}

/** One browser automation step: three strings. */
function _checkBrowserStep(value: unknown, at: _At): boolean {
  const step = _record(value);
  if (step === undefined) return _fail(at, 'object', value);
  const last = step['last_step_result'];
  const current = step['current_state'];
  const next = step['next_step'];
  return (
    (_isString(last) || _failAt(at, 'last_step_result', 'string', last)) &&
    (_isString(current) || _failAt(at, 'current_state', 'string', current)) &&
    (_isString(next) || _failAt(at, 'next_step', 'string', next))
  );
}

/** `browser_automation`: `{input, output, steps}`. */
function _checkBrowserAutomation(value: unknown, at: _At): boolean {
  const details = _record(value);
  if (details === undefined) return _fail(at, 'object', value);
  const input = details['input'];
  const output = details['output'];
  return (
    (_isString(input) || _failAt(at, 'input', 'string', input)) &&
    (_isStringOrNull(output) || _failAt(at, 'output', 'string or null', output)) &&
    _isArrayOf(details['steps'], _checkBrowserStep, _at(at, 'steps'))
  );
}

/** A safety check: a string `id`, optional `code` and `message`. */
function _checkSafetyCheck(value: unknown, at: _At): boolean {
  const check = _record(value);
  if (check === undefined) return _fail(at, 'object', value);
  const id = check['id'];
  const code = check['code'];
  const message = check['message'];
  return (
    (_isString(id) || _failAt(at, 'id', 'string', id)) &&
    (code === undefined || _isStringOrNull(code) || _failAt(at, 'code', 'string or null', code)) &&
    (message === undefined || _isStringOrNull(message) || _failAt(at, 'message', 'string or null', message))
  );
}

/** A computer use action: an object with a string `type`; its other fields vary by type and are not checked. */
function _checkAction(value: unknown, at: _At): boolean {
  const action = _record(value);
  if (action === undefined) return _fail(at, 'object', value);
  const type = action['type'];
  return _isString(type) || _failAt(at, 'type', 'string', type);
}

/** A list of safety checks. */
function _checkSafetyChecks(value: unknown, at: _At): boolean {
  return _isArrayOf(value, _checkSafetyCheck, at);
}

/** A list of safety checks, or `null`. */
function _checkSafetyChecksOrNull(value: unknown, at: _At): boolean {
  return value === null || _isArrayOf(value, _checkSafetyCheck, at);
}

/** An object (not looked into), or `null`. */
function _checkObjectOrNull(value: unknown, at: _At): boolean {
  return value === null || _record(value) !== undefined || _fail(at, 'object or null', value);
}

/** `computer_use_preview`: known only from the SDK, whose fields are all optional; checked as loosely. */
function _checkComputerUse(value: unknown, at: _At): boolean {
  const details = _record(value);
  if (details === undefined) return _fail(at, 'object', value);
  let v: unknown;
  return (
    ((v = details['action']) === undefined || _checkAction(v, _at(at, 'action'))) &&
    ((v = details['pending_safety_checks']) === undefined || _checkSafetyChecks(v, _at(at, 'pending_safety_checks'))) &&
    ((v = details['output']) === undefined || _checkObjectOrNull(v, _at(at, 'output'))) &&
    ((v = details['acknowledged_safety_checks']) === undefined ||
      _checkSafetyChecksOrNull(v, _at(at, 'acknowledged_safety_checks')))
  );
}

/** The body of a call whose payload sits under `key`, checked by `payload`. */
/* @__NO_SIDE_EFFECTS__ */
function _under(key: string, payload: _Check): _KindBody {
  return (call, _value, at) => payload(call[key], _at(at, key));
}

/** `mcp`'s body: flat, `{name, arguments, output, server_label?}` beside `id` and `type`. */
export const _mcpBody: _KindBody = (call, _value, at) => {
  const name = call['name'];
  const args = call['arguments'];
  const output = call['output'];
  const serverLabel = call['server_label'];
  return (
    (_isString(name) || _failAt(at, 'name', 'string', name)) &&
    (_isString(args) || _failAt(at, 'arguments', 'string', args)) &&
    (_isStringOrNull(output) || _failAt(at, 'output', 'string or null', output)) &&
    (serverLabel === undefined || _isString(serverLabel) || _failAt(at, 'server_label', 'string', serverLabel))
  );
};

// Azure's twelve tool call kinds, each the body the tool call dispatch checks once it has read `type` and
// checked `id` (guards/tool-calls.ts). Most carry their payload under a key named like the type;
// `openapi`'s sits under `function`, as the wire sends it, and `mcp` is flat (above). `azure_function`'s
// payload, and `openapi`'s, are OpenAI's function body.
/** `bing_grounding`'s body. */
export const _bingGroundingBody: _KindBody = /* @__PURE__ */ _under('bing_grounding', _checkStringPayload);
/** `bing_custom_search`'s body. */
export const _bingCustomSearchBody: _KindBody = /* @__PURE__ */ _under('bing_custom_search', _checkStringPayload);
/** `azure_ai_search`'s body. */
export const _aiSearchBody: _KindBody = /* @__PURE__ */ _under('azure_ai_search', _checkStringPayload);
/** `sharepoint_grounding`'s body. */
export const _sharepointBody: _KindBody = /* @__PURE__ */ _under('sharepoint_grounding', _checkStringPayload);
/** `fabric_dataagent`'s body. */
export const _fabricBody: _KindBody = /* @__PURE__ */ _under('fabric_dataagent', _checkStringPayload);
/** `openapi`'s body. */
export const _openApiBody: _KindBody = /* @__PURE__ */ _under('function', _checkFunctionBody);
/** `azure_function`'s body. */
export const _azureFunctionBody: _KindBody = /* @__PURE__ */ _under('azure_function', _checkFunctionBody);
/** `deep_research`'s body. */
export const _deepResearchBody: _KindBody = /* @__PURE__ */ _under('deep_research', _checkDeepResearch);
/** `connected_agent`'s body. */
export const _connectedAgentBody: _KindBody = /* @__PURE__ */ _under('connected_agent', _checkConnectedAgent);
/** `browser_automation`'s body. */
export const _browserAutomationBody: _KindBody = /* @__PURE__ */ _under('browser_automation', _checkBrowserAutomation);
/** `computer_use_preview`'s body. */
export const _computerUseBody: _KindBody = /* @__PURE__ */ _under('computer_use_preview', _checkComputerUse);

// How each kind's fragments merge in a stream, and so what a fragment may hold (streaming/fragments.ts):
// the recordings (test/fixtures/azure/stream) show first fragments with `null` and `""` where the
// completed call holds strings, and later ones with a single field.

/** A function body's fragments, as OpenAI's: the name set once, `arguments` appended, `output` appended once not `null`. */
const _FUNCTION: _MergeRule = { fields: { name: 'name', arguments: 'text', output: 'nullable' } };

/** A `dict[str, str]` payload's fragments: each value appended, `null` starting as `""` (recorded). */
const _PAYLOAD: _MergeRule = { values: 'text' };

/** The rule of a call whose payload sits under `key`. */
/* @__NO_SIDE_EFFECTS__ */
function _payloadUnder(key: string, rule: _MergeRule): _MergeRule {
  return { fields: { [key]: rule } };
}

const _BING_GROUNDING_RULE = /* @__PURE__ */ _payloadUnder('bing_grounding', _PAYLOAD);
const _BING_CUSTOM_SEARCH_RULE = /* @__PURE__ */ _payloadUnder('bing_custom_search', _PAYLOAD);
const _AI_SEARCH_RULE = /* @__PURE__ */ _payloadUnder('azure_ai_search', _PAYLOAD);
const _SHAREPOINT_RULE = /* @__PURE__ */ _payloadUnder('sharepoint_grounding', _PAYLOAD);
const _FABRIC_RULE = /* @__PURE__ */ _payloadUnder('fabric_dataagent', _PAYLOAD);
// `openapi`'s payload sits under `function`, as the wire sends it.
const _OPENAPI_RULE = /* @__PURE__ */ _payloadUnder('function', _FUNCTION);
const _AZURE_FUNCTION_RULE = /* @__PURE__ */ _payloadUnder('azure_function', _FUNCTION);
const _DEEP_RESEARCH_RULE = /* @__PURE__ */ _payloadUnder('deep_research', {
  fields: { input: 'text', output: 'nullable' },
});
const _CONNECTED_AGENT_RULE = /* @__PURE__ */ _payloadUnder('connected_agent', { values: 'nullable' });
// Flat: its fields sit beside `id` and `type` (recorded).
const _MCP_RULE: _MergeRule = { fields: { name: 'name', arguments: 'text', output: 'nullable', server_label: 'name' } };
const _BROWSER_RULE = /* @__PURE__ */ _payloadUnder('browser_automation', {
  fields: { input: 'text', output: 'nullable', steps: { append: _checkBrowserStep } },
});
const _COMPUTER_USE_RULE = /* @__PURE__ */ _payloadUnder('computer_use_preview', {
  fields: {
    action: { whole: _checkAction },
    pending_safety_checks: { whole: _checkSafetyChecks },
    output: { whole: _checkObjectOrNull },
    acknowledged_safety_checks: { whole: _checkSafetyChecksOrNull },
  },
});

// Each entry is written out as a literal: made by one function instead, the thirteen entries cost
// isRunStepObject, which never reads them, 8 instructions a call (bench:instructions, 1083 against 1075
// on a message creation step), for a reason in V8 this package does not control.

/** Every Azure tool call kind's `type` and entry (its body, the keys the Azure checks read, its fragments' rule and check), in the order of the Azure docs. */
export const _AZURE_CALLS: readonly (readonly [AzureOnlyToolCall['type'], _KindEntry])[] = [
  [
    'bing_grounding',
    {
      body: _bingGroundingBody,
      keys: _AZURE_KEYS,
      delta: /* @__PURE__ */ _fragmentBody(_BING_GROUNDING_RULE),
      merge: _BING_GROUNDING_RULE,
    },
  ],
  [
    'bing_custom_search',
    {
      body: _bingCustomSearchBody,
      keys: _AZURE_KEYS,
      delta: /* @__PURE__ */ _fragmentBody(_BING_CUSTOM_SEARCH_RULE),
      merge: _BING_CUSTOM_SEARCH_RULE,
    },
  ],
  [
    'azure_ai_search',
    {
      body: _aiSearchBody,
      keys: _AZURE_KEYS,
      delta: /* @__PURE__ */ _fragmentBody(_AI_SEARCH_RULE),
      merge: _AI_SEARCH_RULE,
    },
  ],
  [
    'sharepoint_grounding',
    {
      body: _sharepointBody,
      keys: _AZURE_KEYS,
      delta: /* @__PURE__ */ _fragmentBody(_SHAREPOINT_RULE),
      merge: _SHAREPOINT_RULE,
    },
  ],
  [
    'fabric_dataagent',
    { body: _fabricBody, keys: _AZURE_KEYS, delta: /* @__PURE__ */ _fragmentBody(_FABRIC_RULE), merge: _FABRIC_RULE },
  ],
  [
    'openapi',
    {
      body: _openApiBody,
      keys: _AZURE_KEYS,
      delta: /* @__PURE__ */ _fragmentBody(_OPENAPI_RULE),
      merge: _OPENAPI_RULE,
    },
  ],
  [
    'azure_function',
    {
      body: _azureFunctionBody,
      keys: _AZURE_KEYS,
      delta: /* @__PURE__ */ _fragmentBody(_AZURE_FUNCTION_RULE),
      merge: _AZURE_FUNCTION_RULE,
    },
  ],
  [
    'deep_research',
    {
      body: _deepResearchBody,
      keys: _AZURE_KEYS,
      delta: /* @__PURE__ */ _fragmentBody(_DEEP_RESEARCH_RULE),
      merge: _DEEP_RESEARCH_RULE,
    },
  ],
  [
    'connected_agent',
    {
      body: _connectedAgentBody,
      keys: _AZURE_KEYS,
      delta: /* @__PURE__ */ _fragmentBody(_CONNECTED_AGENT_RULE),
      merge: _CONNECTED_AGENT_RULE,
    },
  ],
  ['mcp', { body: _mcpBody, keys: _AZURE_KEYS, delta: /* @__PURE__ */ _fragmentBody(_MCP_RULE), merge: _MCP_RULE }],
  [
    'browser_automation',
    {
      body: _browserAutomationBody,
      keys: _AZURE_KEYS,
      delta: /* @__PURE__ */ _fragmentBody(_BROWSER_RULE),
      merge: _BROWSER_RULE,
    },
  ],
  [
    'computer_use_preview',
    {
      body: _computerUseBody,
      keys: _AZURE_KEYS,
      delta: /* @__PURE__ */ _fragmentBody(_COMPUTER_USE_RULE),
      merge: _COMPUTER_USE_RULE,
    },
  ],
];

/**
 * A whole call of one kind, for its own guard (which may be called on any value): its `type` is `type`,
 * its `id` a string, its body passes, each read once.
 */
/* @__NO_SIDE_EFFECTS__ */
export function _wholeCall(type: string, body: _KindBody): _Check {
  return (value, at) => {
    const call = _record(value);
    if (call === undefined) return _fail(at, 'object', value);
    const actual = call['type'];
    const id = call['id'];
    return (
      (actual === type || _failAt(at, 'type', [type], actual)) &&
      (_isString(id) || _failAt(at, 'id', 'string', id)) &&
      body(call, value as object, at)
    );
  };
}

/** A tool an MCP server offers: `{description?, parameters}`. */
function _checkMcpTool(value: unknown, at: _At): boolean {
  const tool = _record(value);
  if (tool === undefined) return _fail(at, 'object', value);
  const description = tool['description'];
  const parameters = tool['parameters'];
  return (
    (description === undefined || _isString(description) || _failAt(at, 'description', 'string', description)) &&
    // A JSON Schema, as the server wrote it: only its being an object is Azure's to promise.
    (_record(parameters) !== undefined || _failAt(at, 'parameters', 'object', parameters))
  );
}

/** An activity: `mcp_list_tools`, the only one there is. */
function _checkActivity(value: unknown, at: _At): boolean {
  const activity = _record(value);
  if (activity === undefined) return _fail(at, 'object', value);
  const type = activity['type'];
  const id = activity['id'];
  const serverLabel = activity['server_label'];
  return (
    (type === 'mcp_list_tools' || _failAt(at, 'type', ['mcp_list_tools'], type)) &&
    (_isString(id) || _failAt(at, 'id', 'string', id)) &&
    (_isString(serverLabel) || _failAt(at, 'server_label', 'string', serverLabel)) &&
    _isMapOf(activity['tools'], _checkMcpTool, 'object', _at(at, 'tools'))
  );
}

/** The body of `activities` step details, once the details dispatch has read `type`: `{activities}`. */
const _activitiesBody: _KindBody = (details, _value, at) =>
  _isArrayOf(details['activities'], _checkActivity, _at(at, 'activities'));

const _ACTIVITIES_RULE: _MergeRule = { fields: { activities: { append: _checkActivity } } };

/** The entry of `activities`, Azure's step details kind. */
export const _ACTIVITIES: _KindEntry = {
  body: _activitiesBody,
  keys: _AZURE_KEYS,
  delta: /* @__PURE__ */ _fragmentBody(_ACTIVITIES_RULE),
  merge: _ACTIVITIES_RULE,
};

/** Whole `activities` step details, for their own guard: `{type, activities}`. */
export function _checkActivitiesDetails(value: unknown, at: _At): boolean {
  const details = _record(value);
  if (details === undefined) return _fail(at, 'object', value);
  const type = details['type'];
  return (
    (type === 'activities' || _failAt(at, 'type', ['activities'], type)) &&
    _activitiesBody(details, value as object, at)
  );
}
