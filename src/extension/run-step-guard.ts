/**
 * `createRunStepGuard`: a guard, validator, assertion and Standard Schema for run steps whose tool calls
 * (and step details) are OpenAI's kinds plus kinds the caller adds, optionally with an open branch for
 * kinds nobody listed. Every field OpenAI's run step has is checked by the same routine as for
 * `isRunStepObject` (`_checkRunStepFields`); only the details differ.
 */

import { isToolCallType, type RunStepErrorCode } from '../enums.js';
import type { Assertion, Validator } from '../diagnostics/issues.js';
import type { RunStepSchema } from '../diagnostics/standard-schema.js';
import {
  _callGuard,
  _callValidator,
  _stepAssertion,
  _stepGuard,
  _stepSchema,
  _stepValidator,
} from '../guards/entries.js';
import { _flavour } from '../guards/run-step.js';
import { _describe } from '../internal/describe.js';
import { _kindEntry, type _KindEntry } from '../internal/kinds.js';
import {
  _callDeltaGuard,
  _callDeltaValidator,
  _deltaAssertion,
  _deltaGuard,
  _deltaSchema,
  _deltaValidator,
  _eventAssertion,
  _eventGuard,
  _eventSchema,
  _eventValidator,
} from '../streaming/entries.js';
import { _stream } from '../streaming/guards.js';
import type { RunStepDeltaObject, RunStepStreamEvent, ToolCallDelta, ToolCallDeltaShape } from '../streaming/types.js';
import type { Guard, RunStepObject, StepDetailsShape, ToolCall, ToolCallShape, UnknownToolCall } from '../types.js';
import type { StepDetailsKind, ToolCallKind } from './kinds.js';

/** What an extended guard does with a tool call of a kind it was not told about. */
export type UnknownToolCallMode = 'reject' | 'accept';

/** Which `last_error.code` values an extended guard accepts: OpenAI's two, or any string. */
export type LastErrorCodeMode = 'known' | 'any';

/** The options of {@link createRunStepGuard}. */
export interface RunStepGuardOptions<
  TKinds extends readonly ToolCallKind[] = readonly ToolCallKind[],
  TDetailsKinds extends readonly StepDetailsKind[] = readonly StepDetailsKind[],
  TUnknown extends UnknownToolCallMode = UnknownToolCallMode,
  TCodes extends LastErrorCodeMode = LastErrorCodeMode,
> {
  /** Tool call kinds beyond OpenAI's, from `defineToolCallKind`. */
  readonly toolCalls?: TKinds | undefined;
  /** Step details kinds beyond OpenAI's (and step types with them), from `defineStepDetailsKind`. */
  readonly stepDetails?: TDetailsKinds | undefined;
  /**
   * `reject` (the default): a call of any other kind fails. `accept`, the open mode: such a call passes
   * as an {@link UnknownToolCall} when its `id` and `type` are strings; nothing else in it is checked.
   */
  readonly unknownToolCalls?: TUnknown | undefined;
  /** `known` (the default): `last_error.code` is one of OpenAI's two; `any`: any string. */
  readonly lastErrorCodes?: TCodes | undefined;
  /** The type's name in an assertion's error message; default `RunStepObject`. */
  readonly name?: string | undefined;
}

/** The call type a kind from `defineToolCallKind` stands for. */
export type ToolCallOfKind<Kind> = Kind extends ToolCallKind<string, infer Call> ? Call : never;

/** The details type a kind from `defineStepDetailsKind` stands for. */
export type StepDetailsOfKind<Kind> = Kind extends StepDetailsKind<string, infer Details> ? Details : never;

/** The type of `last_error.code` under a {@link LastErrorCodeMode}. */
export type ErrorCodeOfMode<Mode extends LastErrorCodeMode> = Mode extends 'any'
  ? RunStepErrorCode | (string & {})
  : RunStepErrorCode;

