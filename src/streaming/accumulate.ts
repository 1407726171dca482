/**
 * Rebuilding run steps from their stream events: a pure `applyRunStepDelta`, and an accumulator that
 * keeps the current snapshot of every step of a stream, keyed by step id.
 *
 * Merge rules, as the API means its deltas:
 * - a string fragment (`arguments`, `output`, `input`, `logs`) is appended to what came before;
 * - tool calls merge by their `index`, outputs by their own `index`, in any order of arrival: an index
 *   seen for the first time creates the item, placed among the others in index order; a snapshot's
 *   arrays stay dense, so an index past a gap costs no memory (the gap closes when its items arrive);
 * - the first chunk of a call sets its `id`, `type` and (for a function) `name`; later chunks may repeat
 *   them, not change them. A first chunk with no `id` (or a function's with no `name`, or an image
 *   output's with no `file_id`) cannot start a valid call, and is refused;
 * - `ranking_options` is replaced by a chunk that carries one; `results`, which carry no index, are
 *   appended whole; an `output` of `null` leaves the output as it was;
 * - every event that carries a whole run step (created, in progress, and the four terminal events)
 *   replaces the snapshot with the server's object; after a terminal event the step never changes.
 *
 * What a hostile stream meets instead, each a `RunStepStreamError` with its own `code` (the accumulator
 * or snapshot is left as it was): an event, delta or snapshot that fails its guard (`invalid_input`), a
 * delta for a step never introduced (`unknown_step`), an event for a step after its terminal event
 * (`step_finished`), a delta applied to another step's snapshot (`step_mismatch`), an `index` above
 * `MAX_DELTA_INDEX` (`index_out_of_range`), a chunk whose `type` differs from its call's or output's
 * (`type_changed`), a chunk whose `id`, `name`, `file_id` or `message_id` differs (`identity_changed`),
 * and a first chunk that cannot start a valid call or output (`incomplete_first_chunk`).
 *
 * Nothing is ever written to an input. The accumulator builds new objects only for what it merges (the
 * step, its details, each tool call, its body, each output); into those it copies a chunk's unknown keys
 * (the last value wins), but never one named `__proto__`, `constructor` or `prototype`, and never through
 * a prototype. Objects it does not merge (ranking options, results, an image) are kept as the delta holds
 * them. Snapshots share unchanged parts with earlier snapshots and with the events: treat them as read-only.
 */

import { DEFAULT_MAX_ISSUES, formatIssue, type ValidationIssue } from '../diagnostics/issues.js';
import { _checkRunStep } from '../guards/run-step.js';
import { _collect } from '../internal/report.js';
import {
  _enterCall,
  _isInteger,
  _isString,
  _leaveCall,
  _record,
  type _Check,
  type _Record,
  type _ReadMode,
} from '../internal/read.js';
import type {
  CodeInterpreterOutput,
  FileSearchRankingOptions,
  FileSearchResult,
  RunStepObject,
  ToolCall,
} from '../types.js';
import { isRunStepStreamEventName, isTerminalRunStepStreamEventName } from './events.js';
import { _checkRunStepDelta, _checkRunStepStreamEvent } from './guards.js';
import type { RunStepDeltaObject, RunStepStreamEvent } from './types.js';

const _hasOwnProperty = Object.prototype.hasOwnProperty;

/**
 * The largest `index` a tool call or output chunk may carry (1023: the API allows 128 tools, and a call
 * has a handful of outputs). A larger index is refused (`index_out_of_range`) rather than trusted.
 */
export const MAX_DELTA_INDEX: number = 1023;

/** Why a stream could not be accumulated; see {@link RunStepStreamError}. */
export type RunStepStreamErrorCode =
  | 'invalid_input'
  | 'unknown_step'
  | 'step_finished'
  | 'step_mismatch'
  | 'index_out_of_range'
  | 'type_changed'
  | 'identity_changed'
  | 'incomplete_first_chunk';

