// The CLI as a whole program on hostile input: the built bin (dist/cli.js, so `npm run build` first) run as a
// child process on files generated into a temporary folder. Each case asserts the exit code, that the summary is
// printed (the audit did not crash), that the files after a bad one are still checked, and that nothing from the
// input reaches the terminal raw. Memory is proved with V8's heap capped (`--max-old-space-size`) on inputs that
// are bigger than the cap, with the CLI's size limit made small (OPENAI_RUN_STEP_GUARDS_MAX_VALUE), never by a
// clock.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, records, runBin, summaryOf, type Run, type RunOptions } from './support/cli.js';

const examples = fileURLToPath(new URL('../examples/cli/', import.meta.url));
const step = JSON.parse(readFileSync(join(examples, 'valid-step.json'), 'utf8')) as Record<string, unknown>;
const MB = 1024 * 1024;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-hostile-'));
  // Checked after each bad file: the audit must reach it.
  writeFileSync(join(dir, 'later.json'), JSON.stringify({ ...step, status: 'done' }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface RunIn extends Omit<RunOptions, 'cwd'> {
  cwd?: string;
}

/** Runs the bin, in the test's folder unless told otherwise. */
const run = (args: string[], { cwd, ...options }: RunIn = {}): Run => runBin(args, { cwd: cwd ?? dir, ...options });

/** Runs the bin, counting its output's lines and bytes instead of keeping them (for floods of findings). */
function count(args: string[], { heap, maxValue }: Omit<RunOptions, 'cwd'> = {}) {
  const env = { ...process.env, OPENAI_RUN_STEP_GUARDS_MAX_VALUE: String(maxValue ?? 256 * MB) };
  const node = heap === undefined ? [] : [`--max-old-space-size=${heap}`];
  const child = spawn(process.execPath, [...node, bin, ...args], { cwd: dir, env });
  let lines = 0;
  let bytes = 0;
  let tail = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    bytes += chunk.length;
    for (let at = chunk.indexOf('\n'); at !== -1; at = chunk.indexOf('\n', at + 1)) lines++;
    tail = (tail + chunk).slice(-2000);
  });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise<{ code: number | null; lines: number; bytes: number; tail: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, lines, bytes, tail, stderr })),
  );
}

/** Writes a file into the temporary folder; returns its name. */
function file(name: string, content: string | Buffer): string {
  writeFileSync(join(dir, name), content);
  return name;
}

/** Writes `size` bytes made by `piece` repeated (a megabyte at a time), after `start`; returns the name. */
function big(name: string, start: string, piece: string, size: number, end = ''): string {
  const fd = openSync(join(dir, name), 'w');
  writeSync(fd, start);
  const block = piece.repeat(Math.ceil(MB / piece.length));
  for (let written = 0; written < size; written += block.length) writeSync(fd, block);
  writeSync(fd, end);
  closeSync(fd);
  return name;
}

/** C0 (but the newline, and the tab the report does not use), DEL and C1: none may reach the terminal raw. */
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

function expectClean({ stdout, stderr }: Run): void {
  for (const output of [stdout, stderr]) {
    expect(output).not.toMatch(RAW_CONTROL);
    expect(output).not.toContain('\r');
    expect(output).not.toContain('\x1b');
  }
}

const SUMMARY = /^\d+ objects? in \d+ inputs?: \d+ valid, \d+ invalid, \d+ malformed/m;
const invalidStep = () => JSON.stringify({ ...step, status: 'done' });

