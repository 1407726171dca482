/** What a validator reports, and the error an assertion throws. */

import { _cut, _escape, _keyText } from '../internal/describe.js';
import type { ValidationIssue } from '../internal/public-types.js';

export type { ReceivedValue, ValidationIssue, ValueKind } from '../internal/public-types.js';

/** A validator's answer: the value itself, now typed, or every issue found (at most `maxIssues`). */
export type ValidationResult<Value> =
  | { readonly success: true; readonly value: Value }
  | { readonly success: false; readonly issues: readonly ValidationIssue[] };

/** Options of the `validate*` functions. */
export interface ValidateOptions {
  /** Stop after this many issues (at least 1). Default: {@link DEFAULT_MAX_ISSUES}. */
  readonly maxIssues?: number | undefined;
}

/** How many issues a validator reports at most, unless told otherwise: enough for any real payload. */
export const DEFAULT_MAX_ISSUES: number = 100;

/** A validator: the same checks as the guard of the same name, with the reasons when they fail. */
export type Validator<Value> = (value: unknown, options?: ValidateOptions) => ValidationResult<Value>;

/** An assertion: returns when `value` is a `Value`, throws a {@link RunStepValidationError} otherwise. */
export type Assertion<Value> = (value: unknown) => asserts value is Value;

/** The most segments a rendered path shows: the first and last halves, an ellipsis between. */
const _MAX_SEGMENTS = 16;
/** The longest message {@link formatIssue} shows. */
const _MAX_MESSAGE = 500;
/** The most issues an error's message lists, one a line. */
const _MAX_LINES = DEFAULT_MAX_ISSUES;

/**
 * Writes a path the way it reads in code: `step_details.tool_calls[2].function.output`, with keys that
 * are not identifiers quoted (`metadata["a key"]`), and `(root)` for the value itself. A rendering, cut
 * as previews are: a key longer than 40 characters ends in `…`, control characters are escaped, and a
 * path of more than 16 segments shows its first and last 8 around `…`. The path itself stays exact.
 * @param path An issue's `path`.
 * @returns The path as one string.
 */
export function formatPath(path: readonly (string | number)[]): string {
  const length = path.length;
  let text = '';
  for (let index = 0; index < length; index++) {
    if (length > _MAX_SEGMENTS && index === _MAX_SEGMENTS / 2) {
      text += '…';
      index = length - _MAX_SEGMENTS / 2;
    }
    const key: unknown = path[index];
    if (typeof key === 'number') text += `[${String(key)}]`;
    else if (typeof key !== 'string') text += '[?]';
    else {
      const shown = _keyText(key);
      text += shown.startsWith('"') ? `[${shown}]` : text === '' ? shown : `.${shown}`;
    }
  }
  return text === '' ? '(root)' : text;
}

/**
 * One issue on one line: `step_details.tool_calls[2].function.output: expected string or null, received number (42)`.
 * The path is cut as {@link formatPath} cuts it; the message at 500 characters, control characters escaped.
 * @param issue An issue from a validator.
 * @returns The path, then the message.
 */
export function formatIssue(issue: ValidationIssue): string {
  const message: unknown = issue.message;
  return `${formatPath(issue.path)}: ${_escape(_cut(typeof message === 'string' ? message : String(message), _MAX_MESSAGE))}`;
}

/** Thrown by the `assert*` functions: carries every issue, and lists them in its message, one per line. */
export class RunStepValidationError extends TypeError {
  /** Every issue found (at most {@link DEFAULT_MAX_ISSUES}), in the order the checks met them. */
  readonly issues: readonly ValidationIssue[];
  /** What the value should have been: `"RunStepObject"`, `"ToolCall"`... */
  readonly expected: string;

  /**
   * @param expected The name of the type the value should have had.
   * @param issues The issues a validator found (at least one).
   */
  constructor(expected: string, issues: readonly ValidationIssue[]) {
    const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
    // A rendering, bounded: the type's name and each line cut, at most 100 lines.
    let lines = '';
    for (let index = 0; index < issues.length && index < _MAX_LINES; index++) {
      lines += `\n  ${formatIssue(issues[index] as ValidationIssue)}`;
    }
    if (issues.length > _MAX_LINES) lines += `\n  … and ${issues.length - _MAX_LINES} more`;
    super(`Not a valid ${_escape(_cut(String(expected), 100))} (${count}):${lines}`);
    this.name = 'RunStepValidationError';
    this.issues = issues;
    this.expected = expected;
  }
}
