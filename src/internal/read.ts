/**
 * The only ways the checks read a value, and how one check routine serves both guards and validators.
 *
 * - Each property is read once, so a getter that answers differently on every read is judged by its
 *   first answer, and no check ever mixes two answers.
 * - A polluted `Object.prototype` can neither supply a missing key nor change a checked value. Asking
 *   `hasOwnProperty` for every key, or `Object.getPrototypeOf` for every record, would make the guards
 *   several times slower (measured here: 15-25 ns and 8-10 ns a call, against under 1 ns for a direct
 *   read). So each call first checks that `Object.prototype` carries none of the keys its checks read
 *   (the groups of keys.ts: see `_guard` and `_call`, the only two ways a call starts). While it is clean, records are read directly: a key can only come from the
 *   record itself or from a prototype its creator chose (a class's getters count). While it is
 *   polluted, every record is read through a view that answers `undefined` for every key it does not
 *   own, so the pollution cannot show through. (Only this realm's prototypes are inspected: an object
 *   from an iframe or a `vm` context whose own realm is polluted is read as it presents itself.)
 * - One routine per object serves the guard and the validator of the same name: a check is given the
 *   position of its value (`_At`), `undefined` while a guard runs. A guard stops at the first failure;
 *   a validator records it there and goes on. Both read the same properties in the same order, the same
 *   way, so they cannot disagree, and a validator call leaves no other kind of object at the guard's
 *   property reads to slow them down later.
 * - A read that throws (a getter, a proxy's trap, a revoked proxy) ends a guard with `false`. A
 *   validator then checks the value once more, carefully (careful.ts): every read is caught and turned
 *   into a value that fails the check that reads it, so the issue names its place.
 */

import { _ObjectPrototype, _baseKeysClean, type _KeyGroup } from './keys.js';
import type { Guard } from './public-types.js';

const _hasOwnProperty = Object.prototype.hasOwnProperty;
const _ArrayPrototype: object = Array.prototype;

/** An object as the checks read it: string keys to unknown values. */
export type _Record = { readonly [key: string]: unknown };

/**
 * What a validator is told at each failure: the value's position in the input, and where its issues go.
 * Implemented in report.ts, which only the validators import, so a guard alone bundles none of it.
 */
export interface _Position {
  /** The position of `key` under this one. */
  child(key: string | number): _Position;
  /**
   * Records that the value here is not `expected`; `false` once no more issues may be recorded.
   * `message` replaces the one written from the two (for an issue another library reported).
   */
  fail(expected: _Expected, received: unknown, message?: string): boolean;
}

/** What was expected: a description (`"integer or null"`), or the members of an enum. */
export type _Expected = string | readonly string[];

/**
 * Where a check stands: `undefined` while a guard runs (the first failure ends the call), or a position
 * while a validator runs. Every check takes one and returns whether checking goes on, which for a guard
 * is whether the value is valid so far.
 */
export type _At = _Position | undefined;

/** A check of one value at a position (see `_At`). */
export type _Check = (value: unknown, at: _At) => boolean;

/** The position of `key` under `at`; allocates only while a validator runs. */
export function _at(at: _At, key: string | number): _At {
  return at === undefined ? undefined : at.child(key);
}

/**
 * A failed check of the value at `at`: `false` for a guard; for a validator, records the issue and says
 * whether to go on. Every `false` a check returns comes from here or from `_failAt`, which is what makes
 * a guard's `false` and a validator's issues the same event.
 */
export function _fail(at: _At, expected: _Expected, received: unknown): boolean {
  return at !== undefined && at.fail(expected, received);
}

/** A failed check of the value under `key` of the record at `at` (see `_fail`). */
export function _failAt(at: _At, key: string, expected: _Expected, received: unknown): boolean {
  return at !== undefined && at.child(key).fail(expected, received);
}

/** Records are read directly: `Object.prototype` holds none of the keys the checks read. */
const _READ_DIRECTLY = 0;
/** Records are read through the own-keys-only view: `Object.prototype` is polluted. */
const _READ_OWN_KEYS = 1;
/** A validator's second pass after a read threw: every read is caught (see careful.ts). */
const _READ_CAREFULLY = 2;
/** How records are read: one of the three above. */
export type _ReadMode = 0 | 1 | 2;

/**
 * The careful pass's ways of reading (careful.ts). The validator installs them for the length of its
 * second pass only, so that a bundle of guards alone carries none of that code.
 */
