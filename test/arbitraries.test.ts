// The generators of the differential tests must reach every variant, or agreement proves little. This
// samples valid run steps with a fixed seed and checks that each enum value, each optional key present
// and absent, each nullable key null and not, each array empty and not, and an unknown key in each
// object all show up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KNOWN_KEYS, VALID, mutate } from './support/arbitraries.js';
import { ENUMS, MAPS, NULLABLE, OPTIONAL, patternOf } from './support/contract.js';
import { getAt, walk } from './support/corrupt.js';
import { isObject } from './support/fixtures.js';

const ARRAYS = [
  'step_details.tool_calls',
  'step_details.tool_calls[].code_interpreter.outputs',
  'step_details.tool_calls[].file_search.results',
  'step_details.tool_calls[].file_search.results[].content',
];

/** Every object in a run step (maps aside), by pattern; `''` is the step itself. */
const OBJECTS = [
  '',
  'last_error',
  'usage',
  'usage.prompt_token_details',
  'usage.completion_tokens_details',
  'step_details',
  'step_details.message_creation',
  'step_details.tool_calls[]',
  'step_details.tool_calls[].code_interpreter',
  'step_details.tool_calls[].code_interpreter.outputs[]',
  'step_details.tool_calls[].code_interpreter.outputs[].image',
  'step_details.tool_calls[].file_search',
  'step_details.tool_calls[].file_search.ranking_options',
  'step_details.tool_calls[].file_search.results[]',
  'step_details.tool_calls[].file_search.results[].content[]',
  'step_details.tool_calls[].function',
];

/** What one sample shows: `present:`, `absent:`, `null:`, `value:`, `empty:`, `filled:`, `unknown key in:`. */
function facts(step: unknown): Set<string> {
  const seen = new Set<string>();
  const objects: [string, Record<string, unknown>][] = isObject(step) ? [['', step]] : [];
  for (const path of walk(step)) {
    const pattern = patternOf(path);
    const value = getAt(step, path);
    seen.add(`present:${pattern}`);
    if (value === null) seen.add(`null:${pattern}`);
    if (ENUMS.has(pattern)) seen.add(`value:${pattern}=${value}`);
    if (Array.isArray(value)) seen.add(`${value.length === 0 ? 'empty' : 'filled'}:${pattern}`);
    if (isObject(value) && !MAPS.has(pattern)) objects.push([pattern, value]);
  }
  for (const [pattern, object] of objects) {
    if (Object.keys(object).some((key) => !KNOWN_KEYS.has(key))) seen.add(`unknown key in:${pattern}`);
    for (const optional of OPTIONAL) {
      const key = optional.slice(pattern === '' ? 0 : pattern.length + 1);
      const childOf = pattern === '' ? !optional.includes('.') : optional.startsWith(`${pattern}.`);
      if (childOf && !key.includes('.') && !key.includes('*') && !(key in object)) seen.add(`absent:${optional}`);
    }
  }
  return seen;
}

describe('the valid run steps generated', () => {
  const seen = new Set<string>();
  for (const step of fc.sample(VALID.isRunStepObject, { numRuns: 3000, seed: 5 })) {
    for (const fact of facts(step)) seen.add(fact);
  }
  it.each([...ENUMS].flatMap(([pattern, values]) => values.map((value) => [`${pattern}=${value}`])))(
    'include the value %s',
    (fact) => expect(seen).toContain(`value:${fact}`),
  );
  it.each([...OPTIONAL].map((pattern) => [pattern]))('include %s present, and absent', (pattern) => {
    expect(seen).toContain(`present:${pattern}`);
    if (!pattern.endsWith('*')) expect(seen).toContain(`absent:${pattern}`);
  });
  it.each([...NULLABLE].map((pattern) => [pattern]))('include %s null, and not', (pattern) => {
    expect(seen).toContain(`null:${pattern}`);
    expect(seen).toContain(`present:${pattern}`);
  });
  it.each(ARRAYS.map((pattern) => [pattern]))('include %s empty, and not', (pattern) => {
    expect(seen).toContain(`empty:${pattern}`);
    expect(seen).toContain(`filled:${pattern}`);
  });
  it.each(OBJECTS.map((pattern) => [pattern]))("include an unknown key in the object at '%s'", (pattern) => {
    expect(seen).toContain(`unknown key in:${pattern}`);
  });
});

describe('mutate', () => {
  it('changes a copy, never the value it is given', () => {
    fc.assert(
      fc.property(VALID.isToolCall, fc.nat(), fc.nat(), fc.nat(), (call, at, kind, pick) => {
        const before = structuredClone(call);
        mutate(call, { at, kind, pick, json: null });
        expect(call).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});
