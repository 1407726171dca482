// The CLI on archives as people keep them (issue 17): folders walked recursively, gzip read as a stream, the
// issues left out by --max-issues counted, and tool calls tallied by their own validity. The built bin
// (dist/cli.js, so `npm run build` first) runs as a child process on files generated into a temporary folder.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, createGzip, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, records, runBin, summaryOf, type RunOptions } from './support/cli.js';

const example = (name: string) => readFileSync(fileURLToPath(new URL(`../examples/cli/${name}`, import.meta.url)));
const step = JSON.parse(example('valid-step.json').toString()) as Record<string, unknown>;
const MB = 1024 * 1024;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-archives-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the bin in the test's folder. */
const run = (args: string[], options: Omit<RunOptions, 'cwd'> = {}) => runBin(args, { cwd: dir, ...options });

function write(name: string, content: string | Buffer): string {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), content);
  return name;
}

/** The files the report names, in the order it names them (with --json, one record per finding). */
function files(stdout: string): string[] {
  const names = records<{ file?: string }>(stdout).flatMap((record) =>
    record.file === undefined ? [] : [record.file],
  );
  return [...new Set(names)];
}

const invalid = (status: string) => JSON.stringify({ ...step, status });

describe('folders', () => {
  beforeAll(() => {
    // Each file holds one invalid step (status = its own name), so that the report names every file it read.
    write('archive/b.json', invalid('b.json'));
    write('archive/a.ndjson', `${invalid('a.ndjson')}\n`);
    write('archive/A.jsonl', `${invalid('A.jsonl')}\n`);
    write('archive/sub/c.sse', `event: thread.run.step.completed\ndata: ${invalid('sub/c.sse')}\n\n`);
    write('archive/sub/d.txt', `event: thread.run.step.completed\ndata: ${invalid('sub/d.txt')}\n\n`);
    write('archive/sub/notes.txt', 'not events: a note beside the recordings\n');
    write('archive/sub/e.json.gz', gzipSync(invalid('sub/e.json.gz')));
    write('archive/sub/f.sse.gz', gzipSync(`event: thread.run.step.completed\ndata: ${invalid('sub/f.sse.gz')}\n\n`));
    write('archive/sub/g.txt.gz', gzipSync('just text\n'));
    write('archive/sub/deeper/h.JSON', invalid('sub/deeper/h.JSON'));
    write('archive/README.md', '# not checked\n');
    write('archive/data.csv', 'a,b\n');
    symlinkSync('..', join(dir, 'archive/sub/loop')); // a link loop: read once
    symlinkSync('missing.json', join(dir, 'archive/sub/dangling.json')); // a link to nothing, named as a file to check
    symlinkSync('nowhere', join(dir, 'archive/sub/dangling-other')); // a link to nothing, of no interest
  });

  it('walks a folder recursively, by extension (also .gz; .txt only with events), in byte order', () => {
    const { code, stdout, stderr } = run(['check', '--json', 'archive']);
    expect(code).toBe(2); // the dangling link
    expect(stderr).toBe('openai-run-step-guards: archive/sub/dangling.json: cannot read: no such file\n');
    expect(files(stdout)).toEqual([
      'archive/A.jsonl',
      'archive/a.ndjson',
      'archive/b.json',
      'archive/sub/c.sse',
      'archive/sub/d.txt',
      'archive/sub/dangling.json',
      'archive/sub/deeper/h.JSON',
      'archive/sub/e.json.gz',
      'archive/sub/f.sse.gz',
    ]);
    const summary = summaryOf(stdout);
    expect(summary).toMatchObject({ files: 8, unreadable: 1, empty: 0, objects: { valid: 0, invalid: 8 } });
    // Each file once, the loop not followed: every status once.
    expect(Object.keys(summary['statuses'] as object).sort()).toEqual(
      [
        'A.jsonl',
        'a.ndjson',
        'b.json',
        'sub/c.sse',
        'sub/d.txt',
        'sub/deeper/h.JSON',
        'sub/e.json.gz',
        'sub/f.sse.gz',
      ].sort(),
    );
    // The same order every time, and the same with a slash at the end.
    expect(run(['check', '--json', 'archive/']).stdout).toBe(stdout);
  });

  it('a folder with no file to check is reported as empty; --allow-empty lets it pass', () => {
    write('nothing/readme.md', 'x');
    write('nothing/notes.txt', 'not events\n');
    const { code, stdout } = run(['check', 'nothing']);
    expect(code).toBe(1);
    expect(stdout).toContain(
      'nothing: no run steps found (no .json, .jsonl, .ndjson, .sse or .txt file with events in it)\n',
    );
    expect(run(['check', '--allow-empty', 'nothing']).code).toBe(0);
  });

  it('a file left as soon as it shows no events is closed: 600 of them with 64 file descriptors', () => {
    for (let i = 0; i < 300; i++) {
      write(`many-txt/n${i}.txt`, 'not events\n');
      write(`many-txt/g${i}.txt.gz`, gzipSync('not events\n'));
    }
    write('many-txt/z.json', JSON.stringify(step));
    const result = spawnSync('/bin/sh', ['-c', `ulimit -n 64 && "${process.execPath}" "${bin}" check many-txt`], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('1 object in 1 input: 1 valid, 0 invalid, 0 malformed\n');
  });

  it('a .txt named on the command line is checked whatever it holds', () => {
    const { code, stdout } = run(['check', 'archive/sub/notes.txt']);
    expect(code).toBe(1);
    expect(stdout).toContain('archive/sub/notes.txt:1: malformed: not JSON');
  });
});

describe('gzip', () => {
  it('is told by its magic bytes, in a file of any name and on stdin', () => {
    const gz = gzipSync(example('invalid.ndjson'));
    const plain = run(['check', '-'], { input: example('invalid.ndjson') }).stdout;
    expect(run(['check', '-'], { input: gz }).stdout).toBe(plain);
    write('no-extension', gz);
    expect(run(['check', 'no-extension']).stdout).toBe(plain.replaceAll('(stdin)', 'no-extension'));
    // Several gzip members one after another (as `cat a.gz b.gz` makes them) are one input.
    const two = Buffer.concat([gzipSync(`${JSON.stringify(step)}\n`), gzipSync(`${invalid('second')}\n`)]);
    const both = run(['check', '-'], { input: two });
    expect(both.stdout).toContain('(stdin):2: run step');
    expect(both.stdout).toContain('2 objects in 1 input: 1 valid, 1 invalid, 0 malformed');
  });

  it('broken gzip data makes the input unreadable, named; the next input is still checked', () => {
    const gz = gzipSync(example('valid.ndjson'));
    write('cut.ndjson.gz', gz.subarray(0, gz.length - 12));
    const bad = Buffer.from(gz);
    bad[20] = bad[20]! ^ 0xff;
    write('corrupt.ndjson.gz', bad);
    write('after.json', invalid('after'));
    const { code, stdout, stderr } = run(['check', 'cut.ndjson.gz', 'corrupt.ndjson.gz', 'after.json']);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^openai-run-step-guards: cut\.ndjson\.gz: cannot read: broken gzip data: unexpected end of file\n/,
    );
    expect(stderr).toMatch(/\nopenai-run-step-guards: corrupt\.ndjson\.gz: cannot read: broken gzip data: /);
    expect(stdout).toContain('after.json:1: run step');
    expect(stdout).toMatch(/objects in 3 inputs: .*, 2 unreadable\n$/);
  });

  it('is decompressed as it is read: 48 MB of NDJSON, and a 48 MB line, gzipped, under a 16 MB heap', async () => {
    const gzip = (name: string, make: (write: (text: string) => void) => void) =>
      new Promise<void>((resolve) => {
        const fd = openSync(join(dir, name), 'w');
        const stream = createGzip({ level: constants.Z_BEST_SPEED });
        stream.on('data', (chunk: Buffer) => writeSync(fd, chunk));
        stream.on('end', () => {
          closeSync(fd);
          resolve();
        });
        make((text) => stream.write(text));
        stream.end();
      });
    const line = `${JSON.stringify(step)}\n`;
    await gzip('many.ndjson.gz', (out) => {
      const block = line.repeat(Math.ceil(MB / line.length));
      for (let i = 0; i < 48; i++) out(block);
    });
    await gzip('long.ndjson.gz', (out) => {
      out(line);
      const block = 'x'.repeat(MB);
      for (let i = 0; i < 48; i++) out(block);
      out(`\n${invalid('after the long line')}\n`);
    });
    const many = run(['check', 'many.ndjson.gz'], { heap: 16 });
    expect(many.stderr).toBe('');
    expect(many.code).toBe(0);
    expect(many.stdout).toMatch(/\n[\d,]+ objects in 1 input: \d+ valid, 0 invalid, 0 malformed\n$/);
    const long = run(['check', 'long.ndjson.gz'], { heap: 16, maxValue: MB });
    expect(long.stderr).toBe('');
    expect(long.code).toBe(1);
    expect(long.stdout).toContain('long.ndjson.gz:2: malformed: broken NDJSON line: over 1 MB, not checked\n');
    expect(long.stdout).toContain('long.ndjson.gz:3: run step');
  }, 120_000);
});

