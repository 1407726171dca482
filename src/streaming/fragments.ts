/**
 * The checks of a kind's fragments in a stream, made from its merge rule (`_MergeRule`,
 * ../internal/kinds.ts): what a rule merges is what its fragment may hold, every field optional, `null`
 * allowed where the completed value is a string (the first fragments Azure records carry `null` and `""`
 * there). The package's own kinds beyond OpenAI's (Azure's) check their deltas this way; a user's kind
 * with no delta check of its own is checked as `auto`, which looks into nothing (its merged calls are
 * checked by its whole check instead, in merge.ts). Written like every check (see ../internal/read.ts):
 * each value read once, a validator's issues at their paths.
 */

import {
  _at,
  _fail,
  _failAt,
  _isArrayOf,
  _isInteger,
  _isMapOf,
  _isString,
  _record,
  type _At,
  type _Check,
} from '../internal/read.js';
import type { _KindBody, _MergeRule } from '../internal/kinds.js';

/** A fragment's value that may be anything (`value`, `auto`). */
const _anything: _Check = () => true;

/** A fragment's string that may be `null` (`text`, `nullable`). */
const _stringOrNull: _Check = (value, at) => value === null || _isString(value) || _fail(at, 'string or null', value);

/** A fragment's string (`name`). */
const _string: _Check = (value, at) => _isString(value) || _fail(at, 'string', value);

/** The check of a value that `rule` merges; `undefined` (absent) is the caller's to allow. */
/* @__NO_SIDE_EFFECTS__ */
export function _fragmentCheck(rule: _MergeRule): _Check {
  switch (rule) {
    case 'text':
    case 'nullable':
      return _stringOrNull;
    case 'name':
      return _string;
    case 'value':
    case 'auto':
      return _anything;
  }
  if ('fields' in rule) return _fieldsCheck(rule.fields, false);
  if ('values' in rule) {
    const check = _fragmentCheck(rule.values);
    return (value, at) => _isMapOf(value, check, 'object', at);
  }
  if ('items' in rule) {
    const item = _fieldsCheck(rule.items, true);
    return (value, at) => _isArrayOf(value, item, at);
  }
  if ('whole' in rule) return rule.whole;
  const item = rule.append;
  return (value, at) => _isArrayOf(value, item, at);
}

/**
 * An object fragment: each key of `fields` that is present, by its rule; other keys pass. A chunk of an
 * array merged by index (`indexed`) also carries its own integer `index`.
 */
function _fieldsCheck(fields: Readonly<Record<string, _MergeRule>>, indexed: boolean): _Check {
  const entries = Object.entries(fields).map(([key, rule]) => [key, _fragmentCheck(rule)] as const);
  return (value, at) => {
    const record = _record(value);
    if (record === undefined) return _fail(at, 'object', value);
    if (indexed) {
      const index = record['index'];
      if (!_isInteger(index) && !_failAt(at, 'index', 'integer', index)) return false;
    }
    return _checkFields(record, entries, at);
  };
}

/** Each present key of `entries` in `record`, by its check. */
function _checkFields(
  record: { readonly [key: string]: unknown },
  entries: readonly (readonly [string, _Check])[],
  at: _At,
): boolean {
  for (const [key, check] of entries) {
    const value = record[key];
    if (value !== undefined && !check(value, _at(at, key))) return false;
  }
  return true;
}

/**
 * The body of a call's fragments (after the dispatch has read `index`, `type` and `id`) by the call's
 * rule, a `{fields}` rule over the call's own keys; `auto`, or any other rule, checks nothing more.
 */
/* @__NO_SIDE_EFFECTS__ */
export function _fragmentBody(rule: _MergeRule): _KindBody {
  if (typeof rule === 'string' || !('fields' in rule)) return () => true;
  const entries = Object.entries(rule.fields).map(([key, sub]) => [key, _fragmentCheck(sub)] as const);
  return (record, _value, at) => _checkFields(record, entries, at);
}
