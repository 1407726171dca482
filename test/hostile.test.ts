// Bad input is the normal case for a guard: it answers, never throws, never writes, and reads each
// property once. Every check in test/support/checks.ts (each deep guard, validator, assertion and
// Standard Schema) is run on hostile values at its root and at every path inside a valid sample of it,
// deep-frozen. The right answer comes from the reference validator (OpenAI's schemas with the wire
// patches): a value that cannot be read (a revoked proxy, a throwing trap or getter) must be judged like a
// value of no valid type, which `UNREADABLE` (a symbol) stands in for. A validator's answer must also
// hold together (checks.ts): its issues non-empty exactly when it fails.
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { CHECKS, SAMPLES, verdicts, type CheckRoot } from './support/checks.js';
import { formatPath } from './support/contract.js';
import { getAt, walk } from './support/corrupt.js';
import { acceptedRunSteps, isObject } from './support/fixtures.js';
import {
  UNREADABLE,
  answering,
  deeplyNested,
  freeze,
  getterAt,
  instrument,
  replaceAt,
  revoked,
  throwingProxy,
} from './support/hostile.js';
import { HEAVY_TIMEOUT } from './support/timeouts.js';

type Path = readonly (string | number)[];

const reference = verdicts();

/** Every export that is a guard over `unknown` (`isX(value: unknown)`), the enum guards included. */
const ALL_GUARDS = Object.entries(api).filter(
  ([name, value]) =>
    typeof value === 'function' &&
    /^is[A-Z]/.test(name) &&
    ![
      'isMessageCreationStep',
      'isToolCallsStep',
      'isTerminalStep',
      'isInProgressStep',
      'isRunStepDeltaEvent',
      'isTerminalRunStepEvent',
    ].includes(name),
) as [string, (value: unknown) => boolean][];

const steps = acceptedRunSteps();
const messageStep = steps.find(({ step }) => step['type'] === 'message_creation')!.step as any;

/** Built once: 100,000 objects nested in one another, frozen. */
const NESTED = deeplyNested(100_000);

/** Each check with its sample, for `describe.each`. */
const TABLE = CHECKS.map(({ name, root, check }) => [name, { name, root, check, sample: SAMPLES[root] }] as const);

/** Calls `check` on a frozen `value` and says whether it answered `expected` without throwing or writing. */
function judge(check: (value: unknown) => boolean, value: unknown, expected: boolean, skip: unknown[] = []): string[] {
  const problems: string[] = [];
  freeze(value, new Set(skip));
  let answer: unknown;
  try {
    answer = check(value);
  } catch (error) {
    return [`threw ${String(error)}`];
  }
  if (answer !== expected) problems.push(`answered ${String(answer)}, expected ${expected}`);
  return problems;
}

/** All paths inside `sample` (the root itself excluded). */
const pathsOf = (sample: unknown): Path[] => [...walk(sample)];
/** The paths of the objects inside `sample`, the root (`[]`) included. */
const objectPathsOf = (sample: unknown): Path[] =>
  [[], ...walk(sample)].filter((path) => isObject(getAt(sample, path)));

describe.each(ALL_GUARDS)('%s on hostile values', (_, guard) => {
  it.each([
    ['a revoked proxy', revoked()],
    ['a proxy whose every trap throws', throwingProxy({})],
    ['a proxy over an array whose every trap throws', throwingProxy([])],
    ['a bigint', 10n],
    ['a symbol', Symbol('step')],
    ['a function', () => messageStep],
    ['a Date', new Date(0)],
    ['a Map of a step', new Map(Object.entries(messageStep))],
  ])('returns false for %s, without throwing', (_, value) => {
    expect(guard(value)).toBe(false);
  });
});

describe('the hostile tests', () => {
  it('cover every guard over unknown that the package exports', () => {
    expect(ALL_GUARDS.length).toBe(38);
  });

  it('cover every deep guard, validator, assertion and Standard Schema, each with a sample', () => {
    const exported = Object.keys(api).filter(
      (name) =>
        (name in SAMPLES || /^(validate|assert)[A-Z]|Schema$/.test(name)) &&
        name !== 'assertNever' &&
        typeof (api as Record<string, unknown>)[name] !== 'undefined',
    );
    expect(CHECKS.map(({ name }) => name).sort()).toEqual(exported.sort());
    expect(CHECKS.length).toBe(112);
  });
});