describe('--max-issues says how many issues were left out', () => {
  // Four issues: the status, two timestamps, the usage.
  const four = { ...step, status: 'done', created_at: 'x', completed_at: 'y', usage: 'z' };

  it('in text', () => {
    write('four.json', JSON.stringify(four));
    const all = run(['check', 'four.json']);
    expect(all.stdout).toMatch(/four\.json:1: run step step_\w+: 4 issues\n/);
    const cut = run(['check', '--max-issues', '2', 'four.json']);
    expect(cut.code).toBe(1);
    expect(cut.stdout).toMatch(/four\.json:1: run step step_\w+: 2 of 4 issues shown\n {2}\S.*\n {2}\S.*\n\n/);
  });

  it('in --json, as omittedIssues', () => {
    const [record] = records(run(['check', '--json', '--max-issues=1', 'four.json']).stdout);
    expect(record).toMatchObject({ type: 'invalid', omittedIssues: 3, issueCountExact: true });
    expect(record!['issues']).toHaveLength(1);
    const [whole] = records(run(['check', '--json', 'four.json']).stdout);
    expect(whole).toMatchObject({ omittedIssues: 0, issueCountExact: true });
  });

  it('counts up to 1,000 issues per object, then says "or more"', () => {
    const metadata = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`k${i}`, i]));
    write('many-issues.json', JSON.stringify({ ...step, metadata }));
    const text = run(['check', 'many-issues.json']);
    expect(text.stdout).toMatch(/many-issues\.json:1: run step step_\w+: 100 of 1000 or more issues shown\n/);
    const [record] = records(run(['check', '--json', 'many-issues.json']).stdout);
    expect(record).toMatchObject({ omittedIssues: 900, issueCountExact: false });
  });
});

