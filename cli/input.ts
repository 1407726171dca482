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
//
// A line ends at LF, CRLF or a lone CR (as the SSE spec has it; NDJSON lines hold neither, and JSON counts them as
// white space), in every kind: line numbers agree whatever the tool that wrote the file.
//
// Memory is bounded by `maxValue` in every kind: before the kind is known only the first line is held (at most
// 1 MB; blank text is counted, not kept), and a JSON value, an NDJSON line or an SSE frame over `maxValue`
// characters is reported as malformed and dropped, the audit going on after it. Units are handed out by
// generators, one at a time, so that the caller can wait (for stdout to drain) between any two of them.

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

/** The work a splitter did, counted (for the tests that prove it linear and its memory bounded). */
export interface SplitterWork {
  /** Characters examined while looking for the first line (the kind is not known yet). */
  searched: number;
  /** Characters copied into a buffer: the first line, a line or frame not ended yet, a value not closed yet. */
  buffered: number;
  /** The most characters held in buffers at once. */
  peakHeld: number;
}

const MB = 1024 * 1024;
/** The most one JSON value, NDJSON line or SSE frame may hold: 256 MB, far above any run step or page. */
export const MAX_VALUE: number = 256 * MB;
/** The most of the first line read to tell the kind. */
const MAX_HEAD = MB;
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
  const flat = text
    .slice(0, max * 4 + 1)
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** The size limit as words: `256 MB`, or `64 characters` for the small limits the tests set. */
function _limit(max: number): string {
  return max >= MB && max % MB === 0 ? `${max / MB} MB` : `${max} characters`;
}

/** Splits text chunks into units, handed out one by one as each ends. */
export class InputSplitter {
  /** The kind, once the first line that is not blank has been seen. */
  kind: InputKind | undefined;
  /** The work done so far. */
  readonly work: SplitterWork = { searched: 0, buffered: 0, peakHeld: 0 };
  private readonly maxValue: number;
  private readonly parsed: RegExp;
  /** Units found and not handed out yet (a few at most: handed out after each step). */
  private queue: Unit[] = [];
  // Line ends: a CR ended the last chunk, so a LF starting the next one belongs to it.
  private cr = false;
  // Before the kind is known: whether the BOM was looked for, the first line's text so far.
  private started = false;
  private head: string[] = [];
  private headSize = 0;
  // Line mode (ndjson, sse): the start of a line not ended yet, the number of the line being read, and whether
  // the line is being dropped (too long).
  private rest: string[] = [];
  private restSize = 0;
  private line = 1;
  private dropLine = false;
  // SSE: the frame being read, its size, and whether it is being dropped (too big).
  private event: string | undefined;
  private data: string[] = [];
  private frameSize = 0;
  private frameLine = 0;
  private dropFrame = false;
  // JSON mode (array, json): where the scan is.
  private depth = 0;
  private inString = false;
  private escaped = false;
  private parts: string[] = [];
  private held = 0;
  private inValue = false;
  private scalar = false;
  private valueLine = 0;
  private index = 0;
  private opened = false;
  private closed = false;
  private expectComma = false;
  private afterSeparator = false;
  /** Where the value being read starts in the current chunk (-1: not in this chunk, or none). */
  private start = -1;
  private skipping = false;
  private lineStart = false;

  /**
   * @param maxValue The most characters one JSON value, NDJSON line or SSE frame may hold before it is dropped
   * as malformed.
   * @param parsed The SSE events whose data is parsed and yielded; any other event is yielded as `skipped`,
   * unparsed. By default the run step events (`thread.run.step.*`), what `check` reads.
   */
  constructor(maxValue: number = MAX_VALUE, parsed: RegExp = RUN_STEP_EVENT) {
    this.maxValue = maxValue;
    this.parsed = parsed;
  }

  /**
   * Reads the next chunk of text.
   * @returns The units that end in it, one at a time: take them all before the next call.
   */
  *write(chunk: string): Generator<Unit, void, undefined> {
    if (this.kind === undefined) {
      const text = this._head(chunk);
      if (text === undefined) return;
      chunk = text;
    }
    yield* this._feed(chunk);
  }

