/**
 * Reading a stream event once: the accumulator and `applyRunStepDelta` copy what they are given into
 * plain objects and arrays first, then check the copy with the guard and merge the copy, so that a check
 * and a merge can never see two answers from one getter, and no user code (a getter, a proxy's trap)
 * runs after the copy is made.
 *
 * The copy follows the run step's structure: the keys of each object that hold the objects and arrays a
 * check reads (`step_details`, `tool_calls`, `results`...). Every object met under such a key is copied,
 * its own enumerable keys read once (object spread: defined on the copy, never assigned, so no
 * `Object.prototype` setter receives a value and a frozen `Object.prototype` refuses nothing; a
 * `__proto__` key stays an own key); any other value is kept as it is, read once, never looked into. The
 * structure is finite, so a cycle is never followed and the copy costs what the check costs: each object
 * on a checked path read once, each array item once. An array is copied up to its first missing item (a
 * hole, or `undefined`, which fails any check of an item), so a sparse array of length 2³²−1 costs
 * nothing. A read that throws (a getter, a trap, a revoked proxy) leaves an `_Unreadable` in the copy,
 * where a validator reports it.
 *
 * One function per kind of object, each with its own spread: V8 keeps a spread fast while it meets few
 * hidden classes, and a single spread for every kind made the accumulator a third slower (bench:stream).
 */

import { _arrayCopied, _unreadable } from '../internal/copying.js';
import { _append, _set } from '../internal/read.js';

const _hasOwnProperty = Object.prototype.hasOwnProperty;
const _ArrayPrototype: object = Array.prototype;

/** A copy being made: keys to values. */
type _Copy = Record<string, unknown>;
/** Copies one value of a kind. */
type _Copier = (value: unknown) => unknown;

/** What `_other` answers for an object to copy as a record. */
const _RECORD: unique symbol = Symbol('record');

/**
 * `_RECORD` for an object to copy as a record; else what the copy holds: a primitive or a function as
 * it is, an array copied (its items kept as they are), what looking at a revoked proxy threw.
 */
function _other(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  let isArray: boolean;
  try {
    isArray = Array.isArray(value);
  } catch (error) {
    return _unreadable(error);
  }
  return isArray ? _copyArray(value as unknown[], _keep) : _RECORD;
}

/** A value kept as it is. */
const _keep: _Copier = (value) => value;

/**
 * Whether `copy` owns `key`, whose value `value` is an object to copy in turn. Each caller reads the key
 * itself, under a constant key (a read under a variable key is several times slower): only an object
 * needs a copy, and only the copy's own key is the value's, never one inherited from a polluted prototype.
 */
function _owns(copy: _Copy, key: string, value: unknown): boolean {
  return typeof value === 'object' && value !== null && _hasOwnProperty.call(copy, key);
}

/** An array's items, each read once and copied by `item`, up to the first missing one. */
function _copyArray(array: unknown[], item: _Copier): unknown {
  let length: number;
  try {
    length = array.length;
  } catch (error) {
    return _unreadable(error);
  }
  const copy: unknown[] = [];
  for (let index = 0; index < length; index++) {
    let value: unknown;
    try {
      value = array[index];
      // A hole reads from the prototypes, which hold no index unless someone added one there.
      if (index in _ArrayPrototype && !_hasOwnProperty.call(array, index)) value = undefined;
    } catch (error) {
      _append(copy, _unreadable(error));
      continue;
    }
    _append(copy, item(value));
    if (value === undefined) break;
  }
  _arrayCopied(array, copy);
  return copy;
}

/** An array of items of one kind. */
function _arrayOf(item: _Copier): _Copier {
  return (value) => {
    if (typeof value !== 'object' || value === null) return value;
    let isArray: boolean;
    try {
      isArray = Array.isArray(value);
    } catch (error) {
      return _unreadable(error);
    }
    // An object where an array belongs is copied alone: the check rejects it, reading no further.
    return isArray ? _copyArray(value as unknown[], item) : _copyFlat(value);
  };
}

// Each copier below: anything but a record as `_other` says; else the record spread, then its keys that
// hold what a check reads copied in turn.

