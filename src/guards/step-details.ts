/** Guards for a run step's `step_details`, discriminated on `type`. */

import type { RunStepType } from '../enums.js';
import { _guard, _isArrayOf, _isString, _record, type _Record } from '../internal/read.js';
import type { Guard, MessageCreationStepDetails, RunStepDetails, ToolCallsStepDetails } from '../types.js';
import { _checkToolCall } from './tool-calls.js';

/** The rest of the step details once `type` is known: the body sits under the key named like the type. */
function _checkDetailsBody(type: unknown, details: _Record): boolean {
  switch (type) {
    case 'message_creation': {
      const messageCreation = _record(details['message_creation']);
      return messageCreation !== undefined && _isString(messageCreation['message_id']);
    }
    case 'tool_calls':
      // `[]` while the step is created or in progress, and on some failed steps.
      return _isArrayOf(details['tool_calls'], _checkToolCall);
    default:
      return false;
  }
}

/**
 * Step details of any type, or only of `kind`. The run step guard passes its own `type` as `kind`,
 * which is how a step whose `type` disagrees with `step_details.type` is rejected.
 */
export function _checkStepDetails(value: unknown, kind?: RunStepType): boolean {
  const details = _record(value);
  if (details === undefined) return false;
  const type = details['type'];
  return (kind === undefined || type === kind) && _checkDetailsBody(type, details);
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
export const isMessageCreationStepDetails: Guard<MessageCreationStepDetails> = _guard((value) =>
  _checkStepDetails(value, 'message_creation'),
);

/**
 * Checks deeply that a value is the `step_details` of a tool calls step, every tool call included.
 * @param value Any value.
 * @returns `true` when `value` is a {@link ToolCallsStepDetails}.
 */
export const isToolCallsStepDetails: Guard<ToolCallsStepDetails> = _guard((value) =>
  _checkStepDetails(value, 'tool_calls'),
);
