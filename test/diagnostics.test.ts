// The validators against the guards: the same answer on every input (fast-check), issues that point at
// the place a value was corrupted, the assertion error, rendering of hostile values, and the cap.
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import {
  DEFAULT_MAX_ISSUES,
  RunStepValidationError,
  assertRunStepObject,
  formatIssue,
  formatPath,
  isRunStepObject,
  validateRunStepObject,
  type Assertion,
  type RunStepSchema,
  type ValidationIssue,
  type ValidationResult,
  type Validator,
} from '../src/index.js';
import { DELTA_CONTRACT, DISCRIMINANTS, ENUMS, patternOf } from './support/contract.js';
import { corruptions, getAt, walk } from './support/corrupt.js';
import { historicalRunSteps, listFixtures } from './support/archive.js';
import { acceptedRunSteps, deepFreeze } from './support/fixtures.js';
import { allDeltas, allStepEvents } from './support/streams.js';
import { HEAVY_TIMEOUT } from './support/timeouts.js';

type Path = readonly (string | number)[];

/**
 * One root the package checks: its guard, validator, assertion and schema, and where it sits in the
 * fixtures: in a run step, in a run step delta, or a whole stream event (`source`).
 */
function root<Value>(
  name: string,
  pattern: string,
  guard: (value: unknown) => value is Value,
  validate: Validator<Value>,
  assert: Assertion<Value>,
  schema: RunStepSchema<Value>,
  source: 'step' | 'delta' | 'event' | 'historical' | 'list' = 'step',
) {
  return {
    name,
    pattern,
    source,
    guard: guard as (value: unknown) => boolean,
    validate: validate as Validator<unknown>,
    assert: assert as (value: unknown) => void,
    schema: schema as RunStepSchema<unknown>,
  };
}

