/**
 * Rebuilding run steps from their stream events: a pure `applyRunStepDelta`, and an accumulator that
 * keeps the current snapshot of every step of a stream, keyed by step id.
 *
 * Every input goes the same way, and each step has its own file:
 * - copy.ts reads it once into plain copies, so that no getter or proxy trap runs after that;
 * - this file checks the copies with their guards (`_require`), and keeps the accumulator's state: an
 *   event that carries a whole run step (created, in progress, and the four terminal events) replaces
 *   the step's snapshot with the server's object; after a terminal event the step never changes;
 * - merge.ts merges a delta into a snapshot; its header gives the merge rules;
 * - errors.ts holds `RunStepStreamError`, its codes, and one message per code. What cannot be applied
 *   throws one, and leaves the accumulator or snapshot as it was;
 * - ../internal/snapshots.ts keeps, beside the snapshots, which of them `applyRunStepDelta` built and
 *   what the merge knows of their arrays and bodies.
 *
 * Nothing is ever written to an input. Snapshots share unchanged parts with earlier snapshots and with
 * the events: treat them as read-only.
 */

import { DEFAULT_MAX_ISSUES } from '../diagnostics/issues.js';
import { isRunStepStreamEventName, isTerminalRunStepStreamEventName } from '../enums.js';
import { _checkRunStep } from '../guards/run-step.js';
import { _collect } from '../internal/report.js';
import { _call, type _Check } from '../internal/read.js';
import { _gapsWereSeen, _isBuilt, _keepIndices, _markBuilt } from '../internal/snapshots.js';
import type { Guard, RunStepObject, RunStepShape, StepDetailsShape } from '../types.js';
import { _copyOnce, _copyThrew } from '../internal/copying.js';
import { _copyDelta, _copyEvent, _copyStep } from './copy.js';
import { _invalidInput, _reentrantPush, _stepFinished, _stepMismatch, _streamError, _unknownStep } from './errors.js';
import { _checkRunStepDelta, _checkRunStepStreamEvent, _stream, type _Stream } from './guards.js';
import type { _Flavour } from '../guards/flavour.js';
import { isRunStepObject } from '../guards/run-step.js';
import { _describe } from '../internal/describe.js';
import { _flavourOf } from '../internal/kinds.js';
import type { _KeyGroup } from '../internal/keys.js';
import { _applyDelta, _object, type _Built } from './merge.js';
import type { RunStepDeltaObject, RunStepStreamEvent, ToolCallDeltaShape } from './types.js';

const _hasOwnProperty = Object.prototype.hasOwnProperty;

// ---- reading: every input is copied once (copy.ts), then checked by its guard, then merged (merge.ts).

/** `value` copied once by `copier` (copy.ts); `_copyThrew()` says whether a read of it threw. */
function _read(value: unknown, copier: (value: unknown) => unknown): unknown {
  return _copyOnce(value, copier, _gapsWereSeen() ? _keepIndices : undefined);
}

/**
 * Throws `invalid_input` with the validator's issues unless `check` accepts `copy` (a copy made by
 * `_read`; `unreadable` when a read of the input threw, which only the careful reads report in place).
 */
function _require(
  check: _Check,
  copy: unknown,
  unreadable: boolean,
  what: string,
  stream: _Stream | undefined,
  stepId?: string,
): void {
  // The guard's pass first: a valid copy costs what the guard costs (see `_collect`).
  const issues = _collect(check, copy, DEFAULT_MAX_ISSUES, unreadable, stream?.flavour.keys);
  // A flavour's kinds may leave a value unchecked (a user's `auto` fragments): what could not be read is
  // refused all the same, never merged into a snapshot.
  if (issues.length !== 0 || (unreadable && stream !== undefined)) throw _invalidInput(what, issues, stepId);
}

/**
 * The flavour of `options.guard` (a run step guard of this package: `isRunStepObject`, a flavour's, or a
 * `createRunStepGuard` set's `is`) as its stream checks; `undefined` for OpenAI's current steps.
 */
function _streamOf(options: RunStepAccumulatorOptions<RunStepShape> | undefined, caller: string): _Stream | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null)
    throw new TypeError(`${caller}: options must be an object (or left out), not ${_describe(options)}`);
  const guard: unknown = options.guard;
  if (guard === undefined || guard === isRunStepObject) return undefined;
  const flavour = _flavourOf(guard);
  if (flavour === undefined)
    throw new TypeError(
      `${caller}: guard must be a run step guard of this package (isRunStepObject, isAzureRunStepObject, isHistoricalRunStepObject, or the \`is\` of createRunStepGuard), not ${_describe(guard)}`,
    );
  return _stream(flavour as _Flavour);
}

/** The options of {@link createRunStepAccumulator} and {@link applyRunStepDelta}. */
export interface RunStepAccumulatorOptions<Step extends RunStepShape = RunStepObject> {
  /**
   * The guard of the steps the stream carries, which says their flavour: `isRunStepObject` (the default),
   * `isAzureRunStepObject`, `isHistoricalRunStepObject`, or the `is` of a `createRunStepGuard` set. Every
   * event is checked as that flavour's stream event, and its kinds' chunks merge by their rules.
   */
  readonly guard?: Guard<Step> | undefined;
}

