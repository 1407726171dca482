// A consumer's code, as a user of the package writes it: it imports every export and uses each (the
// consumer's tsconfig has noUnusedLocals). It is only compiled, never run:
//   - by `npm test` (scripts/check-consumer.mjs) with the project's TypeScript, under moduleResolution
//     bundler and nodenext, after checking that it imports every export of the package;
//   - by `npm run test:runtimes` with every TypeScript version the README promises, against the packed
//     tarball installed in a throwaway project, as ESM and (for nodenext) as CommonJS too.
// Each `@ts-expect-error` is a mistake the types must reject, on every version.
import {
  CODE_INTERPRETER_OUTPUT_TYPES,
  FILE_SEARCH_RANKERS,
  FILE_SEARCH_RESULT_CONTENT_TYPES,
  RUN_STEP_ERROR_CODES,
  RUN_STEP_STATUSES,
  RUN_STEP_TYPES,
  TERMINAL_RUN_STEP_STATUSES,
  TOOL_CALL_TYPES,
  assertNever,
  getToolCalls,
  getToolCallsByType,
  hasStatus,
  isCodeInterpreterImageOutput,
  isCodeInterpreterLogsOutput,
  isCodeInterpreterOutput,
  isCodeInterpreterOutputType,
  isCodeInterpreterToolCall,
  isFileSearchRanker,
  isFileSearchResult,
  isFileSearchResultContentType,
  isFileSearchToolCall,
  isFunctionToolCall,
  isInProgressStep,
  isMessageCreationStep,
  isMessageCreationStepDetails,
  isRunStepDetails,
  isRunStepErrorCode,
  isRunStepObject,
  isRunStepStatus,
  isRunStepType,
  isTerminalRunStepStatus,
  isTerminalStep,
  isToolCall,
  isToolCallType,
  isToolCallsStep,
  isToolCallsStepDetails,
  matchStatus,
  matchStepType,
  matchToolCall,
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
  type Guard,
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
  type RunStepShape,
  type RunStepStatus,
  type RunStepStatusHandlers,
  type RunStepType,
  type RunStepTypeHandlers,
  type TerminalRunStepStatus,
  type ToolCall,
  type ToolCallHandlers,
  type ToolCallOfType,
  type ToolCallOfTypeIn,
  type ToolCallType,
  type ToolCallsRunStep,
  type ToolCallsStepDetails,
} from 'openai-run-step-guards';
import {
  DEFAULT_MAX_ISSUES,
  RunStepValidationError,
  CodeInterpreterImageOutputSchema,
  CodeInterpreterLogsOutputSchema,
  CodeInterpreterOutputSchema,
  CodeInterpreterToolCallSchema,
  FileSearchResultSchema,
  FileSearchToolCallSchema,
  FunctionToolCallSchema,
  MessageCreationStepDetailsSchema,
  RunStepDetailsSchema,
  RunStepObjectSchema,
  ToolCallSchema,
  ToolCallsStepDetailsSchema,
  assertCodeInterpreterImageOutput,
  assertCodeInterpreterLogsOutput,
  assertCodeInterpreterOutput,
  assertCodeInterpreterToolCall,
  assertFileSearchResult,
  assertFileSearchToolCall,
  assertFunctionToolCall,
  assertMessageCreationStepDetails,
  assertRunStepDetails,
  assertRunStepObject,
  assertToolCall,
  assertToolCallsStepDetails,
  validateCodeInterpreterImageOutput,
  validateCodeInterpreterLogsOutput,
  validateCodeInterpreterOutput,
  validateCodeInterpreterToolCall,
  validateFileSearchResult,
  validateFileSearchToolCall,
  validateFunctionToolCall,
  validateMessageCreationStepDetails,
  validateRunStepDetails,
  validateRunStepObject,
  validateToolCall,
  validateToolCallsStepDetails,
  formatIssue,
  formatPath,
  toSdkRunStep,
  type Assertion,
  type SdkCompatibleRunStep,
  type ReceivedValue,
  type RunStepSchema,
  type RunStepSchemaProps,
  type StandardSchemaV1,
  type ValidateOptions,
  type ValidationIssue,
  type ValidationResult,
  type Validator,
  type ValueKind,
} from 'openai-run-step-guards';

import {
  CodeInterpreterImageOutputDeltaSchema,
  CodeInterpreterLogsOutputDeltaSchema,
  CodeInterpreterOutputDeltaSchema,
  CodeInterpreterToolCallDeltaSchema,
  FileSearchToolCallDeltaSchema,
  FunctionToolCallDeltaSchema,
  MAX_DELTA_INDEX,
  MessageCreationStepDetailsDeltaSchema,
  RUN_STEP_STREAM_EVENTS,
  RunStepDeltaObjectSchema,
  RunStepDeltaStepDetailsSchema,
  RunStepStreamError,
  RunStepStreamEventSchema,
  TERMINAL_RUN_STEP_STREAM_EVENTS,
  ToolCallDeltaSchema,
  ToolCallsStepDetailsDeltaSchema,
  applyRunStepDelta,
  assertCodeInterpreterImageOutputDelta,
  assertCodeInterpreterLogsOutputDelta,
  assertCodeInterpreterOutputDelta,
  assertCodeInterpreterToolCallDelta,
  assertFileSearchToolCallDelta,
  assertFunctionToolCallDelta,
  assertMessageCreationStepDetailsDelta,
  assertRunStepDeltaObject,
  assertRunStepDeltaStepDetails,
  assertRunStepStreamEvent,
  assertToolCallDelta,
  assertToolCallsStepDetailsDelta,
  createRunStepAccumulator,
  isCodeInterpreterImageOutputDelta,
  isCodeInterpreterLogsOutputDelta,
  isCodeInterpreterOutputDelta,
  isCodeInterpreterToolCallDelta,
  isFileSearchToolCallDelta,
  isFunctionToolCallDelta,
  isMessageCreationStepDetailsDelta,
  isRunStepDeltaEvent,
  isRunStepDeltaObject,
  isRunStepDeltaStepDetails,
  isRunStepStreamEvent,
  isRunStepStreamEventName,
  isTerminalRunStepEvent,
  isTerminalRunStepStreamEventName,
  isToolCallDelta,
  isToolCallsStepDetailsDelta,
  matchStreamEvent,
  validateCodeInterpreterImageOutputDelta,
  validateCodeInterpreterLogsOutputDelta,
  validateCodeInterpreterOutputDelta,
  validateCodeInterpreterToolCallDelta,
  validateFileSearchToolCallDelta,
  validateFunctionToolCallDelta,
  validateMessageCreationStepDetailsDelta,
  validateRunStepDeltaObject,
  validateRunStepDeltaStepDetails,
  validateRunStepStreamEvent,
  validateToolCallDelta,
  validateToolCallsStepDetailsDelta,
  type CodeInterpreterImageOutputDelta,
  type CodeInterpreterLogsOutputDelta,
  type CodeInterpreterOutputDelta,
  type CodeInterpreterToolCallDelta,
  type FileSearchToolCallDelta,
  type FunctionToolCallDelta,
  type MessageCreationStepDetailsDelta,
  type RunStepAccumulator,
  type RunStepDelta,
  type RunStepDeltaEvent,
  type RunStepDeltaObject,
  type RunStepDeltaStepDetails,
  type RunStepStreamErrorCode,
  type RunStepStreamEvent,
  type RunStepStreamEventHandlers,
  type RunStepStreamEventName,
  type RunStepStreamEventOf,
  type TerminalRunStepStreamEvent,
  type TerminalRunStepStreamEventName,
  type ToolCallDelta,
  type ToolCallsStepDetailsDelta,
} from 'openai-run-step-guards';

