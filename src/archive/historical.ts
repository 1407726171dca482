/**
 * The guard, validator, assertion and Standard Schema for run steps of any API version, and the helpers
 * that tell which generation a value is. A built-in flavour of the current checks (guards/flavour.ts):
 * everything is checked by them; only `retrieval`'s body is written here.
 */

import type { Assertion, Validator } from '../diagnostics/issues.js';
import type { RunStepSchema } from '../diagnostics/standard-schema.js';
import { _flavour, isRunStepObject } from '../guards/run-step.js';
import { _stepAssertion, _stepGuard, _stepSchema, _stepValidator } from '../guards/entries.js';
import type { _Flavour } from '../guards/flavour.js';
import { _HISTORICAL_KEYS } from '../internal/keys.js';
import type { _KindEntry } from '../internal/kinds.js';
import {
  _append,
  _at,
  _call,
  _guard,
  _isMapOf,
  _record,
  type _At,
  type _Check,
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

/** Any value that could be read: what a `retrieval` body may hold. */
function _readable(): boolean {
  return true;
}

/** v1's `retrieval` call, documented as "always an empty object": any object whose keys and values can be read. */
const _RETRIEVAL: _KindEntry = {
  body: (call: _Record, _value: object, at: _At) =>
    _isMapOf(call['retrieval'], _readable, 'object', _at(at, 'retrieval')),
  keys: _HISTORICAL_KEYS,
  // v2 has no `retrieval`, and v1 streamed nothing: no fragment of one was ever sent.
  delta: undefined,
  merge: undefined,
};

/**
 * Run steps of every API version, as a built-in flavour (the check of a list of historical steps uses it too) (see guards/flavour.ts): `usage` may be absent
 * (before 2024-01-18), a function call's `output` too (2023), and v1's `retrieval` is a tool call kind.
 * Code interpreter and file search calls and message creation did not change.
 */
export const _HISTORICAL: _Flavour = _flavour({
  calls: [['retrieval' satisfies HistoricalToolCall['type'], _RETRIEVAL]],
  optionalUsage: true,
  optionalFunctionOutput: true,
});

/**
 * Checks deeply that a value is a run step of any API version, as archives hold them: what
 * {@link isRunStepObject} accepts, and also no `usage` key (before 2024-01-18), `retrieval` tool calls
 * (v1) and function calls without `output` (2023). (`file_search: {}`, early v2, passes both guards.)
 * @param value Any value: a row of an archive, parsed JSON.
 * @returns `true` when `value` is a {@link HistoricalRunStepObject}.
 */
export const isHistoricalRunStepObject: Guard<HistoricalRunStepObject> = _stepGuard(_HISTORICAL);

/**
 * Validates a run step of any API version, as {@link isHistoricalRunStepObject} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateHistoricalRunStepObject: Validator<HistoricalRunStepObject> = _stepValidator(_HISTORICAL);

/**
 * Asserts that a value is a run step of any API version; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertHistoricalRunStepObject: Assertion<HistoricalRunStepObject> = _stepAssertion(
  _HISTORICAL,
  'HistoricalRunStepObject',
);

/** A Standard Schema v1 for {@link HistoricalRunStepObject}. */
export const HistoricalRunStepObjectSchema: RunStepSchema<HistoricalRunStepObject> = _stepSchema(_HISTORICAL);

/**
 * Checks deeply that a value is a run step of either generation. Accepts exactly what
 * {@link isHistoricalRunStepObject} accepts (a superset of the current steps); narrows to the union.
 * @param value Any value.
 * @returns `true` when `value` is an {@link AnyRunStepObject}.
 */
export const isAnyRunStepObject: Guard<AnyRunStepObject> = _stepGuard(_HISTORICAL);

/**
 * Validates a run step of either generation, as {@link isAnyRunStepObject} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateAnyRunStepObject: Validator<AnyRunStepObject> = _stepValidator(_HISTORICAL);

/**
 * Asserts that a value is a run step of either generation; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertAnyRunStepObject: Assertion<AnyRunStepObject> = _stepAssertion(_HISTORICAL, 'AnyRunStepObject');

/** A Standard Schema v1 for {@link AnyRunStepObject}. */
export const AnyRunStepObjectSchema: RunStepSchema<AnyRunStepObject> = _stepSchema(_HISTORICAL);

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
  const found: _Traits = { noUsage: false, retrieval: false, output: false, fileSearch: false };
  try {
    _call(_findTraits, { value, found });
  } catch {
    // A read that throws ends the search; the traits found so far stand.
  }
  const traits: HistoricalRunStepTrait[] = [];
  if (found.noUsage) _append(traits, 'no_usage');
  if (found.retrieval) _append(traits, 'retrieval');
  if (found.output) _append(traits, 'function_without_output');
  if (found.fileSearch) _append(traits, 'empty_file_search');
  return traits;
}

/** The traits found so far. */
interface _Traits {
  noUsage: boolean;
  retrieval: boolean;
  output: boolean;
  fileSearch: boolean;
}

/** Marks the traits of a step, inside one call of the read protocol. */
function _findTraits({ value, found }: { value: unknown; found: _Traits }): void {
  const step = _record(value);
  if (step === undefined) return;
  found.noUsage = step['usage'] === undefined;
  const details = _record(step['step_details']);
  if (details !== undefined) _findToolCallTraits(details['tool_calls'], found);
}

/** Marks the historical traits of the tool calls in `value`; stops at the first item that is no object. */
function _findToolCallTraits(value: unknown, found: _Traits): void {
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
