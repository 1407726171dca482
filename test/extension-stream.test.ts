// A user's kinds in a stream (issue 16): defineToolCallKind's `delta` check, the guards of a
// createRunStepGuard set's deltas and stream events, the open mode's chunks, and the accumulator
// rebuilding a user's calls by the default (`auto`) merge, each call it builds checked by the kind's check.
import { describe, expect, it } from 'vitest';
import {
  RunStepStreamError,
  applyRunStepDelta,
  createRunStepAccumulator,
  createRunStepGuard,
  defineStepDetailsKind,
  defineToolCallKind,
  isRunStepObject,
} from '../src/index.js';
import { acceptedRunSteps, deepFreeze } from './support/fixtures.js';
import { answering, deeplyNested, getterAt, revoked } from './support/hostile.js';

interface WeatherLookupToolCall {
  id: string;
  type: 'weather_lookup';
  weather_lookup: { city: string; report: string | null; readings: { hour: number; celsius: number }[] };
}

function isWeatherLookup(value: unknown): value is WeatherLookupToolCall {
  const call = value as Partial<WeatherLookupToolCall> | null;
  const body = call?.weather_lookup;
  return (
    typeof call === 'object' &&
    call !== null &&
    call.type === 'weather_lookup' &&
    typeof call.id === 'string' &&
    typeof body?.city === 'string' &&
    (body.report === null || typeof body.report === 'string') &&
    Array.isArray(body.readings) &&
    body.readings.every((reading) => typeof reading?.hour === 'number' && typeof reading.celsius === 'number')
  );
}

/** A user's check of the kind's fragments: `weather_lookup`, if present, an object of optional strings. */
function isWeatherFragment(value: unknown): value is { index: number; type: 'weather_lookup' } {
  const body = (value as { weather_lookup?: unknown }).weather_lookup;
  if (body === undefined) return true;
  if (typeof body !== 'object' || body === null) return false;
  const { city, report } = body as { city?: unknown; report?: unknown };
  return (
    (city === undefined || typeof city === 'string') &&
    (report === undefined || report === null || typeof report === 'string')
  );
}

const weather = defineToolCallKind('weather_lookup', isWeatherLookup, { delta: isWeatherFragment });
const lenient = defineToolCallKind('weather_lookup', isWeatherLookup);
const guards = createRunStepGuard({ toolCalls: [weather] });
const open = createRunStepGuard({ toolCalls: [lenient], unknownToolCalls: 'accept' });

const base = acceptedRunSteps().find(({ step }) => step['type'] === 'tool_calls')!.step as Record<string, unknown>;
const stepId = base['id'] as string;
const created = {
  event: 'thread.run.step.created',
  data: { ...structuredClone(base), status: 'in_progress', step_details: { type: 'tool_calls', tool_calls: [] } },
};
const chunk = (fields: Record<string, unknown>) => ({
  event: 'thread.run.step.delta',
  data: {
    id: stepId,
    object: 'thread.run.step.delta',
    delta: { step_details: { type: 'tool_calls', tool_calls: [{ index: 0, type: 'weather_lookup', ...fields }] } },
  },
});
const stream = [
  created,
  chunk({ id: 'call_w1', weather_lookup: { city: 'Oslo', report: null, readings: [] } }),
  chunk({ weather_lookup: { report: 'Cold ' } }),
  chunk({ weather_lookup: { report: 'and clear', readings: [{ index: 0, hour: 9, celsius: -5 }] } }),
  chunk({
    weather_lookup: {
      readings: [
        { index: 0, celsius: -4 },
        { index: 1, hour: 10, celsius: -3 },
      ],
    },
  }),
];
const rebuilt: WeatherLookupToolCall = {
  id: 'call_w1',
  type: 'weather_lookup',
  weather_lookup: {
    city: 'Oslo',
    report: 'Cold and clear',
    readings: [
      { hour: 9, celsius: -4 },
      { hour: 10, celsius: -3 },
    ],
  },
};

