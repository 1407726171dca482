/**
 * The careful pass of a validator (see internal/read.ts): after a read threw, the value is checked once
 * more with every read caught. A read that throws, or a value that is a revoked proxy (which throws as
 * soon as it is looked at), becomes an `_Unreadable`, which every check rejects, so the validator reports
 * it at the place it was read from. Only report.ts imports this file.
 */

import {
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
  const ownKeysOnly = !_objectPrototypeIsClean();

  /**
   * One read, caught. An array comes back as a copy made the same way, so that `_isArrayOf` can read it
   * without a `try`: a `length` that cannot be read makes the array unreadable; a hole reads `undefined`.
   */
  function read(owner: object, key: string | number, copyArrays = true): unknown {
    try {
      if (ownKeysOnly && !_hasOwnProperty.call(owner, key)) return undefined;
      const value: unknown = (owner as Record<string | number, unknown>)[key];
      // A revoked proxy throws as soon as it is looked at: `Array.isArray` catches that here too.
      const isArray = typeof value === 'object' && value !== null && Array.isArray(value);
      return isArray && copyArrays ? copy(value) : value;
    } catch (error) {
      return new _Unreadable(error);
    }
  }

  /**
   * A plain copy of an array, each item read as above but not copied itself: no item of the run step
   * family is an array, so an array item fails as it is, and a cycle of arrays is never followed.
   */
  function copy(array: unknown[]): unknown[] {
    const length = array.length;
    const items: unknown[] = [];
    for (let index = 0; index < length; index++) {
      let own: boolean;
      try {
        own = _hasOwnProperty.call(array, index);
      } catch (error) {
        items.push(new _Unreadable(error));
        continue;
      }
      items.push(own ? read(array, index, false) : undefined);
    }
    return items;
  }

  return {
    record(value: object): _Record | undefined {
      if (value instanceof _Unreadable) return undefined;
      // The view's target is an empty object: with the record as target, the engine's proxy invariant
      // checks would call the record's own traps outside the `try` above.
      return new Proxy<_Record>({}, { get: (_, key) => read(value, key as string) });
    },

    isMapOf(value: object, check: _Check, expected: _Expected, at: _At): boolean {
      if (value instanceof _Unreadable) return _fail(at, expected, value);
      const keys: string[] = [];
      try {
        for (const key in value) if (_hasOwnProperty.call(value, key)) keys.push(key);
      } catch (error) {
        return _fail(at, expected, new _Unreadable(error));
      }
      for (const key of keys) if (!check(read(value, key), _at(at, key))) return false;
      return true;
    },
  };
}
