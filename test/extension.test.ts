// The extension point (defineToolCallKind, defineStepDetailsKind, createRunStepGuard) with kinds the
// package has never heard of, written here, and the open mode (`unknownToolCalls: 'accept'`).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  createRunStepGuard,
  defineStepDetailsKind,
  defineToolCallKind,
  isRunStepObject,
  RunStepValidationError,
  type StandardSchemaV1,
  type ValidationResult,
} from 'openai-run-step-guards';
import { acceptedRunSteps } from './support/fixtures.js';
import { formatPath } from './support/contract.js';

interface WeatherLookupToolCall {
  id: string;
  type: 'weather_lookup';
  weather_lookup: { city: string; celsius: number | null };
}

/** A user's own guard for a kind the package does not know. */
function isWeatherLookup(value: unknown): value is WeatherLookupToolCall {
  const call = value as Partial<WeatherLookupToolCall> | null;
  return (
    typeof call === 'object' &&
    call !== null &&
    call.type === 'weather_lookup' &&
    typeof call.id === 'string' &&
    typeof call.weather_lookup?.city === 'string' &&
    (call.weather_lookup.celsius === null || typeof call.weather_lookup.celsius === 'number')
  );
}

/** The same rules as a validator, with issues at their paths (as the package's own validators give them). */
function validateWeatherLookup(value: unknown): ValidationResult<WeatherLookupToolCall> {
  if (isWeatherLookup(value)) return { success: true, value };
  const city = (value as any)?.weather_lookup?.city;
  return {
    success: false,
    issues: [
      {
        path: ['weather_lookup', 'city'],
        expected: 'string',
        received: { kind: typeof city as 'string', preview: String(city) },
        message: `expected string, received ${typeof city}`,
      },
    ],
  };
}

/** The same rules as a Standard Schema v1 object, as zod or valibot would hand one over. */
const weatherSchema: StandardSchemaV1<unknown, WeatherLookupToolCall> = {
  '~standard': {
    version: 1,
    vendor: 'test',
    validate: (value) =>
      isWeatherLookup(value)
        ? { value }
        : { issues: [{ message: 'city must be a string', path: [{ key: 'weather_lookup' }, 'city'] }] },
  },
};

const base = acceptedRunSteps().find(({ step }) => step['type'] === 'tool_calls')!.step;
/** A completed tool calls step holding `calls`. */
const stepWith = (...calls: unknown[]) =>
  structuredClone({ ...base, step_details: { type: 'tool_calls', tool_calls: calls } });
const weather = { id: 'call_w', type: 'weather_lookup', weather_lookup: { city: 'Oslo', celsius: -3 } };
const brokenWeather = { ...weather, weather_lookup: { city: 42, celsius: null } };
const functionCall = { id: 'call_f', type: 'function', function: { name: 'f', arguments: '{}', output: null } };

describe.each([
  ['a guard', isWeatherLookup, [['step_details', 'tool_calls', 0]]],
  ['a validator', validateWeatherLookup, [['step_details', 'tool_calls', 0, 'weather_lookup', 'city']]],
  ['a Standard Schema', weatherSchema, [['step_details', 'tool_calls', 0, 'weather_lookup', 'city']]],
] as const)('a kind the package does not know, described by %s', (_, check, paths) => {
  const guards = createRunStepGuard({ toolCalls: [defineToolCallKind('weather_lookup', check)] });

  it('is accepted beside OpenAI kinds, and rejected by the default guard', () => {
    const step = stepWith(weather, functionCall);
    expect(guards.is(step)).toBe(true);
    expect(guards.validate(step)).toEqual({ success: true, value: step });
    expect(isRunStepObject(step)).toBe(false);
    expect(guards.isToolCall(weather)).toBe(true);
  });

  it('is rejected when broken, with issues where the check put them', () => {
    const step = stepWith(brokenWeather);
    expect(guards.is(step)).toBe(false);
    const result = guards.validate(step);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.map((issue) => issue.path)).toEqual(paths);
    expect(() => (guards.assert as (value: unknown) => void)(step)).toThrow(RunStepValidationError);
    expect(guards.schema['~standard'].validate(step)).toHaveProperty('issues');
  });

  it('still needs a string id', () => {
    expect(guards.is(stepWith({ ...weather, id: 7 }))).toBe(false);
  });

  it('leaves OpenAI kinds and every other field as strict as the default guard', () => {
    for (const { step } of acceptedRunSteps()) expect(guards.is(step)).toBe(true);
    expect(guards.is(stepWith({ ...functionCall, function: { name: 'f', arguments: 1, output: null } }))).toBe(false);
    expect(guards.is({ ...stepWith(weather), status: 'done' })).toBe(false);
    expect(guards.is(stepWith({ id: 'x', type: 'other_kind' }))).toBe(false);
  });
});