/**
 * What {@link createRunStepGuard} returns: the same four functions as every root, for its steps, its
 * deltas and its stream events, and two for tool calls. `Delta` defaults to any flavour's delta, so that a
 * type written with the first three parameters only still fits every set.
 */
export interface RunStepGuardSet<
  Step,
  KnownCall extends ToolCallShape = ToolCall,
  Call extends ToolCallShape = KnownCall,
  Delta = RunStepDeltaObject<ToolCallDeltaShape, StepDetailsShape>,
> {
  /** Checks deeply that a value is a run step of this flavour. */
  readonly is: Guard<Step>;
  /** Checks a value as `is` does, and says why it is not one. */
  readonly validate: Validator<Step>;
  /**
   * Throws a `RunStepValidationError` unless the value is one. (TypeScript requires an assertion to be
   * called through a name with an explicit type: `const assertStep: Assertion<Step> = guards.assert`.)
   */
  readonly assert: Assertion<Step>;
  /** A Standard Schema v1 for the step. */
  readonly schema: RunStepSchema<Step>;
  /** Checks deeply that a value is one tool call of any kind this guard accepts. */
  readonly isToolCall: Guard<Call>;
  /** Validates one tool call, as `isToolCall` checks it. */
  readonly validateToolCall: Validator<Call>;
  /**
   * Splits a checked call from the open branch: `true` for a call of a kind the guard knows (OpenAI's or
   * added), `false` for an {@link UnknownToolCall}. After it, `switch (call.type)` narrows exactly.
   */
  readonly isKnownToolCall: (call: Call) => call is Extract<Call, KnownCall>;
  /**
   * Checks deeply that a value is a run step delta of this flavour: each added kind's chunks by its
   * `delta` check (see `defineToolCallKind`); a chunk of a kind the guard does not know is rejected at
   * its `type`, or passes in the open mode with its `index` and a string `id` if present.
   */
  readonly isDelta: Guard<Delta>;
  /** Validates a delta, as `isDelta` checks it. */
  readonly validateDelta: Validator<Delta>;
  /** Throws a `RunStepValidationError` unless the value is a delta of this flavour. */
  readonly assertDelta: Assertion<Delta>;
  /** A Standard Schema v1 for the delta. */
  readonly deltaSchema: RunStepSchema<Delta>;
  /** Checks deeply that a value is a stream event of this flavour: `data` a step (as `is`) or a delta (as `isDelta`). */
  readonly isStreamEvent: Guard<RunStepStreamEvent<Step, Delta>>;
  /** Validates a stream event, as `isStreamEvent` checks it. */
  readonly validateStreamEvent: Validator<RunStepStreamEvent<Step, Delta>>;
  /** Throws a `RunStepValidationError` unless the value is a stream event of this flavour. */
  readonly assertStreamEvent: Assertion<RunStepStreamEvent<Step, Delta>>;
  /** A Standard Schema v1 for the stream event. */
  readonly streamEventSchema: RunStepSchema<RunStepStreamEvent<Step, Delta>>;
  /** Checks deeply that a value is one tool call chunk of any kind this guard accepts, as `isDelta` checks each. */
  readonly isToolCallDelta: Guard<ToolCallDeltaOf<Delta>>;
  /** Validates one tool call chunk, as `isToolCallDelta` checks it. */
  readonly validateToolCallDelta: Validator<ToolCallDeltaOf<Delta>>;
}

/** The tool call chunk type of a delta type (its `tool_calls` items). */
export type ToolCallDeltaOf<Delta> =
  Delta extends RunStepDeltaObject<infer CallDelta, StepDetailsShape> ? CallDelta : ToolCallDeltaShape;

/** The call chunk type a kind from `defineToolCallKind` stands for. */
export type ToolCallDeltaOfKind<Kind> = Kind extends ToolCallKind<string, ToolCallShape, infer Delta> ? Delta : never;

/** The details chunk type a kind from `defineStepDetailsKind` stands for. */
export type StepDetailsDeltaOfKind<Kind> =
  Kind extends StepDetailsKind<string, StepDetailsShape, infer Delta> ? Delta : never;

