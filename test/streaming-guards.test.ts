// The delta and stream event guards on every event the fixtures hold (recorded, spec examples, synthetic),
// and on every corruption of every delta that the test suite's own delta contract forbids.
import { describe, expect, it } from 'vitest';
import {
  isCodeInterpreterImageOutputDelta,
  isCodeInterpreterLogsOutputDelta,
  isCodeInterpreterOutputDelta,
  isCodeInterpreterToolCallDelta,
  isFileSearchToolCallDelta,
  isFunctionToolCallDelta,
  isMessageCreationStepDetailsDelta,
  isRunStepDeltaObject,
  isRunStepDeltaStepDetails,
  isRunStepObject,
  isRunStepStreamEvent,
  isToolCallDelta,
  isToolCallsStepDetailsDelta,
  validateRunStepDeltaObject,
  validateRunStepStreamEvent,
  formatIssue,
} from '../src/index.js';
import { DELTA_CONTRACT } from './support/contract.js';
import { corruptions } from './support/corrupt.js';
import { deepFreeze } from './support/fixtures.js';
import { allDeltas, allStepEvents } from './support/streams.js';

const events = allStepEvents();
const deltas = allDeltas();
const details = deltas.map((delta) => delta.delta.step_details).filter((value) => value !== undefined);
const chunks = details.flatMap((value) => value.tool_calls ?? []);
const outputs = chunks.flatMap((chunk) => chunk.code_interpreter?.outputs ?? []);

describe('the fixtures hold every kind of delta part', () => {
  it('for each guard, at least one value', () => {
    const kinds = new Set([
      ...details.map((value) => `details:${value.type}`),
      ...chunks.map((chunk) => `chunk:${chunk.type}`),
      ...outputs.map((output) => `output:${output.type}`),
      ...events.map(({ event }) => event),
    ]);
    expect([...kinds].sort()).toEqual(
      [
        'details:message_creation',
        'details:tool_calls',
        'chunk:code_interpreter',
        'chunk:file_search',
        'chunk:function',
        'output:logs',
        'output:image',
        'thread.run.step.created',
        'thread.run.step.in_progress',
        'thread.run.step.delta',
        'thread.run.step.completed',
      ].sort(),
    );
    expect(deltas.some((delta) => Object.keys(delta.delta).length === 0)).toBe(true);
  });
});

describe('every fixture is accepted', () => {
  it('each stream event, and each delta', () => {
    for (const event of events)
      expect(validateRunStepStreamEvent(deepFreeze(event))).toEqual({ success: true, value: event });
    for (const delta of deltas) expect(isRunStepDeltaObject(delta)).toBe(true);
  });

  it('each part, by the guard of its kind only', () => {
    for (const value of details) {
      expect(isRunStepDeltaStepDetails(value)).toBe(true);
      expect(isMessageCreationStepDetailsDelta(value)).toBe(value.type === 'message_creation');
      expect(isToolCallsStepDetailsDelta(value)).toBe(value.type === 'tool_calls');
    }
    for (const chunk of chunks) {
      expect(isToolCallDelta(chunk)).toBe(true);
      expect(isCodeInterpreterToolCallDelta(chunk)).toBe(chunk.type === 'code_interpreter');
      expect(isFileSearchToolCallDelta(chunk)).toBe(chunk.type === 'file_search');
      expect(isFunctionToolCallDelta(chunk)).toBe(chunk.type === 'function');
    }
    for (const output of outputs) {
      expect(isCodeInterpreterOutputDelta(output)).toBe(true);
      expect(isCodeInterpreterLogsOutputDelta(output)).toBe(output.type === 'logs');
      expect(isCodeInterpreterImageOutputDelta(output)).toBe(output.type === 'image');
    }
  });

  it('the recorded file search delta carries ranking_options and results, which the spec does not list', () => {
    const fileSearch = chunks.filter((chunk) => chunk.type === 'file_search');
    expect(fileSearch.length).toBeGreaterThan(0);
    for (const chunk of fileSearch)
      expect(Object.keys(chunk.file_search).sort()).toEqual(['ranking_options', 'results']);
  });
});

