// `openai-run-step-guards convert [options] [--] [files or folders...|-]`: carries stored run steps (and thread
// messages) into Responses / Conversations input items (openai-run-step-guards/migrate). The inputs are read as
// `check` reads them (cli/input.ts); run steps are grouped by `thread_id`, each thread converted once all of it
// has been read, and written as NDJSON records `{thread_id, batch, batches, items}` (at most 20 items a record,
// a function call never apart from its output) on stdout; the report goes to stderr, as text or `--json` lines.
//
// Memory: files are read twice. The first pass notes, for each thread, the position of its last value; the
// second holds a thread's values only until that position, then converts and forgets it. So what is held at
// once is the threads whose values interleave at that point: one thread for an archive written thread by
// thread. Stdin cannot be read twice: with "-", every thread is held until the input ends. A stream's run steps
// are rebuilt by cli/stream-steps.ts, which holds a step from its first event to its terminal one.
//
// Exit codes: 0 all carried over; 1 something dropped or refused, or malformed input; 2 usage error or an
// unreadable input.
// The root before the Azure profile: the order in which the CLI first imports src/ is the order of the
// modules in dist/chunks/core.js (see ARCHITECTURE.md, The build), and so of the guards' instruction counts.
import { isHistoricalRunStepObject, isRunStepStreamEventName } from '../src/index.js';
import { isAzureRunStepObject } from '../src/azure/index.js';
import { MAX_ITEMS_PER_CALL, batchItems, toConversationItems, type ConversionOptions } from '../src/migrate/index.js';
import { InputSplitter, type Unit } from './input.js';
import { StreamSteps } from './stream-steps.js';
import { Output, type Sink } from './output.js';
import { Text, cut, fromBytes, json, label, text } from './text.js';

export const CONVERT_USAGE: Text = text`Usage: openai-run-step-guards convert [--json] [--azure] [--code-interpreter drop|transcript]
         [--file-search drop|transcript] [--provider drop|transcript] [--pending-function drop|error]
         [--batch N] [--allow-empty] [--] [files or folders...|-]

Converts stored Assistants run steps, and the thread messages stored beside them, into Responses /
Conversations input items (openai-run-step-guards/migrate), read as "check" reads them. Run steps are grouped by
thread_id; each thread is written as NDJSON records {thread_id, batch, batches, items} on stdout, at most 20
items a record (one conversations.items.create call), a function call never apart from its output. Every part
dropped, transformed or refused is reported on stderr.

Options:
  --json                 the report as JSON lines on stderr: one record per part, then a summary record
  --azure                accept Azure AI Foundry Agents run steps (by default: OpenAI's, of any API version)
  --code-interpreter X   code interpreter calls: drop (default) or transcript (a labelled assistant message)
  --file-search X        file search calls: drop (default) or transcript
  --provider X           tool calls of other kinds (Azure's, v1 retrieval): drop (default) or transcript
  --pending-function X   function calls never given an output: drop (default) or error (an error output)
  --batch N              items per record, 1 to 20 (default 20)
  --allow-empty          an input that holds no run step or thread message is fine (by default it is
                         reported, and fails)
  --                     the arguments after it are files, even when they start with "-"
  -h, --help             show this help

Exit codes: 0 everything carried over, 1 something dropped or refused or malformed, or an input with nothing
to convert, 2 usage error or unreadable input.
`;

/** A file or folder operand: a string, or the bytes of a name that is not valid UTF-8. */
type Path = string | Buffer;

/** What main.ts lends the command: its readers, so that both commands read inputs the same way. */
export interface ConvertIo {
  readonly sink: Sink;
  readonly stderr: (message: Text) => void;
  /** The text of a file, or of stdin for `undefined`. */
  readonly read: (path: Path | undefined) => AsyncIterable<string>;
  /** The files to read: the operand itself, or those of a folder; an error for what cannot be read. */
  readonly files: (path: Path) => Iterable<{ path: Path; name: string } | { error: string; name: string }>;
  readonly message: (error: unknown) => string;
  readonly maxValue: number;
}

class ConvertUsageError extends Error {}

interface Options {
  json: boolean;
  azure: boolean;
  batch: number;
  allowEmpty: boolean;
  choices: { codeInterpreter: string; fileSearch: string; provider: string; pendingFunction: string };
  files: Path[];
}

