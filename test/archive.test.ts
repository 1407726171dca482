// Archives: historical run steps and list responses. Real and documented historical payloads pass the
// historical and Any guards and fail the current one for their documented reasons; every current step
// passes the Any guard; every corruption of a historical step is rejected at its place; list responses
// as the wire sent them (an empty list included) pass.
import { afterAll, describe, expect, it } from 'vitest';
import {
  AnyRunStepListSchema,
  AnyRunStepObjectSchema,
  HistoricalRunStepObjectSchema,
  RunStepListSchema,
  RunStepValidationError,
  assertAnyRunStepList,
  assertAnyRunStepObject,
  assertHistoricalRunStepObject,
  assertRunStepList,
  formatIssue,
  historicalRunStepTraits,
  isAnyRunStepList,
  isAnyRunStepObject,
  isHistoricalRunStepObject,
  isRunStepList,
  isRunStepObject,
  runStepGeneration,
  validateAnyRunStepList,
  validateAnyRunStepObject,
  validateHistoricalRunStepObject,
  validateRunStepList,
  validateRunStepObject,
} from 'openai-run-step-guards';
import { historicalRunSteps, listFixtures } from './support/archive.js';
import { DISCRIMINANTS, HISTORICAL_CONTRACT, formatPath, patternOf } from './support/contract.js';
import { corruptions } from './support/corrupt.js';
import { acceptedRunSteps, deepFreeze } from './support/fixtures.js';

const current = acceptedRunSteps();
const historical = historicalRunSteps();
const lists = listFixtures();

type Path = readonly (string | number)[];
const under = (path: Path, prefix: Path) => prefix.every((key, index) => path[index] === key);

describe('historical run steps', () => {
  it('come from every source: synthetic v1 steps, the v1 wire payload and the v1 list', () => {
    const folders = new Set(historical.map(({ source }) => source.split('/')[0]));
    expect([...folders].sort()).toEqual(['historical', 'lists', 'wire']);
  });

  it.each(historical.map((found) => [found.source, found] as const))('%s: accepted as historical only', (_, found) => {
    const step = deepFreeze(structuredClone(found.step));
    expect(isHistoricalRunStepObject(step)).toBe(true);
    expect(isAnyRunStepObject(step)).toBe(true);
    expect(validateHistoricalRunStepObject(step)).toEqual({ success: true, value: step });
    expect(validateAnyRunStepObject(step).success).toBe(true);
    expect(() => assertHistoricalRunStepObject(step)).not.toThrow();
    expect(() => assertAnyRunStepObject(step)).not.toThrow();
    expect(HistoricalRunStepObjectSchema['~standard'].validate(step)).toEqual({ value: step });
    expect(AnyRunStepObjectSchema['~standard'].validate(step)).toEqual({ value: step });
    expect(runStepGeneration(step)).toBe('historical');
    // Rejected by the current guard, for the documented reasons and no other.
    expect(isRunStepObject(step)).toBe(false);
    const result = validateRunStepObject(step);
    expect(result.success ? [] : result.issues.map((issue) => formatPath(issue.path))).toEqual(found.currentIssues);
  });

  it('show the traits of their version', () => {
    const traits = Object.fromEntries(historical.map(({ source, step }) => [source, historicalRunStepTraits(step)]));
    expect(traits).toEqual({
      'historical/h01__v1-2023_retrieval_completed_no-usage.json': ['no_usage', 'retrieval'],
      'historical/h02__v1-2024-02_retrieval_with-usage.json': ['retrieval'],
      'historical/h03__v1-2023_in-progress_code-interpreter_function-no-output.json': [
        'no_usage',
        'function_without_output',
      ],
      'wire/14__simple-openai_v1-2023_retrieve_message-creation_no-usage.json': ['no_usage'],
      'lists/l03__simple-openai_v1-2023_function-no-output_no-usage.json data[0]': [
        'no_usage',
        'function_without_output',
      ],
    });
  });

  it('keep their traits when invalid, so that a tool can pick the validator that fits', () => {
    for (const { step } of historical) {
      const broken = { ...step, created_at: 'yesterday' };
      expect(runStepGeneration(broken)).toBeUndefined();
      expect(historicalRunStepTraits(broken)).toEqual(historicalRunStepTraits(step));
      const result = validateHistoricalRunStepObject(broken);
      expect(result.success ? [] : result.issues.map((issue) => formatPath(issue.path))).toEqual(['created_at']);
    }
  });
});

describe('current run steps', () => {
  it('every accepted fixture is also a historical and an Any run step, of the current generation', () => {
    expect(current.length).toBeGreaterThan(20);
    for (const { source, step } of current) {
      expect(isAnyRunStepObject(step), source).toBe(true);
      expect(isHistoricalRunStepObject(step), source).toBe(true);
      expect(runStepGeneration(step), source).toBe('current');
    }
  });

  it('show no historical trait, but the early v2 `file_search: {}`, which the current guard accepts', () => {
    const shown = current
      .map(({ source, step }) => [source, historicalRunStepTraits(step)] as const)
      .filter(([, traits]) => traits.length > 0);
    expect(shown).toEqual([['synthetic/s06__early-v2_file-search-empty.json', ['empty_file_search']]]);
  });

  it('no generation and no trait for what is no run step', () => {
    for (const value of [undefined, null, 0, 'step', [], () => {}]) {
      expect(runStepGeneration(value)).toBeUndefined();
      expect(historicalRunStepTraits(value)).toEqual([]);
    }
    // An object is read as a run step would be: it has no `usage`.
    expect(historicalRunStepTraits({ object: 'thread.run.step' })).toEqual(['no_usage']);
  });
});

