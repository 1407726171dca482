/** Narrowing helpers over a typed run step's `status`, for a run step of any flavour. */

import { isTerminalRunStepStatus, type RunStepStatus, type TerminalRunStepStatus } from '../enums.js';
import type { RunStepShape } from './narrowing.js';

/** `true` when `Type` is a union of several members. */
type _IsUnion<Type, Whole = Type> = Type extends unknown ? ([Whole] extends [Type] ? false : true) : never;

/**
 * What `hasStatus` accepts: one status. Given a union (say, a variable typed `RunStepStatus`), a `false`
 * answer would not mean "none of them", yet TypeScript would narrow the false branch as if it did, to
 * `never` where values remain. The union is refused at compile time, with this type's text as the reason.
 */
type _OneStatus<Status extends RunStepStatus> =
  true extends _IsUnion<Status> ? 'hasStatus takes one status literal; compare step.status for a union' : Status;

/**
 * Narrows a run step to one status.
 * @param step A run step of any flavour.
 * @param status The status to check for: one literal, such as `'completed'` (a union does not compile).
 * @returns `true` when `step.status === status`.
 */
export function hasStatus<Step extends RunStepShape, Status extends RunStepStatus>(
  step: Step,
  status: _OneStatus<Status>,
): step is Step & { status: Status } {
  return step.status === status;
}

/**
 * Narrows a run step to a terminal status: `cancelled`, `failed`, `completed` or `expired`.
 * @param step A run step of any flavour.
 * @returns `true` when the step will not change again.
 */
export function isTerminalStep<Step extends RunStepShape>(
  step: Step,
): step is Step & { status: TerminalRunStepStatus } {
  return isTerminalRunStepStatus(step.status);
}

/**
 * Narrows a run step to `in_progress`, the only status that can still change.
 * @param step A run step of any flavour.
 * @returns `true` when `step.status` is `in_progress`.
 */
export function isInProgressStep<Step extends RunStepShape>(step: Step): step is Step & { status: 'in_progress' } {
  return step.status === 'in_progress';
}
