import { expectAssignable, expectNotAssignable, expectType } from 'tsd';
import {
  assertNever,
  type CodeInterpreterImageOutput,
  type CodeInterpreterLogsOutput,
  type CodeInterpreterOutput,
  type CodeInterpreterOutputType,
  type CodeInterpreterToolCall,
  type FileSearchRanker,
  type FileSearchRankingOptions,
  type FileSearchResult,
  type FileSearchResultAttributes,
  type FileSearchResultContent,
  type FileSearchResultContentType,
  type FileSearchToolCall,
  type FunctionToolCall,
  type MessageCreationRunStep,
  type MessageCreationStepDetails,
  type Metadata,
  type RunStepBase,
  type RunStepCompletionTokensDetails,
  type RunStepCompletionUsage,
  type RunStepDetails,
  type RunStepErrorCode,
  type RunStepLastError,
  type RunStepObject,
  type RunStepOfType,
  type RunStepPromptTokenDetails,
  type RunStepStatus,
  type RunStepType,
  type ToolCall,
  type ToolCallOfType,
  type ToolCallType,
  type ToolCallsRunStep,
  type ToolCallsStepDetails,
} from 'openai-run-step-guards';

declare const step: RunStepObject;

// Checking `type` narrows `step_details` with it: the gap the official SDK's RunStep leaves open.
if (step.type === 'tool_calls') {
  expectType<ToolCallsRunStep>(step);
  expectType<ToolCallsStepDetails>(step.step_details);
  expectType<ToolCall[]>(step.step_details.tool_calls);
} else {
  expectType<MessageCreationRunStep>(step);
  expectType<MessageCreationStepDetails>(step.step_details);
  expectType<string>(step.step_details.message_creation.message_id);
}
// TypeScript does not narrow a parent through a nested property: narrow by `step.type`, not by
// `step.step_details.type` (which narrows only `step_details`).
if (step.step_details.type === 'message_creation') expectType<RunStepType>(step.type);

// The unions are discriminated exactly by their enums.
expectType<RunStepType>(step.type);
expectType<RunStepType>({} as RunStepDetails['type']);
expectType<ToolCallType>({} as ToolCall['type']);
expectType<CodeInterpreterOutputType>({} as CodeInterpreterOutput['type']);
expectType<RunStepObject>({} as MessageCreationRunStep | ToolCallsRunStep);
expectType<RunStepDetails>({} as MessageCreationStepDetails | ToolCallsStepDetails);
expectType<ToolCall>({} as CodeInterpreterToolCall | FileSearchToolCall | FunctionToolCall);
expectType<CodeInterpreterOutput>({} as CodeInterpreterLogsOutput | CodeInterpreterImageOutput);
expectType<ToolCallsRunStep>({} as RunStepOfType<'tool_calls'>);
expectType<MessageCreationRunStep>({} as RunStepOfType<'message_creation'>);
expectType<FunctionToolCall>({} as ToolCallOfType<'function'>);
expectType<CodeInterpreterToolCall | FileSearchToolCall>({} as ToolCallOfType<'code_interpreter' | 'file_search'>);

// Every tool call kind is handled in an exhaustive switch; a missing case does not compile.
declare const call: ToolCall;
switch (call.type) {
  case 'code_interpreter':
    expectType<CodeInterpreterOutput[]>(call.code_interpreter.outputs);
    break;
  case 'file_search':
    expectType<FileSearchResult[] | undefined>(call.file_search.results);
    expectType<FileSearchRankingOptions | undefined>(call.file_search.ranking_options);
    break;
  case 'function':
    expectType<string | null>(call.function.output);
    break;
  default:
    assertNever(call);
}
switch (call.type) {
  case 'code_interpreter':
  case 'file_search':
    break;
  default:
    // @ts-expect-error the function case is missing, so `call` is not never here
    assertNever(call);
}

declare const output: CodeInterpreterOutput;
if (output.type === 'logs') expectType<string>(output.logs);
else expectType<string>(output.image.file_id);

// Fields: true to the wire. expired_at, expires_at and metadata are optional and nullable.
expectType<number | null | undefined>(step.expired_at);
expectType<number | null | undefined>(step.expires_at);
expectType<Metadata | null | undefined>(step.metadata);
expectType<number | null>(step.completed_at);
expectType<number | null>(step.cancelled_at);
expectType<number | null>(step.failed_at);
expectType<number>(step.created_at);
expectType<RunStepStatus>(step.status);
expectType<RunStepLastError | null>(step.last_error);
expectType<RunStepCompletionUsage | null>(step.usage);
expectType<RunStepErrorCode>({} as RunStepLastError['code']);
expectType<RunStepPromptTokenDetails | undefined>({} as RunStepCompletionUsage['prompt_token_details']);
expectType<RunStepCompletionTokensDetails | undefined>({} as RunStepCompletionUsage['completion_tokens_details']);
expectType<number>({} as RunStepPromptTokenDetails['cached_tokens']);
expectType<number>({} as RunStepCompletionTokensDetails['reasoning_tokens']);
expectType<FileSearchRanker>({} as FileSearchRankingOptions['ranker']);
expectType<FileSearchResultContent[] | undefined>({} as FileSearchResult['content']);
expectType<FileSearchResultAttributes | null | undefined>({} as FileSearchResult['attributes']);
expectType<FileSearchResultContentType | undefined>({} as FileSearchResultContent['type']);
declare const metadata: Metadata;
expectType<string | undefined>(metadata['customer']);
expectAssignable<FileSearchResultAttributes>({ department: 'sales', year: 2025, public: true });
expectNotAssignable<FileSearchResultAttributes>({ nested: {} });

// RunStepBase holds the fields both step types share.
expectAssignable<RunStepBase>(step);
expectNotAssignable<RunStepBase>({ ...step, object: 'thread.run' as const });

// A message creation step cannot carry tool calls details, and the reverse.
expectNotAssignable<RunStepObject>({
  ...({} as MessageCreationRunStep),
  step_details: {} as ToolCallsStepDetails,
});
