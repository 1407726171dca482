/**
 * The converter's one way of reading its input: a read-once copy into plain data. Each own enumerable string
 * key of an object and each index of an array is read once (a getter is called once, a proxy's `get` trap runs
 * once per key); the copy's objects have no prototype, so a polluted `Object.prototype` can supply no key the
 * value lacks, and a key `__proto__` is an own key like any other. The guard then checks the copy, and the
 * converter reads the copy only: what it checked is what it converts, and no read of the input happens twice.
 * What `JSON.stringify` would send is what is copied: own enumerable keys, not a class's prototype getters.
 */

import { _append } from '../internal/read.js';

const _ownsIndex = Object.prototype.hasOwnProperty;

/** Values nested deeper than this are refused (JSON.parse makes them; a run step nests 9 deep). */
export const _MAX_DEPTH = 64;

/** Why a copy could not be made. */
export class _CopyFailure {
  constructor(
    /** A sentence. */
    readonly message: string,
  ) {}
}

/** A read-once copy of `value`, or why none could be made (a read threw, a cycle, too deep). */
export function _readOnceCopy(value: unknown): unknown {
  try {
    return _copyValue(value, 0, new Set(), new Map());
  } catch (error) {
    if (error instanceof _CopyFailure) return error;
    return new _CopyFailure(`a read threw: ${_thrownText(error)}`);
  }
}

function _thrownText(error: unknown): string {
  try {
    return error instanceof Error ? String(error.message) : typeof error;
  } catch {
    return 'an error';
  }
}

function _copyValue(value: unknown, depth: number, open: Set<object>, done: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const copied = done.get(value);
  if (copied !== undefined) return copied;
  if (open.has(value)) throw new _CopyFailure('it holds a cycle');
  if (depth >= _MAX_DEPTH) throw new _CopyFailure(`it is nested more than ${_MAX_DEPTH} deep`);
  open.add(value);
  let copy: unknown;
  if (Array.isArray(value)) {
    const length: number = value.length;
    const array: unknown[] = [];
    for (let index = 0; index < length; index++) {
      // A hole is `undefined`, never an index inherited from a polluted prototype.
      const item: unknown = _ownsIndex.call(value, index) ? value[index] : undefined;
      _append(array, _copyValue(item, depth + 1, open, done));
    }
    copy = array;
  } else {
    const record = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value)) {
      const item = _copyValue((value as Record<string, unknown>)[key], depth + 1, open, done);
      if (item !== undefined) record[key] = item; // as JSON.stringify leaves it out
    }
    copy = record;
  }
  open.delete(value);
  done.set(value, copy);
  return copy;
}

/** The keys the converter reads by name. */
type _Key =
  | 'annotations'
  | 'arguments'
  | 'attachments'
  | 'call_id'
  | 'code_interpreter'
  | 'content'
  | 'created_at'
  | 'detail'
  | 'file_data'
  | 'file_id'
  | 'file_name'
  | 'file_search'
  | 'file_url'
  | 'filename'
  | 'function'
  | 'id'
  | 'image'
  | 'image_url'
  | 'input'
  | 'logs'
  | 'message'
  | 'message_creation'
  | 'message_id'
  | 'name'
  | 'object'
  | 'output'
  | 'outputs'
  | 'results'
  | 'role'
  | 'run_id'
  | 'score'
  | 'status'
  | 'step_details'
  | 'text'
  | 'tool_calls'
  | 'type'
  | 'url'
  | 'value';

/** A record of a copy: any keys, those the converter reads named. */
export type _Data = { readonly [Key in _Key]?: unknown } & { readonly [key: string]: unknown };

/** A record of a copy (a prototype-less object), or `undefined`. */
export function _obj(value: unknown): _Data | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as _Data) : undefined;
}

/** A string of a copy, or `undefined`. */
export function _str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
