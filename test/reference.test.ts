// The reference validator itself (test/reference/): it must read the spec as written, depart from it
// exactly where the README's wire table says, each departure must matter, and it must accept the real
// run steps. Only then is agreeing with it worth anything (test/differential.test.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { WIRE_PATCHES } from './reference/patches.js';
import { REFERENCE_ROOTS, referenceValidators, specValidators, type RootName } from './reference/reference.js';
import { formatPath, patternOf } from './support/contract.js';
import { getAt, walk } from './support/corrupt.js';
import { acceptedRunSteps, findRunSteps, loadFixtureFiles, PRE_USAGE_V1 } from './support/fixtures.js';

const reference = referenceValidators();
const steps = acceptedRunSteps();
const messageStep = steps.find(({ step }) => step['type'] === 'message_creation')!.step;
const fileSearchStep = steps.find(({ step }) => JSON.stringify(step).includes('"results":[{'))!.step as any;
const aResult = fileSearchStep.step_details.tool_calls.find((call: any) => call.type === 'file_search').file_search
  .results[0];

/** The list response the wire sends for a run without steps (test/fixtures/lists/l01__…). */
const emptyList = { object: 'list', data: [], first_id: null, last_id: null, has_more: false };

/** The first cells of the README's wire table, in order. */
function readmeWireTable(): string[] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('| the spec says | the wire carries | this package |');
  expect(start).toBeGreaterThan(0);
  const rows = readme.slice(start).split('\n');
  return rows
    .slice(
      2,
      rows.findIndex((line) => !line.startsWith('|')),
    )
    .map((line) => line.split('|')[1]!.trim());
}

/**
 * For each patch, a value it decides: the reference without that one patch judges it otherwise than the
 * full reference does (so the patch is not dead), and the guard sides with the full reference.
 */
const WITNESSES: Record<string, { root: RootName; value: unknown }[]> = {
  expiresAtInsteadOfExpiredAt: [
    { root: 'isRunStepObject', value: { ...messageStep, expired_at: undefined, metadata: null } },
    { root: 'isRunStepObject', value: { ...messageStep, expired_at: null, metadata: null, expires_at: 1.5 } },
  ],
  metadataOptional: [{ root: 'isRunStepObject', value: { ...messageStep, expired_at: null, metadata: undefined } }],
  usageTokenDetails: [
    {
      root: 'isRunStepObject',
      value: {
        ...messageStep,
        usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3, prompt_token_details: {} },
      },
    },
    {
      root: 'isRunStepObject',
      value: {
        ...messageStep,
        usage: {
          prompt_tokens: 1,
          completion_tokens: 2,
          total_tokens: 3,
          completion_tokens_details: { reasoning_tokens: '1' },
        },
      },
    },
  ],
  fileSearchResultAttributes: [
    { root: 'isFileSearchResult', value: { ...aResult, attributes: { nested: {} } } },
    { root: 'isFileSearchResult', value: { ...aResult, attributes: [] } },
  ],
  scoresAnyNumber: [
    { root: 'isFileSearchResult', value: { ...aResult, score: 1.5 } },
    {
      root: 'isFileSearchToolCall',
      value: {
        id: 'c',
        type: 'file_search',
        file_search: { ranking_options: { ranker: 'auto', score_threshold: -1 } },
      },
    },
  ],
  deltaFileSearchBody: [
    {
      root: 'isFileSearchToolCallDelta',
      value: {
        index: 0,
        type: 'file_search',
        file_search: { ranking_options: { ranker: 'best', score_threshold: 0 } },
      },
    },
    { root: 'isToolCallDelta', value: { index: 0, type: 'file_search', file_search: { results: [{}] } } },
  ],
  listObjectIsList: [{ root: 'isRunStepList', value: { ...emptyList, object: 'lists' } }],
  listIdsNullWhenEmpty: [
    { root: 'isRunStepList', value: emptyList },
    { root: 'isRunStepList', value: { ...emptyList, data: [messageStep], last_id: 'step_1' } },
  ],
  stepDetailsMatchType: [
    { root: 'isRunStepObject', value: { ...messageStep, type: 'tool_calls' } },
    { root: 'isRunStepObject', value: { ...fileSearchStep, type: 'message_creation' } },
  ],
};

