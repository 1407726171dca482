import { describe, expect, it } from 'vitest';
import {
  RUN_STEP_STATUSES,
  assertNever,
  getToolCalls,
  getToolCallsByType,
  hasStatus,
  isInProgressStep,
  isMessageCreationStep,
  isTerminalStep,
  isToolCallsStep,
  matchStatus,
  matchStepType,
  matchToolCall,
  isRunStepObject,
  toSdkRunStep,
  type RunStepObject,
  type ToolCall,
} from '../src/index.js';
import { acceptedRunSteps, deepFreeze } from './support/fixtures.js';

const steps = acceptedRunSteps().map(({ step }) => step as unknown as RunStepObject);
const toolCallsSteps = steps.filter((step) => step.type === 'tool_calls');
const messageSteps = steps.filter((step) => step.type === 'message_creation');
const mixed = toolCallsSteps.find((step) => new Set(getToolCalls(step).map((call) => call.type)).size === 3)!;

describe('narrowing by type', () => {
  it('isMessageCreationStep and isToolCallsStep split the fixtures by type', () => {
    expect(messageSteps.length).toBeGreaterThan(0);
    expect(toolCallsSteps.length).toBeGreaterThan(0);
    for (const step of messageSteps)
      expect([isMessageCreationStep(step), isToolCallsStep(step)]).toEqual([true, false]);
    for (const step of toolCallsSteps)
      expect([isMessageCreationStep(step), isToolCallsStep(step)]).toEqual([false, true]);
  });

  it('getToolCalls lists a step’s calls in order, as a new array, and [] for a message creation step', () => {
    for (const step of toolCallsSteps) {
      const calls = getToolCalls(step);
      expect(calls).toEqual(step.step_details.type === 'tool_calls' ? step.step_details.tool_calls : null);
      expect(calls).not.toBe(step.step_details.type === 'tool_calls' && step.step_details.tool_calls);
    }
    for (const step of messageSteps) expect(getToolCalls(step)).toEqual([]);
  });

  it('getToolCallsByType keeps the calls of one type, in order', () => {
    expect(mixed).toBeDefined();
    const all = getToolCalls(mixed);
    for (const type of ['code_interpreter', 'file_search', 'function'] as const) {
      const calls: ToolCall[] = getToolCallsByType(mixed, type);
      expect(calls.length).toBeGreaterThan(0);
      expect(calls).toEqual(all.filter((call) => call.type === type));
    }
    expect(getToolCallsByType(messageSteps[0]!, 'function')).toEqual([]);
  });
});

describe('status helpers', () => {
  it('hasStatus, isTerminalStep and isInProgressStep agree with the status of every fixture', () => {
    const seen = new Set<string>();
    // hasStatus takes one literal status (a union does not compile), so each is spelt out.
    const hasEach = (step: RunStepObject) => ({
      in_progress: hasStatus(step, 'in_progress'),
      cancelled: hasStatus(step, 'cancelled'),
      failed: hasStatus(step, 'failed'),
      completed: hasStatus(step, 'completed'),
      expired: hasStatus(step, 'expired'),
    });
    for (const step of steps) {
      seen.add(step.status);
      expect(hasEach(step)).toEqual(
        Object.fromEntries(RUN_STEP_STATUSES.map((status) => [status, step.status === status])),
      );
      expect(isInProgressStep(step)).toBe(step.status === 'in_progress');
      expect(isTerminalStep(step)).toBe(step.status !== 'in_progress');
    }
    expect([...seen].sort()).toEqual([...RUN_STEP_STATUSES].sort());
  });
});

