// `openai-run-step-guards check [--json] [--azure] [--max-issues N] [files...|-]`: audits stored run steps. Node only
// (the library itself stays runtime-agnostic); built by rollup to dist/cli.js, the package's `bin`.
//
// Exit codes: 0 when every object is valid; 1 when an object is invalid or a piece of input is malformed;
// 2 for a usage error, or when an input cannot be read (the other inputs are still checked and reported).
import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { InputSplitter, MAX_VALUE, type Unit } from './input.js';
import { recognise } from './recognise.js';
import { Reporter, type Place } from './report.js';

const USAGE = `Usage: openai-run-step-guards check [--json] [--azure] [--max-issues N] [files...|-]

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
      const text = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      const n = Number(text);
      if (text === undefined || !Number.isInteger(n) || n < 1) {
        throw new UsageError(`--max-issues needs a whole number of at least 1, got ${JSON.stringify(text ?? '')}`);
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

/** Writes to stdout, waiting when its buffer is full, so that a flood of findings does not pile up in memory. */
class Output {
  private text = '';
  /** Whether findings wait to be written. */
  get pending(): boolean {
    return this.text !== '';
  }
  write = (text: string): void => {
    this.text += text;
  };
  async flush(): Promise<void> {
    if (this.text === '') return;
    const text = this.text;
    this.text = '';
    if (!process.stdout.write(text)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
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
    process.stderr.write(`\r\x1b[K${this.name}: ${mb(bytes)}${of}, ${objects.toLocaleString('en')} objects`);
    this.shown = true;
  }
  clear(): void {
    if (this.shown) process.stderr.write('\r\x1b[K');
    this.shown = false;
    this.last = Date.now(); // drawn again at the next tick, after the findings written meanwhile
  }
}

async function _checkInput(file: string, options: Options, reporter: Reporter, output: Output): Promise<void> {
  const name = file === '-' ? '(stdin)' : file;
  let size: number | undefined;
  if (file !== '-') {
    try {
      const stat = statSync(file);
      if (stat.isDirectory()) throw new Error('is a directory');
      size = stat.size;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      reporter.unreadable(name, code === 'ENOENT' ? 'no such file' : (error as Error).message);
      return;
    }
  }
  reporter.summary.files++;
  const stream: Readable = file === '-' ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
  stream.setEncoding('utf8');
  const progress = new Progress(
    name,
    size,
    process.stderr.isTTY === true && (size === undefined || size > PROGRESS_BYTES),
  );
  const validate = { maxIssues: options.maxIssues, azure: options.azure };
  const onUnit = (unit: Unit) => {
    const place: Place = { file: name, line: unit.line, index: 'index' in unit ? unit.index : undefined };
    if (unit.type === 'malformed') reporter.malformed(place, unit.message);
    else if (unit.type === 'skipped') reporter.skipped(unit.what);
    else {
      const verdict = (v: Parameters<Reporter['verdict']>[1]) => reporter.verdict(place, v);
      if (!recognise(unit.value, '', validate, verdict, unit.type === 'event')) {
        const event = (unit.value as { event?: unknown }).event;
        reporter.skipped(String(event));
      }
    }
  };
  const splitter = new InputSplitter(options.maxValue);
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      if (progress.enabled) bytes += Buffer.byteLength(chunk);
      for (const unit of splitter.write(chunk)) onUnit(unit);
      // Findings go to stdout, often the same terminal: the progress line is cleared first, then drawn again.
      if (output.pending) progress.clear();
      await output.flush();
      progress.update(bytes, reporter.summary.objects.valid + reporter.summary.objects.invalid);
    }
    for (const unit of splitter.end()) onUnit(unit);
  } catch (error) {
    // A read error (permission, I/O) makes the input unreadable; anything else is a bug, and must show as one.
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw error;
    reporter.unreadable(name, code === 'EACCES' ? 'permission denied' : (error as Error).message);
  } finally {
    progress.clear();
  }
  await output.flush();
}

async function main(args: readonly string[]): Promise<number> {
  let options: ReturnType<typeof _parseArgs>;
  try {
    options = _parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`openai-run-step-guards: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (options === 'version') {
    process.stdout.write(`${_version()}\n`);
    return 0;
  }
  const output = new Output();
  const reporter = new Reporter(options.json, output.write, (text) => process.stderr.write(text));
  // When the reader goes away (`| head`), stop quietly, with the exit code of what was found so far.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(_exitCode(reporter));
  });
  for (const file of options.files) await _checkInput(file, options, reporter, output);
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
    process.stderr.write(
      `openai-run-step-guards: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
