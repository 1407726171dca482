/**
 * Exhaustive matching, for a value of any flavour: one handler per case the value's type allows, a
 * compile error when a case is missing, and a clear `TypeError` at run time when a value has no handler
 * (a value that skipped the guards). The handler is found by the value's own key among the handlers'
 * members (see `_match`): handler objects may carry other members too (a class instance with state and
 * methods), and nothing is ever taken from `Object.prototype`.
 */

import { RUN_STEP_STATUSES, type RunStepStatus, type RunStepType, type ToolCallType } from '../enums.js';
import { _describe } from '../internal/describe.js';
import { _match } from '../internal/match.js';
import type { RunStepObject, ToolCall, ToolCallShape } from '../types.js';
import type { RunStepShape } from './narrowing.js';

/** One handler per status, each given the step narrowed to that status. */
export type RunStepStatusHandlers<Step extends RunStepShape = RunStepObject> = {
  readonly [Status in RunStepStatus]: (step: Step & { status: Status }) => unknown;
};

/**
 * One handler per type the step may have, each given the step narrowed to that type (and its
 * `step_details`): `message_creation` and `tool_calls` for OpenAI's steps, and `activities` too for
 * Azure's. A step type whose `type` is any string has no cases to list, and is refused.
 */
export type RunStepTypeHandlers<Step extends RunStepShape = RunStepObject> = string extends Step['type']
  ? { readonly 'matchStepType needs known step types: a step whose type is any string has no cases to list': never }
  : { readonly [Type in Step['type']]: (step: Extract<Step, { type: Type }>) => unknown };

/**
 * One handler per kind the call may be, each given the call narrowed to that kind: OpenAI's three for a
 * `ToolCall`, Azure's fifteen for an `AzureToolCall`, and your own kinds for a guard of
 * `createRunStepGuard`. The open mode's `UnknownToolCall`, whose `type` is any string, has no case of
 * its own: a union that holds it is refused, so split it off first with the guard set's `isKnownToolCall`.
 */
export type ToolCallHandlers<Call extends ToolCallShape = ToolCall> = string extends Call['type']
  ? { readonly 'matchToolCall needs known kinds: split off UnknownToolCall with isKnownToolCall first': never }
  : { readonly [Type in Call['type']]: (call: Extract<Call, { type: Type }>) => unknown };

/**
 * The handlers of OpenAI's step types and tool call kinds, over keys that do not depend on the value's
 * type: so that the first overloads of `matchStepType` and `matchToolCall`, which take OpenAI's steps and
 * calls, also compile in generic code (a value typed `Step extends RunStepObject`), as they always have.
 * A map over `Step['type']` is generic there, and TypeScript cannot relate an object literal to it.
 */
type _OpenAIStepTypeHandlers<Step extends RunStepObject> = {
  readonly [Type in RunStepType]: (step: Extract<Step, { type: Type }>) => unknown;
};
type _OpenAIToolCallHandlers<Call extends ToolCall> = {
  readonly [Type in ToolCallType]: (call: Extract<Call, { type: Type }>) => unknown;
};

/**
 * What the handlers for `Keys` return, as `ReturnType<Handlers[Keys]>` would say where the handlers'
 * keys are known to include `Keys`: the union of their return types.
 */
type _Returned<Handlers, Keys extends PropertyKey> = Handlers[Keys & keyof Handlers] extends infer Handler
  ? Handler extends (...args: never) => infer Result
    ? Result
    : never
  : never;

/**
 * Runs the handler for the step's `status`. Every status needs a handler, or the call does not compile.
 * @param step A run step of any flavour.
 * @param handlers One function per status; each receives the step narrowed to that status.
 * @returns What the chosen handler returns.
 * @throws {TypeError} When `step.status` is not a known status at run time, or its handler is missing.
 */
export function matchStatus<Step extends RunStepShape, Handlers extends RunStepStatusHandlers<Step>>(
  step: Step,
  handlers: Handlers,
): ReturnType<Handlers[RunStepStatus]> {
  return _match('matchStatus', 'status', RUN_STEP_STATUSES, step.status, handlers, step) as ReturnType<
    Handlers[RunStepStatus]
  >;
}

/**
 * Runs the handler for the step's `type`, with the step and its `step_details` narrowed together. Every
 * type the step may have needs a handler, or the call does not compile: OpenAI's two for its steps, and
 * a flavour's own too (`activities` for Azure's).
 * @param step A run step of any flavour.
 * @param handlers One function per step type.
 * @returns What the chosen handler returns.
 * @throws {TypeError} When `step.type` is not a string at run time, or has no handler.
 */
export function matchStepType<Step extends RunStepObject, Handlers extends _OpenAIStepTypeHandlers<Step>>(
  step: Step,
  handlers: Handlers,
): ReturnType<Handlers[RunStepType]>;
export function matchStepType<Step extends RunStepShape, Handlers extends RunStepTypeHandlers<Step>>(
  step: Step,
  handlers: Handlers,
): _Returned<Handlers, Step['type']>;
export function matchStepType(step: RunStepShape, handlers: object): unknown {
  return _match('matchStepType', 'type', undefined, step.type, handlers, step);
}

/**
 * Runs the handler for a tool call's `type`, with the call narrowed to that kind. Every kind the call may
 * be needs a handler, or the call does not compile: OpenAI's three for a `ToolCall`, Azure's fifteen for
 * an `AzureToolCall`, yours for a call of `createRunStepGuard`.
 * @param call A tool call of any flavour (not an `UnknownToolCall`: see {@link ToolCallHandlers}).
 * @param handlers One function per tool call type.
 * @returns What the chosen handler returns.
 * @throws {TypeError} When `call.type` is not a string at run time, or has no handler.
 */
export function matchToolCall<Call extends ToolCall, Handlers extends _OpenAIToolCallHandlers<Call>>(
  call: Call,
  handlers: Handlers,
): ReturnType<Handlers[ToolCallType]>;
export function matchToolCall<Call extends ToolCallShape, Handlers extends ToolCallHandlers<Call>>(
  call: Call,
  handlers: Handlers,
): _Returned<Handlers, Call['type']>;
export function matchToolCall(call: ToolCallShape, handlers: object): unknown {
  return _match('matchToolCall', 'tool call type', undefined, call.type, handlers, call);
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
