// What the CLI prints: one entry per invalid object or malformed piece of input as soon as it is found, then a
// summary. Only counters are kept, so memory does not grow with the input.
//
// Text (default): `file:line: kind id: N issues`, then each issue indented as `  path: expected …, received …`;
// `file:line: malformed: …`; `file: cannot read: …`; `file: no run steps found`; then the summary tables.
// JSON (`--json`): JSON lines, one record per entry (`"type": "invalid" | "malformed" | "unreadable" | "empty"`),
// then one `"type": "summary"` record; the CLI guide documents the fields.
//
// Every string that comes from the input goes out through `text` (escaped) or `json` (cli/text.ts), cut to a
// length (an id of a megabyte is not printed whole). Tallies keyed by input strings are `Map`s: a status
// `__proto__` or `toString` is a row like any other, and nothing is written onto a prototype.
import { formatIssue, type ValidationIssue } from '../src/index.js';
import { KINDS, type Verdict } from './recognise.js';
import { Text, cut, json, jsonOpen, label, text } from './text.js';

/** Valid and invalid counts. */
export interface Tally {
  valid: number;
  invalid: number;
}

/** Where a verdict comes from: the input's name, the line it starts on, its index in a top-level array. */
export interface Place {
  readonly file: string;
  readonly line: number;
  readonly index?: number | undefined;
}

/** The most names a summary table keeps; further names are counted together as {@link OTHER}. */
export const MAX_NAMES = 1000;
/** The row that counts the names past {@link MAX_NAMES}. */
export const OTHER = '(other)';
/** Input strings in text output (ids, names, keys of issue paths) are cut to this many characters... */
const TEXT_FIELD = 200;
/** ...and to this many in JSON records. */
const JSON_FIELD = 1000;

/** Counts keyed by input strings, in the order first seen; at most {@link MAX_NAMES} names, each cut. */
class Table<Count> {
  private readonly counts = new Map<string, Count>();
  constructor(private readonly zero: () => Count) {}

  /** The count for a name, made when new. */
  get(name: string): Count {
    name = cut(name, TEXT_FIELD);
    let count = this.counts.get(name);
    if (count === undefined) {
      if (this.counts.size >= MAX_NAMES) name = OTHER;
      count = this.counts.get(name);
      if (count === undefined) this.counts.set(name, (count = this.zero()));
    }
    return count;
  }

  has(name: string): boolean {
    return this.counts.has(name);
  }

  keys(): string[] {
    return [...this.counts.keys()];
  }

  /** As a plain object with the names as own keys (`__proto__` included), for `--json`. */
  toObject(): Record<string, Count> {
    return Object.fromEntries(this.counts) as Record<string, Count>;
  }
}

class Tallies extends Table<Tally> {
  constructor() {
    super(() => ({ valid: 0, invalid: 0 }));
  }
  add(name: string, valid: boolean): void {
    const tally = this.get(name);
    if (valid) tally.valid++;
    else tally.invalid++;
  }
}

/** The counters behind the summary. */
export class Summary {
  files = 0;
  unreadable = 0;
  empty = 0;
  readonly objects: Tally = { valid: 0, invalid: 0 };
  malformed = 0;
  skipped = 0;
  readonly kinds = new Tallies();
  readonly statuses = new Tallies();
  readonly toolCallTypes = new Tallies();
  readonly skippedEvents = new Table<{ n: number }>(() => ({ n: 0 }));

  /** The `--json` summary record. */
  toJSON(): object {
    const events = this.skippedEvents.toObject();
    return {
      type: 'summary',
      files: this.files,
      unreadable: this.unreadable,
      empty: this.empty,
      objects: this.objects,
      malformed: this.malformed,
      skipped: this.skipped,
      kinds: this.kinds.toObject(),
      statuses: this.statuses.toObject(),
      toolCallTypes: this.toolCallTypes.toObject(),
      skippedEvents: Object.fromEntries(Object.entries(events).map(([name, { n }]) => [name, n])),
    };
  }
}

