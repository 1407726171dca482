/**
 * Exhaustive matching: one handler per case, a compile error when a case is missing, and a clear
 * `TypeError` at run time when a value is outside the enum (a value that skipped the guards). Handler
 * objects may carry other members too (a class instance with state and methods).
 */

import {
  RUN_STEP_STATUSES,
  RUN_STEP_TYPES,
  TOOL_CALL_TYPES,
  type RunStepStatus,
  type RunStepType,
  type ToolCallType,
} from '../enums.js';
import { _describe } from '../internal/describe.js';
import { _match } from '../internal/match.js';
import type { RunStepObject, ToolCall } from '../types.js';

/** One handler per status, each given the step narrowed to that status. */
export type RunStepStatusHandlers<Step extends RunStepObject = RunStepObject> = {
  readonly [Status in RunStepStatus]: (step: Step & { status: Status }) => unknown;
};

/** One handler per step type, each given the step narrowed to that type (and its `step_details`). */
export type RunStepTypeHandlers<Step extends RunStepObject = RunStepObject> = {
  readonly [Type in RunStepType]: (step: Extract<Step, { type: Type }>) => unknown;
};

/** One handler per tool call type, each given the call narrowed to that type. */
export type ToolCallHandlers<Call extends ToolCall = ToolCall> = {
  readonly [Type in ToolCallType]: (call: Extract<Call, { type: Type }>) => unknown;
};

/**
 * Runs the handler for the step's `status`. Every status needs a handler, or the call does not compile.
 * @param step A run step.
 * @param handlers One function per status; each receives the step narrowed to that status.
 * @returns What the chosen handler returns.
 * @throws {TypeError} When `step.status` is not a known status at run time.
 */
export function matchStatus<Step extends RunStepObject, Handlers extends RunStepStatusHandlers<Step>>(
  step: Step,
  handlers: Handlers,
): ReturnType<Handlers[RunStepStatus]> {
  return _match('matchStatus', 'status', RUN_STEP_STATUSES, step.status, handlers, step) as ReturnType<
    Handlers[RunStepStatus]
  >;
}

/**
 * Runs the handler for the step's `type`, with the step and its `step_details` narrowed together.
 * @param step A run step.
 * @param handlers One function per step type.
 * @returns What the chosen handler returns.
 * @throws {TypeError} When `step.type` is not a known type at run time.
 */
export function matchStepType<Step extends RunStepObject, Handlers extends RunStepTypeHandlers<Step>>(
  step: Step,
  handlers: Handlers,
): ReturnType<Handlers[RunStepType]> {
  return _match('matchStepType', 'type', RUN_STEP_TYPES, step.type, handlers, step) as ReturnType<
    Handlers[RunStepType]
  >;
}

/**
 * Runs the handler for a tool call's `type`, with the call narrowed to that kind.
 * @param call A tool call.
 * @param handlers One function per tool call type.
 * @returns What the chosen handler returns.
 * @throws {TypeError} When `call.type` is not a known type at run time.
 */
export function matchToolCall<Call extends ToolCall, Handlers extends ToolCallHandlers<Call>>(
  call: Call,
  handlers: Handlers,
): ReturnType<Handlers[ToolCallType]> {
  return _match('matchToolCall', 'tool call type', TOOL_CALL_TYPES, call.type, handlers, call) as ReturnType<
    Handlers[ToolCallType]
  >;
}

/**
 * Marks a branch that cannot be reached: put it in a `switch`'s `default` to prove the switch exhaustive.
 * @param value The value left over; its type must be `never`, or the call does not compile.
 * @param message An optional message for the error.
 * @returns Never: it always throws.
 * @throws {TypeError} Always, naming the unexpected value.
 */
export function assertNever(value: never, message?: string): never {
  throw new TypeError(message ?? `Unexpected value: ${_describe(value)}`);
}