  /**
   * Ends the input: whatever is left open is reported.
   * @returns The last units.
   */
  *end(): Generator<Unit, void, undefined> {
    if (this.kind === undefined) {
      if (this.headSize === 0) return; // a blank input holds nothing
      const text = this.head.join('');
      this.head = [];
      this.headSize = 0;
      this.kind = this._detect(text);
      yield* this._feed(text);
    }
    if (this.kind === 'ndjson' || this.kind === 'sse') {
      if (this.restSize > 0 || this.dropLine) this._endLine('');
      this.cr = false;
      if (this.kind === 'sse') this._dispatch();
      yield* this._take();
      return;
    }
    if (this.inValue) {
      if (this.scalar && !this.inString) this._endValue('');
      else {
        this._emit({
          type: 'malformed',
          line: this.valueLine,
          message: `truncated JSON: the value starting here does not end (input ends inside ${this.inString ? 'a string' : 'an object or array'})`,
          ...(this.kind === 'array' ? { index: this.index } : {}),
        });
        this.parts = [];
        this.held = 0;
        this.inValue = false;
      }
    }
    if (this.kind === 'array' && !this.closed) {
      this._emit({ type: 'malformed', line: this.line, message: 'truncated JSON: the array is not closed' });
    }
    yield* this._take();
  }

  private *_take(): Generator<Unit, void, undefined> {
    while (this.queue.length > 0) {
      const units = this.queue;
      this.queue = [];
      yield* units;
    }
  }

  private _emit(unit: Unit): void {
    this.queue.push(unit);
  }

  private _held(): void {
    const held = this.headSize + this.restSize + this.frameSize + this.held;
    if (held > this.work.peakHeld) this.work.peakHeld = held;
  }

  private *_feed(chunk: string): Generator<Unit, void, undefined> {
    if (this.kind === 'ndjson' || this.kind === 'sse') yield* this._lines(chunk);
    else yield* this._scan(chunk);
  }

  // ----- before the kind is known -----

  /**
   * Skips blank text (counting its lines), then gathers the first line. Each character is looked at once.
   * @returns The text to read as the kind just found, or `undefined` while the first line has not ended.
   */
  private _head(chunk: string): string | undefined {
    if (!this.started) {
      if (chunk === '') return undefined;
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (this.headSize === 0) {
      // JSON's white space only (as every kind reads it): a line of spaces is blank, U+00A0 is not.
      let i = 0;
      for (; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        if (c === 10) {
          if (!this.cr) this.line++;
        } else if (c === 13) this.line++;
        else if (c !== 32 && c !== 9) break;
        this.cr = c === 13;
      }
      this.work.searched += i;
      if (i === chunk.length) return undefined;
      this.cr = false;
      chunk = chunk.slice(i);
    }
    const lf = chunk.indexOf('\n');
    const cr = chunk.indexOf('\r');
    const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
    this.work.searched += chunk.length;
    this.head.push(chunk);
    this.headSize += chunk.length;
    this.work.buffered += chunk.length;
    this._held();
    if (end === -1 && this.headSize < MAX_HEAD) return undefined;
    const text = this.head.length === 1 ? this.head[0]! : this.head.join('');
    const first = end === -1 ? text.slice(0, MAX_HEAD) : text.slice(0, this.headSize - chunk.length + end);
    this.head = [];
    this.headSize = 0;
    this.kind = this._detect(first);
    return text;
  }

  private _detect(first: string): InputKind {
    first = first.trim();
    if (first.startsWith('[')) return 'array';
    if (SSE_FIELD.test(first)) return 'sse';
    return _parse(first).ok ? 'ndjson' : 'json';
  }

  // ----- line mode -----

  private *_lines(chunk: string): Generator<Unit, void, undefined> {
    let from = 0;
    if (this.cr) {
      this.cr = false;
      if (chunk.charCodeAt(0) === 10) from = 1;
    }
    // The next LF and the next CR at or after `from` (-1: none in this chunk), each searched for again only
    // once passed, so that the chunk is read once.
    let lf = -2;
    let cr = -2;
    while (from < chunk.length) {
      if (lf !== -1 && lf < from) lf = chunk.indexOf('\n', from);
      if (cr !== -1 && cr < from) cr = chunk.indexOf('\r', from);
      const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (end === -1) {
        this._hold(chunk, from);
        break;
      }
      this._endLine(chunk.slice(from, end));
      yield* this._take();
      from = end + 1;
      if (end === cr) {
        if (from === chunk.length) this.cr = true;
        else if (chunk.charCodeAt(from) === 10) from++;
      }
    }
    yield* this._take();
  }

  /** Keeps the start of a line that has not ended, unless the line or its frame grows over the limit. */
  private _hold(chunk: string, from: number): void {
    if (this.dropLine) return;
    const size = chunk.length - from;
    if (this.restSize + size + this.frameSize > this.maxValue) {
      this._tooLong(this.rest.length > 0 ? this.rest[0]! : chunk.slice(from, from + 1));
      return;
    }
    this.rest.push(from === 0 ? chunk : chunk.slice(from));
    this.restSize += size;
    this.work.buffered += size;
    this._held();
  }

  /** A line (or, in SSE, its frame) is over the limit: it is reported and dropped up to its end. */
  private _tooLong(start: string): void {
    const limit = _limit(this.maxValue);
    this.rest = [];
    this.restSize = 0;
    this.dropLine = true;
    if (this.kind === 'ndjson') {
      this._emit({ type: 'malformed', line: this.line, message: `broken NDJSON line: over ${limit}, not checked` });
    } else if (!start.startsWith(':') && !this.dropFrame) {
      // SSE: a comment may be long; a field line makes its frame too big to check.
      if (this.frameLine === 0) this.frameLine = this.line;
      this._emit({ type: 'malformed', line: this.frameLine, message: `bad SSE frame: over ${limit}, not checked` });
      this._dropFrame();
    }
  }

  private _dropFrame(): void {
    this.dropFrame = true;
    this.event = undefined;
    this.data = [];
    this.frameSize = 0;
  }

  /** A line ends: `last` is its end in the current chunk. */
  private _endLine(last: string): void {
    if (this.dropLine) {
      this.dropLine = false;
      this.line++;
      return;
    }
    let text = last;
    if (this.rest.length > 0) {
      this.rest.push(last);
      text = this.rest.join('');
      this.rest = [];
      this.restSize = 0;
    }
    if (text.length + this.frameSize > this.maxValue) {
      // The line ended within the chunk that took it over the limit.
      this._tooLong(text.slice(0, 1));
      this.dropLine = false;
      this.line++;
      return;
    }
    this._line(text);
  }

  private _line(text: string): void {
    const line = this.line++;
    if (this.kind === 'ndjson') {
      if (text.trim() === '') return;
      const parsed = _parse(text);
      if (parsed.ok) this._emit({ type: 'value', value: parsed.value, line });
      else this._emit({ type: 'malformed', line, message: `broken NDJSON line: ${parsed.message}` });
      return;
    }
    // SSE: a blank line ends a frame; `field: value` (one optional space after the colon); `:` starts a comment.
    if (text === '') return this._dispatch();
    if (this.frameLine === 0) this.frameLine = line;
    if (this.dropFrame) return;
    const colon = text.indexOf(':');
    if (colon === 0) return;
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') {
      this.frameSize += value.length - (this.event?.length ?? 0);
      this.event = value;
    } else if (field === 'data') {
      this.data.push(value);
      this.frameSize += value.length + 1;
    } else if (field !== 'id' && field !== 'retry') {
      this._emit({
        type: 'malformed',
        line,
        message: `bad SSE frame: unknown field ${JSON.stringify(preview(field))}`,
      });
    }
    this._held();
  }