/**
 * Applies a delta to a run step snapshot: string fragments appended, tool calls and outputs merged by
 * `index` (see the merge rules in the README). Pure: returns a new snapshot and leaves both inputs as
 * they were. Both inputs are read once into plain copies, which are checked, then merged.
 * @param snapshot The step so far: a valid run step, e.g. a `thread.run.step.created` event's `data`.
 * @param delta A `thread.run.step.delta` event's `data`, for the same step.
 * @returns The new snapshot, a valid run step.
 * @throws {RunStepStreamError} When an input is not valid (`invalid_input`), the delta belongs to another
 *   step (`step_mismatch`), or the delta cannot be merged (`index_out_of_range`, `type_changed`,
 *   `identity_changed`, `incomplete_first_chunk`, `too_large`).
 */
export function applyRunStepDelta<Step extends RunStepShape = RunStepObject>(
  snapshot: Step,
  delta: RunStepDeltaObject<ToolCallDeltaShape, StepDetailsShape> | RunStepDeltaObject,
  options?: RunStepAccumulatorOptions<Step>,
): Step {
  const stream = _streamOf(options as RunStepAccumulatorOptions<RunStepShape> | undefined, 'applyRunStepDelta');
  // Every read of the inputs happens here, before the call decides how to read the copies: a getter
  // that pollutes Object.prototype has had its last chance to run.
  // A snapshot this module built is plain data already, made of copies: it is checked, not copied again.
  const ours = _isBuilt(snapshot as unknown as object);
  const step = ours ? snapshot : _read(snapshot, _copyStep);
  const stepThrew = !ours && _copyThrew();
  const change = _read(delta, _copyDelta);
  const changeThrew = _copyThrew();
  const request: _ApplyRequest = { step, stepThrew, change, changeThrew, stream, stepId: undefined };
  try {
    const next = _call(_applyChecked, request, stream?.flavour.keys);
    _markBuilt(next);
    return next as unknown as Step;
  } catch (error) {
    throw _streamError(error, request.stepId);
  }
}

/** What `applyRunStepDelta` has read, for `_applyChecked`; `stepId` once it is known. */
interface _ApplyRequest {
  readonly step: unknown;
  readonly stepThrew: boolean;
  readonly change: unknown;
  readonly changeThrew: boolean;
  readonly stream: _Stream | undefined;
  stepId: string | undefined;
}

/** `applyRunStepDelta` on its copies, inside one call of the read protocol. */
function _applyChecked(request: _ApplyRequest): RunStepObject {
  const { step, stepThrew, change, changeThrew, stream } = request;
  if (stream === undefined) {
    _require(_checkRunStep, step, stepThrew, 'run step snapshot', undefined);
    _require(_checkRunStepDelta, change, changeThrew, 'run step delta', undefined);
  } else {
    _require(stream.flavour.checkStep, step, stepThrew, 'run step snapshot', stream);
    _require(stream.delta, change, changeThrew, 'run step delta', stream);
  }
  const copy = step as RunStepObject;
  const record = _object(change);
  const stepId = record['id'] as string;
  request.stepId = stepId;
  if (stepId !== copy.id) throw _stepMismatch(stepId, copy.id);
  return _applyDelta(copy, copy, record, stepId, stream?.flavour);
}

// ---- the accumulator -----------------------------------------------------------------------------------

/**
 * Keeps the current snapshot of every run step of a stream, keyed by step id. Push every event of the
 * stream in order; what is not a run step event is ignored.
 */
export interface RunStepAccumulator<Step extends RunStepShape = RunStepObject> {
  /**
   * Applies one run step stream event (checked first) and returns the updated snapshot of its step.
   * @param event A run step stream event.
   * @returns The step's snapshot after the event.
   * @throws {RunStepStreamError} When the event cannot be applied; the accumulator is left as it was.
   */
  push(event: RunStepStreamEvent<Step, unknown>): Step;
  /**
   * Applies one event of any kind: a run step stream event as above; anything else (a message or run
   * event, `[DONE]`, a value that is no event) is ignored and gives `undefined`.
   * @param event Any value, e.g. every event of an assistant stream in turn.
   * @returns The step's snapshot after the event, or `undefined` for an event that is not about a step.
   * @throws {RunStepStreamError} When a run step event cannot be applied; the accumulator is left as it was.
   */
  push(event: unknown): Step | undefined;
  /**
   * The current snapshot of one step.
   * @param id The step's id (`step_...`).
   * @returns Its snapshot, or `undefined` for a step no event has introduced.
   */
  get(id: string): Step | undefined;
  /**
   * Every step's current snapshot, in the order the steps first appeared. A step whose terminal event has
   * arrived is final: a plain copy of the server's own object.
   * @returns A new array.
   */
  snapshots(): Step[];
}

