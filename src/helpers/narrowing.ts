/** Narrowing helpers for run steps that are already typed: by `type`, and to their tool calls. */

import type { ToolCallType } from '../enums.js';
import type { MessageCreationRunStep, RunStepObject, ToolCall, ToolCallOfType, ToolCallsRunStep } from '../types.js';

/**
 * Narrows a run step, and its `step_details` with it, to a message creation step.
 * @param step A run step (already checked, e.g. by `isRunStepObject`).
 * @returns `true` when `step.type` is `message_creation`.
 */
export function isMessageCreationStep<Step extends RunStepObject>(
  step: Step,
): step is Extract<Step, MessageCreationRunStep> {
  return step.type === 'message_creation';
}

/**
 * Narrows a run step, and its `step_details` with it, to a tool calls step.
 * @param step A run step (already checked, e.g. by `isRunStepObject`).
 * @returns `true` when `step.type` is `tool_calls`.
 */
export function isToolCallsStep<Step extends RunStepObject>(step: Step): step is Extract<Step, ToolCallsRunStep> {
  return step.type === 'tool_calls';
}

/**
 * Lists a run step's tool calls: `[]` for a message creation step.
 * @param step A run step.
 * @returns A new array of the step's tool calls, in order.
 */
export function getToolCalls(step: RunStepObject): ToolCall[] {
  return step.type === 'tool_calls' ? step.step_details.tool_calls.slice() : [];
}

/**
 * Lists a run step's tool calls of one type, typed exactly (e.g. `FunctionToolCall[]` for `'function'`).
 * @param step A run step.
 * @param type The tool call type to keep.
 * @returns A new array of the matching tool calls, in order.
 */
export function getToolCallsByType<Type extends ToolCallType>(step: RunStepObject, type: Type): ToolCallOfType<Type>[] {
  if (step.type !== 'tool_calls') return [];
  return step.step_details.tool_calls.filter((call): call is ToolCallOfType<Type> => call.type === type);
}