/**
 * Thrown by `applyRunStepDelta` and the accumulator's `push` when an event cannot be applied. The snapshot
 * (or the accumulator) is left as it was, so a caller may log the error and go on with the next event.
 */
export class RunStepStreamError extends Error {
  /** What went wrong, one code per kind of hostile or broken input. */
  readonly code: RunStepStreamErrorCode;
  /** The step the event belongs to, when it is known. */
  readonly stepId: string | undefined;
  /** For `invalid_input`: every issue the validator found (path, expected, received); else empty. */
  readonly issues: readonly ValidationIssue[];

  /**
   * @param code What went wrong.
   * @param message A sentence saying so, naming the step and the place.
   * @param stepId The step's id, when known.
   * @param issues The validator's issues, for `invalid_input`.
   */
  constructor(
    code: RunStepStreamErrorCode,
    message: string,
    stepId?: string | undefined,
    issues: readonly ValidationIssue[] = [],
  ) {
    super(message);
    this.name = 'RunStepStreamError';
    this.code = code;
    this.stepId = stepId;
    this.issues = issues;
  }
}

// ---- reading: after a value passed its guard, each value the merge uses is checked again where it is
// used, so a getter that answers differently the second time cannot slip a wrong type into a snapshot.

/** An object a merge builds: keys to values, written only by this module. */
type _Built = Record<string, unknown>;

/** An error for a value that passed its guard but reads differently now (a getter, a proxy). */
function _changed(stepId: string, what: string): RunStepStreamError {
  return new RunStepStreamError('invalid_input', `${what} of step "${stepId}" changed after it was checked`, stepId);
}

/** A record the guard accepted, read again. */
function _object(value: unknown, stepId: string, what: string): _Record {
  const record = _record(value);
  if (record === undefined) throw _changed(stepId, what);
  return record;
}

/** An optional string the guard accepted, read again. */
function _optionalString(value: unknown, stepId: string, what: string): string | undefined {
  if (value === undefined || _isString(value)) return value;
  throw _changed(stepId, what);
}

/** An array the guard accepted, read again. */
function _array(value: unknown, stepId: string, what: string): readonly unknown[] {
  if (Array.isArray(value)) return value;
  throw _changed(stepId, what);
}

/** Copies the own keys of `source` that `isKnown` does not claim into `target`, except the unsafe three. */
function _copyExtras(target: _Built, source: _Record, isKnown: (key: string) => boolean): void {
  for (const key in source) {
    if (
      !isKnown(key) &&
      key !== '__proto__' &&
      key !== 'constructor' &&
      key !== 'prototype' &&
      _hasOwnProperty.call(source, key)
    ) {
      target[key] = source[key];
    }
  }
}

/** Keys a tool call chunk's merge handles itself. */
function _isToolCallKey(key: string): boolean {
  return (
    key === 'index' ||
    key === 'id' ||
    key === 'type' ||
    key === 'function' ||
    key === 'code_interpreter' ||
    key === 'file_search'
  );
}

/** Keys of a function body the merge handles itself. */
function _isFunctionKey(key: string): boolean {
  return key === 'name' || key === 'arguments' || key === 'output';
}

/** Keys of a code interpreter body the merge handles itself. */
function _isCodeInterpreterKey(key: string): boolean {
  return key === 'input' || key === 'outputs';
}

/** Keys of a file search body the merge handles itself. */
function _isFileSearchKey(key: string): boolean {
  return key === 'ranking_options' || key === 'results';
}

/** Keys of an output chunk the merge handles itself. */
function _isOutputKey(key: string): boolean {
  return key === 'index' || key === 'type' || key === 'logs' || key === 'image';
}

// ---- merging by index --------------------------------------------------------------------------------

/**
 * The `index` of each item of an array this module built, for the arrays whose items do not sit at their
 * index (some lower index has not arrived yet). Arrays absent from it (any array the server sent, and
 * most built ones) hold item `i` at index `i`. A copy of a snapshot (`structuredClone`, JSON) taken while
 * a gap is open loses this; pass `applyRunStepDelta` the snapshot it returned.
 */
