import { readFileSync } from 'node:fs';
import { TRPCError, initTRPC } from '@trpc/server';
import { RunStepObjectSchema } from 'openai-run-step-guards';

// tRPC, like Hono, TanStack Form, oRPC and others, accepts any Standard Schema as a validator.
const t = initTRPC.create();
const router = t.router({
  toolCallCount: t.procedure
    .input(RunStepObjectSchema)
    // `input` is a RunStepObject: checking `type` narrows `step_details`.
    .query(({ input }) => (input.type === 'tool_calls' ? input.step_details.tool_calls.length : 0)),
});
const caller = t.createCallerFactory(router)({});

const step = JSON.parse(readFileSync(new URL('./payloads/mixed-tool-calls-in-progress.json', import.meta.url), 'utf8'));
console.log(`tool calls: ${await caller.toolCallCount(step)}`);
await caller.toolCallCount({ ...step, status: 'done' }).catch((error: unknown) => {
  if (error instanceof TRPCError) console.log(`${error.code}: ${error.message}`);
});
