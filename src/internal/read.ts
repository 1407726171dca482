/**
 * The only ways the guards read a value.
 *
 * - Each property is read once, so a getter that answers differently on every read is judged by its
 *   first answer, and no check ever mixes two answers.
 * - A polluted `Object.prototype` can neither supply a missing key nor change a checked value. Asking
 *   `hasOwnProperty` for every key, or `Object.getPrototypeOf` for every record, would make the guards
 *   several times slower (measured here: 15-25 ns and 8-10 ns a call, against under 1 ns for a direct
 *   read). So each guard call first checks that `Object.prototype` carries none of the keys the guards
 *   read (see `_guard`). While it is clean, records are read directly: a key can only come from the
 *   record itself or from a prototype its creator chose (a class's getters count). While it is
 *   polluted, every record is read through a view that answers `undefined` for every key it does not
 *   own, so the pollution cannot show through. (Only this realm's prototypes are inspected: an object
 *   from an iframe or a `vm` context whose own realm is polluted is read as it presents itself.)
 */

import type { Guard } from '../types.js';

const _hasOwnProperty = Object.prototype.hasOwnProperty;
const _ObjectPrototype: object = Object.prototype;
const _ArrayPrototype: object = Array.prototype;

/** An object as the guards read it: string keys to unknown values. */
export type _Record = { readonly [key: string]: unknown };

/**
 * Whether records whose prototype is `Object.prototype` may be read directly. Each public guard decides
 * this once on entry (see `_guard`); outside a guard call it is `false`, the slow but always-safe answer.
 */
let _directReads = false;

/**
 * Wraps an internal check into a public guard. The guard never throws: a proxy whose traps throw, a
 * revoked proxy or a throwing getter makes it return `false`. It checks `Object.prototype` once per call
 * and restores the previous answer on the way out, so a guard called from inside another (by a getter
 * in the input) leaves the outer call's reads as they were.
 */
/* @__NO_SIDE_EFFECTS__ */
export function _guard<Type>(check: (value: unknown) => boolean): Guard<Type> {
  return (value: unknown): value is Type => {
    const outer = _directReads;
    try {
      _directReads = _objectPrototypeIsClean();
      return check(value);
    } catch {
      return false;
    } finally {
      _directReads = outer;
    }
  };
}

/**
 * `true` while `Object.prototype` has none of the keys the guards read. Written out key by key on
 * purpose: each `in` test on a constant key is an inline-cached lookup of a few hundred picoseconds.
 * Every key a check reads must be listed here; test/prototype-pollution.test.ts fails for any key that
 * is missing.
 */
function _objectPrototypeIsClean(): boolean {
  const prototype = _ObjectPrototype;
  return !(
    'arguments' in prototype ||
    'assistant_id' in prototype ||
    'attributes' in prototype ||
    'cached_tokens' in prototype ||
    'cancelled_at' in prototype ||
    'code' in prototype ||
    'code_interpreter' in prototype ||
    'completed_at' in prototype ||
    'completion_tokens' in prototype ||
    'completion_tokens_details' in prototype ||
    'content' in prototype ||
    'created_at' in prototype ||
    'expired_at' in prototype ||
    'expires_at' in prototype ||
    'failed_at' in prototype ||
    'file_id' in prototype ||
    'file_name' in prototype ||
    'file_search' in prototype ||
    'function' in prototype ||
    'id' in prototype ||
    'image' in prototype ||
    'input' in prototype ||
    'last_error' in prototype ||
    'logs' in prototype ||
    'message' in prototype ||
    'message_creation' in prototype ||
    'message_id' in prototype ||
    'metadata' in prototype ||
    'name' in prototype ||
    'object' in prototype ||
    'output' in prototype ||
    'outputs' in prototype ||
    'prompt_token_details' in prototype ||
    'prompt_tokens' in prototype ||
    'ranker' in prototype ||
    'ranking_options' in prototype ||
    'reasoning_tokens' in prototype ||
    'results' in prototype ||
    'run_id' in prototype ||
    'score' in prototype ||
    'score_threshold' in prototype ||
    'status' in prototype ||
    'step_details' in prototype ||
    'text' in prototype ||
    'thread_id' in prototype ||
    'tool_calls' in prototype ||
    'total_tokens' in prototype ||
    'type' in prototype ||
    'usage' in prototype
  );
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
  return _directReads ? (value as _Record) : new Proxy(value as _Record, _ownOnly);
}

/** An array whose every item passes `check`; a hole counts as `undefined`, never as an inherited index. */
export function _isArrayOf(value: unknown, check: (item: unknown) => boolean): boolean {
  if (!Array.isArray(value)) return false;
  const length: number = value.length;
  for (let index = 0; index < length; index++) {
    const item: unknown = value[index];
    // A hole reads from the prototypes, which hold no index unless someone added one there.
    const own = !(index in _ArrayPrototype) || _hasOwnProperty.call(value, index) ? item : undefined;
    if (!check(own)) return false;
  }
  return true;
}

/** A map (such as `metadata`): an object whose every own enumerable string-keyed value passes `check`. */
export function _isMapOf(value: unknown, check: (item: unknown) => boolean): boolean {
  // The same test as in `_record`, written out: a shared helper measured 46 more instructions per run
  // step call (1255 against 1209, bench:instructions).
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  // `for...in` with `hasOwnProperty` on the enumerated key allocates nothing and is optimized as a pair
  // by V8, unlike `Object.keys`; inherited keys (a polluted prototype's among them) are skipped.
  for (const key in value) {
    if (_hasOwnProperty.call(value, key) && !check((value as _Record)[key])) return false;
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
