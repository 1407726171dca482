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

import { DEFAULT_MAX_ISSUES, formatIssue } from '../diagnostics/issues.js';
import { _checkRunStep } from '../guards/run-step.js';
import { _collect } from '../internal/report.js';
import {
  _append,
  _enterCall,
  _leaveCall,
  _record,
  _set,
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
import { _copyDelta, _copyEvent, _copyOnce, _copyStep, _copyThrew } from './copy.js';
import {
  MAX_DELTA_INDEX,
  RunStepStreamError,
  _identityChanged,
  _incompleteFirstChunk,
  _indexOutOfRange,
  _reentrantPush,
  _stepFinished,
  _stepMismatch,
  _streamError,
  _tooLarge,
  _typeChanged,
  _unknownStep,
} from './errors.js';
import { isRunStepStreamEventName, isTerminalRunStepStreamEventName } from './events.js';
import { _checkRunStepDelta, _checkRunStepStreamEvent } from './guards.js';
import type { RunStepDeltaObject, RunStepStreamEvent } from './types.js';

const _hasOwnProperty = Object.prototype.hasOwnProperty;

// ---- reading: every input is copied once (copy.ts), then checked by its guard, then merged; the merge
// reads only the copy (through `_record`, which skips inherited keys while Object.prototype is polluted).

/** An object a merge builds: keys to values, written only by this module. */
type _Built = Record<string, unknown>;
/** A record of a checked copy. */
const _object = (value: unknown): _Record => _record(value) as _Record;

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
      _set(target, key, source[key]);
    }
  }
}

