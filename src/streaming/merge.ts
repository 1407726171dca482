/**
 * Merging a checked delta into a run step snapshot: what `applyRunStepDelta` and the accumulator
 * (accumulate.ts) do once an input has been copied (copy.ts) and checked by its guard.
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
 *   appended whole; an `output` of `null` leaves the output as it was.
 * (An event that carries a whole run step replaces the snapshot; accumulate.ts does that, not a merge.)
 *
 * A chunk the rules refuse throws a `RunStepStreamError` (errors.ts) before anything is returned, so the
 * snapshot it was to be merged into is left as it was.
 *
 * Nothing is ever written to an input. The merge builds new objects only for what it merges (the step,
 * its details, each tool call, its body, each output); into those it copies a chunk's unknown keys (the
 * last value wins), but never one named `__proto__`, `constructor` or `prototype`, and never through a
 * prototype. Objects it does not merge (ranking options, results, an image) are kept as the delta holds
 * them. Snapshots share unchanged parts with earlier snapshots and with the events: treat them as
 * read-only. What the merge knows of the arrays and bodies it built (where the items of an array with a
 * gap sit, how a body holds its results) is kept beside them, in ../internal/snapshots.ts.
 */

import type { _Flavour } from '../guards/flavour.js';
import type { _MergeRule } from '../internal/kinds.js';
import { _collect } from '../internal/report.js';
import { _append, _record, _set, type _Record } from '../internal/read.js';
import {
  _forgetResults,
  _indicesOf,
  _resultsOf,
  _setIndices,
  _setResults,
  type _ResultsView,
} from '../internal/snapshots.js';
import type {
  CodeInterpreterOutput,
  FileSearchRankingOptions,
  FileSearchResult,
  RunStepObject,
  ToolCall,
} from '../types.js';
import {
  MAX_DELTA_INDEX,
  _identityChanged,
  _incompleteFirstChunk,
  _indexOutOfRange,
  _invalidMerge,
  _tooLarge,
  _typeChanged,
} from './errors.js';

const _hasOwnProperty = Object.prototype.hasOwnProperty;

// ---- reading: the merge reads only checked copies, through `_record`, which skips inherited keys while
// Object.prototype is polluted.

/** An object the merge builds: keys to values, written only by this module. */
export type _Built = Record<string, unknown>;

/** A record of a checked copy. */
export const _object = (value: unknown): _Record => _record(value) as _Record;

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