const ROOTS = [
  root(
    'RunStepObject',
    '',
    api.isRunStepObject,
    api.validateRunStepObject,
    api.assertRunStepObject,
    api.RunStepObjectSchema,
  ),
  root(
    'RunStepDetails',
    'step_details',
    api.isRunStepDetails,
    api.validateRunStepDetails,
    api.assertRunStepDetails,
    api.RunStepDetailsSchema,
  ),
  root(
    'MessageCreationStepDetails',
    'step_details',
    api.isMessageCreationStepDetails,
    api.validateMessageCreationStepDetails,
    api.assertMessageCreationStepDetails,
    api.MessageCreationStepDetailsSchema,
  ),
  root(
    'ToolCallsStepDetails',
    'step_details',
    api.isToolCallsStepDetails,
    api.validateToolCallsStepDetails,
    api.assertToolCallsStepDetails,
    api.ToolCallsStepDetailsSchema,
  ),
  root(
    'ToolCall',
    'step_details.tool_calls[]',
    api.isToolCall,
    api.validateToolCall,
    api.assertToolCall,
    api.ToolCallSchema,
  ),
  root(
    'CodeInterpreterToolCall',
    'step_details.tool_calls[]',
    api.isCodeInterpreterToolCall,
    api.validateCodeInterpreterToolCall,
    api.assertCodeInterpreterToolCall,
    api.CodeInterpreterToolCallSchema,
  ),
  root(
    'FileSearchToolCall',
    'step_details.tool_calls[]',
    api.isFileSearchToolCall,
    api.validateFileSearchToolCall,
    api.assertFileSearchToolCall,
    api.FileSearchToolCallSchema,
  ),
  root(
    'FunctionToolCall',
    'step_details.tool_calls[]',
    api.isFunctionToolCall,
    api.validateFunctionToolCall,
    api.assertFunctionToolCall,
    api.FunctionToolCallSchema,
  ),
  root(
    'CodeInterpreterOutput',
    'step_details.tool_calls[].code_interpreter.outputs[]',
    api.isCodeInterpreterOutput,
    api.validateCodeInterpreterOutput,
    api.assertCodeInterpreterOutput,
    api.CodeInterpreterOutputSchema,
  ),
  root(
    'CodeInterpreterLogsOutput',
    'step_details.tool_calls[].code_interpreter.outputs[]',
    api.isCodeInterpreterLogsOutput,
    api.validateCodeInterpreterLogsOutput,
    api.assertCodeInterpreterLogsOutput,
    api.CodeInterpreterLogsOutputSchema,
  ),
  root(
    'CodeInterpreterImageOutput',
    'step_details.tool_calls[].code_interpreter.outputs[]',
    api.isCodeInterpreterImageOutput,
    api.validateCodeInterpreterImageOutput,
    api.assertCodeInterpreterImageOutput,
    api.CodeInterpreterImageOutputSchema,
  ),
  root(
    'FileSearchResult',
    'step_details.tool_calls[].file_search.results[]',
    api.isFileSearchResult,
    api.validateFileSearchResult,
    api.assertFileSearchResult,
    api.FileSearchResultSchema,
  ),
  root(
    'RunStepStreamEvent',
    '',
    api.isRunStepStreamEvent,
    api.validateRunStepStreamEvent,
    api.assertRunStepStreamEvent,
    api.RunStepStreamEventSchema,
    'event',
  ),
  root(
    'RunStepDeltaObject',
    '',
    api.isRunStepDeltaObject,
    api.validateRunStepDeltaObject,
    api.assertRunStepDeltaObject,
    api.RunStepDeltaObjectSchema,
    'delta',
  ),
  root(
    'RunStepDeltaStepDetails',
    'delta.step_details',
    api.isRunStepDeltaStepDetails,
    api.validateRunStepDeltaStepDetails,
    api.assertRunStepDeltaStepDetails,
    api.RunStepDeltaStepDetailsSchema,
    'delta',
  ),
  root(
    'MessageCreationStepDetailsDelta',
    'delta.step_details',
    api.isMessageCreationStepDetailsDelta,
    api.validateMessageCreationStepDetailsDelta,
    api.assertMessageCreationStepDetailsDelta,
    api.MessageCreationStepDetailsDeltaSchema,
    'delta',
  ),
  root(
    'ToolCallsStepDetailsDelta',
    'delta.step_details',
    api.isToolCallsStepDetailsDelta,
    api.validateToolCallsStepDetailsDelta,
    api.assertToolCallsStepDetailsDelta,
    api.ToolCallsStepDetailsDeltaSchema,
    'delta',
  ),
  root(
    'ToolCallDelta',
    'delta.step_details.tool_calls[]',
    api.isToolCallDelta,
    api.validateToolCallDelta,
    api.assertToolCallDelta,
    api.ToolCallDeltaSchema,
    'delta',
  ),
  root(
    'CodeInterpreterToolCallDelta',
    'delta.step_details.tool_calls[]',
    api.isCodeInterpreterToolCallDelta,
    api.validateCodeInterpreterToolCallDelta,
    api.assertCodeInterpreterToolCallDelta,
    api.CodeInterpreterToolCallDeltaSchema,
    'delta',
  ),
  root(
    'FileSearchToolCallDelta',
    'delta.step_details.tool_calls[]',
    api.isFileSearchToolCallDelta,
    api.validateFileSearchToolCallDelta,
    api.assertFileSearchToolCallDelta,
    api.FileSearchToolCallDeltaSchema,
    'delta',
  ),
  root(
    'FunctionToolCallDelta',
    'delta.step_details.tool_calls[]',
    api.isFunctionToolCallDelta,
    api.validateFunctionToolCallDelta,
    api.assertFunctionToolCallDelta,
    api.FunctionToolCallDeltaSchema,
    'delta',
  ),
  root(
    'CodeInterpreterOutputDelta',
    'delta.step_details.tool_calls[].code_interpreter.outputs[]',
    api.isCodeInterpreterOutputDelta,
    api.validateCodeInterpreterOutputDelta,
    api.assertCodeInterpreterOutputDelta,
    api.CodeInterpreterOutputDeltaSchema,
    'delta',
  ),
  root(
    'CodeInterpreterLogsOutputDelta',
    'delta.step_details.tool_calls[].code_interpreter.outputs[]',
    api.isCodeInterpreterLogsOutputDelta,
    api.validateCodeInterpreterLogsOutputDelta,
    api.assertCodeInterpreterLogsOutputDelta,
    api.CodeInterpreterLogsOutputDeltaSchema,
    'delta',
  ),
  root(
    'CodeInterpreterImageOutputDelta',
    'delta.step_details.tool_calls[].code_interpreter.outputs[]',
    api.isCodeInterpreterImageOutputDelta,
    api.validateCodeInterpreterImageOutputDelta,
    api.assertCodeInterpreterImageOutputDelta,
    api.CodeInterpreterImageOutputDeltaSchema,
    'delta',
  ),
  // Archives: historical steps (and every current one, which is historical too), and list responses.
  root(
    'HistoricalRunStepObject',
    '',
    api.isHistoricalRunStepObject,
    api.validateHistoricalRunStepObject,
    api.assertHistoricalRunStepObject,
    api.HistoricalRunStepObjectSchema,
    'historical',
  ),
  root(
    'AnyRunStepObject',
    '',
    api.isAnyRunStepObject,
    api.validateAnyRunStepObject,
    api.assertAnyRunStepObject,
    api.AnyRunStepObjectSchema,
    'historical',
  ),
  root(
    'RunStepList',
    '',
    api.isRunStepList,
    api.validateRunStepList,
    api.assertRunStepList,
    api.RunStepListSchema,
    'list',
  ),
  root(
    'AnyRunStepList',
    '',
    api.isAnyRunStepList,
    api.validateAnyRunStepList,
    api.assertAnyRunStepList,
    api.AnyRunStepListSchema,
    'list',
  ),
];

