// toConversationItems and batchItems (openai-run-step-guards/migrate) on every recorded fixture, on generated
// threads, and on hostile input: every item valid by OpenAI's own schemas (test/support/responses.ts), every id
// and pairing rule of test/fixtures/responses/SOURCE.md held, every part not carried over as it was reported.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAzureRunStepObject } from '../src/azure/index.js';
import { createRunStepGuard, isHistoricalRunStepObject, isRunStepObject } from '../src/index.js';
import {
  MAX_CALL_ID_LENGTH,
  MAX_ITEMS_PER_CALL,
  MAX_OUTPUT_LENGTH,
  PENDING_OUTPUT,
  batchItems,
  toConversationItems,
  type ConversationItem,
  type ConversionOptions,
  type MessageItem,
} from '../src/migrate/index.js';
import { VALID } from './support/arbitraries.js';
import { azureSteps } from './support/azure.js';
import { FIXTURES_DIR, deepFreeze, findRunSteps, loadFixtureFiles } from './support/fixtures.js';
import { counted, revoked, throwingProxy } from './support/hostile.js';
import { expectAcceptedItems, schemaErrors } from './support/responses.js';

const json = (file: string): unknown => JSON.parse(readFileSync(`${FIXTURES_DIR}${file}`, 'utf8'));
const lines = (file: string): { event: string; data: Record<string, unknown> }[] =>
  readFileSync(`${FIXTURES_DIR}${file}`, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

/** The recorded stream of one thread's run: its steps as the completed events carried them. */
const STREAM = 'streams/simple-openai__threads_runs_create_both_stream.jsonl';
const streamSteps = () =>
  lines(STREAM)
    .filter(({ event }) => event === 'thread.run.step.completed')
    .map(({ data }) => data);
const threadMessages = () => json('responses/thread.synthetic.json') as Record<string, unknown>[];

const TRANSCRIBE: ConversionOptions = {
  codeInterpreter: 'transcript',
  fileSearch: 'transcript',
  provider: 'transcript',
  pendingFunction: 'error',
};

/** A function call step, for the tests of one rule at a time. */
function functionStep(
  id: string,
  output: string | null,
  { createdAt = 1, run = 'run_a', callId = `call_${id}` } = {},
): Record<string, unknown> {
  return {
    id: `step_${id}`,
    object: 'thread.run.step',
    created_at: createdAt,
    assistant_id: 'asst_a',
    thread_id: 'thread_a',
    run_id: run,
    type: 'tool_calls',
    status: 'completed',
    cancelled_at: null,
    completed_at: createdAt,
    expires_at: null,
    failed_at: null,
    last_error: null,
    usage: null,
    step_details: {
      type: 'tool_calls',
      tool_calls: [{ id: callId, type: 'function', function: { name: 'f', arguments: '{}', output } }],
    },
  };
}
function messageStep(id: string, messageId: string, { createdAt = 1, run = 'run_a' } = {}): Record<string, unknown> {
  const step = functionStep(id, null, { createdAt, run });
  return {
    ...step,
    type: 'message_creation',
    step_details: { type: 'message_creation', message_creation: { message_id: messageId } },
  };
}

describe('toConversationItems on the recorded fixtures', () => {
  // Each recorded step alone (spec examples, wire, synthetic), the historical ones, Azure's, and a whole thread.
  const groups: { name: string; steps: unknown[]; guard: ConversionOptions['guard'] }[] = [];
  for (const found of findRunSteps(loadFixtureFiles())) {
    groups.push({ name: found.source, steps: [found.step], guard: isHistoricalRunStepObject });
  }
  for (const file of [
    'h01__v1-2023_retrieval_completed_no-usage.json',
    'h02__v1-2024-02_retrieval_with-usage.json',
    'h03__v1-2023_in-progress_code-interpreter_function-no-output.json',
  ]) {
    groups.push({ name: `historical/${file}`, steps: [json(`historical/${file}`)], guard: isHistoricalRunStepObject });
  }
  const azure = azureSteps();
  groups.push({ name: 'azure (every step)', steps: azure.map(({ step }) => step), guard: isAzureRunStepObject });
  groups.push({
    name: STREAM,
    steps: [...lines(STREAM).map(({ data }) => data), ...threadMessages()],
    guard: isRunStepObject,
  });

  for (const options of [{}, TRANSCRIBE]) {
    const mode = options === TRANSCRIBE ? 'transcripts' : 'defaults';
    it(`makes only accepted items from every fixture (${mode})`, () => {
      let items = 0;
      for (const { name, steps, guard } of groups) {
        const result = toConversationItems(deepFreeze(structuredClone(steps)), { ...options, guard });
        expectAcceptedItems(result.items, name);
        items += result.items.length;
        // Every part not carried over is in the report, at a step of the input.
        for (const entry of result.report.entries) {
          expect(entry.index, name).toBeGreaterThanOrEqual(0);
          expect(entry.message.length, name).toBeGreaterThan(0);
        }
        const total = result.report.total;
        expect(total.dropped + total.transformed + total.refused).toBe(result.report.entries.length);
      }
      expect(items).toBeGreaterThan(options === TRANSCRIBE ? 20 : 5);
    });
  }

  it('converts the recorded thread (steps and its synthetic messages) in order', () => {
    const { items, report } = toConversationItems([...lines(STREAM).map(({ data }) => data), ...threadMessages()], {
      codeInterpreter: 'transcript',
    });
    expect(items.map((item) => (item.type === 'message' ? `${item.role}` : item.type))).toEqual([
      'user',
      'assistant', // code interpreter transcript
      'assistant', // "Here is the plot."
      'assistant', // second transcript
      'assistant', // the minimum
    ]);
    expect(items[0]).toEqual({
      type: 'message',
      role: 'user',
      content: [
        { type: 'input_text', text: 'Plot y = x^2 for x from -5 to 5, then tell me its minimum.' },
        { type: 'input_image', image_url: 'https://example.com/sketch.png', detail: 'low' },
      ],
    });
    expect((items[1] as MessageItem).content).toMatch(
      /^\[Code interpreter call, carried over from an Assistants run step as text\]\nCode:\n/,
    );
    expect(items[2]).toEqual({ type: 'message', role: 'assistant', content: 'Here is the plot.' });
    expect(items[4]).toEqual({
      type: 'message',
      role: 'assistant',
      content: 'The minimum of y = x^2 is 0, at x = 0 [0].',
    });
    // The earlier snapshots of each step (created, in_progress) gave way to the completed one.
    const reasons = report.entries.map(({ action, reason, kind }) => `${action} ${reason} ${kind}`);
    expect(reasons.filter((reason) => reason === 'dropped duplicate value')).toHaveLength(8);
    expect(reasons).toContain('dropped message_part image_file');
    expect(reasons).toContain('dropped message_part annotations');
    expect(reasons.filter((reason) => reason === 'transformed code_interpreter code_interpreter')).toHaveLength(2);
    expect(report.tally.get('message_creation')).toEqual({ carried: 2, dropped: 0, transformed: 0, refused: 0 });
    expect(report.tally.get('thread.message')).toEqual({ carried: 3, dropped: 0, transformed: 0, refused: 0 });
  });

  it('carries a recorded function call and its output, and drops the code interpreter call by default', () => {
    const step = json('wire/22__simple-openai_sse_step-completed_function-output-set.json') as { data: unknown };
    const { items, report } = toConversationItems([step.data, ...streamSteps()]);
    expect(items).toEqual([
      {
        type: 'function_call',
        call_id: 'call_vnwkHhHXhL2aZjtT82XyoTe2',
        name: 'RainProbability',
        arguments: '{"location":"Lima, Peru"}',
      },
      { type: 'function_call_output', call_id: 'call_vnwkHhHXhL2aZjtT82XyoTe2', output: '20.164465313460656' },
    ]);
    expect(report.entries.map(({ action, reason }) => `${action} ${reason}`)).toEqual([
      'dropped code_interpreter',
      'refused message_missing',
      'dropped code_interpreter',
      'refused message_missing',
    ]);
    expect(report.tally.get('function')).toEqual({ carried: 1, dropped: 0, transformed: 0, refused: 0 });
  });

  it('reads Azure kinds as provider kinds: dropped, transcribed or handed to the callback', () => {
    const steps = azureSteps().map(({ step }) => step);
    const dropped = toConversationItems(steps, { guard: isAzureRunStepObject });
    const kinds = new Set(dropped.report.entries.filter((e) => e.reason === 'provider_kind').map((e) => e.kind));
    expect(kinds.size).toBeGreaterThan(3);
    // Through OpenAI's guard, a step with an Azure kind is no run step: refused whole, never read as one.
    const unchecked = toConversationItems(steps).report.entries;
    expect(unchecked.some((e) => e.reason === 'provider_kind')).toBe(false);
    expect(unchecked.filter((e) => e.reason === 'not_a_run_step').length).toBeGreaterThan(3);
    const seen: string[] = [];
    const handed = toConversationItems(steps, {
      guard: isAzureRunStepObject,
      provider: (call) => {
        seen.push(call.type);
        return { type: 'message', role: 'assistant', content: `(${call.type})` };
      },
    });
    expect(new Set(seen)).toEqual(kinds);
    expectAcceptedItems(handed.items);
  });
});

describe('the order of the items', () => {
  it('follows created_at, then the run, with tool calls before the message they led to', () => {
    const steps = [
      messageStep('m2', 'msg_2', { createdAt: 5, run: 'run_b' }),
      functionStep('f2', 'two', { createdAt: 5, run: 'run_b' }),
      functionStep('f1', 'one', { createdAt: 3, run: 'run_a' }),
      messageStep('m1', 'msg_1', { createdAt: 3, run: 'run_a' }),
      functionStep('f3', 'three', { createdAt: 5, run: 'run_c' }),
    ];
    const message = (id: string): ConversationItem => ({ type: 'message', role: 'assistant', content: id });
    const { items } = toConversationItems(steps, { message });
    expect(items.map((item) => (item.type === 'message' ? item.content : `${item.type} ${item.call_id}`))).toEqual([
      'function_call call_f1',
      'function_call_output call_f1',
      'msg_1',
      'function_call call_f2',
      'function_call_output call_f2',
      'msg_2',
      'function_call call_f3',
      'function_call_output call_f3',
    ]);
  });
});

describe('the choices', () => {
  it("drops a function call without output by default, or carries an error output, or the callback's", () => {
    const step = functionStep('p', null);
    expect(toConversationItems([step]).items).toEqual([]);
    expect(toConversationItems([step]).report.entries[0]).toMatchObject({
      action: 'dropped',
      reason: 'pending_function',
      step_id: 'step_p',
      path: ['step_details', 'tool_calls', 0, 'function', 'output'],
    });
    expect(toConversationItems([step], { pendingFunction: 'error' }).items[1]).toEqual({
      type: 'function_call_output',
      call_id: 'call_p',
      output: PENDING_OUTPUT,
    });
    const given = toConversationItems([step], { pendingFunction: (call) => `late for ${call.id}` });
    expect(given.items[1]).toMatchObject({ output: 'late for call_p' });
    expect(given.report.entries[0]).toMatchObject({ action: 'transformed', reason: 'pending_function' });
    const thrown = toConversationItems([step], {
      pendingFunction: () => {
        throw new Error('no');
      },
    });
    expect(thrown.items).toEqual([]);
    expect(thrown.report.entries[0]).toMatchObject({ action: 'refused', reason: 'callback_threw' });
    expect(toConversationItems([step], { pendingFunction: () => 42 as never }).report.entries[0]).toMatchObject({
      reason: 'not_items',
    });
  });

  it('asks the message callback, then the input, and reports a message neither has', () => {
    const step = messageStep('m', 'msg_x');
    expect(toConversationItems([step]).report.entries[0]).toMatchObject({
      action: 'refused',
      reason: 'message_missing',
    });
    const answered = toConversationItems([step], {
      message: (id) => [{ type: 'message', role: 'assistant', content: `text of ${id}` }],
    });
    expect(answered.items).toEqual([{ type: 'message', role: 'assistant', content: 'text of msg_x' }]);
    const cases: [unknown, string][] = [
      [{ role: 'assistant', content: 'x', id: 'msg_x' }, 'not_items'],
      [{ type: 'function_call', call_id: 'c', name: 'f' }, 'not_items'],
      [[{ role: 'robot', content: 'x' }], 'not_items'],
      ['text', 'not_items'],
      [[{ type: 'function_call', call_id: 'c', name: 'f', arguments: '{}' }], 'unpaired'],
      [[], 'message_missing'],
    ];
    for (const [answer, reason] of cases) {
      const result = toConversationItems([step], { message: () => answer as never });
      expect(result.items, JSON.stringify(answer)).toEqual([]);
      expect(result.report.entries[0]?.reason, JSON.stringify(answer)).toBe(reason);
    }
    const thrown = toConversationItems([step], {
      message: () => {
        throw new Error('x');
      },
    });
    expect(thrown.report.entries[0]).toMatchObject({ reason: 'callback_threw', step_id: 'step_m' });
  });

  it("puts a callback's function call right before its output, whatever order it gave them in", () => {
    const step = messageStep('m', 'msg_x');
    const { items } = toConversationItems([step], {
      message: () => [
        { type: 'function_call_output', call_id: 'c1', output: 'o' },
        { type: 'message', role: 'user', content: 'between' },
        { type: 'function_call', call_id: 'c1', name: 'f', arguments: '{}' },
      ],
    });
    expectAcceptedItems(items);
    expect(items.map((item) => item.type)).toEqual(['message', 'function_call', 'function_call_output']);
  });

  it('rejects options of the wrong type with a TypeError', () => {
    expect(() => toConversationItems([], { codeInterpreter: 'keep' as never })).toThrow(TypeError);
    expect(() => toConversationItems([], { guard: 1 as never })).toThrow(TypeError);
    expect(() => toConversationItems([], null as never)).toThrow(TypeError);
  });
});

describe('the limits', () => {
  it('refuses a call_id over 64 characters or empty, and a repeated one', () => {
    for (const callId of ['c'.repeat(MAX_CALL_ID_LENGTH + 1), '']) {
      const { items, report } = toConversationItems([functionStep('a', 'x', { callId })]);
      expect(items).toEqual([]);
      expect(report.entries[0]).toMatchObject({ action: 'refused', reason: 'invalid_call_id' });
    }
    expect(toConversationItems([functionStep('a', 'x', { callId: 'c'.repeat(64) })]).items).toHaveLength(2);
    const twice = toConversationItems([
      functionStep('a', 'x', { callId: 'c' }),
      functionStep('b', 'y', { callId: 'c' }),
    ]);
    expect(twice.items).toHaveLength(2);
    expect(twice.report.entries[0]).toMatchObject({ reason: 'duplicate_call_id', step_id: 'step_b' });
  });

  it('carries an output of 10,485,760 characters and refuses a longer one, never cut', () => {
    const limit = toConversationItems([functionStep('a', 'x'.repeat(MAX_OUTPUT_LENGTH))]);
    expect(limit.items).toHaveLength(2);
    expect(schemaErrors(limit.items[1])).toBeUndefined();
    const over = toConversationItems([functionStep('a', 'x'.repeat(MAX_OUTPUT_LENGTH + 1))]);
    expect(over.items).toEqual([]);
    expect(over.report.entries[0]).toMatchObject({ action: 'refused', reason: 'too_long' });
    // The reference agrees: one more character is not accepted.
    expect(
      schemaErrors({ type: 'function_call_output', call_id: 'c', output: 'x'.repeat(MAX_OUTPUT_LENGTH + 1) }),
    ).toBeDefined();
  });
});

describe('bad input', () => {
  const step = functionStep('a', 'out');

  it('reports and skips what is no run step, and never throws', () => {
    const cycle: Record<string, unknown> = { ...structuredClone(step) };
    cycle['self'] = cycle;
    const getter = Object.defineProperty(structuredClone(step), 'id', {
      get() {
        throw new Error('no');
      },
      enumerable: true,
    });
    const values = [null, 1, 'step', [], {}, throwingProxy({}), revoked(), cycle, getter, { ...step, id: 5 }];
    const { items, report } = toConversationItems([...values, step]);
    expect(items).toHaveLength(2);
    expect(report.entries.map(({ reason }) => reason)).toEqual([
      'not_a_run_step',
      'not_a_run_step',
      'not_a_run_step',
      'not_a_run_step',
      'not_a_run_step',
      'unreadable',
      'unreadable',
      'unreadable',
      'unreadable',
      'not_a_run_step',
    ]);
    expect(toConversationItems(throwingProxy([]) as never).items).toEqual([]);
    expect(toConversationItems(5 as never).report.entries[0]?.reason).toBe('unreadable');
  });

  it('reads every value once, and never writes to the input', () => {
    let reads = 0;
    const watched = structuredClone(step);
    const details = watched['step_details'] as Record<string, unknown>;
    Object.defineProperty(watched, 'step_details', {
      get: () => (reads++, details),
      enumerable: true,
    });
    const frozen = deepFreeze(watched);
    reads = 0; // deepFreeze read it
    expect(toConversationItems([frozen]).items).toHaveLength(2);
    expect(reads).toBe(1);
  });

  it('is not fooled by a polluted Object.prototype or a __proto__ key', () => {
    const withProto = JSON.parse(JSON.stringify(step).replace('"id":"call_a"', '"id":"call_a","__proto__":{"x":1}'));
    expect(toConversationItems([withProto]).items).toHaveLength(2);
    const pendingOutputless = structuredClone(step);
    delete ((pendingOutputless['step_details'] as any).tool_calls[0].function as Record<string, unknown>)['output'];
    try {
      (Object.prototype as any).output = 'forged';
      const result = toConversationItems([pendingOutputless], { guard: isHistoricalRunStepObject });
      expect(result.items).toEqual([]);
      expect(result.report.entries[0]?.reason).toBe('pending_function');
    } finally {
      delete (Object.prototype as any).output;
    }
  });

  it('does work linear in the input (reads counted at N and 2N)', () => {
    const thread = (n: number) =>
      Array.from({ length: n }, (_, i) => functionStep(String(i), `o${i}`, { createdAt: n - i }));
    const count = (n: number) => {
      const wrapped = counted(thread(n));
      toConversationItems(wrapped.value as unknown[]);
      return wrapped.count();
    };
    const [small, large] = [count(500), count(1000)];
    expect(large).toBeLessThanOrEqual(2 * small + 64);
  });
});

describe('batchItems', () => {
  const call = (id: string): ConversationItem[] => [
    { type: 'function_call', call_id: id, name: 'f', arguments: '{}' },
    { type: 'function_call_output', call_id: id, output: 'o' },
  ];
  const text = (content: string): ConversationItem => ({ type: 'message', role: 'user', content });

  it('splits into batches of at most 20 without separating a call from its output', () => {
    const items = [...Array.from({ length: 19 }, (_, i) => text(String(i))), ...call('a'), text('end')];
    const batches = batchItems(items);
    expect(batches.map((batch) => batch.length)).toEqual([19, 3]);
    expect(batches.flat()).toEqual(items);
    expect(MAX_ITEMS_PER_CALL).toBe(20);
    expect(batchItems([], 20)).toEqual([]);
    expect(batchItems(items, 2).every((batch) => batch.length <= 2)).toBe(true);
  });

  it('keeps a call and an output that are apart in one batch, and says when they cannot share one', () => {
    const [fc1, out1] = call('a');
    const items = [fc1!, text('x'), out1!, text('y')];
    expect(batchItems(items, 3)).toEqual([[fc1, text('x'), out1], [text('y')]]);
    expect(() => batchItems(items, 2)).toThrow(RangeError);
    expect(() => batchItems(items, 0)).toThrow(RangeError);
    expect(() => batchItems(items, 1.5)).toThrow(RangeError);
  });

  it('pairs a repeated call_id first call to first output, and keeps each such pair whole', () => {
    const [fc1, out1] = call('a');
    // Two calls with one call_id, then their two outputs: the first output closes the first call.
    const nested = [fc1!, text('x'), fc1!, out1!, text('y'), out1!];
    expect(batchItems(nested, 6)).toEqual([nested]);
    expect(() => batchItems(nested, 5)).toThrow(/items 0 to 5/);
    // The same id reused in sequence: each call sits with the output right after it.
    const reused = Array.from({ length: 3000 }, () => call('a')).flat();
    const batches = batchItems(reused, 3);
    expect(batches).toHaveLength(3000);
    expect(batches.flat()).toEqual(reused);
    expect(
      batches.every(([first, second]) => first!.type === 'function_call' && second!.type === 'function_call_output'),
    ).toBe(true);
  });
});

describe('10,000 generated threads', () => {
  it('give accepted items, each call right before its output, whatever the choices', () => {
    const choices = fc.record({
      codeInterpreter: fc.constantFrom('drop', 'transcript'),
      fileSearch: fc.constantFrom('drop', 'transcript'),
      pendingFunction: fc.constantFrom('drop', 'error'),
      guard: fc.constantFrom(
        isRunStepObject,
        isHistoricalRunStepObject,
        createRunStepGuard({ unknownToolCalls: 'accept' }).is,
      ),
    });
    fc.assert(
      fc.property(fc.array(VALID.isRunStepObject, { maxLength: 6 }), choices, (steps, options) => {
        const { items, report } = toConversationItems(steps, options as ConversionOptions);
        expectAcceptedItems(items);
        for (const batch of batchItems(items)) expectAcceptedItems(batch);
        expect(report.total.carried + report.entries.length).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);
});