describe('size: every input kind holds at most one value, line or frame, under a limit', () => {
  const later = () => 'later.json';

  it('NDJSON: a line longer than the limit is reported and dropped; the file after it is still checked', () => {
    // 24 MB without a line end, V8's heap capped at 16 MB: held whole, it cannot fit.
    const name = big('long-line.ndjson', '{}\n', 'x', 24 * MB, '\n{"object":"thread.run.step.delta"}\n');
    const result = run(['check', name, later()], { heap: 16, maxValue: MB });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('long-line.ndjson:2: malformed: broken NDJSON line: over 1 MB, not checked\n');
    expect(result.stdout).toContain('long-line.ndjson:3: run step delta: ');
    expect(result.stdout).toContain(`later.json:1: run step ${step.id}: 1 issue`);
    expect(result.stdout).toContain('3 objects in 2 inputs: 0 valid, 3 invalid, 1 malformed\n');
  }, 60_000);

  it('SSE: a frame of many data lines over the limit is reported and dropped; the next frame is checked', () => {
    const frame = `event: thread.run.step.delta\n${`data: ${'y'.repeat(1000)}\n`.repeat(1024)}`;
    const name = big('big-frame.sse', '', frame, 24 * MB, '\nevent: thread.run.step.delta\ndata: {}\n\n');
    const result = run(['check', name, later()], { heap: 16, maxValue: MB });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('big-frame.sse:1: malformed: bad SSE frame: over 1 MB, not checked\n');
    expect(result.stdout).toMatch(/big-frame\.sse:\d+: stream event thread\.run\.step\.delta: \d+ issues/);
    expect(result.stdout).toContain('later.json:1: run step');
    expect(result.stdout).toMatch(SUMMARY);
  }, 60_000);

  it('blank input: 32 MB of line ends and spaces is read in one pass and never held; no run steps found', () => {
    const name = big('blank.json', '', ' \r\n\t\n', 32 * MB);
    const result = run(['check', name, later()], { heap: 16 });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('blank.json: no run steps found\n');
    expect(result.stdout).toContain('later.json:1: run step');
    expect(result.stdout).toContain('1 object in 2 inputs: 0 valid, 1 invalid, 0 malformed, 1 empty\n');
  }, 60_000);

  it('JSON and arrays: a value whose brackets never close is dropped at the limit', () => {
    const name = big('open.json', '[\n{"a": [', '1,', 8 * MB);
    const result = run(['check', name], { heap: 16, maxValue: MB });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('open.json:2 [0]: malformed: bad JSON: a value over 1 MB');
    expect(result.stdout).toMatch(SUMMARY);
  }, 60_000);
});

describe('findings are written as they are found: memory does not grow with the report', () => {
  it('a list response of 300,000 items that are not run steps: 600,000 lines of report under a 16 MB heap', async () => {
    const items = Array.from({ length: 300_000 }, () => '1').join(',');
    file('many-items.json', `{"object":"list","data":[${items}],"first_id":null,"last_id":null,"has_more":false}`);
    const result = await count(['check', 'many-items.json'], { heap: 16 });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.lines).toBeGreaterThan(600_000);
    expect(result.tail).toContain('300001 objects in 1 input: 1 valid, 300000 invalid, 0 malformed\n');
  }, 60_000);

  it('a megabyte of {} lines: 350,000 findings from one chunk of input, under a 16 MB heap, in text and JSON', async () => {
    big('empties.ndjson', '', '{}\n', MB);
    for (const json of [false, true]) {
      const result = await count(['check', ...(json ? ['--json'] : []), 'empties.ndjson'], { heap: 16 });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(1);
      expect(result.lines).toBeGreaterThan(349_000);
      expect(result.tail).toMatch(json ? /"type":"summary"/ : /objects in 1 input: 0 valid, \d+ invalid/);
    }
  }, 60_000);
});

