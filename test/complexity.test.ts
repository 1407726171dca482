// What each path costs as its input grows, counted, never timed: reads through a counting proxy (every
// trap a check runs), elements copied by the array built-ins, keys enumerated. Each test runs a path on
// an input of size N and of size 2N and asserts that the count at most doubles (a small constant of
// slack), so a quadratic path fails on any machine, fast or slow. The counts are printed, and written to
// .tmp/complexity-counts.json, for the record.
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { isAzureRunStepObject } from '../src/azure/index.js';
import {
  applyRunStepDelta,
  createRunStepAccumulator,
  createRunStepGuard,
  defineToolCallKind,
  isRunStepObject,
  validateRunStepObject,
  type RunStepDeltaObject,
  type RunStepObject,
} from '../src/index.js';
import { CHECKS, SAMPLES } from './support/checks.js';
import { formatPath } from './support/contract.js';
import { getAt, walk } from './support/corrupt.js';
import { acceptedRunSteps, isObject } from './support/fixtures.js';
import { UNREADABLE, counted } from './support/hostile.js';
import { HEAVY_TIMEOUT } from './support/timeouts.js';

type Path = readonly (string | number)[];

const N = 1000;
/** What a doubled input may cost beyond twice the count: a few fixed reads (the root's own fields). */
const SLACK = 64;

/** Every count taken, by test, for the record. */
const COUNTS: Record<string, [number, number]> = {};

afterAll(() => {
  mkdirSync(new URL('../.tmp/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../.tmp/complexity-counts.json', import.meta.url), `${JSON.stringify(COUNTS, null, 1)}\n`);
});

/** Runs `measure` at N and 2N, records both counts under `name`, and asserts that doubling at most doubles. */
function doubling(name: string, measure: (size: number) => number, size: number = N): [number, number] {
  const counts: [number, number] = [measure(size), measure(2 * size)];
  COUNTS[name] = counts;
  expect(counts[1], `${name}: ${counts[0]} at ${size}, ${counts[1]} at ${2 * size}`).toBeLessThanOrEqual(
    2 * counts[0] + SLACK,
  );
  return counts;
}

/** The reads (every proxy trap) that `check` runs on `value`. */
function reads(check: (value: unknown) => unknown, value: unknown): number {
  const wrapped = counted(value);
  check(wrapped.value);
  return wrapped.count();
}

/** A copy of `root` with `value` (not copied) at `path`. */
function withAt(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root);
  if (path.length === 0) return value;
  (getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>)[path[path.length - 1]!] = value;
  return copy;
}

/** How a grown sample's items are: all valid, the last one unreadable, or every one invalid. */
type Variant = 'valid' | 'last unreadable' | 'every one invalid';

/**
 * Where a root's sample grows: its outermost non-empty array (N copies of its smallest item); else its
 * `metadata` or `attributes` map (N keys); else N unknown keys at the root, which no check reads.
 */
function growing(sample: unknown): { path: Path; make: (size: number, variant?: Variant) => unknown; what: string } {
  const paths = [...walk(sample)];
  const pick = (n: number, size: number, variant: Variant, item: unknown): unknown =>
    variant === 'every one invalid' || (variant === 'last unreadable' && n === size - 1)
      ? variant === 'every one invalid'
        ? 7
        : UNREADABLE
      : item;
  const array = paths.find((path) => {
    const value = getAt(sample, path);
    return Array.isArray(value) && value.length > 0;
  });
  if (array !== undefined) {
    const items = getAt(sample, array) as unknown[];
    const item = [...items].sort((a, b) => JSON.stringify(a).length - JSON.stringify(b).length)[0];
    return {
      path: array,
      what: `items of ${formatPath(array)}`,
      make: (size, variant = 'valid') =>
        withAt(
          sample,
          array,
          Array.from({ length: size }, (_, n) => pick(n, size, variant, item)),
        ),
    };
  }
  const map = paths.find((path) => ['metadata', 'attributes'].includes(String(path[path.length - 1])));
  if (map !== undefined && isObject(getAt(sample, map))) {
    const value = Object.values(getAt(sample, map) as object)[0] ?? 'v';
    return {
      path: map,
      what: `keys of ${formatPath(map)}`,
      make: (size, variant = 'valid') =>
        withAt(
          sample,
          map,
          Object.fromEntries(Array.from({ length: size }, (_, n) => [`k${n}`, pick(n, size, variant, value)])),
        ),
    };
  }
  return {
    path: [],
    what: 'unknown keys at the root',
    make: (size) => ({
      ...(structuredClone(sample) as object),
      ...Object.fromEntries(Array.from({ length: size }, (_, n) => [`x${n}`, n])),
    }),
  };
}