const _indices = new WeakMap<readonly unknown[], readonly number[]>();
/**
 * Whether `_indices` ever held an array. Real streams send calls and outputs in index order, so it stays
 * `false` and no merge pays for a `WeakMap` lookup (a fifth of a merge, bench:stream).
 */
let _gapsSeen = false;

/** What one array of chunks merges into: a tool call or an output, created or merged from a chunk. */
interface _Merger<Item> {
  /** `tool call` or `output`, for messages. */
  readonly kind: string;
  /** A new item from its first chunk. */
  create(chunk: _Record, index: number, stepId: string): Item;
  /** An item with a later chunk merged in. */
  merge(item: Item, chunk: _Record, index: number, stepId: string): Item;
}

/** `items` with every chunk of `chunks` merged in by its `index`: a new array, `items` untouched. */
function _mergeByIndex<Item>(
  items: readonly Item[],
  chunks: readonly unknown[],
  merger: _Merger<Item>,
  stepId: string,
): Item[] {
  const merged = items.slice();
  const known = _gapsSeen ? _indices.get(items) : undefined;
  // `undefined` while item `i` sits at index `i`, the usual case; the indices themselves once a gap opens.
  let indices: number[] | undefined = known === undefined ? undefined : known.slice();
  const count = chunks.length;
  for (let n = 0; n < count; n++) {
    const chunk = _object(chunks[n], stepId, `a ${merger.kind} chunk`);
    const index = chunk['index'];
    if (!_isInteger(index)) throw _changed(stepId, `the index of a ${merger.kind} chunk`);
    if (index < 0 || index > MAX_DELTA_INDEX) {
      throw new RunStepStreamError(
        'index_out_of_range',
        `${merger.kind} index ${index} in a delta of step "${stepId}" is out of range (0 to ${MAX_DELTA_INDEX})`,
        stepId,
      );
    }
    if (indices === undefined) {
      if (index < merged.length) {
        merged[index] = merger.merge(merged[index] as Item, chunk, index, stepId);
        continue;
      }
      if (index === merged.length) {
        merged.push(merger.create(chunk, index, stepId));
        continue;
      }
      // A gap opens: from now on, positions and indices differ.
      indices = [];
      for (let i = 0; i < merged.length; i++) indices.push(i);
    }
    const position = _position(indices, index);
    if (indices[position] === index) {
      merged[position] = merger.merge(merged[position] as Item, chunk, index, stepId);
    } else {
      merged.splice(position, 0, merger.create(chunk, index, stepId));
      indices.splice(position, 0, index);
    }
  }
  // Sorted distinct indices from 0 are positions exactly when the last one is `length - 1`.
  if (indices !== undefined && indices[indices.length - 1] !== indices.length - 1) {
    _gapsSeen = true;
    _indices.set(merged, indices);
  }
  return merged;
}

/** Where `index` is, or goes, in the sorted `indices`. */
function _position(indices: readonly number[], index: number): number {
  let low = 0;
  let high = indices.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((indices[middle] as number) < index) low = middle + 1;
    else high = middle;
  }
  return low;
}

// ---- code interpreter outputs --------------------------------------------------------------------------

