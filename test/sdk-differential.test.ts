// Differential test against the official SDK (`openai`, a dev dependency): the same event sequences go
// through its `AssistantStream` (via `AssistantStream.fromReadableStream`, which reads the JSON lines its
// `toReadableStream` writes) and through `createRunStepAccumulator`. The snapshots must agree. Where they
// do not, the difference is named here, shown on a case, and explained:
//
// 1. `index`: the SDK builds each tool call, and each code interpreter output, from its first chunk and
//    keeps the chunk's `index` key. A run step has no such key (the server's completed steps carry none).
//    Everywhere else below, the SDK's snapshots are compared with those keys taken out, and the test
//    checks that it took out exactly one per call and output built from chunks.
// 2. A gap: while a lower index has not arrived, the SDK's array has holes (it writes the item at its
//    index); ours is dense, in index order. Once the gap closes, both agree.
// 3. A chunk that repeats an `id`, a `name` or a `message_id`: the SDK appends it like a fragment
//    ("call_acall_a"); we keep the value the first chunk set (and refuse a different one).
// 4. `results` in a later chunk: the SDK throws (array items without an `index`); we append them.
// 5. `ranking_options` sent again: the SDK merges it key by key (ranker strings joined, thresholds
//    added); we take the new object.
// 6. A chunk of another `type` for the same index: the SDK takes the new type and keeps both bodies (an
//    invalid tool call); we refuse it (`type_changed`).
// 7. Keys named `__proto__`, `constructor` or `prototype`: the SDK throws; we leave them out.
// 8. The SDK writes into the events it is given: a call's first chunk becomes the snapshot's call, and
//    later fragments are appended into it, so an event kept by an `event` listener changes afterwards.
//    We never write to an input (the tests deep-freeze them).
// None of 2-7 happens in the streams the API sent (the recordings and the spec's examples): there, the
// snapshots differ only by 1, and 8 changes the events a client keeps.
import fc from 'fast-check';
import { AssistantStream } from 'openai/lib/AssistantStream';
import { describe, expect, it } from 'vitest';
import {
  RunStepStreamError,
  createRunStepAccumulator,
  isRunStepObject,
  isRunStepStreamEvent,
  type RunStepObject,
} from '../src/index.js';
import { chunkStep } from './support/chunk.js';
import { acceptedRunSteps, deepFreeze } from './support/fixtures.js';
import { recordedStreams, specStreams, type StreamEvent } from './support/streams.js';
import { HEAVY_TIMEOUT } from './support/timeouts.js';

type Json = Record<string, any>;

/** Events as the JSON lines `AssistantStream.fromReadableStream` reads. */
function readable(events: readonly unknown[]): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(events.map((event) => `${JSON.stringify(event)}\n`).join(''));
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/**
 * The spec's examples show only run step events, and the SDK settles `finalRunSteps()` only after the
 * run's own terminal event; this appends one, which carries no step data (`id`, `object`, `status`).
 */
function withRunEnd(events: readonly StreamEvent[]): unknown[] {
  if (events.some(({ event }) => /^thread\.run\.(completed|requires_action|failed|cancelled|expired)$/.test(event))) {
    return [...events];
  }
  const runId = events.find(({ data }) => typeof data['run_id'] === 'string')?.data['run_id'] ?? 'run_test';
  return [...events, { event: 'thread.run.completed', data: { id: runId, object: 'thread.run', status: 'completed' } }];
}

/** What the SDK makes of a stream: every step's final snapshot, and its snapshot after each delta. */
async function throughSdk(events: readonly unknown[]): Promise<{ final: Json[]; afterDelta: Json[] }> {
  const stream = AssistantStream.fromReadableStream(readable(events));
  const afterDelta: Json[] = [];
  // Copied at once: the SDK goes on writing into the snapshot it hands out.
  stream.on('runStepDelta', (_, snapshot) => afterDelta.push(structuredClone(snapshot) as Json));
  const final = (await stream.finalRunSteps()) as unknown as Json[];
  return { final, afterDelta };
}

