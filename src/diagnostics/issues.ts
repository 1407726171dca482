/** What a validator reports, and the error an assertion throws. */

import type { _ValueKind } from '../internal/describe.js';

/** The kinds of value an issue can name: `typeof`'s, plus `null`, `array`, and `unreadable` (a read threw). */
export type ValueKind = _ValueKind;

/** The value a validator found where it expected something else. */
export interface ReceivedValue {
  /** Its kind: `"number"`, `"null"`, `"array"`, `"unreadable"`... */
  readonly kind: ValueKind;
  /** A short rendering: strings quoted and cut at 40 characters, arrays by length, objects by keys. */
  readonly preview: string;
}

/** One reason a value was rejected, at one place in it. */
export interface ValidationIssue {
  /** The keys and array indices from the validated value down to the rejected one (`[]` for the value itself). */
  readonly path: readonly (string | number)[];
  /** What the place must hold: `"string or null"`, `"integer"`, `"\"logs\" | \"image\""`... */
  readonly expected: string;
  /** What it held. */
  readonly received: ReceivedValue;
  /** `expected …, received …`; {@link formatIssue} puts the path in front. */
  readonly message: string;
}

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

/**
 * Writes a path the way it reads in code: `step_details.tool_calls[2].function.output`, with keys that
 * are not identifiers quoted (`metadata["a key"]`), and `(root)` for the value itself.
 * @param path An issue's `path`.
 * @returns The path as one string.
 */
export function formatPath(path: readonly (string | number)[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) text += text === '' ? key : `.${key}`;
    else text += `[${JSON.stringify(key)}]`;
  }
  return text === '' ? '(root)' : text;
}

/**
 * One issue on one line: `step_details.tool_calls[2].function.output: expected string or null, received number (42)`.
 * @param issue An issue from a validator.
 * @returns The path, then the message.
 */
export function formatIssue(issue: ValidationIssue): string {
  return `${formatPath(issue.path)}: ${issue.message}`;
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
    super(`Not a valid ${expected} (${count}):\n${issues.map((issue) => `  ${formatIssue(issue)}`).join('\n')}`);
    this.name = 'RunStepValidationError';
    this.issues = issues;
    this.expected = expected;
  }
}