const _outputs: _Merger<CodeInterpreterOutput> = {
  kind: 'output',

  create(chunk: _Record, index: number, stepId: string): CodeInterpreterOutput {
    const type = chunk['type'];
    let output: _Built;
    if (type === 'logs') {
      output = { type, logs: _optionalString(chunk['logs'], stepId, 'logs') ?? '' };
    } else if (type === 'image') {
      const imageValue = chunk['image'];
      const image = imageValue === undefined ? undefined : _object(imageValue, stepId, 'an image');
      if (image === undefined || !_isString(image['file_id'])) {
        throw new RunStepStreamError(
          'incomplete_first_chunk',
          `the first chunk of image output ${index} of step "${stepId}" has no image.file_id`,
          stepId,
        );
      }
      output = { type, image: imageValue };
    } else {
      throw _changed(stepId, 'an output type');
    }
    _copyExtras(output, chunk, _isOutputKey);
    return output as unknown as CodeInterpreterOutput;
  },

  merge(output: CodeInterpreterOutput, chunk: _Record, index: number, stepId: string): CodeInterpreterOutput {
    const type = chunk['type'];
    if (type !== output.type) {
      throw new RunStepStreamError(
        'type_changed',
        `output ${index} of step "${stepId}" is ${output.type}; a later chunk says ${String(type)}`,
        stepId,
      );
    }
    const next: _Built = { ...output };
    _copyExtras(next, chunk, _isOutputKey);
    if (output.type === 'logs') {
      const logs = _optionalString(chunk['logs'], stepId, 'logs');
      if (logs !== undefined) next['logs'] = output.logs + logs;
    } else {
      const imageValue = chunk['image'];
      if (imageValue !== undefined) {
        const fileId = _optionalString(_object(imageValue, stepId, 'an image')['file_id'], stepId, 'a file_id');
        if (fileId !== undefined && fileId !== output.image.file_id) {
          throw new RunStepStreamError(
            'identity_changed',
            `image output ${index} of step "${stepId}" has file_id "${output.image.file_id}"; a later chunk says "${fileId}"`,
            stepId,
          );
        }
      }
    }
    return next as unknown as CodeInterpreterOutput;
  },
};

// ---- tool calls ----------------------------------------------------------------------------------------

/** A function body with a chunk's body merged in. */
function _mergeFunction(current: _Record, body: _Record, index: number, stepId: string): _Built {
  const name = _optionalString(body['name'], stepId, 'a name');
  if (name !== undefined && name !== current['name']) {
    throw new RunStepStreamError(
      'identity_changed',
      `tool call ${index} of step "${stepId}" calls "${String(current['name'])}"; a later chunk says "${name}"`,
      stepId,
    );
  }
  const args = _optionalString(body['arguments'], stepId, 'arguments');
  const output = body['output'];
  const next: _Built = { ...current };
  _copyExtras(next, body, _isFunctionKey);
  if (args !== undefined) next['arguments'] = (current['arguments'] as string) + args;
  if (output !== undefined && output !== null) {
    if (!_isString(output)) throw _changed(stepId, 'an output');
    const before = current['output'];
    next['output'] = _isString(before) ? before + output : output;
  }
  return next;
}

/** A code interpreter body with a chunk's body merged in. */
function _mergeCodeInterpreter(current: _Record, body: _Record, stepId: string): _Built {
  const input = _optionalString(body['input'], stepId, 'input');
  const outputs = body['outputs'];
  const next: _Built = { ...current };
  _copyExtras(next, body, _isCodeInterpreterKey);
  if (input !== undefined) next['input'] = (current['input'] as string) + input;
  if (outputs !== undefined) {
    next['outputs'] = _mergeByIndex(
      current['outputs'] as readonly CodeInterpreterOutput[],
      _array(outputs, stepId, 'outputs'),
      _outputs,
      stepId,
    );
  }
  return next;
}

/**
 * A file search body with a chunk's body merged in: options replaced, results appended. `current` is read
 * through `_object`, as its `results` may be missing (a body just started, or the early v2 `{}`).
 */
function _mergeFileSearch(current: object, body: _Record, stepId: string): _Built {
  const rankingOptions = body['ranking_options'];
  const results = body['results'];
  const before = _object(current, stepId, 'a file_search')['results'] as readonly FileSearchResult[] | undefined;
  const next: _Built = { ...current };
  _copyExtras(next, body, _isFileSearchKey);
  if (rankingOptions !== undefined) {
    // Kept as the delta holds it (not the view `_object` may return), so only the check reads the view.
    _object(rankingOptions, stepId, 'ranking_options');
    next['ranking_options'] = rankingOptions as FileSearchRankingOptions;
  }
  if (results !== undefined) {
    const found = _array(results, stepId, 'results') as readonly FileSearchResult[];
    next['results'] = before === undefined ? found.slice() : before.concat(found);
  }
  return next;
}

