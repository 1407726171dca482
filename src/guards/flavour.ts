/**
 * A flavour: how a family of run steps departs from OpenAI's current one, as data. The checks of
 * guards/ take one as their last argument (`undefined` for OpenAI's current steps) and look at it only
 * where OpenAI's own value has failed, so that a program checking several flavours leaves every call
 * on the default path monomorphic and as fast as with one. The built-in flavours are the historical
 * steps (archive/historical.ts) and the Azure profile (azure/index.ts); `createRunStepGuard` makes one
 * from a user's options. `_flavour` (run-step.ts) builds them.
 */

import type { _KeyGroup } from '../internal/keys.js';
import type { _KindEntry } from '../internal/kinds.js';
import type { _At, _Check, _Record } from '../internal/read.js';

/** A flavour of run step (see the top of this file). */
export interface _Flavour {
  /** Step types beyond OpenAI's two (each also a `step_details.type`), with their details' kinds. */
  readonly details: ReadonlyMap<string, _KindEntry>;
  /** Every step type, OpenAI's first: what a validator names as expected. */
  readonly allStepTypes: readonly string[];
  /** The step types beyond OpenAI's (the keys of `details`). */
  readonly stepTypes: readonly string[];
  /** Tool call kinds beyond OpenAI's three, by `type`. */
  readonly calls: ReadonlyMap<string, _KindEntry>;
  /** Every tool call type, OpenAI's first: what a validator names as expected. */
  readonly callTypes: readonly string[];
  /** Whether a call of any other string `type` passes (with a string `id`): the open mode. */
  readonly acceptUnknown: boolean;
  /** Whether `last_error.code` may be any string (Azure's spec leaves it open). */
  readonly anyErrorCode: boolean;
  /** Whether `usage` may be absent (steps before 2024-01-18). */
  readonly optionalUsage: boolean;
  /** Whether a function call's `output` may be absent (2023). */
  readonly optionalFunctionOutput: boolean;
  /** The keys its checks read beyond the base ones: every kind's groups, joined. */
  readonly keys: _KeyGroup | undefined;
  /** A whole run step of this flavour. */
  readonly checkStep: _Check;
  /** One tool call of this flavour. */
  readonly checkCall: _Check;
  /** A tool call whose `type` is none of OpenAI's: one of the flavour's kinds, the open mode, or a failure. */
  readonly otherCall: (type: unknown, id: unknown, value: object, call: _Record, at: _At) => boolean;
  /**
   * Step details whose `type` is none of OpenAI's, or not the step's (`kind`): the flavour's own kind's
   * answer, a failure (`false`), or `undefined` for a validator to go on with OpenAI's body of that `type`.
   */
  readonly otherDetails: (
    type: unknown,
    kind: unknown,
    value: object,
    details: _Record,
    at: _At,
    step: _At,
  ) => boolean | undefined;
}
