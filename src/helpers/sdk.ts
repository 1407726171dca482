/** Handing a checked run step to code typed with the official `openai` SDK's `RunStep`. */

import type { Metadata, RunStepObject } from '../types.js';

/**
 * A run step with the two keys the `openai` SDK's `RunStep` requires and the API never sent on a run
 * step (`expired_at`, `metadata`; see the README's wire table) present, `null` when absent.
 */
export type SdkCompatibleRunStep<Step extends RunStepObject = RunStepObject> = Step & {
  /** `null` when the step had none (always, on the wire). */
  expired_at: number | null;
  /** `null` when the step had none (always, on the wire). */
  metadata: Metadata | null;
};

/**
 * A shallow copy of a checked run step with `expired_at` and `metadata` filled in (`null` when absent),
 * assignable to the SDK's `RunStep` (openai 7.x; see the README for the cases under
 * `exactOptionalPropertyTypes` and for openai 4.x). The step itself is not changed.
 * @param step A run step, checked by `isRunStepObject` or typed `RunStepObject`.
 * @returns A new object: the step's own keys, and the two keys filled in.
 */
export function toSdkRunStep<Step extends RunStepObject>(step: Step): SdkCompatibleRunStep<Step> {
  return { ...step, expired_at: step.expired_at ?? null, metadata: step.metadata ?? null };
}