/** What one array of chunks merges into: a tool call or an output, created or merged from a chunk. */
interface _Merger<Item> {
  /** `tool call` or `output`, for messages. */
  readonly kind: string;
  /** A new item from its first chunk (`flavour`: the stream's, for a call of one of its kinds). */
  create(chunk: _Record, index: number, stepId: string, flavour: _Flavour | undefined): Item;
  /** An item with a later chunk merged in. */
  merge(item: Item, chunk: _Record, index: number, stepId: string, flavour: _Flavour | undefined): Item;
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
  flavour?: _Flavour,
): Item[] {
  const merged = items.slice();
  // No lookup at all until some array had a gap (see ../internal/snapshots.ts).
  const known = _indicesOf(items);
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
        merged[index] = merger.merge(merged[index] as Item, chunk, index, stepId, flavour);
        continue;
      }
      if (index === merged.length) {
        _append(merged, merger.create(chunk, index, stepId, flavour));
        continue;
      }
      // A gap opens: from now on, positions and indices differ.
      indices = [];
      for (let i = 0; i < merged.length; i++) _append(indices, i);
    }
    const position = _position(indices, index);
    if (indices[position] === index) {
      merged[position] = merger.merge(merged[position] as Item, chunk, index, stepId, flavour);
    } else {
      _insert(merged, position, merger.create(chunk, index, stepId, flavour));
      _insert(indices, position, index);
    }
  }
  // Sorted distinct indices from 0 are positions exactly when the last one is `length - 1`.
  if (indices !== undefined && indices[indices.length - 1] !== indices.length - 1) {
    _setIndices(merged, indices);
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
 * Gives `body` the first `length` items of `backing` as its `results` (or, for an array a kind's rule
 * appends to, as its `key`). The file search bodies the merge builds hold their results this way: a backing array shared by a body and the bodies built from it, and
 * how many of its items are this body's (kept beside the body: `_resultsOf`, ../internal/snapshots.ts).
 * Results carry no index, so each delta appends; appending to the backing array (when this body's
 * results are all of it) costs the items appended, not the results so far. A body built from an older
 * one (whose backing array has grown since) starts a backing array of its own: copy on write. A body's
 * `results` is an accessor that makes the plain array on first read, and replaces itself with it.
 */
function _defineResults(body: _Built, backing: unknown[], length: number, key: string = 'results'): void {
  let results: unknown[] | undefined;
  const define = (target: object, value: unknown): boolean =>
    Reflect.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(body, key, {
    enumerable: true,
    configurable: true,
    get(this: object) {
      if (results === undefined) results = backing.slice(0, length);
      // Plain data from now on, unless the body was frozen; `_resultsOf` still describes the same items.
      if (this === body) define(body, results);
      return results;
    },
    set(this: object, value: unknown) {
      _forgetResults(body);
      define(this, value);
    },
  });
  _setResults(body, { key, backing, length });
}

/**
 * A file search body with a chunk's body merged in: options replaced, results appended. `current` may
 * have no `results` (a body just started, or the early v2 `{}`).
 */
function _mergeFileSearch(current: object, body: _Record): _Built {
  const rankingOptions = body['ranking_options'];
  const found = body['results'] as readonly FileSearchResult[] | undefined;
  const view = _resultsOf(current);
  const next: _Built = {};
  // Every key of `current` but `results`, which would make a body's results a plain array (see `_defineResults`).
  for (const key in current) {
    if (key !== 'results' && _hasOwnProperty.call(current, key)) _set(next, key, (current as _Built)[key]);
  }
  _copyExtras(next, body, _isFileSearchKey);
  if (rankingOptions !== undefined) _set(next, 'ranking_options', rankingOptions as FileSearchRankingOptions);
  let backing: FileSearchResult[];
  let length: number;
  if (view !== undefined) {
    backing = view.backing as FileSearchResult[];
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

  create(chunk: _Record, index: number, stepId: string, flavour: _Flavour | undefined): ToolCall {
    const type = chunk['type'];
    const id = chunk['id'];
    if (typeof id !== 'string') {
      throw _incompleteFirstChunk('tool call', index, 'id', stepId);
    }
    if (type !== 'function' && type !== 'code_interpreter' && type !== 'file_search') {
      return _mergeOtherCall({ id, type }, chunk, index, stepId, flavour as _Flavour, true) as unknown as ToolCall;
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

  merge(call: ToolCall, chunk: _Record, index: number, stepId: string, flavour: _Flavour | undefined): ToolCall {
    const type = chunk['type'];
    if (type !== call.type) {
      throw _typeChanged('tool call', index, call.type, type, stepId);
    }
    const id = chunk['id'] as string | undefined;
    if (id !== undefined && id !== call.id) {
      throw _identityChanged('id', index, call.id, id, stepId);
    }
    if (type !== 'function' && type !== 'code_interpreter' && type !== 'file_search') {
      return _mergeOtherCall(
        call as object as _Record,
        chunk,
        index,
        stepId,
        flavour as _Flavour,
        false,
      ) as unknown as ToolCall;
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

// ---- a flavour's kinds: merged by their rules --------------------------------------------------------
//
// A call (or details) of a kind beyond OpenAI's merges by its kind's rule (`_MergeRule`,
// ../internal/kinds.ts; `auto` for a user's kind, and for a call of an unknown kind in the open mode):
// the merge builds a new object for the call and for each object and array it merges into, and then
// checks what it built with the kind's whole check, so that every snapshot is a valid step of the
// flavour. A first chunk that cannot start a valid call (a user's kind whose check needs a field the chunk
// lacks) is refused, as OpenAI's are.

/** The rule of `key` under a `{fields}`, `{values}` or `auto` rule; a key no rule names: the last value wins. */
function _ruleOf(rule: _MergeRule, key: string): _MergeRule {
  if (rule === 'auto') return 'auto';
  if (typeof rule === 'object') {
    if ('fields' in rule) return _hasOwnProperty.call(rule.fields, key) ? (rule.fields[key] as _MergeRule) : 'value';
    if ('values' in rule) return rule.values;
  }
  return 'value';
}

/** Whether a checked copy's value is a record (not an array). */
function _isRecordValue(value: unknown): value is _Record {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `current` (a record, or nothing yet) with the own keys of `fragment` merged in by `rule`, but the keys
 * `skip` names (a call's `index`, `id`, `type`), and never the unsafe three: a new object. An array the
 * rule appends to is held as file search results are (`_defineResults`), so that N appending fragments
 * cost O(N), not O(N²); it is never read here, which would make it a plain array.
 */
function _mergeRecord(
  current: unknown,
  fragment: _Record,
  rule: _MergeRule,
  skip: (key: string) => boolean,
  index: number,
  stepId: string,
): _Built {
  const before = _isRecordValue(current) ? current : undefined;
  const view = before === undefined ? undefined : _resultsOf(before);
  const next: _Built = {};
  if (before !== undefined) {
    for (const key in before) {
      if (key !== view?.key && _hasOwnProperty.call(before, key)) _set(next, key, before[key]);
    }
  }
  let shared = view;
  for (const key in fragment) {
    if (
      skip(key) ||
      key === '__proto__' ||
      key === 'constructor' ||
      key === 'prototype' ||
      !_hasOwnProperty.call(fragment, key)
    )
      continue;
    const value = fragment[key];
    if (value === undefined) continue;
    const sub = _ruleOf(rule, key);
    if (typeof sub === 'object' && 'append' in sub) {
      // The array as `before` holds it is read only when no view holds it (a read would make it plain).
      const held = shared?.key === key ? shared : undefined;
      shared = _appendTo(held, held === undefined ? before?.[key] : undefined, key, value as readonly unknown[]);
      continue;
    }
    _set(next, key, _mergeValue(sub, before?.[key], value, key, index, stepId));
  }
  if (shared !== undefined) _defineResults(next, shared.backing, shared.length, shared.key);
  return next;
}

/**
 * The backing array and length of `key` once `items` are appended: to the backing array of `view` (the
 * array as the body before held it), copied on write when a newer body has grown it; else to a copy of
 * `before` (an array of the server's), or to a new one.
 */
function _appendTo(
  view: _ResultsView | undefined,
  before: unknown,
  key: string,
  items: readonly unknown[],
): _ResultsView {
  let backing: unknown[];
  if (view !== undefined) {
    backing = view.backing.length === view.length ? view.backing : view.backing.slice(0, view.length);
  } else backing = Array.isArray(before) ? (before as unknown[]).slice() : [];
  for (let n = 0; n < items.length; n++) _append(backing, items[n]);
  return { key, backing, length: backing.length };
}

/** Skips nothing. */
const _none = (): boolean => false;
/** Skips an item chunk's `index`. */
const _isIndexKey = (key: string): boolean => key === 'index';
/** Skips a call chunk's `index`, `id` and `type`, which the tool call merger handles. */
const _isCallKey = (key: string): boolean => key === 'index' || key === 'id' || key === 'type';

/** The value `fragment` (present) makes of `current` under `rule`, for the field `key` of call `index`. */
function _mergeValue(
  rule: _MergeRule,
  current: unknown,
  fragment: unknown,
  key: string,
  index: number,
  stepId: string,
): unknown {
  switch (rule) {
    case 'text':
    case 'nullable':
      if (fragment === null) return current === undefined || current === null ? (rule === 'text' ? '' : null) : current;
      return typeof current === 'string'
        ? _concat(current, fragment as string, `the ${key} of tool call ${index}`, stepId)
        : fragment;
    case 'name':
      if (current === undefined || current === null) return fragment;
      if (fragment !== current) throw _identityChanged(key, index, current, fragment, stepId);
      return current;
    case 'value':
      return fragment;
    case 'auto':
      return _mergeAuto(current, fragment, key, index, stepId);
  }
  if ('whole' in rule) return fragment;
  if ('fields' in rule || 'values' in rule) {
    return _isRecordValue(fragment) ? _mergeRecord(current, fragment, rule, _none, index, stepId) : fragment;
  }
  if ('items' in rule) {
    return _mergeByIndex(
      Array.isArray(current) ? current : [],
      fragment as readonly unknown[],
      _itemMerger(rule.items),
      stepId,
    );
  }
  // `{append}` is `_mergeRecord`'s, which holds the array it appends to; here only an array at the top.
  return _appended(current, fragment as readonly unknown[]);
}

/** `current`'s items (if it is an array) and then `fragment`'s: a new array. */
function _appended(current: unknown, fragment: readonly unknown[]): unknown[] {
  const next = Array.isArray(current) ? (current as unknown[]).slice() : [];
  for (let n = 0; n < fragment.length; n++) _append(next, fragment[n]);
  return next;
}

/**
 * `auto`: by what arrives. `null` changes nothing (or starts the field); a string is appended to a string;
 * an array of chunks that all carry an integer `index` merges by index, any other array is appended; an
 * object merges key by key; anything else replaces.
 */
function _mergeAuto(current: unknown, fragment: unknown, key: string, index: number, stepId: string): unknown {
  if (fragment === null) return current === undefined ? null : current;
  if (typeof fragment === 'string') {
    return typeof current === 'string'
      ? _concat(current, fragment, `the ${key} of tool call ${index}`, stepId)
      : fragment;
  }
  if (Array.isArray(fragment)) {
    return fragment.length !== 0 && fragment.every((item) => _isRecordValue(item) && Number.isInteger(item['index']))
      ? _mergeByIndex(Array.isArray(current) ? current : [], fragment, _AUTO_ITEMS, stepId)
      : _appended(current, fragment);
  }
  return _isRecordValue(fragment) ? _mergeRecord(current, fragment, 'auto', _none, index, stepId) : fragment;
}

/** The merger of an array of chunks with their own `index` (`{items}`, or `auto`): items keep no `index`. */
function _itemMerger(items: Readonly<Record<string, _MergeRule>> | 'auto'): _Merger<_Built> {
  const rule: _MergeRule = items === 'auto' ? 'auto' : { fields: items };
  return {
    kind: 'item',
    create: (chunk, index, stepId) => _mergeRecord(undefined, chunk, rule, _isIndexKey, index, stepId),
    merge: (item, chunk, index, stepId) => _mergeRecord(item, chunk, rule, _isIndexKey, index, stepId),
  };
}

const _AUTO_ITEMS: _Merger<_Built> = /* @__PURE__ */ _itemMerger('auto');

/** A call of a flavour's kind (`current`: `{id, type}` for a new one) with a chunk merged in, then checked. */
function _mergeOtherCall(
  current: _Record,
  chunk: _Record,
  index: number,
  stepId: string,
  flavour: _Flavour,
  created: boolean,
): _Built {
  const type = current['type'] as string;
  const entry = flavour.calls.get(type);
  const rule = entry?.merge;
  const call = _mergeRecord(current, chunk, rule ?? 'auto', _isCallKey, index, stepId);
  // A kind with a rule of the package's own keeps a valid call valid (`_MergeRule`): checked once, when
  // its first chunk makes it. A user's kind, by its check, after every chunk. Inside the read protocol's
  // call (accumulate.ts), with the flavour's keys: the whole check, guard first.
  if ((created || rule === undefined) && !flavour.checkCall(call, undefined)) {
    throw _invalidMerge(
      `"${type}" tool call`,
      index,
      _collect(flavour.checkCall, call, 20, false, flavour.keys, true),
      stepId,
    );
  }
  return call;
}

/** Details of a flavour's kind (`activities`...) with a delta's details merged in, then checked. */
function _mergeOtherDetails(current: object, details: _Record, stepId: string, flavour: _Flavour): _Built {
  const type = (current as _Record)['type'] as string;
  const entry = flavour.details.get(type) as NonNullable<ReturnType<typeof flavour.details.get>>;
  const next = _mergeRecord(current, details, entry.merge ?? 'auto', _isTypeKey, 0, stepId);
  // The details arrive whole, and valid, in the created event: a rule of the package's own keeps them so.
  if (entry.merge === undefined && !entry.body(next, next, undefined)) {
    const check = (value: unknown, at: Parameters<typeof entry.body>[2]): boolean =>
      entry.body(value as _Record, value as object, at);
    throw _invalidMerge(
      `"${type}" step details`,
      undefined,
      _collect(check, next, 20, false, flavour.keys, true),
      stepId,
    );
  }
  return next;
}

/** Skips a details chunk's `type`. */
const _isTypeKey = (key: string): boolean => key === 'type';

// ---- the step ------------------------------------------------------------------------------------------

/**
 * `snapshot` with `delta` (a checked copy of a delta object) applied: a new snapshot. Its fields other
 * than `step_details` are copied from `base`: the step the snapshot was built from (its fields but
 * `step_details` are the snapshot's), or the snapshot itself. Copying the same object on every delta
 * keeps V8 on its fast path for object spread; copying each new snapshot from the one before made the
 * accumulator four times slower (bench:stream). Copies are spread, then assigned: `{...x, key}` measured
 * several times slower than `{...x}` followed by `copy.key = value`.
 */
export function _applyDelta(
  snapshot: RunStepObject,
  base: RunStepObject,
  delta: _Record,
  stepId: string,
  flavour?: _Flavour,
): RunStepObject {
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
  if (snapshot.type !== 'tool_calls') {
    const next: _Built = { ...base };
    // A flavour's own step type (its delta was checked as one): not a type this union knows.
    const other = (snapshot as { step_details: object }).step_details;
    next['step_details'] = _mergeOtherDetails(other, details, stepId, flavour as _Flavour);
    return next as unknown as RunStepObject;
  }
  const chunks = details['tool_calls'] as readonly unknown[] | undefined;
  if (chunks === undefined) return _copy(snapshot, base);
  const stepDetails: _Built = { ...snapshot.step_details };
  stepDetails['tool_calls'] = _mergeByIndex(snapshot.step_details.tool_calls, chunks, _toolCalls, stepId, flavour);
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
