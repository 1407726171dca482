/**
 * The validators' side of the check routines: positions that know their path, and record issues there.
 * Only the validators import this file, so a bundle that uses guards alone carries none of it.
 */

import type { ValidationIssue } from './public-types.js';
import { _kindOf, _preview } from './describe.js';
import { _carefulReads, _unboxed, _Unreadable } from './careful.js';
import type { _KeyGroup } from './keys.js';
import { _append, _call, _checkCarefully, _keysAreClean, type _Check, type _Expected, type _Position } from './read.js';

/** Where the issues of one validator pass go, how many it may keep, and the previews made so far. */
interface _Sink {
  readonly issues: ValidationIssue[];
  readonly max: number;
  /** Each object's preview, made once per call (see `_preview`). */
  readonly previews: Map<object, string>;
}

/** One position in the value under validation: a key under its parent, back to the root. */
class _Node implements _Position {
  private readonly sink: _Sink;
  private readonly parent: _Node | undefined;
  private readonly key: string | number;

  constructor(sink: _Sink, parent: _Node | undefined, key: string | number) {
    this.sink = sink;
    this.parent = parent;
    this.key = key;
  }

  child(key: string | number): _Position {
    return new _Node(this.sink, this, key);
  }

  fail(expected: _Expected, received: unknown, message?: string): boolean {
    const sink = this.sink;
    // Never more than `max`: a caller that goes on after `false` (a user's check) adds nothing.
    if (sink.issues.length >= sink.max) return false;
    _append(sink.issues, _issue(this.path(), expected, _unboxed(received), message, sink.previews));
    return sink.issues.length < sink.max;
  }

  /** The keys and indices from the root down to here. */
  private path(): (string | number)[] {
    const reversed: (string | number)[] = [];
    for (let node: _Node | undefined = this; node.parent !== undefined; node = node.parent) _append(reversed, node.key);
    const path: (string | number)[] = [];
    for (let index = reversed.length - 1; index >= 0; index--) _append(path, reversed[index] as string | number);
    return path;
  }
}

/** One issue, its message written out. */
function _issue(
  path: (string | number)[],
  expected: _Expected,
  received: unknown,
  message: string | undefined,
  previews: Map<object, string>,
): ValidationIssue {
  const expectedText = typeof expected === 'string' ? expected : _oneOf(expected);
  const kind = _kindOf(received);
  const preview = _preview(received, previews);
  const receivedText = preview === kind ? kind : `${kind} (${preview})`;
  return {
    path,
    expected: expectedText,
    received: { kind, preview },
    message: message ?? `expected ${expectedText}, received ${receivedText}`,
  };
}

/** An enum's members as a TypeScript union of string literals. */
function _oneOf(members: readonly string[]): string {
  return members.map((member) => JSON.stringify(member)).join(' | ');
}

/** What `_collect` is asked: the check, the value, at most how many issues, and the call's keys. */
interface _Request {
  readonly check: _Check;
  readonly value: unknown;
  readonly max: number;
  readonly carefully: boolean;
  readonly guarded: boolean;
  readonly keys: _KeyGroup | undefined;
}

/**
 * The issues of `value` under `check`, as a validator reports them: every issue, in the order the check
 * meets them, at most `max` (at least one); `[]` when it is valid. Never throws. The first pass is the
 * guard's own (no position, nothing allocated), so a valid value costs what the guard costs; only when it
 * fails does the reporting pass run. A read that throws stops the reporting pass; the careful pass reads
 * everything again with every read caught, to report it where it happened (see internal/read.ts).
 * Whatever else escapes is one issue at the root. `carefully` goes straight to the careful pass, for a
 * value whose unreadable places are already `_Unreadable`s (the accumulator's copies), which only the
 * careful reads report where they sit. `keys` are the groups of the keys the check reads beyond the
 * base ones (see keys.ts). `guarded` skips the guard's pass, for a caller whose guard has just said no.
 */
export function _collect(
  check: _Check,
  value: unknown,
  max: number,
  carefully: boolean = false,
  keys?: _KeyGroup,
  guarded: boolean = false,
): ValidationIssue[] {
  return _call(_report, { check, value, max: max >= 1 ? max : 1, carefully, guarded, keys }, keys);
}

/** `_collect`'s passes, inside one call of the read protocol. */
function _report({ check, value, max, carefully, guarded, keys }: _Request): ValidationIssue[] {
  if (!guarded) {
    let valid = false;
    try {
      valid = check(value, undefined);
    } catch {
      // The reporting passes say where.
    }
    if (valid) return [];
  }
  let error: unknown;
  if (!carefully) {
    const sink: _Sink = { issues: [], max, previews: new Map() };
    const root = new _Node(sink, undefined, '');
    try {
      check(value, root);
      // The guard's pass said no: a getter that answers otherwise now has not made the value valid.
      if (sink.issues.length === 0) root.fail(_STABLE, value);
      return sink.issues;
    } catch (thrown) {
      error = thrown;
    }
  }
  const careful: _Sink = { issues: [], max, previews: new Map() };
  const root = new _Node(careful, undefined, '');
  try {
    _checkCarefully(_carefulReads(!_keysAreClean(keys)), check, value, root);
  } catch (unexpected) {
    root.fail('a value the checks can read', new _Unreadable(unexpected));
  }
  // The first pass threw, so the value is invalid even if the careful pass found nothing to report.
  if (!carefully && careful.issues.length === 0) root.fail('a value the checks can read', new _Unreadable(error));
  return careful.issues;
}

/** What a value is expected to be when two passes over it saw two answers. */
const _STABLE = 'a value whose reads give the same answer each time';
