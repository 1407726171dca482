// The playground's logic, in Node (the page itself is tested in Chromium by `npm run test:playground`): its JSON
// scanner must agree with JSON.parse on what is JSON and where each value sits, and its analysis must tell the
// values of a file apart, and find their issues, as the CLI does on the same file.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from '../docs/playground/analyse.js';
import { locate, scanAll, scanValue, work, type ScanNode } from '../docs/playground/json-scan.js';

const root = new URL('../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

/** Every value under a node, with its path: each must be what JSON.parse gives for its characters. */
function* walk(node: ScanNode, path: (string | number)[] = []): Generator<[ScanNode, (string | number)[]]> {
  yield [node, path];
  if (node.kind === 'object') for (const [key, member] of node.members!) yield* walk(member.node, [...path, key]);
  if (node.kind === 'array') for (const [index, item] of node.items!.entries()) yield* walk(item, [...path, index]);
}
const at = (value: unknown, path: (string | number)[]): unknown =>
  path.reduce<unknown>((current, key) => (current as Record<string | number, unknown>)[key], value);

/** Whether JSON.parse accepts a text. */
function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const jsonFiles = ['test/fixtures/wire', 'test/fixtures/azure', 'test/fixtures/lists', 'examples/payloads']
  .flatMap((folder) => readdirSync(new URL(folder, root)).map((name) => `${folder}/${name}`))
  .filter((path) => path.endsWith('.json'));

describe('the playground JSON scanner', () => {
  it('finds every value of the fixtures where JSON.parse finds it', () => {
    expect(jsonFiles.length).toBeGreaterThan(30);
    for (const file of jsonFiles) {
      const text = read(file);
      const { node, end } = scanValue(text);
      expect(text.slice(end).trim()).toBe('');
      const value = JSON.parse(text);
      for (const [part, path] of walk(node)) {
        expect(JSON.parse(text.slice(part.start, part.end)), `${file} at ${path.join('.')}`).toEqual(at(value, path));
      }
    }
  });

  it('agrees with JSON.parse on generated JSON, compact or indented, and on its every cut and edit', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(4), fc.nat(), fc.string({ maxLength: 2 }), (value, indent, cut, edit) => {
        const text = JSON.stringify(value, null, indent);
        const parsed = JSON.parse(text); // not `value`: JSON has no -0
        const { node } = scanValue(text);
        for (const [part, path] of walk(node))
          expect(JSON.parse(text.slice(part.start, part.end))).toEqual(at(parsed, path));
        // A text with a piece cut or replaced: JSON exactly when JSON.parse says so.
        const position = cut % (text.length + 1);
        const edited = text.slice(0, position) + edit + text.slice(position + 1);
        let scanned = true;
        try {
          const { end } = scanValue(edited);
          scanned = edited.slice(end).trim() === '';
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error;
          scanned = false;
        }
        expect(scanned, JSON.stringify(edited)).toBe(parses(edited));
      }),
      { numRuns: 2000, seed: 17 },
    );
  });

  it('keeps the last of a repeated key, as JSON.parse does, and takes __proto__ as an ordinary key', () => {
    const text = '{"a": 1, "__proto__": {"b": 2}, "a": [3]}';
    const { node } = scanValue(text);
    expect(text.slice(locate(node, ['a']).start, locate(node, ['a']).end)).toBe('[3]');
    expect(text.slice(locate(node, ['__proto__', 'b']).start, locate(node, ['__proto__', 'b']).end)).toBe('2');
    expect(locate(node, ['toString'])).toEqual({ start: 0, end: text.length, exact: false });
  });

  it('locates a missing key at the nearest value the text holds', () => {
    const text = '{"step_details": {"tool_calls": [{"id": "call_1"}]}}';
    const { node } = scanValue(text);
    const range = locate(node, ['step_details', 'tool_calls', 0, 'function', 'name']);
    expect(range.exact).toBe(false);
    expect(text.slice(range.start, range.end)).toBe('{"id": "call_1"}');
  });

  it('scans nesting far deeper than the call stack allows, without recursion', () => {
    const depth = 1_000_000;
    const text = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const { node, end } = scanValue(text);
    expect(end).toBe(text.length);
    let levels = 0;
    for (let current: ScanNode | undefined = node; current !== undefined; current = current.items?.[0]) levels++;
    expect(levels).toBe(depth);
    expect(() => scanValue('['.repeat(depth))).toThrow(SyntaxError);
  }, 60_000);

  it('reads NDJSON and documents end to end, and goes on at the next line after a broken one', () => {
    const text = '{"a":1}\n{"b": [1, 2}\n[true]{"c":null}\n';
    const { values, errors } = scanAll(text);
    expect(values.map((value) => value.kind)).toEqual(['object', 'array', 'object']);
    expect(errors).toEqual([
      { start: 8, end: 20, position: 19, message: 'not JSON: expected "," or "]" at position 19' },
    ]);
    expect(text.slice(8, 20)).toBe('{"b": [1, 2}');
  });
});