  private _dispatch(): void {
    const { event, data, frameLine: line, dropFrame } = this;
    this.event = undefined;
    this.data = [];
    this.frameSize = 0;
    this.frameLine = 0;
    this.dropFrame = false;
    if (dropFrame) return; // reported when it went over the limit
    if (line === 0 || (event === undefined && data.length === 0)) return; // an empty frame, or only comments
    const text = data.join('\n');
    if (event !== undefined && !this.parsed.test(event)) {
      this._emit({ type: 'skipped', line, what: event });
      return;
    }
    if (event === undefined && text.trim() === '[DONE]') {
      this._emit({ type: 'skipped', line, what: '[DONE]' });
      return;
    }
    if (data.length === 0) {
      this._emit({ type: 'malformed', line, message: `bad SSE frame: ${event} has no data` });
      return;
    }
    const parsed = _parse(text);
    if (!parsed.ok) {
      this._emit({
        type: 'malformed',
        line,
        message: `bad SSE frame: the data of ${event ?? 'a frame'} is not JSON (${parsed.message})`,
      });
    } else if (event === undefined) this._emit({ type: 'value', value: parsed.value, line });
    else this._emit({ type: 'event', value: { event, data: parsed.value }, line });
  }

  // ----- JSON mode: a scan that knows strings and brackets, so that each value is cut where it ends -----

  private *_scan(chunk: string): Generator<Unit, void, undefined> {
    this.start = this.inValue ? 0 : -1;
    for (let i = 0; i < chunk.length;) {
      i = this._scanTo(chunk, i);
      yield* this._take();
    }
    if (chunk.length > 0) this.cr = chunk.charCodeAt(chunk.length - 1) === 13;
    const start = this.start;
    if (this.inValue && start !== -1) {
      const size = chunk.length - start;
      this.parts.push(start === 0 ? chunk : chunk.slice(start));
      this.held += size;
      this.work.buffered += size;
      this._held();
      // Brackets that never balance would make the rest of the input one value: memory must stay bounded.
      if (this.held > this.maxValue) {
        this._abandon(`a value over ${_limit(this.maxValue)}: its brackets do not balance, or it is too big to check`);
      }
    }
    yield* this._take();
  }

