// Azure streams (issue 16): the recorded Azure stream events (test/fixtures/azure/stream/) against the Azure
// profile's delta and event roots, whole Azure streams rebuilt by the accumulator into their recorded
// completed steps, the fragments that must be refused, and the CLI's --azure on the recordings.
import { describe, expect, it } from 'vitest';
import {
  AzureRunStepDeltaObjectSchema,
  AzureRunStepStreamEventSchema,
  assertAzureRunStepDeltaObject,
  assertAzureRunStepStreamEvent,
  isAzureRunStepDeltaObject,
  isAzureRunStepObject,
  isAzureRunStepStreamEvent,
  isAzureToolCallDelta,
  validateAzureRunStepDeltaObject,
  validateAzureRunStepStreamEvent,
  validateAzureToolCallDelta,
  type AzureRunStepObject,
} from '../src/azure/index.js';
import {
  RunStepStreamError,
  RunStepValidationError,
  applyRunStepDelta,
  createRunStepAccumulator,
  isRunStepDeltaObject,
  isRunStepStreamEvent,
} from '../src/index.js';
import { azureSteps } from './support/azure.js';
import {
  assembleStream,
  azureStreamEvents,
  azureStreamFile,
  deltaEvent,
  type AzureEvent,
} from './support/azure-stream.js';
import { runBin, summaryOf } from './support/cli.js';
import { deepFreeze } from './support/fixtures.js';
import { answering, getterAt, revoked, throwingProxy } from './support/hostile.js';

const recorded = azureStreamEvents();
const byName = (prefix: string): AzureEvent => recorded.find(({ source }) => source.includes(`/${prefix}__`))!.event;
const clone = <Value>(value: Value): Value => structuredClone(value);

/** Pushes every event; returns the accumulator's snapshot after each. */
function pushAll(events: readonly unknown[]): AzureRunStepObject[] {
  const accumulator = createRunStepAccumulator({ guard: isAzureRunStepObject });
  return events.map((event) => accumulator.push(event as AzureEvent) as AzureRunStepObject);
}

/** What `fn` throws, as a RunStepStreamError. */
function streamError(fn: () => unknown): RunStepStreamError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RunStepStreamError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('the recorded Azure stream events', () => {
  it('are the seven of INDEX.md: four deltas, a created and two completed events', () => {
    expect(recorded.map(({ event }) => event.event)).toEqual([
      'thread.run.step.delta',
      'thread.run.step.delta',
      'thread.run.step.completed',
      'thread.run.step.completed',
      'thread.run.step.delta',
      'thread.run.step.created',
      'thread.run.step.delta',
    ]);
  });

  it.each(recorded)('$source passes the Azure event guard, validator, assertion and schema', ({ event }) => {
    expect(isAzureRunStepStreamEvent(event)).toBe(true);
    expect(validateAzureRunStepStreamEvent(event)).toEqual({ success: true, value: event });
    expect(() => assertAzureRunStepStreamEvent(event)).not.toThrow();
    expect(AzureRunStepStreamEventSchema['~standard'].validate(event)).toEqual({ value: event });
    if (event.event === 'thread.run.step.delta') {
      expect(isAzureRunStepDeltaObject(event.data)).toBe(true);
      expect(validateAzureRunStepDeltaObject(event.data).success).toBe(true);
      expect(() => assertAzureRunStepDeltaObject(event.data)).not.toThrow();
      expect(AzureRunStepDeltaObjectSchema['~standard'].validate(event.data)).toEqual({ value: event.data });
      const chunks = (event.data['delta'] as any).step_details.tool_calls as unknown[];
      for (const chunk of chunks) expect(isAzureToolCallDelta(chunk)).toBe(true);
    } else expect(isAzureRunStepObject(event.data)).toBe(true);
  });

  it("are rejected by OpenAI's own roots, each at an Azure kind's type or an activities step", () => {
    for (const { source, event } of recorded) {
      expect(isRunStepStreamEvent(event), source).toBe(false);
      if (event.event === 'thread.run.step.delta') expect(isRunStepDeltaObject(event.data), source).toBe(false);
    }
  });

  it("say in a delta that step_details.type is the step's (tool_calls); the Azure kind is the chunk's type", () => {
    for (const prefix of ['20', '23', '29', '32']) {
      const details = (byName(prefix).data['delta'] as any).step_details;
      expect(details.type).toBe('tool_calls');
      expect(['bing_grounding', 'azure_ai_search', 'openapi', 'mcp']).toContain(details.tool_calls[0].type);
    }
  });
});

