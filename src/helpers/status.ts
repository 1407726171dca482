/** Narrowing helpers over a typed run step's `status`. */

import { isTerminalRunStepStatus, type RunStepStatus, type TerminalRunStepStatus } from '../enums.js';
import type { RunStepObject } from '../types.js';

/**
 * Narrows a run step to one status (or to any of several, when `status` is a union type).
 * @param step A run step.
 * @param status The status to check for.
 * @returns `true` when `step.status === status`.
 */
export function hasStatus<Step extends RunStepObject, Status extends RunStepStatus>(
  step: Step,
  status: Status,
): step is Step & { status: Status } {
  return step.status === status;
}

/**
 * Narrows a run step to a terminal status: `cancelled`, `failed`, `completed` or `expired`.
 * @param step A run step.
 * @returns `true` when the step will not change again.
 */
export function isTerminalStep<Step extends RunStepObject>(
  step: Step,
): step is Step & { status: TerminalRunStepStatus } {
  return isTerminalRunStepStatus(step.status);
}

/**
 * Narrows a run step to `in_progress`, the only status that can still change.
 * @param step A run step.
 * @returns `true` when `step.status` is `in_progress`.
 */
export function isInProgressStep<Step extends RunStepObject>(step: Step): step is Step & { status: 'in_progress' } {
  return step.status === 'in_progress';
}