const _toolCalls: _Merger<ToolCall> = {
  kind: 'tool call',

  create(chunk: _Record, index: number, stepId: string): ToolCall {
    const type = chunk['type'];
    const id = chunk['id'];
    if (!_isString(id)) {
      throw new RunStepStreamError(
        'incomplete_first_chunk',
        `the first chunk of tool call ${index} of step "${stepId}" has no id`,
        stepId,
      );
    }
    let call: _Built;
    if (type === 'function') {
      const bodyValue = chunk['function'];
      const body = bodyValue === undefined ? undefined : _object(bodyValue, stepId, 'a function');
      const name = body === undefined ? undefined : body['name'];
      if (body === undefined || !_isString(name)) {
        throw new RunStepStreamError(
          'incomplete_first_chunk',
          `the first chunk of function call ${index} of step "${stepId}" has no function.name`,
          stepId,
        );
      }
      call = { id, type, function: _mergeFunction({ name, arguments: '', output: null }, body, index, stepId) };
    } else if (type === 'code_interpreter') {
      const bodyValue = chunk['code_interpreter'];
      const start = { input: '', outputs: [] };
      call = {
        id,
        type,
        code_interpreter:
          bodyValue === undefined
            ? start
            : _mergeCodeInterpreter(start, _object(bodyValue, stepId, 'a code_interpreter'), stepId),
      };
    } else if (type === 'file_search') {
      call = {
        id,
        type,
        file_search: _mergeFileSearch({}, _object(chunk['file_search'], stepId, 'a file_search'), stepId),
      };
    } else {
      throw _changed(stepId, 'a tool call type');
    }
    _copyExtras(call, chunk, _isToolCallKey);
    return call as unknown as ToolCall;
  },

  merge(call: ToolCall, chunk: _Record, index: number, stepId: string): ToolCall {
    const type = chunk['type'];
    if (type !== call.type) {
      throw new RunStepStreamError(
        'type_changed',
        `tool call ${index} of step "${stepId}" is a ${call.type} call; a later chunk says ${String(type)}`,
        stepId,
      );
    }
    const id = _optionalString(chunk['id'], stepId, 'an id');
    if (id !== undefined && id !== call.id) {
      throw new RunStepStreamError(
        'identity_changed',
        `tool call ${index} of step "${stepId}" has id "${call.id}"; a later chunk says "${id}"`,
        stepId,
      );
    }
    const next: _Built = { ...call };
    _copyExtras(next, chunk, _isToolCallKey);
    if (call.type === 'function') {
      const body = chunk['function'];
      if (body !== undefined) {
        next['function'] = _mergeFunction(
          _object(call.function, stepId, 'a function'),
          _object(body, stepId, 'a function'),
          index,
          stepId,
        );
      }
    } else if (call.type === 'code_interpreter') {
      const body = chunk['code_interpreter'];
      if (body !== undefined) {
        next['code_interpreter'] = _mergeCodeInterpreter(
          _object(call.code_interpreter, stepId, 'a code_interpreter'),
          _object(body, stepId, 'a code_interpreter'),
          stepId,
        );
      }
    } else {
      next['file_search'] = _mergeFileSearch(
        call.file_search,
        _object(chunk['file_search'], stepId, 'a file_search'),
        stepId,
      );
    }
    return next as unknown as ToolCall;
  },
};

// ---- the step ------------------------------------------------------------------------------------------

/**
 * `snapshot` with `delta` (a checked delta object, read as a record) applied: a new snapshot. Its fields
 * other than `step_details` are copied from `base`: the server's step the snapshot was built from (its
 * fields but `step_details` are the snapshot's), or the snapshot itself. Copying the same object on every
 * delta keeps V8 on its fast path for object spread; copying each new snapshot from the one before made
 * the accumulator four times slower (bench:stream). Copies are spread, then assigned: `{...x, key}`
 * measured several times slower than `{...x}` followed by `copy.key = value`.
 */