/** An object whose values are kept as they are: a function body, `metadata`, an image, a content item... */
function _copyFlat(value: unknown): unknown {
  const other = _other(value);
  if (other !== _RECORD) return other;
  try {
    return { ...(value as object) };
  } catch (error) {
    return _unreadable(error);
  }
}

/** How deep a copy of a kind beyond OpenAI's goes: deeper values are unreadable (no check needs them). */
const _MAX_DEPTH = 64;

/**
 * A value of a kind beyond OpenAI's (an Azure call's payload, a user's kind), whose structure the copy
 * does not know: copied whole, as JSON is, each object and array read once. `seen` holds what this copy
 * has met: a value met twice (a cycle, or one object under two keys, which no parsed JSON holds) and a
 * value nested deeper than `_MAX_DEPTH` are unreadable, so the copy is a tree no larger than the input.
 */
function _copyDeep(value: unknown, depth: number, seen: Set<object>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth > _MAX_DEPTH) return _unreadable(new RangeError(`nested deeper than ${_MAX_DEPTH} levels`));
  if (seen.has(value)) return _unreadable(new TypeError('a value met twice (a cycle?)'));
  seen.add(value);
  let isArray: boolean;
  try {
    isArray = Array.isArray(value);
  } catch (error) {
    return _unreadable(error);
  }
  if (isArray) return _copyArray(value as unknown[], (item) => _copyDeep(item, depth + 1, seen));
  let copy: _Copy;
  try {
    copy = { ...(value as object) };
  } catch (error) {
    return _unreadable(error);
  }
  _copyValues(copy, depth, seen);
  return copy;
}

/** Every own value of `copy` that is an object, copied whole in its place (see `_copyDeep`). */
function _copyValues(copy: _Copy, depth: number, seen: Set<object>): _Copy {
  for (const key in copy) {
    if (!_hasOwnProperty.call(copy, key)) continue;
    const value = copy[key];
    if (typeof value === 'object' && value !== null) _set(copy, key, _copyDeep(value, depth + 1, seen));
  }
  return copy;
}

/** Whether a copied call's (or chunk's) `type` is one of OpenAI's, whose structure the copiers know. */
function _isOpenAICall(type: unknown): boolean {
  return type === 'function' || type === 'code_interpreter' || type === 'file_search';
}

/** Whether a copied details' `type` is one of OpenAI's. */
function _isOpenAIDetails(type: unknown): boolean {
  return type === 'tool_calls' || type === 'message_creation';
}

/** A code interpreter output. */
function _copyOutput(value: unknown): unknown {
  const other = _other(value);
  if (other !== _RECORD) return other;
  let copy: _Copy;
  let v: unknown;
  try {
    copy = { ...(value as object) };
  } catch (error) {
    return _unreadable(error);
  }
  if (_owns(copy, 'image', (v = copy['image']))) copy['image'] = _copyFlat(v);
  return copy;
}

const _copyOutputs: _Copier = /* @__PURE__ */ _arrayOf(_copyOutput);
const _copyFlats: _Copier = /* @__PURE__ */ _arrayOf(_copyFlat);

/** A code interpreter body. */
function _copyCode(value: unknown): unknown {
  const other = _other(value);
  if (other !== _RECORD) return other;
  let copy: _Copy;
  let v: unknown;
  try {
    copy = { ...(value as object) };
  } catch (error) {
    return _unreadable(error);
  }
  if (_owns(copy, 'outputs', (v = copy['outputs']))) copy['outputs'] = _copyOutputs(v);
  return copy;
}

/** A file search result. */
function _copyResult(value: unknown): unknown {
  const other = _other(value);
  if (other !== _RECORD) return other;
  let copy: _Copy;
  let v: unknown;
  try {
    copy = { ...(value as object) };
  } catch (error) {
    return _unreadable(error);
  }
  if (_owns(copy, 'content', (v = copy['content']))) copy['content'] = _copyFlats(v);
  if (_owns(copy, 'attributes', (v = copy['attributes']))) copy['attributes'] = _copyFlat(v);
  return copy;
}

