/**
 * Reading a stream event once: the accumulator and `applyRunStepDelta` copy what they are given into
 * plain objects and arrays first, then check the copy with the guard and merge the copy, so that a check
 * and a merge can never see two answers from one getter, and no user code (a getter, a proxy's trap)
 * runs after the copy is made.
 *
 * The copy follows a shape: the keys of each object that hold the objects and arrays a check reads
 * (`step_details`, `tool_calls`, `results`...). Every object met under such a key is copied, its own
 * enumerable keys read once (object spread: defined on the copy, never assigned, so no `Object.prototype`
 * setter receives a value and a frozen `Object.prototype` refuses nothing; a `__proto__` key stays an
 * own key); any other value is kept as it is, read once, never looked into. The shape is finite, so a
 * cycle is never followed and the copy costs what the check costs: each object on a checked path read
 * once, each array item once. An array is copied up to its first missing item (a hole, or `undefined`,
 * which fails any check of an item), so a sparse array of length 2³²−1 costs nothing. A read that throws
 * (a getter, a trap, a revoked proxy) leaves an `_Unreadable` in the copy, where a validator reports it.
 */

import { _Unreadable } from '../internal/careful.js';
import { _append } from '../internal/read.js';

const _hasOwnProperty = Object.prototype.hasOwnProperty;
const _ArrayPrototype: object = Array.prototype;

/** Which keys of an object hold what a check reads, and how each is copied; `items`, an array's items. */
export interface _Shape {
  readonly keys: readonly (readonly [string, _Shape])[];
  readonly items: _Shape | undefined;
}

/** An object copied alone: its values kept as they are (a function body, `metadata`, an image...). */
const _FLAT: _Shape = { keys: [], items: undefined };
/** An array of items of `shape`. */
const _arrayOf = (shape: _Shape): _Shape => ({ keys: [], items: shape });
/**
 * An object whose keys hold what a check reads, each with its shape. Given as pairs, not as an object
 * literal: a literal with the keys of a wire object (`{ranking_options, results}`) would share V8's
 * hidden class with the parsed objects, and generalise the field types the guards' optimised code
 * relies on (+52 instructions a call, bench:instructions).
 */
const _object = (keys: readonly (readonly [string, _Shape])[]): _Shape => ({ keys, items: undefined });

// Every call below is marked pure, so that a bundle without the accumulator drops the shapes.
const _OUTPUT = /* @__PURE__ */ _object([['image', _FLAT]]);
const _RESULT = /* @__PURE__ */ _object([
  ['content', /* @__PURE__ */ _arrayOf(_FLAT)],
  ['attributes', _FLAT],
]);
const _CALL = /* @__PURE__ */ _object([
  ['function', _FLAT],
  ['code_interpreter', /* @__PURE__ */ _object([['outputs', /* @__PURE__ */ _arrayOf(_OUTPUT)]])],
  [
    'file_search',
    /* @__PURE__ */ _object([
      ['ranking_options', _FLAT],
      ['results', /* @__PURE__ */ _arrayOf(_RESULT)],
    ]),
  ],
]);
const _DETAILS = /* @__PURE__ */ _object([
  ['message_creation', _FLAT],
  ['tool_calls', /* @__PURE__ */ _arrayOf(_CALL)],
]);
const _USAGE = /* @__PURE__ */ _object([
  ['prompt_token_details', _FLAT],
  ['completion_tokens_details', _FLAT],
]);
const _DELTA_BODY = /* @__PURE__ */ _object([['step_details', _DETAILS]]);
/** A run step (a snapshot). */
export const _STEP_SHAPE: _Shape = /* @__PURE__ */ _object([
  ['step_details', _DETAILS],
  ['last_error', _FLAT],
  ['usage', _USAGE],
  ['metadata', _FLAT],
]);
/** A delta object. */
export const _DELTA_SHAPE: _Shape = /* @__PURE__ */ _object([['delta', _DELTA_BODY]]);
/** An event's `data`: a run step or a delta object, as its `event` says (a copy may serve both). */
export const _DATA_SHAPE: _Shape = /* @__PURE__ */ _object([
  ['step_details', _DETAILS],
  ['last_error', _FLAT],
  ['usage', _USAGE],
  ['metadata', _FLAT],
  ['delta', _DELTA_BODY],
]);
/** An event's own keys, `data` kept as it is (copied apart, once the event is known to be a step's). */
export const _EVENT_SHAPE: _Shape = _FLAT;

/** What one copy met: whether any read threw, and a hook for each array copied (the merge's side tables). */
export interface _CopyState {
  unreadable: boolean;
  readonly onArray: ((source: object, copy: unknown[]) => void) | undefined;
}

/** `value` copied as `shape` says (see the top of this file); never throws. */
export function _copyOnce(value: unknown, shape: _Shape | undefined, state: _CopyState): unknown {
  if (shape === undefined || typeof value !== 'object' || value === null) return value;
  let isArray: boolean;
  try {
    isArray = Array.isArray(value);
  } catch (error) {
    // A revoked proxy.
    state.unreadable = true;
    return new _Unreadable(error);
  }
  return isArray ? _copyArray(value as unknown[], shape.items, state) : _copyObject(value, shape, state);
}

/** An object's own enumerable keys, read once, then what the shape names copied in turn. */
function _copyObject(value: object, shape: _Shape, state: _CopyState): unknown {
  let copy: Record<string, unknown>;
  try {
    copy = { ...value };
  } catch (error) {
    state.unreadable = true;
    return new _Unreadable(error);
  }
  for (const [key, inner] of shape.keys) {
    // The copy's own keys only: a key inherited from a polluted prototype is not the value's.
    if (_hasOwnProperty.call(copy, key)) copy[key] = _copyOnce(copy[key], inner, state);
  }
  return copy;
}

/** An array's items, each read once, up to the first missing one. */
function _copyArray(array: unknown[], items: _Shape | undefined, state: _CopyState): unknown {
  let length: number;
  try {
    length = array.length;
  } catch (error) {
    state.unreadable = true;
    return new _Unreadable(error);
  }
  const copy: unknown[] = [];
  for (let index = 0; index < length; index++) {
    let item: unknown;
    try {
      item = array[index];
      // A hole reads from the prototypes, which hold no index unless someone added one there.
      if (index in _ArrayPrototype && !_hasOwnProperty.call(array, index)) item = undefined;
    } catch (error) {
      state.unreadable = true;
      _append(copy, new _Unreadable(error));
      continue;
    }
    _append(copy, _copyOnce(item, items, state));
    if (item === undefined) break;
  }
  state.onArray?.(array, copy);
  return copy;
}