describe('every corruption the delta contract forbids is rejected', () => {
  it.each(deltas.map((delta, n) => [`${n}: ${JSON.stringify(delta).slice(0, 90)}`, delta] as const))(
    '%s',
    (_, delta) => {
      const accepted: string[] = [];
      for (const corruption of corruptions(delta, DELTA_CONTRACT)) {
        if (isRunStepDeltaObject(corruption.value)) accepted.push(corruption.description);
        const result = validateRunStepDeltaObject(corruption.value);
        // The validator reports it, at the corrupted place or inside it.
        if (result.success) accepted.push(`${corruption.description} (validator)`);
        else {
          const at = corruption.path.slice(0, -1);
          if (!result.issues.some((issue) => at.every((key, n) => issue.path[n] === key))) {
            accepted.push(`${corruption.description}: ${result.issues.map(formatIssue).join('; ')}`);
          }
        }
      }
      expect(accepted).toEqual([]);
    },
  );
});

describe('the details that the contract cannot state', () => {
  const [created] = events.filter(({ event }) => event === 'thread.run.step.created');
  const [delta] = events.filter(({ event }) => event === 'thread.run.step.delta');

  it('a delta is no run step, and a run step no delta', () => {
    expect(isRunStepObject(delta!.data)).toBe(false);
    expect(isRunStepDeltaObject(created!.data)).toBe(false);
  });

  it("an event's data must be what its name says", () => {
    for (const { event, data } of events) {
      for (const other of ['thread.run.step.created', 'thread.run.step.delta', 'thread.run.step.expired']) {
        const same = (other === 'thread.run.step.delta') === (event === 'thread.run.step.delta');
        expect(isRunStepStreamEvent({ event: other, data })).toBe(same);
      }
    }
  });

  it('unknown event names, and values that are no events, are rejected', () => {
    const data = created!.data;
    for (const event of ['thread.run.step.deleted', 'thread.run.created', 'thread.message.delta', '', undefined]) {
      expect(isRunStepStreamEvent({ event, data })).toBe(false);
    }
    for (const value of [null, 'event: thread.run.step.created', [created], data]) {
      expect(isRunStepStreamEvent(value)).toBe(false);
    }
    const result = validateRunStepStreamEvent({ event: 'thread.run.step.deleted', data });
    expect(result.success ? [] : result.issues.map(formatIssue)).toEqual([
      'event: expected "thread.run.step.created" | "thread.run.step.in_progress" | "thread.run.step.delta" | "thread.run.step.completed" | "thread.run.step.failed" | "thread.run.step.cancelled" | "thread.run.step.expired", received string ("thread.run.step.deleted")',
    ]);
  });

  it('a file search chunk needs its body (the spec requires it); {} is the spec’s own example of one', () => {
    const chunk = { index: 0, id: 'call_1', type: 'file_search' };
    expect(isFileSearchToolCallDelta(chunk)).toBe(false);
    expect(isFileSearchToolCallDelta({ ...chunk, file_search: {} })).toBe(true);
  });

  it('a chunk needs only index and type; an index must be an integer (its range is the accumulator’s concern)', () => {
    expect(isFunctionToolCallDelta({ index: 3, type: 'function' })).toBe(true);
    expect(isCodeInterpreterLogsOutputDelta({ index: 0, type: 'logs' })).toBe(true);
    expect(isCodeInterpreterImageOutputDelta({ index: 0, type: 'image', image: {} })).toBe(true);
    for (const index of [undefined, '0', 0.5, Number.NaN, null]) {
      expect(isToolCallDelta({ index, type: 'function' })).toBe(false);
      expect(isCodeInterpreterOutputDelta({ index, type: 'logs' })).toBe(false);
    }
    expect(isToolCallDelta({ index: 1e9, type: 'function' })).toBe(true);
  });

  it('a function output chunk is a string or null, as on a whole call', () => {
    expect(isFunctionToolCallDelta({ index: 0, type: 'function', function: { output: null } })).toBe(true);
    expect(isFunctionToolCallDelta({ index: 0, type: 'function', function: { output: 'ok' } })).toBe(true);
    expect(isFunctionToolCallDelta({ index: 0, type: 'function', function: { output: 1 } })).toBe(false);
  });
});