/** What `push` has read, for `_pushChecked`; `stepId` once it is known. */
interface _PushRequest {
  readonly accumulator: _Accumulator;
  readonly event: _Built;
  readonly threw: boolean;
  readonly name: string;
  stepId: string | undefined;
}

/** `push` on its copy of a run step event: checked, then applied, inside one call of the read protocol. */
function _pushChecked(request: _PushRequest): RunStepObject {
  const { accumulator, event, threw, name } = request;
  const stream = accumulator.stream;
  _require(stream === undefined ? _checkRunStepStreamEvent : stream.event, event, threw, `${name} event`, stream);
  const step = event['data'] as RunStepObject;
  request.stepId = step.id;
  return accumulator.apply(name, step, step.id);
}

/** The accumulator behind {@link createRunStepAccumulator}. */
class _Accumulator implements RunStepAccumulator {
  /** The flavour's stream checks; `undefined` for OpenAI's current steps. */
  readonly stream: _Stream | undefined;
  /** The keys the flavour's checks read beyond the base ones. */
  private readonly keys: _KeyGroup | undefined;

  constructor(stream: _Stream | undefined) {
    this.stream = stream;
    this.keys = stream?.flavour.keys;
  }

  /** Snapshots by step id; a `Map`, so that no id (`__proto__` included) meets a prototype. */
  private readonly steps = new Map<string, RunStepObject>();
  /** The last whole step each step's events carried: the base its snapshots are copied from. */
  private readonly bases = new Map<string, RunStepObject>();
  /** The terminal event each finished step received. */
  private readonly finished = new Map<string, string>();
  /** Whether a push is running: a getter of its event that pushes again is refused (`reentrant_push`). */
  private busy = false;

  push(event: RunStepStreamEvent): RunStepObject;
  push(event: unknown): RunStepObject | undefined;
  push(event: unknown): RunStepObject | undefined {
    if (this.busy) {
      throw _reentrantPush();
    }
    this.busy = true;
    let request: _PushRequest | undefined;
    try {
      // The event's own keys, then (for a run step event) its data, each read once: no user code runs
      // after this, and only the copies are read from here on.
      const top = _read(event, _copyEvent);
      const topRecord = typeof top === 'object' && top !== null && !Array.isArray(top) ? (top as _Built) : undefined;
      const name = topRecord !== undefined && _hasOwnProperty.call(topRecord, 'event') ? topRecord['event'] : undefined;
      if (topRecord === undefined || !isRunStepStreamEventName(name)) return undefined;
      const data = _read(topRecord['data'], name === 'thread.run.step.delta' ? _copyDelta : _copyStep);
      const threw = _copyThrew();
      topRecord['data'] = data;
      request = { accumulator: this, event: topRecord, threw, name, stepId: undefined };
      return _call(_pushChecked, request, this.keys);
    } catch (error) {
      throw _streamError(error, request?.stepId);
    } finally {
      this.busy = false;
    }
  }

  /** Applies a checked event (its copy) of step `stepId`; writes the accumulator's state last (from `_pushChecked`). */
  apply(name: string, data: RunStepObject, stepId: string): RunStepObject {
    const ended = this.finished.get(stepId);
    if (ended !== undefined) {
      throw _stepFinished(name, stepId, ended);
    }
    let snapshot: RunStepObject;
    if (name === 'thread.run.step.delta') {
      const current = this.steps.get(stepId);
      if (current === undefined) {
        throw _unknownStep(stepId);
      }
      snapshot = _applyDelta(current, this.bases.get(stepId) ?? current, _object(data), stepId, this.stream?.flavour);
    } else {
      snapshot = data;
      this.bases.set(stepId, snapshot);
      if (isTerminalRunStepStreamEventName(name)) this.finished.set(stepId, name);
    }
    this.steps.set(stepId, snapshot);
    return snapshot;
  }

  get(id: string): RunStepObject | undefined {
    return this.steps.get(id);
  }

  snapshots(): RunStepObject[] {
    return Array.from(this.steps.values());
  }
}

/**
 * Creates an accumulator: push the events of a stream, read each step's snapshot as it grows, and its
 * final form once its terminal event arrives. See {@link RunStepAccumulator}.
 * @param options `guard`: the guard of the stream's flavour (`isAzureRunStepObject`, a `createRunStepGuard`
 *   set's `is`...); OpenAI's current steps by default.
 * @returns A new, empty accumulator.
 * @throws TypeError when `options.guard` is not a run step guard of this package.
 */
export function createRunStepAccumulator<Step extends RunStepShape = RunStepObject>(
  options?: RunStepAccumulatorOptions<Step>,
): RunStepAccumulator<Step> {
  const stream = _streamOf(options as RunStepAccumulatorOptions<RunStepShape> | undefined, 'createRunStepAccumulator');
  return new _Accumulator(stream) as unknown as RunStepAccumulator<Step>;
}