import {
  AnyRunStepListSchema,
  AnyRunStepObjectSchema,
  HistoricalRunStepObjectSchema,
  RunStepListSchema,
  assertAnyRunStepList,
  assertAnyRunStepObject,
  assertHistoricalRunStepObject,
  assertRunStepList,
  historicalRunStepTraits,
  isAnyRunStepList,
  isAnyRunStepObject,
  isHistoricalRunStepObject,
  isRunStepList,
  runStepGeneration,
  validateAnyRunStepList,
  validateAnyRunStepObject,
  validateHistoricalRunStepObject,
  validateRunStepList,
  type AnyRunStepList,
  type AnyRunStepObject,
  type HistoricalFunctionToolCall,
  type HistoricalMessageCreationRunStep,
  type HistoricalRunStepBase,
  type HistoricalRunStepDetails,
  type HistoricalRunStepObject,
  type HistoricalRunStepTrait,
  type HistoricalToolCall,
  type HistoricalToolCallsRunStep,
  type HistoricalToolCallsStepDetails,
  type RetrievalToolCall,
  type RunStepGeneration,
  type RunStepList,
} from 'openai-run-step-guards';

/** True when A and B are the same type (not merely assignable to each other). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when A and B are the same type: `same<A, B>(true)`. */
const same = <A, B>(check: Equal<A, B>): Equal<A, B> => check;

// Guards: unknown in, the exact type out, on the true branch only.
export function describeValue(value: unknown): string {
  if (isRunStepObject(value)) {
    same<typeof value, RunStepObject>(true);
    // @ts-expect-error step_details may be message_creation details: narrow on `type` first
    value.step_details.tool_calls;
    return describeStep(value);
  }
  if (isRunStepDetails(value)) return `step_details of type ${value.type}`;
  if (isToolCall(value)) return `a ${value.type} tool call`;
  if (isCodeInterpreterOutput(value)) return `a ${value.type} output`;
  if (isFileSearchResult(value)) return `a result from ${value.file_name}, score ${value.score}`;
  same<typeof value, unknown>(true);
  return 'something else';
}

// Narrowing on `type` narrows `step_details` too; the switch on `status` is exhaustive.
export function describeStep(step: RunStepObject): string {
  switch (step.status) {
    case 'in_progress':
    case 'cancelled':
    case 'failed':
    case 'completed':
    case 'expired':
      break;
    default:
      assertNever(step.status);
  }
  if (step.type === 'tool_calls') {
    same<typeof step, ToolCallsRunStep>(true);
    same<typeof step.step_details, ToolCallsStepDetails>(true);
    return step.step_details.tool_calls.map(describeToolCall).join('; ');
  }
  same<typeof step, MessageCreationRunStep>(true);
  const details: MessageCreationStepDetails = step.step_details;
  return `created message ${details.message_creation.message_id}`;
}

// An exhaustive switch over tool calls and their outputs: a kind without a case would not compile.
export function describeToolCall(call: ToolCall): string {
  switch (call.type) {
    case 'code_interpreter': {
      const code: CodeInterpreterToolCall = call;
      return code.code_interpreter.outputs.map(describeOutput).join(', ');
    }
    case 'file_search': {
      const search: FileSearchToolCall = call;
      const ranking: FileSearchRankingOptions | undefined = search.file_search.ranking_options;
      const results: FileSearchResult[] = search.file_search.results ?? [];
      const content: FileSearchResultContent[] = results[0]?.content ?? [];
      const attributes: FileSearchResultAttributes | null | undefined = results[0]?.attributes;
      const ranker: FileSearchRanker | undefined = ranking?.ranker;
      const contentType: FileSearchResultContentType | undefined = content[0]?.type;
      return `${results.length} results, ranker ${ranker}, ${contentType}, ${Object.keys(attributes ?? {})}`;
    }
    case 'function': {
      const fn: FunctionToolCall = call;
      // @ts-expect-error output is string | null: null until the tool's output was submitted
      const output: string = fn.function.output;
      return `${fn.function.name} -> ${output}`;
    }
    default:
      return assertNever(call);
  }
}

function describeOutput(output: CodeInterpreterOutput): string {
  switch (output.type) {
    case 'logs': {
      const logs: CodeInterpreterLogsOutput = output;
      return logs.logs;
    }
    case 'image': {
      const image: CodeInterpreterImageOutput = output;
      return image.image.file_id;
    }
    default:
      return assertNever(output);
  }
}

export function logsOnly(output: CodeInterpreterOutput): string {
  switch (output.type) {
    case 'logs':
      return output.logs;
    default:
      // @ts-expect-error the 'image' case is missing, so `output` is not `never` here
      return assertNever(output);
  }
}

