// A polluted Object.prototype (or Array.prototype) must never make a guard accept what is not there.
// This file writes to the global prototypes, so it runs in its own process (vitest.config.ts: pool
// 'forks', isolated), and it removes every key it adds before the next assertion. The right answers
// come from the reference validator, asked before the prototypes are polluted (ajv reads inherited
// keys too). Every check in test/support/checks.ts is run, on its sample.
import { afterEach, describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { CHECKS, SAMPLES, verdicts } from './support/checks.js';
import { chunkStep } from './support/chunk.js';
import { DELTA_CONTRACT, OPTIONAL, formatPath, patternOf } from './support/contract.js';
import { getAt, walk } from './support/corrupt.js';
import { acceptedRunSteps } from './support/fixtures.js';
import { UNREADABLE } from './support/hostile.js';
import { allStepEvents, recordedStreams, specStreams } from './support/streams.js';

const steps = acceptedRunSteps();
const objectPrototype = Object.prototype as Record<PropertyKey, unknown>;
const arrayPrototype = Array.prototype as unknown as Record<PropertyKey, unknown>;
const added: [Record<PropertyKey, unknown>, PropertyKey][] = [];

function pollute(prototype: Record<PropertyKey, unknown>, key: PropertyKey, value: unknown): void {
  expect(Object.hasOwn(prototype, key)).toBe(false);
  prototype[key] = value;
  added.push([prototype, key]);
}

afterEach(() => {
  for (const [prototype, key] of added.splice(0)) delete prototype[key];
});

describe('a key that a run step lacks cannot come from a polluted Object.prototype', () => {
  it.each(steps.map(({ source, step }) => [source, step] as const))('in %s', (_, step) => {
    const fooled: string[] = [];
    for (const path of walk(step)) {
      const key = path[path.length - 1];
      const pattern = patternOf(path);
      if (typeof key !== 'string' || pattern.endsWith('*')) continue;
      const copy = structuredClone(step);
      delete (getAt(copy, path.slice(0, -1)) as Record<string, unknown>)[key];
      // A required key: its own valid value, inherited instead, must not count. An optional key: a
      // value no check would accept, inherited, must not be read.
      const optional = OPTIONAL.has(pattern);
      objectPrototype[key] = optional ? Symbol('polluted') : structuredClone(getAt(step, path));
      try {
        if (api.isRunStepObject(copy) !== optional)
          fooled.push(`${formatPath(path)} (${optional ? 'optional' : 'required'})`);
      } finally {
        delete objectPrototype[key];
      }
    }
    expect(fooled).toEqual([]);
  });
});

describe('while Object.prototype is polluted, the guards still answer right', () => {
  it('accept every valid step and reject a step that lacks the polluted key', () => {
    pollute(objectPrototype, 'status', 'completed');
    pollute(objectPrototype, 'usage', null);
    for (const { step } of steps) expect(api.isRunStepObject(step)).toBe(true);
    const { status, usage, ...partial } = steps[0]!.step;
    expect(api.isRunStepObject(partial)).toBe(false);
  });

  it('skip inherited keys of maps such as metadata and attributes', () => {
    pollute(objectPrototype, 'injected', 5);
    const step = { ...steps[0]!.step, metadata: { a: 'b' } };
    expect(api.isRunStepObject(step)).toBe(true);
  });
});

describe('a hole in an array cannot be filled from a polluted prototype', () => {
  const withCalls = steps.filter(({ step }) => (step as any).step_details.tool_calls?.length > 0);

  it.each([
    ['Array.prototype', arrayPrototype],
    ['Object.prototype', objectPrototype],
  ])('through %s', (_, prototype) => {
    expect(withCalls.length).toBeGreaterThan(0);
    for (const { step } of withCalls) {
      const copy = structuredClone(step) as any;
      const [first] = copy.step_details.tool_calls;
      delete copy.step_details.tool_calls[0];
      pollute(prototype, 0, first);
      expect(copy.step_details.tool_calls[0]).toBe(first);
      expect(api.isRunStepObject(copy)).toBe(false);
      expect(api.isToolCallsStepDetails(copy.step_details)).toBe(false);
      delete prototype[0];
      added.pop();
    }
  });
});

describe.each(CHECKS.map((entry) => [entry.name, entry] as const))('%s on its sample', (_, { root, check }) => {
  const sample = SAMPLES[root];
  const reference = verdicts()[root];
  const keyPaths = [...walk(sample)].filter((path) => typeof path[path.length - 1] === 'string');

  it('cannot be given a missing key, or a wrong value for it, by Object.prototype', () => {
    const fooled: string[] = [];
    for (const path of keyPaths) {
      const key = path[path.length - 1] as string;
      const copy = structuredClone(sample);
      delete (getAt(copy, path.slice(0, -1)) as Record<string, unknown>)[key];
      const expected = reference(copy);
      for (const polluted of [structuredClone(getAt(sample, path)), UNREADABLE]) {
        objectPrototype[key] = polluted;
        try {
          if (check(copy) !== expected) fooled.push(`${formatPath(path)} <- ${String(polluted)}`);
        } finally {
          delete objectPrototype[key];
        }
      }
    }
    expect(keyPaths.length).toBeGreaterThan(0);
    expect(fooled).toEqual([]);
  });

  it('answers right while every key it reads is polluted at once', () => {
    const copies = keyPaths.map((path) => {
      const copy = structuredClone(sample);
      delete (getAt(copy, path.slice(0, -1)) as Record<string, unknown>)[path[path.length - 1] as string];
      return { path, copy, expected: reference(copy) };
    });
    const wrong: string[] = [];
    for (const path of keyPaths)
      objectPrototype[path[path.length - 1] as string] = structuredClone(getAt(sample, path));
    try {
      if (!check(sample)) wrong.push('rejected its own sample');
      for (const { path, copy, expected } of copies) if (check(copy) !== expected) wrong.push(formatPath(path));
    } finally {
      for (const path of keyPaths) delete objectPrototype[path[path.length - 1] as string];
    }
    expect(wrong).toEqual([]);
  });

  it('cannot have a hole in any of its arrays filled from a polluted prototype', () => {
    const fooled: string[] = [];
    const arrays = [...walk(sample)].filter((path) => {
      const value = getAt(sample, path);
      return Array.isArray(value) && value.length > 0;
    });
    for (const path of arrays) {
      const copy = structuredClone(sample);
      const array = getAt(copy, path) as unknown[];
      const first = array[0];
      delete array[0];
      const expected = reference(copy);
      for (const prototype of [arrayPrototype, objectPrototype]) {
        prototype[0] = first;
        try {
          if (check(copy) !== expected)
            fooled.push(
              `${formatPath(path)}[0] through ${prototype === arrayPrototype ? 'Array' : 'Object'}.prototype`,
            );
        } finally {
          delete prototype[0];
        }
      }
    }
    expect(fooled).toEqual([]);
  });
});

describe('a key that a stream event or delta lacks cannot come from a polluted Object.prototype', () => {
  const events = allStepEvents();

  it.each(events.filter(({ event }) => event === 'thread.run.step.delta').map((event, n) => [n, event] as const))(
    'in delta event %i',
    (_, event) => {
      const fooled: string[] = [];
      for (const path of walk(event)) {
        const key = path[path.length - 1];
        const pattern = path[0] === 'data' ? patternOf(path.slice(1), DELTA_CONTRACT.maps) : String(key);
        if (typeof key !== 'string' || pattern.endsWith('*')) continue;
        const copy = structuredClone(event);
        delete (getAt(copy, path.slice(0, -1)) as Record<string, unknown>)[key];
        const optional = path[0] === 'data' && DELTA_CONTRACT.optional.has(pattern);
        objectPrototype[key] = optional ? Symbol('polluted') : structuredClone(getAt(event, path));
        try {
          if (api.isRunStepStreamEvent(copy) !== optional)
            fooled.push(`${formatPath(path)} (${optional ? 'optional' : 'required'})`);
        } finally {
          delete objectPrototype[key];
        }
      }
      expect(fooled).toEqual([]);
    },
  );

  it('nor the event name or data of any event', () => {
    for (const event of events) {
      for (const key of ['event', 'data'] as const) {
        const { [key]: value, ...rest } = event;
        objectPrototype[key] = value;
        try {
          expect(api.isRunStepStreamEvent(rest)).toBe(false);
        } finally {
          delete objectPrototype[key];
        }
      }
    }
  });
});

describe('the accumulator rebuilds the same steps while Object.prototype is polluted', () => {
  // Each key the merge reads, with a value that would change the result if it were read from there.
  const POLLUTION: [string, unknown][] = [
    ['id', 'call_polluted'],
    ['name', 'polluted'],
    ['arguments', 'POLLUTED'],
    ['output', 'POLLUTED'],
    ['input', 'POLLUTED'],
    ['logs', 'POLLUTED'],
    ['outputs', [{ index: 5, type: 'logs', logs: 'POLLUTED' }]],
    ['image', { file_id: 'file-polluted' }],
    ['results', [{ file_id: 'file-polluted', file_name: 'p', score: 1 }]],
    ['ranking_options', { ranker: 'auto', score_threshold: 1 }],
    ['message_creation', { message_id: 'msg_polluted' }],
    ['step_details', { type: 'tool_calls', tool_calls: [{ index: 7, id: 'call_polluted', type: 'function' }] }],
    ['tool_calls', [{ index: 7, id: 'call_polluted', type: 'function', function: { name: 'p' } }]],
    ['function', { name: 'polluted', arguments: 'POLLUTED' }],
    ['code_interpreter', { input: 'POLLUTED', outputs: [] }],
  ];
  const streams = [...recordedStreams(), ...specStreams()];
  const chunked = acceptedRunSteps().map(({ step }) => {
    let seed = 7;
    const { created, deltas } = chunkStep(step, (max) => (seed = (seed * 31 + 17) % 1009) % (max + 1));
    return { name: `chunked ${step['id']}`, events: [created, ...deltas] };
  });

  /** Every step's snapshot after each event, as JSON (own keys only). */
  function run(events: readonly unknown[]): string[] {
    const accumulator = api.createRunStepAccumulator();
    return events.map((event) => JSON.stringify(accumulator.push(event) ?? null));
  }

  it.each(POLLUTION)('with %s', (key, value) => {
    const clean = [...streams, ...chunked].map(({ events }) => run(events));
    const polluted = (() => {
      pollute(objectPrototype, key, value);
      try {
        return [...streams, ...chunked].map(({ events }) => run(events));
      } finally {
        delete objectPrototype[key];
        added.pop();
      }
    })();
    expect(polluted).toEqual(clean);
  });
});

describe("a validator's careful pass skips a key inherited from Object.prototype, as the first pass does", () => {
  // `has_more` is an archive key, which the archive checks test for themselves (`_distrust`): the careful
  // pass, which starts again after a read threw, must heed that too, or an inherited `true` would pass.
  it('for an archive key missing from a list whose first_id cannot be read', () => {
    const list = Object.defineProperty({ object: 'list', data: [], last_id: null }, 'first_id', {
      enumerable: true,
      get() {
        throw new Error('no first id');
      },
    });
    pollute(objectPrototype, 'has_more', true);
    const result = api.validateRunStepList(list);
    expect(result.success ? [] : result.issues.map((issue) => formatPath(issue.path))).toEqual([
      'first_id',
      'has_more',
    ]);
  });
});
