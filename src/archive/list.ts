/** Guards, validators, assertions and Standard Schemas for the list endpoint's response. */

import type { Assertion, Validator } from '../diagnostics/issues.js';
import type { RunStepSchema } from '../diagnostics/standard-schema.js';
import { _assertion, _schema, _validator } from '../diagnostics/validators.js';
import { _checkRunStep } from '../guards/run-step.js';
import { _HISTORICAL_KEYS, _LIST_KEYS, _joinKeys } from '../internal/keys.js';
import {
  _at,
  _fail,
  _failAt,
  _guard,
  _isArrayOf,
  _isString,
  _record,
  type _At,
  type _Check,
} from '../internal/read.js';
import type { Guard } from '../types.js';
import { _HISTORICAL } from './historical.js';
import type { AnyRunStepList, RunStepList } from './types.js';

/**
 * `{object: "list", data, first_id, last_id, has_more}`, each item of `data` checked by `item`. The ids
 * are not compared with `data`'s: the wire's own consistency is not this package's to judge.
 */
function _checkList(value: unknown, at: _At, item: _Check): boolean {
  const list = _record(value);
  if (list === undefined) return _fail(at, 'object', value);
  let v: unknown;
  return (
    ((v = list['object']) === 'list' || _failAt(at, 'object', '"list"', v)) &&
    _isArrayOf(list['data'], item, _at(at, 'data')) &&
    // `null` for both when `data` is empty (see `RunStepList`).
    ((v = list['first_id']) === null || _isString(v) || _failAt(at, 'first_id', 'string or null', v)) &&
    ((v = list['last_id']) === null || _isString(v) || _failAt(at, 'last_id', 'string or null', v)) &&
    (typeof (v = list['has_more']) === 'boolean' || _failAt(at, 'has_more', 'boolean', v))
  );
}

/** The keys the list checks read beyond the base ones: the envelope's, and for the list of either generation the historical steps'. */
const _KEYS = _LIST_KEYS;
const _ANY_KEYS = /* @__PURE__ */ _joinKeys([_LIST_KEYS, _HISTORICAL_KEYS]);

/** A list of current run steps. */
function _checkRunStepList(value: unknown, at: _At): boolean {
  return _checkList(value, at, _checkRunStep);
}

/** A list of run steps of either generation. */
function _checkAnyRunStepList(value: unknown, at: _At): boolean {
  return _checkList(value, at, _HISTORICAL.checkStep);
}

/**
 * Checks deeply that a value is a response of the list endpoint whose every step is a current run step.
 * @param value Any value: the parsed body of `GET /v1/threads/{thread}/runs/{run}/steps`.
 * @returns `true` when `value` is a {@link RunStepList}.
 */
export const isRunStepList: Guard<RunStepList> = _guard(_checkRunStepList, _KEYS);

/**
 * Validates a list response of current run steps, as {@link isRunStepList} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateRunStepList: Validator<RunStepList> = _validator(_checkRunStepList, _KEYS);

/**
 * Asserts that a value is a list response of current run steps; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertRunStepList: Assertion<RunStepList> = _assertion(_checkRunStepList, 'RunStepList', _KEYS);

/** A Standard Schema v1 for {@link RunStepList}. */
export const RunStepListSchema: RunStepSchema<RunStepList> = _schema(_checkRunStepList, _KEYS);

/**
 * Checks deeply that a value is a list response whose steps may be of either generation (archives).
 * @param value Any value.
 * @returns `true` when `value` is an {@link AnyRunStepList}.
 */
export const isAnyRunStepList: Guard<AnyRunStepList> = _guard(_checkAnyRunStepList, _ANY_KEYS);

/**
 * Validates a list response of steps of either generation, as {@link isAnyRunStepList} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateAnyRunStepList: Validator<AnyRunStepList> = _validator(_checkAnyRunStepList, _ANY_KEYS);

/**
 * Asserts that a value is a list response of steps of either generation; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertAnyRunStepList: Assertion<AnyRunStepList> = _assertion(
  _checkAnyRunStepList,
  'AnyRunStepList',
  _ANY_KEYS,
);

/** A Standard Schema v1 for {@link AnyRunStepList}. */
export const AnyRunStepListSchema: RunStepSchema<AnyRunStepList> = _schema(_checkAnyRunStepList, _ANY_KEYS);
