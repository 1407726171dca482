/**
 * The state of one read-once copy (streaming/copy.ts makes the copies; this file holds what a copy in
 * progress knows, so that every piece of module state the package keeps sits in `internal/`, one copy in
 * the build): whether a read threw, and who is told of each array copied. A getter of the value may make
 * a copy of its own (a push on another accumulator): each keeps its state.
 */

import { _Unreadable } from './careful.js';

/** Whether a read of the value being copied threw. */
let _threw = false;
/** Called for each array copied (the accumulator's side table of indices), while a copy is made. */
let _onArray: ((source: object, copy: unknown[]) => void) | undefined;
/** Whether a read threw during the last copy `_copyOnce` made. */
let _lastThrew = false;

/**
 * `value` copied as `copier` copies it; never throws (every read is caught), so the state it sets is
 * restored without a `finally`. Whether a read threw is `_copyThrew()`, until the next copy.
 * @param onArray Called with each array copied and its copy.
 */
export function _copyOnce(
  value: unknown,
  copier: (value: unknown) => unknown,
  onArray?: (source: object, copy: unknown[]) => void,
): unknown {
  const outerThrew = _threw;
  const outerOnArray = _onArray;
  _threw = false;
  _onArray = onArray;
  const copy = copier(value);
  _lastThrew = _threw;
  _threw = outerThrew;
  _onArray = outerOnArray;
  return copy;
}

/** Whether a read threw during the last copy `_copyOnce` made. */
export function _copyThrew(): boolean {
  return _lastThrew;
}

/** What a read threw, in the copy being made. */
export function _unreadable(error: unknown): _Unreadable {
  _threw = true;
  return new _Unreadable(error);
}

/** Tells the copy in progress that `array` was copied as `copy`. */
export function _arrayCopied(array: object, copy: unknown[]): void {
  _onArray?.(array, copy);
}
