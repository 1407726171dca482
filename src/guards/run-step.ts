/** The deep guard, validator, assertion and Standard Schema for a whole run step. */

import { RUN_STEP_ERROR_CODES, RUN_STEP_STATUSES, RUN_STEP_TYPES } from '../enums.js';
import { isRunStepErrorCode, isRunStepStatus, isRunStepType } from '../enums.js';
import type { Assertion, Validator } from '../diagnostics/issues.js';
import type { RunStepSchema } from '../diagnostics/standard-schema.js';
import { _assertion, _schema, _validator } from '../diagnostics/validators.js';
import {
  _at,
  _fail,
  _failAt,
  _guard,
  _isInteger,
  _isIntegerOrNull,
  _isMapOf,
  _isString,
  _record,
  type _At,
  type _Record,
} from '../internal/read.js';
import type { Guard, RunStepObject } from '../types.js';
import { _checkStepDetails } from './step-details.js';

/**
 * How a run step flavour other than OpenAI's current one departs from it in the fields
 * `_checkRunStepFields` checks (made by `createRunStepGuard`; `undefined` for the default).
 */
export interface _Flavour {
  /** Step types beyond OpenAI's two (each also a `step_details.type`). */
  readonly stepTypes: readonly string[];
  /** Every step type, OpenAI's first: what a validator names as expected. */
  readonly allStepTypes: readonly string[];
  /** Whether `last_error.code` may be any string (Azure's spec leaves it open). */
  readonly anyErrorCode: boolean;
}

/** `last_error` when not `null`: `{code, message}`. */
export function _checkLastError(value: unknown, at: _At, flavour?: _Flavour): boolean {
  const error = _record(value);
  if (error === undefined) return _fail(at, 'object or null', value);
  const code = error['code'];
  const message = error['message'];
  return (
    (isRunStepErrorCode(code) ||
      (flavour !== undefined && flavour.anyErrorCode && _isString(code)) ||
      _failAt(at, 'code', flavour !== undefined && flavour.anyErrorCode ? 'string' : RUN_STEP_ERROR_CODES, code)) &&
    (_isString(message) || _failAt(at, 'message', 'string', message))
  );
}

/** `usage` when not `null`: three integer counts and, since 2025, two optional breakdowns. */
export function _checkUsage(value: unknown, at: _At): boolean {
  const usage = _record(value);
  if (usage === undefined) return _fail(at, 'object or null', value);
  const promptTokens = usage['prompt_tokens'];
  const completionTokens = usage['completion_tokens'];
  const totalTokens = usage['total_tokens'];
  // Not in the spec; sent since 2025. The API spells the first one `token`, singular.
  const promptDetails = usage['prompt_token_details'];
  const completionDetails = usage['completion_tokens_details'];
  return (
    (_isInteger(promptTokens) || _failAt(at, 'prompt_tokens', 'integer', promptTokens)) &&
    (_isInteger(completionTokens) || _failAt(at, 'completion_tokens', 'integer', completionTokens)) &&
    (_isInteger(totalTokens) || _failAt(at, 'total_tokens', 'integer', totalTokens)) &&
    (promptDetails === undefined || _checkPromptTokenDetails(promptDetails, _at(at, 'prompt_token_details'))) &&
    (completionDetails === undefined ||
      _checkCompletionTokensDetails(completionDetails, _at(at, 'completion_tokens_details')))
  );
}

// The two breakdowns are written out, not shared with the key as a parameter: a read under a key that
// varies is a keyed lookup, several times slower than a read under a constant key.

/** `usage.prompt_token_details`: `{cached_tokens}`. */
function _checkPromptTokenDetails(value: unknown, at: _At): boolean {
  const details = _record(value);
  if (details === undefined) return _fail(at, 'object', value);
  const cachedTokens = details['cached_tokens'];
  return _isInteger(cachedTokens) || _failAt(at, 'cached_tokens', 'integer', cachedTokens);
}

/** `usage.completion_tokens_details`: `{reasoning_tokens}`. */
function _checkCompletionTokensDetails(value: unknown, at: _At): boolean {
  const details = _record(value);
  if (details === undefined) return _fail(at, 'object', value);
  const reasoningTokens = details['reasoning_tokens'];
  return _isInteger(reasoningTokens) || _failAt(at, 'reasoning_tokens', 'integer', reasoningTokens);
}

/** A `metadata` value. */
function _checkMetadataValue(value: unknown, at: _At): boolean {
  return _isString(value) || _fail(at, 'string', value);
}