const steps = acceptedRunSteps().map(({ step }) => step);
const historicalSteps = [...steps, ...historicalRunSteps().map(({ step }) => step)];
const SOURCES = {
  step: steps,
  delta: allDeltas(),
  event: allStepEvents() as unknown as Record<string, unknown>[],
  historical: historicalSteps,
  // The recorded lists, and one list of every step, historical ones included.
  list: [
    ...listFixtures().map(({ json }) => json),
    { object: 'list', data: historicalSteps, first_id: 'step_first', last_id: 'step_last', has_more: false },
  ],
};

/**
 * Every value at `pattern` in the fixtures of the root's `source` (the fixtures themselves for `''`),
 * with its path.
 */
function valuesAt({
  pattern,
  source,
}: {
  pattern: string;
  source: keyof typeof SOURCES;
}): { path: Path; value: unknown }[] {
  const roots = SOURCES[source];
  const maps = source === 'delta' ? DELTA_CONTRACT.maps : undefined;
  if (pattern === '') return roots.map((value) => ({ path: [], value }));
  return roots.flatMap((value) =>
    [...walk(value)]
      .filter((path) => patternOf(path, maps) === pattern)
      .map((path) => ({ path, value: getAt(value, path) })),
  );
}

/** `path` with `prefix` removed, or `undefined` when `path` is not under `prefix`. */
function under(path: Path, prefix: Path): Path | undefined {
  return prefix.every((key, index) => path[index] === key) ? path.slice(prefix.length) : undefined;
}

/**
 * Whether an issue points at the corrupted place: at it or inside it; for a swapped discriminant, anywhere
 * in the object it discriminates (the body that no longer matches is a sibling of `type`).
 */
function pointsAt(issue: ValidationIssue, corrupted: Path, discriminant: boolean): boolean {
  return under(issue.path, discriminant ? corrupted.slice(0, -1) : corrupted) !== undefined;
}

let cases = 0;
afterAll(() => console.info(`validators: ${cases} agreement cases against the guards`));

describe('each validator says exactly what its guard says', () => {
  it('has a guard, validator, assertion and schema for every root', () => {
    for (const root of ROOTS) {
      expect([typeof root.guard, typeof root.validate, typeof root.assert, typeof root.schema]).toEqual([
        'function',
        'function',
        'function',
        'object',
      ]);
    }
  });

  it.each(ROOTS.map((root) => [root.name, root] as const))('%s: on every fixture value', (_, root) => {
    const values = valuesAt(root);
    expect(values.length).toBeGreaterThan(0);
    for (const { value } of values) {
      const frozen = deepFreeze(structuredClone(value));
      const result = root.validate(frozen);
      expect(result.success).toBe(root.guard(frozen));
      if (result.success) expect(result.value).toBe(frozen);
      else expect(result.issues.length).toBeGreaterThan(0);
    }
  });
});

