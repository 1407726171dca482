// Rebuilding run steps from their streams: every stream the spec's examples show and every recorded
// stream replayed, the merge rules one by one, each documented answer to a hostile stream, and property
// tests that cut known final steps into random streams and rebuild them.
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_DELTA_INDEX,
  RunStepStreamError,
  applyRunStepDelta,
  createRunStepAccumulator,
  isRunStepDeltaEvent,
  isRunStepObject,
  isRunStepStreamEvent,
  isTerminalRunStepEvent,
  type RunStepDeltaObject,
  type RunStepObject,
  type RunStepStreamErrorCode,
  type RunStepStreamEvent,
} from '../src/index.js';
import { chunkStep } from './support/chunk.js';
import { answering, instrument } from './support/hostile.js';
import { acceptedRunSteps, deepFreeze, loadFixtureFiles } from './support/fixtures.js';
import { recordedStreams, specStreams, stepEvents, type Stream } from './support/streams.js';
import { HEAVY_TIMEOUT } from './support/timeouts.js';

const clone = <Value>(value: Value): Value => structuredClone(value);
/** The built package, for the tests that run in a process of their own (`npm test` builds first). */
const DIST = new URL('../dist/index.js', import.meta.url).href;

/** Pushes every event of a stream into a new accumulator, checking each snapshot it returns. */
function replay(events: readonly unknown[]) {
  const accumulator = createRunStepAccumulator();
  for (const event of events) {
    const snapshot = accumulator.push(event);
    if (isRunStepStreamEvent(event)) {
      expect(isRunStepObject(snapshot)).toBe(true);
      expect(snapshot).toBe(accumulator.get(event.data.id));
    } else {
      expect(snapshot).toBeUndefined();
    }
  }
  return accumulator;
}

/** The error a call throws, or a failure. */
function thrown(call: () => unknown): RunStepStreamError {
  try {
    call();
  } catch (error) {
    if (error instanceof RunStepStreamError) return error;
    throw error;
  }
  return expect.fail('no RunStepStreamError was thrown') as never;
}

/** Asserts that `call` throws a RunStepStreamError of `code`, whose message matches `message`. */
function expectStreamError(call: () => unknown, code: RunStepStreamErrorCode, message: RegExp): RunStepStreamError {
  const error = thrown(call);
  expect(error.code).toBe(code);
  expect(error.name).toBe('RunStepStreamError');
  expect(error).toBeInstanceOf(Error);
  expect(error.message).toMatch(message);
  return error;
}

const streams: Stream[] = [...specStreams(), ...recordedStreams()];

describe('replaying every stream the spec shows, and every recorded one', { timeout: HEAVY_TIMEOUT }, () => {
  it('finds the five streams of the spec and the two recordings', () => {
    expect(streams.map(({ name }) => name)).toEqual([
      'spec-examples/createRun__streaming',
      'spec-examples/createRun__streaming-with-functions',
      'spec-examples/createThreadAndRun__streaming',
      'spec-examples/createThreadAndRun__streaming-with-functions',
      'spec-examples/submitToolOuputsToRun__streaming',
      'streams/simple-openai__threads_runs_create_both_function_stream.jsonl',
      'streams/simple-openai__threads_runs_create_both_stream.jsonl',
    ]);
  });

  it.each(streams.map((stream) => [stream.name, stream] as const))('%s', (_, stream) => {
    const events = deepFreeze(clone(stream.events));
    const accumulator = replay(events);
    const ids = [...new Set(stepEvents(stream).map(({ data }) => data['id'] as string))];
    expect(accumulator.snapshots().map((step) => step.id)).toEqual(ids);
    for (const id of ids) {
      const own = events.filter((event) => isRunStepStreamEvent(event) && event.data.id === id) as RunStepStreamEvent[];
      const terminal = own.filter(isTerminalRunStepEvent).at(-1);
      const snapshot = accumulator.get(id)!;
      // A terminal event's step replaces the snapshot: a plain copy of the server's object, read once.
      if (terminal !== undefined) expect(snapshot).toStrictEqual(terminal.data);
      else expect(isRunStepObject(snapshot)).toBe(true);
    }
  });

  it('the spec’s function stream: the call from its first chunk, the arguments from every fragment', () => {
    const stream = streams.find(({ name }) => name.endsWith('createThreadAndRun__streaming-with-functions'))!;
    const deltas = stream.events.filter(({ event }) => event === 'thread.run.step.delta');
    const [first, ...rest] = deltas.map(({ data }) => data['delta'].step_details.tool_calls[0]);
    const step = replay(stream.events).get('step_001')!;
    // The spec elides some deltas ("..." between sse05 and sse06), so the fragments it shows join into
    // `{"locationahrenheit"}`: what a client that received exactly these events must hold.
    const args = first.function.arguments + rest.map((chunk) => chunk.function.arguments).join('');
    expect(args).toBe('{"locationahrenheit"}');
    const inProgress = stream.events.find(({ event }) => event === 'thread.run.step.in_progress')!.data;
    expect(step).toEqual({
      ...inProgress,
      step_details: {
        type: 'tool_calls',
        tool_calls: [
          { id: first.id, type: 'function', function: { name: first.function.name, arguments: args, output: null } },
        ],
      },
    });
  });

  it('the recorded code interpreter steps, rebuilt, are the completed steps but for what completion sets', () => {
    const stream = streams.find(({ name }) => name.endsWith('create_both_stream.jsonl'))!;
    const accumulator = createRunStepAccumulator();
    let compared = 0;
    for (const event of stream.events) {
      if (event.event === 'thread.run.step.completed') {
        const rebuilt = accumulator.get(event.data['id'])!;
        const { status, completed_at, usage, ...rest } = event.data;
        expect(rebuilt).toEqual({ ...rest, status: 'in_progress', completed_at: null, usage: null });
        if (rebuilt.type === 'tool_calls') compared += rebuilt.step_details.tool_calls.length;
      }
      accumulator.push(event);
    }
    // Two calls: 56 input fragments and a logs output; 129 fragments and an image output.
    expect(compared).toBe(2);
  });

  it('the recorded function call: the arguments the run then asked outputs for', () => {
    const stream = streams.find(({ name }) => name.endsWith('function_stream.jsonl'))!;
    const step = replay(stream.events).snapshots()[0]!;
    const requiresAction = stream.events.at(-1)!;
    expect(requiresAction.event).toBe('thread.run.requires_action');
    const [asked] = requiresAction.data['required_action'].submit_tool_outputs.tool_calls;
    expect(step.status).toBe('in_progress');
    expect(step.type === 'tool_calls' && step.step_details.tool_calls).toEqual([
      { ...asked, function: { ...asked.function, output: null } },
    ]);
  });

  it('the recorded file search excerpt: a created step, then a file search delta with ranking_options', () => {
    const wire = loadFixtureFiles().filter(({ file }) => /^wire\/(06|07|12)__/.test(file));
    const accumulator = replay(wire.map(({ json }) => json));
    const [step] = accumulator.snapshots();
    expect(step!.type === 'tool_calls' && step!.step_details.tool_calls).toEqual([
      {
        id: 'call_Ijw9WuTSpuhrnIInrcUzLRsL',
        type: 'file_search',
        file_search: { ranking_options: { ranker: 'default_2024_08_21', score_threshold: 0 }, results: [] },
      },
    ]);
    expect(accumulator.snapshots()).toHaveLength(2);
  });

  it('the recorded code interpreter excerpt, whose created event was not kept: a delta for an unknown step', () => {
    const [first] = loadFixtureFiles().filter(({ file }) => file.startsWith('wire/17__'));
    const accumulator = createRunStepAccumulator();
    expectStreamError(() => accumulator.push(first!.json), 'unknown_step', /step_IoJ5cruIGH8FlSKlykAcAkrX/);
    expect(accumulator.snapshots()).toEqual([]);
  });
});

