/** Short, safe renderings of any value for error messages: never throws, never prints a whole payload. */

import { _Unreadable } from './careful.js';

const _MAX_STRING = 40;
const _MAX_KEYS = 4;

/** Renders a value in a few characters: strings quoted and truncated, objects named by kind. */
export function _describe(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > _MAX_STRING ? `${value.slice(0, _MAX_STRING)}…` : value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${String(value)}n`;
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
export type _ValueKind =
  | 'undefined'
  | 'null'
  | 'boolean'
  | 'number'
  | 'bigint'
  | 'string'
  | 'symbol'
  | 'function'
  | 'array'
  | 'object'
  | 'unreadable';

/** What kind of value this is; a revoked proxy, a throwing getter or trap is `unreadable`. */
export function _kindOf(value: unknown): _ValueKind {
  const type = typeof value;
  if (type !== 'object') return type as _ValueKind;
  if (value === null) return 'null';
  try {
    // Both tests can run a proxy's traps, hence the `try`.
    if (value instanceof _Unreadable) return 'unreadable';
    return Array.isArray(value) ? 'array' : 'object';
  } catch {
    return 'unreadable';
  }
}

/**
 * A short rendering of a received value, for `received.preview`: strings quoted and cut at 40
 * characters, arrays by length, objects by their first few own keys. It reads no property values, so no
 * getter runs, and a trap that throws only changes the rendering.
 */
export function _preview(value: unknown): string {
  switch (typeof value) {
    case 'symbol':
      return _cut(String(value));
    case 'function':
      return value.name === '' ? 'function' : `function ${_cut(value.name)}`;
    case 'object':
      if (value === null) return 'null';
      try {
        if (value instanceof _Unreadable) return `threw ${_errorText(value.error)}`;
        if (Array.isArray(value)) return `[${value.length} item${value.length === 1 ? '' : 's'}]`;
        const keys = Object.keys(value);
        const shown = keys.slice(0, _MAX_KEYS).map(_keyText);
        if (keys.length > _MAX_KEYS) shown.push('…');
        return `{${shown.join(', ')}}`;
      } catch {
        return 'a revoked proxy, or a proxy whose traps throw';
      }
    default:
      return _describe(value);
  }
}

/** An object key as it would be written in code, shortened. */
function _keyText(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? _cut(key) : JSON.stringify(_cut(key));
}

/** What was thrown, as `Name: message`, shortened; never throws itself. */
function _errorText(error: unknown): string {
  try {
    if (error instanceof Error) return _cut(`${error.name}: ${error.message}`);
    return typeof error === 'string' ? JSON.stringify(_cut(error)) : _describe(error);
  } catch {
    return 'an unreadable error';
  }
}

/** A string cut to 40 characters and an ellipsis. */
function _cut(text: string): string {
  return text.length > _MAX_STRING ? `${text.slice(0, _MAX_STRING)}…` : text;
}