/** The error the SDK ends a stream with. */
async function sdkError(events: readonly unknown[]): Promise<Error> {
  const stream = AssistantStream.fromReadableStream(readable(withRunEnd(events as StreamEvent[])));
  stream.on('error', () => undefined);
  return stream.finalRunSteps().then(
    () => expect.fail('the SDK accepted the stream') as never,
    (error: Error) => error,
  );
}

/** What the accumulator makes of a stream: every step's final snapshot, and its snapshot after each delta. */
function throughOurs(events: readonly unknown[]): { final: RunStepObject[]; afterDelta: RunStepObject[] } {
  const accumulator = createRunStepAccumulator();
  const afterDelta: RunStepObject[] = [];
  for (const event of events) {
    const snapshot = accumulator.push(event);
    if (snapshot !== undefined && (event as StreamEvent).event === 'thread.run.step.delta') afterDelta.push(snapshot);
  }
  return { final: accumulator.snapshots(), afterDelta };
}

/** Difference 1: a copy of an SDK snapshot without the `index` keys it keeps, and where it kept them. */
function withoutIndexKeys(step: Json): { step: Json; removed: string[] } {
  const copy = structuredClone(step);
  const removed: string[] = [];
  const take = (object: Json, path: string) => {
    if (object !== undefined && Object.hasOwn(object, 'index')) {
      removed.push(`${path}(index ${object['index']})`);
      delete object['index'];
    }
  };
  (copy['step_details']?.tool_calls ?? []).forEach((call: Json, n: number) => {
    take(call, `tool_calls[${n}]`);
    (call['code_interpreter']?.outputs ?? []).forEach((output: Json, m: number) =>
      take(output, `tool_calls[${n}].outputs[${m}]`),
    );
  });
  return { step: copy, removed };
}

/** The calls and outputs of a step built from chunks (those of steps no terminal event replaced). */
function builtFromChunks(step: RunStepObject): string[] {
  if (step.type !== 'tool_calls') return [];
  return step.step_details.tool_calls.flatMap((call, n) => [
    `tool_calls[${n}](index ${n})`,
    ...(call.type === 'code_interpreter' ? call.code_interpreter.outputs : []).map(
      (_, m) => `tool_calls[${n}].outputs[${m}](index ${m})`,
    ),
  ]);
}

describe('the streams the API sent: only difference 1', { timeout: HEAVY_TIMEOUT }, () => {
  const streams = [...specStreams(), ...recordedStreams()];

  it.each(streams.map((stream) => [stream.name, stream] as const))('%s', async (_, stream) => {
    const events = withRunEnd(stream.events);
    const sdk = await throughSdk(events);
    const ours = throughOurs(deepFreeze(structuredClone(events)));
    expect(ours.final.length).toBeGreaterThan(0);
    expect(sdk.final.length).toBe(ours.final.length);
    const terminal = new Set(
      stream.events
        .filter(({ event }) => /completed|failed|cancelled|expired$/.test(event))
        .map(({ data }) => data['id']),
    );
    ours.final.forEach((step, n) => {
      const { step: sdkStep, removed } = withoutIndexKeys(sdk.final[n]!);
      expect(step).toEqual(sdkStep);
      expect(removed).toEqual(terminal.has(step.id) ? [] : builtFromChunks(step));
      expect(isRunStepObject(step)).toBe(true);
    });
    // After every delta, too.
    expect(sdk.afterDelta.length).toBe(ours.afterDelta.length);
    ours.afterDelta.forEach((step, n) => expect(step).toEqual(withoutIndexKeys(sdk.afterDelta[n]!).step));
  });
});

describe(
  'random chunkings of known final steps: the SDK, ours and the final step agree',
  { timeout: HEAVY_TIMEOUT },
  () => {
    const finals = acceptedRunSteps()
      .map(({ step }) => step)
      .filter((step) => step['type'] === 'tool_calls');

    it('on 150 generated streams', async () => {
      let compared = 0;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...finals), fc.gen(), async (final, g) => {
          // Difference 4: the SDK cannot take results in a later chunk, so they all come in the first.
          const { created, deltas } = chunkStep(final, (max) => g(fc.nat, { max }), { resultsInFirstChunk: true });
          const events = [
            created,
            ...deltas,
            { event: 'thread.run.completed', data: { id: final['run_id'], object: 'thread.run', status: 'completed' } },
          ];
          const sdk = await throughSdk(events);
          const [ours] = throughOurs(events).final;
          const { step: sdkStep, removed } = withoutIndexKeys(sdk.final[0]!);
          expect(ours).toEqual(final);
          expect(sdkStep).toEqual(final);
          expect(removed).toEqual(builtFromChunks(ours!));
          compared++;
        }),
        { numRuns: 150 },
      );
      expect(compared).toBe(150);
    });
  },
);