/**
 * The first primitive leaf of `sample` outside `path`, for a getter that throws there; not a
 * discriminant (`type`, `object`, `event`), whose failure ends the check before it reaches the rest.
 */
function leafOutside(sample: unknown, path: Path): Path | undefined {
  const inside = (candidate: Path) => path.length > 0 && path.every((key, n) => candidate[n] === key);
  return [...walk(sample)].find(
    (candidate) =>
      !isObject(getAt(sample, candidate)) &&
      !inside(candidate) &&
      !['type', 'object', 'event'].includes(String(candidate[candidate.length - 1])),
  );
}

/** `value` with a getter that throws at `path`. */
function throwingAt(value: unknown, path: Path): unknown {
  Object.defineProperty(getAt(value, path.slice(0, -1)) as object, path[path.length - 1]!, {
    enumerable: true,
    configurable: true,
    get() {
      throw new Error('unreadable');
    },
  });
  return value;
}

describe(
  'every root: each guard, validator, assertion and Standard Schema costs at most linear reads',
  { timeout: HEAVY_TIMEOUT },
  () => {
    it.each(CHECKS.map((check) => [check.name, check] as const))('%s', (name, { root, check }) => {
      const sample = SAMPLES[root];
      const { make, path, what } = growing(sample);
      doubling(`${name}: valid, ${what}`, (size) => reads(check, make(size)));
      if (path.length > 0) {
        doubling(`${name}: last one unreadable, ${what}`, (size) => reads(check, make(size, 'last unreadable')));
        // Every item invalid: a validator stops at maxIssues, a guard at the first.
        doubling(`${name}: every one invalid, ${what}`, (size) => reads(check, make(size, 'every one invalid')));
      }
      // A getter that throws outside the growing part: a validator's careful pass reads it all again.
      const leaf = leafOutside(sample, path);
      if (leaf !== undefined) {
        doubling(`${name}: a throwing getter at ${formatPath(leaf)} (careful pass), ${what}`, (size) =>
          reads(check, throwingAt(make(size), leaf)),
        );
      }
    });
  },
);

describe('issue collection: bounded by maxIssues, linear under it', { timeout: HEAVY_TIMEOUT }, () => {
  const step = acceptedRunSteps().find(({ step }) => step['type'] === 'tool_calls')!.step;
  const withCalls = (size: number, item: unknown) => ({
    ...structuredClone(step),
    step_details: { type: 'tool_calls', tool_calls: Array.from({ length: size }, () => item) },
  });

  it('N invalid items and the default limit: the same reads and issues at N and 2N', () => {
    const counts = doubling('issues: N invalid calls, maxIssues 100 (reads)', (size) =>
      reads(validateRunStepObject, withCalls(size, null)),
    );
    expect(counts[1]).toBe(counts[0]);
    const issues = (size: number) => {
      const result = validateRunStepObject(withCalls(size, null));
      return result.success ? 0 : result.issues.length;
    };
    COUNTS['issues: N invalid calls, maxIssues 100 (issues)'] = [issues(N), issues(2 * N)];
    expect([issues(N), issues(2 * N)]).toEqual([100, 100]);
  });

  it('N invalid items with maxIssues N: issues and reads at most double', () => {
    doubling('issues: N invalid calls, maxIssues N (reads)', (size) =>
      reads((value) => validateRunStepObject(value, { maxIssues: size }), withCalls(size, { id: 1 })),
    );
    doubling('issues: N invalid calls, maxIssues N (issues)', (size) => {
      const result = validateRunStepObject(withCalls(size, { id: 1 }), { maxIssues: size });
      return result.success ? 0 : result.issues.length;
    });
  });
});