describe.each(TABLE)('%s', (_, { name, root, check, sample }) => {
  const verdict = (value: unknown) => reference[root](value);

  it('accepts its sample, deep-frozen, and leaves it as it was', () => {
    const frozen = freeze(structuredClone(sample));
    expect(check(frozen)).toBe(true);
    expect(frozen).toEqual(sample);
  });

  it('reads each property of its sample at most once, and writes nothing', () => {
    const { value, reads, writes } = instrument(structuredClone(sample));
    expect(check(value)).toBe(true);
    expect(reads.size).toBeGreaterThan(0);
    expect([...reads].filter(([, count]) => count > 1)).toEqual([]);
    expect(writes).toEqual([]);
  });

  it('writes nothing to an invalid value either', () => {
    for (const path of pathsOf(sample)) {
      const { value, writes } = instrument(replaceAt(sample, path, UNREADABLE));
      check(value);
      expect(writes, formatPath(path)).toEqual([]);
    }
  });

  class Stored {
    constructor(fields: object) {
      Object.assign(this, fields);
    }
  }
  class WithGetters {}
  const bare = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(bare);
    if (!isObject(value)) return value;
    const copy = Object.create(null);
    for (const [key, item] of Object.entries(value)) copy[key] = bare(item);
    return copy;
  };
  const withPrototypeGetters = () => {
    const prototype = Object.create(WithGetters.prototype);
    for (const [key, item] of Object.entries(structuredClone(sample) as object)) {
      Object.defineProperty(prototype, key, { get: () => item });
    }
    return Object.create(prototype);
  };
  const functionWithFields = () => Object.assign(() => undefined, structuredClone(sample));

  const AT_THE_ROOT: [string, () => unknown, boolean][] = [
    ['a transparent proxy over the sample', () => new Proxy(structuredClone(sample) as object, {}), true],
    ['a proxy over the sample whose every trap throws', () => throwingProxy(structuredClone(sample) as object), false],
    ['a revoked proxy', revoked, false],
    ['the sample with no prototype at any depth', () => bare(sample), true],
    ['a class instance that owns the fields', () => new Stored(structuredClone(sample) as object), true],
    ["a class instance whose fields are its prototype's getters", withPrototypeGetters, true],
    ['a function carrying the fields', functionWithFields, false],
    ['the sample inside an array', () => [structuredClone(sample)], false],
    ['an array carrying the fields', () => Object.assign([], structuredClone(sample)), false],
    ['a Map of the fields', () => new Map(Object.entries(structuredClone(sample) as object)), false],
    ['a bigint', () => 1n, false],
    ['a symbol', () => Symbol('sample'), false],
    ['null', () => null, false],
    ['undefined', () => undefined, false],
    ['NaN', () => Number.NaN, false],
  ];

  it.each(AT_THE_ROOT)('answers right on %s, without throwing', (_, make, expected) => {
    const value = make();
    const hostile = value === null || typeof value !== 'object' ? [] : [value];
    const unfreezable = /throws|revoked/.test(_) ? hostile : [];
    expect(judge(check, value, expected, unfreezable)).toEqual([]);
  });

  /**
   * For every path inside the sample: the hostile value put there, and what the reference is asked
   * instead (the same value where it can read it, `UNREADABLE` where nothing can).
   */
  const AT_EVERY_PATH: [string, (current: unknown) => { value: unknown; judgedAs: unknown; skip?: unknown }][] = [
    [
      'a revoked proxy',
      () => {
        const proxy = revoked();
        return { value: proxy, judgedAs: UNREADABLE, skip: proxy };
      },
    ],
    [
      'a proxy whose every trap throws',
      (current) => {
        const proxy = throwingProxy(typeof current === 'object' && current !== null ? structuredClone(current) : {});
        return { value: proxy, judgedAs: UNREADABLE, skip: proxy };
      },
    ],
    ['a bigint', () => ({ value: 7n, judgedAs: 7n })],
    ['a symbol', () => ({ value: Symbol('x'), judgedAs: UNREADABLE })],
    ['a function', () => ({ value: () => 'x', judgedAs: () => 'x' })],
    ['NaN', () => ({ value: Number.NaN, judgedAs: Number.NaN })],
    ['Infinity', () => ({ value: Number.POSITIVE_INFINITY, judgedAs: Number.POSITIVE_INFINITY })],
    ['-Infinity', () => ({ value: Number.NEGATIVE_INFINITY, judgedAs: Number.NEGATIVE_INFINITY })],
    ['-0', () => ({ value: -0, judgedAs: -0 })],
    ['a float', () => ({ value: 0.5, judgedAs: 0.5 })],
    ['a huge float', () => ({ value: 1e300 + 0.5, judgedAs: 1e300 + 0.5 })],
    [
      'the value as an array (or an array as an object)',
      (current) => {
        const swapped = Array.isArray(current)
          ? { ...current, length: current.length }
          : isObject(current)
            ? Object.assign([], current)
            : [current];
        return { value: swapped, judgedAs: swapped };
      },
    ],
    ['100,000 levels of nesting', () => ({ value: NESTED, judgedAs: NESTED })],
  ];

  it.each(AT_EVERY_PATH)('answers right with %s at any path, without throwing', (_, make) => {
    const problems: string[] = [];
    for (const path of pathsOf(sample)) {
      const { value, judgedAs, skip } = make(getAt(sample, path));
      const expected = verdict(replaceAt(sample, path, judgedAs));
      for (const problem of judge(check, replaceAt(sample, path, value), expected, [skip])) {
        problems.push(`${formatPath(path)}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers right with a cycle back to the root at any path', () => {
    const problems: string[] = [];
    for (const path of pathsOf(sample)) {
      const cyclic = structuredClone(sample) as Record<string, unknown>;
      (getAt(cyclic, path.slice(0, -1)) as any)[path[path.length - 1]!] = cyclic;
      for (const problem of judge(check, cyclic, verdict(cyclic))) problems.push(`${formatPath(path)}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('answers right with a getter that throws at any path', () => {
    const problems: string[] = [];
    for (const path of pathsOf(sample)) {
      const expected = verdict(replaceAt(sample, path, UNREADABLE));
      const value = getterAt(sample, path, () => {
        throw new Error(`getter ${formatPath(path)}`);
      });
      for (const problem of judge(check, value, expected)) problems.push(`${formatPath(path)}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('answers right with a getter that throws on its first read only, at any path', () => {
    const problems: string[] = [];
    for (const path of pathsOf(sample)) {
      const expected = verdict(replaceAt(sample, path, UNREADABLE));
      const current = structuredClone(getAt(sample, path));
      let reads = 0;
      const value = getterAt(sample, path, () => {
        if (reads++ === 0) throw new Error(`first read of ${formatPath(path)}`);
        return current;
      });
      for (const problem of judge(check, value, expected)) problems.push(`${formatPath(path)}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('judges a getter that changes on every read by its first answer, at any path', () => {
    const problems: string[] = [];
    for (const path of pathsOf(sample)) {
      const current = getAt(sample, path);
      // Valid first, then not: the first answer is judged, so the check passes.
      const good = getterAt(sample, path, answering(structuredClone(current), UNREADABLE));
      for (const problem of judge(check, good, true)) problems.push(`${formatPath(path)} valid first: ${problem}`);
      // Not valid first, then valid: the first answer is judged, so the check fails wherever it reads.
      const expected = verdict(replaceAt(sample, path, UNREADABLE));
      const bad = getterAt(sample, path, answering(UNREADABLE, structuredClone(current)));
      for (const problem of judge(check, bad, expected)) problems.push(`${formatPath(path)} invalid first: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it.each([
    ['a cycle back to the root', (root: object) => root],
    ['100,000 levels of nesting', () => NESTED],
    ['a revoked proxy', () => revoked()],
    ['a proxy whose every trap throws', () => throwingProxy({})],
  ] as const)('answers right with %s under an unknown key of any object', (_, make) => {
    const problems: string[] = [];
    for (const path of objectPathsOf(sample)) {
      const copy = structuredClone(sample) as object;
      const added = make(copy);
      (getAt(copy, path) as Record<string, unknown>)['unknown_key'] = added;
      // Unknown keys are never read, except in a map (`metadata`, `attributes`), where every key is.
      const expected = verdict(replaceAt(sample, [...path, 'unknown_key'], added === copy ? copy : UNREADABLE));
      const skip = added === copy ? [] : [added];
      for (const problem of judge(check, copy, expected, skip)) problems.push(`${formatPath(path)}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('treats __proto__ and constructor keys from JSON.parse as the plain own keys they are', () => {
    const problems: string[] = [];
    for (const path of objectPathsOf(sample)) {
      const object = getAt(sample, path) as Record<string, unknown>;
      const required = Object.keys(object).filter((key) => !verdict(replaceAt(sample, [...path, key], undefined)));
      const texts: string[] = [];
      for (const key of ['__proto__', 'constructor']) {
        for (const inner of [{ ...object }, 'text', 1, null, { type: 'nope' }]) {
          texts.push(injectKey(sample, path, key, inner));
        }
        // A required key that is missing cannot be supplied through a "__proto__" key either.
        for (const missing of required) {
          const without = structuredClone(sample);
          delete (getAt(without, path) as Record<string, unknown>)[missing];
          texts.push(injectKey(without, path, key, { [missing]: object[missing] }));
        }
      }
      for (const text of texts) {
        const parsed = JSON.parse(text);
        expect(Object.getPrototypeOf(getAt(parsed, path))).toBe(Object.prototype);
        for (const problem of judge(check, parsed, verdict(JSON.parse(text)))) {
          problems.push(`${formatPath(path)} ${text.slice(0, 80)}: ${problem}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  // Each guard and validator gets its outermost array with a million items: every kind of array is some
  // root's outermost (tool_calls, outputs, results, content), and they all go through the same loop.
  // (Assertions and Standard Schemas run the validator's code; a million items each would add seconds.)
  const holdsArrays = pathsOf(sample).some((path) => {
    const value = getAt(sample, path);
    return Array.isArray(value) && value.length > 0;
  });
  if (holdsArrays && /^(is|validate)[A-Z]/.test(name))
    it(
      'checks arrays of a million items without overflowing the stack',
      () => {
        const { path, valid, lastInvalid } = millionItemArrays(root)!;
        expect(judge(check, withArray(sample, path, valid), true), formatPath(path)).toEqual([]);
        expect(judge(check, withArray(sample, path, lastInvalid), false), formatPath(path)).toEqual([]);
      },
      HEAVY_TIMEOUT,
    );
});

const _millionItemArrays = new Map<
  CheckRoot,
  { path: Path; valid: readonly unknown[]; lastInvalid: readonly unknown[] }
>();

/**
 * For the outermost non-empty array in a root's sample: a million copies of its smallest item, and the
 * same with the last item unreadable, both frozen (built once per root, shared by its checks).
 */
function millionItemArrays(root: CheckRoot) {
  if (_millionItemArrays.has(root)) return _millionItemArrays.get(root);
  const sample = SAMPLES[root];
  const path = pathsOf(sample).find((candidate) => {
    const value = getAt(sample, candidate);
    return Array.isArray(value) && value.length > 0;
  });
  if (path === undefined) return undefined;
  const items = getAt(sample, path) as unknown[];
  // The smallest item, so that the length is what is tested, not the items' size.
  const item = freeze(
    structuredClone([...items].sort((a, b) => JSON.stringify(a).length - JSON.stringify(b).length)[0]),
  );
  const valid = Object.freeze(new Array(1_000_000).fill(item));
  const lastInvalid = valid.slice();
  lastInvalid[lastInvalid.length - 1] = UNREADABLE;
  const arrays = { path, valid, lastInvalid: Object.freeze(lastInvalid) };
  _millionItemArrays.set(root, arrays);
  return arrays;
}

/** A copy of `root` with `array` (not copied) at `path`. */
function withArray(root: unknown, path: Path, array: readonly unknown[]): unknown {
  const copy = replaceAt(root, path, []);
  (getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>)[path[path.length - 1]!] = array;
  return copy;
}

/** The JSON text of `root` with `"key": inner` as the first key of the object at `path`, as a client would receive it. */
function injectKey(root: unknown, path: Path, key: string, inner: unknown): string {
  const copy = structuredClone(root);
  const target = getAt(copy, path) as Record<string, unknown>;
  const rest = { ...target };
  for (const existing of Object.keys(target)) delete target[existing];
  // Defined, not assigned: assigning a "__proto__" key would set the prototype instead.
  for (const [name, value] of [[key, inner], ...Object.entries(rest)] as const) {
    Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return JSON.stringify(copy);
}

describe('a getter that calls a guard itself', () => {
  it('does not disturb the outer check', () => {
    const copy = structuredClone(SAMPLES.isRunStepObject) as object;
    let inner: boolean | undefined;
    Object.defineProperty(copy, 'status', {
      enumerable: true,
      get: () => {
        inner = api.isRunStepObject({ object: 'thread.run.step' });
        return 'completed';
      },
    });
    expect(api.isRunStepObject(copy)).toBe(true);
    expect(inner).toBe(false);
  });
});
