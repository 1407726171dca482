/**
 * openai-run-step-guards: wire-accurate types and hand-written runtime guards for OpenAI Assistants
 * run step objects (`object: "thread.run.step"`). No dependencies, no Node built-ins, no `eval`.
 */

export {
  CODE_INTERPRETER_OUTPUT_TYPES,
  FILE_SEARCH_RANKERS,
  FILE_SEARCH_RESULT_CONTENT_TYPES,
  RUN_STEP_ERROR_CODES,
  RUN_STEP_STATUSES,
  RUN_STEP_TYPES,
  RUN_STEP_STREAM_EVENTS,
  TERMINAL_RUN_STEP_STATUSES,
  TERMINAL_RUN_STEP_STREAM_EVENTS,
  TOOL_CALL_TYPES,
  isCodeInterpreterOutputType,
  isFileSearchRanker,
  isFileSearchResultContentType,
  isRunStepErrorCode,
  isRunStepStatus,
  isRunStepStreamEventName,
  isRunStepType,
  isTerminalRunStepStatus,
  isTerminalRunStepStreamEventName,
  isToolCallType,
} from './enums.js';
export type {
  CodeInterpreterOutputType,
  FileSearchRanker,
  FileSearchResultContentType,
  RunStepErrorCode,
  RunStepStatus,
  RunStepStreamEventName,
  RunStepType,
  TerminalRunStepStatus,
  TerminalRunStepStreamEventName,
  ToolCallType,
} from './enums.js';

export type {
  CodeInterpreterImageOutput,
  CodeInterpreterLogsOutput,
  CodeInterpreterOutput,
  CodeInterpreterToolCall,
  FileSearchRankingOptions,
  FileSearchResult,
  FileSearchResultAttributes,
  FileSearchResultContent,
  FileSearchToolCall,
  FunctionToolCall,
  Guard,
  MessageCreationRunStep,
  MessageCreationStepDetails,
  Metadata,
  RunStepBase,
  RunStepCompletionTokensDetails,
  RunStepCompletionUsage,
  RunStepDetails,
  RunStepLastError,
  RunStepObject,
  RunStepOfType,
  RunStepPromptTokenDetails,
  ToolCall,
  ToolCallOfType,
  ToolCallsRunStep,
  ToolCallsStepDetails,
} from './types.js';

export { RunStepObjectSchema, assertRunStepObject, isRunStepObject, validateRunStepObject } from './guards/run-step.js';
export {
  MessageCreationStepDetailsSchema,
  RunStepDetailsSchema,
  ToolCallsStepDetailsSchema,
  assertMessageCreationStepDetails,
  assertRunStepDetails,
  assertToolCallsStepDetails,
  isMessageCreationStepDetails,
  isRunStepDetails,
  isToolCallsStepDetails,
  validateMessageCreationStepDetails,
  validateRunStepDetails,
  validateToolCallsStepDetails,
} from './guards/step-details.js';
export {
  CodeInterpreterImageOutputSchema,
  CodeInterpreterLogsOutputSchema,
  CodeInterpreterOutputSchema,
  CodeInterpreterToolCallSchema,
  FileSearchResultSchema,
  FileSearchToolCallSchema,
  FunctionToolCallSchema,
  ToolCallSchema,
  assertCodeInterpreterImageOutput,
  assertCodeInterpreterLogsOutput,
  assertCodeInterpreterOutput,
  assertCodeInterpreterToolCall,
  assertFileSearchResult,
  assertFileSearchToolCall,
  assertFunctionToolCall,
  assertToolCall,
  isCodeInterpreterImageOutput,
  isCodeInterpreterLogsOutput,
  isCodeInterpreterOutput,
  isCodeInterpreterToolCall,
  isFileSearchResult,
  isFileSearchToolCall,
  isFunctionToolCall,
  isToolCall,
  validateCodeInterpreterImageOutput,
  validateCodeInterpreterLogsOutput,
  validateCodeInterpreterOutput,
  validateCodeInterpreterToolCall,
  validateFileSearchResult,
  validateFileSearchToolCall,
  validateFunctionToolCall,
  validateToolCall,
} from './guards/tool-calls.js';

export type {
  AnyRunStepList,
  AnyRunStepObject,
  HistoricalFunctionToolCall,
  HistoricalMessageCreationRunStep,
  HistoricalRunStepBase,
  HistoricalRunStepDetails,
  HistoricalRunStepObject,
  HistoricalRunStepTrait,
  HistoricalToolCall,
  HistoricalToolCallsRunStep,
  HistoricalToolCallsStepDetails,
  RetrievalToolCall,
  RunStepGeneration,
  RunStepList,
} from './archive/types.js';
export {
  AnyRunStepObjectSchema,
  HistoricalRunStepObjectSchema,
  assertAnyRunStepObject,
  assertHistoricalRunStepObject,
  historicalRunStepTraits,
  isAnyRunStepObject,
  isHistoricalRunStepObject,
  runStepGeneration,
  validateAnyRunStepObject,
  validateHistoricalRunStepObject,
} from './archive/historical.js';
export {
  AnyRunStepListSchema,
  RunStepListSchema,
  assertAnyRunStepList,
  assertRunStepList,
  isAnyRunStepList,
  isRunStepList,
  validateAnyRunStepList,
  validateRunStepList,
} from './archive/list.js';