const _copyResults: _Copier = /* @__PURE__ */ _arrayOf(_copyResult);

/** A file search body. */
function _copyFileSearch(value: unknown): unknown {
  const other = _other(value);
  if (other !== _RECORD) return other;
  let copy: _Copy;
  let v: unknown;
  try {
    copy = { ...(value as object) };
  } catch (error) {
    return _unreadable(error);
  }
  if (_owns(copy, 'ranking_options', (v = copy['ranking_options']))) copy['ranking_options'] = _copyFlat(v);
  if (_owns(copy, 'results', (v = copy['results']))) copy['results'] = _copyResults(v);
  return copy;
}

/** A tool call, or a tool call chunk. */
function _copyCall(value: unknown): unknown {
  const other = _other(value);
  if (other !== _RECORD) return other;
  let copy: _Copy;
  let v: unknown;
  try {
    copy = { ...(value as object) };
  } catch (error) {
    return _unreadable(error);
  }
  if (!_isOpenAICall(copy['type'])) return _copyValues(copy, 0, new Set());
  if (_owns(copy, 'function', (v = copy['function']))) copy['function'] = _copyFlat(v);
  if (_owns(copy, 'code_interpreter', (v = copy['code_interpreter']))) copy['code_interpreter'] = _copyCode(v);
  if (_owns(copy, 'file_search', (v = copy['file_search']))) copy['file_search'] = _copyFileSearch(v);
  return copy;
}

const _copyCalls: _Copier = /* @__PURE__ */ _arrayOf(_copyCall);

/** Step details, of a step or of a delta. */
function _copyDetails(value: unknown): unknown {
  const other = _other(value);
  if (other !== _RECORD) return other;
  let copy: _Copy;
  let v: unknown;
  try {
    copy = { ...(value as object) };
  } catch (error) {
    return _unreadable(error);
  }
  if (!_isOpenAIDetails(copy['type'])) return _copyValues(copy, 0, new Set());
  if (_owns(copy, 'message_creation', (v = copy['message_creation']))) copy['message_creation'] = _copyFlat(v);
  if (_owns(copy, 'tool_calls', (v = copy['tool_calls']))) copy['tool_calls'] = _copyCalls(v);
  return copy;
}

/** `usage`. */
function _copyUsage(value: unknown): unknown {
  const other = _other(value);
  if (other !== _RECORD) return other;
  let copy: _Copy;
  let v: unknown;
  try {
    copy = { ...(value as object) };
  } catch (error) {
    return _unreadable(error);
  }
  if (_owns(copy, 'prompt_token_details', (v = copy['prompt_token_details'])))
    copy['prompt_token_details'] = _copyFlat(v);
  if (_owns(copy, 'completion_tokens_details', (v = copy['completion_tokens_details'])))
    copy['completion_tokens_details'] = _copyFlat(v);
  return copy;
}

/** A run step: a snapshot, or the `data` of an event that carries a whole step. */
export function _copyStep(value: unknown): unknown {
  const other = _other(value);
  if (other !== _RECORD) return other;
  let copy: _Copy;
  let v: unknown;
  try {
    copy = { ...(value as object) };
  } catch (error) {
    return _unreadable(error);
  }
  if (_owns(copy, 'step_details', (v = copy['step_details']))) copy['step_details'] = _copyDetails(v);
  if (_owns(copy, 'last_error', (v = copy['last_error']))) copy['last_error'] = _copyFlat(v);
  if (_owns(copy, 'usage', (v = copy['usage']))) copy['usage'] = _copyUsage(v);
  if (_owns(copy, 'metadata', (v = copy['metadata']))) copy['metadata'] = _copyFlat(v);
  return copy;
}

// A delta's own copiers: the hot path (a stream is mostly deltas) keeps its spreads to a delta's few
// hidden classes, apart from the whole steps' (a third of the copy's cost when they shared them).

/** A code interpreter body of a tool call chunk. */
function _copyCodeChunk(value: unknown): unknown {
  const other = _other(value);
  if (other !== _RECORD) return other;
  let copy: _Copy;
  let v: unknown;
  try {
    copy = { ...(value as object) };
  } catch (error) {
    return _unreadable(error);
  }
  if (_owns(copy, 'outputs', (v = copy['outputs']))) copy['outputs'] = _copyOutputs(v);
  return copy;
}

