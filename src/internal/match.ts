/**
 * The one routine behind every exhaustive match (helpers/match.ts, streaming/events.ts). It lives in the
 * base layer so that a check folder never has to import another check folder for it (see ARCHITECTURE.md).
 */

import { _describe } from './describe.js';
import type { _Record } from './read.js';

/**
 * Calls the handler for `key`, after checking that `key` is a case and that the handler exists. Shared by
 * the matches of helpers/match.ts and the stream event match of streaming/events.ts.
 */
export function _match(
  helper: string,
  field: string,
  cases: readonly string[],
  key: unknown,
  handlers: object,
  argument: unknown,
): unknown {
  // Not a hot path (one call per match), so the enum's array itself decides, rather than its guard.
  if (!(cases as readonly unknown[]).includes(key)) {
    throw new TypeError(`${helper}: unknown ${field} ${_describe(key)} (expected one of: ${cases.join(', ')})`);
  }
  // `key` is a known case by now, so a key like "toString" never reaches Object.prototype; a handler
  // may still come from a prototype (a class instance's methods).
  const handler = (handlers as _Record)[key as string];
  if (typeof handler !== 'function') {
    throw new TypeError(`${helper}: no handler for ${field} ${_describe(key)}`);
  }
  return handler.call(handlers, argument);
}