describe('previews: keys enumerated', { timeout: HEAVY_TIMEOUT }, () => {
  const step = acceptedRunSteps()[0]!.step;
  /** Key lookups a validator makes to preview one object of `keys` keys referenced from `references` places. */
  function enumerated(keys: number, references: number): number {
    let operations = 0;
    const big = Object.fromEntries(Array.from({ length: keys }, (_, n) => [`key${n}`, n]));
    const proxy = new Proxy(big, {
      ownKeys: (target) => (operations++, Reflect.ownKeys(target)),
      getOwnPropertyDescriptor: (target, key) => (operations++, Reflect.getOwnPropertyDescriptor(target, key)),
    });
    const metadata = Object.fromEntries(Array.from({ length: references }, (_, n) => [`m${n}`, proxy]));
    const result = validateRunStepObject({ ...structuredClone(step), metadata });
    expect(result.success ? 0 : result.issues.length).toBe(Math.min(references, 100));
    return operations;
  }

  it('the same at N and 2N keys, and at N and 2N references to one object', () => {
    const byKeys = doubling('previews: one object of N keys (lookups)', (size) => enumerated(size, 50));
    const byReferences = doubling('previews: N/10 references to one object (lookups)', (size) =>
      enumerated(100, size / 10),
    );
    // Both at once: what cost keys × references before previews were made once per object.
    const both = doubling('previews: N keys and N/20 references to one object (lookups)', (size) =>
      enumerated(size, size / 20),
    );
    expect([...byKeys, ...byReferences, ...both]).toEqual([11, 11, 11, 11, 11, 11]);
  });
});