describe('a kind whose check throws or answers nonsense', () => {
  it('rejects the call without throwing', () => {
    const throwing = createRunStepGuard({
      toolCalls: [
        defineToolCallKind('weather_lookup', ((_: unknown) => {
          throw new Error('boom');
        }) as unknown as (value: unknown) => value is WeatherLookupToolCall),
      ],
    });
    expect(throwing.is(stepWith(weather))).toBe(false);
    const result = throwing.validate(stepWith(weather));
    expect(result.success ? [] : result.issues.map((issue) => formatPath(issue.path))).toEqual([
      'step_details.tool_calls[0]',
    ]);
    const asynchronous = createRunStepGuard({
      toolCalls: [
        defineToolCallKind('weather_lookup', {
          '~standard': { version: 1, vendor: 'test', validate: async (value: unknown) => ({ value }) },
        } as StandardSchemaV1<unknown, WeatherLookupToolCall>),
      ],
    });
    expect(asynchronous.is(stepWith(weather))).toBe(false);
  });
});

describe('defineToolCallKind and createRunStepGuard refuse what they cannot honour', () => {
  it('throws a TypeError for an OpenAI kind, an empty type, or no check', () => {
    expect(() => defineToolCallKind('function' as string, isWeatherLookup as any)).toThrow(TypeError);
    expect(() => defineToolCallKind('', isWeatherLookup as any)).toThrow(TypeError);
    expect(() => defineToolCallKind('weather_lookup', {} as any)).toThrow(TypeError);
    expect(() => defineStepDetailsKind('tool_calls' as string, (() => true) as any)).toThrow(TypeError);
  });

  it('names the cause when a kind comes from the other build (ESM beside CommonJS)', () => {
    // The CommonJS build, loaded beside the ESM one this file imports: two copies, each with its own kinds.
    const cjs = createRequire(import.meta.url)('openai-run-step-guards') as typeof import('openai-run-step-guards');
    expect(cjs.createRunStepGuard).not.toBe(createRunStepGuard);
    const esmKind = defineToolCallKind('weather_lookup', isWeatherLookup);
    expect(() => cjs.createRunStepGuard({ toolCalls: [esmKind] })).toThrow(
      new TypeError(
        'createRunStepGuard: the toolCalls kind "weather_lookup" comes from another copy of the package (ESM beside CommonJS?)',
      ),
    );
    // Made with the same copy, it is fine.
    const cjsKind = cjs.defineToolCallKind('weather_lookup', isWeatherLookup);
    expect(cjs.createRunStepGuard({ toolCalls: [cjsKind] }).is(stepWith(weather))).toBe(true);
  });

  it('throws a TypeError for a kind it did not make, or two kinds of one type', () => {
    expect(() => createRunStepGuard({ toolCalls: [{ kind: 'tool_call', type: 'x' } as any] })).toThrow(TypeError);
    const kind = defineToolCallKind('weather_lookup', isWeatherLookup);
    expect(() => createRunStepGuard({ toolCalls: [kind, kind] })).toThrow(TypeError);
  });
});

describe('a step details kind the package does not know', () => {
  interface ChecklistDetails {
    type: 'checklist';
    checklist: string[];
  }
  const isChecklist = (value: unknown): value is ChecklistDetails =>
    (value as ChecklistDetails)?.type === 'checklist' && Array.isArray((value as ChecklistDetails).checklist);
  const guards = createRunStepGuard({ stepDetails: [defineStepDetailsKind('checklist', isChecklist)] });
  const step = { ...base, type: 'checklist', step_details: { type: 'checklist', checklist: ['a'] } };

  it('is accepted when the step type and the details agree, and rejected otherwise', () => {
    expect(guards.is(step)).toBe(true);
    expect(isRunStepObject(step)).toBe(false);
    expect(guards.is({ ...step, type: 'tool_calls' })).toBe(false);
    expect(guards.is({ ...step, step_details: { type: 'checklist', checklist: 'a' } })).toBe(false);
    const result = guards.validate({ ...step, type: 'message_creation' });
    expect(result.success ? [] : result.issues.map((issue) => formatPath(issue.path))).toEqual([
      'step_details.type',
      'type',
    ]);
  });
});

