// How `RunStepObject` relates to the official SDK's `OpenAI.Beta.Threads.Runs.RunStep`, in both
// directions, against the newest `openai` 7.x and the last 4.x (dev dependency `openai-v4`), under this
// project's strict settings (exactOptionalPropertyTypes on). test-d/loose/sdk.ts states the same
// facts under TypeScript's default settings, where they differ.
//
// In short:
// - Neither type is assignable to the other.
// - Ours to the SDK's: the SDK requires `expired_at` and `metadata`, which the wire never sends (the
//   README's wire table, first two rows). Filled in with `?? null`, a message creation step is then
//   accepted by both SDK versions. A tool calls step is accepted by 7.x under default settings; under
//   exactOptionalPropertyTypes, the file search parts' optional keys (`?: T | undefined` here, because
//   the guards read a key holding `undefined` as absent) are not `?: T` there; and 4.x's types lack
//   the `auto` ranker (sent since 2025-03).
// - The SDK's to ours: `RunStep` types `type` and `step_details` independently, so it is not a
//   `RunStepObject` (README wire table, last row), though every part of it is assignable to ours.
//   An SDK-typed value passed through `isRunStepObject` gains the narrowing.
import type OpenAI from 'openai';
import type OpenAIv4 from 'openai-v4';
import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
import {
  isRunStepObject,
  toSdkRunStep,
  type SdkCompatibleRunStep,
  type CodeInterpreterToolCall,
  type FileSearchRanker,
  type FileSearchRankingOptions,
  type FileSearchResult,
  type FileSearchToolCall,
  type FunctionToolCall,
  type MessageCreationRunStep,
  type Metadata,
  type RunStepCompletionUsage,
  type RunStepDetails,
  type RunStepLastError,
  type RunStepObject,
  type ToolCall,
  type ToolCallsRunStep,
} from 'openai-run-step-guards';

type Sdk = OpenAI.Beta.Threads.Runs.RunStep;
type Sdk4 = OpenAIv4.Beta.Threads.Runs.RunStep;
type SdkTools = OpenAI.Beta.Threads.Runs.ToolCall;
type SdkTools4 = OpenAIv4.Beta.Threads.Runs.ToolCall;

declare const ours: RunStepObject;
declare const sdk: Sdk;
declare const sdk4: Sdk4;

// Neither way round, with either SDK version.
expectNotAssignable<Sdk>(ours);
expectNotAssignable<Sdk4>(ours);
expectNotAssignable<RunStepObject>(sdk);
expectNotAssignable<RunStepObject>(sdk4);

// --- Ours to the SDK's ---

// `expired_at` and `metadata`: optional here (never sent), required there.
expectNotAssignable<Sdk['expired_at']>(ours.expired_at);
expectNotAssignable<Sdk['metadata']>(ours.metadata);
expectNotAssignable<Sdk4['expired_at']>(ours.expired_at);
expectNotAssignable<Sdk4['metadata']>(ours.metadata);
expectAssignable<Sdk['expired_at']>(ours.expired_at ?? null);
expectAssignable<Sdk['metadata']>(ours.metadata ?? null);

/** The package's helper for handing a checked step to SDK-typed code: the two keys filled in. */
const fill = toSdkRunStep;
expectType<SdkCompatibleRunStep<MessageCreationRunStep>>(toSdkRunStep({} as MessageCreationRunStep));
expectType<SdkCompatibleRunStep>(toSdkRunStep(ours));
expectType<number | null>(toSdkRunStep(ours).expired_at);
expectType<Metadata | null>(toSdkRunStep(ours).metadata);

// A message creation step, filled in, is an SDK run step for both versions.
declare const message: MessageCreationRunStep;
expectAssignable<Sdk>(fill(message));
expectAssignable<Sdk4>(fill(message));
expectAssignable<Sdk>({ ...message, expired_at: message.expired_at ?? null, metadata: message.metadata ?? null });

// A tool calls step, filled in, is not, under exactOptionalPropertyTypes: the file search call's
// optional keys. The code interpreter and function calls are assignable as they are.
declare const tools: ToolCallsRunStep;
expectNotAssignable<Sdk>(fill(tools));
expectNotAssignable<Sdk4>(fill(tools));
expectAssignable<SdkTools>({} as CodeInterpreterToolCall);
expectAssignable<SdkTools>({} as FunctionToolCall);
expectAssignable<SdkTools4>({} as CodeInterpreterToolCall);
expectAssignable<SdkTools4>({} as FunctionToolCall);
expectNotAssignable<SdkTools>({} as FileSearchToolCall);
expectNotAssignable<SdkTools4>({} as FileSearchToolCall);
type SdkFileSearch = OpenAI.Beta.Threads.Runs.FileSearchToolCall.FileSearch;
expectNotAssignable<SdkFileSearch>({} as FileSearchToolCall['file_search']);
// The cause is `| undefined` alone: without it, the same keys are assignable (test-d/loose/sdk.ts shows
// the whole step assignable once exactOptionalPropertyTypes is off).
expectAssignable<SdkFileSearch>(
  {} as { ranking_options?: FileSearchRankingOptions; results?: Omit<FileSearchResult, 'content'>[] },
);

// The ranker: 7.x knows `auto`, 4.x only `default_2024_08_21`.
type Ranker = OpenAI.Beta.Threads.Runs.FileSearchToolCall.FileSearch.RankingOptions['ranker'];
type Ranker4 = OpenAIv4.Beta.Threads.Runs.FileSearchToolCall.FileSearch.RankingOptions['ranker'];
expectType<FileSearchRanker>({} as Ranker);
expectNotAssignable<Ranker4>({} as FileSearchRanker);
expectAssignable<Ranker4>('default_2024_08_21' as const);

// Usage: ours carries the two 2025 breakdowns as optional keys, which the SDK's type simply lacks.
expectAssignable<Sdk['usage']>({} as RunStepCompletionUsage | null);
expectAssignable<Sdk4['usage']>({} as RunStepCompletionUsage | null);

// --- The SDK's to ours ---

// `type` and `step_details` are independent unions there; a `RunStepObject` ties them together.
expectType<'message_creation' | 'tool_calls'>(sdk.type);
expectNotAssignable<ToolCallsRunStep>({} as Sdk & { type: 'tool_calls' });
// The README's claim: checking `type` narrows nothing else in the SDK's type.
if (sdk.type === 'tool_calls') expectError(sdk.step_details.tool_calls);
if (sdk4.type === 'tool_calls') expectError(sdk4.step_details.tool_calls);

// Every part, and every tool call, is assignable to ours: only the pairing is missing.
expectAssignable<RunStepDetails>(sdk.step_details);
expectAssignable<RunStepDetails>(sdk4.step_details);
expectAssignable<ToolCall>({} as SdkTools);
expectAssignable<ToolCall>({} as SdkTools4);
expectAssignable<RunStepLastError | null>(sdk.last_error);
expectAssignable<RunStepCompletionUsage | null>(sdk.usage);
expectAssignable<Metadata | null | undefined>(sdk.metadata);
// So an SDK step whose two fields are known to agree is one of ours.
expectAssignable<ToolCallsRunStep>(
  {} as Sdk & { type: 'tool_calls'; step_details: OpenAI.Beta.Threads.Runs.ToolCallsStepDetails },
);

// An SDK-typed value checked by the guard gains the narrowing.
if (isRunStepObject(sdk)) {
  expectAssignable<RunStepObject>(sdk);
  expectAssignable<Sdk>(sdk);
  if (sdk.type === 'tool_calls') expectAssignable<ToolCall[]>(sdk.step_details.tool_calls);
}