/** `before + fragment`, or `too_large` when the engine cannot hold the result. */
function _concat(before: string, fragment: string, what: string, stepId: string): string {
  try {
    return before + fragment;
  } catch {
    throw _tooLarge(what, before, fragment, stepId);
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

/** Keeps what `_indices` knows of a snapshot's array for the copy `applyRunStepDelta` makes of it. */
function _keepIndices(source: object, copy: unknown[]): void {
  if (!_gapsSeen) return;
  const known = _indices.get(source as unknown[]);
  if (known !== undefined) _indices.set(copy, known);
}

/** What one array of chunks merges into: a tool call or an output, created or merged from a chunk. */
interface _Merger<Item> {
  /** `tool call` or `output`, for messages. */
  readonly kind: string;
  /** A new item from its first chunk. */
  create(chunk: _Record, index: number, stepId: string): Item;
  /** An item with a later chunk merged in. */
  merge(item: Item, chunk: _Record, index: number, stepId: string): Item;
}

/** Inserts `value` at `position` of an array this module built, never through a prototype (see `_append`). */
function _insert<Item>(array: Item[], position: number, value: Item): void {
  let index = array.length;
  if (index === position) return _append(array, value);
  _append(array, array[index - 1] as Item);
  for (index--; index > position; index--) array[index] = array[index - 1] as Item;
  array[position] = value;
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
    const chunk = _object(chunks[n]);
    const index = chunk['index'] as number;
    if (index < 0 || index > MAX_DELTA_INDEX) {
      throw _indexOutOfRange(merger.kind, index, stepId);
    }
    if (indices === undefined) {
      if (index < merged.length) {
        merged[index] = merger.merge(merged[index] as Item, chunk, index, stepId);
        continue;
      }
      if (index === merged.length) {
        _append(merged, merger.create(chunk, index, stepId));
        continue;
      }
      // A gap opens: from now on, positions and indices differ.
      indices = [];
      for (let i = 0; i < merged.length; i++) _append(indices, i);
    }
    const position = _position(indices, index);
    if (indices[position] === index) {
      merged[position] = merger.merge(merged[position] as Item, chunk, index, stepId);
    } else {
      _insert(merged, position, merger.create(chunk, index, stepId));
      _insert(indices, position, index);
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
      output = { type, logs: (chunk['logs'] as string | undefined) ?? '' };
    } else {
      const imageValue = chunk['image'];
      const image = imageValue === undefined ? undefined : _object(imageValue);
      if (image === undefined || typeof image['file_id'] !== 'string') {
        throw _incompleteFirstChunk('image output', index, 'image.file_id', stepId);
      }
      output = { type, image: imageValue };
    }
    _copyExtras(output, chunk, _isOutputKey);
    return output as unknown as CodeInterpreterOutput;
  },

  merge(output: CodeInterpreterOutput, chunk: _Record, index: number, stepId: string): CodeInterpreterOutput {
    const type = chunk['type'];
    if (type !== output.type) {
      throw _typeChanged('output', index, output.type, type, stepId);
    }
    const next: _Built = { ...output };
    _copyExtras(next, chunk, _isOutputKey);
    if (output.type === 'logs') {
      const logs = chunk['logs'] as string | undefined;
      if (logs !== undefined) next['logs'] = _concat(output.logs, logs, `the logs of output ${index}`, stepId);
    } else {
      const imageValue = chunk['image'];
      if (imageValue !== undefined) {
        const fileId = _object(imageValue)['file_id'] as string | undefined;
        if (fileId !== undefined && fileId !== output.image.file_id) {
          throw _identityChanged('file_id', index, output.image.file_id, fileId, stepId);
        }
      }
    }
    return next as unknown as CodeInterpreterOutput;
  },
};

// ---- tool calls ----------------------------------------------------------------------------------------

/** A function body with a chunk's body merged in. */
function _mergeFunction(current: _Record, body: _Record, index: number, stepId: string): _Built {
  const name = body['name'] as string | undefined;
  if (name !== undefined && name !== current['name']) {
    throw _identityChanged('name', index, current['name'], name, stepId);
  }
  const args = body['arguments'] as string | undefined;
  const output = body['output'] as string | null | undefined;
  const next: _Built = { ...current };
  _copyExtras(next, body, _isFunctionKey);
  if (args !== undefined) {
    next['arguments'] = _concat(current['arguments'] as string, args, `the arguments of tool call ${index}`, stepId);
  }
  if (output !== undefined && output !== null) {
    const before = current['output'];
    next['output'] =
      typeof before === 'string' ? _concat(before, output, `the output of tool call ${index}`, stepId) : output;
  }
  return next;
}

/** A code interpreter body with a chunk's body merged in. */
function _mergeCodeInterpreter(current: _Record, body: _Record, index: number, stepId: string): _Built {
  const input = body['input'] as string | undefined;
  const outputs = body['outputs'] as readonly unknown[] | undefined;
  const next: _Built = { ...current };
  _copyExtras(next, body, _isCodeInterpreterKey);
  if (input !== undefined) {
    next['input'] = _concat(current['input'] as string, input, `the input of tool call ${index}`, stepId);
  }
  if (outputs !== undefined) {
    next['outputs'] = _mergeByIndex(current['outputs'] as readonly CodeInterpreterOutput[], outputs, _outputs, stepId);
  }
  return next;
}

/**
 * The results of the file search bodies the accumulator built: a backing array shared by a body and the
 * bodies built from it, and how many of its items are this body's. Results carry no index, so each delta
 * appends; appending to the backing array (when this body's results are all of it) costs the items
 * appended, not the results so far. A body built from an older one (whose backing array has grown since)
 * starts a backing array of its own: copy on write. A body's `results` is an accessor that makes the
 * plain array on first read, and replaces itself with it.
 */
const _results = new WeakMap<object, { readonly backing: FileSearchResult[]; readonly length: number }>();

/** Gives `body` the first `length` items of `backing` as its `results` (see `_results`). */
function _defineResults(body: _Built, backing: FileSearchResult[], length: number): void {
  let results: FileSearchResult[] | undefined;
  const define = (target: object, value: unknown): boolean =>
    Reflect.defineProperty(target, 'results', { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(body, 'results', {
    enumerable: true,
    configurable: true,
    get(this: object) {
      if (results === undefined) results = backing.slice(0, length);
      // Plain data from now on, unless the body was frozen; `_results` still describes the same items.
      if (this === body) define(body, results);
      return results;
    },
    set(this: object, value: unknown) {
      _results.delete(body);
      define(this, value);
    },
  });
  _results.set(body, { backing, length });
}

/**
 * A file search body with a chunk's body merged in: options replaced, results appended. `current` may
 * have no `results` (a body just started, or the early v2 `{}`).
 */
function _mergeFileSearch(current: object, body: _Record): _Built {
  const rankingOptions = body['ranking_options'];
  const found = body['results'] as readonly FileSearchResult[] | undefined;
  const view = _results.get(current);
  const next: _Built = {};
  // Every key of `current` but `results`, which would make a body's results a plain array (see `_results`).
  for (const key in current) {
    if (key !== 'results' && _hasOwnProperty.call(current, key)) _set(next, key, (current as _Built)[key]);
  }
  _copyExtras(next, body, _isFileSearchKey);
  if (rankingOptions !== undefined) _set(next, 'ranking_options', rankingOptions as FileSearchRankingOptions);
  let backing: FileSearchResult[];
  let length: number;
  if (view !== undefined) {
    backing = view.backing;
    length = view.length;
  } else {
    const before = _object(current)['results'];
    if (found === undefined) {
      if (before !== undefined) _set(next, 'results', before);
      return next;
    }
    backing = Array.isArray(before) ? (before as FileSearchResult[]).slice() : [];
    length = backing.length;
  }
  if (found !== undefined) {
    // Copy on write: an older body's backing array, grown since by a body built from it.
    if (backing.length !== length) backing = backing.slice(0, length);
    for (let n = 0; n < found.length; n++) _append(backing, found[n] as FileSearchResult);
    length = backing.length;
  }
  _defineResults(next, backing, length);
  return next;
}

const _toolCalls: _Merger<ToolCall> = {
  kind: 'tool call',

  create(chunk: _Record, index: number, stepId: string): ToolCall {
    const type = chunk['type'];
    const id = chunk['id'];
    if (typeof id !== 'string') {
      throw _incompleteFirstChunk('tool call', index, 'id', stepId);
    }
    let call: _Built;
    if (type === 'function') {
      const bodyValue = chunk['function'];
      const body = bodyValue === undefined ? undefined : _object(bodyValue);
      const name = body === undefined ? undefined : body['name'];
      if (body === undefined || typeof name !== 'string') {
        throw _incompleteFirstChunk('function call', index, 'function.name', stepId);
      }
      call = { id, type, function: _mergeFunction({ name, arguments: '', output: null }, body, index, stepId) };
    } else if (type === 'code_interpreter') {
      const bodyValue = chunk['code_interpreter'];
      const start = { input: '', outputs: [] };
      call = {
        id,
        type,
        code_interpreter:
          bodyValue === undefined ? start : _mergeCodeInterpreter(start, _object(bodyValue), index, stepId),
      };
    } else {
      call = { id, type, file_search: _mergeFileSearch({}, _object(chunk['file_search'])) };
    }
    _copyExtras(call, chunk, _isToolCallKey);
    return call as unknown as ToolCall;
  },

  merge(call: ToolCall, chunk: _Record, index: number, stepId: string): ToolCall {
    const type = chunk['type'];
    if (type !== call.type) {
      throw _typeChanged('tool call', index, call.type, type, stepId);
    }
    const id = chunk['id'] as string | undefined;
    if (id !== undefined && id !== call.id) {
      throw _identityChanged('id', index, call.id, id, stepId);
    }
    const next: _Built = { ...call };
    _copyExtras(next, chunk, _isToolCallKey);
    if (call.type === 'function') {
      const body = chunk['function'];
      if (body !== undefined) {
        next['function'] = _mergeFunction(_object(call.function), _object(body), index, stepId);
      }
    } else if (call.type === 'code_interpreter') {
      const body = chunk['code_interpreter'];
      if (body !== undefined) {
        next['code_interpreter'] = _mergeCodeInterpreter(_object(call.code_interpreter), _object(body), index, stepId);
      }
    } else {
      next['file_search'] = _mergeFileSearch(call.file_search, _object(chunk['file_search']));
    }
    return next as unknown as ToolCall;
  },
};

// ---- the step ------------------------------------------------------------------------------------------

/**
 * `snapshot` with `delta` (a checked copy of a delta object) applied: a new snapshot. Its fields other
 * than `step_details` are copied from `base`: the step the snapshot was built from (its fields but
 * `step_details` are the snapshot's), or the snapshot itself. Copying the same object on every delta
 * keeps V8 on its fast path for object spread; copying each new snapshot from the one before made the
 * accumulator four times slower (bench:stream). Copies are spread, then assigned: `{...x, key}` measured
 * several times slower than `{...x}` followed by `copy.key = value`.
 */
function _applyDelta(snapshot: RunStepObject, base: RunStepObject, delta: _Record, stepId: string): RunStepObject {
  const body = _object(delta['delta']);
  const detailsValue = body['step_details'];
  if (detailsValue === undefined) return _copy(snapshot, base);
  const details = _object(detailsValue);
  const type = details['type'];
  if (type !== snapshot.type) {
    throw _typeChanged('step', undefined, snapshot.type, type, stepId);
  }
  if (snapshot.type === 'message_creation') {
    const messageCreation = details['message_creation'];
    if (messageCreation !== undefined) {
      const messageId = _object(messageCreation)['message_id'] as string | undefined;
      const current = snapshot.step_details.message_creation.message_id;
      if (messageId !== undefined && messageId !== current) {
        throw _identityChanged('message_id', undefined, current, messageId, stepId);
      }
    }
    return _copy(snapshot, base);
  }
  const chunks = details['tool_calls'] as readonly unknown[] | undefined;
  if (chunks === undefined) return _copy(snapshot, base);
  const stepDetails: _Built = { ...snapshot.step_details };
  stepDetails['tool_calls'] = _mergeByIndex(snapshot.step_details.tool_calls, chunks, _toolCalls, stepId);
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

/**
 * The snapshots `applyRunStepDelta` returned: made of its own copies, plain data, so that it checks
 * them without copying them again when they come back, as a chain of deltas passes them. (A snapshot is to be treated as read-only: one changed by its holder
 * should be passed as a copy, such as `structuredClone(snapshot)`.) Membership never runs a trap.
 */
const _built = new WeakSet<object>();

/** `value` copied once by `copier` (copy.ts); `_copyThrew()` says whether a read of it threw. */
function _read(value: unknown, copier: (value: unknown) => unknown): unknown {
  return _copyOnce(value, copier, _gapsSeen ? _keepIndices : undefined);
}

/**
 * Throws `invalid_input` with the validator's issues unless `check` accepts `copy` (a copy made by
 * `_read`; `unreadable` when a read of the input threw, which only the careful reads report in place).
 */
function _require(check: _Check, copy: unknown, unreadable: boolean, what: string, stepId?: string): void {
  let valid: boolean;
  try {
    valid = check(copy, undefined);
  } catch {
    valid = false;
  }
  if (valid) return;
  const issues = _collect(check, copy, DEFAULT_MAX_ISSUES, unreadable);
  const first = issues[0] === undefined ? 'it could not be read' : formatIssue(issues[0]);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw new RunStepStreamError('invalid_input', `not a valid ${what}: ${first}${more}`, stepId, issues);
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
export function applyRunStepDelta(snapshot: RunStepObject, delta: RunStepDeltaObject): RunStepObject {
  // Every read of the inputs happens here, before the call decides how to read the copies: a getter
  // that pollutes Object.prototype has had its last chance to run.
  // A snapshot this module built is plain data already, made of copies: it is checked, not copied again.
  const ours = _built.has(snapshot);
  const step = ours ? snapshot : _read(snapshot, _copyStep);
  const stepThrew = !ours && _copyThrew();
  const change = _read(delta, _copyDelta);
  const changeThrew = _copyThrew();
  const outer = _enterCall();
  let stepId: string | undefined;
  try {
    _require(_checkRunStep, step, stepThrew, 'run step snapshot');
    _require(_checkRunStepDelta, change, changeThrew, 'run step delta');
    const copy = step as RunStepObject;
    const record = _object(change);
    stepId = record['id'] as string;
    if (stepId !== copy.id) {
      throw _stepMismatch(stepId, copy.id);
    }
    const next = _applyDelta(copy, copy, record, stepId);
    _built.add(next);
    return next;
  } catch (error) {
    throw _streamError(error, stepId);
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
   * arrived is final: a plain copy of the server's own object.
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
  /** Whether a push is running: a getter of its event that pushes again is refused (`reentrant_push`). */
  private busy = false;

  push(event: RunStepStreamEvent): RunStepObject;
  push(event: unknown): RunStepObject | undefined;
  push(event: unknown): RunStepObject | undefined {
    if (this.busy) {
      throw _reentrantPush();
    }
    this.busy = true;
    let stepId: string | undefined;
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
      const outer: _ReadMode = _enterCall();
      try {
        _require(_checkRunStepStreamEvent, topRecord, threw, `${name} event`);
        const step = data as RunStepObject;
        stepId = step.id;
        return this.apply(name, step, stepId);
      } finally {
        _leaveCall(outer);
      }
    } catch (error) {
      throw _streamError(error, stepId);
    } finally {
      this.busy = false;
    }
  }

  /** Applies a checked event (its copy) of step `stepId`; writes the accumulator's state last. */
  private apply(name: string, data: RunStepObject, stepId: string): RunStepObject {
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
      snapshot = _applyDelta(current, this.bases.get(stepId) ?? current, _object(data), stepId);
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
 * @returns A new, empty accumulator.
 */
export function createRunStepAccumulator(): RunStepAccumulator {
  return new _Accumulator();
}