export interface _CarefulReads {
  /** Whether inherited keys are skipped: `Object.prototype` held a key of the call's groups when the pass began. */
  readonly ownKeysOnly: boolean;
  /** A record read so that every read is caught; `undefined` for what is no record. */
  record(value: object): _Record | undefined;
  /**
   * `_isArrayOf` for a value that is no array as it stands: an array the careful reads boxed, its items
   * read one by one, every read caught, never copied; anything else fails.
   */
  isArrayOf(value: unknown, check: _Check, at: _At): boolean;
  /** `_isMapOf`, every read caught. */
  isMapOf(value: object, check: _Check, expected: _Expected, at: _At): boolean;
}

/**
 * How the current call reads records. Each call decides on entry (`_guard`, `_call`); outside a call it
 * is the own-keys-only view, the slow but always-safe answer.
 */
let _readMode: _ReadMode = _READ_OWN_KEYS;
/** The careful reads, while a validator's second pass runs. */
let _careful: _CarefulReads | undefined;

/** How a call whose checks read the base keys and `keys` reads records, as `Object.prototype` stands now. */
function _modeFor(keys: _KeyGroup | undefined): _ReadMode {
  return _baseKeysClean() && (keys === undefined || keys()) ? _READ_DIRECTLY : _READ_OWN_KEYS;
}

/** Whether `Object.prototype` holds none of the base keys and none of `keys`. */
export function _keysAreClean(keys: _KeyGroup | undefined): boolean {
  return _modeFor(keys) === _READ_DIRECTLY;
}

/**
 * Wraps an internal check into a public guard: the read protocol's wrapper for every guard. The guard
 * never throws: a proxy whose traps throw, a revoked proxy or a throwing getter makes it return `false`.
 * It tests `Object.prototype` once per call, for the base keys and for `keys` (the groups of the keys only
 * its checks read), and restores the previous answer on the way out, so a guard called from inside
 * another (by a getter in the input) leaves the outer call's reads as they were.
 */
/* @__NO_SIDE_EFFECTS__ */
export function _guard<Type>(check: _Check, keys?: _KeyGroup): Guard<Type> {
  return (value: unknown): value is Type => {
    const outer = _readMode;
    // `_modeFor`, written out: the one call every guard makes.
    _readMode = _baseKeysClean() && (keys === undefined || keys()) ? _READ_DIRECTLY : _READ_OWN_KEYS;
    try {
      return check(value, undefined);
    } catch {
      return false;
    } finally {
      _readMode = outer;
    }
  };
}

/**
 * Runs `body(argument)` as one call of the read protocol, for every public entry that is not a guard (a
 * validator's passes, the accumulator, the trait finder): decides how records are read, as `_guard`
 * does, and restores the outer call's reads on the way out, whatever `body` throws.
 */
export function _call<Argument, Result>(
  body: (argument: Argument) => Result,
  argument: Argument,
  keys?: _KeyGroup,
): Result {
  const outer = _readMode;
  const outerCareful = _careful;
  _readMode = _modeFor(keys);
  try {
    return body(argument);
  } finally {
    _readMode = outer;
    _careful = outerCareful;
  }
}

/**
 * Runs `check(value, at)` with the careful reads (a validator's second pass, careful.ts), inside a call
 * `_call` started; the call's own reads come back when it returns or throws.
 */
export function _checkCarefully(reads: _CarefulReads, check: _Check, value: unknown, at: _At): boolean {
  const outer = _readMode;
  const outerCareful = _careful;
  _readMode = _READ_CAREFULLY;
  _careful = reads;
  try {
    return check(value, at);
  } finally {
    _readMode = outer;
    _careful = outerCareful;
  }
}

/**
 * The value a user's check (`defineToolCallKind`, `defineStepDetailsKind`) is given, for a value that
 * `_record` read as `record`: that record, except in a validator's careful pass, whose view of a record
 * answers only the checks' own reads. There the check gets the value itself, or, while inherited keys
 * are skipped, the own-keys view over it, as in the first pass: `Object.keys`, `in` and spread see the
 * value's keys, and what the check's own reads throw is the check's to catch (a throw makes its answer
 * a failure at the call).
 */
export function _forUser(value: object, record: _Record): _Record {
  if (_readMode !== _READ_CAREFULLY || _careful === undefined) return record;
  return _careful.ownKeysOnly ? new Proxy(value as _Record, _ownOnly) : (value as _Record);
}