/** A chunk of a call of a kind nobody listed, in the open mode: its `index`, `type` and `id`, the rest unchecked. */
export interface UnknownToolCallDelta {
  /** The position of the call in the step's `tool_calls` (an integer). */
  index: number;
  /** The ID of the tool call: on the call's first chunk. */
  id?: string | undefined;
  /** A kind the guard was not told about. */
  type: string;
  /** Everything else, as it came. */
  [key: string]: unknown;
}

/** The delta type a guard made with these options checks. */
export type RunStepDeltaOfOptions<
  TKinds extends readonly ToolCallKind[],
  TDetailsKinds extends readonly StepDetailsKind[],
  TUnknown extends UnknownToolCallMode,
> = RunStepDeltaObject<
  ToolCallDelta | ToolCallDeltaOfKind<TKinds[number]> | (TUnknown extends 'accept' ? UnknownToolCallDelta : never),
  StepDetailsDeltaOfKind<TDetailsKinds[number]>
>;

/** The run step type a guard made with these options checks. */
export type RunStepOfOptions<
  TKinds extends readonly ToolCallKind[],
  TDetailsKinds extends readonly StepDetailsKind[],
  TUnknown extends UnknownToolCallMode,
  TCodes extends LastErrorCodeMode,
> = RunStepObject<
  ToolCall | ToolCallOfKind<TKinds[number]> | (TUnknown extends 'accept' ? UnknownToolCall : never),
  StepDetailsOfKind<TDetailsKinds[number]>,
  ErrorCodeOfMode<TCodes>
>;

/**
 * Makes a guard, validator, assertion and Standard Schema for run steps with more kinds of tool calls
 * (and step details) than OpenAI's, each kind described by its own check; OpenAI's kinds and every
 * other field are checked exactly as `isRunStepObject` checks them. The result's types narrow exactly:
 * a `switch (call.type)` over the extended union must handle every kind.
 * @param options The added kinds, and the open mode (`unknownToolCalls: 'accept'`).
 * @returns `{is, validate, assert, schema, isToolCall, validateToolCall, isKnownToolCall}`, and the same four
 *   for its deltas (`isDelta`, `validateDelta`, `assertDelta`, `deltaSchema`) and stream events
 *   (`isStreamEvent`, `validateStreamEvent`, `assertStreamEvent`, `streamEventSchema`), and
 *   `isToolCallDelta`/`validateToolCallDelta` for one chunk.
 * @throws TypeError for a kind not made by `defineToolCallKind`/`defineStepDetailsKind`, or two kinds of one type.
 */
export function createRunStepGuard<
  const TKinds extends readonly ToolCallKind[] = readonly [],
  const TDetailsKinds extends readonly StepDetailsKind[] = readonly [],
  TUnknown extends UnknownToolCallMode = 'reject',
  TCodes extends LastErrorCodeMode = 'known',
>(
  options: RunStepGuardOptions<TKinds, TDetailsKinds, TUnknown, TCodes> = {},
): RunStepGuardSet<
  RunStepOfOptions<TKinds, TDetailsKinds, TUnknown, TCodes>,
  ToolCall | ToolCallOfKind<TKinds[number]>,
  ToolCall | ToolCallOfKind<TKinds[number]> | (TUnknown extends 'accept' ? UnknownToolCall : never),
  RunStepDeltaOfOptions<TKinds, TDetailsKinds, TUnknown>