describe('streams the API does not send: differences 2-7, each shown', () => {
  const step = acceptedRunSteps().find(({ step }) => step['type'] === 'tool_calls')!.step;
  const created = {
    event: 'thread.run.step.created',
    data: { ...step, step_details: { type: 'tool_calls', tool_calls: [] } },
  };
  const delta = (...chunks: Json[]) => ({
    event: 'thread.run.step.delta',
    data: {
      id: step['id'],
      object: 'thread.run.step.delta',
      delta: { step_details: { type: 'tool_calls', tool_calls: chunks } },
    },
  });
  const call = (index: number, name: string) => ({
    index,
    id: `call_${name}`,
    type: 'function',
    function: { name, arguments: '', output: null },
  });
  const ourError = (events: readonly unknown[]): RunStepStreamError => {
    try {
      throughOurs(events);
    } catch (error) {
      if (error instanceof RunStepStreamError) return error;
    }
    return expect.fail('the accumulator accepted the stream') as never;
  };

  it('2: while index 0 is missing, the SDK holds a hole at 0; we hold the one call; then both agree', async () => {
    const gap = [created, delta(call(1, 'b'))];
    const sdk = await throughSdk(withRunEnd(gap as StreamEvent[]));
    const sdkCalls = sdk.afterDelta[0]!['step_details'].tool_calls;
    expect(sdkCalls.length).toBe(2);
    expect(0 in sdkCalls).toBe(false);
    const ours = throughOurs(gap).afterDelta[0]!;
    expect(ours.type === 'tool_calls' && ours.step_details.tool_calls.map(({ id }) => id)).toEqual(['call_b']);
    const closed = [...gap, delta(call(0, 'a'))];
    expect(throughOurs(closed).final).toEqual(
      (await throughSdk(withRunEnd(closed as StreamEvent[]))).final.map((s) => withoutIndexKeys(s).step),
    );
  });

  it('3: a repeated id, name or message id is joined by the SDK, kept by us', async () => {
    const events = [created, delta(call(0, 'a')), delta(call(0, 'a'))];
    const [sdkStep] = (await throughSdk(withRunEnd(events as StreamEvent[]))).final;
    expect(sdkStep!['step_details'].tool_calls[0].id).toBe('call_acall_a');
    expect(sdkStep!['step_details'].tool_calls[0].function.name).toBe('aa');
    const [ours] = throughOurs(events).final;
    expect(ours!.type === 'tool_calls' && ours!.step_details.tool_calls[0]).toEqual({
      id: 'call_a',
      type: 'function',
      function: { name: 'a', arguments: '', output: null },
    });
    const message = acceptedRunSteps().find(({ step }) => step['type'] === 'message_creation')!.step as Json;
    const messageEvents = [
      { event: 'thread.run.step.created', data: message },
      {
        event: 'thread.run.step.delta',
        data: { id: message['id'], object: 'thread.run.step.delta', delta: { step_details: message['step_details'] } },
      },
    ];
    const [sdkMessage] = (await throughSdk(withRunEnd(messageEvents as StreamEvent[]))).final;
    const id = message['step_details'].message_creation.message_id;
    expect(sdkMessage!['step_details'].message_creation.message_id).toBe(id + id);
    expect(throughOurs(messageEvents).final).toEqual([message]);
  });

  it('4: results in a later chunk: the SDK throws, we append them', async () => {
    const result = { file_id: 'file-1', file_name: 'a.txt', score: 0.5 };
    const events = [
      created,
      delta({ index: 0, id: 'call_f', type: 'file_search', file_search: { results: [] } }),
      delta({ index: 0, type: 'file_search', file_search: { results: [result] } }),
    ];
    expect((await sdkError(events)).message).toBe('Expected array delta entry to have an `index` property');
    const [ours] = throughOurs(events).final;
    expect(ours!.type === 'tool_calls' && ours!.step_details.tool_calls[0]).toEqual({
      id: 'call_f',
      type: 'file_search',
      file_search: { results: [result] },
    });
  });

  it('5: ranking_options sent again: merged key by key by the SDK, replaced by us', async () => {
    const options = { ranker: 'auto', score_threshold: 0.25 };
    const events = [
      created,
      delta({ index: 0, id: 'call_f', type: 'file_search', file_search: { ranking_options: options, results: [] } }),
      delta({ index: 0, type: 'file_search', file_search: { ranking_options: options } }),
    ];
    const [sdkStep] = (await throughSdk(withRunEnd(events as StreamEvent[]))).final;
    expect(sdkStep!['step_details'].tool_calls[0].file_search.ranking_options).toEqual({
      ranker: 'autoauto',
      score_threshold: 0.5,
    });
    const [ours] = throughOurs(events).final;
    expect(ours!.type === 'tool_calls' && ours!.step_details.tool_calls[0]).toMatchObject({
      file_search: { ranking_options: options },
    });
  });

  it('6: another type for the same index: the SDK makes an invalid call, we refuse it', async () => {
    const events = [
      created,
      delta(call(0, 'a')),
      delta({ index: 0, type: 'code_interpreter', code_interpreter: { input: 'x' } }),
    ];
    const [sdkStep] = (await throughSdk(withRunEnd(events as StreamEvent[]))).final;
    expect(sdkStep!['step_details'].tool_calls[0]).toMatchObject({ type: 'code_interpreter', function: { name: 'a' } });
    expect(isRunStepObject(withoutIndexKeys(sdkStep!).step)).toBe(false);
    expect(ourError(events).code).toBe('type_changed');
  });

  it('7: __proto__, constructor, prototype keys: the SDK throws, we leave them out', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const chunk = JSON.parse(
        `{"index":0,"id":"call_a","type":"function","function":{"name":"a","arguments":"","${key}":{"x":1}}}`,
      );
      const events = [created, delta(chunk)];
      expect((await sdkError(events)).message).toBe(`Assistant stream delta contains an unsafe property: ${key}`);
      const [ours] = throughOurs(events).final;
      expect(
        ours!.type === 'tool_calls' &&
          Object.keys(
            ours!.step_details.tool_calls[0]!.type === 'function' ? ours!.step_details.tool_calls[0]!.function : {},
          ),
      ).toEqual(['name', 'arguments', 'output']);
    }
  });

  it('8: the SDK writes into the events it was given; we do not', async () => {
    const stream = recordedStreams().find(({ name }) => name.endsWith('function_stream.jsonl'))!;
    const sdk = AssistantStream.fromReadableStream(readable(stream.events));
    const kept: Json[] = [];
    sdk.on('event', (event) => kept.push(event as unknown as Json));
    await sdk.finalRunSteps();
    const firstChunk = (events: readonly Json[]) =>
      events.find(({ event }) => event === 'thread.run.step.delta')!['data'].delta.step_details.tool_calls[0];
    // As sent: `arguments: ""`. As the SDK left it: every fragment appended into it.
    expect(firstChunk(stream.events).function.arguments).toBe('');
    expect(firstChunk(kept).function.arguments).toBe('{"multiplicand":7.5,"multiplier":13.7}');
    const frozen = deepFreeze(structuredClone(stream.events));
    expect(() => throughOurs(frozen)).not.toThrow();
    expect(frozen).toEqual(stream.events);
  });

  it('and where both refuse: an index of 1e9, a delta for an unknown step', async () => {
    const far = [created, delta(call(1e9, 'a'))];
    expect((await sdkError(far)).message).toBe('Assistant stream delta contains an invalid array index: 1000000000');
    expect(ourError(far).code).toBe('index_out_of_range');
    const unknown = [delta(call(0, 'a'))];
    expect((await sdkError(unknown)).message).toBe('Received a RunStepDelta before creation of a snapshot');
    expect(ourError(unknown).code).toBe('unknown_step');
    expect(unknown.every(isRunStepStreamEvent)).toBe(true);
  });
});