describe('Azure deltas that must be refused', () => {
  const mcp = byName('32');
  const chunkPath = ['data', 'delta', 'step_details', 'tool_calls', 0];
  const withChunk = (change: (chunk: Record<string, unknown>) => void): AzureEvent => {
    const event = clone(mcp);
    change((event.data['delta'] as any).step_details.tool_calls[0]);
    return event;
  };

  it('a chunk whose type names no kind the profile knows: at its type', () => {
    const result = validateAzureRunStepStreamEvent(withChunk((chunk) => (chunk['type'] = 'mcp_v2')));
    expect(result.success).toBe(false);
    expect(!result.success && result.issues.map((issue) => issue.path)).toEqual([[...chunkPath, 'type']]);
    expect(!result.success && result.issues[0]!.expected).toContain('"mcp"');
  });

  it.each([
    ['arguments', 5, 'string or null'],
    ['name', null, 'string'],
    ['output', {}, 'string or null'],
    ['server_label', 1, 'string'],
  ])('an mcp chunk whose %s is %j: at its path', (key, value, expected) => {
    const result = validateAzureRunStepStreamEvent(withChunk((chunk) => (chunk[key] = value)));
    expect(result.success).toBe(false);
    expect(!result.success && result.issues.map((issue) => [issue.path, issue.expected])).toEqual([
      [[...chunkPath, key], expected],
    ]);
  });

  it('a payload value that is no string: at its key, for every dict kind', () => {
    const event = clone(byName('20'));
    (event.data['delta'] as any).step_details.tool_calls[0].bing_grounding.requesturl = 42;
    const result = validateAzureRunStepDeltaObject(event.data);
    expect(!result.success && result.issues.map((issue) => issue.path)).toEqual([
      ['delta', 'step_details', 'tool_calls', 0, 'bing_grounding', 'requesturl'],
    ]);
  });

  it('a computer_use_preview chunk whose action is no object, or whose safety checks lack an id: at its path', () => {
    const chunk = (body: Record<string, unknown>) => ({
      index: 0,
      id: 'call_c',
      type: 'computer_use_preview',
      computer_use_preview: body,
    });
    expect(isAzureToolCallDelta(chunk({ action: { type: 'click', x: 1 }, pending_safety_checks: [] }))).toBe(true);
    const action = validateAzureToolCallDelta(chunk({ action: 'click' }));
    expect(!action.success && action.issues.map((issue) => issue.path)).toEqual([['computer_use_preview', 'action']]);
    const checks = validateAzureToolCallDelta(chunk({ pending_safety_checks: [{ code: 'x' }] }));
    expect(!checks.success && checks.issues.map((issue) => issue.path)).toEqual([
      ['computer_use_preview', 'pending_safety_checks', 0, 'id'],
    ]);
  });

  it('an openapi chunk whose function.arguments is no string', () => {
    const event = clone(byName('29'));
    (event.data['delta'] as any).step_details.tool_calls[0].function.arguments = [];
    expect(isAzureRunStepStreamEvent(event)).toBe(false);
    expect(validateAzureToolCallDelta((event.data['delta'] as any).step_details.tool_calls[0]).success).toBe(false);
  });

  it('a chunk with no integer index, and delta step_details of no known type', () => {
    expect(isAzureRunStepStreamEvent(withChunk((chunk) => delete chunk['index']))).toBe(false);
    const event = clone(mcp);
    (event.data['delta'] as any).step_details.type = 'mcp';
    const result = validateAzureRunStepStreamEvent(event);
    expect(!result.success && result.issues[0]!.path).toEqual(['data', 'delta', 'step_details', 'type']);
  });

  it('hostile values, without throwing: revoked and throwing proxies at every chunk, a throwing getter', () => {
    for (const hostile of [revoked(), throwingProxy({}), throwingProxy([])]) {
      const event = withChunk(() => undefined);
      (event.data['delta'] as any).step_details.tool_calls[0] = hostile;
      expect(isAzureRunStepStreamEvent(event)).toBe(false);
      expect(validateAzureRunStepStreamEvent(event).success).toBe(false);
    }
    const getter = getterAt(mcp, [...chunkPath, 'arguments'], () => {
      throw new Error('no arguments');
    });
    expect(isAzureRunStepStreamEvent(getter)).toBe(false);
    const result = validateAzureRunStepStreamEvent(getter);
    expect(!result.success && result.issues.map((issue) => issue.path)).toEqual([[...chunkPath, 'arguments']]);
  });
});