export { DEFAULT_MAX_ISSUES, RunStepValidationError, formatIssue, formatPath } from './diagnostics/issues.js';
export type {
  Assertion,
  ReceivedValue,
  ValidateOptions,
  ValidationIssue,
  ValidationResult,
  Validator,
  ValueKind,
} from './diagnostics/issues.js';
export type { RunStepSchema, RunStepSchemaProps, StandardSchemaV1 } from './diagnostics/standard-schema.js';

export { getToolCalls, getToolCallsByType, isMessageCreationStep, isToolCallsStep } from './helpers/narrowing.js';
export type { ToolCallOfTypeIn } from './helpers/narrowing.js';
export type { RunStepShape } from './types.js';
export { hasStatus, isInProgressStep, isTerminalStep } from './helpers/status.js';
export { assertNever, matchStatus, matchStepType, matchToolCall } from './helpers/match.js';
export { toSdkRunStep } from './helpers/sdk.js';
export type { SdkCompatibleRunStep } from './helpers/sdk.js';
export type { RunStepStatusHandlers, RunStepTypeHandlers, ToolCallHandlers } from './helpers/match.js';

export type {
  CodeInterpreterImageOutputDelta,
  CodeInterpreterLogsOutputDelta,
  CodeInterpreterOutputDelta,
  CodeInterpreterToolCallDelta,
  FileSearchToolCallDelta,
  FragmentOf,
  FunctionToolCallDelta,
  MessageCreationStepDetailsDelta,
  RunStepDelta,
  RunStepDeltaEvent,
  RunStepDeltaObject,
  RunStepDeltaStepDetails,
  RunStepStreamEvent,
  RunStepStreamEventOf,
  StepDetailsFragment,
  TerminalRunStepStreamEvent,
  ToolCallDelta,
  ToolCallDeltaShape,
  ToolCallFragment,
  ToolCallsStepDetailsDelta,
} from './streaming/types.js';
export { isRunStepDeltaEvent, isTerminalRunStepEvent, matchStreamEvent } from './streaming/events.js';
export type { RunStepStreamEventHandlers } from './streaming/events.js';
export {
  CodeInterpreterImageOutputDeltaSchema,
  CodeInterpreterLogsOutputDeltaSchema,
  CodeInterpreterOutputDeltaSchema,
  CodeInterpreterToolCallDeltaSchema,
  FileSearchToolCallDeltaSchema,
  FunctionToolCallDeltaSchema,
  MessageCreationStepDetailsDeltaSchema,
  RunStepDeltaObjectSchema,
  RunStepDeltaStepDetailsSchema,
  RunStepStreamEventSchema,
  ToolCallDeltaSchema,
  ToolCallsStepDetailsDeltaSchema,
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
  isCodeInterpreterImageOutputDelta,
  isCodeInterpreterLogsOutputDelta,
  isCodeInterpreterOutputDelta,
  isCodeInterpreterToolCallDelta,
  isFileSearchToolCallDelta,
  isFunctionToolCallDelta,
  isMessageCreationStepDetailsDelta,
  isRunStepDeltaObject,
  isRunStepDeltaStepDetails,
  isRunStepStreamEvent,
  isToolCallDelta,
  isToolCallsStepDetailsDelta,
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
} from './streaming/guards.js';
export { applyRunStepDelta, createRunStepAccumulator } from './streaming/accumulate.js';
export type { RunStepAccumulator, RunStepAccumulatorOptions } from './streaming/accumulate.js';
export { MAX_DELTA_INDEX, RunStepStreamError } from './streaming/errors.js';
export type { RunStepStreamErrorCode } from './streaming/errors.js';

// Providers: kinds of tool calls and step details beyond OpenAI's, and the open mode (issue 9).
export type { StepDetailsShape, ToolCallShape, UnknownToolCall, CustomDetailsRunStep } from './types.js';
export { defineStepDetailsKind, defineToolCallKind } from './extension/kinds.js';
export type { KindCheck, KindOptions, StepDetailsKind, ToolCallKind } from './extension/kinds.js';
export { createRunStepGuard } from './extension/run-step-guard.js';
export type {
  ErrorCodeOfMode,
  LastErrorCodeMode,
  RunStepDeltaOfOptions,
  RunStepGuardOptions,
  RunStepGuardSet,
  RunStepOfOptions,
  StepDetailsDeltaOfKind,
  StepDetailsOfKind,
  ToolCallDeltaOf,
  ToolCallDeltaOfKind,
  ToolCallOfKind,
  UnknownToolCallDelta,
  UnknownToolCallMode,
} from './extension/run-step-guard.js';
