/**
 * The validators' side of the check routines: positions that know their path, and record issues there.
 * Only the validators import this file, so a bundle that uses guards alone carries none of it.
 */

import type { ValidationIssue } from '../diagnostics/issues.js';
import { _kindOf, _preview } from './describe.js';
import { _carefulReads, _unboxed, _Unreadable } from './careful.js';
import {
  _append,
  _enterCall,
  _enterCarefulPass,
  _leaveCall,
  type _Check,
  type _Expected,
  type _Position,
} from './read.js';

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

/**
 * Runs `check` as a validator: every issue, in the order the check meets them, at most `max` (at least
 * one). Never throws. A read that throws stops the first pass; the second reads carefully, to report
 * it where it happened (see internal/read.ts). Whatever else escapes is one issue at the root.
 * `carefully` skips the first pass, for a value whose unreadable places are already `_Unreadable`s (the
 * accumulator's copies), which only the careful reads report where they sit.
 */
export function _collect(check: _Check, value: unknown, max: number, carefully: boolean = false): ValidationIssue[] {
  const limit = max >= 1 ? max : 1;
  const outer = _enterCall();
  try {
    let error: unknown;
    if (!carefully) {
      const sink: _Sink = { issues: [], max: limit, previews: new Map() };
      try {
        check(value, new _Node(sink, undefined, ''));
        return sink.issues;
      } catch (thrown) {
        error = thrown;
      }
    }
    const careful: _Sink = { issues: [], max: limit, previews: new Map() };
    const root = new _Node(careful, undefined, '');
    const outerCareful = _enterCarefulPass(_carefulReads());
    try {
      check(value, root);
    } catch (unexpected) {
      root.fail('a value the checks can read', new _Unreadable(unexpected));
    } finally {
      _leaveCall(outer, outerCareful);
    }
    // The first pass threw, so the value is invalid even if the careful pass found nothing to report.
    if (!carefully && careful.issues.length === 0) root.fail('a value the checks can read', new _Unreadable(error));
    return careful.issues;
  } finally {
    _leaveCall(outer);
  }
}