function _applyDelta(snapshot: RunStepObject, base: RunStepObject, delta: _Record, stepId: string): RunStepObject {
  const body = _object(delta['delta'], stepId, 'a delta');
  const detailsValue = body['step_details'];
  if (detailsValue === undefined) return _copy(snapshot, base);
  const details = _object(detailsValue, stepId, 'step_details');
  const type = details['type'];
  if (type !== snapshot.type) {
    throw new RunStepStreamError(
      'type_changed',
      `step "${stepId}" is a ${snapshot.type} step; a delta says ${String(type)}`,
      stepId,
    );
  }
  if (snapshot.type === 'message_creation') {
    const messageCreation = details['message_creation'];
    if (messageCreation !== undefined) {
      const messageId = _optionalString(
        _object(messageCreation, stepId, 'message_creation')['message_id'],
        stepId,
        'a message_id',
      );
      const current = snapshot.step_details.message_creation.message_id;
      if (messageId !== undefined && messageId !== current) {
        throw new RunStepStreamError(
          'identity_changed',
          `step "${stepId}" created message "${current}"; a delta says "${messageId}"`,
          stepId,
        );
      }
    }
    return _copy(snapshot, base);
  }
  const chunks = details['tool_calls'];
  if (chunks === undefined) return _copy(snapshot, base);
  const stepDetails: _Built = { ...snapshot.step_details };
  stepDetails['tool_calls'] = _mergeByIndex(
    snapshot.step_details.tool_calls,
    _array(chunks, stepId, 'tool_calls'),
    _toolCalls,
    stepId,
  );
  const next: _Built = { ...base };
  next['step_details'] = stepDetails;
  return next as unknown as RunStepObject;
}

/** A new snapshot equal to `snapshot`, copied from `base` (see `_applyDelta`). */
function _copy(snapshot: RunStepObject, base: RunStepObject): RunStepObject {
  const next: _Built = { ...base };
  next['step_details'] = snapshot.step_details;
  return next as unknown as RunStepObject;
}

/** Throws `invalid_input` with the validator's issues unless `check` accepts `value`. */
function _require(check: _Check, value: unknown, what: string, stepId?: string): void {
  let valid: boolean;
  try {
    valid = check(value, undefined);
  } catch {
    valid = false;
  }
  if (valid) return;
  const issues = _collect(check, value, DEFAULT_MAX_ISSUES);
  const first = issues[0] === undefined ? 'it could not be read' : formatIssue(issues[0]);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw new RunStepStreamError('invalid_input', `not a valid ${what}: ${first}${more}`, stepId, issues);
}

/**
 * Applies a delta to a run step snapshot: string fragments appended, tool calls and outputs merged by
 * `index` (see the merge rules in the README). Pure: returns a new snapshot and leaves both inputs as
 * they were. Both inputs are checked first.
 * @param snapshot The step so far: a valid run step, e.g. a `thread.run.step.created` event's `data`.
 * @param delta A `thread.run.step.delta` event's `data`, for the same step.
 * @returns The new snapshot, a valid run step.
 * @throws {RunStepStreamError} When an input is not valid (`invalid_input`), the delta belongs to another
 *   step (`step_mismatch`), or the delta cannot be merged (`index_out_of_range`, `type_changed`,
 *   `identity_changed`, `incomplete_first_chunk`).
 */
export function applyRunStepDelta(snapshot: RunStepObject, delta: RunStepDeltaObject): RunStepObject {
  const outer = _enterCall();
  try {
    _require(_checkRunStep, snapshot, 'run step snapshot');
    _require(_checkRunStepDelta, delta, 'run step delta');
    const record = _object(delta, '?', 'a delta');
    const stepId = record['id'] as string;
    if (stepId !== snapshot.id) {
      throw new RunStepStreamError(
        'step_mismatch',
        `a delta of step "${stepId}" cannot apply to a snapshot of step "${snapshot.id}"`,
        stepId,
      );
    }
    return _applyDelta(snapshot, snapshot, record, stepId);
  } finally {
    _leaveCall(outer);
  }
}

