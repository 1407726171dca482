// The CLI's input splitter (cli/input.ts) on its own: the same input cut into chunks anywhere gives the same
// values, lines and findings as the input read whole. A 1 GB file arrives in 1 MB chunks, so values, lines,
// strings, escapes and SSE frames are cut at every possible place.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputSplitter, type Unit } from '../cli/input.js';

function split(text: string, size: number, maxValue?: number): { kind: string | undefined; units: Unit[] } {
  const units: Unit[] = [];
  const splitter = new InputSplitter(maxValue);
  for (let at = 0; at < text.length; at += size) units.push(...splitter.write(text.slice(at, at + size)));
  units.push(...splitter.end());
  return { kind: splitter.kind, units };
}

const inputs = [
  ...readdirSync(new URL('../examples/cli/', import.meta.url)).map((name) => `examples/cli/${name}`),
  ...readdirSync(new URL('./fixtures/cli/', import.meta.url))
    .filter((name) => name !== 'README.md')
    .map((name) => `test/fixtures/cli/${name}`),
];

describe('the input splitter', () => {
  it.each(inputs)('%s: the same units, whatever the chunks', (file) => {
    const text = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
    const whole = split(text, Number.MAX_SAFE_INTEGER);
    if (text.trim() !== '') expect(whole.units.length).toBeGreaterThan(0);
    for (const size of [1, 2, 3, 7, 64, 1000]) expect(split(text, size)).toEqual(whole);
  });

  it('tells the kinds apart by content', () => {
    const kind = (file: string) => split(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'), 5).kind;
    expect(kind('examples/cli/valid-step.json')).toBe('json');
    expect(kind('examples/cli/valid-array.json')).toBe('array');
    expect(kind('examples/cli/valid-list.json')).toBe('json');
    expect(kind('examples/cli/valid.ndjson')).toBe('ndjson');
    expect(kind('examples/cli/valid.sse')).toBe('sse');
    expect(kind('test/fixtures/cli/crlf-bom.ndjson')).toBe('ndjson');
  });

  it('keeps strings whole: brackets, quotes and escapes inside them do not end a value', () => {
    const text = '[{"a":"]}\\"[{","b":"\\\\"}, "x\\"]", 3]';
    for (const size of [1, 2, 5, 100]) {
      expect(split(text, size).units).toEqual([
        { type: 'value', value: { a: ']}"[{', b: '\\' }, line: 1, index: 0 },
        { type: 'value', value: 'x"]', line: 1, index: 1 },
        { type: 'value', value: 3, line: 1, index: 2 },
      ]);
    }
  });

  it('joins the data lines of an SSE frame, and reads comments, ids and CRLF', () => {
    const text =
      ': comment\r\nid: 1\r\nevent: thread.run.step.delta\r\ndata: {"a":\r\ndata: 1}\r\n\r\nevent: done\r\ndata: [DONE]\r\n';
    expect(split(text, 3).units).toEqual([
      { type: 'event', value: { event: 'thread.run.step.delta', data: { a: 1 } }, line: 1 },
      { type: 'skipped', what: 'done', line: 7 },
    ]);
  });

  it('drops a string left open at the end of its line, and goes on at the next line that starts a value', () => {
    const text = '[\n  {"id": "a},\n  {"id": "b"},\n  {"id": "c"}\n]\n';
    for (const size of [1, 4, 100]) {
      expect(split(text, size).units).toEqual([
        {
          type: 'malformed',
          line: 2,
          index: 0,
          message: 'bad JSON: a string is not closed before the end of its line',
        },
        { type: 'value', value: { id: 'b' }, line: 3, index: 1 },
        { type: 'value', value: { id: 'c' }, line: 4, index: 2 },
      ]);
    }
  });

  it('holds no value beyond its limit: brackets that never balance do not swallow the input', () => {
    const text = `{"a": [1, 2,\n${'{"b": 1}\n'.repeat(20)}`;
    const { units } = split(text, 8, 64);
    expect(units[0]).toEqual({
      type: 'malformed',
      line: 1,
      message: 'bad JSON: a value over 64 characters: its brackets do not balance, or it is too big to check',
    });
    // It goes on at the next line that starts a value, once the limit is passed.
    expect(units.slice(1).every((unit) => unit.type === 'value')).toBe(true);
    expect(units.length).toBeGreaterThan(10);
  });
});

describe('line ends: LF, CRLF and a lone CR, in every kind', () => {
  it('SSE with CR-only line ends (the SSE spec allows them) is read frame by frame', () => {
    const text =
      'event: thread.run.step.delta\rdata: {"a":\rdata: 1}\r\revent: thread.message.delta\rdata: {}\r\r' +
      'event: done\rdata: [DONE]\r';
    for (const size of [1, 2, 5, 1000]) {
      expect(split(text, size)).toEqual({
        kind: 'sse',
        units: [
          { type: 'event', value: { event: 'thread.run.step.delta', data: { a: 1 } }, line: 1 },
          { type: 'skipped', what: 'thread.message.delta', line: 5 },
          { type: 'skipped', what: 'done', line: 8 },
        ],
      });
    }
  });

  it('a mix of LF, CRLF and CR gives the same line numbers in NDJSON, JSON and arrays', () => {
    const lines = ['{"n":1}', '', '{"n":2}', '{"n":3}', '', '{"n":4}'];
    const ends = ['\n', '\r\n', '\r', '\r\n', '\r', '\n'];
    const text = lines.map((line, i) => line + ends[i]).join('');
    const numbers = (input: string) =>
      split(input, 1).units.map((unit) =>
        unit.type === 'value' ? [unit.line, (unit.value as { n: number }).n] : unit,
      );
    for (const size of [1, 3, 1000]) {
      expect(split(text, size).kind).toBe('ndjson');
      expect(split(text, size).units.map((unit) => unit.line)).toEqual([1, 3, 4, 6]);
    }
    expect(numbers(text)).toEqual([
      [1, 1],
      [3, 2],
      [4, 3],
      [6, 4],
    ]);
    // The same values pretty-printed, as a stream of documents and as an array.
    const json = `\r\n{\r"n":1}\r\n\r{"n":2}\n`;
    expect(numbers(json)).toEqual([
      [2, 1],
      [5, 2],
    ]);
    const array = `[\r{"n":1},\r\n\r\n{"n":2}\r]`;
    expect(split(array, 1).units).toEqual([
      { type: 'value', value: { n: 1 }, line: 2, index: 0 },
      { type: 'value', value: { n: 2 }, line: 4, index: 1 },
    ]);
  });

  it('blank lines and a BOM before the first value are counted, not kept', () => {
    const text = '\ufeff\r\n  \n\t\r{"n":1}\n{"n":2}\n';
    for (const size of [1, 2, 1000]) {
      const { kind, units } = split(text, size);
      expect(kind).toBe('ndjson');
      expect(units.map((unit) => unit.line)).toEqual([4, 5]);
    }
  });
});

describe('arrays: one message per mistake', () => {
  it('[A,,B]: an element is missing, said once; B keeps its place', () => {
    expect(split('[{"n":1},,{"n":2}]', 1).units).toEqual([
      { type: 'value', value: { n: 1 }, line: 1, index: 0 },
      {
        type: 'malformed',
        line: 1,
        index: 1,
        message: 'bad JSON: an array element is missing (a comma follows [ or another comma)',
      },
      { type: 'value', value: { n: 2 }, line: 1, index: 2 },
    ]);
  });

  it('[,A] and [A,]: a comma where no element is, at the start and at the end', () => {
    expect(split('[,1]', 1).units.map((unit) => unit.type)).toEqual(['malformed', 'value']);
    expect(split('[1,]', 1).units).toEqual([
      { type: 'value', value: 1, line: 1, index: 0 },
      { type: 'malformed', line: 1, message: 'bad JSON: a comma before the closing ]' },
    ]);
    expect(split('[1,2]', 1).units.map((unit) => unit.type)).toEqual(['value', 'value']);
  });
});

describe('lines and frames over the limit are dropped, reported once, and the input goes on', () => {
  it('an NDJSON line', () => {
    const text = `{"n":1}\n${'x'.repeat(500)}\n{"n":2}\n${'y'.repeat(100)}`;
    for (const size of [1, 7, 64, 10_000]) {
      expect(split(text, size, 64).units).toEqual([
        { type: 'value', value: { n: 1 }, line: 1 },
        { type: 'malformed', line: 2, message: 'broken NDJSON line: over 64 characters, not checked' },
        { type: 'value', value: { n: 2 }, line: 3 },
        { type: 'malformed', line: 4, message: 'broken NDJSON line: over 64 characters, not checked' },
      ]);
    }
  });

  it('an SSE frame: many data lines, or one long one; a long comment is only skipped', () => {
    const frame = (n: number) => `event: thread.run.step.delta\n${'data: 1234567890\n'.repeat(n)}\n`;
    const text = `${frame(10)}: ${'c'.repeat(300)}\n${frame(1)}data: ${'z'.repeat(300)}\n\n${frame(1)}`;
    for (const size of [1, 5, 64, 10_000]) {
      expect(split(text, size, 64).units).toEqual([
        { type: 'malformed', line: 1, message: 'bad SSE frame: over 64 characters, not checked' },
        { type: 'event', value: { event: 'thread.run.step.delta', data: 1234567890 }, line: 14 },
        { type: 'malformed', line: 17, message: 'bad SSE frame: over 64 characters, not checked' },
        { type: 'event', value: { event: 'thread.run.step.delta', data: 1234567890 }, line: 19 },
      ]);
    }
  });
});

// Complexity, by counting the splitter's own work (characters searched, copied and held), never by a clock: the
// same shape of input at N and 2N, and the counts must at most double (held text must not grow at all).
describe('work and memory: linear in the input, bounded held text, in every kind', () => {
  const CAP = 64 * 1024;
  const CHUNK = 16 * 1024;
  function measure(text: string, cap = CAP) {
    const splitter = new InputSplitter(cap);
    let units = 0;
    for (let at = 0; at < text.length; at += CHUNK) for (const _ of splitter.write(text.slice(at, at + CHUNK))) units++;
    for (const _ of splitter.end()) units++;
    return { ...splitter.work, units, kind: splitter.kind };
  }
  const N = 1 << 20;
  /** Each shape, given a size in characters. */
  const shapes: [name: string, kind: string | undefined, make: (n: number) => string][] = [
    ['blank input (kind detection)', undefined, (n) => ' \n\r\n\t'.repeat(n / 5)],
    ['a first line that never ends', 'json', (n) => `{"a":"${'x'.repeat(n)}`],
    ['an NDJSON line that never ends', 'ndjson', (n) => `{}\n${'x'.repeat(n)}`],
    ['an SSE frame that never ends', 'sse', (n) => `event: e\n${'data: 123456789\n'.repeat(n / 16)}`],
    ['an array element that never closes', 'array', (n) => `[\n{"a": [\n${'1,\n'.repeat(n / 3)}`],
    ['a JSON document that never closes', 'json', (n) => `{"a":\n${'[\n'.repeat(n / 2)}`],
    ['NDJSON of small lines', 'ndjson', (n) => '{"a":1}\n'.repeat(n / 8)],
    ['SSE of small frames', 'sse', (n) => 'event: thread.run.step.delta\ndata: {"a":1}\n\n'.repeat(n / 44)],
    ['an array of small elements', 'array', (n) => `[${'{"a":1},'.repeat(n / 8)}1]`],
    ['a stream of small documents', 'json', (n) => '{\n"a": 1}\n'.repeat(n / 10)],
  ];
  it.each(shapes)('%s', (_name, kind, make) => {
    const one = measure(make(N));
    const two = measure(make(2 * N));
    expect(one.kind).toBe(kind);
    // Held text: bounded by the limit (plus a chunk, plus the first line), whatever the input's size.
    expect(one.peakHeld).toBeLessThanOrEqual(CAP + CHUNK + 1024 * 1024);
    expect(two.peakHeld).toBeLessThanOrEqual(Math.max(one.peakHeld, 64) * 1.01);
    // Work: at most twice as much for twice the input.
    expect(two.searched).toBeLessThanOrEqual(2 * one.searched + CHUNK);
    expect(two.buffered).toBeLessThanOrEqual(2 * one.buffered + CHUNK);
    expect(two.units).toBeLessThanOrEqual(2 * one.units + 2);
    console.log(
      `${_name}: N=${N}: searched ${one.searched}, buffered ${one.buffered}, peak held ${one.peakHeld}, ${one.units} units; ` +
        `2N: searched ${two.searched}, buffered ${two.buffered}, peak held ${two.peakHeld}, ${two.units} units`,
    );
  });

  it('blank input is searched once and never held', () => {
    const blank = measure(' '.repeat(4 * N));
    expect(blank).toMatchObject({ searched: 4 * N, buffered: 0, peakHeld: 0, units: 0, kind: undefined });
  });
});
