// Splits one input (a file or stdin, read as text chunks) into the values it holds, without ever holding the
// whole input: the kind is told from the content, then each value is parsed and handed on as soon as it ends.
//
// Kinds, from the first line that is not blank:
// - starts with `[`: a JSON array; each top-level element is one value, at its index and starting line;
// - an SSE field (`event:`, `data:`, `id:`, `retry:` or a `:` comment): server-sent events, frames separated by
//   blank lines, `data:` lines joined with "\n";
// - a line that is a whole JSON value by itself: NDJSON, one value a line (a broken line is reported and the next
//   line goes on);
// - anything else (a pretty-printed document, or several concatenated): a stream of JSON values, each split where
//   its brackets close.

/** What an input holds, as the splitter decided. */
export type InputKind = 'array' | 'sse' | 'ndjson' | 'json';

/** One thing found in an input. */
export type Unit =
  /** A parsed value; `index` is its position in a top-level array. */
  | { readonly type: 'value'; readonly value: unknown; readonly line: number; readonly index?: number }
  /** A stream event read from an SSE frame, as `{event, data}` with `data` parsed. */
  | { readonly type: 'event'; readonly value: unknown; readonly line: number }
  /** A frame or line that holds no run step to check: another event (`thread.message.delta`, `done`...). */
  | { readonly type: 'skipped'; readonly line: number; readonly what: string }
  /** Text that is not what its kind needs: a broken NDJSON line, truncated JSON, a bad SSE frame. */
  | { readonly type: 'malformed'; readonly line: number; readonly message: string; readonly index?: number };

const MB = 1024 * 1024;
/** The most one JSON value (a document, an array element) may hold: 256 MB, far above any run step or page. */
export const MAX_VALUE: number = 256 * MB;
const SSE_FIELD = /^(?:event|data|id|retry)?:/;
const RUN_STEP_EVENT = /^thread\.run\.step\./;

