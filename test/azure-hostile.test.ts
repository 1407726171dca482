// Hostile values and a polluted Object.prototype against the Azure profile and a user-extended guard,
// in the way of test/hostile.test.ts and test/prototype-pollution.test.ts (this file writes to
// Object.prototype too, so it relies on vitest.config.ts running each file in its own process). Places
// Azure leaves undescribed (support/azure.ts OPAQUE_PREFIXES) are not read, so anything passes there.
import { afterEach, describe, expect, it } from 'vitest';
import { createRunStepGuard, defineToolCallKind, validateToolCall } from 'openai-run-step-guards';
import { AZURE_TOOL_CALL_TYPES, isAzureRunStepObject, validateAzureRunStepObject } from 'openai-run-step-guards/azure';
import { AZURE_CONTRACT, OPAQUE_EXCEPTIONS, OPAQUE_PREFIXES, azureSteps } from './support/azure.js';
import { formatPath, patternOf } from './support/contract.js';
import { getAt, walk } from './support/corrupt.js';
import { acceptedRunSteps } from './support/fixtures.js';
import { answering, freeze, getterAt, instrument, replaceAt, revoked, throwingProxy } from './support/hostile.js';

type Path = readonly (string | number)[];
const steps = azureSteps();

/** Whether a path is in a place no check reads. */
function opaque(path: Path): boolean {
  const pattern = patternOf(path, AZURE_CONTRACT.maps);
  return !OPAQUE_EXCEPTIONS.has(pattern) && OPAQUE_PREFIXES.some((prefix) => pattern.startsWith(prefix));
}

/**
 * Places only checked to hold an object, never read into: an object whose every trap throws passes
 * there (it is an object), as it would pass for an `unknown` field.
 */
function objectOnly(path: Path): boolean {
  const pattern = patternOf(path, AZURE_CONTRACT.maps);
  return [
    'step_details.activities[].tools.*.parameters',
    'step_details.tool_calls[].computer_use_preview.output',
  ].includes(pattern);
}

/**
 * The `type` and `id` of a call of a user's kind: read once to choose the kind, and again by the user's
 * own check, which is given the whole call. A getter that answers differently the second time gets the
 * value rejected, never accepted. Azure's own kinds (and `activities` details) are checked by their
 * bodies, which the dispatch hands the record it has read: each property is read once, and the first
 * answer is the one every check sees (issue 15).
 */
function readTwice(step: unknown, path: Path): boolean {
  const key = path[path.length - 1];
  const owner = getAt(step, path.slice(0, -1)) as Record<string, unknown>;
  const pattern = patternOf(path.slice(0, -1), AZURE_CONTRACT.maps);
  return (
    pattern === 'step_details.tool_calls[]' &&
    (key === 'type' || key === 'id') &&
    !['code_interpreter', 'file_search', 'function', ...AZURE_TOOL_CALL_TYPES].includes(owner['type'] as string)
  );
}

/** A user's kind, described by the package's own validator of another root: any valid function call body. */
const weather = defineToolCallKind(
  'weather_lookup',
  (value: unknown): value is { id: string; type: 'weather_lookup' } => {
    const call = value as Record<string, unknown>;
    const id = call['id'];
    return (
      call['type'] === 'weather_lookup' &&
      typeof id === 'string' &&
      validateToolCall({ id, type: 'function', function: call['function'] }).success
    );
  },
);
const extended = createRunStepGuard({ toolCalls: [weather], unknownToolCalls: 'reject' });
const withWeather = (() => {
  const base = acceptedRunSteps().find(({ step }) => step['type'] === 'tool_calls')!.step;
  const call = { id: 'call_w', type: 'weather_lookup', function: { name: 'w', arguments: '{}', output: null } };
  return { ...structuredClone(base), step_details: { type: 'tool_calls', tool_calls: [call] } };
})();

const GUARDS: [string, (value: unknown) => boolean, readonly { source: string; step: unknown }[]][] = [
  ['isAzureRunStepObject', isAzureRunStepObject, steps],
  ['validateAzureRunStepObject', (value) => validateAzureRunStepObject(value).success, steps],
  ['an extended guard', extended.is, [{ source: 'a step with a weather_lookup call', step: withWeather }]],
];

