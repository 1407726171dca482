// The SDK compatibility facts of test-d/sdk.test-d.ts that change under TypeScript's default settings
// (exactOptionalPropertyTypes off, as most users have it), checked by `tsc -p test-d/loose` in
// `npm run lint`. A `@ts-expect-error` line must be an error, or tsc fails; every other line must not.
import type OpenAI from 'openai';
import type OpenAIv4 from 'openai-v4';
import { toSdkRunStep } from 'openai-run-step-guards';
import type { FileSearchToolCall, Metadata, RunStepObject, ToolCall, ToolCallsRunStep } from 'openai-run-step-guards';

type Sdk = OpenAI.Beta.Threads.Runs.RunStep;
type Sdk4 = OpenAIv4.Beta.Threads.Runs.RunStep;

declare const step: RunStepObject;
declare const tools: ToolCallsRunStep;

// Still neither way round as they stand: `expired_at` and `metadata` are missing.
// @ts-expect-error
export const asIs: Sdk = step;

// With the two keys filled in, any checked run step is an openai 7.x run step.
export const filled: Sdk = { ...step, expired_at: step.expired_at ?? null, metadata: step.metadata ?? null };
export const filledTools: Sdk = { ...tools, expired_at: tools.expired_at ?? null, metadata: tools.metadata ?? null };
export const helped: Sdk = toSdkRunStep(step);
export const helpedTools: Sdk = toSdkRunStep(tools);
export const fileSearch: OpenAI.Beta.Threads.Runs.ToolCall = {} as FileSearchToolCall;
export const anyCall: OpenAI.Beta.Threads.Runs.ToolCall = {} as ToolCall;

// openai 4.x still refuses a tool calls step: its ranker type lacks `auto`.
// @ts-expect-error
export const filled4: Sdk4 = { ...tools, expired_at: tools.expired_at ?? null, metadata: tools.metadata ?? null };
export const metadata: Sdk4['metadata'] = {} as Metadata;