describe('whole Azure streams rebuilt', () => {
  const completed = byName('24');
  const first = byName('23');
  const firstChunk = (first.data['delta'] as any).step_details.tool_calls[0];

  it('azure_ai_search: created, the recorded first delta, fragments, then the recorded completed step', () => {
    const events = deepFreeze(assembleStream(completed.data, 5, { 0: firstChunk }));
    expect(events[1]).toEqual(first);
    expect(events.length).toBeGreaterThan(5);
    const snapshots = pushAll(events);
    // Before the completed event, the merge alone has rebuilt the step's details.
    expect(snapshots[snapshots.length - 2]!.step_details).toEqual(completed.data['step_details']);
    expect(snapshots[snapshots.length - 1]).toEqual(completed.data);
    for (const snapshot of snapshots) expect(isAzureRunStepObject(snapshot)).toBe(true);
    // The recorded first chunk's nulls start the strings: `""`, as the completed call holds strings.
    expect((snapshots[1]!.step_details as any).tool_calls[0].azure_ai_search).toEqual({ input: '', output: '' });
  });

  const recordedSteps = [
    ...azureSteps().filter(({ source }) => !source.includes('synthetic')),
    { source: 'azure/stream/25', step: byName('25').data },
  ];
  it.each(recordedSteps)('$source: rebuilt from its chunks into the recorded step', ({ step }) => {
    const events = deepFreeze(assembleStream(step as any, 3));
    const snapshots = pushAll(events);
    expect(snapshots[snapshots.length - 2]!.step_details).toEqual((step as any).step_details);
    for (const snapshot of snapshots) expect(isAzureRunStepObject(snapshot)).toBe(true);
    // The same through applyRunStepDelta, one delta at a time from the created step.
    let snapshot = events[0]!.data as unknown as AzureRunStepObject;
    for (const event of events.slice(1, -1)) {
      snapshot = applyRunStepDelta(snapshot, event.data as any, { guard: isAzureRunStepObject });
    }
    expect(snapshot.step_details).toEqual((step as any).step_details);
  });

  it('an activities step: the recorded created event (activities: []), then its completed step', () => {
    const created = byName('30');
    const snapshots = pushAll([
      created,
      { event: 'thread.run.step.completed', data: { ...created.data, status: 'completed' } },
    ]);
    expect(snapshots.map((step) => step.type)).toEqual(['activities', 'activities']);
  });

  it('the recorded mcp and openapi first chunks start valid calls', () => {
    for (const prefix of ['32', '29', '20']) {
      const delta = byName(prefix);
      const step = {
        id: delta.data['id'],
        object: 'thread.run.step',
        created_at: 1,
        run_id: 'run_1',
        assistant_id: 'asst_1',
        thread_id: 'thread_1',
        type: 'tool_calls',
        status: 'in_progress',
        cancelled_at: null,
        completed_at: null,
        expires_at: null,
        failed_at: null,
        last_error: null,
        usage: null,
        step_details: { type: 'tool_calls', tool_calls: [] },
      };
      const [, after] = pushAll([{ event: 'thread.run.step.created', data: step }, delta]);
      expect(isAzureRunStepObject(after), prefix).toBe(true);
    }
  });
});

