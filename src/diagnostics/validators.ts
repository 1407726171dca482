/**
 * Makes a validator, an assertion and a Standard Schema object from the same check routine a guard is
 * made from (see `_At` in internal/read.ts): they cannot disagree with the guard of the same name. Each
 * runs that guard first, and the reporting pass only when it says no, so that on valid input a
 * validator costs what the guard costs (tRPC, Hono and other Standard Schema consumers only ever call
 * `validate`). `keys` are the groups of keys the check reads beyond the base ones (internal/keys.ts).
 */

import type { _KeyGroup } from '../internal/keys.js';
import { _collect } from '../internal/report.js';
import { _guard, type _Check } from '../internal/read.js';
import {
  DEFAULT_MAX_ISSUES,
  RunStepValidationError,
  type Assertion,
  type ValidateOptions,
  type Validator,
} from './issues.js';
import type { RunStepSchema, StandardSchemaV1 } from './standard-schema.js';

/**
 * `key` of an options object, read once; `undefined` for no object, or for a read that throws (a
 * getter, a proxy's trap): options never make a validator throw.
 */
function _option(options: unknown, key: string): unknown {
  if ((typeof options !== 'object' && typeof options !== 'function') || options === null) return undefined;
  try {
    return (options as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/**
 * The one rule for `maxIssues`, in validators and in Standard Schema `libraryOptions`: a number, not
 * `NaN`, floored and at least 1; anything else (a string, an object, whatever `valueOf` it has) is the
 * default. No conversion runs, so no user code does.
 */
export function _maxIssues(value: unknown): number {
  if (typeof value !== 'number' || value !== value) return DEFAULT_MAX_ISSUES;
  const floored = Math.floor(value);
  return floored >= 1 ? floored : 1;
}

/** Wraps a check into a `validate*` function. */
/* @__NO_SIDE_EFFECTS__ */
export function _validator<Value>(check: _Check, keys?: _KeyGroup): Validator<Value> {
  const guard = _guard<Value>(check, keys);
  return (value: unknown, options?: ValidateOptions) => {
    if (guard(value)) return { success: true, value };
    const issues = _collect(check, value, _maxIssues(_option(options, 'maxIssues')), false, keys, true);
    return issues.length === 0 ? { success: true, value: value as Value } : { success: false, issues };
  };
}

/** Wraps a check into an `assert*` function that throws a {@link RunStepValidationError} named `expected`. */
/* @__NO_SIDE_EFFECTS__ */
export function _assertion<Value>(check: _Check, expected: string, keys?: _KeyGroup): Assertion<Value> {
  const guard = _guard<Value>(check, keys);
  return (value: unknown): asserts value is Value => {
    if (guard(value)) return;
    const issues = _collect(check, value, DEFAULT_MAX_ISSUES, false, keys, true);
    if (issues.length !== 0) throw new RunStepValidationError(expected, issues);
  };
}

/** Wraps a check into a Standard Schema v1 object; `libraryOptions.maxIssues` is honoured. */
/* @__NO_SIDE_EFFECTS__ */
export function _schema<Value>(check: _Check, keys?: _KeyGroup): RunStepSchema<Value> {
  const guard = _guard<Value>(check, keys);
  return {
    '~standard': {
      version: 1,
      vendor: 'openai-run-step-guards',
      validate: (value: unknown, options?: StandardSchemaV1.Options) => {
        if (guard(value)) return { value };
        const max = _option(_option(options, 'libraryOptions'), 'maxIssues');
        const issues = _collect(check, value, _maxIssues(max), false, keys, true);
        return issues.length === 0 ? { value: value as Value } : { issues };
      },
    },
  };
}