describe('issues point at the corrupted place', { timeout: HEAVY_TIMEOUT }, () => {
  const totals = { corruptions: 0, exact: 0 };
  afterAll(() =>
    console.info(
      `validateRunStepObject: ${totals.corruptions} corruptions, each with an issue at its place (${totals.exact} at exactly its path)`,
    ),
  );

  it.each(steps.map((step) => [step['id'] as string, step] as const))('%s', (_, step) => {
    const missed: string[] = [];
    for (const corruption of corruptions(step)) {
      const result = validateRunStepObject(corruption.value);
      const issues = result.success ? [] : result.issues;
      const discriminant = DISCRIMINANTS.has(patternOf(corruption.path)) && corruption.description.includes('swapped');
      if (!issues.some((issue) => pointsAt(issue, corruption.path, discriminant))) {
        missed.push(`${corruption.description} -> ${issues.map(formatIssue).join('; ') || 'accepted'}`);
      }
      if (issues.some((issue) => formatPath(issue.path) === formatPath(corruption.path))) totals.exact++;
      totals.corruptions++;
    }
    expect(missed).toEqual([]);
  });

  it('reports a corruption deep in a part at the same place relative to that part', () => {
    let checked = 0;
    for (const step of steps) {
      for (const corruption of corruptions(step)) {
        // Each part of the step that holds the corrupted place, checked alone by the roots of its kind.
        for (let length = 1; length < corruption.path.length; length++) {
          const holder = corruption.path.slice(0, length);
          const pattern = patternOf(holder);
          const inner = corruption.path.slice(length);
          for (const root of ROOTS.filter(
            (candidate) => candidate.source === 'step' && candidate.pattern === pattern,
          )) {
            if (!root.guard(getAt(step, holder))) continue; // a part of another kind, such as a function call for isFileSearchToolCall
            const part = getAt(corruption.value, holder);
            const result = root.validate(part);
            expect(result.success).toBe(root.guard(part));
            if (result.success) continue;
            const discriminant =
              DISCRIMINANTS.has(patternOf(corruption.path)) && corruption.description.includes('swapped');
            if (!result.issues.some((issue) => pointsAt(issue, inner, discriminant))) {
              expect.fail(`${root.name}: ${corruption.description} -> ${result.issues.map(formatIssue).join('; ')}`);
            }
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

// ---- fast-check: generated values --------------------------------------------------------------------

const ENUM_VALUES = [
  ...new Set([...ENUMS.values(), ...DELTA_CONTRACT.enums.values(), api.RUN_STEP_STREAM_EVENTS].flat()),
];
const REMOVE = Symbol('remove');

/** A replacement for one node: removal, a neighbouring enum value, an edge-case number, or any JSON. */
const replacement = fc.oneof(
  fc.constant<typeof REMOVE>(REMOVE),
  fc.constantFrom<unknown>(...ENUM_VALUES),
  fc.constantFrom<unknown>(null, undefined, 0, -0, 1.5, -1, 2 ** 53, Number.NaN, Infinity, '', [], {}, true),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A copy of `value` with the node at one of its paths replaced (or removed), and that path. */
function mutate(value: unknown, pick: number, by: unknown): { value: unknown; path: Path } {
  const paths = [...walk(value)];
  const copy = structuredClone(value);
  if (paths.length === 0) return { value: by === REMOVE ? undefined : by, path: [] };
  const path = paths[pick % paths.length] as Path;
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1] as string | number;
  if (by === REMOVE) delete parent[key];
  else parent[key] = by;
  return { value: copy, path };
}

const RUNS_PER_ROOT = 1_000;

describe('fast-check: validators and guards agree on generated values', { timeout: HEAVY_TIMEOUT }, () => {
  it.each(ROOTS.map((root) => [root.name, root] as const))('%s', (_, root) => {
    const fixtures = valuesAt(root).map(({ value }) => value);
    // Up to three mutations of a fixture value: valid values and corrupted ones, deep inside arrays too.
    const mutated = fc
      .tuple(fc.constantFrom(...fixtures), fc.array(fc.tuple(fc.nat(), replacement), { minLength: 0, maxLength: 3 }))
      .map(([start, edits]) => {
        let value = start;
        let last: Path | undefined;
        for (const [pick, by] of edits) ({ value, path: last } = mutate(value, pick, by));
        return { value, last, edits: edits.length, startValid: root.guard(start) };
      });
    const anyJson = fc.jsonValue().map((value) => ({ value, last: undefined, edits: 0, startValid: false }));
    fc.assert(
      fc.property(fc.oneof({ arbitrary: mutated, weight: 4 }, { arbitrary: anyJson, weight: 1 }), (sample) => {
        cases++;
        const frozen = deepFreeze(sample.value);
        const before = JSON.stringify(frozen);
        const valid = root.guard(frozen);
        const result = root.validate(frozen);
        expect(result.success).toBe(valid);
        expect(JSON.stringify(frozen)).toBe(before);
        // A single edit that breaks a valid value is reported inside the object that holds the edited node.
        if (!result.success && sample.edits === 1 && sample.last !== undefined && sample.startValid) {
          const holder = sample.last.slice(0, -1);
          expect(result.issues.some((issue) => under(issue.path, holder) !== undefined)).toBe(true);
        }
      }),
      { numRuns: RUNS_PER_ROOT },
    );
  });

  it(`checks at least 10,000 generated values per run (${ROOTS.length} roots × ${RUNS_PER_ROOT})`, () => {
    expect(cases).toBeGreaterThanOrEqual(10_000);
  });
});

// ---- the issues themselves ---------------------------------------------------------------------------

const fixtureStep = deepFreeze(
  structuredClone(steps.find((step) => JSON.stringify(step).includes('"function"'))) as Record<string, unknown>,
);

/** `fixtureStep` with `edit` applied to a copy. */
function edited(edit: (step: any) => void): unknown {
  const copy = structuredClone(fixtureStep);
  edit(copy);
  return copy;
}

describe('issues', () => {
  it('carry path, expected, received kind and preview, and a message', () => {
    const result = validateRunStepObject(
      edited((step) => {
        const call = step.step_details.tool_calls.find((c: any) => c.type === 'function');
        call.function.output = 42;
      }),
    );
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues;
    expect(issue?.path.slice(0, 2)).toEqual(['step_details', 'tool_calls']);
    expect(issue?.path.slice(3)).toEqual(['function', 'output']);
    expect(issue?.expected).toBe('string or null');
    expect(issue?.received).toEqual({ kind: 'number', preview: '42' });
    expect(issue?.message).toBe('expected string or null, received number (42)');
    expect(formatIssue(issue!)).toMatch(/^step_details\.tool_calls\[\d+\]\.function\.output: expected string or null/);
  });

  it('lists every issue, in the order of the checks, the same on every call', () => {
    const value = edited((step) => {
      step.created_at = 1.5;
      step.status = 'done';
      step.metadata = { a: 1 };
      step.usage = { prompt_tokens: '1', completion_tokens: 2, total_tokens: null };
    });
    const first = validateRunStepObject(value);
    expect(first.success ? [] : first.issues.map(formatIssue)).toEqual([
      'created_at: expected integer, received number (1.5)',
      'status: expected "in_progress" | "cancelled" | "failed" | "completed" | "expired", received string ("done")',
      'metadata.a: expected string, received number (1)',
      'usage.prompt_tokens: expected integer, received string ("1")',
      'usage.total_tokens: expected integer, received null',
    ]);
    expect(validateRunStepObject(value)).toEqual(first);
  });

  it('reports a step whose type disagrees with its details at both places, since either may be wrong', () => {
    const value = edited((step) => (step.type = 'message_creation'));
    const result = validateRunStepObject(value);
    expect(result.success ? [] : result.issues.map(formatIssue)).toEqual([
      `step_details.type: expected "message_creation" (the step's type), received string ("tool_calls")`,
      'type: expected "tool_calls" (its step_details.type), received string ("message_creation")',
    ]);
  });

  it('stops at DEFAULT_MAX_ISSUES (100), or at maxIssues', () => {
    const value = edited((step) => (step.step_details.tool_calls = Array.from({ length: 500 }, () => null)));
    const capped = validateRunStepObject(value);
    expect(DEFAULT_MAX_ISSUES).toBe(100);
    expect(capped.success ? 0 : capped.issues.length).toBe(DEFAULT_MAX_ISSUES);
    const one = validateRunStepObject(value, { maxIssues: 1 });
    expect(one.success ? [] : one.issues.map(formatIssue)).toEqual([
      'step_details.tool_calls[0]: expected object, received null',
    ]);
    const nonsense = validateRunStepObject(value, { maxIssues: -5 });
    expect(nonsense.success ? 0 : nonsense.issues.length).toBe(1);
  });

  it('render hostile values briefly, and never throw', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const received = (value: unknown) => {
      const result = validateRunStepObject(edited((step) => (step.id = value)));
      return result.success ? undefined : result.issues[0]?.received;
    };
    expect(received('x'.repeat(100_000))).toBeUndefined(); // a long id is still an id
    expect(received(cyclic)).toEqual({ kind: 'object', preview: '{a, self}' });
    expect(received(Symbol('s'))).toEqual({ kind: 'symbol', preview: 'Symbol(s)' });
    expect(received(10n)).toEqual({ kind: 'bigint', preview: '10n' });
    expect(received(-0)).toEqual({ kind: 'number', preview: '-0' });
    expect(received(Number.NaN)).toEqual({ kind: 'number', preview: 'NaN' });
    expect(received(Array.from({ length: 3 }))).toEqual({ kind: 'array', preview: '[3 items]' });
    expect(received(revocable.proxy)).toEqual({
      kind: 'unreadable',
      preview: 'a revoked proxy, or a proxy whose traps throw',
    });
    expect(received(function named() {})).toEqual({ kind: 'function', preview: 'function named' });
    const long = validateRunStepObject(edited((step) => (step.created_at = 'y'.repeat(100_000))));
    expect(long.success ? undefined : long.issues[0]?.received.preview).toBe(`"${'y'.repeat(40)}…"`);
  });

  it('report a throwing getter at its own key, with what it threw', () => {
    const value = edited(() => undefined) as Record<string, unknown>;
    const hostile = Object.defineProperty({ ...value }, 'run_id', {
      enumerable: true,
      get() {
        throw new RangeError('no run here');
      },
    });
    const result = validateRunStepObject(hostile);
    expect(isRunStepObject(hostile)).toBe(false);
    expect(result.success ? [] : result.issues.map(formatIssue)).toEqual([
      'run_id: expected string, received unreadable (threw RangeError: no run here)',
    ]);
  });

  it('report a proxy whose traps throw where it sits', () => {
    const trap = () => {
      throw new Error('trap');
    };
    const hostile = new Proxy({}, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap });
    const value = edited((step) => (step.metadata = {}));
    const withProxy = { ...(value as object), metadata: hostile, usage: hostile };
    const result = validateRunStepObject(withProxy);
    expect(isRunStepObject(withProxy)).toBe(false);
    const paths = result.success ? [] : result.issues.map((issue) => formatPath(issue.path));
    expect(paths).toContain('metadata');
    expect(paths.every((path) => path.startsWith('metadata') || path.startsWith('usage'))).toBe(true);
  });
  it('report an array item or length that cannot be read at its own place', () => {
    const value = edited(() => undefined) as any;
    const calls = value.step_details.tool_calls;
    const throwingItem = new Proxy([...calls], {
      get: (target, key) => {
        if (key === '0') throw new Error('item 0');
        return Reflect.get(target, key);
      },
    });
    const itemResult = validateRunStepObject({
      ...value,
      step_details: { ...value.step_details, tool_calls: throwingItem },
    });
    expect(itemResult.success ? [] : itemResult.issues.map(formatIssue)).toEqual([
      'step_details.tool_calls[0]: expected object, received unreadable (threw Error: item 0)',
    ]);
    const throwingLength = new Proxy([...calls], {
      get: (target, key) => {
        if (key === 'length') throw new Error('no length');
        return Reflect.get(target, key);
      },
    });
    const lengthResult = validateRunStepObject({
      ...value,
      step_details: { ...value.step_details, tool_calls: throwingLength },
    });
    expect(lengthResult.success ? [] : lengthResult.issues.map(formatIssue)).toEqual([
      'step_details.tool_calls: expected array, received unreadable (threw Error: no length)',
    ]);
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    const cycleResult = validateRunStepObject({
      ...value,
      id: {
        get length() {
          throw new Error('x');
        },
      },
      step_details: { ...value.step_details, tool_calls: cyclic },
    });
    expect(cycleResult.success ? [] : cycleResult.issues.map((issue) => formatPath(issue.path))).toEqual([
      'id',
      'step_details.tool_calls[0]',
    ]);
  });
});

describe('a root of one kind names that kind', () => {
  it('as the expected type, whether the value has another kind or none the package knows', () => {
    const expected = (result: ValidationResult<unknown>) => (result.success ? [] : result.issues.map(formatIssue));
    expect(expected(api.validateFunctionToolCall({ id: 'call_1', type: 'retrieval' }))).toEqual([
      'type: expected "function", received string ("retrieval")',
    ]);
    expect(expected(api.validateFunctionToolCall({ id: 'call_1', type: 'file_search', file_search: {} }))).toEqual([
      'type: expected "function", received string ("file_search")',
    ]);
    expect(expected(api.validateCodeInterpreterLogsOutput({ type: 'chart' }))).toEqual([
      'type: expected "logs", received string ("chart")',
    ]);
    expect(expected(api.validateToolCall({ id: 'call_1', type: 'retrieval' }))).toEqual([
      'type: expected "code_interpreter" | "file_search" | "function", received string ("retrieval")',
    ]);
  });
});

describe('formatPath', () => {
  it('writes paths as code would', () => {
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(['step_details', 'tool_calls', 2, 'function', 'output'])).toBe(
      'step_details.tool_calls[2].function.output',
    );
    expect(formatPath(['metadata', 'a key', 'x'])).toBe('metadata["a key"].x');
    expect(formatPath([0, 'id'])).toBe('[0].id');
  });
});

describe('assertRunStepObject and RunStepValidationError', () => {
  it('returns on a valid run step', () => {
    expect(() => assertRunStepObject(fixtureStep)).not.toThrow();
  });

  it('throws a RunStepValidationError that lists every issue, one per line', () => {
    let thrown: unknown;
    try {
      assertRunStepObject(edited((step) => ((step.id = 7), (step.usage = 'none'))));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RunStepValidationError);
    expect(thrown).toBeInstanceOf(TypeError);
    const error = thrown as RunStepValidationError;
    expect(error.name).toBe('RunStepValidationError');
    expect(error.expected).toBe('RunStepObject');
    expect(error.issues.map(formatIssue)).toEqual([
      'id: expected string, received number (7)',
      'usage: expected object or null, received string ("none")',
    ]);
    expect(error.message).toBe(
      [
        'Not a valid RunStepObject (2 issues):',
        '  id: expected string, received number (7)',
        '  usage: expected object or null, received string ("none")',
      ].join('\n'),
    );
  });

  it.each(ROOTS.map((root) => [root.name, root] as const))('assert%s names its type', (name, root) => {
    expect(() => root.assert(null)).toThrow(
      new RegExp(`^Not a valid ${name} \\(1 issue\\):\\n  \\(root\\): expected object, received null$`),
    );
  });
});

describe('Standard Schema v1', () => {
  it.each(ROOTS.map((root) => [root.name, root] as const))('%sSchema implements ~standard', (_, root) => {
    const standard = root.schema['~standard'];
    expect(standard.version).toBe(1);
    expect(standard.vendor).toBe('openai-run-step-guards');
    const [first] = valuesAt(root).filter(({ value }) => root.guard(value));
    expect(standard.validate(first?.value)).toEqual({ value: first?.value });
    const failure = standard.validate({});
    expect(failure.issues?.length).toBeGreaterThan(0);
  });

  it('honours libraryOptions.maxIssues', () => {
    const failure = api.RunStepObjectSchema['~standard'].validate({}, { libraryOptions: { maxIssues: 2 } });
    expect('issues' in failure ? failure.issues?.length : 0).toBe(2);
  });
});

// ---- bounded renderings, options, and the careful pass at scale (issue 14) -------------------------------

/** `fixtureStep` with one file search call whose results are `results`. */
const withResults = (results: unknown[]) =>
  edited((step) => {
    step.type = 'tool_calls';
    step.step_details = {
      type: 'tool_calls',
      tool_calls: [{ id: 'call_fs', type: 'file_search', file_search: { results } }],
    };
  });

describe('renderings are bounded, while paths stay exact', { timeout: HEAVY_TIMEOUT }, () => {
  it('cuts a 6-million-character key in every rendering: 100 issues under it still make one error', () => {
    const key = 'k'.repeat(6_000_000);
    const result = { file_id: 'file-1', file_name: 'a.txt', score: 0.5, attributes: { [key]: {} } };
    const value = withResults(Array.from({ length: 100 }, () => result));
    let thrown: unknown;
    try {
      assertRunStepObject(value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RunStepValidationError);
    const error = thrown as RunStepValidationError;
    expect(error.issues).toHaveLength(100);
    // The path is data, kept whole; what is printed is cut.
    expect(error.issues[0]?.path).toEqual([
      'step_details',
      'tool_calls',
      0,
      'file_search',
      'results',
      0,
      'attributes',
      key,
    ]);
    expect(formatIssue(error.issues[0]!)).toBe(
      `step_details.tool_calls[0].file_search.results[0].attributes.${'k'.repeat(40)}…: expected string, number or boolean, received object ({})`,
    );
    expect(error.message.length).toBeLessThan(100 * 200);
  });

  it('escapes control characters and cuts long paths and messages', () => {
    expect(formatPath(['metadata', 'a\u001b[2J\u0085'])).toBe('metadata["a\\u001b[2J\\u0085"]');
    const deep = Array.from({ length: 1000 }, (_, n) => `k${n}`);
    expect(formatPath(deep)).toBe('k0.k1.k2.k3.k4.k5.k6.k7….k992.k993.k994.k995.k996.k997.k998.k999');
    const issue: ValidationIssue = {
      path: ['x'],
      expected: 'y',
      received: { kind: 'string', preview: '"z"' },
      message: `line\nbreak\u009b${'m'.repeat(10_000)}`,
    };
    expect(formatIssue(issue)).toBe(`x: line\\u000abreak\\u009b${'m'.repeat(489)}…`);
    // The error lists at most 100 issues, whatever it is given.
    const many = new RunStepValidationError(
      `Name\u001b${'n'.repeat(1000)}`,
      Array.from({ length: 10_000 }, () => issue),
    );
    expect(many.message.split('\n')).toHaveLength(102);
    expect(many.message.split('\n')[0]).toBe(`Not a valid Name\\u001b${'n'.repeat(95)}… (10000 issues):`);
    expect(many.message.split('\n')[101]).toBe('  … and 9900 more');
    expect(many.message).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('previews each object once per call, enumerating at most five of its keys', () => {
    let enumerations = 0;
    let keysAsked = 0;
    const big: Record<string, number> = {};
    for (let n = 0; n < 10_000; n++) big[`key${n}`] = n;
    const proxy = new Proxy(big, {
      ownKeys: (target) => (enumerations++, Reflect.ownKeys(target)),
      getOwnPropertyDescriptor: (target, key) => (keysAsked++, Reflect.getOwnPropertyDescriptor(target, key)),
    });
    const metadata = Object.fromEntries(Array.from({ length: 100 }, (_, n) => [`m${n}`, proxy]));
    const result = validateRunStepObject(edited((step) => (step.metadata = metadata)));
    expect(result.success ? [] : result.issues.map((issue) => issue.received.preview)).toEqual(
      Array.from({ length: 100 }, () => '{key0, key1, key2, key3, …}'),
    );
    // One enumeration for 100 references; five keys looked at, each twice (`for...in` asks whether it is
    // enumerable, then `hasOwnProperty` whether it is own): not the 10,000 Object.keys would ask.
    expect([enumerations, keysAsked]).toEqual([1, 10]);
  });

  it("reads a function's name inside the preview's catch, and escapes it", () => {
    const named = Object.defineProperty(() => undefined, 'name', {
      get() {
        throw new Error('no name');
      },
    });
    const escaped = Object.defineProperty(() => undefined, 'name', { value: 'f\u001b[31m' });
    const received = (value: unknown) => {
      const result = validateRunStepObject(edited((step) => (step.id = value)));
      return result.success ? [] : result.issues.map((issue) => [formatPath(issue.path), issue.received.preview]);
    };
    expect(received(named)).toEqual([['id', 'a revoked proxy, or a proxy whose traps throw']]);
    expect(received(escaped)).toEqual([['id', 'function f\\u001b[31m']]);
    const symbol = validateRunStepObject(edited((step) => (step.id = Symbol('\u0007bell'))));
    expect(symbol.success ? '' : symbol.issues[0]?.received.preview).toBe('Symbol(\\u0007bell)');
  });

  it('answers with an accessor on Array.prototype[0], as the guards do', () => {
    const value = edited((step) => ((step.id = 7), (step.status = 'nope')));
    let answers: unknown[] = [];
    Object.defineProperty(Array.prototype, 0, { configurable: true, get: () => 'polluted' });
    try {
      answers = [
        isRunStepObject(value),
        validateRunStepObject(value),
        api.RunStepObjectSchema['~standard'].validate(value),
        (() => {
          try {
            assertRunStepObject(value);
            return 'returned';
          } catch (error) {
            return error instanceof RunStepValidationError ? error.issues : error;
          }
        })(),
      ];
    } finally {
      delete (Array.prototype as unknown as Record<number, unknown>)[0];
    }
    const issues = [expect.objectContaining({ path: ['id'] }), expect.objectContaining({ path: ['status'] })];
    expect(answers).toEqual([false, { success: false, issues }, { issues }, issues]);
  });
});

describe('options: read once, one rule for validators and Standard Schema libraryOptions', () => {
  const value = edited((step) => (step.step_details.tool_calls = Array.from({ length: 50 }, () => null)));
  const count = (result: ValidationResult<unknown> | { issues?: readonly unknown[] }) =>
    'issues' in result && result.issues !== undefined ? result.issues.length : 0;
  const schema = (libraryOptions: unknown) =>
    count(api.RunStepObjectSchema['~standard'].validate(value, { libraryOptions } as never) as never);
  const validator = (options: unknown) => count(validateRunStepObject(value, options as never));
  const throwing = new Proxy(
    {},
    {
      get() {
        throw new Error('trap');
      },
    },
  );
  const cases: [string, unknown, number][] = [
    ['3', 3, 3],
    ['1.5 (floored)', 1.5, 1],
    ['0.5 (at least 1)', 0.5, 1],
    ['-5', -5, 1],
    ['NaN (the default)', Number.NaN, 50],
    ['"3" (not a number: the default)', '3', 50],
    [
      'an object whose valueOf throws',
      {
        valueOf: () => {
          throw new Error('valueOf');
        },
      },
      50,
    ],
    ['a Number object', Object(3), 50],
    ['a getter that throws', 'getter', 50],
  ];
  it.each(cases)('maxIssues %s', (_, given, expected) => {
    const options =
      given === 'getter'
        ? Object.defineProperty({}, 'maxIssues', {
            get() {
              throw new Error('getter');
            },
          })
        : { maxIssues: given };
    expect([validator(options), schema(options)]).toEqual([expected, expected]);
  });

  it('treats options that cannot be read as none', () => {
    expect([validator(throwing), validator(null), validator(7), validator('x')]).toEqual([50, 50, 50, 50]);
    expect(count(api.RunStepObjectSchema['~standard'].validate(value, throwing as never) as never)).toBe(50);
    expect([schema(throwing), schema(null)]).toEqual([50, 50]);
  });
});

describe('the careful pass copies nothing', () => {
  it(
    'validates a sparse tool_calls of length 2³²−1 beside a throwing getter in a 64 MB heap',
    () => {
      const script = `
      import { validateRunStepObject } from ${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)};
      const step = JSON.parse(process.argv[1]);
      const calls = [];
      calls.length = 2 ** 32 - 1;
      step.step_details = { type: 'tool_calls', tool_calls: calls };
      step.type = 'tool_calls';
      Object.defineProperty(step, 'run_id', { enumerable: true, get() { throw new Error('no run'); } });
      const result = validateRunStepObject(step, { maxIssues: 5 });
      console.log(JSON.stringify(result.issues.map((issue) => issue.path.join('.') + ' ' + issue.received.kind)));
    `;
      const run = spawnSync(
        process.execPath,
        ['--max-old-space-size=64', '--input-type=module', '-e', script, JSON.stringify(fixtureStep)],
        { encoding: 'utf8' },
      );
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toEqual([
        'run_id unreadable',
        'step_details.tool_calls.0 undefined',
        'step_details.tool_calls.1 undefined',
        'step_details.tool_calls.2 undefined',
        'step_details.tool_calls.3 undefined',
      ]);
    },
    HEAVY_TIMEOUT,
  );
});