// The deep guards of the parts, one by one; each narrows a value met on its own.
export function parts(value: unknown): string[] {
  const found: string[] = [];
  if (isMessageCreationStepDetails(value)) found.push(value.message_creation.message_id);
  if (isToolCallsStepDetails(value)) found.push(`${value.tool_calls.length} calls`);
  if (isCodeInterpreterToolCall(value)) found.push(value.code_interpreter.input);
  if (isFileSearchToolCall(value)) found.push(value.id);
  if (isFunctionToolCall(value)) found.push(value.function.arguments);
  if (isCodeInterpreterLogsOutput(value)) found.push(value.logs);
  if (isCodeInterpreterImageOutput(value)) found.push(value.image.file_id);
  const guards: Guard<RunStepDetails>[] = [isRunStepDetails, isMessageCreationStepDetails, isToolCallsStepDetails];
  // @ts-expect-error a guard of tool calls is not a guard of step details
  guards.push(isToolCall);
  return found;
}

// Enums: readonly tuples, their unions, and guards for a lone value.
export function enums(value: unknown): string[] {
  const all: readonly string[][] = [
    [...RUN_STEP_STATUSES],
    [...TERMINAL_RUN_STEP_STATUSES],
    [...RUN_STEP_TYPES],
    [...TOOL_CALL_TYPES],
    [...CODE_INTERPRETER_OUTPUT_TYPES],
    [...RUN_STEP_ERROR_CODES],
    [...FILE_SEARCH_RANKERS],
    [...FILE_SEARCH_RESULT_CONTENT_TYPES],
  ];
  same<RunStepStatus, (typeof RUN_STEP_STATUSES)[number]>(true);
  same<TerminalRunStepStatus, 'cancelled' | 'failed' | 'completed' | 'expired'>(true);
  same<RunStepType, 'message_creation' | 'tool_calls'>(true);
  same<ToolCallType, 'code_interpreter' | 'file_search' | 'function'>(true);
  same<CodeInterpreterOutputType, 'logs' | 'image'>(true);
  same<RunStepErrorCode, 'server_error' | 'rate_limit_exceeded'>(true);
  // @ts-expect-error the arrays are readonly
  RUN_STEP_STATUSES.push('paused');
  const kinds: string[] = [];
  if (isRunStepStatus(value)) kinds.push(value);
  if (isTerminalRunStepStatus(value)) kinds.push(value);
  if (isRunStepType(value)) kinds.push(value);
  if (isToolCallType(value)) kinds.push(value);
  if (isCodeInterpreterOutputType(value)) kinds.push(value);
  if (isRunStepErrorCode(value)) kinds.push(value);
  if (isFileSearchRanker(value)) kinds.push(value);
  if (isFileSearchResultContentType(value)) kinds.push(value);
  return [...kinds, ...all.map((values) => values.join(','))];
}

// Narrowing helpers, for steps already checked.
export function helpers(step: RunStepObject): string {
  const calls: ToolCall[] = getToolCalls(step);
  const functions = getToolCallsByType(step, 'function');
  same<typeof functions, FunctionToolCall[]>(true);
  same<ToolCallOfType<'file_search'>, FileSearchToolCall>(true);
  same<RunStepOfType<'tool_calls'>, ToolCallsRunStep>(true);
  // Any flavour's step fits the helpers' shape; the calls of one type come from the step's own union.
  const shaped: RunStepShape = step;
  same<ToolCallOfTypeIn<ToolCall, 'function'>, FunctionToolCall>(true);
  // @ts-expect-error 'retrieval' was an Assistants v1 tool, not a tool call type
  getToolCallsByType(step, 'retrieval');
  if (isToolCallsStep(step)) same<typeof step.step_details, ToolCallsStepDetails>(true);
  if (isMessageCreationStep(step)) same<typeof step.step_details, MessageCreationStepDetails>(true);
  if (hasStatus(step, 'failed')) {
    const error: RunStepLastError | null = step.last_error;
    same<typeof step.status, 'failed'>(true);
    return `failed: ${error?.code}`;
  }
  const statuses = 'failed' as 'failed' | 'cancelled';
  // @ts-expect-error hasStatus takes one status literal, not a union
  hasStatus(step, statuses);
  if (isTerminalStep(step)) same<typeof step.status, TerminalRunStepStatus>(true);
  if (isInProgressStep(step)) same<typeof step.status, 'in_progress'>(true);
  return `${shaped.type}: ${calls.length} calls, ${functions.length} to functions`;
}

// The fields every step shares, with the breakdowns of token usage sent since 2025.
export function base(step: RunStepBase): number {
  const usage: RunStepCompletionUsage | null = step.usage;
  const prompt: RunStepPromptTokenDetails | undefined = usage?.prompt_token_details;
  const completion: RunStepCompletionTokensDetails | undefined = usage?.completion_tokens_details;
  const metadata: Metadata | null | undefined = step.metadata;
  // @ts-expect-error metadata values are strings
  const count: number | undefined = metadata?.['count'];
  return (prompt?.cached_tokens ?? 0) + (completion?.reasoning_tokens ?? 0) + (count ?? 0);
}

// Exhaustive matching: every handler gets its case narrowed; a missing handler does not compile.
const statusHandlers: RunStepStatusHandlers = {
  in_progress: (step) => `running since ${step.created_at}`,
  completed: (step) => `done at ${step.completed_at}`,
  failed: (step) => `failed: ${step.last_error?.message}`,
  cancelled: () => 'cancelled',
  expired: () => 'expired',
};
const typeHandlers: RunStepTypeHandlers = {
  message_creation: (step) => step.step_details.message_creation.message_id,
  tool_calls: (step) => step.step_details.tool_calls.length,
};
const toolCallHandlers: ToolCallHandlers = {
  code_interpreter: (call) => call.code_interpreter.input,
  file_search: (call) => call.file_search.results?.length ?? 0,
  function: (call) => call.function.name,
};

export function match(step: RunStepObject): string {
  const status = matchStatus(step, statusHandlers);
  const type = matchStepType(step, typeHandlers);
  const kinds = getToolCalls(step).map((call) => matchToolCall(call, toolCallHandlers));
  const typed: 'yes' | 'no' = matchStatus(step, {
    in_progress: () => 'no' as const,
    completed: () => 'yes' as const,
    failed: () => 'no' as const,
    cancelled: () => 'no' as const,
    expired: () => 'no' as const,
  });
  // @ts-expect-error the handler for 'expired' is missing
  matchStatus(step, { in_progress: () => 1, completed: () => 1, failed: () => 1, cancelled: () => 1 });
  return `${String(status)} ${String(type)} ${kinds.join(',')} ${typed}`;
}

