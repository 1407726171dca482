// Bad input is the normal case for a guard: it answers, never throws, never writes, and reads each
// property once. Every guard that takes `unknown` is run on every hostile value here.
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { acceptedRunSteps, deepFreeze } from './support/fixtures.js';
import { allStepEvents } from './support/streams.js';

/** Every export that is a guard over `unknown` (`isX(value: unknown)`), by name. */
const GUARDS = Object.entries(api).filter(
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
const toolCallsStep = steps.find(({ step }) => (step as any).step_details.tool_calls?.length >= 1)!.step as any;
const messageStep = steps.find(({ step }) => step['type'] === 'message_creation')!.step as any;

const throwingTraps: ProxyHandler<object> = Object.fromEntries(
  [
    'get',
    'has',
    'ownKeys',
    'getOwnPropertyDescriptor',
    'getPrototypeOf',
    'defineProperty',
    'set',
    'deleteProperty',
    'isExtensible',
    'preventExtensions',
    'apply',
    'construct',
    'setPrototypeOf',
  ].map((trap) => [
    trap,
    () => {
      throw new Error(`trap ${trap}`);
    },
  ]),
);

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** A valid step whose `key` is a getter that throws. */
function withThrowingGetter(step: object, key: string): object {
  const copy = structuredClone(step);
  Object.defineProperty(copy, key, {
    enumerable: true,
    get: () => {
      throw new Error(`getter ${key}`);
    },
  });
  return copy;
}

const hostile: [string, unknown][] = [
  ['a revoked proxy', revoked()],
  ['a proxy whose every trap throws', new Proxy({}, throwingTraps)],
  ['a proxy over an array whose every trap throws', new Proxy([], throwingTraps)],
  ['a step whose status getter throws', withThrowingGetter(messageStep, 'status')],
  ['a step whose step_details getter throws', withThrowingGetter(toolCallsStep, 'step_details')],
  ['a step whose object getter throws', withThrowingGetter(messageStep, 'object')],
  ['a bigint', 10n],
  ['a symbol', Symbol('step')],
  ['a function', () => messageStep],
  ['a Date', new Date(0)],
  ['a Map of a step', new Map(Object.entries(messageStep))],
];

/**
 * The delta step details guards require only `type`, which a run step also has (with a step details
 * kind's value): they accept a whole step, as they accept `{type}`, and never read the getters above.
 */
const ONLY_TYPE = new Set([
  'isRunStepDeltaStepDetails',
  'isMessageCreationStepDetailsDelta',
  'isToolCallsStepDetailsDelta',
]);

describe.each(GUARDS)('%s on hostile input', (name, guard) => {
  it.each(hostile)('returns false for %s, without throwing', (description, value) => {
    const type = description.startsWith('a step whose') ? (value as { type: string }).type : undefined;
    expect(guard(value)).toBe(ONLY_TYPE.has(name) && type !== undefined ? guard({ type }) : false);
  });
});

describe('the guards never throw and never write', () => {
  it('covers every guard over unknown that the package exports', () => {
    expect(GUARDS.length).toBe(34);
  });

  it('answer on deep-frozen input without writing to it', () => {
    for (const value of [...steps.map(({ step }) => step), ...allStepEvents()]) {
      const frozen = deepFreeze(structuredClone(value));
      for (const [, guard] of GUARDS) guard(frozen);
      expect(frozen).toEqual(value);
    }
  });
});

describe('isRunStepObject reads each property at most once', () => {
  /** Wraps a value so that every property read is counted, at any depth. */
  function counting(value: unknown, reads: Map<string, number>, path = ''): unknown {
    if (typeof value !== 'object' || value === null) return value;
    return new Proxy(value, {
      get(target, key, receiver) {
        const where = `${path}.${String(key)}`;
        reads.set(where, (reads.get(where) ?? 0) + 1);
        return counting(Reflect.get(target, key, receiver), reads, where);
      },
    });
  }

  it.each(steps.map(({ source, step }) => [source, step] as const))('on %s', (_, step) => {
    const reads = new Map<string, number>();
    expect(api.isRunStepObject(counting(step, reads))).toBe(true);
    expect(reads.size).toBeGreaterThan(10);
    expect([...reads].filter(([, count]) => count > 1)).toEqual([]);
  });

  it('and isRunStepStreamEvent reads each property of every recorded event at most once', () => {
    for (const event of allStepEvents()) {
      const reads = new Map<string, number>();
      expect(api.isRunStepStreamEvent(counting(event, reads))).toBe(true);
      expect([...reads].filter(([, count]) => count > 1)).toEqual([]);
    }
  });

  it('so the first answer of a getter that changes on every read is the one judged', () => {
    const flipping = (first: unknown, then: unknown) => {
      const copy = structuredClone(messageStep);
      let reads = 0;
      Object.defineProperty(copy, 'status', { enumerable: true, get: () => (reads++ === 0 ? first : then) });
      return copy;
    };
    expect(api.isRunStepObject(flipping('completed', 42))).toBe(true);
    expect(api.isRunStepObject(flipping(42, 'completed'))).toBe(false);
  });

  it('and a getter that calls a guard itself does not disturb the outer check', () => {
    const copy = structuredClone(toolCallsStep);
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

describe('isRunStepObject on unusual but honest shapes', () => {
  it('accepts a step with a cycle through an unknown key, and rejects cycles where data belongs', () => {
    const cyclic = structuredClone(toolCallsStep);
    cyclic.self = cyclic;
    cyclic.step_details.parent = cyclic;
    expect(api.isRunStepObject(cyclic)).toBe(true);

    const inMetadata = structuredClone(messageStep);
    inMetadata.metadata = { loop: null };
    inMetadata.metadata.loop = inMetadata.metadata;
    expect(api.isRunStepObject(inMetadata)).toBe(false);

    const inToolCalls = structuredClone(toolCallsStep);
    inToolCalls.step_details.tool_calls.push(inToolCalls);
    expect(api.isRunStepObject(inToolCalls)).toBe(false);
  });

  it('accepts deep nesting under an unknown key without walking it', () => {
    let deep: Record<string, unknown> = {};
    for (let level = 0; level < 100_000; level++) deep = { deeper: deep };
    expect(api.isRunStepObject({ ...messageStep, extra: deep })).toBe(true);
  });

  it('checks arrays of a million tool calls without overflowing the stack', () => {
    const call = toolCallsStep.step_details.tool_calls[0];
    const many = Array.from({ length: 1_000_000 }, () => call);
    const step = { ...toolCallsStep, step_details: { type: 'tool_calls', tool_calls: many } };
    expect(api.isRunStepObject(step)).toBe(true);
    many[many.length - 1] = { ...call, id: 42 };
    expect(api.isRunStepObject(step)).toBe(false);
  });

  it('treats __proto__ keys from JSON.parse as the plain own keys they are', () => {
    const text = JSON.stringify(messageStep).replace(/^\{/, '{"__proto__":{"status":"nope","usage":5},');
    const parsed = JSON.parse(text);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(api.isRunStepObject(parsed)).toBe(true);
    expect(api.isRunStepObject({ ...messageStep, metadata: JSON.parse('{"__proto__":"v"}') })).toBe(true);
    expect(api.isRunStepObject({ ...messageStep, metadata: JSON.parse('{"__proto__":1}') })).toBe(false);
    expect(({} as Record<string, unknown>)['status']).toBeUndefined();
  });

  it('accepts objects without a prototype and class instances that own their fields', () => {
    const bare = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(bare);
      if (typeof value !== 'object' || value === null) return value;
      return Object.assign(
        Object.create(null),
        Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bare(v)])),
      );
    };
    expect(api.isRunStepObject(bare(toolCallsStep))).toBe(true);

    class StoredStep {
      constructor(fields: object) {
        Object.assign(this, fields);
      }
    }
    expect(api.isRunStepObject(new StoredStep(structuredClone(toolCallsStep)))).toBe(true);
  });

  it('rejects arrays where objects belong, and array-likes where arrays belong', () => {
    expect(api.isRunStepObject({ ...messageStep, step_details: [messageStep.step_details] })).toBe(false);
    expect(api.isRunStepObject({ ...messageStep, usage: [] })).toBe(false);
    expect(api.isRunStepObject(Object.assign([], messageStep))).toBe(false);
    const { tool_calls } = toolCallsStep.step_details;
    const arrayLike = { ...tool_calls, length: tool_calls.length };
    expect(api.isRunStepObject({ ...toolCallsStep, step_details: { type: 'tool_calls', tool_calls: arrayLike } })).toBe(
      false,
    );
  });

  it('accepts a transparent proxy of a valid step, as it accepts the step', () => {
    expect(api.isRunStepObject(new Proxy(structuredClone(toolCallsStep), {}))).toBe(true);
  });
});