function streamError(fn: () => unknown): RunStepStreamError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RunStepStreamError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe("a user's kind in deltas and stream events", () => {
  it('passes isDelta, isStreamEvent and their validators, assertions and schemas', () => {
    for (const event of stream) {
      expect(guards.isStreamEvent(event)).toBe(true);
      expect(guards.validateStreamEvent(event)).toEqual({ success: true, value: event });
      expect(guards.streamEventSchema['~standard'].validate(event)).toEqual({ value: event });
      expect(() => guards.assertStreamEvent(event as never)).not.toThrow();
      if (event.event === 'thread.run.step.delta') {
        expect(guards.isDelta(event.data)).toBe(true);
        expect(guards.validateDelta(event.data).success).toBe(true);
        expect(guards.deltaSchema['~standard'].validate(event.data)).toEqual({ value: event.data });
        expect(guards.isToolCallDelta(((event.data as any).delta.step_details as any).tool_calls[0])).toBe(true);
      }
    }
  });

  it('a fragment its delta check refuses: false, and an issue at the call', () => {
    const bad = chunk({ weather_lookup: { city: 7 } });
    expect(guards.isStreamEvent(bad)).toBe(false);
    const result = guards.validateStreamEvent(bad);
    expect(!result.success && result.issues.map((issue) => [issue.path, issue.expected])).toEqual([
      [['data', 'delta', 'step_details', 'tool_calls', 0], 'a valid "weather_lookup" tool call fragment'],
    ]);
    expect(() => guards.assertDelta(bad.data as never)).toThrow(/RunStepDeltaObject/);
  });

  it('a delta check that throws: the guard says false, the validator reports the call', () => {
    const throwing = defineToolCallKind('weather_lookup', isWeatherLookup, {
      delta: (_value: unknown): _value is { index: number; type: 'weather_lookup' } => {
        throw new Error('boom');
      },
    });
    const set = createRunStepGuard({ toolCalls: [throwing] });
    const event = stream[2]!;
    expect(set.isStreamEvent(event)).toBe(false);
    const result = set.validateStreamEvent(event);
    expect(!result.success && result.issues[0]!.path).toEqual(['data', 'delta', 'step_details', 'tool_calls', 0]);
  });

  it('a chunk of a kind the set does not know: rejected at its type; in the open mode, accepted with index and id', () => {
    const other = {
      event: 'thread.run.step.delta',
      data: {
        id: stepId,
        object: 'thread.run.step.delta',
        delta: {
          step_details: { type: 'tool_calls', tool_calls: [{ index: 0, id: 'c', type: 'stock_quote', ticker: 'X' }] },
        },
      },
    };
    const result = guards.validateStreamEvent(other);
    expect(!result.success && result.issues.map((issue) => issue.path)).toEqual([
      ['data', 'delta', 'step_details', 'tool_calls', 0, 'type'],
    ]);
    expect(open.isStreamEvent(other)).toBe(true);
    (other.data.delta.step_details.tool_calls[0] as Record<string, unknown>)['id'] = 5;
    expect(open.isStreamEvent(other)).toBe(false);
  });

  it('with no delta check, a fragment is checked for its index, type and id only', () => {
    expect(open.isStreamEvent(chunk({ weather_lookup: { city: 7 } }))).toBe(true);
    expect(open.isStreamEvent(chunk({ index: 'first' }))).toBe(false);
  });

  it("a step details kind's fragments, with and without a delta check", () => {
    interface Plan {
      type: 'plan';
      plan: { steps: string[]; summary: string };
    }
    const isPlan = (value: unknown): value is Plan => typeof (value as Plan).plan?.summary === 'string';
    const plan = defineStepDetailsKind('plan', isPlan, {
      delta: (value: unknown): value is { type: 'plan' } => typeof (value as any).plan?.summary !== 'number',
    });
    const set = createRunStepGuard({ stepDetails: [plan] });
    const delta = (plan_: unknown) => ({
      id: stepId,
      object: 'thread.run.step.delta',
      delta: { step_details: { type: 'plan', plan: plan_ } },
    });
    expect(set.isDelta(delta({ summary: 'a' }))).toBe(true);
    expect(set.isDelta(delta({ summary: 1 }))).toBe(false);
    const planStep = {
      ...structuredClone(base),
      type: 'plan',
      step_details: { type: 'plan', plan: { steps: [], summary: '' } },
    };
    const accumulator = createRunStepAccumulator({ guard: set.is });
    accumulator.push({ event: 'thread.run.step.created', data: planStep });
    accumulator.push({ event: 'thread.run.step.delta', data: delta({ summary: 'Look ', steps: ['a'] }) });
    const after = accumulator.push({ event: 'thread.run.step.delta', data: delta({ summary: 'it up', steps: ['b'] }) });
    expect(after!.step_details).toEqual({ type: 'plan', plan: { steps: ['a', 'b'], summary: 'Look it up' } });
  });
});

