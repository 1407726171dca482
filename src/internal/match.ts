/**
 * The one routine behind every exhaustive match (helpers/match.ts, streaming/events.ts). It lives in the
 * base layer so that a check folder never has to import another check folder for it (see ARCHITECTURE.md).
 */

import { _describe } from './describe.js';
import { _ObjectPrototype } from './keys.js';
import type { _Record } from './read.js';

// Taken once, when the module loads: a later change to Object.prototype cannot reach them (and
// `_ObjectPrototype`, keys.ts).
const _hasOwnProperty = Object.prototype.hasOwnProperty;
const _getPrototypeOf = Object.getPrototypeOf;

/**
 * Calls the handler for `key`. With `cases` (a closed set: statuses, stream event names), `key` must be
 * one of them; without (step types and tool call types, which every flavour extends), it must be a
 * string. The handler is then the handlers' own member of that name, or one they inherit from a
 * prototype of their own (a class instance's methods), never one of `Object.prototype` or
 * `Function.prototype`, nor the root of any other chain (another realm's `Object.prototype`), nor a
 * prototype's `constructor` (a class instance's class): so a value
 * whose `type` is `toString`, `constructor` or `__proto__` finds no handler, and neither does a case
 * whose handler is missing while `Object.prototype` is polluted with one of that name. An error thrown
 * while reading `handlers` (a getter, a proxy) goes to the caller, as a handler's own error does.
 */
export function _match(
  helper: string,
  field: string,
  cases: readonly string[] | undefined,
  key: unknown,
  handlers: object,
  argument: unknown,
): unknown {
  // Not a hot path (one call per match), so the enum's array itself decides, rather than its guard.
  if (cases === undefined ? typeof key !== 'string' : !(cases as readonly unknown[]).includes(key)) {
    const expected = cases === undefined ? 'a string' : `one of: ${cases.join(', ')}`;
    throw new TypeError(`${helper}: unknown ${field} ${_describe(key)} (expected ${expected})`);
  }
  const handler = _handler(handlers, key as string);
  if (handler === undefined) throw new TypeError(`${helper}: no handler for ${field} ${_describe(key)}`);
  return handler.call(handlers, argument);
}

/** The handler of that name, as `_match` says, read once; `undefined` when there is none or it is no function. */
function _handler(handlers: object, key: string): ((argument: unknown) => unknown) | undefined {
  let owner: object | null = handlers;
  while (owner !== null && !_hasOwnProperty.call(owner, key)) owner = _getPrototypeOf(owner) as object | null;
  if (owner === null || owner === _ObjectPrototype || owner === Function.prototype) return undefined;
  // Every prototype owns a `constructor` (a class's, for a class instance): never a handler it was given.
  if (owner !== handlers && (key === 'constructor' || _getPrototypeOf(owner) === null)) return undefined;
  const handler = (handlers as _Record)[key];
  return typeof handler === 'function' ? (handler as (argument: unknown) => unknown) : undefined;
}
