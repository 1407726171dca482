// `openai-run-step-guards check [--json] [--azure] [--max-issues N] [files...|-]`: audits stored run steps. Node only
// (the library itself stays runtime-agnostic); built by rollup to dist/cli.js, the package's `bin`.
//
// Exit codes: 0 when every object is valid; 1 when an object is invalid or a piece of input is malformed;
// 2 for a usage error, or when an input cannot be read (the other inputs are still checked and reported).
import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { InputSplitter, MAX_VALUE, type Unit } from './input.js';
import { Output, type Sink } from './output.js';
import { recognise, skippedEvent, type Options as CheckOptions } from './recognise.js';
import { Reporter, type Place } from './report.js';
import { Text, text } from './text.js';

const USAGE: Text = text`Usage: openai-run-step-guards check [--json] [--azure] [--max-issues N] [files...|-]

Checks stored OpenAI Assistants run steps: JSON documents, JSON arrays, list responses, NDJSON and
server-sent events (as recorded from a stream), read from files, or from stdin with "-" (or no file).
Each run step, historical step, delta, stream event and list item is recognised and validated.

Options:
  --json            JSON lines: one record per finding, then a summary record
  --azure           also accept Azure AI Foundry Agents run steps (openai-run-step-guards/azure)
  --max-issues N    report at most N issues per object (default 100)
  -h, --help        show this help
  -v, --version     show the version

Exit codes: 0 all valid, 1 something invalid or malformed, 2 usage error or unreadable input.
`;

/** Progress shows on a terminal for inputs above this size (and for stdin). */
const PROGRESS_BYTES = 16 * 1024 * 1024;
const PROGRESS_EVERY_MS = 250;
/** The size limit for one value, line or frame, in characters; the tests set a small one. */
const MAX_VALUE_VARIABLE = 'OPENAI_RUN_STEP_GUARDS_MAX_VALUE';

class UsageError extends Error {}

interface Options {
  json: boolean;
  azure: boolean;
  maxIssues: number;
  maxValue: number;
  files: string[];
}

