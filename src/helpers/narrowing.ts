/**
 * Narrowing helpers for run steps that are already typed: by `type`, and to their tool calls. They take a
 * run step of any flavour (OpenAI's, Azure's, a historical one, one from `createRunStepGuard`), and read
 * its tool call, details and error code types from the step's own type.
 */

import type { RunStepShape, StepDetailsShape, ToolCall, ToolCallShape } from '../types.js';

export type { RunStepShape } from '../types.js';

/**
 * What `getToolCalls` and `getToolCallsByType` take: a run step whose `tool_calls` steps hold calls of
 * type `Call`, which TypeScript infers from the step given (`AzureToolCall` from an `AzureRunStepObject`).
 */
type _StepWithCalls<Call> = RunStepShape &
  (
    | { type: 'tool_calls'; step_details: { type: 'tool_calls'; tool_calls: readonly Call[] } }
    | { type: string; step_details: StepDetailsShape }
  );

/** The members of `Call` whose `type` is a literal. */
type _LiteralType<Call> = Call extends { type: infer Type } ? (string extends Type ? never : Type) : never;

/** The members of `Call` whose `type` is any string (the open mode's `UnknownToolCall`). */
type _OpenCall<Call> = Call extends { type: infer Type } ? (string extends Type ? Call : never) : never;

/**
 * The members of the tool call union `Call` that a call whose `type` is `Type` may be: the kind of that
 * type, and, for a type that names none of `Call`'s kinds, the open mode's `UnknownToolCall` if `Call`
 * holds it (an unknown call never has a known kind's type).
 */
export type ToolCallOfTypeIn<Call, Type extends string> =
  Extract<Call, { type: Type }> | ([Exclude<Type, _LiteralType<Call>>] extends [never] ? never : _OpenCall<Call>);

/**
 * Narrows a run step, and its `step_details` with it, to a message creation step.
 * @param step A run step of any flavour (already checked, e.g. by `isRunStepObject`).
 * @returns `true` when `step.type` is `message_creation`.
 */
export function isMessageCreationStep<Step extends RunStepShape>(
  step: Step,
): step is Extract<Step, { type: 'message_creation' }> {
  return step.type === 'message_creation';
}

/**
 * Narrows a run step, and its `step_details` with it, to a tool calls step.
 * @param step A run step of any flavour (already checked, e.g. by `isRunStepObject`).
 * @returns `true` when `step.type` is `tool_calls`.
 */
export function isToolCallsStep<Step extends RunStepShape>(step: Step): step is Extract<Step, { type: 'tool_calls' }> {
  return step.type === 'tool_calls';
}

/**
 * Lists a run step's tool calls: `[]` for a step of any other type.
 * @param step A run step of any flavour.
 * @returns A new array of the step's tool calls, in order, typed as the step's calls (`AzureToolCall[]`
 * for an Azure step; OpenAI's `ToolCall[]` for a step type that holds no calls, such as a message creation step).
 */
export function getToolCalls<Call extends ToolCallShape = ToolCall>(step: _StepWithCalls<Call>): Call[] {
  return step.type === 'tool_calls' ? _calls(step).slice() : [];
}

/**
 * Lists a run step's tool calls of one type, typed exactly (e.g. `FunctionToolCall[]` for `'function'`,
 * `AzureMcpToolCall[]` for `'mcp'` on an Azure step).
 * @param step A run step of any flavour.
 * @param type The tool call type to keep: one of the step's own call types. (It always infers `Type`, whose
 * default is there only because a type parameter with none may not follow `Call`, which has one.)
 * @returns A new array of the matching tool calls, in order.
 */
export function getToolCallsByType<
  Call extends ToolCallShape = ToolCall,
  const Type extends Call['type'] = Call['type'],
>(step: _StepWithCalls<Call>, type: Type): ToolCallOfTypeIn<Call, Type>[] {
  if (step.type !== 'tool_calls') return [];
  return _calls(step).filter((call): call is ToolCallOfTypeIn<Call, Type> => call.type === type);
}

/** The calls of a step whose `type` is `tool_calls`. */
function _calls<Call>(step: _StepWithCalls<Call>): readonly Call[] {
  return (step.step_details as { tool_calls: readonly Call[] }).tool_calls;
}