const CHOICES: Record<string, [keyof Options['choices'], readonly string[]]> = {
  '--code-interpreter': ['codeInterpreter', ['drop', 'transcript']],
  '--file-search': ['fileSearch', ['drop', 'transcript']],
  '--provider': ['provider', ['drop', 'transcript']],
  '--pending-function': ['pendingFunction', ['drop', 'error']],
};

function _parse(args: readonly Path[]): Options {
  const options: Options = {
    json: false,
    azure: false,
    batch: MAX_ITEMS_PER_CALL,
    allowEmpty: false,
    choices: { codeInterpreter: 'drop', fileSearch: 'drop', provider: 'drop', pendingFunction: 'drop' },
    files: [],
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (typeof arg !== 'string') {
      options.files.push(arg);
      continue;
    }
    if (arg === '--') {
      options.files.push(...args.slice(i + 1));
      break;
    }
    const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    const value = () => {
      const found = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      return typeof found === 'string' ? found : '';
    };
    if (arg === '--json') options.json = true;
    else if (arg === '--azure') options.azure = true;
    else if (arg === '--allow-empty') options.allowEmpty = true;
    else if (name in CHOICES) {
      const [key, words] = CHOICES[name]!;
      const given = value();
      if (!words.includes(given))
        throw new ConvertUsageError(`${name} is ${words.join(' or ')}, got ${JSON.stringify(given)}`);
      options.choices[key] = given;
    } else if (name === '--batch') {
      const given = value();
      const n = /^\d+$/.test(given) ? Number(given) : NaN;
      if (!(n >= 1 && n <= MAX_ITEMS_PER_CALL))
        throw new ConvertUsageError(`--batch needs 1 to 20, got ${JSON.stringify(given)}`);
      options.batch = n;
    } else if (arg.startsWith('-') && arg !== '-') throw new ConvertUsageError(`unknown option ${JSON.stringify(arg)}`);
    else options.files.push(arg);
  }
  if (options.files.length === 0) {
    if (process.stdin.isTTY) throw new ConvertUsageError('no file given (use "-" to read stdin)');
    options.files.push('-');
  }
  return options;
}

/** Stream events that carry a message as it ended (a run step's events go to `StreamSteps`). */
const MESSAGE_EVENTS = new Set(['thread.message.completed', 'thread.message.incomplete']);
/** The SSE events whose data `InputSplitter` parses: a run step's and a final message's, no others. */
const CONTENT_EVENT = /^(?:thread\.run\.step\.|thread\.message\.(?:completed|incomplete)$)/;
/** Objects that hold nothing of a conversation: a thread, a run, deltas outside a stream's events. */
const NOT_CONTENT = new Set(['thread', 'thread.run', 'thread.run.step.delta', 'thread.message.delta']);
/** What `_values` yields for a value that holds nothing of a conversation. */
const SKIPPED: unique symbol = Symbol('skipped');

/** A unit's event name, when it is a stream event (an SSE frame, or an `{event, data}` value). */
function _eventName(unit: Unit): string | undefined {
  if (unit.type === 'event') return (unit.value as { event: string }).event;
  if (unit.type !== 'value') return undefined;
  const value = unit.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const event = record['event'];
  return typeof event === 'string' && 'data' in record && record['object'] === undefined ? event : undefined;
}

/**
 * The values a unit that is no run step event holds that a thread is made of: a value, a list's items, a final
 * message event's message; `SKIPPED` for one that holds nothing of a conversation (another event, a run).
 */
function* _values(unit: Unit, event: string | undefined): Generator<unknown, void, undefined> {
  if (unit.type === 'skipped') {
    yield SKIPPED;
    return;
  }
  if (unit.type !== 'value' && unit.type !== 'event') return;
  const value = unit.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    yield value;
    return;
  }
  const record = value as Record<string, unknown>;
  const object = record['object'];
  if (event !== undefined) {
    yield MESSAGE_EVENTS.has(event) ? record['data'] : SKIPPED;
    return;
  }
  if (typeof object === 'string' && NOT_CONTENT.has(object)) yield SKIPPED;
  else if (object === 'list' && Array.isArray(record['data'])) yield* record['data'] as unknown[];
  else yield value;
}

