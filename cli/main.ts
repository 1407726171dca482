// `openai-run-step-guards check [options] [--] [files or folders...|-]`: audits stored run steps. Node only (the
// library itself stays runtime-agnostic); built by rollup to dist/cli.js, the package's `bin`.
//
// Exit codes: 0 when every object is valid; 1 when an object is invalid, a piece of input is malformed, or an input
// holds no run step (unless --allow-empty); 2 for a usage error, when an input cannot be read (the other inputs are
// still checked and reported), or when the report cannot be written.
import { readFileSync, readdirSync, statSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { CONVERT_USAGE, convert } from './convert.js';
import { InputSplitter, MAX_VALUE, type Unit } from './input.js';
import { Output, type Sink } from './output.js';
import { recognise, skippedEvent, type Options as CheckOptions } from './recognise.js';
import { Reporter, type Place } from './report.js';
import { Text, fromBytes, text } from './text.js';

const USAGE: Text = text`Usage: openai-run-step-guards check [--json] [--azure] [--allow-empty] [--max-issues N] [--] [files or folders...|-]

Checks stored OpenAI Assistants run steps: JSON documents, JSON arrays, list responses, NDJSON and
server-sent events (as recorded from a stream), plain or gzipped, read from files, from every .json, .jsonl,
.ndjson, .sse and .txt (SSE) file in a folder and its subfolders (each also as .gz), or from stdin with "-"
(or no file). Each run step, historical step, delta, stream event and list item is recognised and validated.

Options:
  --json            JSON lines: one record per finding, then a summary record
  --azure           also accept Azure AI Foundry Agents run steps (openai-run-step-guards/azure)
  --allow-empty     an input that holds no run step is fine (by default it is reported, and fails)
  --max-issues N    list at most N issues per object (default 100); the report says how many were left out
  --                the arguments after it are files, even when they start with "-"
  -h, --help        show this help
  -v, --version     show the version

Exit codes: 0 all valid, 1 something invalid or malformed or no run step found, 2 usage error,
unreadable input, or the report could not be written.

openai-run-step-guards convert --help: the other command, which carries run steps into Responses /
Conversations input items.
`;

/** Progress shows on a terminal for inputs above this size (and for stdin). */
const PROGRESS_BYTES = 16 * 1024 * 1024;
const PROGRESS_EVERY_MS = 250;
/** The bytes read from a file, or made by gunzip, at a time. */
const READ_CHUNK = 256 * 1024;
/** Issues counted per object, beyond those listed, so that the report can say how many it left out. */
const COUNT_ISSUES = 1000;
/** The size limit for one value, line or frame, in characters; the tests set a small one. */
const MAX_VALUE_VARIABLE = 'OPENAI_RUN_STEP_GUARDS_MAX_VALUE';
/** Files a folder is searched for (each also gzipped); `.txt` is read only when it holds server-sent events. */
const EXTENSIONS = ['.json', '.jsonl', '.ndjson', '.sse', '.txt'];

class UsageError extends Error {}

/** A file operand: a string, or the bytes of a name that is not valid UTF-8. */
type Path = string | Buffer;

interface Options {
  json: boolean;
  azure: boolean;
  allowEmpty: boolean;
  maxIssues: number;
  maxValue: number;
  files: Path[];
}

/**
 * Options, then files; `-h`, `-v` and the others are options only before `--` (a file named `-v` after `--` is a
 * file), and `-` is stdin.
 */
function _parseArgs(args: readonly Path[]): Options | 'help' | 'version' | 'convert' {
  if (args[0] === 'convert') return 'convert';
  const end = args.indexOf('--');
  const flags = (end === -1 ? args : args.slice(0, end)).filter((arg): arg is string => typeof arg === 'string');
  if (flags.includes('-h') || flags.includes('--help')) return 'help';
  if (flags.includes('-v') || flags.includes('--version')) return 'version';
  const [command, ...rest] = args;
  if (command === undefined) throw new UsageError('no command given');
  if (command !== 'check') throw new UsageError(`unknown command ${JSON.stringify(String(command))}`);
  const options: Options = {
    json: false,
    azure: false,
    allowEmpty: false,
    maxIssues: 100,
    maxValue: _maxValue(),
    files: [],
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (typeof arg !== 'string') {
      options.files.push(arg);
      continue;
    }
    if (arg === '--') {
      options.files.push(...rest.slice(i + 1));
      break;
    }
    if (arg === '--json') options.json = true;
    else if (arg === '--azure') options.azure = true;
    else if (arg === '--allow-empty') options.allowEmpty = true;
    else if (arg === '--max-issues' || arg.startsWith('--max-issues=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
      if (!Number.isSafeInteger(n) || n < 1) {
        throw new UsageError(
          `--max-issues needs a whole number of at least 1, got ${JSON.stringify(String(value ?? ''))}`,
        );
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

/**
 * The arguments, with the bytes of each that is not valid UTF-8 (Node decodes argv lossily, so such a file name
 * would name no file): read from /proc/self/cmdline where there is one, else left as they are.
 */
function _rawArgs(args: readonly string[]): Path[] {
  if (!args.some((arg) => arg.includes('\ufffd'))) return [...args];
  try {
    const raw = readFileSync('/proc/self/cmdline');
    const parts: Buffer[] = [];
    let from = 0;
    for (let at = raw.indexOf(0); at !== -1; at = raw.indexOf(0, from)) {
      parts.push(raw.subarray(from, at));
      from = at + 1;
    }
    const tail = parts.slice(parts.length - args.length);
    if (tail.length !== args.length || tail.some((bytes, i) => bytes.toString('utf8') !== args[i])) return [...args];
    return tail.map((bytes, i) => (args[i]!.includes('\ufffd') ? Buffer.from(bytes) : args[i]!));
  } catch {
    return [...args];
  }
}

function _version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** A name as the report shows it: a name that is not valid UTF-8 with `\xNN` for its stray bytes. */
function _name(path: Path): string {
  return typeof path === 'string' ? path : fromBytes(path);
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

/**
 * A file's bytes, 256 KB at a time, read into two buffers in turn (the next chunk is read while the last one is
 * checked): each chunk is valid until the one after it is asked for. A new buffer per chunk, and the text of a
 * chunk of a megabyte or more (which Node keeps as an external string), are memory outside V8's heap, freed only
 * when the heap is collected, which a small heap seldom is: tens of megabytes more at the peak.
 */
async function* _readFile(path: Path): AsyncGenerator<Buffer, void, undefined> {
  const handle = await open(path, 'r');
  const buffers: Buffer[] = [Buffer.allocUnsafe(READ_CHUNK), Buffer.allocUnsafe(READ_CHUNK)];
  let turn = 0;
  let reading = handle.read(buffers[0]!, 0, READ_CHUNK, null);
  try {
    for (;;) {
      const { bytesRead } = await reading;
      if (bytesRead === 0) return;
      const buffer = buffers[turn]!;
      turn ^= 1;
      reading = handle.read(buffers[turn]!, 0, READ_CHUNK, null);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await reading.catch(() => undefined); // a read still going on must end before the file is closed
    await handle.close();
  }
}

/** Each chunk copied, for a reader that keeps chunks while it asks for the next (a pipe). */
async function* _copies(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer, void, undefined> {
  for await (const chunk of source) yield Buffer.from(chunk);
}

/**
 * The first `n` bytes of a stream (fewer when it is shorter), and the whole stream again; stopping the second
 * stops the first (a file is closed).
 */
async function _peek(
  source: AsyncIterable<Buffer>,
  n: number,
): Promise<{ head: Buffer; bytes: AsyncIterable<Buffer> }> {
  const iterator = source[Symbol.asyncIterator]();
  const read: Buffer[] = [];
  let size = 0;
  while (size < n) {
    const next = await iterator.next();
    if (next.done === true) break;
    read.push(Buffer.from(next.value)); // kept while the next chunk is read
    size += next.value.length;
  }
  const head = Buffer.concat(read).subarray(0, n);
  async function* bytes() {
    try {
      yield* read;
      read.length = 0;
      for (;;) {
        const next = await iterator.next();
        if (next.done === true) return;
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
  return { head, bytes: bytes() };
}

/**
 * The text of an input: gzip is told by its magic bytes and decompressed as it is read; UTF-16 is told by its
 * byte order mark; anything else is read as UTF-8 (a stray byte becomes U+FFFD, and shows in the report).
 */
async function* _text(source: AsyncIterable<Buffer>): AsyncGenerator<string, void, undefined> {
  let { head, bytes } = await _peek(source, 2);
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const gunzip = createGunzip({ chunkSize: READ_CHUNK });
    pipeline(Readable.from(_copies(bytes)), gunzip, () => {}); // an error reaches the reader through `gunzip`
    ({ head, bytes } = await _peek(gunzip, 2));
  }
  const encoding =
    head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : 'utf-8';
  const decoder = new TextDecoder(encoding); // drops the byte order mark
  for await (const chunk of bytes) {
    const decoded = decoder.decode(chunk, { stream: true });
    if (decoded !== '') yield decoded;
  }
  const last = decoder.decode();
  if (last !== '') yield last;
}

/** An input to check: a file (`path`), or stdin (`path` undefined). */
interface Input {
  readonly path: Path | undefined;
  readonly name: string;
  /** From a folder, by the name `.txt`: read only if it holds server-sent events. */
  readonly sseOnly: boolean;
}

/** What the walk of a folder finds, in order. */
type Found =
  | { readonly type: 'file'; readonly input: Input }
  | { readonly type: 'error'; readonly name: string; readonly message: string };

/** Whether a folder's file is one to check: by its extension, also under `.gz`; `txt` for a `.txt`. */
function _chosen(name: Buffer): 'yes' | 'txt' | undefined {
  let lower = name.toString('latin1').toLowerCase();
  if (lower.endsWith('.gz')) lower = lower.slice(0, -3);
  const extension = EXTENSIONS.find((ext) => lower.endsWith(ext) && lower.length > ext.length);
  return extension === undefined ? undefined : extension === '.txt' ? 'txt' : 'yes';
}

function _message(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (typeof code === 'string' && code.startsWith('Z_')) return `broken gzip data: ${(error as Error).message}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * The files of a folder and its subfolders to check, depth first, each folder's entries sorted by their bytes (a
 * stable order, whatever the locale). Links are followed; a folder met twice (a link loop) is read once.
 */
function* _walk(root: Buffer, rootStat: Stats): Generator<Found, void, undefined> {
  const seen = new Set<string>([`${rootStat.dev}:${rootStat.ino}`]);
  const slash = Buffer.from('/');
  const stack: { dir: Buffer; names: Buffer[]; next: number }[] = [];
  const open = (dir: Buffer): Found | undefined => {
    try {
      const names = readdirSync(dir, { encoding: 'buffer' }).sort(Buffer.compare);
      stack.push({ dir, names, next: 0 });
      return undefined;
    } catch (error) {
      return { type: 'error', name: fromBytes(dir), message: _message(error) };
    }
  };
  const failed = open(root);
  if (failed !== undefined) yield failed;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next === top.names.length) {
      stack.pop();
      continue;
    }
    const name = top.names[top.next++]!;
    const path = Buffer.concat([top.dir, slash, name]);
    const chosen = _chosen(name);
    let stat: Stats;
    try {
      stat = statSync(path);
    } catch (error) {
      // A link to nothing: an error when it names a file to check, else none of the audit's business.
      if (chosen !== undefined) yield { type: 'error', name: fromBytes(path), message: _message(error) };
      continue;
    }
    if (stat.isDirectory()) {
      const key = `${stat.dev}:${stat.ino}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const error = open(path);
      if (error !== undefined) yield error;
    } else if (stat.isFile() && chosen !== undefined) {
      yield { type: 'file', input: { path, name: fromBytes(path), sseOnly: chosen === 'txt' } };
    }
  }
}

/** The files an operand names, for `convert`: the file itself, or those of a folder (as `check` finds them). */
function* _files(
  path: Path,
): Generator<{ path: Path; name: string } | { error: string; name: string }, void, undefined> {
  const name = _name(path);
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (error) {
    yield { error: _message(error), name };
    return;
  }
  if (!stat.isDirectory()) {
    yield { path, name };
    return;
  }
  let root = typeof path === 'string' ? Buffer.from(path) : path;
  while (root.length > 1 && root[root.length - 1] === 0x2f) root = root.subarray(0, -1);
  for (const found of _walk(root, stat)) {
    yield found.type === 'error'
      ? { error: found.message, name: found.name }
      : { path: found.input.path!, name: found.input.name };
  }
}

/** Writes to stdout; an error writing it (a full disk) ends the process with exit code 2, EPIPE quietly. */
function _stdout(reporter: () => Reporter | undefined): Sink {
  const fail = (error: NodeJS.ErrnoException) => {
    const found = reporter();
    if (error.code === 'EPIPE') process.exit(found === undefined ? 0 : _exitCode(found));
    _stderr(text`openai-run-step-guards: cannot write the report: ${error.message}\n`);
    process.exit(2);
  };
  process.stdout.on('error', fail);
  return {
    write: (chunk) => {
      try {
        return process.stdout.write(chunk);
      } catch (error) {
        fail(error as NodeJS.ErrnoException);
        return false;
      }
    },
    once: (event, listener) => process.stdout.once(event, listener),
  };
}

/**
 * Checks one input, writing its findings as they are found.
 * @returns Whether it was checked (a `.txt` of a folder that holds no server-sent events is not).
 */
async function _checkInput(input: Input, options: Options, reporter: Reporter, output: Output): Promise<boolean> {
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
      return true;
    }
  }
  const source: AsyncIterable<Buffer> = input.path === undefined ? process.stdin : _readFile(input.path);
  const progress = new Progress(
    name,
    size,
    process.stderr.isTTY === true && (size === undefined || size > PROGRESS_BYTES),
  );
  output.beforeSend = () => progress.clear();
  const check: CheckOptions = {
    maxIssues: options.maxIssues,
    countIssues: Math.max(options.maxIssues + 1, COUNT_ISSUES),
    azure: options.azure,
  };
  const splitter = new InputSplitter(options.maxValue);
  const before = { objects: summary.objects.valid + summary.objects.invalid, malformed: summary.malformed };
  let counted = !input.sseOnly;
  if (counted) summary.files++;
  let bytes = 0;
  async function* raw(): AsyncGenerator<Buffer, void, undefined> {
    for await (const chunk of source) {
      bytes += chunk.length;
      yield chunk;
    }
  }
  /** Reports one unit; false when the input turns out not to be one to check. */
  const take = async (unit: Unit): Promise<boolean> => {
    if (!counted) {
      if (splitter.kind !== 'sse') return false;
      counted = true;
      summary.files++;
    }
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
    return true;
  };
  let checked = true;
  try {
    reading: for await (const chunk of _text(raw())) {
      for (const unit of splitter.write(chunk)) {
        if (!(await take(unit))) {
          checked = false;
          break reading;
        }
      }
      if (!counted && splitter.kind !== undefined && splitter.kind !== 'sse') {
        checked = false;
        break;
      }
      await output.flush();
      progress.update(bytes, summary.objects.valid + summary.objects.invalid);
    }
    if (checked) {
      for (const unit of splitter.end()) {
        if (!(await take(unit))) {
          checked = false;
          break;
        }
      }
      if (!counted) checked = false; // blank, or no event in it
    }
  } catch (error) {
    // A read error (permission, I/O, broken gzip data) makes the input unreadable; anything else is a bug, and
    // must show as one.
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw error;
    if (!counted) {
      counted = true;
      summary.files++;
    }
    reporter.unreadable(name, _message(error));
    progress.clear();
    await output.flush();
    return true;
  } finally {
    progress.clear();
    output.beforeSend = undefined;
  }
  if (!checked) return false;
  const objects = summary.objects.valid + summary.objects.invalid;
  if (!options.allowEmpty && objects === before.objects && summary.malformed === before.malformed) reporter.empty(name);
  await output.flush();
  return true;
}

async function main(args: readonly Path[]): Promise<number> {
  let reporter: Reporter | undefined;
  const sink = _stdout(() => reporter);
  process.stderr.on('error', () => {}); // a closed stderr must not stop the audit
  let options: ReturnType<typeof _parseArgs>;
  try {
    options = _parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    _stderr(text`openai-run-step-guards: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  const output = new Output(sink);
  if (options === 'convert') {
    const rest = args.slice(1);
    const end = rest.indexOf('--');
    if ((end === -1 ? rest : rest.slice(0, end)).some((arg) => arg === '-h' || arg === '--help')) {
      output.write(CONVERT_USAGE);
      await output.flush();
      return 0;
    }
    return convert(rest, {
      sink,
      stderr: _stderr,
      read: (path) => _text(path === undefined ? process.stdin : _readFile(path)),
      files: _files,
      message: _message,
      maxValue: _maxValue(),
    });
  }
  if (options === 'help' || options === 'version') {
    output.write(options === 'help' ? USAGE : text`${_version()}\n`);
    await output.flush();
    return 0;
  }
  reporter = new Reporter(options.json, (piece) => output.write(piece), _stderr);
  for (const path of options.files) {
    if (path === '-') {
      await _checkInput({ path: undefined, name: '(stdin)', sseOnly: false }, options, reporter, output);
      continue;
    }
    const name = _name(path);
    let stat: Stats;
    try {
      stat = statSync(path);
    } catch (error) {
      reporter.unreadable(name, _message(error));
      continue;
    }
    if (!stat.isDirectory()) {
      await _checkInput({ path, name, sseOnly: false }, options, reporter, output);
      continue;
    }
    let root = typeof path === 'string' ? Buffer.from(path) : path;
    while (root.length > 1 && root[root.length - 1] === 0x2f) root = root.subarray(0, -1);
    let checked = 0;
    for (const found of _walk(root, stat)) {
      if (found.type === 'error') reporter.unreadable(found.name, found.message);
      else if (await _checkInput(found.input, options, reporter, output)) checked++;
    }
    if (checked === 0 && !options.allowEmpty) {
      reporter.empty(name, 'no run steps found (no .json, .jsonl, .ndjson, .sse or .txt file with events in it)');
    }
  }
  reporter.finish();
  await output.flush();
  return _exitCode(reporter);
}

function _exitCode({ summary }: Reporter): number {
  if (summary.unreadable > 0) return 2;
  return summary.objects.invalid > 0 || summary.malformed > 0 || summary.empty > 0 ? 1 : 0;
}

main(_rawArgs(process.argv.slice(2))).then(
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