/** A tool call chunk. */
function _copyChunk(value: unknown): unknown {
  const other = _other(value);
  if (other !== _RECORD) return other;
  let copy: _Copy;
  let v: unknown;
  try {
    copy = { ...(value as object) };
  } catch (error) {
    return _unreadable(error);
  }
  if (!_isOpenAICall(copy['type'])) return _copyValues(copy, 0, new Set());
  if (_owns(copy, 'function', (v = copy['function']))) copy['function'] = _copyFlat(v);
  if (_owns(copy, 'code_interpreter', (v = copy['code_interpreter']))) copy['code_interpreter'] = _copyCodeChunk(v);
  if (_owns(copy, 'file_search', (v = copy['file_search']))) copy['file_search'] = _copyFileSearch(v);
  return copy;
}

const _copyChunks: _Copier = /* @__PURE__ */ _arrayOf(_copyChunk);

// The outer levels of a delta (the event, the delta object, its `delta`, its `step_details`) give no
// unknown key to a snapshot: only their known keys are copied, each own key read once, into a literal,
// which costs less than a spread. Their unknown keys are never read. Each key is written out: a read
// under a key passed in is several times slower than under a constant one.

/** An event: its `event`, and its `data` as it is (copied apart, once the event is known to be a step's). */
export function _copyEvent(value: unknown): unknown {
  const other = _other(value);
  if (other !== _RECORD) return other;
  try {
    return {
      event: _hasOwnProperty.call(value as object, 'event') ? (value as object as _Copy)['event'] : undefined,
      data: _hasOwnProperty.call(value as object, 'data') ? (value as object as _Copy)['data'] : undefined,
    };
  } catch (error) {
    return _unreadable(error);
  }
}

/** A delta object (an event's `data`, or `applyRunStepDelta`'s delta). */
export function _copyDelta(value: unknown): unknown {
  const other = _other(value);
  if (other !== _RECORD) return other;
  try {
    const record = value as object;
    return {
      id: _hasOwnProperty.call(record, 'id') ? (record as _Copy)['id'] : undefined,
      object: _hasOwnProperty.call(record, 'object') ? (record as _Copy)['object'] : undefined,
      delta: _copyDeltaBody(_hasOwnProperty.call(record, 'delta') ? (record as _Copy)['delta'] : undefined),
    };
  } catch (error) {
    return _unreadable(error);
  }
}

/** A delta object's `delta`. */
function _copyDeltaBody(value: unknown): unknown {
  const other = _other(value);
  if (other !== _RECORD) return other;
  try {
    return {
      step_details: _copyDeltaDetails(
        _hasOwnProperty.call(value as object, 'step_details') ? (value as object as _Copy)['step_details'] : undefined,
      ),
    };
  } catch (error) {
    return _unreadable(error);
  }
}

/** The step details of a delta. */
function _copyDeltaDetails(value: unknown): unknown {
  const other = _other(value);
  if (other !== _RECORD) return other;
  try {
    const record = value as object;
    const type = _hasOwnProperty.call(record, 'type') ? (record as _Copy)['type'] : undefined;
    // A flavour's own step type (`activities`...): its keys are unknown here, so all of them, whole.
    if (!_isOpenAIDetails(type)) {
      const copy: _Copy = { type };
      // Every other own key, each read once (`type` was read above).
      for (const key of Object.keys(record)) if (key !== 'type') _set(copy, key, (record as _Copy)[key]);
      return _copyValues(copy, 0, new Set());
    }
    return {
      type,
      message_creation: _copyFlat(
        _hasOwnProperty.call(record, 'message_creation') ? (record as _Copy)['message_creation'] : undefined,
      ),
      tool_calls: _copyChunks(_hasOwnProperty.call(record, 'tool_calls') ? (record as _Copy)['tool_calls'] : undefined),
    };
  } catch (error) {
    return _unreadable(error);
  }
}