/** The view of a record that is not safe to read directly: every key it does not own reads `undefined`. */
const _ownOnly: ProxyHandler<_Record> = {
  get: (target, key) => (_hasOwnProperty.call(target, key) ? target[key as string] : undefined),
};

/**
 * A JSON object (not `null`, not an array, not a function), as the checks must read it; `undefined`
 * for anything else. See the top of this file for why a record may come back wrapped.
 */
export function _record(value: unknown): _Record | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return _readMode === _READ_DIRECTLY ? (value as _Record) : _view(value as _Record);
}

/** The view of a record for the two slow ways of reading (see `_readMode`). */
function _view(record: _Record): _Record | undefined {
  return _readMode === _READ_CAREFULLY && _careful !== undefined
    ? _careful.record(record)
    : new Proxy(record, _ownOnly);
}

/**
 * An array whose every item passes `check`; a hole counts as `undefined`, never as an inherited index.
 * (In a validator's careful pass, arrays arrive boxed, and every read of them is caught: see careful.ts.)
 */
export function _isArrayOf(value: unknown, check: _Check, at: _At): boolean {
  if (!Array.isArray(value)) return _notArray(value, check, at);
  const length: number = value.length;
  for (let index = 0; index < length; index++) {
    const item: unknown = value[index];
    // A hole reads from the prototypes, which hold no index unless someone added one there.
    const own = !(index in _ArrayPrototype) || _hasOwnProperty.call(value, index) ? item : undefined;
    if (!check(own, _at(at, index))) return false;
  }
  return true;
}

/**
 * What `_isArrayOf` answers for a value that is no array as it stands: a failure, or in the careful
 * pass, which hands arrays over boxed (careful.ts), the boxed array's check. Out of line, so that
 * `_isArrayOf` keeps its size, and with it its callers' inlining (bench:instructions).
 */
function _notArray(value: unknown, check: _Check, at: _At): boolean {
  return _readMode === _READ_CAREFULLY && _careful !== undefined
    ? _careful.isArrayOf(value, check, at)
    : _fail(at, 'array', value);
}

/**
 * A map (such as `metadata`): an object whose every own enumerable string-keyed value passes `check`.
 * `expected` names what the map itself must be.
 */
export function _isMapOf(value: unknown, check: _Check, expected: _Expected, at: _At): boolean {
  // The same test as in `_record`, written out: a shared helper measured 46 more instructions per run
  // step call (1255 against 1209, bench:instructions).
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return _fail(at, expected, value);
  if (_readMode === _READ_CAREFULLY && _careful !== undefined) return _careful.isMapOf(value, check, expected, at);
  // `for...in` with `hasOwnProperty` on the enumerated key allocates nothing and is optimized as a pair
  // by V8, unlike `Object.keys`; inherited keys (a polluted prototype's among them) are skipped.
  for (const key in value) {
    if (_hasOwnProperty.call(value, key) && !check((value as _Record)[key], _at(at, key))) return false;
  }
  return true;
}

/** A string. */
export function _isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** An integer (timestamps and token counts): not `NaN`, not infinite, no fraction. */
export function _isInteger(value: unknown): value is number {
  return Number.isInteger(value);
}

/** An integer or `null`. */
export function _isIntegerOrNull(value: unknown): value is number | null {
  return value === null || Number.isInteger(value);
}

/** A finite number (JSON has no `NaN` or `Infinity`). */
export function _isNumber(value: unknown): value is number {
  return Number.isFinite(value);
}

/**
 * Appends `value` to an array this package built, as `push` would, but never through a prototype: an
 * index added to `Array.prototype` or `Object.prototype` (an accessor) is never called, and a frozen
 * one never refuses the write. The test costs one inline-cached lookup while the prototypes hold no
 * index, which `Object.defineProperty` (several hundred nanoseconds an item) would not.
 */
export function _append<Item>(array: Item[], value: Item): void {
  const index = array.length;
  if (index in _ArrayPrototype) {
    Object.defineProperty(array, index, { value, writable: true, enumerable: true, configurable: true });
  } else {
    array[index] = value;
  }
}

/**
 * Sets `key` of an object this package built, as an assignment would, but never through a prototype: a
 * setter on `Object.prototype` never receives the value, and a frozen `Object.prototype` (SES
 * `lockdown()`) never refuses a key it holds (`toString`, `valueOf`...): the "override mistake".
 */
export function _set(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key in _ObjectPrototype) {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
