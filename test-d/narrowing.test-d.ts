import { expectError, expectType } from 'tsd';
import {
  getToolCalls,
  getToolCallsByType,
  isMessageCreationStep,
  isToolCallsStep,
  type CodeInterpreterToolCall,
  type FileSearchToolCall,
  type FunctionToolCall,
  type MessageCreationRunStep,
  type MessageCreationStepDetails,
  type RunStepObject,
  type ToolCall,
  type ToolCallsRunStep,
  type ToolCallsStepDetails,
} from 'openai-run-step-guards';

declare const step: RunStepObject;

// The step and its step_details narrow together, in both branches.
if (isToolCallsStep(step)) {
  expectType<ToolCallsRunStep>(step);
  expectType<ToolCallsStepDetails>(step.step_details);
} else {
  expectType<MessageCreationRunStep>(step);
  expectType<MessageCreationStepDetails>(step.step_details);
}
if (isMessageCreationStep(step)) expectType<MessageCreationRunStep>(step);
else expectType<ToolCallsRunStep>(step);

// Narrowing keeps what was already known about the step.
declare const completed: RunStepObject & { status: 'completed' };
if (isToolCallsStep(completed)) {
  expectType<'completed'>(completed.status);
  expectType<ToolCallsStepDetails>(completed.step_details);
}

// Helpers return exact element types.
expectType<ToolCall[]>(getToolCalls(step));
expectType<FunctionToolCall[]>(getToolCallsByType(step, 'function'));
expectType<CodeInterpreterToolCall[]>(getToolCallsByType(step, 'code_interpreter'));
expectType<FileSearchToolCall[]>(getToolCallsByType(step, 'file_search'));
expectType<(FunctionToolCall | FileSearchToolCall)[]>(getToolCallsByType(step, {} as 'function' | 'file_search'));
for (const call of getToolCallsByType(step, 'function')) expectType<string>(call.function.name);

// Only real tool call types, and only typed run steps.
expectError(getToolCallsByType(step, 'retrieval'));
expectError(getToolCalls({ type: 'tool_calls' }));
expectError(isToolCallsStep({} as unknown));