describe('arguments', () => {
  it('after --, every argument is a file: a file named -v, --help or -h is checked, not obeyed', () => {
    file('-v', invalidStep());
    file('--help', JSON.stringify(step));
    file('-h', JSON.stringify(step));
    const result = run(['check', '--', '-v', '--help', '-h']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`-v:1: run step ${step.id}: 1 issue`);
    expect(result.stdout).toContain('3 objects in 3 inputs: 2 valid, 1 invalid, 0 malformed\n');
    // Before --, they are options still.
    expect(run(['check', '-v']).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('"-" is stdin, also after --; ./- is a file named -', () => {
    file('-', invalidStep());
    const stdin = run(['check', '--', '-'], { input: JSON.stringify(step) });
    expect(stdin.code).toBe(0);
    expect(stdin.stdout).toContain('\n1 object in 1 input: 1 valid, 0 invalid, 0 malformed\n');
    const named = run(['check', './-']);
    expect(named.code).toBe(1);
    expect(named.stdout).toContain('./-:1: run step');
  });

  it('a file name that is not valid UTF-8 is read, and shown with \\xNN for its stray byte', () => {
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/bad`), Buffer.from([0xff]), Buffer.from('.json')]), invalidStep());
    const result = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${bin}" check "$(printf 'bad\\377.json')"`], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`bad\\xff.json:1: run step ${step.id}: 1 issue`);
  });
});

describe('empty inputs: no run steps found, exit 1, unless --allow-empty', () => {
  it.each([
    ['an empty file', ''],
    ['an empty array', '[]'],
    ['an empty list response', '{"object":"list","data":[],"first_id":null,"last_id":null,"has_more":false}'],
    ['only events that hold no run step', 'event: thread.message.delta\ndata: {}\n\nevent: done\ndata: [DONE]\n\n'],
  ])('%s', (_name, content) => {
    const name = file('empty-case.txt', content);
    const result = run(['check', name]);
    const list = content.includes('"list"');
    if (list) {
      // A list is an object (its envelope is checked): not empty, though it holds no step.
      expect(result.code).toBe(0);
      return;
    }
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('empty-case.txt: no run steps found\n');
    expect(result.stdout).toContain(', 1 empty\n');
    const allowed = run(['check', '--allow-empty', name]);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).not.toContain('no run steps found');
  });

  it('stdin closed, or empty', () => {
    const closed = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${bin}" check - <&-`], { encoding: 'utf8' });
    expect(closed.status).toBe(1);
    expect(closed.stdout).toContain('(stdin): no run steps found\n');
    expect(run(['check', '-'], { input: '' }).code).toBe(1);
    expect(run(['check', '--allow-empty', '-'], { input: '' }).code).toBe(0);
  });
});