describe('exhaustive matching', () => {
  const byStatus = {
    in_progress: () => 'running',
    cancelled: () => 'cancelled',
    failed: (step: RunStepObject) => `failed: ${step.last_error?.code}`,
    completed: () => 'done',
    expired: () => 'expired',
  } as const;

  it('matchStatus calls the handler for the step’s status, with the step', () => {
    for (const step of steps) {
      const expected = { in_progress: 'running', cancelled: 'cancelled', completed: 'done', expired: 'expired' };
      expect(matchStatus(step, byStatus)).toBe(
        step.status === 'failed' ? `failed: ${step.last_error?.code}` : expected[step.status],
      );
    }
  });

  it('matchStepType and matchToolCall call the handler for the type, with the value', () => {
    for (const step of steps) {
      const seen = matchStepType(step, {
        message_creation: (s) => s.step_details.message_creation.message_id,
        tool_calls: (s) => s.step_details.tool_calls.length,
      });
      expect(seen).toBe(
        step.step_details.type === 'message_creation'
          ? step.step_details.message_creation.message_id
          : step.step_details.tool_calls.length,
      );
    }
    const names = getToolCalls(mixed).map((call) =>
      matchToolCall(call, {
        code_interpreter: (c) => `code:${c.code_interpreter.input.length}`,
        file_search: (c) => `search:${c.file_search.results?.length ?? 0}`,
        function: (c) => `function:${c.function.name}`,
      }),
    );
    expect(names).toEqual(
      getToolCalls(mixed).map((call) =>
        call.type === 'code_interpreter'
          ? `code:${call.code_interpreter.input.length}`
          : call.type === 'file_search'
            ? `search:${call.file_search.results?.length ?? 0}`
            : `function:${call.function.name}`,
      ),
    );
  });

  it('keeps `this` for handlers that are methods, inherited ones included', () => {
    class Describer {
      prefix = 'step is ';
      in_progress() {
        return `${this.prefix}running`;
      }
      cancelled() {
        return `${this.prefix}cancelled`;
      }
      failed() {
        return `${this.prefix}failed`;
      }
      completed() {
        return `${this.prefix}done`;
      }
      expired() {
        return `${this.prefix}expired`;
      }
    }
    const step = steps.find((s) => s.status === 'completed')!;
    expect(matchStatus(step, new Describer())).toBe('step is done');
  });

  it('throws a clear TypeError for a value outside the enum, without calling any handler', () => {
    const calls: string[] = [];
    const record = Object.fromEntries(RUN_STEP_STATUSES.map((status) => [status, () => calls.push(status)]));
    const stray = { ...steps[0]!, status: 'paused' } as unknown as RunStepObject;
    expect(() => matchStatus(stray, record as never)).toThrow(
      new TypeError(
        'matchStatus: unknown status "paused" (expected one of: in_progress, cancelled, failed, completed, expired)',
      ),
    );
    const inherited = { ...steps[0]!, status: 'toString' } as unknown as RunStepObject;
    expect(() => matchStatus(inherited, record as never)).toThrow(/unknown status "toString"/);
    // Step types and tool call types are open (every flavour adds its own, see helpers-flavours.test.ts):
    // any string is a case when the handlers have it, and a type with no handler is named as such.
    const odd = { ...steps[0]!, type: 42 } as unknown as RunStepObject;
    expect(() => matchStepType(odd, {} as never)).toThrow(
      new TypeError('matchStepType: unknown type 42 (expected a string)'),
    );
    expect(() => matchToolCall({ type: 'retrieval' } as unknown as ToolCall, {} as never)).toThrow(
      new TypeError('matchToolCall: no handler for tool call type "retrieval"'),
    );
    expect(calls).toEqual([]);
  });

  it('throws a clear TypeError when a handler is missing at run time', () => {
    const step = steps.find((s) => s.status === 'completed')!;
    expect(() => matchStatus(step, {} as never)).toThrow(
      new TypeError('matchStatus: no handler for status "completed"'),
    );
  });
});

describe('assertNever', () => {
  it('throws a TypeError that names the value, safely', () => {
    expect(() => assertNever('paused' as never)).toThrow(new TypeError('Unexpected value: "paused"'));
    expect(() => assertNever('x'.repeat(1000) as never)).toThrow(/^Unexpected value: "x{40}…"$/);
    expect(() => assertNever(10n as never)).toThrow('Unexpected value: 10n');
    expect(() => assertNever({ a: 1 } as never)).toThrow('Unexpected value: an object');
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(() => assertNever(proxy as never)).toThrow('Unexpected value: a revoked proxy');
    expect(() => assertNever(1 as never, 'custom message')).toThrow(new TypeError('custom message'));
  });
});

describe('toSdkRunStep', () => {
  it('fills in the two keys the SDK requires, on a copy, and keeps every other key', () => {
    for (const { step } of acceptedRunSteps()) {
      const frozen = deepFreeze(structuredClone(step));
      if (!isRunStepObject(frozen)) throw new Error('fixture rejected');
      const copy = toSdkRunStep(frozen);
      expect(copy).not.toBe(frozen);
      expect(copy.expired_at).toBe(frozen.expired_at ?? null);
      expect(copy.metadata).toEqual(frozen.metadata ?? null);
      expect(Object.keys(copy).sort()).toEqual([...new Set([...Object.keys(frozen), 'expired_at', 'metadata'])].sort());
      expect(isRunStepObject(copy)).toBe(true);
    }
  });

  it('keeps values that are there', () => {
    const step = acceptedRunSteps()[0]?.step;
    const withKeys = { ...step, expired_at: 1700000000, metadata: { a: 'b' } };
    if (!isRunStepObject(withKeys)) throw new Error('rejected');
    expect(toSdkRunStep(withKeys)).toMatchObject({ expired_at: 1700000000, metadata: { a: 'b' } });
  });
});
