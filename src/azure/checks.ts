/**
 * The checks of Azure's tool call kinds and `activities` details, written like the package's own (see
 * internal/read.ts): each property read once, a validator's issues at their paths. The shapes are in
 * types.ts, with where each is known from. A few checks share a helper that reads the payload under a
 * key passed in (slower than a constant key, see read.ts); Azure's kinds are off the default guard's
 * path, and twelve copies of one routine would say the same thing twelve times.
 */

import {
  _ObjectPrototype,
  _at,
  _distrust,
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

/**
 * Called first by every Azure check a kind or guard starts from: the keys the Azure checks read beyond the
 * default checks' are tested against `Object.prototype` here, not in `_objectPrototypeIsClean`, so that
 * the default guards do not test them on every call (see `_distrust`). test/azure-hostile.test.ts fails for
 * a key missing here.
 */
function _distrustAzureKeys(): void {
  const prototype: object = _ObjectPrototype;
  _distrust(
    'acknowledged_safety_checks' in prototype ||
      'action' in prototype ||
      'activities' in prototype ||
      'azure_ai_search' in prototype ||
      'azure_function' in prototype ||
      'bing_custom_search' in prototype ||
      'bing_grounding' in prototype ||
      'browser_automation' in prototype ||
      'computer_use_preview' in prototype ||
      'connected_agent' in prototype ||
      'current_state' in prototype ||
      'deep_research' in prototype ||
      'description' in prototype ||
      'fabric_dataagent' in prototype ||
      'last_step_result' in prototype ||
      'next_step' in prototype ||
      'parameters' in prototype ||
      'pending_safety_checks' in prototype ||
      'server_label' in prototype ||
      'sharepoint_grounding' in prototype ||
      'steps' in prototype ||
      'tools' in prototype,
  );
}

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

/** `computer_use_preview`: known only from the SDK, whose fields are all optional; checked as loosely. */
function _checkComputerUse(value: unknown, at: _At): boolean {
  const details = _record(value);
  if (details === undefined) return _fail(at, 'object', value);
  let v: unknown;
  return (
    ((v = details['action']) === undefined || _checkAction(v, _at(at, 'action'))) &&
    ((v = details['pending_safety_checks']) === undefined ||
      _isArrayOf(v, _checkSafetyCheck, _at(at, 'pending_safety_checks'))) &&
    ((v = details['output']) === undefined ||
      v === null ||
      _record(v) !== undefined ||
      _failAt(at, 'output', 'object or null', v)) &&
    ((v = details['acknowledged_safety_checks']) === undefined ||
      v === null ||
      _isArrayOf(v, _checkSafetyCheck, _at(at, 'acknowledged_safety_checks')))
  );
}

/**
 * A call whose payload sits under `key`: its `type` is `type`, its `id` a string, its payload passes
 * `body`. The call's own guard checks `type` too, since it may be called on any value.
 */
function _checkNestedCall(value: unknown, at: _At, type: string, key: string, body: _Check): boolean {
  _distrustAzureKeys();
  const call = _record(value);
  if (call === undefined) return _fail(at, 'object', value);
  const actual = call['type'];
  const id = call['id'];
  return (
    (actual === type || _failAt(at, 'type', [type], actual)) &&
    (_isString(id) || _failAt(at, 'id', 'string', id)) &&
    body(call[key], _at(at, key))
  );
}

/** `bing_grounding`. */
export function _checkBingGroundingCall(value: unknown, at: _At): boolean {
  return _checkNestedCall(value, at, 'bing_grounding', 'bing_grounding', _checkStringPayload);
}

/** `bing_custom_search`. */
export function _checkBingCustomSearchCall(value: unknown, at: _At): boolean {
  return _checkNestedCall(value, at, 'bing_custom_search', 'bing_custom_search', _checkStringPayload);
}

/** `azure_ai_search`. */
export function _checkAISearchCall(value: unknown, at: _At): boolean {
  return _checkNestedCall(value, at, 'azure_ai_search', 'azure_ai_search', _checkStringPayload);
}

/** `sharepoint_grounding`. */
export function _checkSharepointCall(value: unknown, at: _At): boolean {
  return _checkNestedCall(value, at, 'sharepoint_grounding', 'sharepoint_grounding', _checkStringPayload);
}

/** `fabric_dataagent`. */
export function _checkFabricCall(value: unknown, at: _At): boolean {
  return _checkNestedCall(value, at, 'fabric_dataagent', 'fabric_dataagent', _checkStringPayload);
}

/** `openapi`: the payload under `function`, as the wire sends it. */
export function _checkOpenApiCall(value: unknown, at: _At): boolean {
  return _checkNestedCall(value, at, 'openapi', 'function', _checkFunctionBody);
}

/** `azure_function`. */
export function _checkAzureFunctionCall(value: unknown, at: _At): boolean {
  return _checkNestedCall(value, at, 'azure_function', 'azure_function', _checkFunctionBody);
}

/** `deep_research`. */
export function _checkDeepResearchCall(value: unknown, at: _At): boolean {
  return _checkNestedCall(value, at, 'deep_research', 'deep_research', _checkDeepResearch);
}

/** `connected_agent`. */
export function _checkConnectedAgentCall(value: unknown, at: _At): boolean {
  return _checkNestedCall(value, at, 'connected_agent', 'connected_agent', _checkConnectedAgent);
}

/** `browser_automation`. */
export function _checkBrowserAutomationCall(value: unknown, at: _At): boolean {
  return _checkNestedCall(value, at, 'browser_automation', 'browser_automation', _checkBrowserAutomation);
}

/** `computer_use_preview`. */
export function _checkComputerUseCall(value: unknown, at: _At): boolean {
  return _checkNestedCall(value, at, 'computer_use_preview', 'computer_use_preview', _checkComputerUse);
}

/** `mcp`: flat, `{id, type, name, arguments, output, server_label?}`. */
export function _checkMcpCall(value: unknown, at: _At): boolean {
  _distrustAzureKeys();
  const call = _record(value);
  if (call === undefined) return _fail(at, 'object', value);
  const type = call['type'];
  const id = call['id'];
  const name = call['name'];
  const args = call['arguments'];
  const output = call['output'];
  const serverLabel = call['server_label'];
  return (
    (type === 'mcp' || _failAt(at, 'type', ['mcp'], type)) &&
    (_isString(id) || _failAt(at, 'id', 'string', id)) &&
    (_isString(name) || _failAt(at, 'name', 'string', name)) &&
    (_isString(args) || _failAt(at, 'arguments', 'string', args)) &&
    (_isStringOrNull(output) || _failAt(at, 'output', 'string or null', output)) &&
    (serverLabel === undefined || _isString(serverLabel) || _failAt(at, 'server_label', 'string', serverLabel))
  );
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

/** `activities` step details: `{type, activities}`. */
export function _checkActivitiesDetails(value: unknown, at: _At): boolean {
  _distrustAzureKeys();
  const details = _record(value);
  if (details === undefined) return _fail(at, 'object', value);
  const type = details['type'];
  return (
    (type === 'activities' || _failAt(at, 'type', ['activities'], type)) &&
    _isArrayOf(details['activities'], _checkActivity, _at(at, 'activities'))
  );
}