/**
 * A run step: every field, and `step_details` of the same `type` as the step. Each value is read once,
 * into `v` (or a named local when it is needed again), inside the check that uses it, so that a failure
 * reports the very value that failed and few values stay live across the calls in between.
 */
export function _checkRunStep(value: unknown, at: _At): boolean {
  const step = _record(value);
  if (step === undefined) return _fail(at, 'object', value);
  const type = _checkRunStepFields(step, at);
  let v: unknown;
  return (
    type !== _STOP &&
    ((v = step['usage']) === null || _checkUsage(v, _at(at, 'usage'))) &&
    _checkStepDetails(step['step_details'], _at(at, 'step_details'), type, at)
  );
}

/** What {@link _checkRunStepFields} returns when the check must stop: no value read from a step. */
export const _STOP: unique symbol = Symbol('stop');

/**
 * Every field of a run step but `usage` and `step_details`: the one place they are checked, for the
 * current step and for every other flavour (historical, a provider's), which differ only in those two.
 * Returns the step's `type` as read (checked to be a step type, unless a validator goes on past it), or
 * `_STOP` when the check must stop. No function is passed in, so that a program checking several
 * flavours leaves every call in here monomorphic; a flavour's differences come as data (`_Flavour`),
 * looked at only where OpenAI's own value has failed.
 */
export function _checkRunStepFields(step: _Record, at: _At, flavour?: _Flavour): unknown {
  let v: unknown;
  let type: unknown;
  return ((v = step['object']) === 'thread.run.step' || _failAt(at, 'object', '"thread.run.step"', v)) &&
    (_isString((v = step['id'])) || _failAt(at, 'id', 'string', v)) &&
    (_isInteger((v = step['created_at'])) || _failAt(at, 'created_at', 'integer', v)) &&
    (_isString((v = step['assistant_id'])) || _failAt(at, 'assistant_id', 'string', v)) &&
    (_isString((v = step['thread_id'])) || _failAt(at, 'thread_id', 'string', v)) &&
    (_isString((v = step['run_id'])) || _failAt(at, 'run_id', 'string', v)) &&
    (isRunStepType((type = step['type'])) ||
      (flavour !== undefined && flavour.stepTypes.includes(type as string)) ||
      _failAt(at, 'type', flavour === undefined ? RUN_STEP_TYPES : flavour.allStepTypes, type)) &&
    (isRunStepStatus((v = step['status'])) || _failAt(at, 'status', RUN_STEP_STATUSES, v)) &&
    ((v = step['last_error']) === null || _checkLastError(v, _at(at, 'last_error'), flavour)) &&
    (_isIntegerOrNull((v = step['cancelled_at'])) || _failAt(at, 'cancelled_at', 'integer or null', v)) &&
    (_isIntegerOrNull((v = step['failed_at'])) || _failAt(at, 'failed_at', 'integer or null', v)) &&
    (_isIntegerOrNull((v = step['completed_at'])) || _failAt(at, 'completed_at', 'integer or null', v)) &&
    // The spec requires `expired_at` and `metadata`; the wire never sends them, and sends `expires_at`.
    ((v = step['expired_at']) === undefined ||
      _isIntegerOrNull(v) ||
      _failAt(at, 'expired_at', 'integer or null', v)) &&
    ((v = step['expires_at']) === undefined ||
      _isIntegerOrNull(v) ||
      _failAt(at, 'expires_at', 'integer or null', v)) &&
    ((v = step['metadata']) === undefined ||
      v === null ||
      _isMapOf(v, _checkMetadataValue, 'object or null', _at(at, 'metadata')))
    ? type
    : _STOP;
}

/**
 * Checks deeply that a value is a run step: every field, nested object and array item, with
 * `step_details.type` equal to `type`. Unknown extra keys pass; unknown enum values do not.
 * @param value Any value: parsed JSON, a stream event's `data`, a database row.
 * @returns `true` when `value` is a {@link RunStepObject}.
 */
export const isRunStepObject: Guard<RunStepObject> = _guard(_checkRunStep);

/**
 * Checks a value as {@link isRunStepObject} does and says why it is not a run step: every issue, with
 * its path, what was expected and what was found.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateRunStepObject: Validator<RunStepObject> = _validator(_checkRunStep);

/**
 * Asserts that a value is a run step; throws a `RunStepValidationError` listing every issue otherwise.
 * @param value Any value.
 */
export const assertRunStepObject: Assertion<RunStepObject> = _assertion(_checkRunStep, 'RunStepObject');

/** A Standard Schema v1 for {@link RunStepObject}, for any library that accepts one (tRPC, Hono, TanStack Form...). */
export const RunStepObjectSchema: RunStepSchema<RunStepObject> = _schema(_checkRunStep);