/** Parses JSON text, or says why it is not JSON. */
function _parse(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** A text cut to `max` characters, for messages. */
export function preview(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** Splits text chunks into units, handed to `emit` as soon as each one ends. */
export class InputSplitter {
  /** The kind, once the first line that is not blank has been seen. */
  kind: InputKind | undefined;
  private readonly emit: (unit: Unit) => void;
  // Before the kind is known: the text so far (at most the first line).
  private head = '';
  // Line mode (ndjson, sse): the start of a line not ended yet, and the number of the next line to end.
  private rest = '';
  private line = 1;
  // SSE: the frame being read.
  private event: string | undefined;
  private data: string[] = [];
  private frameLine = 0;
  // JSON mode (array, json): where the scan is.
  private depth = 0;
  private inString = false;
  private escaped = false;
  private parts: string[] = [];
  private inValue = false;
  private scalar = false;
  private valueLine = 0;
  private index = 0;
  private opened = false;
  private closed = false;
  private expectComma = false;
  private scanLine = 1;
  private skipping = false;
  private lineStart = false;

  private held = 0;
  private readonly maxValue: number;

  /**
   * @param emit Called with each unit, in order.
   * @param maxValue The most characters one JSON value may hold before it is dropped as malformed.
   */
  constructor(emit: (unit: Unit) => void, maxValue: number = MAX_VALUE) {
    this.emit = emit;
    this.maxValue = maxValue;
  }

  /** Reads the next chunk of text. */
  write(chunk: string): void {
    if (this.kind === undefined) {
      this.head += chunk;
      if (this.head.charCodeAt(0) === 0xfeff) this.head = this.head.slice(1);
      const start = this.head.search(/\S/);
      if (start === -1) return;
      const end = this.head.indexOf('\n', start);
      if (end === -1 && this.head.length - start < 1 << 20) return; // wait for the whole first line
      this.kind = this._detect(this.head, start, end === -1 ? this.head.length : end);
      chunk = this.head;
      this.head = '';
    }
    if (this.kind === 'ndjson' || this.kind === 'sse') this._lines(chunk);
    else this._scan(chunk);
  }

  /** Ends the input: whatever is left open is reported. */
  end(): void {
    if (this.kind === undefined) {
      if (this.head.trim() === '') return; // an empty input holds nothing
      const start = this.head.search(/\S/);
      this.kind = this._detect(this.head, start, this.head.length);
      const text = this.head;
      this.head = '';
      this.write(text);
    }
    if (this.kind === 'ndjson' || this.kind === 'sse') {
      if (this.rest !== '') this._line(this.rest);
      this.rest = '';
      if (this.kind === 'sse') this._dispatch();
      return;
    }
    if (this.inValue) {
      if (this.scalar && !this.inString) this._endValue('');
      else {
        this.emit({
          type: 'malformed',
          line: this.valueLine,
          message: `truncated JSON: the value starting here does not end (input ends inside ${this.inString ? 'a string' : 'an object or array'})`,
          ...(this.kind === 'array' ? { index: this.index } : {}),
        });
        this.parts = [];
        this.inValue = false;
      }
    }
    if (this.kind === 'array' && !this.closed) {
      this.emit({ type: 'malformed', line: this.scanLine, message: 'truncated JSON: the array is not closed' });
    }
  }

  private _detect(text: string, start: number, end: number): InputKind {
    const first = text.slice(start, end).trim();
    if (first.startsWith('[')) return 'array';
    if (SSE_FIELD.test(first)) return 'sse';
    return _parse(first).ok ? 'ndjson' : 'json';
  }

  // ----- line mode -----

  private _lines(chunk: string): void {
    let from = 0;
    let at = chunk.indexOf('\n');
    if (at !== -1 && this.rest !== '') {
      this._line(this.rest + chunk.slice(0, at));
      this.rest = '';
      from = at + 1;
      at = chunk.indexOf('\n', from);
    }
    while (at !== -1) {
      this._line(chunk.slice(from, at));
      from = at + 1;
      at = chunk.indexOf('\n', from);
    }
    if (from < chunk.length) this.rest += chunk.slice(from);
  }

  private _line(text: string): void {
    const line = this.line++;
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (this.kind === 'ndjson') {
      if (text.trim() === '') return;
      const parsed = _parse(text);
      if (parsed.ok) this.emit({ type: 'value', value: parsed.value, line });
      else this.emit({ type: 'malformed', line, message: `broken NDJSON line: ${parsed.message}` });
      return;
    }
    // SSE: a blank line ends a frame; `field: value` (one optional space after the colon); `:` starts a comment.
    if (text === '') return this._dispatch();
    if (this.frameLine === 0) this.frameLine = line;
    const colon = text.indexOf(':');
    if (colon === 0) return;
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field !== 'id' && field !== 'retry') {
      this.emit({ type: 'malformed', line, message: `bad SSE frame: unknown field ${JSON.stringify(preview(field))}` });
    }
  }

  private _dispatch(): void {
    const { event, data, frameLine: line } = this;
    this.event = undefined;
    this.data = [];
    this.frameLine = 0;
    if (line === 0 || (event === undefined && data.length === 0)) return; // an empty frame, or only comments
    const text = data.join('\n');
    if (event !== undefined && !RUN_STEP_EVENT.test(event)) {
      this.emit({ type: 'skipped', line, what: event });
      return;
    }
    if (event === undefined && text.trim() === '[DONE]') {
      this.emit({ type: 'skipped', line, what: '[DONE]' });
      return;
    }
    if (data.length === 0) {
      this.emit({ type: 'malformed', line, message: `bad SSE frame: ${event} has no data` });
      return;
    }
    const parsed = _parse(text);
    if (!parsed.ok) {
      this.emit({
        type: 'malformed',
        line,
        message: `bad SSE frame: the data of ${event ?? 'a frame'} is not JSON (${parsed.message})`,
      });
    } else if (event === undefined) this.emit({ type: 'value', value: parsed.value, line });
    else this.emit({ type: 'event', value: { event, data: parsed.value }, line });
  }

  // ----- JSON mode: a scan that knows strings and brackets, so that each value is cut where it ends -----

  private _scan(chunk: string): void {
    const array = this.kind === 'array';
    let start = this.inValue ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) this.scanLine++;
      if (this.inString) {
        if (c === 10) {
          // JSON strings hold no raw line break: this one is not closed. Drop the value, go on at the next line
          // that starts one, so that the rest of the input is not taken for the rest of this string.
          this._abandon('a string is not closed before the end of its line');
          start = -1;
          this.lineStart = true;
          continue;
        }
        if (this.escaped) this.escaped = false;
        else if (c === 92) this.escaped = true;
        else if (c === 34) {
          this.inString = false;
          if (this.depth === 0 && !this.scalar) {
            this._endValue(chunk.slice(start, i + 1));
            start = -1;
          }
        }
        continue;
      }
      const space = c === 32 || c === 10 || c === 13 || c === 9;
      if (this.skipping) {
        // After text that is not JSON: skip to the next line that starts with `{` or `[`, reported once.
        if (c === 10) this.lineStart = true;
        else if (!space && !(this.lineStart && (c === 123 || c === 91))) this.lineStart = false;
        if (!this.lineStart || space) continue;
        this.skipping = false;
      }
      if (this.inValue && this.scalar) {
        // A bare number, true, false or null ends at the first character that cannot be part of it.
        if (space || c === 44 || c === 93 || c === 125 || c === 91 || c === 123 || c === 34) {
          this._endValue(chunk.slice(start, i));
          start = -1;
        } else continue;
      }
      if (this.inValue) {
        if (c === 34) this.inString = true;
        else if (c === 123 || c === 91) this.depth++;
        else if (c === 125 || c === 93) {
          if (--this.depth === 0) {
            this._endValue(chunk.slice(start, i + 1));
            start = -1;
          }
        }
        continue;
      }
      if (space) continue;
      if (array) {
        if (this.closed) {
          this.emit({
            type: 'malformed',
            line: this.scanLine,
            message: 'unexpected text after the closing ] of the array',
          });
          this.closed = false; // report it once, not at every character
          this.opened = false;
          this.kind = 'json';
          return this._scan(chunk.slice(i));
        }
        if (!this.opened) {
          this.opened = true; // the first character is `[`: that is how the kind was chosen
          continue;
        }
        if (c === 44 && this.expectComma) {
          this.expectComma = false;
          continue;
        }
        if (c === 93) {
          this.closed = true;
          continue;
        }
        if (this.expectComma) {
          this.emit({
            type: 'malformed',
            line: this.scanLine,
            message: 'bad JSON: a comma is missing between array elements',
            index: this.index,
          });
          this.expectComma = false;
        }
      }
      // A value starts here.
      start = i;
      this.inValue = true;
      this.valueLine = this.scanLine;
      this.depth = 0;
      this.scalar = false;
      if (c === 123 || c === 91) this.depth = 1;
      else if (c === 34) this.inString = true;
      else this.scalar = true;
    }
    if (this.inValue && start !== -1) {
      this.parts.push(chunk.slice(start));
      this.held += chunk.length - start;
      // Brackets that never balance would make the rest of the input one value: memory must stay bounded.
      if (this.held > this.maxValue) {
        const limit = this.maxValue >= MB ? `${this.maxValue / MB} MB` : `${this.maxValue} characters`;
        this._abandon(`a value over ${limit}: its brackets do not balance, or it is too big to check`);
      }
    }
  }

  /** Reports the value being read as malformed, drops it, and skips to the next line that starts a value. */
  private _abandon(why: string): void {
    const where = this.kind === 'array' ? { index: this.index++ } : {};
    this.emit({ type: 'malformed', line: this.valueLine, message: `bad JSON: ${why}`, ...where });
    this.parts = [];
    this.held = 0;
    this.inValue = false;
    this.inString = false;
    this.escaped = false;
    this.scalar = false;
    this.depth = 0;
    this.expectComma = false;
    this.skipping = true;
    this.lineStart = false;
  }

  private _endValue(last: string): void {
    const text = this.parts.length === 0 ? last : this.parts.join('') + last;
    this.parts = [];
    this.held = 0;
    this.inValue = false;
    const array = this.kind === 'array';
    const index = this.index;
    if (array) {
      this.index++;
      this.expectComma = true;
    }
    const parsed = _parse(text);
    const where = array ? { index } : {};
    if (parsed.ok) this.emit({ type: 'value', value: parsed.value, line: this.valueLine, ...where });
    else if (array || !this.scalar) {
      this.emit({ type: 'malformed', line: this.valueLine, message: `bad JSON: ${parsed.message}`, ...where });
    } else {
      const message = `not JSON: ${JSON.stringify(preview(text))}; skipped up to the next line that starts with { or [`;
      this.emit({ type: 'malformed', line: this.valueLine, message });
      this.skipping = true;
      this.lineStart = false;
    }
    this.scalar = false;
  }
}