// ---- the accumulator -----------------------------------------------------------------------------------

/**
 * Keeps the current snapshot of every run step of a stream, keyed by step id. Push every event of the
 * stream in order; what is not a run step event is ignored.
 */
export interface RunStepAccumulator {
  /**
   * Applies one run step stream event (checked first) and returns the updated snapshot of its step.
   * @param event A run step stream event.
   * @returns The step's snapshot after the event.
   * @throws {RunStepStreamError} When the event cannot be applied; the accumulator is left as it was.
   */
  push(event: RunStepStreamEvent): RunStepObject;
  /**
   * Applies one event of any kind: a run step stream event as above; anything else (a message or run
   * event, `[DONE]`, a value that is no event) is ignored and gives `undefined`.
   * @param event Any value, e.g. every event of an assistant stream in turn.
   * @returns The step's snapshot after the event, or `undefined` for an event that is not about a step.
   * @throws {RunStepStreamError} When a run step event cannot be applied; the accumulator is left as it was.
   */
  push(event: unknown): RunStepObject | undefined;
  /**
   * The current snapshot of one step.
   * @param id The step's id (`step_...`).
   * @returns Its snapshot, or `undefined` for a step no event has introduced.
   */
  get(id: string): RunStepObject | undefined;
  /**
   * Every step's current snapshot, in the order the steps first appeared. A step whose terminal event has
   * arrived is final: the server's own object.
   * @returns A new array.
   */
  snapshots(): RunStepObject[];
}

/** The accumulator behind {@link createRunStepAccumulator}. */
class _Accumulator implements RunStepAccumulator {
  /** Snapshots by step id; a `Map`, so that no id (`__proto__` included) meets a prototype. */
  private readonly steps = new Map<string, RunStepObject>();
  /** The last whole step each step's events carried: the base its snapshots are copied from. */
  private readonly bases = new Map<string, RunStepObject>();
  /** The terminal event each finished step received. */
  private readonly finished = new Map<string, string>();

  push(event: RunStepStreamEvent): RunStepObject;
  push(event: unknown): RunStepObject | undefined;
  push(event: unknown): RunStepObject | undefined {
    const outer: _ReadMode = _enterCall();
    try {
      const record = _record(event);
      const name = record === undefined ? undefined : record['event'];
      if (record === undefined || !isRunStepStreamEventName(name)) return undefined;
      _require(_checkRunStepStreamEvent, event, `${name} event`);
      const data = _object(record['data'], '?', 'data');
      const stepId = data['id'] as string;
      const ended = this.finished.get(stepId);
      if (ended !== undefined) {
        throw new RunStepStreamError(
          'step_finished',
          `${name} for step "${stepId}", which already ended with ${ended}`,
          stepId,
        );
      }
      let snapshot: RunStepObject;
      if (name === 'thread.run.step.delta') {
        const current = this.steps.get(stepId);
        if (current === undefined) {
          throw new RunStepStreamError(
            'unknown_step',
            `a delta for step "${stepId}", which no created, in progress or terminal event introduced`,
            stepId,
          );
        }
        snapshot = _applyDelta(current, this.bases.get(stepId) ?? current, data, stepId);
      } else {
        snapshot = data as unknown as RunStepObject;
        this.bases.set(stepId, snapshot);
        if (isTerminalRunStepStreamEventName(name)) this.finished.set(stepId, name);
      }
      this.steps.set(stepId, snapshot);
      return snapshot;
    } finally {
      _leaveCall(outer);
    }
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
 * @returns A new, empty accumulator.
 */
export function createRunStepAccumulator(): RunStepAccumulator {
  return new _Accumulator();
}