  /**
   * Scans from `from` until a unit is found (then returns the index of the next character to scan), or to the
   * end of the chunk. A plain loop, not a generator: this is the CLI's hottest code.
   */
  private _scanTo(chunk: string, from: number): number {
    const array = this.kind === 'array';
    let start = this.start;
    // Set where a unit is found: the scan stops after that character, so that the unit is handed out.
    let found = false;
    for (let i = from; i < chunk.length; i++) {
      if (found) {
        this.start = start;
        return i;
      }
      const c = chunk.charCodeAt(i);
      // Lines: LF, CRLF or CR (a CRLF split between two chunks is counted once).
      if (c <= 13) {
        if (c === 10) {
          if (i === 0 ? !this.cr : chunk.charCodeAt(i - 1) !== 13) this.line++;
        } else if (c === 13) this.line++;
      }
      if (this.inString) {
        if (c === 10 || c === 13) {
          // JSON strings hold no raw line break: this one is not closed. Drop the value, go on at the next line
          // that starts one, so that the rest of the input is not taken for the rest of this string.
          this._abandon('a string is not closed before the end of its line');
          found = true;
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
            found = true;
            start = -1;
          }
        }
        continue;
      }
      const space = c === 32 || c === 10 || c === 13 || c === 9;
      if (this.skipping) {
        // After text that is not JSON: skip to the next line that starts with `{` or `[`, reported once.
        if (c === 10 || c === 13) this.lineStart = true;
        else if (!space && !(this.lineStart && (c === 123 || c === 91))) this.lineStart = false;
        if (!this.lineStart || space) continue;
        this.skipping = false;
      }
      if (this.inValue && this.scalar) {
        // A bare number, true, false or null ends at the first character that cannot be part of it.
        if (space || c === 44 || c === 93 || c === 125 || c === 91 || c === 123 || c === 34) {
          this._endValue(chunk.slice(start, i));
          found = true;
          start = -1;
        } else continue;
      }
      if (this.inValue) {
        if (c === 34) this.inString = true;
        else if (c === 123 || c === 91) this.depth++;
        else if (c === 125 || c === 93) {
          if (--this.depth === 0) {
            this._endValue(chunk.slice(start, i + 1));
            found = true;
            start = -1;
          }
        }
        continue;
      }
      if (space) continue;
      if (array) {
        if (this.closed) {
          this._emit({
            type: 'malformed',
            line: this.line,
            message: 'unexpected text after the closing ] of the array',
          });
          found = true;
          this.closed = false; // report it once, not at every character
          this.opened = false;
          this.kind = 'json';
          this.start = start;
          return i; // scanned again as JSON, from this character, which is no line end: counted once
        }
        if (!this.opened) {
          this.opened = true; // the first character is `[`: that is how the kind was chosen
          continue;
        }
        if (c === 44) {
          if (this.expectComma) {
            this.expectComma = false;
            this.afterSeparator = true;
          } else {
            // `[,` or `,,`: an element is missing; the comma stands for it.
            this._emit({
              type: 'malformed',
              line: this.line,
              message: 'bad JSON: an array element is missing (a comma follows [ or another comma)',
              index: this.index++,
            });
            found = true;
            this.afterSeparator = false;
          }
          continue;
        }
        if (c === 93) {
          if (this.afterSeparator) {
            this._emit({ type: 'malformed', line: this.line, message: 'bad JSON: a comma before the closing ]' });
            found = true;
          }
          this.afterSeparator = false;
          this.closed = true;
          continue;
        }
        if (this.expectComma) {
          this._emit({
            type: 'malformed',
            line: this.line,
            message: 'bad JSON: a comma is missing between array elements',
            index: this.index,
          });
          found = true;
          this.expectComma = false;
        }
        this.afterSeparator = false;
      }
      // A value starts here.
      start = i;
      this.inValue = true;
      this.valueLine = this.line;
      this.depth = 0;
      this.scalar = false;
      if (c === 123 || c === 91) this.depth = 1;
      else if (c === 34) this.inString = true;
      else this.scalar = true;
    }
    this.start = start;
    return chunk.length;
  }

  /** Reports the value being read as malformed, drops it, and skips to the next line that starts a value. */
  private _abandon(why: string): void {
    const where = this.kind === 'array' ? { index: this.index++ } : {};
    this._emit({ type: 'malformed', line: this.valueLine, message: `bad JSON: ${why}`, ...where });
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
    if (parsed.ok) this._emit({ type: 'value', value: parsed.value, line: this.valueLine, ...where });
    else if (array || !this.scalar) {
      this._emit({ type: 'malformed', line: this.valueLine, message: `bad JSON: ${parsed.message}`, ...where });
    } else {
      const message = `not JSON: ${JSON.stringify(preview(text))}; skipped up to the next line that starts with { or [`;
      this._emit({ type: 'malformed', line: this.valueLine, message });
      this.skipping = true;
      this.lineStart = false;
    }
    this.scalar = false;
  }
}