describe('Azure streams that cannot be accumulated', () => {
  const completed = byName('24');
  const events = assembleStream(completed.data, 2, {
    0: (byName('23').data['delta'] as any).step_details.tool_calls[0],
  });
  const stepId = completed.data['id'] as string;

  it('a chunk that changes its call kind mid-stream: type_changed, the accumulator as it was', () => {
    const accumulator = createRunStepAccumulator({ guard: isAzureRunStepObject });
    accumulator.push(events[0]!);
    accumulator.push(events[1]!);
    const before = accumulator.get(stepId);
    const error = streamError(() =>
      accumulator.push(deltaEvent(stepId, { type: 'tool_calls', tool_calls: [{ index: 0, type: 'bing_grounding' }] })),
    );
    expect(error.code).toBe('type_changed');
    expect(accumulator.get(stepId)).toBe(before);
  });

  it('a chunk that renames an mcp call, or moves it to another server: identity_changed', () => {
    const mcp = byName('32');
    const id = mcp.data['id'] as string;
    const created = {
      event: 'thread.run.step.created',
      data: { ...completed.data, id, status: 'in_progress', step_details: { type: 'tool_calls', tool_calls: [] } },
    };
    for (const [key, value] of [
      ['name', 'other_tool'],
      ['server_label', 'gitlab'],
    ] as const) {
      const accumulator = createRunStepAccumulator({ guard: isAzureRunStepObject });
      accumulator.push(created);
      accumulator.push(mcp);
      const error = streamError(() =>
        accumulator.push(deltaEvent(id, { type: 'tool_calls', tool_calls: [{ index: 0, type: 'mcp', [key]: value }] })),
      );
      expect(error.code, key).toBe('identity_changed');
      expect(error.message).toContain(JSON.stringify(value));
    }
  });

  it('a first chunk that cannot start a valid call (an mcp call with no name): invalid_input at the call', () => {
    const mcp = clone(byName('32'));
    delete (mcp.data['delta'] as any).step_details.tool_calls[0].name;
    const id = mcp.data['id'] as string;
    const accumulator = createRunStepAccumulator({ guard: isAzureRunStepObject });
    accumulator.push({
      event: 'thread.run.step.created',
      data: { ...completed.data, id, step_details: { type: 'tool_calls', tool_calls: [] } },
    });
    const error = streamError(() => accumulator.push(mcp));
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((issue) => issue.path)).toEqual([['name']]);
    expect((accumulator.get(id)!.step_details as any).tool_calls).toEqual([]);
  });

  it('a delta of a kind the profile does not know, or with wrong fragments: invalid_input at its path', () => {
    const accumulator = createRunStepAccumulator({ guard: isAzureRunStepObject });
    accumulator.push(events[0]!);
    const unknown = streamError(() =>
      accumulator.push(
        deltaEvent(stepId, { type: 'tool_calls', tool_calls: [{ index: 0, id: 'call_1', type: 'code_search' }] }),
      ),
    );
    expect(unknown.code).toBe('invalid_input');
    expect(unknown.issues[0]!.path).toEqual(['data', 'delta', 'step_details', 'tool_calls', 0, 'type']);
    const number = streamError(() =>
      accumulator.push(
        deltaEvent(stepId, {
          type: 'tool_calls',
          tool_calls: [{ index: 0, id: 'c', type: 'azure_ai_search', azure_ai_search: { input: 1 } }],
        }),
      ),
    );
    expect(number.issues[0]!.path).toEqual([
      'data',
      'delta',
      'step_details',
      'tool_calls',
      0,
      'azure_ai_search',
      'input',
    ]);
  });

  it("the default accumulator refuses Azure's chunks, as before", () => {
    const accumulator = createRunStepAccumulator();
    accumulator.push(events[0]!);
    expect(streamError(() => accumulator.push(events[1]!)).code).toBe('invalid_input');
  });

  it('reads each fragment once: a getter that changes its answer is judged, and merged, by its first', () => {
    const accumulator = createRunStepAccumulator({ guard: isAzureRunStepObject });
    accumulator.push(events[0]!);
    accumulator.push(events[1]!);
    const shifting = getterAt(
      deltaEvent(stepId, {
        type: 'tool_calls',
        tool_calls: [{ index: 0, type: 'azure_ai_search', azure_ai_search: { input: 'x' } }],
      }),
      ['data', 'delta', 'step_details', 'tool_calls', 0, 'azure_ai_search', 'input'],
      answering('first', 2),
    );
    const after = accumulator.push(shifting as AzureEvent)!;
    expect((after.step_details as any).tool_calls[0].azure_ai_search.input).toBe('first');
  });

  it('a guard that is not one of the package: a TypeError naming what it takes', () => {
    expect(() => createRunStepAccumulator({ guard: (_value: unknown): _value is AzureRunStepObject => true })).toThrow(
      /guard must be a run step guard of this package/,
    );
    expect(() => createRunStepAccumulator(1 as never)).toThrow(TypeError);
    expect(() =>
      applyRunStepDelta(events[0]!.data as never, events[1]!.data as never, { guard: Math.max as never }),
    ).toThrow(TypeError);
  });

  it('an assertion names the Azure types', () => {
    expect(() => assertAzureRunStepStreamEvent({})).toThrow(RunStepValidationError);
    expect(() => assertAzureRunStepDeltaObject({})).toThrow(/AzureRunStepDeltaObject/);
  });
});

describe("the CLI's --azure on Azure stream recordings", () => {
  const files = recorded.map(({ source }) => azureStreamFile(source.split('/').pop()!));

  it('accepts the seven recorded events (exit 0), and without --azure rejects them (exit 1)', () => {
    const azure = runBin(['check', '--azure', '--json', ...files], { cwd: process.cwd() });
    expect(azure.code, azure.stderr).toBe(0);
    const summary = summaryOf<Record<string, unknown>>(azure.stdout);
    expect(summary).toMatchObject({
      objects: { valid: 7, invalid: 0 },
      kinds: { 'stream event': { valid: 7, invalid: 0 } },
    });
    const plain = runBin(['check', ...files], { cwd: process.cwd() });
    expect(plain.code).toBe(1);
  });

  it('reports an Azure delta with a wrong fragment at its path (exit 1)', () => {
    const bad = clone(byName('32'));
    (bad.data['delta'] as any).step_details.tool_calls[0].arguments = 5;
    const run = runBin(['check', '--azure', '-'], { cwd: process.cwd(), input: JSON.stringify(bad) });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('data.delta.step_details.tool_calls[0].arguments');
  });
});