describe('purity', () => {
  const stream = recordedStreams().find(({ name }) => name.endsWith('create_both_stream.jsonl'))!;

  it('never writes to an event, and never changes a snapshot it returned', () => {
    const events = deepFreeze(clone(stream.events));
    const accumulator = createRunStepAccumulator();
    const returned: [RunStepObject, string][] = [];
    for (const event of events) {
      const snapshot = accumulator.push(event);
      if (snapshot !== undefined) returned.push([snapshot, JSON.stringify(snapshot)]);
    }
    expect(returned.length).toBe(198);
    for (const [snapshot, json] of returned) expect(JSON.stringify(snapshot)).toBe(json);
    expect(events).toEqual(stream.events);
  });

  it('applyRunStepDelta returns a new snapshot and leaves both (frozen) inputs as they were', () => {
    const [created, first, second] = stepEvents(stream)
      .slice(1, 4)
      .map(({ data }) => deepFreeze(clone(data)));
    const once = applyRunStepDelta(created as RunStepObject, first as RunStepDeltaObject);
    const twice = applyRunStepDelta(once, second as RunStepDeltaObject);
    expect(once).not.toBe(created);
    expect(twice).not.toBe(once);
    expect(created).toEqual(stepEvents(stream)[1]!.data);
    expect(once.type === 'tool_calls' && once.step_details.tool_calls[0]).toEqual({
      id: 'call_V0Orz0CoXJQpzL3UiCMZL4ls',
      type: 'code_interpreter',
      code_interpreter: { input: '', outputs: [] },
    });
    expect(
      twice.type === 'tool_calls' &&
        twice.step_details.tool_calls[0]?.type === 'code_interpreter' &&
        twice.step_details.tool_calls[0].code_interpreter.input,
    ).toBe('#');
    // An empty delta changes nothing, and still gives a new object.
    const empty = applyRunStepDelta(twice, { id: twice.id, object: 'thread.run.step.delta', delta: {} });
    expect(empty).toEqual(twice);
    expect(empty).not.toBe(twice);
  });
});

// ---- the merge rules, one by one -----------------------------------------------------------------------

const base = acceptedRunSteps().find(({ step }) => step['type'] === 'tool_calls')!.step as unknown as RunStepObject;
const empty = deepFreeze({
  ...clone(base),
  id: 'step_rules',
  status: 'in_progress',
  step_details: { type: 'tool_calls', tool_calls: [] },
} as RunStepObject);
const messageStep = deepFreeze(
  clone(acceptedRunSteps().find(({ step }) => step['type'] === 'message_creation')!.step) as unknown as RunStepObject,
);

/** A delta of `chunks` for the rules' step. */
const delta = (...chunks: unknown[]): RunStepDeltaObject =>
  deepFreeze({
    id: 'step_rules',
    object: 'thread.run.step.delta',
    delta: { step_details: { type: 'tool_calls', tool_calls: chunks } },
  }) as RunStepDeltaObject;

/** The tool calls after applying each delta in turn to the empty step. */
function calls(...deltas: RunStepDeltaObject[]): unknown[] {
  const step = deltas.reduce<RunStepObject>((snapshot, next) => applyRunStepDelta(snapshot, next), empty);
  expect(isRunStepObject(step)).toBe(true);
  return step.type === 'tool_calls' ? step.step_details.tool_calls : [];
}

const fn = (index: number, body: object, id?: string) => ({
  index,
  type: 'function',
  ...(id === undefined ? {} : { id }),
  function: body,
});
const code = (index: number, body: object, id?: string) => ({
  index,
  type: 'code_interpreter',
  ...(id === undefined ? {} : { id }),
  code_interpreter: body,
});