// Diagnostics: a validator's result narrows on `success`; an assertion narrows its argument; every
// schema is a Standard Schema v1 whose `validate` answers synchronously.
export function diagnose(value: unknown, options?: ValidateOptions): string[] {
  const result: ValidationResult<RunStepObject> = validateRunStepObject(
    value,
    options ?? { maxIssues: DEFAULT_MAX_ISSUES },
  );
  if (result.success) {
    same<typeof result.value, RunStepObject>(true);
    // @ts-expect-error a success has no issues
    result.issues;
    return [];
  }
  const issues: readonly ValidationIssue[] = result.issues;
  return issues.map((issue) => {
    const received: ReceivedValue = issue.received;
    const kind: ValueKind = received.kind;
    return `${formatPath(issue.path)} (${kind}): ${formatIssue(issue)}`;
  });
}

export function insist(value: unknown): string {
  try {
    assertRunStepObject(value);
    same<typeof value, RunStepObject>(true);
    return value.id;
  } catch (error) {
    if (error instanceof RunStepValidationError) return `${error.expected}: ${error.issues.length} issues`;
    throw error;
  }
}

const validators: readonly [Validator<unknown>, Assertion<never>, RunStepSchema<unknown>][] = [
  [validateRunStepObject, assertRunStepObject, RunStepObjectSchema],
  [validateRunStepDetails, assertRunStepDetails, RunStepDetailsSchema],
  [validateMessageCreationStepDetails, assertMessageCreationStepDetails, MessageCreationStepDetailsSchema],
  [validateToolCallsStepDetails, assertToolCallsStepDetails, ToolCallsStepDetailsSchema],
  [validateToolCall, assertToolCall, ToolCallSchema],
  [validateCodeInterpreterToolCall, assertCodeInterpreterToolCall, CodeInterpreterToolCallSchema],
  [validateFileSearchToolCall, assertFileSearchToolCall, FileSearchToolCallSchema],
  [validateFunctionToolCall, assertFunctionToolCall, FunctionToolCallSchema],
  [validateCodeInterpreterOutput, assertCodeInterpreterOutput, CodeInterpreterOutputSchema],
  [validateCodeInterpreterLogsOutput, assertCodeInterpreterLogsOutput, CodeInterpreterLogsOutputSchema],
  [validateCodeInterpreterImageOutput, assertCodeInterpreterImageOutput, CodeInterpreterImageOutputSchema],
  [validateFileSearchResult, assertFileSearchResult, FileSearchResultSchema],
];

export function standard(value: unknown): number {
  const props: RunStepSchemaProps<RunStepObject> = RunStepObjectSchema['~standard'];
  const result = props.validate(value);
  if (result.issues === undefined) same<typeof result.value, RunStepObject>(true);
  type Output = StandardSchemaV1.InferOutput<typeof RunStepObjectSchema>;
  same<Output, RunStepObject>(true);
  // @ts-expect-error a run step schema is not a tool call schema
  const wrong: StandardSchemaV1<unknown, ToolCall> = RunStepObjectSchema;
  return validators.length + (wrong === undefined ? 0 : 1);
}

// Handing a checked step to code typed with the official SDK: the two keys it requires are filled in.
export function forSdk(step: RunStepObject): number | null {
  const copy: SdkCompatibleRunStep = toSdkRunStep(step);
  return copy.expired_at;
}

// Streaming: events narrowed by name, deltas typed chunk by chunk, steps rebuilt and checked.
const deltaChecks: readonly [Validator<unknown>, Assertion<never>, RunStepSchema<unknown>][] = [
  [validateRunStepStreamEvent, assertRunStepStreamEvent, RunStepStreamEventSchema],
  [validateRunStepDeltaObject, assertRunStepDeltaObject, RunStepDeltaObjectSchema],
  [validateRunStepDeltaStepDetails, assertRunStepDeltaStepDetails, RunStepDeltaStepDetailsSchema],
  [
    validateMessageCreationStepDetailsDelta,
    assertMessageCreationStepDetailsDelta,
    MessageCreationStepDetailsDeltaSchema,
  ],
  [validateToolCallsStepDetailsDelta, assertToolCallsStepDetailsDelta, ToolCallsStepDetailsDeltaSchema],
  [validateToolCallDelta, assertToolCallDelta, ToolCallDeltaSchema],
  [validateCodeInterpreterToolCallDelta, assertCodeInterpreterToolCallDelta, CodeInterpreterToolCallDeltaSchema],
  [validateFileSearchToolCallDelta, assertFileSearchToolCallDelta, FileSearchToolCallDeltaSchema],
  [validateFunctionToolCallDelta, assertFunctionToolCallDelta, FunctionToolCallDeltaSchema],
  [validateCodeInterpreterOutputDelta, assertCodeInterpreterOutputDelta, CodeInterpreterOutputDeltaSchema],
  [validateCodeInterpreterLogsOutputDelta, assertCodeInterpreterLogsOutputDelta, CodeInterpreterLogsOutputDeltaSchema],
  [
    validateCodeInterpreterImageOutputDelta,
    assertCodeInterpreterImageOutputDelta,
    CodeInterpreterImageOutputDeltaSchema,
  ],
];

/** What a chunk of a tool call adds, by kind. */
function describeChunk(chunk: ToolCallDelta): string {
  switch (chunk.type) {
    case 'code_interpreter': {
      same<typeof chunk, CodeInterpreterToolCallDelta>(true);
      const outputs: CodeInterpreterOutputDelta[] = chunk.code_interpreter?.outputs ?? [];
      return (
        outputs
          .map((output) => {
            if (output.type === 'logs') {
              same<typeof output, CodeInterpreterLogsOutputDelta>(true);
              return output.logs ?? '';
            }
            same<typeof output, CodeInterpreterImageOutputDelta>(true);
            return output.image?.file_id ?? '';
          })
          .join('') + (chunk.code_interpreter?.input ?? '')
      );
    }
    case 'file_search': {
      same<typeof chunk, FileSearchToolCallDelta>(true);
      return `${chunk.file_search.results?.length ?? 0} results`;
    }
    case 'function': {
      same<typeof chunk, FunctionToolCallDelta>(true);
      // @ts-expect-error a chunk may carry no function body at all
      chunk.function.arguments;
      return chunk.function?.arguments ?? '';
    }
    default:
      return assertNever(chunk);
  }
}

