import { expectType } from 'tsd';
import {
  isCodeInterpreterImageOutput,
  isCodeInterpreterLogsOutput,
  isCodeInterpreterOutput,
  isCodeInterpreterToolCall,
  isFileSearchResult,
  isFileSearchToolCall,
  isFunctionToolCall,
  isMessageCreationStepDetails,
  isRunStepDetails,
  isRunStepObject,
  isToolCall,
  isToolCallsStepDetails,
  type CodeInterpreterImageOutput,
  type CodeInterpreterLogsOutput,
  type CodeInterpreterOutput,
  type CodeInterpreterToolCall,
  type FileSearchResult,
  type FileSearchToolCall,
  type FunctionToolCall,
  type Guard,
  type MessageCreationStepDetails,
  type RunStepDetails,
  type RunStepObject,
  type ToolCall,
  type ToolCallsStepDetails,
} from 'openai-run-step-guards';

// Every guard is a Guard<T>: (value: unknown) => value is T.
expectType<Guard<RunStepObject>>(isRunStepObject);
expectType<Guard<RunStepDetails>>(isRunStepDetails);
expectType<Guard<MessageCreationStepDetails>>(isMessageCreationStepDetails);
expectType<Guard<ToolCallsStepDetails>>(isToolCallsStepDetails);
expectType<Guard<ToolCall>>(isToolCall);
expectType<Guard<CodeInterpreterToolCall>>(isCodeInterpreterToolCall);
expectType<Guard<FileSearchToolCall>>(isFileSearchToolCall);
expectType<Guard<FunctionToolCall>>(isFunctionToolCall);
expectType<Guard<CodeInterpreterOutput>>(isCodeInterpreterOutput);
expectType<Guard<CodeInterpreterLogsOutput>>(isCodeInterpreterLogsOutput);
expectType<Guard<CodeInterpreterImageOutput>>(isCodeInterpreterImageOutput);
expectType<Guard<FileSearchResult>>(isFileSearchResult);
expectType<(value: unknown) => value is string>({} as Guard<string>);

declare const value: unknown;

// On unknown: the true branch is the checked type, the false branch stays unknown.
if (isRunStepObject(value)) {
  expectType<RunStepObject>(value);
  if (value.type === 'tool_calls') {
    for (const call of value.step_details.tool_calls) {
      if (call.type === 'function') expectType<string | null>(call.function.output);
    }
  }
} else {
  expectType<unknown>(value);
}
if (isRunStepDetails(value)) expectType<RunStepDetails>(value);
if (isMessageCreationStepDetails(value)) expectType<MessageCreationStepDetails>(value);
if (isToolCallsStepDetails(value)) expectType<ToolCallsStepDetails>(value);
if (isToolCall(value)) expectType<ToolCall>(value);
if (isCodeInterpreterToolCall(value)) expectType<CodeInterpreterToolCall>(value);
if (isFileSearchToolCall(value)) expectType<FileSearchToolCall>(value);
if (isFunctionToolCall(value)) expectType<FunctionToolCall>(value);
if (isCodeInterpreterOutput(value)) expectType<CodeInterpreterOutput>(value);
if (isCodeInterpreterLogsOutput(value)) expectType<CodeInterpreterLogsOutput>(value);
if (isCodeInterpreterImageOutput(value)) expectType<CodeInterpreterImageOutput>(value);
if (isFileSearchResult(value)) expectType<FileSearchResult>(value);

// On a wider union: the false branch keeps what the guard did not claim.
declare const row: RunStepObject | string | null;
if (isRunStepObject(row)) expectType<RunStepObject>(row);
else expectType<string | null>(row);

// On a tool call: a kind guard narrows both branches to the right kinds.
declare const call: ToolCall;
if (isFunctionToolCall(call)) expectType<FunctionToolCall>(call);
else expectType<CodeInterpreterToolCall | FileSearchToolCall>(call);

// As a callback: filter narrows the array.
declare const rows: unknown[];
expectType<RunStepObject[]>(rows.filter(isRunStepObject));
expectType<ToolCall[]>(rows.filter(isToolCall));