/** The thread a value belongs to: its `thread_id` when it is a string. */
function _thread(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const thread = (value as Record<string, unknown>)['thread_id'];
  return typeof thread === 'string' ? thread : undefined;
}

/** Runs the command; resolves to the exit code. */
export async function convert(args: readonly Path[], io: ConvertIo): Promise<number> {
  let options: Options;
  try {
    options = _parse(args);
  } catch (error) {
    if (!(error instanceof ConvertUsageError)) throw error;
    io.stderr(text`openai-run-step-guards convert: ${error.message}\n\n${CONVERT_USAGE}`);
    return 2;
  }
  const output = new Output(io.sink);
  const conversion: ConversionOptions = {
    guard: options.azure ? isAzureRunStepObject : isHistoricalRunStepObject,
    ...(options.choices as Pick<ConversionOptions, 'codeInterpreter' | 'fileSearch' | 'provider' | 'pendingFunction'>),
  };
  const totals = { threads: 0, items: 0, records: 0, skipped: 0, malformed: 0, unreadable: 0, noThread: 0, empty: 0 };
  const tally = new Map<string, { carried: number; dropped: number; transformed: number; refused: number }>();
  const lost = { dropped: 0, refused: 0 };
  const report = (record: Record<string, unknown>, line: Text) =>
    io.stderr(options.json ? text`${json(record)}\n` : line);

  // The inputs, each a file or stdin.
  const inputs: { path: Path | undefined; name: string }[] = [];
  for (const path of options.files) {
    if (path === '-') inputs.push({ path: undefined, name: '(stdin)' });
    else {
      let any = false;
      for (const found of io.files(path)) {
        any = true;
        if ('error' in found) {
          totals.unreadable++;
          report(
            { type: 'unreadable', file: found.name, message: found.error },
            text`${found.name}: cannot read: ${found.error}\n`,
          );
        } else inputs.push(found);
      }
      if (!any && !options.allowEmpty) {
        // A folder with no file to read: nothing passes unread.
        const name = typeof path === 'string' ? path : fromBytes(path);
        totals.empty++;
        report(
          { type: 'empty', file: name },
          text`${name}: no run steps or thread messages found (no .json, .jsonl, .ndjson, .sse or .txt file in it)\n`,
        );
      }
    }
  }
  const twice = inputs.every((input) => input.path !== undefined);

  /** Every value of every input, in order, with its place; malformed units reported on the way. */
  async function* read(pass: number): AsyncGenerator<{ value: unknown; file: string; line: number }, void, undefined> {
    for (const input of inputs) {
      const splitter = new InputSplitter(io.maxValue, CONTENT_EVENT);
      const units = async function* () {
        for await (const chunk of io.read(input.path)) yield* splitter.write(chunk);
        yield* splitter.end();
      };
      // Whether the input held a value to convert (or a malformed one, reported as such): an input with
      // neither, such as an empty file or one of runs only, is reported, so that nothing passes unread.
      let found = false;
      const steps = new StreamSteps(pass === 2 ? conversion.guard : undefined);
      try {
        for await (const unit of units()) {
          if (unit.type === 'malformed') {
            found = true;
            if (pass === 1) continue;
            totals.malformed++;
            report(
              { type: 'malformed', file: input.name, line: unit.line, message: unit.message },
              text`${input.name}:${unit.line}: malformed: ${cut(unit.message, 200)}\n`,
            );
            continue;
          }
          const event = _eventName(unit);
          if (event !== undefined && unit.type !== 'skipped' && isRunStepStreamEventName(event)) {
            found = true;
            const taken = steps.take(event, unit.value, unit.line);
            if (taken !== undefined && 'value' in taken)
              yield { value: taken.value, file: input.name, line: unit.line };
            else if (taken !== undefined) {
              lost.refused++;
              report(
                {
                  type: 'stream',
                  file: input.name,
                  line: unit.line,
                  step_id: taken.stepId,
                  code: taken.code,
                  message: taken.message,
                },
                text`${input.name}:${unit.line}: refused ${event} (${taken.code}): ${cut(taken.message, 300)}\n`,
              );
            }
            continue;
          }
          for (const value of _values(unit, event)) {
            if (value !== SKIPPED) found = true;
            yield { value, file: input.name, line: unit.line };
          }
        }
      } catch (error) {
        if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
        if (pass === 1 && twice) continue; // reported by the second pass
        totals.unreadable++;
        const message = io.message(error);
        report({ type: 'unreadable', file: input.name, message }, text`${input.name}: cannot read: ${message}\n`);
        continue;
      }
      // The steps its events left unfinished, as they left them (a run waiting for a function's output).
      for (const { value, line } of steps.unfinished()) yield { value, file: input.name, line };
      if (pass === 2 && !found && !options.allowEmpty) {
        totals.empty++;
        report({ type: 'empty', file: input.name }, text`${input.name}: no run steps or thread messages found\n`);
      }
    }
  }

  const flush = async (thread: string, values: unknown[]) => {
    const { items, report: found } = toConversationItems(values, conversion);
    totals.threads++;
    totals.items += items.length;
    for (const entry of found.entries) {
      if (entry.action === 'dropped') lost.dropped++;
      if (entry.action === 'refused') lost.refused++;
      const where =
        entry.path.length === 0
          ? ''
          : entry.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('');
      report(
        { type: 'part', thread_id: thread, ...entry },
        text`${cut(thread, 80)}: ${cut(entry.step_id ?? `value ${entry.index}`, 80)}${cut(where, 120)}: ${entry.action} ${label(entry.kind)} (${entry.reason}): ${cut(entry.message, 300)}\n`,
      );
    }
    for (const [kind, counts] of found.tally) {
      const sum = tally.get(kind) ?? { carried: 0, dropped: 0, transformed: 0, refused: 0 };
      sum.carried += counts.carried;
      sum.dropped += counts.dropped;
      sum.transformed += counts.transformed;
      sum.refused += counts.refused;
      tally.set(kind, sum);
    }
    const batches = batchItems(items, options.batch);
    for (let batch = 0; batch < batches.length; batch++) {
      output.write(text`${json({ thread_id: thread, batch, batches: batches.length, items: batches[batch] })}\n`);
      totals.records++;
      if (output.full) await output.ready();
    }
  };

  // Pass 1 (files only): the position of each thread's last value.
  const last = new Map<string, number>();
  if (twice) {
    let position = 0;
    for await (const { value } of read(1)) {
      if (value === SKIPPED) continue; // as pass 2 counts positions
      const thread = _thread(value);
      if (thread !== undefined) last.set(thread, position);
      position++;
    }
  }
  // Pass 2: each thread converted once its last value is read (with stdin: at the end).
  const held = new Map<string, unknown[]>();
  let position = 0;
  for await (const { value, file, line } of read(2)) {
    if (value === SKIPPED) {
      totals.skipped++;
      continue;
    }
    const thread = _thread(value);
    const at = position++;
    if (thread === undefined) {
      totals.noThread++;
      lost.refused++;
      report(
        { type: 'no_thread', file, line },
        text`${file}:${line}: refused: a value with no thread_id (not a run step or thread message)\n`,
      );
      continue;
    }
    let values = held.get(thread);
    if (values === undefined) held.set(thread, (values = []));
    values.push(value);
    if (twice && last.get(thread) === at) {
      held.delete(thread);
      await flush(thread, values);
    }
  }
  for (const [thread, values] of held) await flush(thread, values);
  held.clear();

  const kinds = [...tally.keys()].sort();
  if (options.json) {
    io.stderr(
      text`${json({ type: 'summary', ...totals, ...lost, parts: Object.fromEntries(kinds.map((kind) => [kind, tally.get(kind)])) })}\n`,
    );
  } else {
    const rows = kinds.map((kind) => {
      const t = tally.get(kind)!;
      return text`  ${label(kind)}: ${t.carried} carried, ${t.dropped} dropped, ${t.transformed} transformed, ${t.refused} refused\n`;
    });
    io.stderr(
      text`${totals.threads} thread(s), ${totals.items} item(s) in ${totals.records} record(s); ${lost.dropped} part(s) dropped, ${lost.refused} refused; ${totals.skipped} value(s) skipped (runs, other events)${totals.empty > 0 ? text`; ${totals.empty} input(s) empty` : ''}\n${Text.join(rows)}`,
    );
  }
  await output.flush();
  if (totals.unreadable > 0) return 2;
  return lost.dropped > 0 || lost.refused > 0 || totals.malformed > 0 || totals.empty > 0 ? 1 : 0;
}
