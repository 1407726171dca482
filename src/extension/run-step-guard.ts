/**
 * `createRunStepGuard`: a guard, validator, assertion and Standard Schema for run steps whose tool calls
 * (and step details) are OpenAI's kinds plus kinds the caller adds, optionally with an open branch for
 * kinds nobody listed. Every field OpenAI's run step has is checked by the same routine as for
 * `isRunStepObject` (`_checkRunStepFields`); only the details differ.
 */

import { RUN_STEP_TYPES, TOOL_CALL_TYPES, isRunStepType, isToolCallType, type RunStepErrorCode } from '../enums.js';
import type { Assertion, Validator } from '../diagnostics/issues.js';
import type { RunStepSchema } from '../diagnostics/standard-schema.js';
import { _assertion, _schema, _validator } from '../diagnostics/validators.js';
import { _STOP, _checkRunStepFields, _checkUsage, type _Flavour } from '../guards/run-step.js';
import { _checkMessageCreation } from '../guards/step-details.js';
import { _checkToolCallBody } from '../guards/tool-calls.js';
import {
  _at,
  _fail,
  _failAt,
  _forUser,
  _guard,
  _isArrayOf,
  _isString,
  _record,
  type _At,
  type _Check,
} from '../internal/read.js';
import type { Guard, RunStepObject, ToolCall, ToolCallShape, UnknownToolCall } from '../types.js';
import { _describe } from '../internal/describe.js';
import { _checkOfKind, type StepDetailsKind, type ToolCallKind } from './kinds.js';

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

/** What {@link createRunStepGuard} returns: the same four functions as every root, and two for tool calls. */
export interface RunStepGuardSet<
  Step,
  KnownCall extends ToolCallShape = ToolCall,
  Call extends ToolCallShape = KnownCall,
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
}

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

/** Everything one extended guard's checks need, fixed when it is made. */
interface _Config {
  readonly calls: Map<string, _Check>;
  readonly details: Map<string, _Check>;
  readonly acceptUnknown: boolean;
  readonly callTypes: readonly string[];
  readonly stepTypes: readonly string[];
  readonly flavour: _Flavour | undefined;
  readonly checkCall: _Check;
}