export function follow(events: readonly unknown[]): string[] {
  const steps: RunStepAccumulator = createRunStepAccumulator();
  const lines: string[] = [];
  const handlers: RunStepStreamEventHandlers = {
    'thread.run.step.created': (event) => event.data.id,
    'thread.run.step.in_progress': (event) => event.data.status,
    'thread.run.step.delta': (event) => {
      same<typeof event, RunStepDeltaEvent>(true);
      const delta: RunStepDelta = event.data.delta;
      const details: RunStepDeltaStepDetails | undefined = delta.step_details;
      if (details?.type === 'message_creation') {
        same<typeof details, MessageCreationStepDetailsDelta>(true);
        return details.message_creation?.message_id;
      }
      const calls: ToolCallsStepDetailsDelta | undefined = details;
      return (calls?.tool_calls ?? []).map(describeChunk).join('');
    },
    'thread.run.step.completed': (event) => event.data.usage?.total_tokens,
    'thread.run.step.failed': (event) => event.data.last_error?.code,
    'thread.run.step.cancelled': (event) => event.data.cancelled_at,
    'thread.run.step.expired': (event) => event.data.expires_at,
  };
  for (const value of events) {
    if (!isRunStepStreamEvent(value)) continue;
    const event: RunStepStreamEvent = value;
    const name: RunStepStreamEventName = event.event;
    const step: RunStepObject = steps.push(event);
    lines.push(`${name}: ${String(matchStreamEvent(event, handlers))} (${step.status})`);
    if (isRunStepDeltaEvent(event)) {
      const data: RunStepDeltaObject = event.data;
      const again: RunStepObject = applyRunStepDelta(step, { ...data, delta: {} });
      lines.push(again.id);
    } else if (isTerminalRunStepEvent(event)) {
      const ended: TerminalRunStepStreamEvent = event;
      const terminal: TerminalRunStepStreamEventName = ended.event;
      same<typeof ended.data, RunStepObject>(true);
      lines.push(terminal);
    } else {
      // @ts-expect-error after the two narrowings, no delta is left
      const left: RunStepStreamEventOf<'thread.run.step.delta'> = event;
      lines.push(String(left));
    }
  }
  // @ts-expect-error a handler for every event name, or the call does not compile
  matchStreamEvent({} as RunStepStreamEvent, { 'thread.run.step.delta': () => 1 });
  // Anything may be pushed: what is not a run step event gives `undefined`.
  const ignored: RunStepObject | undefined = steps.push('[DONE]');
  lines.push(String(ignored), String(steps.get('step_1')?.id), String(steps.snapshots().length));
  return lines;
}

export function deltaParts(value: unknown): string {
  if (isRunStepDeltaObject(value)) return value.id;
  if (isRunStepDeltaStepDetails(value)) return value.type;
  if (isMessageCreationStepDetailsDelta(value)) return value.type;
  if (isToolCallsStepDetailsDelta(value)) return value.type;
  if (isToolCallDelta(value)) return String(value.index);
  if (isCodeInterpreterToolCallDelta(value)) return value.type;
  if (isFileSearchToolCallDelta(value)) return value.type;
  if (isFunctionToolCallDelta(value)) return value.type;
  if (isCodeInterpreterOutputDelta(value)) return String(value.index);
  if (isCodeInterpreterLogsOutputDelta(value)) return value.type;
  if (isCodeInterpreterImageOutputDelta(value)) return value.type;
  if (isRunStepStreamEventName(value)) return value;
  if (isTerminalRunStepStreamEventName(value)) return value;
  return `${RUN_STEP_STREAM_EVENTS.length} ${TERMINAL_RUN_STEP_STREAM_EVENTS.length} ${deltaChecks.length}`;
}

export function streamError(error: unknown): string {
  if (!(error instanceof RunStepStreamError)) return 'not a stream error';
  const code: RunStepStreamErrorCode = error.code;
  // @ts-expect-error not one of the codes
  const wrong: RunStepStreamErrorCode = 'out_of_range';
  return `${code} ${error.stepId ?? ''} ${error.issues.length} ${MAX_DELTA_INDEX} ${wrong}`;
}

// Archives: a step of any API version, the generation helpers, and list responses.
export function archivedStep(value: unknown): string {
  const traits: HistoricalRunStepTrait[] = historicalRunStepTraits(value);
  const generation: RunStepGeneration | undefined = runStepGeneration(value);
  // The validator whose generation the value looks like.
  const result = traits.some((trait) => trait !== 'empty_file_search')
    ? validateHistoricalRunStepObject(value)
    : validateAnyRunStepObject(value);
  if (!result.success) return `${generation ?? 'neither'}: ${result.issues.length} issue(s)`;
  if (!isHistoricalRunStepObject(value)) return 'unreachable';
  const step: HistoricalRunStepObject = value;
  const base: HistoricalRunStepBase = step;
  if (step.type === 'message_creation') {
    const created: HistoricalMessageCreationRunStep = step;
    return created.step_details.message_creation.message_id;
  }
  const calls: HistoricalToolCallsRunStep = step;
  const details: HistoricalRunStepDetails = calls.step_details;
  const inner: HistoricalToolCallsStepDetails = calls.step_details;
  const names = inner.tool_calls.map((call: HistoricalToolCall): string => {
    switch (call.type) {
      case 'retrieval': {
        const retrieval: RetrievalToolCall = call;
        return retrieval.id;
      }
      case 'function': {
        const old: HistoricalFunctionToolCall = call;
        // @ts-expect-error `output` may be absent on a historical call
        const output: string | null = old.function.output;
        return `${old.function.name} ${output}`;
      }
      case 'code_interpreter':
        return call.code_interpreter.input;
      case 'file_search':
        return call.id;
      default:
        return assertNever(call);
    }
  });
  return `${base.usage?.total_tokens ?? 'no usage'} ${details.type} ${names.join()}`;
}

