/**
 * The validators' side of the check routines: positions that know their path, and record issues there.
 * Only the validators import this file, so a bundle that uses guards alone carries none of it.
 */

import type { ValidationIssue } from '../diagnostics/issues.js';
import { _kindOf, _preview } from './describe.js';
import { _carefulReads, _Unreadable } from './careful.js';
import { _enterCall, _enterCarefulPass, _leaveCall, type _Check, type _Expected, type _Position } from './read.js';

/** Where the issues of one validator pass go, and how many it may keep. */
interface _Sink {
  readonly issues: ValidationIssue[];
  readonly max: number;
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
    const issues = this.sink.issues;
    issues.push(_issue(this.path(), expected, received, message));
    return issues.length < this.sink.max;
  }

  /** The keys and indices from the root down to here. */
  private path(): (string | number)[] {
    const path: (string | number)[] = [];
    for (let node: _Node | undefined = this; node.parent !== undefined; node = node.parent) path.push(node.key);
    return path.reverse();
  }
}

/** One issue, its message written out. */
function _issue(
  path: (string | number)[],
  expected: _Expected,
  received: unknown,
  message: string | undefined,
): ValidationIssue {
  const expectedText = typeof expected === 'string' ? expected : _oneOf(expected);
  const kind = _kindOf(received);
  const preview = _preview(received);
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
 */
export function _collect(check: _Check, value: unknown, max: number): ValidationIssue[] {
  const limit = max >= 1 ? max : 1;
  const outer = _enterCall();
  try {
    const sink: _Sink = { issues: [], max: limit };
    try {
      check(value, new _Node(sink, undefined, ''));
      return sink.issues;
    } catch (error) {
      const careful: _Sink = { issues: [], max: limit };
      const root = new _Node(careful, undefined, '');
      const outerCareful = _enterCarefulPass(_carefulReads());
      try {
        check(value, root);
      } catch (unexpected) {
        if (careful.issues.length < limit) root.fail('a value the checks can read', new _Unreadable(unexpected));
      } finally {
        _leaveCall(outer, outerCareful);
      }
      // The first pass threw, so the value is invalid even if the careful pass found nothing to report.
      if (careful.issues.length === 0) root.fail('a value the checks can read', new _Unreadable(error));
      return careful.issues;
    }
  } finally {
    _leaveCall(outer);
  }
}
