/** Guards, validators, assertions and Standard Schemas for a run step's `step_details`, discriminated on `type`. */

import { RUN_STEP_TYPES, isRunStepType } from '../enums.js';
import type { Assertion, Validator } from '../diagnostics/issues.js';
import type { RunStepSchema } from '../diagnostics/standard-schema.js';
import { _assertion, _schema, _validator } from '../diagnostics/validators.js';
import {
  _at,
  _fail,
  _failAt,
  _guard,
  _isArrayOf,
  _isString,
  _record,
  type _At,
  type _Record,
} from '../internal/read.js';
import type { Guard, MessageCreationStepDetails, RunStepDetails, ToolCallsStepDetails } from '../types.js';
import type { _Flavour } from './flavour.js';
import { _checkToolCall } from './tool-calls.js';

/** `message_creation`: `{message_id}`. */
function _checkMessageCreation(value: unknown, at: _At): boolean {
  const messageCreation = _record(value);
  if (messageCreation === undefined) return _fail(at, 'object', value);
  const messageId = messageCreation['message_id'];
  return _isString(messageId) || _failAt(at, 'message_id', 'string', messageId);
}

/**
 * Step details of any type, or only of `kind`. The run step check passes its own `type` as `kind` (read,
 * not yet known to be a step type), and its own position as `step`: a step whose `type` disagrees with
 * `step_details.type` is rejected. The one details dispatch, for every flavour (see flavour.ts): its
 * kinds are looked up only once `type` is none of OpenAI's, or not the step's (by
 * `flavour.otherDetails`, which a guard of OpenAI's steps alone does not bundle).
 */
export function _checkStepDetails(value: unknown, at: _At, kind?: unknown, step?: _At, flavour?: _Flavour): boolean {
  const details = _record(value);
  if (details === undefined) return _fail(at, 'object', value);
  const type = details['type'];
  if (!isRunStepType(type) || (kind !== undefined && type !== kind)) {
    // `undefined`: a validator goes on with the body of OpenAI's details of this `type`.
    const answer = _otherDetails(type, kind, value as object, details, at, step, flavour);
    if (answer !== undefined) return answer;
  }
  if (type === 'message_creation') {
    return _checkMessageCreation(details['message_creation'], _at(at, 'message_creation'));
  }
  // `[]` while the step is created or in progress, and on some failed steps.
  return _isArrayOf(
    details['tool_calls'],
    flavour === undefined ? _checkToolCall : flavour.checkCall,
    _at(at, 'tool_calls'),
  );
}

/** Details whose `type` is none of OpenAI's, or not `kind`: a failure, or the flavour's to judge. */
function _otherDetails(
  type: unknown,
  kind: unknown,
  value: object,
  details: _Record,
  at: _At,
  step: _At,
  flavour: _Flavour | undefined,
): boolean | undefined {
  if (flavour !== undefined) return flavour.otherDetails(type, kind, value, details, at, step);
  return _failType(type, kind, isRunStepType(type), isRunStepType(kind), RUN_STEP_TYPES, at, step) ? undefined : false;
}

/**
 * Details whose `type` is no step type of the flavour (`known` is false), or another than asked for
 * (kept out of `_checkStepDetails`, so that it stays small enough to be inlined). Under a run step, a
 * validator reports a disagreement at both `type`s, since either may be the wrong one; a step `type`
 * that is no step type at all (`kindKnown` is false) has been reported already. `types` are the
 * flavour's step types. Returns whether a validator goes on with the body of the details' own type.
 */
export function _failType(
  type: unknown,
  kind: unknown,
  known: boolean,
  kindKnown: boolean,
  types: readonly string[],
  at: _At,
  step: _At,
): boolean {
  if (!known) return _failAt(at, 'type', kindKnown ? [kind as string] : types, type) && false;
  if (step === undefined) return _failAt(at, 'type', [kind as string], type);
  if (!kindKnown) return true;
  return (
    _failAt(at, 'type', `"${String(kind)}" (the step's type)`, type) &&
    _failAt(step, 'type', `"${String(type)}" (its step_details.type)`, kind)
  );
}

/**
 * Checks deeply that a value is the `step_details` of a run step, of either type.
 * @param value Any value.
 * @returns `true` when `value` is a {@link RunStepDetails}.
 */
export const isRunStepDetails: Guard<RunStepDetails> = _guard(_checkStepDetails);

/**
 * Checks that a value is the `step_details` of a message creation step.
 * @param value Any value.
 * @returns `true` when `value` is a {@link MessageCreationStepDetails}.
 */
export const isMessageCreationStepDetails: Guard<MessageCreationStepDetails> = _guard(_checkMessageCreationDetails);

/**
 * Checks deeply that a value is the `step_details` of a tool calls step, every tool call included.
 * @param value Any value.
 * @returns `true` when `value` is a {@link ToolCallsStepDetails}.
 */
export const isToolCallsStepDetails: Guard<ToolCallsStepDetails> = _guard(_checkToolCallsDetails);

/** Message creation details only. */
function _checkMessageCreationDetails(value: unknown, at: _At): boolean {
  return _checkStepDetails(value, at, 'message_creation');
}

/** Tool calls details only. */
function _checkToolCallsDetails(value: unknown, at: _At): boolean {
  return _checkStepDetails(value, at, 'tool_calls');
}

/**
 * Validates `step_details` of either type, as {@link isRunStepDetails} checks them.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateRunStepDetails: Validator<RunStepDetails> = _validator(_checkStepDetails);

/**
 * Validates message creation `step_details`, as {@link isMessageCreationStepDetails} checks them.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateMessageCreationStepDetails: Validator<MessageCreationStepDetails> =
  _validator(_checkMessageCreationDetails);

/**
 * Validates tool calls `step_details`, as {@link isToolCallsStepDetails} checks them.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateToolCallsStepDetails: Validator<ToolCallsStepDetails> = _validator(_checkToolCallsDetails);

/**
 * Asserts that a value is `step_details` of either type; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertRunStepDetails: Assertion<RunStepDetails> = _assertion(_checkStepDetails, 'RunStepDetails');

/**
 * Asserts that a value is message creation `step_details`; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertMessageCreationStepDetails: Assertion<MessageCreationStepDetails> = _assertion(
  _checkMessageCreationDetails,
  'MessageCreationStepDetails',
);

/**
 * Asserts that a value is tool calls `step_details`; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertToolCallsStepDetails: Assertion<ToolCallsStepDetails> = _assertion(
  _checkToolCallsDetails,
  'ToolCallsStepDetails',
);

/** A Standard Schema v1 for {@link RunStepDetails}. */
export const RunStepDetailsSchema: RunStepSchema<RunStepDetails> = _schema(_checkStepDetails);

/** A Standard Schema v1 for {@link MessageCreationStepDetails}. */
export const MessageCreationStepDetailsSchema: RunStepSchema<MessageCreationStepDetails> =
  _schema(_checkMessageCreationDetails);

/** A Standard Schema v1 for {@link ToolCallsStepDetails}. */
export const ToolCallsStepDetailsSchema: RunStepSchema<ToolCallsStepDetails> = _schema(_checkToolCallsDetails);
