/** The deep guard, validator, assertion and Standard Schema for a whole run step. */

import { RUN_STEP_ERROR_CODES, RUN_STEP_STATUSES, RUN_STEP_TYPES, TOOL_CALL_TYPES } from '../enums.js';
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
  type _Check,
  type _Record,
} from '../internal/read.js';
import { _joinKeys, type _KeyGroup } from '../internal/keys.js';
import type { _KindEntry } from '../internal/kinds.js';
import type { Guard, RunStepObject } from '../types.js';
import type { _Flavour } from './flavour.js';
import { _checkStepDetails, _failType } from './step-details.js';
import { _checkToolCall, _failToolCallType } from './tool-calls.js';

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

/**
 * `usage` when not `null`: three integer counts and, since 2025, two optional breakdowns; absent only
 * where the flavour allows it (steps before 2024-01-18).
 */
function _checkUsage(value: unknown, at: _At, flavour: _Flavour | undefined): boolean {
  const usage = _record(value);
  if (usage === undefined) {
    return (
      (value === undefined && flavour !== undefined && flavour.optionalUsage) || _fail(at, 'object or null', value)
    );
  }
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
 * reports the very value that failed and few values stay live across the calls in between. The one step
 * assembler, for every flavour (`flavour`, see flavour.ts; `undefined` for OpenAI's current steps).
 */
export function _checkRunStep(value: unknown, at: _At, flavour?: _Flavour): boolean {
  const step = _record(value);
  if (step === undefined) return _fail(at, 'object', value);
  const type = _checkRunStepFields(step, at, flavour);
  let v: unknown;
  return (
    type !== _STOP &&
    ((v = step['usage']) === null || _checkUsage(v, _at(at, 'usage'), flavour)) &&
    _checkStepDetails(step['step_details'], _at(at, 'step_details'), type, at, flavour)
  );
}

/** What {@link _checkRunStepFields} returns when the check must stop: no value read from a step. */
const _STOP: unique symbol = Symbol('stop');

/**
 * Every field of a run step but `usage` and `step_details`. Returns the step's `type` as read (checked to be a step type, unless a validator goes on past it), or
 * `_STOP` when the check must stop. No function is passed in, so that a program checking several
 * flavours leaves every call in here monomorphic; a flavour's differences come as data (`_Flavour`),
 * looked at only where OpenAI's own value has failed.
 */
function _checkRunStepFields(step: _Record, at: _At, flavour: _Flavour | undefined): unknown {
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

/** How a flavour departs from OpenAI's current steps: what `_flavour` is given. */
export interface _FlavourSpec {
  /**
   * Tool call kinds beyond OpenAI's: `[type, entry]` pairs (an array, not a `Map`, so that a flavour made
   * at the top of a module stays free of side effects for a bundler, and is dropped when unused).
   */
  readonly calls?: readonly (readonly [string, _KindEntry])[] | undefined;
  /** Step types (and their details' kinds) beyond OpenAI's, as `calls`. */
  readonly details?: readonly (readonly [string, _KindEntry])[] | undefined;
  readonly acceptUnknown?: boolean | undefined;
  readonly anyErrorCode?: boolean | undefined;
  readonly optionalUsage?: boolean | undefined;
  readonly optionalFunctionOutput?: boolean | undefined;
  /** The keys its own checks read beyond the base ones, besides its kinds' (joined with theirs). */
  readonly keys?: _KeyGroup | undefined;
}

/**
 * A flavour (see flavour.ts): the spec as data, every list a validator names made once, and the step and
 * tool call checks bound to it. Every flavour is made here, so that all of them share one hidden class.
 */
/* @__NO_SIDE_EFFECTS__ */
export function _flavour(spec: _FlavourSpec): _Flavour {
  const calls: ReadonlyMap<string, _KindEntry> = new Map(spec.calls);
  const details: ReadonlyMap<string, _KindEntry> = new Map(spec.details);
  const stepTypes = [...details.keys()];
  const keys = _joinKeys([spec.keys, ...[...calls.values(), ...details.values()].map((entry) => entry.keys)]);
  const checkStep: _Check = (value, at) => _checkRunStep(value, at, flavour);
  const checkCall: _Check = (value, at) => _checkToolCall(value, at, undefined, flavour);
  const otherCall: _Flavour['otherCall'] = (type, id, value, call, at) =>
    _flavouredToolCall(type, id, value, call, at, flavour);
  const otherDetails: _Flavour['otherDetails'] = (type, kind, value, details, at, step) =>
    _flavouredDetails(type, kind, value, details, at, step, flavour);
  const flavour: _Flavour = {
    details,
    allStepTypes: [...RUN_STEP_TYPES, ...stepTypes],
    stepTypes,
    calls,
    callTypes: [...TOOL_CALL_TYPES, ...calls.keys()],
    acceptUnknown: spec.acceptUnknown === true,
    anyErrorCode: spec.anyErrorCode === true,
    optionalUsage: spec.optionalUsage === true,
    optionalFunctionOutput: spec.optionalFunctionOutput === true,
    keys,
    checkStep,
    checkCall,
    otherCall,
    otherDetails,
  };
  return flavour;
}

/**
 * A flavour's tool call whose `type` is none of OpenAI's: a kind of the flavour is checked by its body
 * (after the `id`), which is given the record as this call reads it (while Object.prototype is
 * polluted, a view that answers only own keys, so that a user's check cannot be fooled by the pollution
 * either); in the open mode any other string `type` passes with a string `id`; else a failure.
 */
function _flavouredToolCall(
  type: unknown,
  id: unknown,
  value: object,
  call: _Record,
  at: _At,
  flavour: _Flavour,
): boolean {
  const added = typeof type === 'string' ? flavour.calls.get(type) : undefined;
  if (added !== undefined) return (_isString(id) || _failAt(at, 'id', 'string', id)) && added.body(call, value, at);
  if (flavour.acceptUnknown && typeof type === 'string') return _isString(id) || _failAt(at, 'id', 'string', id);
  return _failToolCallType(type, id, call, flavour.acceptUnknown ? 'string' : flavour.callTypes, at, flavour);
}

/**
 * A flavour's step details whose `type` is none of OpenAI's, or not the step's: its own kind's answer, a
 * failure, or (`undefined`) OpenAI's body of that type for a validator to go on with.
 */
function _flavouredDetails(
  type: unknown,
  kind: unknown,
  value: object,
  details: _Record,
  at: _At,
  step: _At,
  flavour: _Flavour,
): boolean | undefined {
  const added = typeof type === 'string' ? flavour.details.get(type) : undefined;
  const known = isRunStepType(type) || added !== undefined;
  const types = flavour.allStepTypes;
  if ((!known || type !== kind) && !_failType(type, kind, known, types.includes(kind as string), types, at, step))
    return false;
  // A validator goes on here only with a known type.
  return added !== undefined ? added.body(details, value, at) : undefined;
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