export function archivedSteps(value: unknown): string[] {
  const current: RunStepObject[] = [];
  if (isRunStepList(value)) {
    const list: RunStepList = value;
    current.push(...list.data);
    return [String(list.first_id), String(list.last_id), String(list.has_more)];
  }
  if (isAnyRunStepList(value)) {
    const list: AnyRunStepList = value;
    const any: AnyRunStepObject[] = list.data;
    // @ts-expect-error a step of an Any list may be historical
    current.push(...list.data);
    return any.map((step) => (isAnyRunStepObject(step) ? step.id : ''));
  }
  const checks = [
    validateRunStepList(value).success,
    validateAnyRunStepList(value).success,
    RunStepListSchema['~standard'].vendor,
    AnyRunStepListSchema['~standard'].vendor,
    HistoricalRunStepObjectSchema['~standard'].vendor,
    AnyRunStepObjectSchema['~standard'].vendor,
  ];
  assertRunStepList(value);
  assertAnyRunStepList(value);
  assertHistoricalRunStepObject(value.data[0]);
  assertAnyRunStepObject(value.data[0]);
  return checks.map(String);
}

// Providers (issue 9): the extension point, the open mode, and the Azure profile's subpath entry.
import {
  createRunStepGuard,
  defineStepDetailsKind,
  defineToolCallKind,
  type CustomDetailsRunStep,
  type ErrorCodeOfMode,
  type KindCheck,
  type LastErrorCodeMode,
  type RunStepGuardOptions,
  type RunStepGuardSet,
  type RunStepOfOptions,
  type StepDetailsKind,
  type StepDetailsOfKind,
  type StepDetailsShape,
  type ToolCallKind,
  type ToolCallOfKind,
  type ToolCallShape,
  type UnknownToolCall,
  type UnknownToolCallMode,
} from 'openai-run-step-guards';
import {
  AZURE_STEP_DETAILS_KINDS,
  AZURE_TOOL_CALL_KINDS,
  AZURE_TOOL_CALL_TYPES,
  AzureRunStepObjectSchema,
  assertAzureRunStepObject,
  isAzureAISearchToolCall,
  isAzureActivitiesStepDetails,
  isAzureBingCustomSearchToolCall,
  isAzureBingGroundingToolCall,
  isAzureBrowserAutomationToolCall,
  isAzureComputerUseToolCall,
  isAzureConnectedAgentToolCall,
  isAzureDeepResearchToolCall,
  isAzureFabricDataAgentToolCall,
  isAzureFunctionToolCall,
  isAzureMcpToolCall,
  isAzureOpenApiToolCall,
  isAzureRunStepObject,
  isAzureSharepointGroundingToolCall,
  isAzureToolCall,
  validateAzureRunStepObject,
  validateAzureToolCall,
  type AzureAISearchToolCall,
  type AzureActivitiesStepDetails,
  type AzureBingCustomSearchToolCall,
  type AzureBingGroundingToolCall,
  type AzureBrowserAutomationStep,
  type AzureBrowserAutomationToolCall,
  type AzureComputerUseToolCall,
  type AzureConnectedAgentToolCall,
  type AzureDeepResearchToolCall,
  type AzureFabricDataAgentToolCall,
  type AzureFunctionCallDetails,
  type AzureFunctionToolCall,
  type AzureMcpListToolsActivity,
  type AzureMcpToolCall,
  type AzureMcpToolDefinition,
  type AzureOnlyToolCall,
  type AzureOpenApiToolCall,
  type AzureRunStepErrorCode,
  type AzureRunStepObject,
  type AzureSafetyCheck,
  type AzureSharepointGroundingToolCall,
  type AzureStringPayload,
  type AzureToolCall,
} from 'openai-run-step-guards/azure';

interface WeatherCall extends ToolCallShape {
  type: 'weather_lookup';
  weather_lookup: { city: string };
}
interface ChecklistDetails extends StepDetailsShape {
  type: 'checklist';
  checklist: string[];
}
const isWeather = (value: unknown): value is WeatherCall => (value as WeatherCall | null)?.type === 'weather_lookup';
const weatherCheck: KindCheck<WeatherCall> = isWeather;
const weatherKind: ToolCallKind<'weather_lookup', WeatherCall> = defineToolCallKind('weather_lookup', weatherCheck);
const checklistKind: StepDetailsKind<'checklist', ChecklistDetails> = defineStepDetailsKind(
  'checklist',
  (value: unknown): value is ChecklistDetails => (value as ChecklistDetails | null)?.type === 'checklist',
);
const unknownMode: UnknownToolCallMode = 'accept';
const codeMode: LastErrorCodeMode = 'any';
const options: RunStepGuardOptions<[typeof weatherKind], [typeof checklistKind], 'accept', 'any'> = {
  toolCalls: [weatherKind],
  stepDetails: [checklistKind],
  unknownToolCalls: unknownMode,
  lastErrorCodes: codeMode,
};
type WeatherStep = RunStepOfOptions<[typeof weatherKind], [typeof checklistKind], 'accept', 'any'>;
const weatherGuards: RunStepGuardSet<
  WeatherStep,
  ToolCall | ToolCallOfKind<typeof weatherKind>,
  ToolCall | WeatherCall | UnknownToolCall
> = createRunStepGuard(options);

export function providers(value: unknown): string[] {
  const lines: string[] = [];
  if (weatherGuards.is(value)) {
    if (value.type === 'checklist') {
      const details: StepDetailsOfKind<typeof checklistKind> = value.step_details;
      const step: CustomDetailsRunStep<ChecklistDetails, ErrorCodeOfMode<'any'>> = value;
      lines.push(details.checklist.join(','), step.id);
    }
    if (value.type === 'tool_calls') {
      for (const call of value.step_details.tool_calls) {
        if (!weatherGuards.isKnownToolCall(call)) {
          lines.push(`unknown ${call.type}`);
          continue;
        }
        switch (call.type) {
          case 'weather_lookup':
            lines.push(call.weather_lookup.city);
            break;
          case 'code_interpreter':
          case 'file_search':
          case 'function':
            lines.push(call.id);
            break;
          default:
            assertNever(call);
        }
      }
    }
  }
  if (isAzureRunStepObject(value)) {
    const step: AzureRunStepObject = value;
    const code: AzureRunStepErrorCode | undefined = step.last_error?.code;
    lines.push(step.type, String(code));
    if (step.type === 'activities') {
      const details: AzureActivitiesStepDetails = step.step_details;
      const activity: AzureMcpListToolsActivity | undefined = details.activities[0];
      const tool: AzureMcpToolDefinition | undefined = activity?.tools['fetch'];
      lines.push(String(tool?.description));
    }
    if (step.type === 'tool_calls') for (const call of step.step_details.tool_calls) lines.push(azureCall(call));
  }
  const validated = validateAzureRunStepObject(value);
  const checkedCall = validateAzureToolCall(value);
  const schemaResult = AzureRunStepObjectSchema['~standard'].validate(value);
  lines.push(String(validated.success), String(checkedCall.success), String('issues' in schemaResult));
  try {
    assertAzureRunStepObject(value);
  } catch {
    lines.push('not an Azure step');
  }
  lines.push(
    String(AZURE_TOOL_CALL_KINDS.length + AZURE_STEP_DETAILS_KINDS.length),
    AZURE_TOOL_CALL_TYPES.join(','),
    String(isAzureActivitiesStepDetails(value)),
  );
  return lines;
}