describe('merge rules', () => {
  it('appends string fragments: arguments, output (after null), input, logs', () => {
    expect(
      calls(
        delta(fn(0, { name: 'f', arguments: '', output: null }, 'call_a')),
        delta(fn(0, { arguments: '{"a"' }), fn(0, { arguments: ':1}' })),
        delta(fn(0, { output: null })),
        delta(fn(0, { output: 'o' }), fn(0, { output: 'k' })),
        delta(code(1, { input: '', outputs: [] }, 'call_b'), code(1, { input: 'print' })),
        delta(code(1, { input: '(1)', outputs: [{ index: 0, type: 'logs', logs: '1' }] })),
        delta(code(1, { outputs: [{ index: 0, type: 'logs', logs: '\n' }] })),
      ),
    ).toEqual([
      { id: 'call_a', type: 'function', function: { name: 'f', arguments: '{"a":1}', output: 'ok' } },
      {
        id: 'call_b',
        type: 'code_interpreter',
        code_interpreter: { input: 'print(1)', outputs: [{ type: 'logs', logs: '1\n' }] },
      },
    ]);
  });

  it('places calls by index in any order of arrival, with no hole while a lower index is missing', () => {
    const late = applyRunStepDelta(empty, delta(fn(2, { name: 'c', arguments: '' }, 'call_c')));
    expect(late.type === 'tool_calls' && late.step_details.tool_calls.map((call) => call.id)).toEqual(['call_c']);
    expect(isRunStepObject(late)).toBe(true);
    const filled = [
      delta(fn(0, { name: 'a', arguments: '' }, 'call_a')),
      delta(fn(2, { arguments: '2' }), fn(1, { name: 'b', arguments: '' }, 'call_b')),
      delta(fn(0, { arguments: '0' }), fn(1, { arguments: '1' })),
    ].reduce((snapshot, next) => applyRunStepDelta(snapshot, next), late);
    expect(filled.type === 'tool_calls' && filled.step_details.tool_calls).toEqual(
      ['a', 'b', 'c'].map((name, n) => ({
        id: `call_${name}`,
        type: 'function',
        function: { name, arguments: String(n), output: null },
      })),
    );
  });

  it('places outputs by their own index, in any order', () => {
    const image = { index: 1, type: 'image', image: { file_id: 'file-1' } };
    expect(
      calls(
        delta(code(0, { input: '', outputs: [image] }, 'call_a')),
        delta(
          code(0, {
            outputs: [
              { index: 2, type: 'logs', logs: 'b' },
              { index: 0, type: 'logs', logs: 'a' },
            ],
          }),
        ),
        delta(
          code(0, {
            outputs: [
              { index: 1, type: 'image' },
              { index: 2, type: 'logs', logs: 'c' },
            ],
          }),
        ),
      ),
    ).toEqual([
      {
        id: 'call_a',
        type: 'code_interpreter',
        code_interpreter: {
          input: '',
          outputs: [
            { type: 'logs', logs: 'a' },
            { type: 'image', image: { file_id: 'file-1' } },
            { type: 'logs', logs: 'bc' },
          ],
        },
      },
    ]);
  });

  it('replaces ranking_options, appends results (they carry no index)', () => {
    const result = (name: string) => ({ file_id: `file-${name}`, file_name: name, score: 0.5 });
    const options = (ranker: string) => ({ ranker, score_threshold: 0 });
    expect(
      calls(
        delta({
          index: 0,
          id: 'call_a',
          type: 'file_search',
          file_search: { ranking_options: options('auto'), results: [] },
        }),
        delta({ index: 0, type: 'file_search', file_search: { results: [result('a'), result('b')] } }),
        delta({
          index: 0,
          type: 'file_search',
          file_search: { ranking_options: options('default_2024_08_21'), results: [result('c')] },
        }),
      ),
    ).toEqual([
      {
        id: 'call_a',
        type: 'file_search',
        file_search: { ranking_options: options('default_2024_08_21'), results: ['a', 'b', 'c'].map(result) },
      },
    ]);
    // The early v2 body, `{}`, stays `{}`.
    expect(calls(delta({ index: 0, id: 'call_a', type: 'file_search', file_search: {} }))).toEqual([
      { id: 'call_a', type: 'file_search', file_search: {} },
    ]);
  });

  it('lets later chunks repeat the id, type and name the first chunk set', () => {
    expect(
      calls(
        delta(fn(0, { name: 'f', arguments: 'a' }, 'call_a')),
        delta(fn(0, { name: 'f', arguments: 'b' }, 'call_a')),
      ),
    ).toEqual([{ id: 'call_a', type: 'function', function: { name: 'f', arguments: 'ab', output: null } }]);
  });

  it('fills what a first chunk leaves out with the empty start: arguments "", output null, input "", outputs []', () => {
    expect(calls(delta(fn(0, { name: 'f' }, 'call_a'), { index: 1, id: 'call_b', type: 'code_interpreter' }))).toEqual([
      { id: 'call_a', type: 'function', function: { name: 'f', arguments: '', output: null } },
      { id: 'call_b', type: 'code_interpreter', code_interpreter: { input: '', outputs: [] } },
    ]);
  });

  it('carries unknown keys of calls, bodies and outputs (the last value wins), never `index`', () => {
    expect(
      calls(
        delta({ ...fn(0, { name: 'f', arguments: '', extra: 1 }, 'call_a'), note: 'first' }),
        delta({ ...fn(0, { arguments: 'x', extra: 2 }), note: 'second' }),
        delta(code(1, { outputs: [{ index: 0, type: 'logs', logs: '', level: 'info' }] }, 'call_b')),
      ),
    ).toEqual([
      {
        id: 'call_a',
        type: 'function',
        note: 'second',
        function: { name: 'f', arguments: 'x', output: null, extra: 2 },
      },
      {
        id: 'call_b',
        type: 'code_interpreter',
        code_interpreter: { input: '', outputs: [{ type: 'logs', logs: '', level: 'info' }] },
      },
    ]);
  });

  it('keeps a message creation step as it is under a delta that repeats its message id', () => {
    if (messageStep.type !== 'message_creation') return expect.fail();
    const after = applyRunStepDelta(messageStep, {
      id: messageStep.id,
      object: 'thread.run.step.delta',
      delta: {
        step_details: { type: 'message_creation', message_creation: { ...messageStep.step_details.message_creation } },
      },
    });
    expect(after).toEqual(messageStep);
    expect(after).not.toBe(messageStep);
  });

  it('replaces the snapshot with the step of every event that carries one, in progress included', () => {
    const accumulator = createRunStepAccumulator();
    accumulator.push({ event: 'thread.run.step.created', data: empty });
    accumulator.push({ event: 'thread.run.step.delta', data: delta(fn(0, { name: 'f', arguments: 'a' }, 'call_a')) });
    const server = { ...empty, usage: null, step_details: { type: 'tool_calls', tool_calls: [] } } as RunStepObject;
    expect(accumulator.push({ event: 'thread.run.step.in_progress', data: server })).toStrictEqual(server);
    const done = { ...empty, status: 'completed', completed_at: empty.created_at + 1 } as RunStepObject;
    const final = accumulator.push({ event: 'thread.run.step.completed', data: done });
    // A plain copy, read once, never the event's own object (whose getters could answer otherwise later).
    expect(final).toStrictEqual(done);
    expect(final).not.toBe(done);
    expect(accumulator.get('step_rules')).toBe(final);
  });

  it('keeps steps apart by id, interleaved, in the order they first appeared', () => {
    const [one, two] = recordedStreams();
    const alone = [...replay(one!.events).snapshots(), ...replay(two!.events).snapshots()];
    const mixed = createRunStepAccumulator();
    for (let n = 0; n < Math.max(one!.events.length, two!.events.length); n++) {
      mixed.push(one!.events[n]);
      mixed.push(two!.events[n]);
    }
    expect(mixed.snapshots()).toEqual(alone);
  });
});