describe('the playground scanner and line lookup cost at most linear work', () => {
  /** The scanner's steps (json-scan.js `work`) taken by `run` on the text `shape(n)`. */
  function steps(run: (text: string) => unknown, text: string): number {
    const before = work.steps;
    run(text);
    return work.steps - before;
  }
  // Each shape at N and 2N repetitions: doubling the text may at most double the work (a little slack for the
  // constant part). Shapes that once cost more than linear work in such scanners: a string left open on every
  // line, brackets that never close, a broken piece after every value, a broken line after one long value.
  const shapes: [string, (n: number) => string][] = [
    ['NDJSON of small values', (n) => '{"a":[1,2,{"b":null}]}\n'.repeat(n)],
    ['a string left open on every line', (n) => '"abc\n'.repeat(n)],
    ['a bracket opened on every line', (n) => '[\n'.repeat(n)],
    ['a broken piece after every value', (n) => '{"a":1}\n{"b": [1, 2}\n'.repeat(n)],
    ['one long value, then broken lines', (n) => `[${'1,'.repeat(n)}1]\n${'x\n'.repeat(n)}`],
    ['an array of small values', (n) => `[${'{"a":"b"},'.repeat(n)}{}]`],
  ];
  for (const [name, shape] of shapes) {
    it(
      name,
      () => {
        const n = 20_000;
        const [scanN, scan2N] = [steps(scanAll, shape(n)), steps(scanAll, shape(2 * n))];
        const [analyseN, analyse2N] = [steps(analyse, shape(n)), steps(analyse, shape(2 * n))];
        console.log(`playground, ${name}: scan ${scanN} -> ${scan2N} steps; analyse ${analyseN} -> ${analyse2N} steps`);
        expect(scanN).toBeGreaterThanOrEqual(n);
        expect(scan2N).toBeLessThanOrEqual(2 * scanN + 100);
        expect(analyse2N).toBeLessThanOrEqual(2 * analyseN + 100);
      },
      60_000,
    );
  }
});

describe('the playground analysis', () => {
  /** What the built CLI reports of a file: per value (its index in an array, or its line), the issue paths. */
  function cliFindings(file: string): Map<string, string[]> {
    let output: string;
    try {
      output = execFileSync(process.execPath, ['dist/cli.js', 'check', '--json', file], { encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    const found = new Map<string, string[]>();
    for (const line of output
      .trim()
      .split('\n')
      .map((record) => JSON.parse(record))) {
      if (line.type !== 'invalid' && line.type !== 'malformed') continue;
      const key = line.index === null ? `line ${line.line}` : `[${line.index}]`;
      const prefix = line.where === null ? [] : [line.where];
      const paths = (line.issues ?? []).map((issue: { path: (string | number)[] }) =>
        [...prefix, ...issue.path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`))]
          .join('')
          .replace(/^\./, '')
          .replace(/\.\[/g, '['),
      );
      found.set(key, [...(found.get(key) ?? []), ...(line.type === 'malformed' ? ['malformed'] : paths)]);
    }
    return found;
  }

  const cliExamples = readdirSync(new URL('examples/cli', root)).map((name) => `examples/cli/${name}`);

  it.each(cliExamples)('finds in %s the invalid values, broken pieces and issue paths the CLI finds', (file) => {
    const mine = new Map<string, string[]>();
    for (const entry of analyse(read(file))) {
      if (entry.valid !== false) continue;
      const key = entry.index === undefined ? `line ${entry.line}` : `[${entry.index}]`;
      mine.set(key, entry.kind === 'malformed' ? ['malformed'] : entry.issues.map((issue) => issue.where));
    }
    const cli = cliFindings(file);
    const sorted = (map: Map<string, string[]>) => new Map([...map].map(([key, paths]) => [key, [...paths].sort()]));
    expect(sorted(mine)).toEqual(sorted(cli));
  });

  it('marks each issue on the characters of the value its path names', () => {
    const text = read('examples/cli/invalid-step.json');
    const [entry] = analyse(text);
    expect(entry!.issues.map(({ where, start, end, exact }) => [where, text.slice(start, end), exact])).toEqual([
      ['status', '"done"', true],
      ['step_details.tool_calls[0].function.output', '42', true],
    ]);
    const sse = read('examples/cli/invalid.sse');
    const [, , event] = analyse(sse);
    expect(event!.issues.map(({ start, end }) => sse.slice(start, end))).toEqual(['"2024-05-04T20:09:26Z"']);
  });

  it('says what the narrowing helpers find in a valid step', () => {
    const [entry] = analyse(read('examples/payloads/mixed-tool-calls-in-progress.json'));
    expect(entry).toMatchObject({ kind: 'run step', valid: true });
    expect(entry!.summary).toEqual([
      'tool_calls, in_progress (may still change)',
      'tool calls: 1 code_interpreter, 1 file_search, 1 function',
      'function lookup_order({"order_id":"A-1"}) -> no output yet',
      'file search: 1 results',
      'code interpreter: no outputs',
      'no usage',
    ]);
  });

  it('tries the Azure profile only when asked, as the CLI does with --azure', () => {
    const text = read('examples/providers/azure-bing-grounding.steps.json');
    expect(analyse(text)[0]).toMatchObject({ kind: 'list', valid: false });
    const steps = JSON.parse(text).data as unknown[];
    const azure = analyse(JSON.stringify(steps), { azure: true });
    expect(azure.map(({ kind, valid }) => [kind, valid])).toEqual(
      steps.map(() => [expect.stringMatching(/run step$/), true]),
    );
  });
});