> {
  if (typeof options !== 'object' || options === null)
    throw new TypeError(`createRunStepGuard: options must be an object (or left out), not ${_describe(options)}`);
  const calls = _kinds(options.toolCalls, 'tool_call', 'toolCalls');
  const details = _kinds(options.stepDetails, 'step_details', 'stepDetails');
  const acceptUnknown = options.unknownToolCalls === 'accept';
  const anyErrorCode = options.lastErrorCodes === 'any';
  const givenName: unknown = options.name;
  if (givenName !== undefined && typeof givenName !== 'string')
    throw new TypeError(`createRunStepGuard: name must be a string, not ${_describe(givenName)}`);
  // The options as a flavour (guards/flavour.ts): every field OpenAI's run step has is checked by the
  // same routine as for isRunStepObject, and the flavour is consulted only where OpenAI's value fails.
  const flavour = _flavour({ calls: [...calls], details: [...details], acceptUnknown, anyErrorCode });
  const name = givenName ?? 'RunStepObject';
  type Step = RunStepOfOptions<TKinds, TDetailsKinds, TUnknown, TCodes>;
  type Known = ToolCall | ToolCallOfKind<TKinds[number]>;
  type Call = Known | (TUnknown extends 'accept' ? UnknownToolCall : never);
  type Delta = RunStepDeltaOfOptions<TKinds, TDetailsKinds, TUnknown>;
  type Event = RunStepStreamEvent<Step, Delta>;
  const stream = _stream(flavour);
  return Object.freeze({
    is: _stepGuard<Step>(flavour),
    validate: _stepValidator<Step>(flavour),
    assert: _stepAssertion<Step>(flavour, name),
    schema: _stepSchema<Step>(flavour),
    isToolCall: _callGuard<Call>(flavour),
    validateToolCall: _callValidator<Call>(flavour),
    isKnownToolCall: (call: Call): call is Extract<Call, Known> => _isKnown(call, calls),
    isDelta: _deltaGuard<Delta>(stream),
    validateDelta: _deltaValidator<Delta>(stream),
    assertDelta: _deltaAssertion<Delta>(stream, name === 'RunStepObject' ? 'RunStepDeltaObject' : `${name}Delta`),
    deltaSchema: _deltaSchema<Delta>(stream),
    isStreamEvent: _eventGuard<Event>(stream),
    validateStreamEvent: _eventValidator<Event>(stream),
    assertStreamEvent: _eventAssertion<Event>(
      stream,
      name === 'RunStepObject' ? 'RunStepStreamEvent' : `${name}StreamEvent`,
    ),
    streamEventSchema: _eventSchema<Event>(stream),
    isToolCallDelta: _callDeltaGuard<ToolCallDeltaOf<Delta>>(stream),
    validateToolCallDelta: _callDeltaValidator<ToolCallDeltaOf<Delta>>(stream),
  });
}

/** The kinds given under `option`, by type; throws for anything else, or a type given twice. */
function _kinds(given: readonly unknown[] | undefined, kind: string, option: string): Map<string, _KindEntry> {
  const byType = new Map<string, _KindEntry>();
  if (given === undefined) return byType;
  if (!Array.isArray(given)) throw new TypeError(`createRunStepGuard: ${option} must be an array`);
  for (const item of given) {
    const check = _kindEntry(item);
    const type = (item as { type?: unknown } | undefined)?.type;
    const maker = `define${kind === 'tool_call' ? 'ToolCallKind' : 'StepDetailsKind'}`;
    if (check === undefined || (item as { kind?: unknown }).kind !== kind || typeof type !== 'string')
      throw new TypeError(
        check === undefined && (item as { kind?: unknown } | undefined)?.kind === kind && typeof type === 'string'
          ? // Each copy of the package keeps its own kinds: the ESM and CommonJS builds loaded side by side are two.
            `createRunStepGuard: the ${option} kind "${type}" comes from another copy of the package (ESM beside CommonJS?)`
          : `createRunStepGuard: every item of ${option} must come from ${maker}`,
      );
    if (byType.has(type)) throw new TypeError(`createRunStepGuard: two ${option} kinds of type "${type}"`);
    byType.set(type, check);
  }
  return byType;
}

/** Whether a call is of a kind the guard knows; never throws. */
function _isKnown(call: unknown, calls: Map<string, _KindEntry>): boolean {
  try {
    const type = (call as { type?: unknown }).type;
    return isToolCallType(type) || (typeof type === 'string' && calls.has(type));
  } catch {
    return false;
  }
}
