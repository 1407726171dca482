/**
 * Short, safe renderings of any value for messages: never throw, never print a whole payload, never
 * pass a control character through, and cost at most a few dozen steps whatever the value's size.
 */

import { _isUnreadable } from './careful.js';
import type { ValueKind } from './public-types.js';

const _hasOwnProperty = Object.prototype.hasOwnProperty;
/** The longest string, key or name a rendering shows before its ellipsis. */
const _MAX_STRING = 40;
/** The most keys an object's preview shows. */
const _MAX_KEYS = 4;
/** C0 controls, DEL and C1 controls: never printed raw. */
const _CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/** DEL and C1 controls, which `JSON.stringify` leaves as they are. */
const _HIGH_CONTROLS = /[\u007f-\u009f]/g;
/** An identifier, written as it is in a path or a preview. */
const _IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A control character as a `\u` escape. */
function _escapeOne(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `text` cut to `max` characters and an ellipsis (never between the two halves of a surrogate pair). */
export function _cut(text: string, max: number = _MAX_STRING): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  // A high surrogate at the cut would be left alone: cut before it.
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/** `text` with every control character (C0, DEL, C1) written as a `\u` escape. */
export function _escape(text: string): string {
  return text.replace(_CONTROLS, _escapeOne);
}

/** `text` cut, then quoted as JSON writes it, DEL and C1 escaped as well. */
export function _quote(text: string, max: number = _MAX_STRING): string {
  return JSON.stringify(_cut(text, max)).replace(_HIGH_CONTROLS, _escapeOne);
}

/** An object key as it would be written in code (quoted unless an identifier), cut. */
export function _keyText(key: string): string {
  return _IDENTIFIER.test(key) ? _cut(key) : _quote(key);
}

/** Renders a value in a few characters: strings quoted and cut, objects named by kind. */
export function _describe(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return _quote(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${_cut(String(value))}n`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    case 'boolean':
    case 'undefined':
      return String(value);
    default:
      if (value === null) return 'null';
      try {
        return Array.isArray(value) ? 'an array' : 'an object';
      } catch {
        return 'a revoked proxy';
      }
  }
}

/** The kinds of value a validation issue names as `received.kind`. */
export type _ValueKind = ValueKind;

/** What kind of value this is; a revoked proxy, a throwing getter or trap is `unreadable`. */
export function _kindOf(value: unknown): _ValueKind {
  const type = typeof value;
  if (type !== 'object') return type as _ValueKind;
  if (value === null) return 'null';
  try {
    if (_isUnreadable(value)) return 'unreadable';
    // `Array.isArray` throws for a revoked proxy, hence the `try`.
    return Array.isArray(value) ? 'array' : 'object';
  } catch {
    return 'unreadable';
  }
}

/**
 * A short rendering of a received value, for `received.preview`: strings quoted and cut at 40
 * characters, arrays by length, objects by their first few own keys. It reads no property values but a
 * function's `name` and an array's `length`, and a trap or getter that throws only changes the
 * rendering. An object's keys are enumerated until the fifth own one, no further; V8 still lists an
 * ordinary object's keys whole to start a `for...in`, so a validator previews each object once per call
 * (`seen`), which keeps a value referenced from many places from being enumerated as many times.
 */
export function _preview(value: unknown, seen?: Map<object, string>): string {
  switch (typeof value) {
    case 'symbol':
      return _escape(_cut(String(value)));
    case 'function':
    case 'object': {
      if (value === null) return 'null';
      const known = seen?.get(value);
      if (known !== undefined) return known;
      const preview = _previewObject(value);
      seen?.set(value, preview);
      return preview;
    }
    default:
      return _describe(value);
  }
}

/** The preview of an object or a function (see `_preview`). */
function _previewObject(value: object): string {
  try {
    if (typeof value === 'function') {
      const name: unknown = (value as { name?: unknown }).name;
      return typeof name === 'string' && name !== '' ? `function ${_escape(_cut(name))}` : 'function';
    }
    if (_isUnreadable(value)) return `threw ${_errorText(value.error)}`;
    if (Array.isArray(value)) {
      const length: unknown = (value as unknown[]).length;
      return `[${String(length)} item${length === 1 ? '' : 's'}]`;
    }
    let shown = '';
    let count = 0;
    for (const key in value) {
      if (!_hasOwnProperty.call(value, key)) continue;
      if (count === _MAX_KEYS) return `{${shown}, …}`;
      shown += count === 0 ? _keyText(key) : `, ${_keyText(key)}`;
      count++;
    }
    return `{${shown}}`;
  } catch {
    return 'a revoked proxy, or a proxy whose traps throw';
  }
}

/** What was thrown, as `Name: message`, shortened and escaped; never throws itself. */
export function _errorText(error: unknown): string {
  try {
    if (error instanceof Error) {
      const name: unknown = error.name;
      const message: unknown = error.message;
      return _escape(_cut(`${typeof name === 'string' ? _cut(name) : 'Error'}: ${String(message)}`));
    }
    return typeof error === 'string' ? _quote(error) : _describe(error);
  } catch {
    return 'an unreadable error';
  }
}