describe('the tool call table counts each call by its own validity', () => {
  it('a step invalid for its status holds valid calls; an invalid call is counted invalid in a valid-looking step', () => {
    const details = step['step_details'] as { tool_calls: Record<string, unknown>[] };
    const call = details.tool_calls[0]!;
    const badCall = { ...call, [call['type'] as string]: 42 };
    const lines = [
      JSON.stringify({ ...step, status: 'done' }), // invalid step, valid call
      JSON.stringify({ ...step, step_details: { ...details, tool_calls: [call, badCall] } }), // one of each
      JSON.stringify({
        object: 'thread.run.step.delta',
        id: 'step_1',
        delta: {
          step_details: {
            type: 'tool_calls',
            tool_calls: [
              { index: 0, type: 'function', function: { name: 5 } },
              { index: 1, type: 'function' },
            ],
          },
        },
      }),
    ];
    write('calls.ndjson', `${lines.join('\n')}\n`);
    const { code, stdout } = run(['check', '--json', 'calls.ndjson']);
    expect(code).toBe(1);
    const summary = summaryOf<{ toolCallTypes: Record<string, unknown> }>(stdout);
    expect(call['type']).toBe('file_search');
    expect(summary.toolCallTypes).toEqual({
      file_search: { valid: 2, invalid: 1 },
      function: { valid: 1, invalid: 1 },
    });
  });

  it('historical calls are judged as historical, Azure calls with --azure as Azure', () => {
    const list = JSON.parse(
      readFileSync(
        fileURLToPath(
          new URL('./fixtures/lists/l03__simple-openai_v1-2023_function-no-output_no-usage.json', import.meta.url),
        ),
        'utf8',
      ),
    ) as { data: Record<string, unknown>[] };
    const old = list.data[0]!;
    // A function call without output (November 2023) is valid in a historical step, even one invalid for its status.
    write('historical.ndjson', `${JSON.stringify(old)}\n${JSON.stringify({ ...old, status: 'done' })}\n`);
    const historical = summaryOf(run(['check', '--json', 'historical.ndjson']).stdout);
    expect(historical.toolCallTypes).toEqual({ function: { valid: 2, invalid: 0 } });
    const azure = readFileSync(
      fileURLToPath(new URL('./fixtures/azure/01_bing_grounding.steps.json', import.meta.url)),
    );
    const withAzure = summaryOf(run(['check', '--json', '--azure', '-'], { input: azure }).stdout);
    expect(withAzure.toolCallTypes).toMatchObject({ bing_grounding: { valid: 1, invalid: 0 } });
    const without = summaryOf(run(['check', '--json', '-'], { input: azure }).stdout);
    expect(without.toolCallTypes).toMatchObject({ bing_grounding: { valid: 0, invalid: 1 } });
  });
});
