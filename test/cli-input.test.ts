// The CLI's input splitter (cli/input.ts) on its own: the same input cut into chunks anywhere gives the same
// values, lines and findings as the input read whole. A 1 GB file arrives in 1 MB chunks, so values, lines,
// strings, escapes and SSE frames are cut at every possible place.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputSplitter, type Unit } from '../cli/input.js';

function split(text: string, size: number, maxValue?: number): { kind: string | undefined; units: Unit[] } {
  const units: Unit[] = [];
  const splitter = new InputSplitter((unit) => units.push(unit), maxValue);
  for (let at = 0; at < text.length; at += size) splitter.write(text.slice(at, at + size));
  splitter.end();
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