describe.each(GUARDS)('%s on hostile values', (_, check, samples) => {
  it.each([
    ['a revoked proxy', revoked()],
    ['a proxy whose every trap throws', throwingProxy({})],
    ['a bigint', 10n],
    ['a function', () => null],
  ])('rejects %s at the root, without throwing', (_, value) => {
    expect(check(value)).toBe(false);
  });

  it('rejects an unreadable value at every place it reads, without throwing, and writes nothing', () => {
    const problems: string[] = [];
    for (const { source, step } of samples) {
      for (const path of walk(step)) {
        for (const [what, hostile] of [
          ['revoked proxy', revoked()],
          ['throwing proxy', throwingProxy({})],
        ] as const) {
          const expected = opaque(path) || (what === 'throwing proxy' && objectOnly(path));
          const value = freeze(replaceAt(step, path, hostile) as object, new Set([hostile]));
          let answer: unknown;
          try {
            answer = check(value);
          } catch (error) {
            answer = `threw ${String(error)}`;
          }
          if (answer !== expected) problems.push(`${source} ${formatPath(path)} (${what}): ${String(answer)}`);
        }
        const getter = getterAt(step, path, () => {
          throw new Error('getter');
        });
        if (check(getter) !== opaque(path)) problems.push(`${source} ${formatPath(path)} (throwing getter)`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("reads each property once (twice for an added kind's type and id), writes nothing, never mixes two answers", () => {
    for (const { source, step } of samples) {
      const { value, reads, writes } = instrument(structuredClone(step));
      expect(check(value), source).toBe(true);
      const twice = new Set(
        [...walk(step)].filter((path) => readTwice(step, path)).map((path) => `.${path.join('.')}`),
      );
      expect([...reads].filter(([path, count]) => count > (twice.has(path) ? 2 : 1))).toEqual([]);
      expect(writes).toEqual([]);
      for (const path of walk(step)) {
        if (opaque(path)) continue;
        const good = getAt(step, path);
        // First a valid answer, then an invalid one: a check that read once kept the first; one that
        // read twice saw both, and rejects.
        const shifting = getterAt(step, path, answering(good, Symbol('second')));
        expect(check(shifting), formatPath(path)).toBe(!readTwice(step, path));
      }
    }
  });
});

const objectPrototype = Object.prototype as Record<PropertyKey, unknown>;
const added: PropertyKey[] = [];
afterEach(() => {
  for (const key of added.splice(0)) delete objectPrototype[key];
});

describe.each(GUARDS)('%s with a polluted Object.prototype', (_, check, samples) => {
  it('never takes a missing key from the prototype', () => {
    const fooled: string[] = [];
    for (const { source, step } of samples) {
      for (const path of walk(step)) {
        const key = path[path.length - 1];
        const pattern = patternOf(path, AZURE_CONTRACT.maps);
        if (typeof key !== 'string' || pattern.endsWith('*') || opaque(path)) continue;
        const copy = structuredClone(step);
        delete (getAt(copy, path.slice(0, -1)) as Record<string, unknown>)[key];
        const optional = AZURE_CONTRACT.optional.has(pattern);
        objectPrototype[key] = optional ? Symbol('polluted') : structuredClone(getAt(step, path));
        try {
          if (check(copy) !== optional)
            fooled.push(`${source} ${formatPath(path)} (${optional ? 'optional' : 'required'})`);
        } finally {
          delete objectPrototype[key];
        }
      }
    }
    expect(fooled).toEqual([]);
  });

  it('accepts every sample while the prototype holds keys the checks read', () => {
    for (const key of ['bing_grounding', 'server_label', 'tools', 'activities', 'steps', 'type']) {
      objectPrototype[key] = 'polluted';
      added.push(key);
    }
    for (const { source, step } of samples) expect(check(step), source).toBe(true);
  });
});

describe('the careful pass on Azure steps, with a polluted Object.prototype', () => {
  it('reports only the read that threw, on every fixture step', () => {
    for (const key of ['id', 'type', 'server_label', 'bing_grounding', 'activities']) {
      objectPrototype[key] = 'polluted';
      added.push(key);
    }
    const reported: string[] = [];
    for (const { source, step } of steps) {
      const hostile = Object.defineProperty(structuredClone(step) as object, 'thread_id', {
        enumerable: true,
        get() {
          throw new Error('no thread');
        },
      });
      const result = validateAzureRunStepObject(hostile);
      const paths = result.success ? ['(valid)'] : result.issues.map((issue) => formatPath(issue.path));
      if (paths.join() !== 'thread_id') reported.push(`${source}: ${paths.join(', ')}`);
    }
    expect(steps.length).toBeGreaterThanOrEqual(9);
    expect(reported).toEqual([]);
  });
});
