import { expectAssignable, expectNotAssignable, expectType } from 'tsd';
import {
  CODE_INTERPRETER_OUTPUT_TYPES,
  FILE_SEARCH_RANKERS,
  FILE_SEARCH_RESULT_CONTENT_TYPES,
  RUN_STEP_ERROR_CODES,
  RUN_STEP_STATUSES,
  RUN_STEP_TYPES,
  TERMINAL_RUN_STEP_STATUSES,
  TOOL_CALL_TYPES,
  isCodeInterpreterOutputType,
  isFileSearchRanker,
  isFileSearchResultContentType,
  isRunStepErrorCode,
  isRunStepStatus,
  isRunStepType,
  isTerminalRunStepStatus,
  isToolCallType,
  type CodeInterpreterOutputType,
  type FileSearchRanker,
  type FileSearchResultContentType,
  type RunStepErrorCode,
  type RunStepStatus,
  type RunStepType,
  type TerminalRunStepStatus,
  type ToolCallType,
} from 'openai-run-step-guards';

// The const arrays are readonly tuples of exactly the API's values.
expectType<readonly ['in_progress', 'cancelled', 'failed', 'completed', 'expired']>(RUN_STEP_STATUSES);
expectType<readonly ['cancelled', 'failed', 'completed', 'expired']>(TERMINAL_RUN_STEP_STATUSES);
expectType<readonly ['message_creation', 'tool_calls']>(RUN_STEP_TYPES);
expectType<readonly ['code_interpreter', 'file_search', 'function']>(TOOL_CALL_TYPES);
expectType<readonly ['logs', 'image']>(CODE_INTERPRETER_OUTPUT_TYPES);
expectType<readonly ['server_error', 'rate_limit_exceeded']>(RUN_STEP_ERROR_CODES);
expectType<readonly ['auto', 'default_2024_08_21']>(FILE_SEARCH_RANKERS);
expectType<readonly ['text']>(FILE_SEARCH_RESULT_CONTENT_TYPES);

// The union types are the arrays' members.
expectType<'in_progress' | 'cancelled' | 'failed' | 'completed' | 'expired'>({} as RunStepStatus);
expectType<'cancelled' | 'failed' | 'completed' | 'expired'>({} as TerminalRunStepStatus);
expectType<'message_creation' | 'tool_calls'>({} as RunStepType);
expectType<'code_interpreter' | 'file_search' | 'function'>({} as ToolCallType);
expectType<'logs' | 'image'>({} as CodeInterpreterOutputType);
expectType<'server_error' | 'rate_limit_exceeded'>({} as RunStepErrorCode);
expectType<'auto' | 'default_2024_08_21'>({} as FileSearchRanker);
expectType<'text'>({} as FileSearchResultContentType);
expectAssignable<RunStepStatus>({} as TerminalRunStepStatus);
expectNotAssignable<TerminalRunStepStatus>('in_progress' as const);

// Readonly: the arrays cannot be changed through their types.
// @ts-expect-error push does not exist on a readonly tuple
RUN_STEP_STATUSES.push('paused');

declare const value: unknown;
declare const text: string;

// Each guard narrows unknown to its union, and leaves the false branch as it was.
if (isRunStepStatus(value)) expectType<RunStepStatus>(value);
else expectType<unknown>(value);
if (isTerminalRunStepStatus(value)) expectType<TerminalRunStepStatus>(value);
if (isRunStepType(value)) expectType<RunStepType>(value);
if (isToolCallType(value)) expectType<ToolCallType>(value);
if (isCodeInterpreterOutputType(value)) expectType<CodeInterpreterOutputType>(value);
if (isRunStepErrorCode(value)) expectType<RunStepErrorCode>(value);
if (isFileSearchRanker(value)) expectType<FileSearchRanker>(value);
if (isFileSearchResultContentType(value)) expectType<FileSearchResultContentType>(value);

// On a string, the false branch is still a string, not never.
if (isRunStepStatus(text)) expectType<RunStepStatus>(text);
else expectType<string>(text);

// On a status, the terminal check leaves in_progress in the false branch.
declare const status: RunStepStatus;
if (isTerminalRunStepStatus(status)) expectType<TerminalRunStepStatus>(status);
else expectType<'in_progress'>(status);