/**
 * Makes a guard, validator, assertion and Standard Schema for run steps with more kinds of tool calls
 * (and step details) than OpenAI's, each kind described by its own check; OpenAI's kinds and every
 * other field are checked exactly as `isRunStepObject` checks them. The result's types narrow exactly:
 * a `switch (call.type)` over the extended union must handle every kind.
 * @param options The added kinds, and the open mode (`unknownToolCalls: 'accept'`).
 * @returns `{is, validate, assert, schema, isToolCall, validateToolCall, isKnownToolCall}`.
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
  ToolCall | ToolCallOfKind<TKinds[number]> | (TUnknown extends 'accept' ? UnknownToolCall : never)
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
  const stepTypes = [...details.keys()];
  const allStepTypes: readonly string[] = [...RUN_STEP_TYPES, ...stepTypes];
  const config: _Config = {
    calls,
    details,
    acceptUnknown,
    callTypes: [...TOOL_CALL_TYPES, ...calls.keys()],
    stepTypes: allStepTypes,
    // No flavour when nothing differs from OpenAI's fields: the step is then checked as by isRunStepObject.
    flavour: stepTypes.length === 0 && !anyErrorCode ? undefined : { stepTypes, allStepTypes, anyErrorCode },
    checkCall: (value, at) => _checkExtendedToolCall(value, at, config),
  };
  const checkStep: _Check = (value, at) => _checkExtendedRunStep(value, at, config);
  const name = givenName ?? 'RunStepObject';
  type Step = RunStepOfOptions<TKinds, TDetailsKinds, TUnknown, TCodes>;
  type Known = ToolCall | ToolCallOfKind<TKinds[number]>;
  type Call = Known | (TUnknown extends 'accept' ? UnknownToolCall : never);
  return Object.freeze({
    is: _guard<Step>(checkStep),
    validate: _validator<Step>(checkStep),
    assert: _assertion<Step>(checkStep, name),
    schema: _schema<Step>(checkStep),
    isToolCall: _guard<Call>(config.checkCall),
    validateToolCall: _validator<Call>(config.checkCall),
    isKnownToolCall: (call: Call): call is Extract<Call, Known> => _isKnown(call, calls),
  });
}

/** The kinds given under `option`, by type; throws for anything else, or a type given twice. */
function _kinds(given: readonly unknown[] | undefined, kind: string, option: string): Map<string, _Check> {
  const byType = new Map<string, _Check>();
  if (given === undefined) return byType;
  if (!Array.isArray(given)) throw new TypeError(`createRunStepGuard: ${option} must be an array`);
  for (const item of given) {
    const check = _checkOfKind(item);
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
function _isKnown(call: unknown, calls: Map<string, _Check>): boolean {
  try {
    const type = (call as { type?: unknown }).type;
    return isToolCallType(type) || (typeof type === 'string' && calls.has(type));
  } catch {
    return false;
  }
}

/** A run step of an extended guard: OpenAI's fields as for the default, then its own details. */
function _checkExtendedRunStep(value: unknown, at: _At, config: _Config): boolean {
  const step = _record(value);
  if (step === undefined) return _fail(at, 'object', value);
  const type = _checkRunStepFields(step, at, config.flavour);
  let v: unknown;
  return (
    type !== _STOP &&
    ((v = step['usage']) === null || _checkUsage(v, _at(at, 'usage'))) &&
    _checkExtendedDetails(step['step_details'], _at(at, 'step_details'), type, at, config)
  );
}

/**
 * Step details of an extended guard, of the step's `type` (`kind`), as `_checkStepDetails` checks
 * OpenAI's: a disagreement is reported at both `type`s.
 */
function _checkExtendedDetails(value: unknown, at: _At, kind: unknown, step: _At, config: _Config): boolean {
  const details = _record(value);
  if (details === undefined) return _fail(at, 'object', value);
  const type = details['type'];
  const custom = typeof type === 'string' ? config.details.get(type) : undefined;
  const known = isRunStepType(type) || custom !== undefined;
  if ((!known || type !== kind) && !_failDetailsType(type, kind, known, at, step, config)) return false;
  if (type === 'message_creation')
    return _checkMessageCreation(details['message_creation'], _at(at, 'message_creation'));
  if (type === 'tool_calls') return _isArrayOf(details['tool_calls'], config.checkCall, _at(at, 'tool_calls'));
  // A validator goes on here only with a known type.
  return custom !== undefined && custom(_forUser(value as object, details), at);
}

/** Details whose `type` is unknown or not the step's; whether a validator goes on (see `_failType`). */
function _failDetailsType(type: unknown, kind: unknown, known: boolean, at: _At, step: _At, config: _Config): boolean {
  const kindKnown = typeof kind === 'string' && config.stepTypes.includes(kind);
  if (!known) return _failAt(at, 'type', kindKnown ? [kind] : config.stepTypes, type) && false;
  if (!kindKnown) return true;
  return (
    _failAt(at, 'type', `"${kind}" (the step's type)`, type) &&
    _failAt(step, 'type', `"${String(type)}" (its step_details.type)`, kind)
  );
}

/**
 * A tool call of an extended guard: OpenAI's kinds exactly as `isToolCall` checks them, an added kind
 * by its own check (after `id`), and in the open mode any other string `type` with a string `id`.
 */
function _checkExtendedToolCall(value: unknown, at: _At, config: _Config): boolean {
  const call = _record(value);
  if (call === undefined) return _fail(at, 'object', value);
  const type = call['type'];
  const id = call['id'];
  if (isToolCallType(type))
    return (_isString(id) || _failAt(at, 'id', 'string', id)) && _checkToolCallBody(type, call, at);
  const check = typeof type === 'string' ? config.calls.get(type) : undefined;
  // The kind's check is given the record as this call reads it: while Object.prototype is polluted, a
  // view that answers only own keys, so that a user's check cannot be fooled by the pollution either
  // (in a validator's careful pass, the value itself or that view: see `_forUser`).
  if (check !== undefined)
    return (_isString(id) || _failAt(at, 'id', 'string', id)) && check(_forUser(value as object, call), at);
  if (config.acceptUnknown && typeof type === 'string') return _isString(id) || _failAt(at, 'id', 'string', id);
  return (
    _failAt(at, 'type', config.acceptUnknown ? 'string' : config.callTypes, type) &&
    (_isString(id) || _failAt(at, 'id', 'string', id))
  );
}
