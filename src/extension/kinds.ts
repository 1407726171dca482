/**
 * Kinds of tool call and of step details that the package does not know, each described by the user's
 * own check (a guard, a validator or a Standard Schema), for `createRunStepGuard`.
 */

import { isRunStepType, isToolCallType } from '../enums.js';
import type { ValidationResult, Validator } from '../diagnostics/issues.js';
import type { StandardSchemaV1 } from '../diagnostics/standard-schema.js';
import { _registerKind, type _KindBody, type _KindEntry } from '../internal/kinds.js';
import { _at, _fail, _forUser, type _At, type _Check } from '../internal/read.js';
import type { StepDetailsFragment, ToolCallDeltaShape, ToolCallFragment } from '../streaming/types.js';
import type { Guard, StepDetailsShape, ToolCallShape } from '../types.js';

/**
 * What describes a kind: a guard (`(value) => value is T`), a validator (returns `{success, ...}`, like
 * the package's `validate*`) or a synchronous Standard Schema v1 object (zod, valibot, ArkType...).
 * With a validator or a schema, a run-step validator reports their issues inside the call; with a
 * guard, one issue at the call.
 */
export type KindCheck<Value> = Guard<Value> | Validator<Value> | StandardSchemaV1<unknown, Value>;

/**
 * A kind of tool call added by {@link defineToolCallKind}: its `type`, and (in the types only) its call
 * and a fragment of it in a stream's delta.
 */
export interface ToolCallKind<
  Type extends string = string,
  Call extends ToolCallShape = ToolCallShape,
  Delta extends ToolCallDeltaShape = ToolCallFragment<Call>,
> {
  /** Always `tool_call`. */
  readonly kind: 'tool_call';
  /** The `type` of the calls of this kind. */
  readonly type: Type;
  /** Never set: carries the call's type for `createRunStepGuard`'s result. */
  readonly '~call'?: Call | undefined;
  /** Never set: carries the type of the call's fragments in a delta. */
  readonly '~delta'?: Delta | undefined;
}

/**
 * A kind of step details added by {@link defineStepDetailsKind}: its `type`, and (in the types only) its
 * details and their fragment in a stream's delta.
 */
export interface StepDetailsKind<
  Type extends string = string,
  Details extends StepDetailsShape = StepDetailsShape,
  Delta extends StepDetailsShape = StepDetailsFragment<Details>,
> {
  /** Always `step_details`. */
  readonly kind: 'step_details';
  /** The `type` of the details of this kind, which is also the step's `type`. */
  readonly type: Type;
  /** Never set: carries the details' type for `createRunStepGuard`'s result. */
  readonly '~details'?: Details | undefined;
  /** Never set: carries the type of the details' fragments in a delta. */
  readonly '~delta'?: Delta | undefined;
}

/** The options of {@link defineToolCallKind} and {@link defineStepDetailsKind}. */
export interface KindOptions<Delta> {
  /**
   * A check of the kind's fragments in a stream's deltas (`index`, `type` and `id` are checked before it);
   * without one, a fragment's other fields are not checked one by one, and the accumulator checks every
   * call (or details) it merges from them with the whole check instead.
   */
  readonly delta?: KindCheck<Delta> | undefined;
}

/** A user's delta check, as a kind's fragment body; `undefined` when none was given. */
function _userDelta(options: unknown, expected: string, caller: string): _KindBody | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null)
    throw new TypeError(`${caller}: options must be an object (or left out)`);
  const delta: unknown = (options as { delta?: unknown }).delta;
  return delta === undefined ? undefined : _userBody(_fromUser(delta as KindCheck<unknown>, expected, caller));
}

/** A user's check of a whole call or details object, as a kind's body: given the value as the call reads it (see `_forUser`). */
function _userBody(check: _Check): _KindBody {
  return (record, value, at) => check(_forUser(value, record), at);
}

/** A kind object: frozen, so that nothing can change its `type`, with its entry registered (internal/kinds.ts). */
/* @__NO_SIDE_EFFECTS__ */
function _make<Kind extends ToolCallKind | StepDetailsKind>(kind: Kind['kind'], type: string, entry: _KindEntry): Kind {
  const made = Object.freeze({ kind, type }) as Kind;
  _registerKind(made, entry);
  return made;
}

/**
 * A tool call kind of the package's own (Azure's): its body checked by an internal check, never through
 * a public validator, with the keys that check reads beyond the base ones (internal/keys.ts). The private
 * registration path; not exported from any entry.
 */
/* @__NO_SIDE_EFFECTS__ */
export function _internalToolCallKind<const Type extends string, Call extends ToolCallShape & { type: Type }>(
  type: Type,
  entry: _KindEntry,
): ToolCallKind<Type, Call, ToolCallFragment<Call>> {
  return _make('tool_call', type, entry);
}

/** A step details kind of the package's own (Azure's `activities`), as `_internalToolCallKind`. */
/* @__NO_SIDE_EFFECTS__ */
export function _internalStepDetailsKind<const Type extends string, Details extends StepDetailsShape & { type: Type }>(
  type: Type,
  entry: _KindEntry,
): StepDetailsKind<Type, Details> {
  return _make('step_details', type, entry);
}

/**
 * Describes a kind of tool call the package does not know, for `createRunStepGuard`.
 * @param type The calls' `type`; not one of OpenAI's three, which the package checks itself.
 * @param check A guard, validator or Standard Schema for the whole call (`id` and `type` included).
 * @param options `delta`: a check of the call's fragments in a stream (see {@link KindOptions}).
 * @returns The kind, to pass in `toolCalls`.
 * @throws TypeError when `type` is empty or one of OpenAI's, or `check` is none of the three.
 */
