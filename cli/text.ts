// Everything the CLI prints is made here, so that no input string reaches a terminal raw. Input strings (ids,
// statuses, tool call types, keys, event names, JSON.parse messages, file names) can hold ESC, CR, a newline,
// C1 controls or bidi overrides: `ESC]0;` retitles the window, `ESC[2J` clears it, a CR or a newline forges a
// line. So output is only ever `Text`, made by the `text` tag (its literal parts are ours; every substitution is
// escaped) or by `json` (a JSON line, where JSON.stringify leaves DEL, C1 and U+2028/2029 raw: they are escaped
// too, which keeps the line valid JSON with the same value).

/** Characters that are never printed raw: C0 (newline included, inside a field), DEL, C1, and the bidi controls. */
const CONTROL = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const HAS_CONTROL = new RegExp(CONTROL.source);
// In a JSON line, JSON.stringify already escapes C0 (as \n, \t, \u001b...): the rest of the set.
const JSON_CONTROL = /[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const HAS_JSON_CONTROL = new RegExp(JSON_CONTROL.source);

function _hex4(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * A string with every control character written as a `\uXXXX` escape (`"\x1b[2J"` is printed `\u001b[2J`).
 * @param value Any string, from the input or not.
 * @returns The same string when it holds no control character.
 */
export function escape(value: string): string {
  return HAS_CONTROL.test(value) ? value.replace(CONTROL, _hex4) : value;
}

/** Text that may be written as it is: made only by {@link text} and {@link json}. */
export class Text {
  private constructor(readonly value: string) {}

  /** @internal For the tags below only. */
  static _of(value: string): Text {
    return new Text(value);
  }

  /** The empty text. */
  static readonly empty: Text = new Text('');

  /**
   * Texts one after another.
   * @param parts Texts.
   * @param separator Written between them.
   */
  static join(parts: readonly Text[], separator: Text = Text.empty): Text {
    return new Text(parts.map((part) => part.value).join(separator.value));
  }
}

/**
 * A template tag: the literal parts are written as they are, every substitution is escaped (a `Text` is already).
 * @example text`${file}:${line}: malformed: ${message}\n`
 */
export function text(literals: TemplateStringsArray, ...values: readonly (string | number | Text)[]): Text {
  let out = literals[0]!;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    out += value instanceof Text ? value.value : typeof value === 'number' ? String(value) : escape(value);
    out += literals[i + 1]!;
  }
  return Text._of(out);
}

/**
 * A value as JSON (no line end), with DEL, C1 and the bidi and line separator characters escaped as well.
 * @param value A JSON value.
 */
export function json(value: unknown): Text {
  const out = JSON.stringify(value);
  return Text._of(HAS_JSON_CONTROL.test(out) ? out.replace(JSON_CONTROL, _hex4) : out);
}

/**
 * A string cut to `max` characters and an ellipsis, for fields that come from the input (an `id` of a million
 * characters is not printed whole). A surrogate pair is not split.
 * @param value The string.
 * @param max The most characters kept.
 */
export function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${value.slice(0, end)}…`;
}

/**
 * A name for a summary row or list: as it is when it is plain (printable ASCII without spaces, quotes,
 * parentheses or commas), else quoted as JSON, so that `(other)` or `a, b` from the input cannot pass for the
 * report's own words.
 * @param name A status, a tool call type, an event name.
 */
export function label(name: string): Text {
  return /^[!#-'*+\-./0-9:-[\]-~]+$/.test(name) ? text`${name}` : json(name);
}

/**
 * A byte string (a file name, as the system gives it) as text: valid UTF-8 is decoded, every other byte is
 * written `\xNN`; control characters are escaped as everywhere else.
 * @param bytes The name's bytes.
 */
export function fromBytes(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  let start = 0; // the start of the run of valid bytes not yet decoded
  const decoder = new TextDecoder('utf-8');
  const flush = (end: number) => {
    if (end > start) out += decoder.decode(bytes.subarray(start, end));
  };
  while (i < bytes.length) {
    const n = _sequence(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    flush(i);
    out += `\\x${bytes[i]!.toString(16).padStart(2, '0')}`;
    i++;
    start = i;
  }
  flush(i);
  return out;
}

/** The length of the well-formed UTF-8 sequence at `i` (RFC 3629: no overlong forms, no surrogates), or 0. */
function _sequence(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/**
 * The start of a JSON record whose last field is an array written piece by piece: the record's JSON, with its
 * closing `}` replaced by `,"key":[`. Items follow, comma separated, then `]}`.
 * @param record The record's other fields.
 * @param key The array's field.
 */
export function jsonOpen(record: object, key: string): Text {
  const head = json(record).value;
  return Text._of(`${head.slice(0, -1)}${head === '{}' ? '' : ','}${JSON.stringify(key)}:[`);
}
