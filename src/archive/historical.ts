/**
 * The guard, validator, assertion and Standard Schema for run steps of any API version, and the helpers
 * that tell which generation a value is. Built on the current checks: the step's fields come from
 * `_checkRunStepFields`, message creation, code interpreter and file search calls from the current
 * checks; only `usage`, the tool call `type`, `retrieval` and the function body are checked here.
 */

import { isRunStepType } from '../enums.js';
import type { Assertion, Validator } from '../diagnostics/issues.js';
import type { RunStepSchema } from '../diagnostics/standard-schema.js';
import { _assertion, _schema, _validator } from '../diagnostics/validators.js';
import { _STOP, _checkRunStepFields, _checkUsage, isRunStepObject } from '../guards/run-step.js';
import { _checkMessageCreation, _failType } from '../guards/step-details.js';
import { _checkToolCallBody } from '../guards/tool-calls.js';
import {
  _ObjectPrototype,
  _append,
  _at,
  _distrust,
  _enterCall,
  _fail,
  _failAt,
  _guard,
  _isArrayOf,
  _isMapOf,
  _isString,
  _leaveCall,
  _record,
  type _At,
  type _Record,
} from '../internal/read.js';
import type { Guard } from '../types.js';
import type {
  AnyRunStepObject,
  HistoricalRunStepObject,
  HistoricalRunStepTrait,
  HistoricalToolCall,
  RunStepGeneration,
} from './types.js';

/** Every tool call `type` a run step of any version carried: v2's three and v1's `retrieval`. */
const _HISTORICAL_TOOL_CALL_TYPES: readonly HistoricalToolCall['type'][] = [
  'code_interpreter',
  'file_search',
  'function',
  'retrieval',
];

/** Any value that could be read: what a `retrieval` body may hold. */
function _readable(): boolean {
  return true;
}

/** A function body, `output` optional: absent until tool outputs were submitted, in 2023. */
function _checkHistoricalFunctionBody(value: unknown, at: _At): boolean {
  const body = _record(value);
  if (body === undefined) return _fail(at, 'object', value);
  const name = body['name'];
  const args = body['arguments'];
  const output = body['output'];
  return (
    (_isString(name) || _failAt(at, 'name', 'string', name)) &&
    (_isString(args) || _failAt(at, 'arguments', 'string', args)) &&
    (output === undefined || output === null || _isString(output) || _failAt(at, 'output', 'string or null', output))
  );
}

/** The body of a historical tool call; the kinds that did not change are checked as current ones. */
function _checkHistoricalToolCallBody(type: HistoricalToolCall['type'], call: _Record, at: _At): boolean {
  // Documented as "always an empty object": any object whose keys and values can be read.
  if (type === 'retrieval') return _isMapOf(call['retrieval'], _readable, 'object', _at(at, 'retrieval'));
  if (type === 'function') return _checkHistoricalFunctionBody(call['function'], _at(at, 'function'));
  return _checkToolCallBody(type, call, at);
}

/** A tool call of any version, chosen by `type` (read once). */
function _checkHistoricalToolCall(value: unknown, at: _At): boolean {
  const call = _record(value);
  if (call === undefined) return _fail(at, 'object', value);
  const type = call['type'];
  const id = call['id'];
  if (type !== 'code_interpreter' && type !== 'file_search' && type !== 'function' && type !== 'retrieval') {
    // A validator goes on with the `id`, as for a current tool call of no known type.
    return _failAt(at, 'type', _HISTORICAL_TOOL_CALL_TYPES, type) && (_isString(id) || _failAt(at, 'id', 'string', id));
  }
  return (_isString(id) || _failAt(at, 'id', 'string', id)) && _checkHistoricalToolCallBody(type, call, at);
}

/** Step details of either type whose tool calls may be historical; as `_checkStepDetails` otherwise. */
function _checkHistoricalStepDetails(value: unknown, at: _At, kind: unknown, step: _At): boolean {
  const details = _record(value);
  if (details === undefined) return _fail(at, 'object', value);
  const type = details['type'];
  if ((!isRunStepType(type) || type !== kind) && !_failType(type, kind, at, step)) return false;
  if (type === 'message_creation') {
    return _checkMessageCreation(details['message_creation'], _at(at, 'message_creation'));
  }
  return _isArrayOf(details['tool_calls'], _checkHistoricalToolCall, _at(at, 'tool_calls'));
}

/** A run step of any version: the current fields, `usage` absent or as now, historical details. */
function _checkHistoricalRunStep(value: unknown, at: _At): boolean {
  _distrust('retrieval' in _ObjectPrototype);
  const step = _record(value);
  if (step === undefined) return _fail(at, 'object', value);
  const type = _checkRunStepFields(step, at);
  let v: unknown;
  return (
    type !== _STOP &&
    ((v = step['usage']) === undefined || v === null || _checkUsage(v, _at(at, 'usage'))) &&
    _checkHistoricalStepDetails(step['step_details'], _at(at, 'step_details'), type, at)
  );
}

/**
 * The check of a historical run step, for the list of historical steps. Current steps are historical
 * ones, so `isAnyRunStepObject` is this check too.
 */