function _parseArgs(args: readonly string[]): Options | 'help' | 'version' {
  if (args.includes('-h') || args.includes('--help')) return 'help';
  if (args.includes('-v') || args.includes('--version')) return 'version';
  const [command, ...rest] = args;
  if (command === undefined) throw new UsageError('no command given');
  if (command !== 'check') throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  const options: Options = { json: false, azure: false, maxIssues: 100, maxValue: _maxValue(), files: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--') {
      options.files.push(...rest.slice(i + 1));
      break;
    }
    if (arg === '--json') options.json = true;
    else if (arg === '--azure') options.azure = true;
    else if (arg === '--max-issues' || arg.startsWith('--max-issues=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      const n = Number(value);
      if (value === undefined || !Number.isInteger(n) || n < 1) {
        throw new UsageError(`--max-issues needs a whole number of at least 1, got ${JSON.stringify(value ?? '')}`);
      }
      options.maxIssues = n;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${JSON.stringify(arg)}`);
    else options.files.push(arg);
  }
  if (options.files.length === 0) {
    // No file: read stdin, unless it is a terminal (then nobody is piping anything: say how to use it).
    if (process.stdin.isTTY) throw new UsageError('no file given (use "-" to read stdin)');
    options.files.push('-');
  }
  return options;
}

function _maxValue(): number {
  const value = process.env[MAX_VALUE_VARIABLE];
  if (value === undefined || value === '') return MAX_VALUE;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`${MAX_VALUE_VARIABLE} needs a whole number of at least 1, got ${JSON.stringify(value)}`);
  }
  return n;
}

function _version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** A progress line on stderr, when stderr is a terminal and the input is large. */
class Progress {
  private last = 0;
  private shown = false;
  constructor(
    private readonly name: string,
    private readonly total: number | undefined,
    readonly enabled: boolean,
  ) {}
  update(bytes: number, objects: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < PROGRESS_EVERY_MS) return;
    this.last = now;
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
    const of = this.total === undefined ? '' : ` of ${mb(this.total)} (${((bytes / this.total) * 100).toFixed(0)}%)`;
    _stderr(text`\r\x1b[K${this.name}: ${mb(bytes)}${of}, ${objects.toLocaleString('en')} objects`);
    this.shown = true;
  }
  clear(): void {
    if (this.shown) _stderr(text`\r\x1b[K`);
    this.shown = false;
    this.last = Date.now(); // drawn again at the next tick, after the findings written meanwhile
  }
}

function _stderr(message: Text): void {
  try {
    process.stderr.write(message.value);
  } catch {
    // Nowhere left to say it.
  }
}

/** An input to check: a file (`path`), or stdin (`path` undefined). */
interface Input {
  readonly path: string | undefined;
  readonly name: string;
}

function _message(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** Writes to stdout. When the reader goes away (`| head`), stop quietly, with the exit code of what was found. */
function _stdout(reporter: () => Reporter | undefined): Sink {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    const found = reporter();
    process.exit(found === undefined ? 0 : _exitCode(found));
  });
  return {
    write: (chunk) => process.stdout.write(chunk),
    once: (event, listener) => process.stdout.once(event, listener),
  };
}

/** Checks one input, writing its findings as they are found. */
async function _checkInput(input: Input, options: Options, reporter: Reporter, output: Output): Promise<void> {
  const { summary } = reporter;
  const name = input.name;
  let size: number | undefined;
  if (input.path !== undefined) {
    try {
      const stat = statSync(input.path);
      if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      size = stat.size;
    } catch (error) {
      reporter.unreadable(name, _message(error));
      return;
    }
  }
  summary.files++;
  const stream: Readable =
    input.path === undefined ? process.stdin : createReadStream(input.path, { highWaterMark: 1 << 20 });
  const progress = new Progress(
    name,
    size,
    process.stderr.isTTY === true && (size === undefined || size > PROGRESS_BYTES),
  );
  output.beforeSend = () => progress.clear();
  const check: CheckOptions = { maxIssues: options.maxIssues, azure: options.azure };
  const splitter = new InputSplitter(options.maxValue);
  stream.setEncoding('utf8');
  let bytes = 0;
  /** Reports one unit, waiting for stdout when it is full. */
  const take = async (unit: Unit): Promise<void> => {
    const place: Place = { file: name, line: unit.line, index: 'index' in unit ? unit.index : undefined };
    if (unit.type === 'malformed') reporter.malformed(place, unit.message);
    else if (unit.type === 'skipped') reporter.skipped(unit.what);
    else {
      const skipped = skippedEvent(unit.value, unit.type === 'event');
      if (skipped !== undefined) reporter.skipped(skipped);
      else {
        for (const verdict of recognise(unit.value, '', check, unit.type === 'event')) {
          reporter.verdict(place, verdict);
          // A list of a million items gives a million verdicts: wait for stdout between any two of them.
          if (output.full) await output.ready();
        }
      }
    }
    if (output.full) await output.ready();
  };
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      if (progress.enabled) bytes += Buffer.byteLength(chunk);
      for (const unit of splitter.write(chunk)) await take(unit);
      await output.flush();
      progress.update(bytes, summary.objects.valid + summary.objects.invalid);
    }
    for (const unit of splitter.end()) await take(unit);
  } catch (error) {
    // A read error (permission, I/O) makes the input unreadable; anything else is a bug, and must show as one.
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw error;
    reporter.unreadable(name, _message(error));
    progress.clear();
    await output.flush();
    return;
  } finally {
    progress.clear();
    output.beforeSend = undefined;
    if (input.path !== undefined) stream.destroy();
  }
  await output.flush();
}

async function main(args: readonly string[]): Promise<number> {
  let reporter: Reporter | undefined;
  const sink = _stdout(() => reporter);
  let options: ReturnType<typeof _parseArgs>;
  try {
    options = _parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    _stderr(text`openai-run-step-guards: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  const output = new Output(sink);
  if (options === 'help' || options === 'version') {
    output.write(options === 'help' ? USAGE : text`${_version()}\n`);
    await output.flush();
    return 0;
  }
  reporter = new Reporter(options.json, (piece) => output.write(piece), _stderr);
  for (const path of options.files) {
    const input = path === '-' ? { path: undefined, name: '(stdin)' } : { path, name: path };
    await _checkInput(input, options, reporter, output);
  }
  reporter.finish();
  await output.flush();
  return _exitCode(reporter);
}

function _exitCode({ summary }: Reporter): number {
  if (summary.unreadable > 0) return 2;
  return summary.objects.invalid > 0 || summary.malformed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    const lines = message.split('\n').map((line) => text`${line}`);
    _stderr(text`openai-run-step-guards: unexpected error: ${Text.join(lines, text`\n`)}\n`);
    process.exitCode = 2;
  },
);