// ---- hostile streams: each gets its own documented error, or is skipped as documented -------------------

describe('hostile streams', () => {
  /** An accumulator that holds the rules' step, with one function call started. */
  function started() {
    const accumulator = createRunStepAccumulator();
    accumulator.push({ event: 'thread.run.step.created', data: empty });
    accumulator.push({ event: 'thread.run.step.delta', data: delta(fn(0, { name: 'f', arguments: 'a' }, 'call_a')) });
    return accumulator;
  }
  const push = (accumulator: ReturnType<typeof started>, ...chunks: unknown[]) =>
    accumulator.push({ event: 'thread.run.step.delta', data: delta(...chunks) });

  it('ignores what is not a run step event, and changes nothing for it', () => {
    const accumulator = started();
    const before = accumulator.get('step_rules');
    for (const value of [
      undefined,
      null,
      '[DONE]',
      42,
      [],
      {},
      { event: 'thread.message.delta', data: { id: 'msg_1' } },
      { event: 'thread.run.completed', data: { id: 'run_1' } },
      { event: 'done', data: '[DONE]' },
    ]) {
      expect(accumulator.push(value)).toBeUndefined();
    }
    expect(accumulator.snapshots()).toEqual([before]);
  });

  it('refuses a malformed event of a run step name (invalid_input), with the issues', () => {
    const accumulator = started();
    const before = accumulator.get('step_rules');
    const error = expectStreamError(
      () => push(accumulator, fn('0' as unknown as number, { arguments: 'b' })),
      'invalid_input',
      /^not a valid thread\.run\.step\.delta event: data\.delta\.step_details\.tool_calls\[0\]\.index: expected integer, received string \("0"\)$/,
    );
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.path).toEqual(['data', 'delta', 'step_details', 'tool_calls', 0, 'index']);
    expectStreamError(
      () => accumulator.push({ event: 'thread.run.step.completed', data: { ...empty, status: 'done' } }),
      'invalid_input',
      /^not a valid thread\.run\.step\.completed event: data\.status: expected/,
    );
    expect(accumulator.get('step_rules')).toBe(before);
  });

  it('refuses a delta for a step no event introduced (unknown_step)', () => {
    const accumulator = createRunStepAccumulator();
    expectStreamError(
      () => accumulator.push({ event: 'thread.run.step.delta', data: delta(fn(0, { name: 'f' }, 'call_a')) }),
      'unknown_step',
      /^a delta for step "step_rules", which no created, in progress or terminal event introduced$/,
    );
    expect(accumulator.get('step_rules')).toBeUndefined();
  });

  it('refuses any event for a step after its terminal event (step_finished)', () => {
    const accumulator = started();
    const done = { ...empty, status: 'cancelled', cancelled_at: empty.created_at } as RunStepObject;
    accumulator.push({ event: 'thread.run.step.cancelled', data: done });
    const error = expectStreamError(
      () => push(accumulator, fn(0, { arguments: 'b' })),
      'step_finished',
      /^thread\.run\.step\.delta for step "step_rules", which already ended with thread\.run\.step\.cancelled$/,
    );
    expect(error.stepId).toBe('step_rules');
    expectStreamError(
      () => accumulator.push({ event: 'thread.run.step.created', data: empty }),
      'step_finished',
      /ended/,
    );
    expect(accumulator.get('step_rules')).toStrictEqual(done);
  });

  it('refuses a delta for another step’s snapshot (step_mismatch)', () => {
    expectStreamError(
      () => applyRunStepDelta(messageStep, delta(fn(0, { name: 'f' }, 'call_a'))),
      'step_mismatch',
      /^a delta of step "step_rules" cannot apply to a snapshot of step "step_/,
    );
  });

  it(`refuses an index above MAX_DELTA_INDEX (${MAX_DELTA_INDEX}) or below 0 (index_out_of_range), and allocates nothing for one`, () => {
    expect(MAX_DELTA_INDEX).toBe(1023);
    const accumulator = started();
    const before = accumulator.get('step_rules');
    for (const index of [1e9, MAX_DELTA_INDEX + 1, -1, 2 ** 53]) {
      expectStreamError(
        () => push(accumulator, fn(index, { name: 'g' }, 'call_b')),
        'index_out_of_range',
        new RegExp(`^tool call index ${index} in a delta of step "step_rules" is out of range \\(0 to 1023\\)$`),
      );
      expectStreamError(
        () => push(accumulator, code(1, { outputs: [{ index, type: 'logs', logs: '' }] }, 'call_b')),
        'index_out_of_range',
        /^output index .* is out of range/,
      );
    }
    expect(accumulator.get('step_rules')).toBe(before);
    // The largest index is accepted, and takes one place in a dense array, not 1024.
    const far = push(accumulator, fn(MAX_DELTA_INDEX, { name: 'g' }, 'call_b'))!;
    expect(far.type === 'tool_calls' && far.step_details.tool_calls.length).toBe(2);
    expect(isRunStepObject(far)).toBe(true);
  });

  it('refuses a chunk that changes its call’s or output’s type, or the step’s (type_changed)', () => {
    const accumulator = started();
    expectStreamError(
      () => push(accumulator, code(0, { input: 'x' })),
      'type_changed',
      /^tool call 0 of step "step_rules" is a function call; a later chunk says code_interpreter$/,
    );
    push(accumulator, code(1, { outputs: [{ index: 0, type: 'logs', logs: 'a' }] }, 'call_b'));
    expectStreamError(
      () => push(accumulator, code(1, { outputs: [{ index: 0, type: 'image', image: { file_id: 'f' } }] })),
      'type_changed',
      /^output 0 of step "step_rules" is logs; a later chunk says image$/,
    );
    expectStreamError(
      () =>
        accumulator.push({
          event: 'thread.run.step.delta',
          data: {
            id: 'step_rules',
            object: 'thread.run.step.delta',
            delta: { step_details: { type: 'message_creation' } },
          },
        }),
      'type_changed',
      /^step "step_rules" is a tool_calls step; a delta says message_creation$/,
    );
  });

  it('refuses a chunk that changes an id, a name, a file id or a message id (identity_changed)', () => {
    const accumulator = started();
    expectStreamError(
      () => push(accumulator, fn(0, { arguments: 'b' }, 'call_z')),
      'identity_changed',
      /has id "call_a"; a later chunk says "call_z"/,
    );
    expectStreamError(
      () => push(accumulator, fn(0, { name: 'g' })),
      'identity_changed',
      /calls "f"; a later chunk says "g"/,
    );
    push(accumulator, code(1, { outputs: [{ index: 0, type: 'image', image: { file_id: 'file-1' } }] }, 'call_b'));
    expectStreamError(
      () => push(accumulator, code(1, { outputs: [{ index: 0, type: 'image', image: { file_id: 'file-2' } }] })),
      'identity_changed',
      /has file_id "file-1"; a later chunk says "file-2"/,
    );
    if (messageStep.type !== 'message_creation') return expect.fail();
    expectStreamError(
      () =>
        applyRunStepDelta(messageStep, {
          id: messageStep.id,
          object: 'thread.run.step.delta',
          delta: { step_details: { type: 'message_creation', message_creation: { message_id: 'msg_other' } } },
        }),
      'identity_changed',
      /; a delta says "msg_other"$/,
    );
  });

  it('refuses a first chunk that cannot start a valid call or output (incomplete_first_chunk)', () => {
    const accumulator = started();
    expectStreamError(
      () => push(accumulator, fn(1, { arguments: '{}' })),
      'incomplete_first_chunk',
      /tool call 1 .* has no id$/,
    );
    expectStreamError(
      () => push(accumulator, fn(1, { arguments: '{}' }, 'call_b')),
      'incomplete_first_chunk',
      /has no function\.name$/,
    );
    expectStreamError(
      () => push(accumulator, code(1, { outputs: [{ index: 0, type: 'image' }] }, 'call_b')),
      'incomplete_first_chunk',
      /image output 0 .* has no image\.file_id$/,
    );
  });

  it('never pollutes a prototype, and copies no __proto__, constructor or prototype key into a snapshot', () => {
    const accumulator = createRunStepAccumulator();
    const hostile =
      JSON.parse(`{"event":"thread.run.step.delta","data":{"id":"__proto__","object":"thread.run.step.delta",
      "delta":{"__proto__":{"polluted":1},"step_details":{"type":"tool_calls","__proto__":{"polluted":2},"tool_calls":[
        {"index":0,"id":"call_a","type":"function","__proto__":{"polluted":3},"constructor":{"prototype":{"polluted":4}},
         "prototype":{"polluted":5},"function":{"name":"f","arguments":"","__proto__":{"polluted":6},"constructor":7}},
        {"index":1,"id":"call_b","type":"code_interpreter","code_interpreter":{"__proto__":{"polluted":8},
         "outputs":[{"index":0,"type":"logs","logs":"","__proto__":{"polluted":9}}]}}]}}}}`);
    accumulator.push({ event: 'thread.run.step.created', data: { ...empty, id: '__proto__' } });
    const step = accumulator.push(deepFreeze(hostile))!;
    expect(isRunStepObject(step)).toBe(true);
    expect(accumulator.get('__proto__')).toBe(step);
    const built: object[] = [step, step.step_details];
    if (step.type !== 'tool_calls') return expect.fail();
    for (const call of step.step_details.tool_calls) {
      built.push(
        call,
        call.type === 'function' ? call.function : call.type === 'code_interpreter' ? call.code_interpreter : call,
      );
      if (call.type === 'code_interpreter') built.push(...call.code_interpreter.outputs);
    }
    for (const object of built) {
      expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
      expect(
        Object.hasOwn(object, '__proto__') ||
          Object.hasOwn(object, 'constructor') ||
          Object.hasOwn(object, 'prototype'),
      ).toBe(false);
      expect((object as { polluted?: unknown }).polluted).toBeUndefined();
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('judges a getter in an event by its first answer, and merges that answer: it reads it once', () => {
    const accumulator = started();
    /** A delta event whose chunk has a getter at `key` that answers `first`, then `later`; its reads counted. */
    const changing = (chunk: Record<string, unknown>, key: string, first: unknown, later: unknown) => {
      const counter = { reads: 0 };
      Object.defineProperty(chunk, key, { enumerable: true, get: () => (counter.reads++ === 0 ? first : later) });
      const data = {
        id: 'step_rules',
        object: 'thread.run.step.delta',
        delta: { step_details: { type: 'tool_calls', tool_calls: [chunk] } },
      };
      return { event: { event: 'thread.run.step.delta', data }, counter };
    };
    const index = changing({ type: 'function', function: { arguments: 'b' } }, 'index', 0, 'zero');
    accumulator.push(index.event);
    const body = changing({ index: 0, type: 'function' }, 'function', { arguments: 'c' }, 'f');
    accumulator.push(body.event);
    expect([index.counter.reads, body.counter.reads]).toEqual([1, 1]);
    const step = accumulator.get('step_rules')!;
    expect(step.type === 'tool_calls' && step.step_details.tool_calls).toEqual([
      { id: 'call_a', type: 'function', function: { name: 'f', arguments: 'abc', output: null } },
    ]);
    // Invalid first, valid later: refused, with the first answer's issue.
    const late = changing({ type: 'function' }, 'index', 'zero', 0);
    expectStreamError(() => accumulator.push(late.event), 'invalid_input', /tool_calls\[0\]\.index: expected integer/);
    expect(late.counter.reads).toBe(1);
  });

  it('applyRunStepDelta checks both inputs (invalid_input)', () => {
    expectStreamError(
      () => applyRunStepDelta({ ...empty, usage: 1 } as never, delta()),
      'invalid_input',
      /^not a valid run step snapshot: usage: /,
    );
    expectStreamError(
      () => applyRunStepDelta(empty, { ...delta(), object: 'thread.run.step' } as never),
      'invalid_input',
      /^not a valid run step delta: object: expected "thread\.run\.step\.delta"/,
    );
  });
});

// ---- property tests: any chunking of a known final step rebuilds that step ------------------------------

const finals = acceptedRunSteps().map(({ step }) => deepFreeze(clone(step)));
/** The final steps, one per id (the spec's examples reuse `step_001` for different steps). */
const distinct = [...new Map(finals.map((step) => [step['id'], step])).values()];

describe('fast-check: random chunkings of known final steps', { timeout: HEAVY_TIMEOUT }, () => {
  it('has final steps of every tool call kind to cut', () => {
    const kinds = new Set(
      finals.flatMap((step: any) => (step.step_details.tool_calls ?? []).map((call: any) => call.type as string)),
    );
    expect([...kinds].sort()).toEqual(['code_interpreter', 'file_search', 'function']);
  });

  it('rebuilds each step exactly, through the accumulator and through applyRunStepDelta', () => {
    let deltas = 0;
    fc.assert(
      fc.property(fc.constantFrom(...finals), fc.gen(), (final, g) => {
        const { created, deltas: events } = deepFreeze(chunkStep(final, (max) => g(fc.nat, { max })));
        const accumulator = createRunStepAccumulator();
        accumulator.push(created);
        for (const event of events) expect(isRunStepObject(accumulator.push(event))).toBe(true);
        expect(accumulator.get(final['id'] as string)).toEqual(final);
        const applied = events.reduce<RunStepObject>(
          (snapshot, event) => applyRunStepDelta(snapshot, event.data as RunStepDeltaObject),
          created.data as RunStepObject,
        );
        expect(applied).toEqual(final);
        deltas += events.length;
      }),
      { numRuns: 400 },
    );
    expect(deltas).toBeGreaterThan(400);
  });

  it('rebuilds several steps whose streams interleave', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(distinct, { minLength: 2, maxLength: 4 }), fc.gen(), (picked, g) => {
        const draw = (max: number) => g(fc.nat, { max });
        const lanes = picked.map((final) => {
          const { created, deltas: events } = chunkStep(final, draw);
          return [created, ...events];
        });
        const accumulator = createRunStepAccumulator();
        for (const lane of lanes) accumulator.push(lane[0]);
        const rest = lanes.map((lane) => lane.slice(1));
        while (rest.some((lane) => lane.length > 0)) {
          const open = rest.filter((lane) => lane.length > 0);
          accumulator.push(open[draw(open.length - 1)]!.shift());
        }
        expect(accumulator.snapshots()).toEqual(picked);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps every intermediate snapshot a valid run step whose strings are prefixes of the final ones', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...finals.filter((step: any) => step.type === 'tool_calls')),
        fc.gen(),
        (final, g) => {
          const { created, deltas: events } = chunkStep(final, (max) => g(fc.nat, { max }));
          const finalCalls = new Map((final as any).step_details.tool_calls.map((call: any) => [call.id, call]));
          let snapshot = created.data as RunStepObject;
          for (const event of events) {
            snapshot = applyRunStepDelta(snapshot, event.data as RunStepDeltaObject);
            if (snapshot.type !== 'tool_calls') return expect.fail();
            for (const call of snapshot.step_details.tool_calls) {
              const target = finalCalls.get(call.id) as any;
              if (call.type === 'function') {
                expect(target.function.arguments.startsWith(call.function.arguments)).toBe(true);
              } else if (call.type === 'code_interpreter') {
                expect(target.code_interpreter.input.startsWith(call.code_interpreter.input)).toBe(true);
              }
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

it('isRunStepDeltaEvent separates the deltas of a chunked stream from its created event', () => {
  const { created, deltas } = chunkStep(finals[0]!, () => 0);
  expect([created, ...deltas].map((event) => isRunStepDeltaEvent(event as RunStepStreamEvent))).toEqual([
    false,
    ...deltas.map(() => true),
  ]);
});

// ---- read once, prototypes that fight back, and sizes (issue 14) ------------------------------------------

describe('every event is read once, into a plain copy that is checked, then merged', () => {
  const stream = recordedStreams().find(({ name }) => name.endsWith('create_both_stream.jsonl'))!;
  const started = () => {
    const accumulator = createRunStepAccumulator();
    accumulator.push({ event: 'thread.run.step.created', data: empty });
    return accumulator;
  };
  /** A delta event of `chunks`, not frozen (freezing would read their getters). */
  const unfrozen = (...chunks: unknown[]) => ({
    event: 'thread.run.step.delta',
    data: {
      id: 'step_rules',
      object: 'thread.run.step.delta',
      delta: { step_details: { type: 'tool_calls', tool_calls: chunks } },
    },
  });

  it('reads each property of every event of a recorded stream at most once, and writes nothing', () => {
    const accumulator = createRunStepAccumulator();
    const problems: string[] = [];
    for (const [n, event] of stream.events.entries()) {
      const { value, reads, writes } = instrument(clone(event));
      accumulator.push(value);
      for (const [path, count] of reads) if (count > 1) problems.push(`event ${n}: ${path} read ${count} times`);
      problems.push(...writes.map((write) => `event ${n}: ${write}`));
    }
    expect(problems).toEqual([]);
    expect(accumulator.snapshots().length).toBe(4);
    expect(accumulator.snapshots().every((step) => isRunStepObject(step))).toBe(true);
  });

  it('stores the first answers of a created step whose getters answer garbage later', () => {
    const accumulator = createRunStepAccumulator();
    const data = Object.defineProperties(clone(empty) as object, {
      status: { enumerable: true, get: answering('in_progress', 42) },
      step_details: { enumerable: true, get: answering(clone(empty.step_details), 'garbage', null) },
    });
    const snapshot = accumulator.push({ event: 'thread.run.step.created', data })!;
    expect(isRunStepObject(snapshot)).toBe(true);
    expect(snapshot.status).toBe('in_progress');
    expect(isRunStepObject(accumulator.get('step_rules'))).toBe(true);
    // A later delta merges into the copy: the getter's `null` never reaches the merge.
    const next = accumulator.push({
      event: 'thread.run.step.delta',
      data: delta(fn(0, { name: 'f', arguments: 'a' }, 'call_a')),
    })!;
    expect(isRunStepObject(next)).toBe(true);
    expect(next.type === 'tool_calls' && next.step_details.tool_calls.length).toBe(1);
  });

  it('applyRunStepDelta reads both inputs once, so a snapshot that changes after its check cannot escape', () => {
    const snapshot = Object.defineProperties(clone(empty) as object, {
      type: { enumerable: true, get: answering('tool_calls', 'message_creation') },
      step_details: { enumerable: true, get: answering(clone(empty.step_details), null) },
    }) as RunStepObject;
    const changing = delta(fn(0, { name: 'f', arguments: 'a' }, 'call_a'));
    const once = applyRunStepDelta(snapshot, changing);
    expect(isRunStepObject(once)).toBe(true);
    expect(once.type === 'tool_calls' && once.step_details.tool_calls[0]?.type).toBe('function');
  });

  it('never hands a copied value to an Object.prototype setter', () => {
    const received: unknown[] = [];
    Object.defineProperty(Object.prototype, 'leak', {
      configurable: true,
      set: (value) => received.push(value),
      get: () => undefined,
    });
    let step: RunStepObject | undefined;
    try {
      const accumulator = started();
      step = accumulator.push({
        event: 'thread.run.step.delta',
        data: delta({ ...fn(0, { name: 'f', arguments: '', leak: 'SECRET' }, 'call_a'), leak: 'SECRET' }),
      });
    } finally {
      delete (Object.prototype as { leak?: unknown }).leak;
    }
    expect(received).toEqual([]);
    const call = step?.type === 'tool_calls' ? step.step_details.tool_calls[0] : undefined;
    expect(Object.getOwnPropertyDescriptor(call, 'leak')?.value).toBe('SECRET');
    expect(call?.type === 'function' && Object.getOwnPropertyDescriptor(call.function, 'leak')?.value).toBe('SECRET');
  });

  it('refuses a push from inside a push of the same accumulator (reentrant_push), and loses no update', () => {
    const accumulator = started();
    accumulator.push({ event: 'thread.run.step.delta', data: delta(fn(0, { name: 'f', arguments: 'a' }, 'call_a')) });
    let inner: unknown;
    const chunk = { index: 0, type: 'function' } as Record<string, unknown>;
    Object.defineProperty(chunk, 'function', {
      enumerable: true,
      get: () => {
        try {
          accumulator.push({ event: 'thread.run.step.delta', data: delta(fn(0, { arguments: 'INNER' })) });
        } catch (error) {
          inner = error;
        }
        return { arguments: 'b' };
      },
    });
    const outer = accumulator.push(unfrozen(chunk))!;
    expect(inner).toBeInstanceOf(RunStepStreamError);
    expect((inner as RunStepStreamError).code).toBe('reentrant_push');
    expect(accumulator.get('step_rules')).toBe(outer);
    expect(outer.type === 'tool_calls' && outer.step_details.tool_calls[0]).toEqual({
      id: 'call_a',
      type: 'function',
      function: { name: 'f', arguments: 'ab', output: null },
    });
    // A getter that lets the refusal through makes the outer event unreadable there: refused too.
    const throwing = { index: 0, type: 'function' } as Record<string, unknown>;
    Object.defineProperty(throwing, 'function', {
      enumerable: true,
      get: () => accumulator.push({ event: 'thread.run.step.delta', data: delta(fn(0, { arguments: 'x' })) }),
    });
    const error = expectStreamError(
      () => accumulator.push(unfrozen(throwing)),
      'invalid_input',
      /tool_calls\[0\]: expected object, received unreadable \(threw RunStepStreamError: push was called/,
    );
    expect(error.issues).toHaveLength(1);
    expect(accumulator.get('step_rules')).toBe(outer);
  });

  it('throws only RunStepStreamError: a fragment too long for the engine is too_large', () => {
    // Ropes: 2²⁸ characters that take about a megabyte; two of them are longer than V8's longest string.
    let long = 'x'.repeat(1 << 20);
    while (long.length < 1 << 28) long += long;
    const accumulator = started();
    accumulator.push({ event: 'thread.run.step.delta', data: delta(fn(0, { name: 'f', arguments: long }, 'call_a')) });
    const before = accumulator.get('step_rules');
    const error = expectStreamError(
      () => accumulator.push({ event: 'thread.run.step.delta', data: delta(fn(0, { arguments: long })) }),
      'too_large',
      /^the arguments of tool call 0 of step "step_rules" would be longer than this engine's longest string \(268435456 \+ 268435456 characters\)$/,
    );
    expect(error.stepId).toBe('step_rules');
    expect(accumulator.get('step_rules')).toBe(before);
    expectStreamError(
      () => applyRunStepDelta(before!, delta(fn(0, { arguments: long }))),
      'too_large',
      /would be longer/,
    );
  });

  it('writes stream strings into messages cut and escaped, and bounds the message', () => {
    const accumulator = started();
    accumulator.push({ event: 'thread.run.step.delta', data: delta(fn(0, { name: 'f', arguments: '' }, 'call_a')) });
    const hostile = `\u001b]0;pwned\u0007\u001b[2J\r\u009b${'y'.repeat(1_000_000)}`;
    const error = expectStreamError(
      () => accumulator.push({ event: 'thread.run.step.delta', data: delta(fn(0, { arguments: '' }, hostile)) }),
      'identity_changed',
      /^tool call 0 of step "step_rules" has id "call_a"; a later chunk says "\\u001b\]0;pwned\\u0007\\u001b\[2J\\r\\u009by+…"$/,
    );
    expect(error.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(error.message.length).toBeLessThan(200);
    // The constructor bounds any message, and escapes it.
    const made = new RunStepStreamError('invalid_input', `a\u001b${'z'.repeat(10_000)}`);
    expect(made.message.length).toBeLessThanOrEqual(2006);
    expect(made.message.startsWith('a\\u001bzzz')).toBe(true);
  });

  it('keeps working with an accessor on Array.prototype[0], as the guards do', () => {
    const invalid = { event: 'thread.run.step.delta', data: { ...delta(), object: 'thread.run.step' } };
    let refused: unknown;
    let snapshot: RunStepObject | undefined;
    Object.defineProperty(Array.prototype, 0, { configurable: true, get: () => 'polluted' });
    try {
      const accumulator = started();
      snapshot = accumulator.push({
        event: 'thread.run.step.delta',
        data: delta(fn(0, { name: 'f', arguments: 'a' }, 'call_a'), fn(1, { name: 'g', arguments: 'b' }, 'call_b')),
      });
      try {
        accumulator.push(invalid);
      } catch (error) {
        refused = error;
      }
    } finally {
      delete (Array.prototype as unknown as Record<number, unknown>)[0];
    }
    expect(snapshot?.type === 'tool_calls' && snapshot.step_details.tool_calls.map((call) => call.id)).toEqual([
      'call_a',
      'call_b',
    ]);
    expect(refused).toBeInstanceOf(RunStepStreamError);
    expect((refused as RunStepStreamError).code).toBe('invalid_input');
    expect((refused as RunStepStreamError).issues.map((issue) => issue.path)).toEqual([['data', 'object']]);
  });
});

describe('file search results: appended in amortised constant time, every snapshot its own', () => {
  const result = (n: number) => ({ file_id: `file-${n}`, file_name: `${n}.txt`, score: 0.5 });
  const search = (results: unknown[], id?: string) =>
    delta({ index: 0, type: 'file_search', ...(id === undefined ? {} : { id }), file_search: { results } });
  const resultsOf = (step: RunStepObject | undefined) =>
    step?.type === 'tool_calls' && step.step_details.tool_calls[0]?.type === 'file_search'
      ? step.step_details.tool_calls[0].file_search.results?.map((item) => item.file_id)
      : undefined;

  it('gives every snapshot exactly the results it had, however many came later', () => {
    const accumulator = createRunStepAccumulator();
    accumulator.push({ event: 'thread.run.step.created', data: empty });
    const snapshots: RunStepObject[] = [];
    snapshots.push(accumulator.push({ event: 'thread.run.step.delta', data: search([result(0)], 'call_a') })!);
    for (let n = 1; n < 50; n++) {
      snapshots.push(accumulator.push({ event: 'thread.run.step.delta', data: search([result(n)]) })!);
    }
    expect(snapshots.map((step) => resultsOf(step)?.length)).toEqual(Array.from({ length: 50 }, (_, n) => n + 1));
    expect(resultsOf(snapshots[49])).toEqual(Array.from({ length: 50 }, (_, n) => `file-${n}`));
    expect(snapshots.every((step) => isRunStepObject(step))).toBe(true);
    // The results read as plain data: JSON, structuredClone and spread see the same array.
    const last = snapshots[49]!;
    expect(JSON.parse(JSON.stringify(last))).toEqual(structuredClone(last));
  });

  it('copies on write when an older snapshot is extended after a newer one was', () => {
    const first = applyRunStepDelta(empty, search([result(0)], 'call_a'));
    const second = applyRunStepDelta(first, search([result(1)]));
    const third = applyRunStepDelta(second, search([result(2)]));
    const branch = applyRunStepDelta(second, search([result(9)]));
    expect([first, second, third, branch].map(resultsOf)).toEqual([
      ['file-0'],
      ['file-0', 'file-1'],
      ['file-0', 'file-1', 'file-2'],
      ['file-0', 'file-1', 'file-9'],
    ]);
    // The same through the accumulator: a delta that fails half way leaves the snapshot's results as they were.
    const accumulator = createRunStepAccumulator();
    accumulator.push({ event: 'thread.run.step.created', data: empty });
    accumulator.push({ event: 'thread.run.step.delta', data: search([result(0)], 'call_a') });
    const kept = accumulator.get('step_rules');
    expect(() =>
      accumulator.push({
        event: 'thread.run.step.delta',
        data: delta(
          { index: 0, type: 'file_search', file_search: { results: [result(1)] } },
          { index: 0, type: 'function', function: { arguments: '' } },
        ),
      }),
    ).toThrow(RunStepStreamError);
    expect(accumulator.get('step_rules')).toBe(kept);
    const after = accumulator.push({ event: 'thread.run.step.delta', data: search([result(2)]) });
    expect([resultsOf(kept), resultsOf(after)]).toEqual([['file-0'], ['file-0', 'file-2']]);
  });
});

describe('under a frozen Object.prototype (SES lockdown), in a process of its own', () => {
  it(
    'copies chunk keys that Object.prototype holds (toString, valueOf...) without the override mistake',
    () => {
      const script = `
      import { createRunStepAccumulator, applyRunStepDelta, validateRunStepObject } from ${JSON.stringify(DIST)};
      const [step] = JSON.parse(process.argv[1]);
      for (const name of Object.getOwnPropertyNames(Object.prototype)) {
        const descriptor = Object.getOwnPropertyDescriptor(Object.prototype, name);
        if ('value' in descriptor) Object.defineProperty(Object.prototype, name, { writable: false });
      }
      Object.freeze(Object.prototype);
      Object.freeze(Array.prototype);
      const extras = '"toString":"t","valueOf":"v","hasOwnProperty":"h","isPrototypeOf":"i","constructor":"c"';
      const delta = (chunk) => JSON.parse('{"id":"step_rules","object":"thread.run.step.delta","delta":{"step_details":{"type":"tool_calls","tool_calls":[' + chunk + ']}}}');
      const out = {};
      try {
        const accumulator = createRunStepAccumulator();
        accumulator.push({ event: 'thread.run.step.created', data: step });
        accumulator.push({ event: 'thread.run.step.delta', data: delta('{"index":0,"id":"call_a","type":"function",' + extras + ',"function":{"name":"f","arguments":"a",' + extras + '}}') });
        const last = accumulator.push({ event: 'thread.run.step.delta', data: delta('{"index":0,"type":"function",' + extras + ',"function":{"arguments":"b",' + extras + '}},{"index":1,"id":"call_b","type":"code_interpreter","code_interpreter":{"input":"","outputs":[{"index":0,"type":"logs","logs":"",' + extras + '}]}},{"index":2,"id":"call_c","type":"file_search","file_search":{' + extras + ',"results":[]}}') });
        const [fn, code, search] = last.step_details.tool_calls;
        out.call = Object.keys(fn);
        out.body = [Object.keys(fn.function), fn.function.arguments, fn.function.toString];
        out.output = Object.keys(code.code_interpreter.outputs[0]);
        out.search = Object.keys(search.file_search);
        out.valid = validateRunStepObject(last).success;
        out.applied = Object.keys(applyRunStepDelta(last, delta('{"index":2,"type":"file_search","file_search":{"valueOf":1,"results":[]}}')).step_details.tool_calls[2].file_search);
        out.invalid = validateRunStepObject({ ...last, status: 'nope' }).issues.map((issue) => issue.path.join('.'));
      } catch (error) {
        out.threw = String(error);
      }
      console.log(JSON.stringify(out));
    `;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify([empty])], {
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      const keys = ['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'];
      expect(JSON.parse(run.stdout)).toEqual({
        call: ['id', 'type', 'function', ...keys],
        body: [['name', 'arguments', 'output', ...keys], 'ab', 't'],
        output: ['type', 'logs', ...keys],
        search: [...keys, 'results'],
        valid: true,
        applied: [...keys, 'results'],
        invalid: ['status'],
      });
    },
    HEAVY_TIMEOUT,
  );
});
