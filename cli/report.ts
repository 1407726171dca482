// What the CLI prints: one entry per invalid object or malformed piece of input as soon as it is found, then a
// summary. Only counters are kept, so memory does not grow with the input.
//
// Text (default): `file:line: kind id: N issues`, then each issue indented as `  path: expected …, received …`;
// `file:line: malformed: …`; `file: cannot read: …`; then the summary tables.
// JSON (`--json`): JSON lines, one record per entry (`"type": "invalid" | "malformed" | "unreadable"`), then
// one `"type": "summary"` record; README's CLI section documents the fields.
import { formatIssue } from 'openai-run-step-guards';
import { KINDS, type Verdict } from './recognise.js';

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

/** The summary record of `--json`, and what the text summary shows. */
export interface Summary {
  files: number;
  unreadable: number;
  objects: Tally;
  malformed: number;
  skipped: number;
  kinds: Record<string, Tally>;
  statuses: Record<string, Tally>;
  toolCallTypes: Record<string, Tally>;
  skippedEvents: Record<string, number>;
}

function _add(table: Record<string, Tally>, key: string, valid: boolean): void {
  const tally = (table[key] ??= { valid: 0, invalid: 0 });
  if (valid) tally.valid++;
  else tally.invalid++;
}

/** `file:line`, then ` [index]` for an array's element and ` data[i]` for a list's item. */
function _where(place: Place, where: string): string {
  const index = place.index === undefined ? '' : `[${place.index}]`;
  const inner = index + (where !== '' && index !== '' ? '.' : '') + where;
  return `${place.file}:${place.line}${inner === '' ? '' : ` ${inner}`}`;
}

function _plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Collects verdicts, writes each finding through `write`, and the summary at the end. */
export class Reporter {
  readonly summary: Summary = {
    files: 0,
    unreadable: 0,
    objects: { valid: 0, invalid: 0 },
    malformed: 0,
    skipped: 0,
    kinds: {},
    statuses: {},
    toolCallTypes: {},
    skippedEvents: {},
  };
  private readonly json: boolean;
  private readonly write: (text: string) => void;
  private readonly error: (text: string) => void;

  /**
   * @param json JSON lines instead of text.
   * @param write Where the report goes (stdout), a piece at a time.
   * @param error Where an unreadable input is reported (stderr).
   */
  constructor(json: boolean, write: (text: string) => void, error: (text: string) => void) {
    this.json = json;
    this.write = write;
    this.error = error;
  }

  /** Counts a verdict; prints it when invalid. */
  verdict(place: Place, verdict: Verdict): void {
    const valid = verdict.issues.length === 0 && verdict.unrecognised === undefined;
    const { summary } = this;
    if (valid) summary.objects.valid++;
    else summary.objects.invalid++;
    _add(summary.kinds, verdict.kind, valid);
    if (verdict.status !== undefined) _add(summary.statuses, verdict.status, valid);
    for (const type of verdict.toolCallTypes) _add(summary.toolCallTypes, type, valid);
    if (valid) return;
    if (this.json) {
      this.write(
        `${JSON.stringify({
          type: 'invalid',
          file: place.file,
          line: place.line,
          index: place.index ?? null,
          where: verdict.where === '' ? null : verdict.where,
          kind: verdict.kind,
          id: verdict.id ?? null,
          event: verdict.event ?? null,
          message: verdict.unrecognised ?? null,
          issues: verdict.issues,
        })}\n`,
      );
      return;
    }
    const at = _where(place, verdict.where);
    if (verdict.unrecognised !== undefined) {
      this.write(`${at}: ${verdict.unrecognised}\n`);
      return;
    }
    const name = [verdict.kind, verdict.event, verdict.id].filter((part) => part !== undefined).join(' ');
    let text = `${at}: ${name}: ${_plural(verdict.issues.length, 'issue')}\n`;
    for (const issue of verdict.issues) text += `  ${formatIssue(issue)}\n`;
    this.write(text);
  }

  /** A piece of input that could not be read as its kind needs. */
  malformed(place: Place, message: string): void {
    this.summary.malformed++;
    if (this.json) {
      const record = { type: 'malformed', file: place.file, line: place.line, index: place.index ?? null, message };
      this.write(`${JSON.stringify(record)}\n`);
    } else this.write(`${_where(place, '')}: malformed: ${message}\n`);
  }

  /** An event that holds no run step. */
  skipped(what: string): void {
    this.summary.skipped++;
    this.summary.skippedEvents[what] = (this.summary.skippedEvents[what] ?? 0) + 1;
  }

  /** An input that could not be read at all (missing, a folder, no permission). */
  unreadable(file: string, message: string): void {
    this.summary.unreadable++;
    // On stderr in both modes, so that it shows even when stdout goes to a file; and as a record with --json.
    this.error(`openai-run-step-guards: ${file}: cannot read: ${message}\n`);
    if (this.json) this.write(`${JSON.stringify({ type: 'unreadable', file, message })}\n`);
  }

  /** The closing summary. */
  finish(): void {
    const { summary } = this;
    if (this.json) {
      this.write(`${JSON.stringify({ type: 'summary', ...summary })}\n`);
      return;
    }
    const rows: string[][] = [];
    const table = (title: string, tallies: Record<string, Tally>, order: readonly string[]) => {
      const keys = [
        ...order.filter((key) => key in tallies),
        ...Object.keys(tallies).filter((k) => !order.includes(k)),
      ];
      if (keys.length === 0) return;
      rows.push([title, 'valid', 'invalid']);
      for (const key of keys) rows.push([`  ${key}`, String(tallies[key]!.valid), String(tallies[key]!.invalid)]);
    };
    table('kind', summary.kinds, KINDS);
    table('status', summary.statuses, ['in_progress', 'completed', 'failed', 'cancelled', 'expired']);
    table('tool call type', summary.toolCallTypes, ['code_interpreter', 'file_search', 'function']);
    const width = Math.max(0, ...rows.map(([label]) => label!.length));
    let text = summary.objects.invalid + summary.malformed + summary.unreadable > 0 ? '\n' : '';
    for (const [label, valid, invalid] of rows) {
      text += `${label!.padEnd(width)}  ${valid!.padStart(7)}  ${invalid!.padStart(7)}\n`;
    }
    const skipped = Object.entries(summary.skippedEvents)
      .map(([what, n]) => `${n} ${what}`)
      .join(', ');
    text +=
      `${_plural(summary.objects.valid + summary.objects.invalid, 'object')} in ${_plural(summary.files, 'input')}: ` +
      `${summary.objects.valid} valid, ${summary.objects.invalid} invalid, ${summary.malformed} malformed` +
      `${summary.skipped > 0 ? `, ${summary.skipped} skipped (${skipped})` : ''}` +
      `${summary.unreadable > 0 ? `, ${summary.unreadable} unreadable` : ''}\n`;
    this.write(text);
  }
}