describe('the accumulator and applyRunStepDelta', { timeout: HEAVY_TIMEOUT }, () => {
  const base = acceptedRunSteps().find(({ step }) => step['type'] === 'tool_calls')!.step as unknown as RunStepObject;
  const empty = {
    ...structuredClone(base),
    id: 'step_c',
    status: 'in_progress',
    step_details: { type: 'tool_calls', tool_calls: [] },
  } as RunStepObject;
  const delta = (...chunks: unknown[]) =>
    ({
      id: 'step_c',
      object: 'thread.run.step.delta',
      delta: { step_details: { type: 'tool_calls', tool_calls: chunks } },
    }) as RunStepDeltaObject;
  const result = (n: number) => ({ file_id: `file-${n}`, file_name: `${n}.txt`, score: 0.5 });

  /** Elements copied by the array built-ins (`slice`, `concat`, `Array.from`) while `run` runs. */
  function copied(run: () => void): number {
    const prototype = Array.prototype as unknown as Record<string, (...args: unknown[]) => unknown[]>;
    const { slice, concat } = prototype;
    const from = Array.from;
    let elements = 0;
    const counting = (method: (...args: unknown[]) => unknown[]) =>
      function (this: unknown, ...args: unknown[]): unknown[] {
        const copy = method.apply(this, args);
        elements += copy.length;
        return copy;
      };
    prototype['slice'] = counting(slice!);
    prototype['concat'] = counting(concat!);
    Array.from = counting(from as never) as never;
    try {
      run();
    } finally {
      prototype['slice'] = slice!;
      prototype['concat'] = concat!;
      Array.from = from;
    }
    return elements;
  }

  it('file search results: N one-result deltas copy O(N) elements, not O(N²)', () => {
    let last: RunStepObject | undefined;
    doubling('accumulator: N one-result file search deltas (elements copied)', (size) =>
      copied(() => {
        const accumulator = createRunStepAccumulator();
        accumulator.push({ event: 'thread.run.step.created', data: empty });
        accumulator.push({
          event: 'thread.run.step.delta',
          data: delta({ index: 0, id: 'call_f', type: 'file_search', file_search: { results: [result(0)] } }),
        });
        for (let n = 1; n < size; n++) {
          last = accumulator.push({
            event: 'thread.run.step.delta',
            data: delta({ index: 0, type: 'file_search', file_search: { results: [result(n)] } }),
          });
        }
        // Reading the last snapshot's results makes its array: N elements, once.
        expect(
          last?.type === 'tool_calls' &&
            last.step_details.tool_calls[0]?.type === 'file_search' &&
            last.step_details.tool_calls[0].file_search.results?.length,
        ).toBe(size);
      }),
    );
    expect(isRunStepObject(last)).toBe(true);
  });

  it('N argument deltas: reads of the events at most double', () => {
    doubling('accumulator: N argument deltas (reads)', (size) => {
      const events = [
        { event: 'thread.run.step.created', data: empty },
        {
          event: 'thread.run.step.delta',
          data: delta({ index: 0, id: 'call_a', type: 'function', function: { name: 'f', arguments: '' } }),
        },
        ...Array.from({ length: size }, () => ({
          event: 'thread.run.step.delta',
          data: delta({ index: 0, type: 'function', function: { arguments: 'x' } }),
        })),
      ];
      const accumulator = createRunStepAccumulator();
      return reads((value) => {
        for (const event of value as unknown[]) accumulator.push(event);
      }, events);
    });
  });

  it('one delta of N chunks: reads at most double, for push and for applyRunStepDelta', () => {
    const chunks = (size: number) => [
      { index: 0, id: 'call_a', type: 'function', function: { name: 'f', arguments: '' } },
      ...Array.from({ length: size }, () => ({ index: 0, type: 'function', function: { arguments: 'x' } })),
    ];
    doubling('accumulator: one delta of N chunks (reads)', (size) => {
      const accumulator = createRunStepAccumulator();
      accumulator.push({ event: 'thread.run.step.created', data: empty });
      return reads((event) => accumulator.push(event), {
        event: 'thread.run.step.delta',
        data: delta(...chunks(size)),
      });
    });
    doubling('applyRunStepDelta: one delta of N chunks (reads)', (size) =>
      reads((value) => applyRunStepDelta(empty, value as RunStepDeltaObject), delta(...chunks(size))),
    );
  });

  // A flavour's kinds (issue 16): merged by their rules, then checked.
  const azure = { guard: isAzureRunStepObject };
  const push = (accumulator: { push(event: unknown): unknown }, ...chunks: unknown[]) =>
    accumulator.push({ event: 'thread.run.step.delta', data: delta(...chunks) });

  it('Azure: N payload fragments, reads of the events at most double', () => {
    doubling('Azure accumulator: N azure_ai_search fragments (reads)', (size) => {
      const events = [
        { event: 'thread.run.step.created', data: empty },
        {
          event: 'thread.run.step.delta',
          data: delta({
            index: 0,
            id: 'call_s',
            type: 'azure_ai_search',
            azure_ai_search: { input: null, output: null },
          }),
        },
        ...Array.from({ length: size }, () => ({
          event: 'thread.run.step.delta',
          data: delta({ index: 0, type: 'azure_ai_search', azure_ai_search: { output: 'x' } }),
        })),
      ];
      const accumulator = createRunStepAccumulator(azure);
      return reads((value) => {
        for (const event of value as unknown[]) accumulator.push(event);
      }, events);
    });
  });

  it('Azure: N one-step browser_automation fragments copy O(N) elements, not O(N²)', () => {
    let last: unknown;
    const step = (n: number) => ({ last_step_result: `r${n}`, current_state: 's', next_step: 'n' });
    doubling('Azure accumulator: N one-step browser_automation fragments (elements copied)', (size) =>
      copied(() => {
        const accumulator = createRunStepAccumulator(azure);
        accumulator.push({ event: 'thread.run.step.created', data: empty });
        push(accumulator, {
          index: 0,
          id: 'call_b',
          type: 'browser_automation',
          browser_automation: { input: 'go', output: null, steps: [] },
        });
        for (let n = 0; n < size; n++) {
          last = push(accumulator, { index: 0, type: 'browser_automation', browser_automation: { steps: [step(n)] } });
        }
        expect((last as any).step_details.tool_calls[0].browser_automation.steps).toHaveLength(size);
      }),
    );
    expect(isAzureRunStepObject(last)).toBe(true);
  });

  it("a user's kind: N string fragments, reads of the events at most double", () => {
    const kind = defineToolCallKind(
      'note',
      (value: unknown): value is { id: string; type: 'note'; note: { text: string } } =>
        typeof (value as { note?: { text?: unknown } }).note?.text === 'string',
    );
    const guards = createRunStepGuard({ toolCalls: [kind] });
    doubling("accumulator with a user's kind: N fragments (reads)", (size) => {
      const events = [
        { event: 'thread.run.step.created', data: empty },
        { event: 'thread.run.step.delta', data: delta({ index: 0, id: 'call_n', type: 'note', note: { text: '' } }) },
        ...Array.from({ length: size }, () => ({
          event: 'thread.run.step.delta',
          data: delta({ index: 0, type: 'note', note: { text: 'x' } }),
        })),
      ];
      const accumulator = createRunStepAccumulator({ guard: guards.is });
      return reads((value) => {
        for (const event of value as unknown[]) accumulator.push(event);
      }, events);
    });
  });
});
