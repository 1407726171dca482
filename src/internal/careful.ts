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
  const ownKeysOnly = !_objectPrototypeIsClean();

  /** One read, caught. */
  function read(owner: object, key: string | number): unknown {
    try {
      if (ownKeysOnly && !_hasOwnProperty.call(owner, key)) return undefined;
      const value: unknown = (owner as Record<string | number, unknown>)[key];
      // A revoked proxy throws as soon as it is looked at: catch that here too.
      if (typeof value === 'object' && value !== null) Array.isArray(value);
      return value;
    } catch (error) {
      return new _Unreadable(error);
    }
  }

  return {
    record(value: object): _Record | undefined {
      if (value instanceof _Unreadable) return undefined;
      // The view's target is an empty object: with the record as target, the engine's proxy invariant
      // checks would call the record's own traps outside the `try` above.
      return new Proxy<_Record>({}, { get: (_, key) => read(value, key as string) });
    },

    isArrayOf(value: unknown[], check: _Check, at: _At): boolean {
      let length: number;
      try {
        length = value.length;
      } catch (error) {
        return _fail(at, 'array', new _Unreadable(error));
      }
      for (let index = 0; index < length; index++) {
        let item = read(value, index);
        // As in `_isArrayOf`: a hole must not read an index someone added to `Array.prototype`.
        if (index in _ArrayPrototype) {
          try {
            if (!_hasOwnProperty.call(value, index)) item = undefined;
          } catch (error) {
            item = new _Unreadable(error);
          }
        }
        if (!check(item, _at(at, index))) return false;
      }
      return true;
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