export function defineToolCallKind<
  const Type extends string,
  Call extends ToolCallShape & { type: Type },
  Delta extends ToolCallDeltaShape & { type: Type } = ToolCallFragment<Call>,
>(type: Type, check: KindCheck<Call>, options?: KindOptions<Delta>): ToolCallKind<Type, Call, Delta> {
  if (typeof type !== 'string' || type === '')
    throw new TypeError('defineToolCallKind: type must be a non-empty string');
  if (isToolCallType(type))
    throw new TypeError(`defineToolCallKind: "${type}" is an OpenAI tool call kind, which the package checks itself`);
  const body = _userBody(_fromUser(check, `a valid "${type}" tool call`, 'defineToolCallKind'));
  const delta = _userDelta(options, `a valid "${type}" tool call fragment`, 'defineToolCallKind');
  return _make('tool_call', type, { body, keys: undefined, delta, merge: undefined });
}

/**
 * Describes a kind of step details the package does not know (such as Azure's `activities`), for
 * `createRunStepGuard`: steps whose `type` is `type` must carry details of this kind.
 * @param type The details' `type`; not `message_creation` or `tool_calls`.
 * @param check A guard, validator or Standard Schema for the whole details object (`type` included).
 * @param options `delta`: a check of the details' fragments in a stream (see {@link KindOptions}).
 * @returns The kind, to pass in `stepDetails`.
 * @throws TypeError when `type` is empty or one of OpenAI's, or `check` is none of the three.
 */
export function defineStepDetailsKind<
  const Type extends string,
  Details extends StepDetailsShape & { type: Type },
  Delta extends StepDetailsShape & { type: Type } = StepDetailsFragment<Details>,
>(type: Type, check: KindCheck<Details>, options?: KindOptions<Delta>): StepDetailsKind<Type, Details, Delta> {
  if (typeof type !== 'string' || type === '')
    throw new TypeError('defineStepDetailsKind: type must be a non-empty string');
  if (isRunStepType(type))
    throw new TypeError(`defineStepDetailsKind: "${type}" is an OpenAI step type, which the package checks itself`);
  const body = _userBody(_fromUser(check, `valid "${type}" step details`, 'defineStepDetailsKind'));
  const delta = _userDelta(options, `valid "${type}" step details fragment`, 'defineStepDetailsKind');
  return _make('step_details', type, { body, keys: undefined, delta, merge: undefined });
}

/** A user's check as an internal one: `expected` names the whole value when the check says only no. */
function _fromUser(check: KindCheck<unknown>, expected: string, caller: string): _Check {
  if (typeof check === 'function') {
    const run = check as (value: unknown) => unknown;
    return (value, at) => _judge(_call(run, value), value, at, expected);
  }
  const props: unknown = typeof check === 'object' && check !== null ? check['~standard'] : undefined;
  const validate: unknown =
    typeof props === 'object' && props !== null ? (props as Record<string, unknown>)['validate'] : undefined;
  if (typeof validate !== 'function')
    throw new TypeError(`${caller}: check must be a guard, a validator or a Standard Schema v1 object`);
  const run = (value: unknown): unknown => (validate as (value: unknown) => unknown).call(props, value);
  return (value, at) => _judge(_call(run, value), value, at, expected);
}

/** What a user's check throws or answers that is no answer. */
const _NO_ANSWER: unique symbol = Symbol('no answer');

/** Calls a user's check; a throw is no answer (the value is then rejected, not the call ended). */
function _call(run: (value: unknown) => unknown, value: unknown): unknown {
  try {
    return run(value);
  } catch {
    return _NO_ANSWER;
  }
}

/**
 * A user's answer as a check's: `true` or `false` (a guard), `{success}` (a validator) or `{issues}`
 * (a Standard Schema; a Promise counts as a failure, since the guards answer synchronously).
 */
function _judge(answer: unknown, value: unknown, at: _At, expected: string): boolean {
  if (answer === true) return true;
  if (typeof answer !== 'object' || answer === null || typeof (answer as { then?: unknown }).then === 'function')
    return _fail(at, expected, value);
  const result = answer as Partial<ValidationResult<unknown>> & { issues?: unknown };
  if (result.success === true || (!('success' in result) && result.issues === undefined)) return true;
  return at === undefined ? false : _report(result.issues, value, at, expected);
}

/** Reports a validator's or schema's issues at their paths under `at`; one issue at `at` if there are none to report. */
function _report(issues: unknown, value: unknown, at: _At, expected: string): boolean {
  if (!Array.isArray(issues) || issues.length === 0) return _fail(at, expected, value);
  for (const issue of issues as unknown[]) {
    const {
      path,
      expected: theirs,
      message,
    } = (issue ?? {}) as { path?: unknown; expected?: unknown; message?: unknown };
    let position = at;
    let received = value;
    for (const segment of Array.isArray(path) ? (path as unknown[]) : []) {
      const key = typeof segment === 'object' && segment !== null ? (segment as { key?: unknown }).key : segment;
      if (typeof key !== 'string' && typeof key !== 'number') continue;
      position = _at(position, key);
      received = _readQuietly(received, key);
    }
    // Their message is kept as it is; ours (a validator of this package) also says what was expected.
    const text = typeof message === 'string' ? message : undefined;
    if (position === undefined || !position.fail(typeof theirs === 'string' ? theirs : expected, received, text))
      return false;
  }
  return true;
}

/** `owner[key]` for an issue's `received`; `undefined` when that cannot be read. */
function _readQuietly(owner: unknown, key: string | number): unknown {
  try {
    return typeof owner === 'object' && owner !== null && Object.prototype.hasOwnProperty.call(owner, key)
      ? (owner as Record<string | number, unknown>)[key]
      : undefined;
  } catch {
    return undefined;
  }
}