describe('every corruption of a historical step is rejected, at its place', () => {
  const totals = { corruptions: 0, exact: 0 };
  afterAll(() =>
    console.info(
      `validateHistoricalRunStepObject: ${totals.corruptions} corruptions of historical steps, each with an issue at its place (${totals.exact} at exactly its path)`,
    ),
  );

  it.each(historical.map((found) => [found.source, found.step] as const))('%s', (_, step) => {
    const missed: string[] = [];
    for (const corruption of corruptions(step, HISTORICAL_CONTRACT)) {
      const value = deepFreeze(corruption.value);
      expect(isHistoricalRunStepObject(value)).toBe(false);
      expect(isAnyRunStepObject(value)).toBe(false);
      const result = validateHistoricalRunStepObject(value);
      const issues = result.success ? [] : result.issues;
      // A swapped discriminant is reported anywhere in the object it discriminates.
      const swapped = DISCRIMINANTS.has(patternOf(corruption.path)) && corruption.description.includes('swapped');
      const place = swapped ? corruption.path.slice(0, -1) : corruption.path;
      if (!issues.some((issue) => under(issue.path, place))) {
        missed.push(`${corruption.description} -> ${issues.map(formatIssue).join('; ') || 'accepted'}`);
      }
      if (issues.some((issue) => formatPath(issue.path) === formatPath(corruption.path))) totals.exact++;
      totals.corruptions++;
    }
    expect(missed).toEqual([]);
  });
});

describe('list responses', () => {
  it('the recorded lists, the empty one included, pass the guards of their generation', () => {
    const verdicts = lists.map(({ file, json }) => [file, isRunStepList(json), isAnyRunStepList(json)]);
    expect(verdicts).toEqual([
      ['lists/l01__ruby-openai_empty.json', true, true],
      ['lists/l02__ruby-openai_message-creation_in-progress.json', true, true],
      ['lists/l03__simple-openai_v1-2023_function-no-output_no-usage.json', false, true],
    ]);
  });

  it('the wire sends `first_id` and `last_id` as null for an empty list', () => {
    const empty = lists.find(({ file }) => file.includes('empty'))!.json;
    expect(empty).toEqual({ object: 'list', data: [], first_id: null, last_id: null, has_more: false });
    expect(validateRunStepList(empty)).toEqual({ success: true, value: empty });
  });

  it('a list of every accepted fixture step passes, as a current and an Any list', () => {
    const steps = current.map(({ step }) => step);
    const list = deepFreeze({
      object: 'list',
      data: steps,
      first_id: steps[0]!['id'],
      last_id: steps[steps.length - 1]!['id'],
      has_more: true,
    });
    expect(isRunStepList(list)).toBe(true);
    expect(isAnyRunStepList(list)).toBe(true);
    expect(() => assertRunStepList(list)).not.toThrow();
    expect(RunStepListSchema['~standard'].validate(list)).toEqual({ value: list });
  });

  it('a list mixing both generations passes only as an Any list, each historical item reported where it is', () => {
    const steps = [current[0]!.step, ...historical.map(({ step }) => step)];
    const list = { object: 'list', data: steps, first_id: 'a', last_id: 'b', has_more: false };
    expect(isRunStepList(list)).toBe(false);
    expect(isAnyRunStepList(list)).toBe(true);
    expect(() => assertAnyRunStepList(list)).not.toThrow();
    expect(AnyRunStepListSchema['~standard'].validate(list)).toEqual({ value: list });
    expect(validateAnyRunStepList(list).success).toBe(true);
    const result = validateRunStepList(list);
    const paths = result.success ? [] : result.issues.map((issue) => formatPath(issue.path));
    const expected = historical.flatMap(({ currentIssues }, index) =>
      currentIssues.map((path) => `data[${index + 1}].${path}`),
    );
    expect(paths).toEqual(expected);
  });

  it('rejects a broken list at the broken key', () => {
    const base = lists.find(({ file }) => file.includes('l02'))!.json;
    const cases: [Record<string, unknown>, string][] = [
      [{ object: 'lists' }, 'object'],
      [{ object: undefined }, 'object'],
      [{ data: undefined }, 'data'],
      [{ data: {} }, 'data'],
      [{ data: [null] }, 'data[0]'],
      [{ data: [{ ...base['data'][0], usage: undefined }] }, 'data[0].usage'],
      [{ first_id: 1 }, 'first_id'],
      [{ first_id: undefined }, 'first_id'],
      [{ last_id: {} }, 'last_id'],
      [{ has_more: 'false' }, 'has_more'],
      [{ has_more: null }, 'has_more'],
    ];
    for (const [edit, path] of cases) {
      const broken = { ...base, ...edit };
      expect(isRunStepList(broken)).toBe(false);
      const result = validateRunStepList(broken);
      expect(result.success ? [] : result.issues.map((issue) => formatPath(issue.path))).toEqual([path]);
      expect(() => assertRunStepList(broken)).toThrow(RunStepValidationError);
      // The Any list rejects it too, but for the step without usage, which a historical step may be.
      expect(isAnyRunStepList(broken)).toBe(path === 'data[0].usage');
    }
    for (const value of [undefined, null, [], 'list', { object: 'list' }]) expect(isRunStepList(value)).toBe(false);
  });
});
