/**
 * The careful pass of a validator (see internal/read.ts): after a read threw, the value is checked once
 * more with every read caught. A read that throws, or a value that is a revoked proxy (which throws as
 * soon as it is looked at), becomes an `_Unreadable`, which every check rejects, so the validator reports
 * it at the place it was read from. Nothing is copied: an array read carefully comes boxed (an
 * `_CarefulArray`, which is no array, so that `_isArrayOf` meets it on its failure branch and a guard pays
 * nothing for the test), and its items are read one at a time as the check asks for them: the pass costs
 * what the first pass costs, bounded by `maxIssues` the same way (a hole fails its item's check, so a
 * sparse array of length 2³²−1 stops at the limit). A failure reports the array itself, never the box.
 * Only report.ts imports this file.
 */

import {
  _append,
  _at,
  _fail,
  type _CarefulReads,
  type _Check,
  type _Expected,
  type _At,
  type _Record,
} from './read.js';

const _hasOwnProperty = Object.prototype.hasOwnProperty;
const _ArrayPrototype: object = Array.prototype;

/**
 * The objects of the two classes below. A test of membership never runs a trap, unlike `instanceof`,
 * which asks a proxy for its prototype (a revoked proxy throws there).
 */
const _unreadables = new WeakSet<object>();
const _boxes = new WeakSet<object>();

/** A value that could not be read: what reading it threw. */
export class _Unreadable {
  /** What the read threw. */
  readonly error: unknown;
  constructor(error: unknown) {
    this.error = error;
    _unreadables.add(this);
  }
}

/** Whether `value` is an `_Unreadable`; never runs a trap. */
export function _isUnreadable(value: unknown): value is _Unreadable {
  return typeof value === 'object' && value !== null && _unreadables.has(value);
}

/** An array as the careful reads hand it over: boxed, so that no check takes it for what it is not. */
export class _CarefulArray {
  /** The array, as read. */
  readonly array: readonly unknown[];
  constructor(array: readonly unknown[]) {
    this.array = array;
    _boxes.add(this);
  }
}

/** Whether `value` is a `_CarefulArray`; never runs a trap. */
function _isBox(value: unknown): value is _CarefulArray {
  return typeof value === 'object' && value !== null && _boxes.has(value);
}

/** The value a careful read stands for: an array for its box. */
export function _unboxed(value: unknown): unknown {
  return _isBox(value) ? value.array : value;
}

/**
 * The careful reads for one pass. Like the other two ways of reading, they skip inherited keys while
 * `Object.prototype` is polluted (`ownKeysOnly`: it held a key of the call's groups when the pass began).
 */
export function _carefulReads(ownKeysOnly: boolean): _CarefulReads {
  const reads: _CarefulReads = {
    ownKeysOnly,

    record(value: object): _Record | undefined {
      if (_isUnreadable(value) || _isBox(value)) return undefined;
      // The view's target is an empty object: with the record as target, the engine's proxy invariant
      // checks would call the record's own traps outside the `try` in `read`.
      return new Proxy<_Record>({}, { get: (_, key) => read(value, key as string) });
    },

    isArrayOf(value: unknown, check: _Check, at: _At): boolean {
      if (!_isBox(value)) return _fail(at, 'array', value);
      const array = value.array;
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
      if (_isUnreadable(value) || _isBox(value)) return _fail(at, expected, value);
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

/** `value`, an array boxed; what looking at it throws: a revoked proxy throws as soon as `Array.isArray` asks. */
function readable(value: unknown): unknown {
  return typeof value === 'object' && value !== null && Array.isArray(value) ? new _CarefulArray(value) : value;
}