describe('stdout errors', () => {
  it('a full disk (> /dev/full): exit 2 and one line on stderr, whatever was found', () => {
    const valid = file('valid.json', JSON.stringify(step));
    for (const args of [['check', valid], ['check', '--json', valid], ['--help']]) {
      const full = openSync('/dev/full', 'w');
      const result = spawnSync(process.execPath, [bin, ...args], {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', full, 'pipe'],
      });
      closeSync(full);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(
        'openai-run-step-guards: cannot write the report: ENOSPC: no space left on device, write\n',
      );
    }
  });

  it('a reader that goes away (| head): quiet, with the exit code of what was found so far', async () => {
    big('many.ndjson', '', '{}\n', MB);
    const child = spawn(process.execPath, [bin, 'check', 'many.ndjson'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  }, 60_000);
});

describe('what reaches the terminal: every control character is escaped', () => {
  const ESC = '\x1b';
  // Every field the report prints, each with a control sequence: ESC]0; retitles a window, ESC[2J clears it, a CR
  // rewinds the line, a newline forges one, CSI (U+009B) is ESC[ in one character, U+202E turns text around.
  const evil = `${ESC}]0;pwned\x07${ESC}[2J\rforged\nline\x9b31m\u202e`;
  const lines = [
    JSON.stringify({ ...step, id: evil, status: 'done' }), // an id in a finding's header
    JSON.stringify({ ...step, status: evil }), // a status: a summary row
    JSON.stringify({ ...step, step_details: { type: 'tool_calls', tool_calls: [{ id: 'c', type: evil }] } }),
    JSON.stringify({ object: 'thread.run.step.delta', id: evil, delta: 7 }), // a delta's id
    JSON.stringify({ event: 'thread.run.step.created', data: { id: evil } }), // an event's step id
    JSON.stringify({ event: `thread.message${evil}`, data: {} }), // a skipped event: the summary's list
    JSON.stringify({ [evil]: 1, [`a${evil}`]: 2 }), // keys of an unrecognised object
    JSON.stringify({ object: evil }), // an unrecognised object's `object`
    `{"id": "${ESC}[2J\x9b"`, // JSON.parse's message quotes the input
    JSON.stringify({ ...step, metadata: { [evil]: 'x'.repeat(600) } }), // a key in an issue path
    JSON.stringify({ ...step, [evil]: 1, status: 'done' }),
  ];
  const sse = [
    `event: thread.message${evil.replace(/[\r\n]/g, '')}\ndata: {}\n`, // raw control characters in an event name
    `event: thread.run.step.delta\ndata: {"id": "${ESC}]0;x\x07", "object": 1}\n`,
    `${ESC}[2Jbad: field\n`, // an unknown field
    `event: thread.run.step.delta\ndata: {${ESC}[2J}\n`,
    '',
  ].join('\n');

  it.each([false, true])('in every printed field, and in file names (--json: %s)', (json) => {
    const names = [
      file('hostile.ndjson', `${lines.join('\n')}\n`),
      file('hostile.sse', sse),
      file(`name${ESC}]0;x\x07\rforged.json`, JSON.stringify({ ...step, status: 'done' })),
      file(`new\nline.json`, 'not json\n'),
      `missing${ESC}[2J\x9b.json`,
      file('scalars.json', `[1, "${ESC}[2J\x9b\u202e", \x9b]`),
    ];
    const result = run(['check', ...(json ? ['--json'] : []), ...names]);
    expectClean(result);
    expect(result.code).toBe(2); // the missing file
    if (json) {
      const lines = records(result.stdout);
      // The same values, escaped in JSON's own way: nothing lost.
      expect(lines.some((record) => record['id'] === evil)).toBe(true);
      expect(lines.some((record) => record['file'] === `name${ESC}]0;x\x07\rforged.json`)).toBe(true);
      const summary = lines.at(-1)!;
      expect(summary['type']).toBe('summary');
      expect(summary['statuses']).toHaveProperty([evil]);
      expect(summary['toolCallTypes']).toHaveProperty([evil]);
      return;
    }
    expect(result.stdout).toContain('\\u001b]0;pwned\\u0007\\u001b[2J\\u000dforged\\u000aline\\u009b31m\\u202e');
    expect(result.stdout).toContain('name\\u001b]0;x\\u0007\\u000dforged.json:1: run step');
    expect(result.stdout).toContain('new\\u000aline.json:1: malformed: not JSON');
    expect(result.stderr).toContain('missing\\u001b[2J\\u009b.json: cannot read: no such file');
    expect(result.stdout).toMatch(SUMMARY);
    // Input names in the summary are quoted when they are not plain words, so they cannot pass for the report's own.
    expect(result.stdout).toMatch(/^ {2}"\\u001b\]0;pwned.*" +0 +1$/m);
  });

  it('the summary has a row for __proto__, constructor and toString, and the --json summary has them as own keys', () => {
    const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    const content = names
      .flatMap((name) => [
        JSON.stringify({
          ...step,
          status: name,
          step_details: { type: 'tool_calls', tool_calls: [{ id: 'c', type: name }] },
        }),
        JSON.stringify({ event: name, data: {} }),
      ])
      .join('\n');
    const name = file('prototype.ndjson', `${content}\n`);
    const text = run(['check', name]);
    expect(text.code).toBe(1);
    for (const key of names) {
      expect(text.stdout.match(new RegExp(`^ {2}${key} +0 +1$`, 'gm'))).toHaveLength(2); // status, tool call type
    }
    expect(text.stdout).toContain('4 skipped (1 __proto__, 1 constructor, 1 toString, 1 hasOwnProperty)');
    const json = run(['check', '--json', name]);
    const summary = summaryOf<Record<string, Record<string, unknown>>>(json.stdout);
    for (const key of names) {
      expect(Object.prototype.hasOwnProperty.call(summary['statuses'], key)).toBe(true);
      expect(Object.getOwnPropertyDescriptor(summary['statuses'], key)!.value).toEqual({ valid: 0, invalid: 1 });
      expect(Object.getOwnPropertyDescriptor(summary['toolCallTypes'], key)!.value).toEqual({ valid: 0, invalid: 1 });
      expect(Object.getOwnPropertyDescriptor(summary['skippedEvents'], key)!.value).toBe(1);
    }
    expect(summary['objects']).toEqual({ valid: 0, invalid: 4 });
  });

  it('a thousand names at most per table; the rest are counted as (other)', () => {
    const content = Array.from({ length: 1100 }, (_, i) => JSON.stringify({ ...step, status: `s${i}` })).join('\n');
    const result = run(['check', file('statuses.ndjson', content)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ {2}s999 +0 +1$/m);
    expect(result.stdout).not.toMatch(/^ {2}s1000 /m);
    expect(result.stdout).toMatch(/^ {2}\(other\) +0 +100$/m);
  });
});

describe('encodings, line ends and garbage', () => {
  const ndjson = `${JSON.stringify(step)}\n${invalidStep()}\n`;

  it('a BOM, CRLF, CR and LF line ends, mixed: the same findings at the same lines', () => {
    const mixed = `\ufeff${JSON.stringify(step)}\r\n\r${invalidStep()}\n`;
    const result = run(['check', file('mixed.ndjson', mixed)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`mixed.ndjson:3: run step ${step.id}: 1 issue`);
    expect(result.stdout).toContain('2 objects in 1 input: 1 valid, 1 invalid, 0 malformed\n');
  });

  it('SSE with CR-only line ends', () => {
    const data = (value: unknown) => `data: ${JSON.stringify(value)}`;
    const sse = ['event: thread.run.step.created', data(step), '', 'event: done', 'data: [DONE]', '', ''].join('\r');
    const result = run(['check', file('cr.sse', sse)]);
    expect(result.stdout).toMatch(/^ {2}stream event +1 +0\n/m);
    expect(result.stdout).toContain('\n1 object in 1 input: 1 valid, 0 invalid, 0 malformed, 1 skipped (1 done)\n');
    expect(result.code).toBe(0);
  });

  it('UTF-16 with a byte order mark (little and big endian) is decoded', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ndjson, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const name of [file('utf16le.ndjson', le), file('utf16be.ndjson', be)]) {
      const result = run(['check', name]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`${name}:2: run step ${step.id}: 1 issue`);
      expect(result.stdout).toContain('2 objects in 1 input: 1 valid, 1 invalid, 0 malformed\n');
    }
  });

  it('UTF-16 without a byte order mark is not guessed: malformed, escaped, exit 1', () => {
    const result = run(['check', file('utf16-nobom.ndjson', Buffer.from(ndjson, 'utf16le')), 'later.json']);
    expectClean(result);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('utf16-nobom.ndjson:1: malformed: ');
    expect(result.stdout).toContain('later.json:1: run step');
    expect(result.stdout).toMatch(SUMMARY);
  });

  it('binary garbage: malformed, escaped, and the next file is still checked', () => {
    const bytes = Buffer.alloc(256 * 1024);
    let seed = 42;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    for (const start of ['', '{', '[', 'data: ']) {
      const name = file('garbage.bin', Buffer.concat([Buffer.from(start), bytes]));
      const result = run(['check', name, 'later.json']);
      expectClean(result);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('later.json:1: run step');
      expect(result.stdout).toMatch(SUMMARY);
    }
  });

  it('[A,,B] gives one message, and B is still checked', () => {
    const result = run(['check', file('holes.json', `[${JSON.stringify(step)},,${invalidStep()}]`)]);
    expect(result.code).toBe(1);
    expect(result.stdout.match(/malformed/g)).toHaveLength(2); // the message, and the summary's count
    expect(result.stdout).toContain('holes.json:1 [1]: malformed: bad JSON: an array element is missing');
    expect(result.stdout).toContain(`holes.json:1 [2]: run step ${step.id}: 1 issue`);
  });
});