function azureCall(call: AzureToolCall): string {
  if (
    isAzureToolCall(call) &&
    call.type !== 'code_interpreter' &&
    call.type !== 'file_search' &&
    call.type !== 'function'
  ) {
    const azureOnly: AzureOnlyToolCall = call;
    lines(azureOnly);
  }
  switch (call.type) {
    case 'bing_grounding': {
      const bing: AzureBingGroundingToolCall = call;
      const payload: AzureStringPayload = bing.bing_grounding;
      return String(payload['requesturl']) + String(isAzureBingGroundingToolCall(call));
    }
    case 'bing_custom_search': {
      const custom: AzureBingCustomSearchToolCall = call;
      return custom.id + String(isAzureBingCustomSearchToolCall(call));
    }
    case 'azure_ai_search': {
      const search: AzureAISearchToolCall = call;
      return search.id + String(isAzureAISearchToolCall(call));
    }
    case 'sharepoint_grounding': {
      const sharepoint: AzureSharepointGroundingToolCall = call;
      return sharepoint.id + String(isAzureSharepointGroundingToolCall(call));
    }
    case 'fabric_dataagent': {
      const fabric: AzureFabricDataAgentToolCall = call;
      return fabric.id + String(isAzureFabricDataAgentToolCall(call));
    }
    case 'openapi': {
      const openapi: AzureOpenApiToolCall = call;
      const details: AzureFunctionCallDetails = openapi.function;
      return details.name + String(isAzureOpenApiToolCall(call));
    }
    case 'azure_function': {
      const fn: AzureFunctionToolCall = call;
      return fn.azure_function.name + String(isAzureFunctionToolCall(call));
    }
    case 'deep_research': {
      const research: AzureDeepResearchToolCall = call;
      return String(research.deep_research.output) + String(isAzureDeepResearchToolCall(call));
    }
    case 'connected_agent': {
      const connected: AzureConnectedAgentToolCall = call;
      return String(connected.connected_agent.name) + String(isAzureConnectedAgentToolCall(call));
    }
    case 'mcp': {
      const mcp: AzureMcpToolCall = call;
      return mcp.name + String(isAzureMcpToolCall(call));
    }
    case 'browser_automation': {
      const browser: AzureBrowserAutomationToolCall = call;
      const first: AzureBrowserAutomationStep | undefined = browser.browser_automation.steps[0];
      return String(first?.next_step) + String(isAzureBrowserAutomationToolCall(call));
    }
    case 'computer_use_preview': {
      const computer: AzureComputerUseToolCall = call;
      const check: AzureSafetyCheck | undefined = computer.computer_use_preview.pending_safety_checks?.[0];
      return String(check?.id) + String(isAzureComputerUseToolCall(call));
    }
    default:
      return call.type;
  }
}

function lines(call: AzureOnlyToolCall): void {
  // @ts-expect-error an Azure-only call is no OpenAI tool call
  const openai: ToolCall = call;
  void openai;
}

// openai-run-step-guards/migrate: a stored thread into Conversations items.
import {
  MAX_CALL_ID_LENGTH,
  MAX_ITEMS_PER_CALL,
  MAX_OUTPUT_LENGTH,
  PENDING_OUTPUT,
  batchItems,
  toConversationItems,
  type CheckedRunStep,
  type CheckedToolCall,
  type ConversationItem,
  type ConversionAction,
  type ConversionEntry,
  type ConversionOptions,
  type ConversionReason,
  type ConversionReport,
  type ConversionResult,
  type ConversionTally,
  type FunctionCallItem,
  type FunctionCallOutputItem,
  type InputContentPart,
  type InputFilePart,
  type InputImagePart,
  type InputTextPart,
  type ItemsAnswer,
  type MessageItem,
  type PendingFunctionChoice,
  type ToolCallChoice,
} from 'openai-run-step-guards/migrate';

export function migrate(stored: unknown[]): ConversationItem[][] {
  const choice: ToolCallChoice = 'transcript';
  const pending: PendingFunctionChoice = (call: CheckedToolCall) => `${PENDING_OUTPUT} ${call.id}`;
  const message = (id: string, step: CheckedRunStep): ItemsAnswer => {
    const part: InputContentPart = { type: 'input_text', text: `${id} ${step.id}` } satisfies InputTextPart;
    const image: InputImagePart = { type: 'input_image', detail: 'auto', image_url: 'https://example.com/a.png' };
    const file: InputFilePart = { type: 'input_file', file_id: 'file-a' };
    const item: MessageItem = { type: 'message', role: 'user', content: [part, image, file] };
    return item;
  };
  const options: ConversionOptions = { codeInterpreter: choice, pendingFunction: pending, message };
  const result: ConversionResult = toConversationItems(stored, options);
  const report: ConversionReport = result.report;
  const entries: readonly ConversionEntry[] = report.entries;
  const actions: ConversionAction[] = entries.map((entry) => entry.action);
  const reasons: ConversionReason[] = entries.map((entry) => entry.reason);
  const tally: ConversionTally = report.total;
  const calls = result.items.filter((item): item is FunctionCallItem => item.type === 'function_call');
  const outputs = result.items.filter((item): item is FunctionCallOutputItem => item.type === 'function_call_output');
  if (calls.length !== outputs.length || actions.length !== reasons.length || tally.carried < 0) return [];
  if (calls.some((call) => call.call_id.length > MAX_CALL_ID_LENGTH)) return [];
  if (outputs.some((output) => typeof output.output === 'string' && output.output.length > MAX_OUTPUT_LENGTH))
    return [];
  return batchItems(result.items, MAX_ITEMS_PER_CALL);
}

