// Interop with a real consumer of Standard Schema v1: tRPC accepts any Standard Schema as a procedure's
// input validator, calls its `~standard.validate`, and reports the issues when it fails.
import { TRPCError, initTRPC } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { RunStepObjectSchema, ToolCallSchema, formatIssue } from '../src/index.js';
import { acceptedRunSteps } from './support/fixtures.js';

const t = initTRPC.create();
const router = t.router({
  // `input` is typed RunStepObject through the schema's `types`, so `type` narrows `step_details`.
  describeStep: t.procedure
    .input(RunStepObjectSchema)
    .query(({ input }) =>
      input.type === 'tool_calls'
        ? `${input.id}: ${input.step_details.tool_calls.map((call) => call.type).join(', ') || 'no tool calls'}`
        : `${input.id}: message ${input.step_details.message_creation.message_id}`,
    ),
  toolCallType: t.procedure.input(ToolCallSchema).query(({ input }) => input.type),
});
const caller = t.createCallerFactory(router)({});

const steps = acceptedRunSteps().map(({ step }) => step);
const toolCallsStep = steps.find(
  (step) => step['type'] === 'tool_calls' && JSON.stringify(step).includes('"function"'),
);

describe('tRPC takes the schemas as input validators', () => {
  it('accepts every fixture run step and hands the procedure a typed value', async () => {
    for (const step of steps) {
      const answer = await caller.describeStep(step);
      expect(answer.startsWith(`${step['id'] as string}: `)).toBe(true);
    }
  });

  it('rejects an invalid run step with BAD_REQUEST, carrying our issues with their paths', async () => {
    const broken = structuredClone(toolCallsStep) as any;
    broken.step_details.tool_calls[0].id = 42;
    broken.status = 'done';
    const error = await caller.describeStep(broken).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    const issues = (error as TRPCError & { cause: { issues: unknown[] } }).cause.issues;
    expect(issues.map((issue) => formatIssue(issue as never))).toEqual([
      'status: expected "in_progress" | "cancelled" | "failed" | "completed" | "expired", received string ("done")',
      'step_details.tool_calls[0].id: expected string, received number (42)',
    ]);
  });

  it('works for the schema of a part too', async () => {
    const call = (toolCallsStep as any).step_details.tool_calls[0];
    expect(await caller.toolCallType(call)).toBe(call.type);
    await expect(caller.toolCallType({ ...call, type: 'retrieval' })).rejects.toThrow(TRPCError);
  });
});