describe('the wire patches', () => {
  it("are the README wire table's rows, one patch per row, in the same order", () => {
    expect(WIRE_PATCHES.map((patch) => patch.readme)).toEqual(readmeWireTable());
    expect(new Set(WIRE_PATCHES.map((patch) => patch.name)).size).toBe(WIRE_PATCHES.length);
  });

  it.each(WIRE_PATCHES.map((patch) => [patch.name] as const))('%s decides a case, and the guard agrees', (name) => {
    const witnesses = WITNESSES[name];
    expect(witnesses, `no witness for ${name}`).toBeDefined();
    const without = referenceValidators({ without: [name] });
    for (const { root, value } of witnesses!) {
      const verdict = reference[root](value);
      expect(without[root](value), JSON.stringify(value)).toBe(!verdict);
      expect(api[root](value)).toBe(verdict);
    }
  });

  it('each name a witness above, and no witness for a patch that does not exist', () => {
    expect(Object.keys(WITNESSES).sort()).toEqual(WIRE_PATCHES.map((patch) => patch.name).sort());
    expect(() => referenceValidators({ without: ['noSuchPatch'] })).toThrow(/no wire patch named noSuchPatch/);
  });
});

describe('the reference validator', () => {
  it('has a root for every deep guard the package exports', () => {
    const deepGuards = Object.keys(api).filter(
      (name) =>
        /^is[A-Z]/.test(name) &&
        !/Type$|Status$|ErrorCode$|Ranker$|Step$|EventName$/.test(name) &&
        !['isRunStepDeltaEvent', 'isTerminalRunStepEvent'].includes(name) &&
        // Historical steps (and lists of them) have no schema in the spec: see ARCHIVE_ROOTS in
        // test/support/checks.ts for the references they are held to instead.
        !['isHistoricalRunStepObject', 'isAnyRunStepObject', 'isAnyRunStepList'].includes(name),
    );
    expect(Object.keys(REFERENCE_ROOTS).sort()).toEqual(deepGuards.sort());
  });

  it('accepts every recorded, spec-example and synthetic run step, and each part inside them', () => {
    const parts: Record<string, RootName> = {
      step_details: 'isRunStepDetails',
      'step_details.tool_calls[]': 'isToolCall',
      'step_details.tool_calls[].code_interpreter.outputs[]': 'isCodeInterpreterOutput',
      'step_details.tool_calls[].file_search.results[]': 'isFileSearchResult',
    };
    const seen = new Set<RootName>();
    for (const { source, step } of steps) {
      expect(reference.isRunStepObject(step), `${source}: ${JSON.stringify(reference.isRunStepObject.errors)}`).toBe(
        true,
      );
      for (const path of walk(step)) {
        const root = parts[patternOf(path)];
        if (root === undefined) continue;
        seen.add(root);
        expect(reference[root](getAt(step, path)), `${source} ${formatPath(path)}`).toBe(true);
      }
    }
    expect([...seen].sort()).toEqual(Object.values(parts).sort());
  });

  it('rejects the Assistants v1 payloads without usage, as the spec (and the guard) do', () => {
    const v1 = findRunSteps(loadFixtureFiles()).filter(({ source }) => PRE_USAGE_V1.has(source.split(' ')[0]!));
    expect(v1.length).toBeGreaterThan(0);
    for (const { step } of v1) {
      expect(reference.isRunStepObject(step)).toBe(false);
      expect(reference.isRunStepObject.errors?.[0]?.params).toEqual({ missingProperty: 'usage' });
    }
  });

  it('the spec without patches rejects every recorded run step: that is why the patches exist', () => {
    const spec = specValidators();
    const recorded = steps.filter(({ source }) => source.startsWith('wire/'));
    expect(recorded.length).toBeGreaterThan(0);
    for (const { step } of recorded) expect(spec.isRunStepObject(step)).toBe(false);
  });

  it('checks integers as integers and numbers as finite numbers, as JSON has them', () => {
    for (const created_at of [1.5, Number.NaN, Number.POSITIVE_INFINITY, '1', null]) {
      expect(reference.isRunStepObject({ ...messageStep, created_at })).toBe(false);
    }
    for (const created_at of [0, -0, 1e21, -(2 ** 60)]) {
      expect(reference.isRunStepObject({ ...messageStep, created_at })).toBe(true);
    }
    for (const score of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(reference.isFileSearchResult({ ...aResult, score })).toBe(false);
    }
  });
});