// Streams of every flavour (issue 16): Azure's stream roots, a user's kinds' chunks, the accumulator's guard.
import {
  createRunStepAccumulator as createAccumulator,
  createRunStepGuard as createGuard,
  defineToolCallKind as defineKind,
  type FragmentOf,
  type KindOptions,
  type RunStepAccumulatorOptions,
  type RunStepDeltaOfOptions,
  type StepDetailsDeltaOfKind,
  type StepDetailsFragment,
  type ToolCallDeltaOf,
  type ToolCallDeltaOfKind,
  type ToolCallDeltaShape,
  type ToolCallFragment,
  type UnknownToolCallDelta,
} from 'openai-run-step-guards';
import {
  AzureRunStepDeltaObjectSchema,
  AzureRunStepStreamEventSchema,
  assertAzureRunStepDeltaObject,
  assertAzureRunStepStreamEvent,
  isAzureRunStepDeltaObject,
  isAzureRunStepObject as isAzureStep,
  isAzureRunStepStreamEvent,
  isAzureToolCallDelta,
  validateAzureRunStepDeltaObject,
  validateAzureRunStepStreamEvent,
  validateAzureToolCallDelta,
  type AzureActivitiesStepDetailsDelta,
  type AzureBingPayload,
  type AzureInputOutputPayload,
  type AzureOnlyToolCallDelta,
  type AzureRunStepDeltaObject,
  type AzureRunStepObject as AzureStep,
  type AzureRunStepStreamEvent,
  type AzureToolCallDelta,
} from 'openai-run-step-guards/azure';

interface NoteCall {
  id: string;
  type: 'note';
  note: { text: string };
}
type NoteChunk = ToolCallFragment<NoteCall>;
const noteOptions: KindOptions<NoteChunk> = {
  delta: (value: unknown): value is NoteChunk => typeof (value as { index?: unknown }).index === 'number',
};
const noteKind = defineKind('note', (value: unknown): value is NoteCall => typeof value === 'object', noteOptions);
const noteGuards = createGuard({ toolCalls: [noteKind], unknownToolCalls: 'accept' });
type NoteDelta = RunStepDeltaOfOptions<readonly [typeof noteKind], readonly [], 'accept'>;

/** Rebuilds an Azure stream, and one with a user's kind; says what each chunk was. */
export function streams(azureEvents: unknown[], noteEvents: unknown[]): string[] {
  const seen: string[] = [];
  const options: RunStepAccumulatorOptions<AzureStep> = { guard: isAzureStep };
  const azure = createAccumulator(options);
  for (const event of azureEvents) {
    if (!isAzureRunStepStreamEvent(event) || !validateAzureRunStepStreamEvent(event).success) continue;
    const typed: AzureRunStepStreamEvent = event;
    assertAzureRunStepStreamEvent(typed);
    AzureRunStepStreamEventSchema['~standard'].validate(typed);
    if (typed.event === 'thread.run.step.delta' && isAzureRunStepDeltaObject(typed.data)) {
      const delta: AzureRunStepDeltaObject = typed.data;
      assertAzureRunStepDeltaObject(validateAzureRunStepDeltaObject(delta).success ? delta : typed.data);
      AzureRunStepDeltaObjectSchema['~standard'].validate(delta);
      const details = delta.delta.step_details;
      if (details?.type === 'activities') {
        const activities: AzureActivitiesStepDetailsDelta = details;
        seen.push(`activities ${activities.activities?.length ?? 0}`);
      } else if (details?.type === 'tool_calls') {
        for (const chunk of details.tool_calls ?? []) {
          const any: AzureToolCallDelta = chunk;
          if (!isAzureToolCallDelta(any) || !validateAzureToolCallDelta(any).success) continue;
          if (any.type !== 'function' && any.type !== 'code_interpreter' && any.type !== 'file_search') {
            const azureOnly: AzureOnlyToolCallDelta = any;
            seen.push(azureOnly.type);
          }
        }
      }
    }
    azure.push(typed);
  }
  for (const step of azure.snapshots()) {
    if (step.type !== 'tool_calls') continue;
    for (const call of step.step_details.tool_calls) {
      if (call.type === 'azure_ai_search') {
        const payload: AzureInputOutputPayload = call.azure_ai_search;
        seen.push(payload.input ?? '');
      } else if (call.type === 'bing_grounding') {
        const payload: AzureBingPayload = call.bing_grounding;
        seen.push(payload.requesturl ?? '');
      }
    }
  }
  const notes = createAccumulator({ guard: noteGuards.is });
  for (const event of noteEvents) {
    if (!noteGuards.isStreamEvent(event)) continue;
    if (event.event === 'thread.run.step.delta' && noteGuards.isDelta(event.data)) {
      const delta: NoteDelta = event.data;
      const details = delta.delta.step_details;
      if (details?.type !== 'tool_calls') continue;
      for (const chunk of details.tool_calls ?? []) {
        const one: ToolCallDeltaOf<NoteDelta> = chunk;
        const shape: ToolCallDeltaShape = one;
        if (one.type === 'note') {
          const note: ToolCallDeltaOfKind<typeof noteKind> = one as NoteChunk;
          const text: FragmentOf<string> | undefined = note.note?.text;
          seen.push(`${shape.index}: ${text ?? ''}`);
        } else if (!noteGuards.isToolCallDelta(one) || one.type === 'function') {
          continue;
        } else {
          const unknown: UnknownToolCallDelta = one as UnknownToolCallDelta;
          seen.push(`unknown ${unknown.type}`);
        }
      }
    }
    notes.push(event);
  }
  return seen;
}

interface Plan {
  type: 'plan';
  plan: { summary: string };
}
/** A details kind's chunk, as derived from its type. */
export function planSummary(chunk: StepDetailsFragment<Plan>, kinded?: StepDetailsDeltaOfKind<never>): string {
  return `${chunk.plan?.summary ?? ''}${kinded === undefined ? '' : '?'}`;
}