/** `file:line`, then ` [index]` for an array's element and ` data[i]` for a list's item. */
function _where(place: Place, where: string): Text {
  const index = place.index === undefined ? '' : `[${place.index}]`;
  const inner = index + (where !== '' && index !== '' ? '.' : '') + where;
  return inner === '' ? text`${place.file}:${place.line}` : text`${place.file}:${place.line} ${inner}`;
}

function _plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** An issue with the keys of its path cut to `max` characters (a key of a megabyte is named by its start). */
function _cutPath(issue: ValidationIssue, max: number): ValidationIssue {
  if (!issue.path.some((key) => typeof key === 'string' && key.length > max)) return issue;
  return { ...issue, path: issue.path.map((key) => (typeof key === 'string' ? cut(key, max) : key)) };
}

/** `2 issues`; `2 of 4 issues shown` when some were left out; `100 of 1000 or more issues shown`. */
function _count(verdict: Verdict): string {
  const shown = verdict.issues.length;
  const found = verdict.issueCount;
  if (shown === found && verdict.issueCountExact) return _plural(found, 'issue');
  return `${shown} of ${found}${verdict.issueCountExact ? '' : ' or more'} issues shown`;
}

/** Collects verdicts, writes each finding through `write`, and the summary at the end. */
export class Reporter {
  readonly summary: Summary = new Summary();
  private readonly json: boolean;
  private readonly write: (text: Text) => void;
  private readonly error: (text: Text) => void;

  /**
   * @param json JSON lines instead of text.
   * @param write Where the report goes (stdout), a piece at a time.
   * @param error Where an unreadable input is reported (stderr).
   */
  constructor(json: boolean, write: (text: Text) => void, error: (text: Text) => void) {
    this.json = json;
    this.write = write;
    this.error = error;
  }

  /** Counts a verdict; prints it when invalid, an issue at a time. */
  verdict(place: Place, verdict: Verdict): void {
    const valid = verdict.issues.length === 0 && verdict.unrecognised === undefined;
    const { summary } = this;
    if (valid) summary.objects.valid++;
    else summary.objects.invalid++;
    summary.kinds.add(verdict.kind, valid);
    if (verdict.status !== undefined) summary.statuses.add(verdict.status, valid);
    for (const call of verdict.toolCalls) summary.toolCallTypes.add(call.type, call.valid);
    if (valid) return;
    if (this.json) {
      const record = {
        type: 'invalid',
        file: place.file,
        line: place.line,
        index: place.index ?? null,
        where: verdict.where === '' ? null : verdict.where,
        kind: verdict.kind,
        id: verdict.id === undefined ? null : cut(verdict.id, JSON_FIELD),
        event: verdict.event === undefined ? null : cut(verdict.event, JSON_FIELD),
        message: verdict.unrecognised ?? null,
        omittedIssues: verdict.issueCount - verdict.issues.length,
        issueCountExact: verdict.issueCountExact,
      };
      this.write(jsonOpen(record, 'issues'));
      verdict.issues.forEach((issue, i) => {
        const item = json(_cutPath(issue, JSON_FIELD));
        this.write(i === 0 ? item : text`,${item}`);
      });
      this.write(text`]}\n`);
      return;
    }
    const at = _where(place, verdict.where);
    if (verdict.unrecognised !== undefined) {
      this.write(text`${at}: ${verdict.unrecognised}\n`);
      return;
    }
    const name = [verdict.kind, verdict.event, verdict.id]
      .filter((part) => part !== undefined)
      .map((part) => cut(part, TEXT_FIELD))
      .join(' ');
    this.write(text`${at}: ${name}: ${_count(verdict)}\n`);
    for (const issue of verdict.issues) this.write(text`  ${formatIssue(_cutPath(issue, TEXT_FIELD))}\n`);
  }

