import { expectError, expectType } from 'tsd';
import {
  matchStatus,
  matchStepType,
  matchToolCall,
  type CodeInterpreterToolCall,
  type FileSearchToolCall,
  type FunctionToolCall,
  type MessageCreationRunStep,
  type RunStepObject,
  type RunStepStatusHandlers,
  type RunStepTypeHandlers,
  type ToolCall,
  type ToolCallHandlers,
  type ToolCallsRunStep,
} from 'openai-run-step-guards';

declare const step: RunStepObject;
declare const call: ToolCall;

// Each handler receives the value narrowed to its case; the result is the union of what they return.
const described = matchStatus(step, {
  in_progress: (s) => {
    expectType<'in_progress'>(s.status);
    return 0;
  },
  cancelled: (s) => s.cancelled_at,
  failed: (s) => s.last_error,
  completed: () => 'done' as const,
  expired: () => undefined,
});
expectType<0 | number | null | RunStepObject['last_error'] | 'done' | undefined>(described);

const detail = matchStepType(step, {
  message_creation: (s) => {
    expectType<MessageCreationRunStep>(s);
    return s.step_details.message_creation.message_id;
  },
  tool_calls: (s) => {
    expectType<ToolCallsRunStep>(s);
    return s.step_details.tool_calls.length;
  },
});
expectType<string | number>(detail);

const kind = matchToolCall(call, {
  code_interpreter: (c) => {
    expectType<CodeInterpreterToolCall>(c);
    return c.code_interpreter.input;
  },
  file_search: (c) => {
    expectType<FileSearchToolCall>(c);
    return c.file_search.results ?? [];
  },
  function: (c) => {
    expectType<FunctionToolCall>(c);
    return c.function.output;
  },
});
expectType<string | (FileSearchToolCall['file_search']['results'] & {}) | null>(kind);

// A missing handler does not compile.
expectError(
  matchStatus(step, {
    in_progress: () => 1,
    cancelled: () => 1,
    failed: () => 1,
    completed: () => 1,
  }),
);
expectError(matchStepType(step, { message_creation: () => 1 }));
expectError(matchToolCall(call, { code_interpreter: () => 1, file_search: () => 1 }));

// A handler object may carry other members, such as a class instance with state.
class Labels {
  prefix = 'step ';
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
expectType<string>(matchStatus(step, new Labels()));

// The handler types are exported, for handler objects written once and reused.
const handlers: RunStepTypeHandlers = {
  message_creation: (s) => s.step_details.message_creation.message_id,
  tool_calls: (s) => s.step_details.tool_calls.map((c) => c.id).join(','),
};
expectType<unknown>(matchStepType(step, handlers));
declare const statusHandlers: RunStepStatusHandlers;
expectType<(step: RunStepObject & { status: 'failed' }) => unknown>(statusHandlers.failed);
declare const callHandlers: ToolCallHandlers;
expectType<(call: FunctionToolCall) => unknown>(callHandlers.function);