describe('the open mode', () => {
  const open = createRunStepGuard({ unknownToolCalls: 'accept' });

  it('accepts a call of an unknown kind as it came: same object, nothing copied or written', () => {
    const unknown = Object.freeze({ id: 'call_u', type: 'from_the_future', payload: Object.freeze({ a: [1, 2] }) });
    const step = Object.freeze(stepWith(functionCall));
    const withUnknown = Object.freeze({
      ...step,
      step_details: Object.freeze({ type: 'tool_calls', tool_calls: Object.freeze([unknown, functionCall]) }),
    });
    expect(open.is(withUnknown)).toBe(true);
    const result = open.validate(withUnknown);
    expect(result.success && result.value).toBe(withUnknown);
    expect(result.success && (result.value.step_details as any).tool_calls[0]).toBe(unknown);
    expect(open.isKnownToolCall(unknown as any)).toBe(false);
    expect(open.isKnownToolCall(functionCall as any)).toBe(true);
  });

  it('still rejects a broken call of a known kind', () => {
    const broken = { ...functionCall, function: { name: 'f', arguments: {}, output: null } };
    expect(open.is(stepWith(broken))).toBe(false);
    const result = open.validate(stepWith(broken));
    expect(result.success ? [] : result.issues.map((issue) => formatPath(issue.path))).toEqual([
      'step_details.tool_calls[0].function.arguments',
    ]);
  });

  it('rejects an unknown kind without a string id or type', () => {
    expect(open.is(stepWith({ type: 'from_the_future' }))).toBe(false);
    expect(open.is(stepWith({ id: 'c', type: 5 }))).toBe(false);
    expect(open.is(stepWith({ id: 'c' }))).toBe(false);
    expect(open.is(stepWith('call'))).toBe(false);
  });

  it('is opt-in: the default guard and a guard without it reject the unknown kind', () => {
    const step = stepWith({ id: 'c', type: 'from_the_future' });
    expect(isRunStepObject(step)).toBe(false);
    expect(createRunStepGuard().is(step)).toBe(false);
  });
});

describe("a validator's careful pass (after a read threw) and a kind's check", () => {
  /** A kind whose check looks at the call the way user code does: keys, `in`, own keys, spread. */
  const looked: string[][] = [];
  const inspecting = defineToolCallKind('inspected', (value: unknown): value is { id: string; type: 'inspected' } => {
    const call = value as Record<string, unknown>;
    looked.push(Object.keys(call));
    return (
      'payload' in call &&
      Object.prototype.hasOwnProperty.call(call, 'payload') &&
      Object.keys({ ...call }).includes('payload') &&
      call['type'] === 'inspected'
    );
  });
  const guards = createRunStepGuard({ toolCalls: [inspecting] });
  const step = (() => {
    const base = acceptedRunSteps().find(({ step }) => step['type'] === 'tool_calls')!.step;
    const call = { id: 'call_i', type: 'inspected', payload: { any: 'thing' } };
    return { ...structuredClone(base), step_details: { type: 'tool_calls', tool_calls: [call] } };
  })();

  it('gives the check the call itself, so that only the read that threw is reported', () => {
    expect(guards.is(step)).toBe(true);
    const hostile = Object.defineProperty({ ...step }, 'run_id', {
      enumerable: true,
      get() {
        throw new Error('no run');
      },
    });
    looked.length = 0;
    const result = guards.validate(hostile);
    expect(result.success ? [] : result.issues.map((issue) => formatPath(issue.path))).toEqual(['run_id']);
    // Each pass looked at the whole call: the first pass stopped at run_id before it, the careful pass did.
    expect(looked).toEqual([['id', 'type', 'payload']]);
  });
});

describe('createRunStepGuard refuses options it cannot use, with a TypeError that says so', () => {
  it.each([
    ['null', null, /^createRunStepGuard: options must be an object \(or left out\), not null$/],
    ['a string', 'accept', /^createRunStepGuard: options must be an object \(or left out\), not "accept"$/],
    ['a name that is no string', { name: 42 }, /^createRunStepGuard: name must be a string, not 42$/],
  ])('%s', (_, options, message) => {
    expect(() => createRunStepGuard(options as never)).toThrow(TypeError);
    expect(() => createRunStepGuard(options as never)).toThrow(message);
  });
});
