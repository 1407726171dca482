/**
 * The careful pass of a validator (see internal/read.ts): after a read threw, the value is checked once
 * more with every read caught. A read that throws, or a value that is a revoked proxy (which throws as
 * soon as it is looked at), becomes an `_Unreadable`, which every check rejects, so the validator reports
 * it at the place it was read from. Nothing is copied: an array's items are read one at a time, as the
 * check asks for them, so the pass costs what the first pass costs, bounded by `maxIssues` the same way
 * (a hole fails its item's check, so a sparse array of length 2³²−1 stops at the limit). Only report.ts
 * imports this file.
 */

import {
  _append,
  _at,
  _fail,
  _objectPrototypeIsClean,
  type _CarefulReads,
  type _Check,
  type _Expected,
  type _At,
  type _Record,
} from './read.js';

const _hasOwnProperty = Object.prototype.hasOwnProperty;
const _ArrayPrototype: object = Array.prototype;

/** A value that could not be read: what reading it threw. */
export class _Unreadable {
  /** What the read threw. */
  readonly error: unknown;
  constructor(error: unknown) {
    this.error = error;
  }
}

/**
 * The careful reads for one pass. Like the other two ways of reading, they skip inherited keys while
 * `Object.prototype` is polluted (as it is now, when the pass begins).
 */
export function _carefulReads(): _CarefulReads {
  const reads: _CarefulReads = {
    ownKeysOnly: !_objectPrototypeIsClean(),

    record(value: object): _Record | undefined {
      if (value instanceof _Unreadable) return undefined;
      // The view's target is an empty object: with the record as target, the engine's proxy invariant
      // checks would call the record's own traps outside the `try` in `read`.
      return new Proxy<_Record>({}, { get: (_, key) => read(value, key as string) });
    },

    isArrayOf(array: readonly unknown[], check: _Check, at: _At): boolean {
      let length: number;
      try {
        length = array.length;
      } catch (error) {
        return _fail(at, 'array', new _Unreadable(error));
      }
      for (let index = 0; index < length; index++) {
        if (!check(item(array, index), _at(at, index))) return false;
      }
      return true;
    },

    isMapOf(value: object, check: _Check, expected: _Expected, at: _At): boolean {
      if (value instanceof _Unreadable) return _fail(at, expected, value);
      const keys: string[] = [];
      try {
        for (const key in value) if (_hasOwnProperty.call(value, key)) _append(keys, key);
      } catch (error) {
        return _fail(at, expected, new _Unreadable(error));
      }
      for (const key of keys) if (!check(read(value, key), _at(at, key))) return false;
      return true;
    },
  };

  /** One read, caught; a revoked proxy read is unreadable too. */
  function read(owner: object, key: string): unknown {
    try {
      if (reads.ownKeysOnly && !_hasOwnProperty.call(owner, key)) return undefined;
      return readable((owner as _Record)[key]);
    } catch (error) {
      return new _Unreadable(error);
    }
  }

  /** Item `index` of an array, caught; a hole is `undefined`, never an index inherited from a prototype. */
  function item(array: readonly unknown[], index: number): unknown {
    try {
      const value: unknown = array[index];
      return readable(!(index in _ArrayPrototype) || _hasOwnProperty.call(array, index) ? value : undefined);
    } catch (error) {
      return new _Unreadable(error);
    }
  }

  return reads;
}

/** `value`, or what looking at it throws: a revoked proxy throws as soon as `Array.isArray` asks. */
function readable(value: unknown): unknown {
  if (typeof value === 'object' && value !== null) Array.isArray(value);
  return value;
}