export const _checkAnyRunStep: typeof _checkHistoricalRunStep = _checkHistoricalRunStep;

/**
 * Checks deeply that a value is a run step of any API version, as archives hold them: what
 * {@link isRunStepObject} accepts, and also no `usage` key (before 2024-01-18), `retrieval` tool calls
 * (v1) and function calls without `output` (2023). (`file_search: {}`, early v2, passes both guards.)
 * @param value Any value: a row of an archive, parsed JSON.
 * @returns `true` when `value` is a {@link HistoricalRunStepObject}.
 */
export const isHistoricalRunStepObject: Guard<HistoricalRunStepObject> = _guard(_checkHistoricalRunStep);

/**
 * Validates a run step of any API version, as {@link isHistoricalRunStepObject} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateHistoricalRunStepObject: Validator<HistoricalRunStepObject> = _validator(_checkHistoricalRunStep);

/**
 * Asserts that a value is a run step of any API version; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertHistoricalRunStepObject: Assertion<HistoricalRunStepObject> = _assertion(
  _checkHistoricalRunStep,
  'HistoricalRunStepObject',
);

/** A Standard Schema v1 for {@link HistoricalRunStepObject}. */
export const HistoricalRunStepObjectSchema: RunStepSchema<HistoricalRunStepObject> = _schema(_checkHistoricalRunStep);

/**
 * Checks deeply that a value is a run step of either generation. Accepts exactly what
 * {@link isHistoricalRunStepObject} accepts (a superset of the current steps); narrows to the union.
 * @param value Any value.
 * @returns `true` when `value` is an {@link AnyRunStepObject}.
 */
export const isAnyRunStepObject: Guard<AnyRunStepObject> = _guard(_checkAnyRunStep);

/**
 * Validates a run step of either generation, as {@link isAnyRunStepObject} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateAnyRunStepObject: Validator<AnyRunStepObject> = _validator(_checkAnyRunStep);

/**
 * Asserts that a value is a run step of either generation; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertAnyRunStepObject: Assertion<AnyRunStepObject> = _assertion(_checkAnyRunStep, 'AnyRunStepObject');

/** A Standard Schema v1 for {@link AnyRunStepObject}. */
export const AnyRunStepObjectSchema: RunStepSchema<AnyRunStepObject> = _schema(_checkAnyRunStep);

/**
 * Says which generation a valid run step is: `current` when {@link isRunStepObject} accepts it,
 * `historical` when only {@link isHistoricalRunStepObject} does, `undefined` when neither does. For an
 * invalid value, {@link historicalRunStepTraits} says which validator's issues fit it.
 * @param value Any value.
 * @returns `'current'`, `'historical'` or `undefined`.
 */
export function runStepGeneration(value: unknown): RunStepGeneration | undefined {
  if (isRunStepObject(value)) return 'current';
  return isHistoricalRunStepObject(value) ? 'historical' : undefined;
}

/**
 * Lists the traits of past API versions a value shows, valid or not, each at most once, in the order of
 * {@link HistoricalRunStepTrait}: no `usage` key, a `retrieval` call, a function call without `output`,
 * `file_search: {}`. Reads leniently and never throws. Any trait but `empty_file_search` (which the
 * current guard accepts) means the value is best judged by {@link validateHistoricalRunStepObject}.
 * @param value Any value, typically an object with `object: "thread.run.step"`.
 * @returns The traits found; `[]` for a current step and for what is no object.
 */
export function historicalRunStepTraits(value: unknown): HistoricalRunStepTrait[] {
  const found = { retrieval: false, output: false, fileSearch: false };
  let noUsage = false;
  const outer = _enterCall();
  try {
    const step = _record(value);
    if (step !== undefined) {
      noUsage = step['usage'] === undefined;
      const details = _record(step['step_details']);
      if (details !== undefined) _findToolCallTraits(details['tool_calls'], found);
    }
  } catch {
    // A read that throws ends the search; the traits found so far stand.
  } finally {
    _leaveCall(outer);
  }
  const traits: HistoricalRunStepTrait[] = [];
  if (noUsage) _append(traits, 'no_usage');
  if (found.retrieval) _append(traits, 'retrieval');
  if (found.output) _append(traits, 'function_without_output');
  if (found.fileSearch) _append(traits, 'empty_file_search');
  return traits;
}

/** Marks the historical traits of the tool calls in `value`; stops at the first item that is no object. */
function _findToolCallTraits(
  value: unknown,
  found: { retrieval: boolean; output: boolean; fileSearch: boolean },
): void {
  if (!Array.isArray(value)) return;
  const length: number = value.length;
  for (let index = 0; index < length; index++) {
    const call = _record(value[index] as unknown);
    if (call === undefined) return;
    const type = call['type'];
    if (type === 'retrieval') found.retrieval = true;
    else if (type === 'function') {
      const body = _record(call['function']);
      if (body !== undefined && body['output'] === undefined) found.output = true;
    } else if (type === 'file_search') {
      const body = _record(call['file_search']);
      if (body !== undefined && body['ranking_options'] === undefined && body['results'] === undefined) {
        found.fileSearch = true;
      }
    }
  }
}