describe("the accumulator with a user's kind", () => {
  it('rebuilds the call by the default merge: strings appended, arrays of indexed chunks by index, objects by key', () => {
    for (const set of [guards, open]) {
      const accumulator = createRunStepAccumulator({ guard: set.is });
      const snapshots = deepFreeze(stream).map((event) => accumulator.push(event));
      expect((snapshots.at(-1)!.step_details as any).tool_calls).toEqual([rebuilt]);
      for (const snapshot of snapshots) expect(set.is(snapshot)).toBe(true);
    }
  });

  it('the same through applyRunStepDelta, inputs untouched', () => {
    let snapshot: unknown = deepFreeze(structuredClone(created.data));
    for (const event of deepFreeze(structuredClone(stream.slice(1)))) {
      snapshot = applyRunStepDelta(snapshot as never, event.data as never, { guard: guards.is });
    }
    expect((snapshot as any).step_details.tool_calls).toEqual([rebuilt]);
  });

  it("a merge that leaves a call its check refuses: invalid_input, with the check's answer at the call", () => {
    const accumulator = createRunStepAccumulator({ guard: guards.is });
    accumulator.push(created);
    const error = streamError(() => accumulator.push(chunk({ id: 'call_w1', weather_lookup: { city: 'Oslo' } })));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('"weather_lookup" tool call 0');
    expect((accumulator.get(stepId)!.step_details as any).tool_calls).toEqual([]);
  });

  it('an unknown kind in the open mode merges by the default rule too', () => {
    const accumulator = createRunStepAccumulator({ guard: open.is });
    accumulator.push(created);
    const quote = (fields: Record<string, unknown>) => ({
      event: 'thread.run.step.delta',
      data: {
        id: stepId,
        object: 'thread.run.step.delta',
        delta: { step_details: { type: 'tool_calls', tool_calls: [{ index: 0, type: 'stock_quote', ...fields }] } },
      },
    });
    accumulator.push(quote({ id: 'call_q', ticker: 'AC', price: null }));
    const after = accumulator.push(quote({ ticker: 'ME', price: 12.5 }));
    expect((after!.step_details as any).tool_calls).toEqual([
      { id: 'call_q', type: 'stock_quote', ticker: 'ACME', price: 12.5 },
    ]);
  });

  it('a chunk that changes kind: type_changed', () => {
    const accumulator = createRunStepAccumulator({ guard: open.is });
    accumulator.push(created);
    accumulator.push(stream[1]);
    const error = streamError(() =>
      accumulator.push({
        event: 'thread.run.step.delta',
        data: {
          id: stepId,
          object: 'thread.run.step.delta',
          delta: { step_details: { type: 'tool_calls', tool_calls: [{ index: 0, type: 'stock_quote' }] } },
        },
      }),
    );
    expect(error.code).toBe('type_changed');
  });

  it.each([
    [
      'a cycle',
      (() => {
        const cycle: Record<string, unknown> = { city: 'Oslo' };
        cycle['self'] = cycle;
        return cycle;
      })(),
    ],
    [
      'one object under two keys',
      (() => {
        const shared = { a: 1 };
        return { city: 'Oslo', x: shared, y: shared };
      })(),
    ],
    ['nesting 10,000 levels deep', { city: 'Oslo', deep: deeplyNested(10_000) }],
    ['a revoked proxy', { city: 'Oslo', deep: revoked() }],
  ])('a fragment holding %s: invalid_input, without throwing anything else or looping', (_, body) => {
    const accumulator = createRunStepAccumulator({ guard: open.is });
    accumulator.push(created);
    const error = streamError(() => accumulator.push(chunk({ id: 'call_w1', weather_lookup: body })));
    expect(error.code).toBe('invalid_input');
    expect((accumulator.get(stepId)!.step_details as any).tool_calls).toEqual([]);
  });

  it('reads each value of a fragment once: the first answer of a getter is the one merged', () => {
    const accumulator = createRunStepAccumulator({ guard: open.is });
    accumulator.push(created);
    accumulator.push(stream[1]);
    const shifting = getterAt(
      chunk({ weather_lookup: { report: 'x' } }),
      ['data', 'delta', 'step_details', 'tool_calls', 0, 'weather_lookup', 'report'],
      answering('Sunny', 7),
    );
    const after = accumulator.push(shifting);
    expect((after!.step_details as any).tool_calls[0].weather_lookup.report).toBe('Sunny');
  });

  it('isRunStepObject as the guard is the default accumulator', () => {
    const accumulator = createRunStepAccumulator({ guard: isRunStepObject });
    accumulator.push(created);
    expect(streamError(() => accumulator.push(stream[1])).code).toBe('invalid_input');
  });
});