  /** A piece of input that could not be read as its kind needs. */
  malformed(place: Place, message: string): void {
    this.summary.malformed++;
    if (this.json) {
      const record = {
        type: 'malformed',
        file: place.file,
        line: place.line,
        index: place.index ?? null,
        message: cut(message, JSON_FIELD),
      };
      this.write(text`${json(record)}\n`);
    } else this.write(text`${_where(place, '')}: malformed: ${cut(message, TEXT_FIELD * 2)}\n`);
  }

  /** An event that holds no run step. */
  skipped(what: string): void {
    this.summary.skipped++;
    this.summary.skippedEvents.get(what).n++;
  }

  /** An input that could not be read at all (missing, no permission, a broken gzip stream). */
  unreadable(file: string, message: string): void {
    this.summary.unreadable++;
    // On stderr in both modes, so that it shows even when stdout goes to a file; and as a record with --json.
    this.error(text`openai-run-step-guards: ${file}: cannot read: ${message}\n`);
    if (this.json) this.write(text`${json({ type: 'unreadable', file, message })}\n`);
  }

  /** An input (or a folder) that holds no run step at all: an empty export must not pass. */
  empty(file: string, message = 'no run steps found'): void {
    this.summary.empty++;
    if (this.json) this.write(text`${json({ type: 'empty', file, message })}\n`);
    else this.write(text`${file}: ${message}\n`);
  }

  /** The closing summary. */
  finish(): void {
    const { summary } = this;
    if (this.json) {
      this.write(text`${json(summary.toJSON())}\n`);
      return;
    }
    const rows: [label: Text, valid: number, invalid: number][] = [];
    // Kinds are the report's own words; statuses and tool call types come from the input (see `label`).
    const table = (title: string, tallies: Tallies, order: readonly string[], ours = false) => {
      const keys = [...order.filter((key) => tallies.has(key)), ...tallies.keys().filter((k) => !order.includes(k))];
      if (keys.length === 0) return;
      const heading = text`${title}`;
      rows.push([heading, -1, -1]);
      for (const key of keys) {
        const { valid, invalid } = tallies.get(key);
        rows.push([key === OTHER || ours ? text`  ${key}` : text`  ${label(key)}`, valid, invalid]);
      }
    };
    table('kind', summary.kinds, KINDS, true);
    table('status', summary.statuses, ['in_progress', 'completed', 'failed', 'cancelled', 'expired']);
    table('tool call type', summary.toolCallTypes, ['code_interpreter', 'file_search', 'function']);
    const width = Math.max(0, ...rows.map(([name]) => name.value.length));
    const pad = (value: string, n: number, start: boolean) => (start ? value.padStart(n) : value.padEnd(n));
    const lines: Text[] = [];
    if (summary.objects.invalid + summary.malformed + summary.unreadable + summary.empty > 0) lines.push(Text.empty);
    for (const [name, valid, invalid] of rows) {
      const v = valid === -1 ? 'valid' : String(valid);
      const i = invalid === -1 ? 'invalid' : String(invalid);
      const gap = pad('', width - name.value.length, false);
      lines.push(text`${name}${gap}  ${pad(v, 7, true)}  ${pad(i, 7, true)}`);
    }
    const skipped = summary.skippedEvents.keys().map((what) => {
      const { n } = summary.skippedEvents.get(what);
      return what === OTHER ? text`${n} ${OTHER}` : text`${n} ${label(what)}`;
    });
    const objects = summary.objects.valid + summary.objects.invalid;
    let last = text`${_plural(objects, 'object')} in ${_plural(summary.files, 'input')}: ${summary.objects.valid} valid, ${summary.objects.invalid} invalid, ${summary.malformed} malformed`;
    if (summary.skipped > 0) last = text`${last}, ${summary.skipped} skipped (${Text.join(skipped, text`, `)})`;
    if (summary.empty > 0) last = text`${last}, ${summary.empty} empty`;
    if (summary.unreadable > 0) last = text`${last}, ${summary.unreadable} unreadable`;
    lines.push(last);
    this.write(text`${Text.join(lines, text`\n`)}\n`);
  }
}
