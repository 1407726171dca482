/**
 * The public types the base layer needs, in a file that imports nothing, so that `internal/` depends on
 * nothing above it: `diagnostics/issues.ts` and `types.ts` re-export them under their public names.
 */

/** A type guard, the type of every `is*` function over `unknown`: `true` narrows `value` to `Type`. */
export type Guard<Type> = (value: unknown) => value is Type;

/** The kinds of value an issue can name: `typeof`'s, plus `null`, `array`, and `unreadable` (a read threw). */
export type ValueKind =
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
