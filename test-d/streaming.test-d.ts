import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
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
  type Assertion,
  type CodeInterpreterImageOutputDelta,
  type CodeInterpreterLogsOutputDelta,
  type CodeInterpreterOutputDelta,
  type CodeInterpreterToolCallDelta,
  type FileSearchToolCallDelta,
  type FunctionToolCallDelta,
  type Guard,
  type MessageCreationStepDetailsDelta,
  type RunStepAccumulator,
  type RunStepDelta,
  type RunStepDeltaEvent,
  type RunStepDeltaObject,
  type RunStepDeltaStepDetails,
  type RunStepObject,
  type RunStepSchema,
  type RunStepStreamErrorCode,
  type RunStepStreamEvent,
  type RunStepStreamEventHandlers,
  type RunStepStreamEventName,
  type RunStepStreamEventOf,
  type TerminalRunStepStreamEvent,
  type TerminalRunStepStreamEventName,
  type ToolCallDelta,
  type ToolCallsStepDetailsDelta,
  type ValidationIssue,
  type ValidationResult,
  type Validator,
} from 'openai-run-step-guards';

// ---- the delta types, true to the wire ----------------------------------------------------------------

declare const delta: RunStepDeltaObject;
expectType<'thread.run.step.delta'>(delta.object);
expectType<string>(delta.id);
expectType<RunStepDelta>(delta.delta);
expectType<RunStepDeltaStepDetails | undefined>(delta.delta.step_details);
expectAssignable<RunStepDeltaObject>({ id: 'step_1', object: 'thread.run.step.delta', delta: {} });
expectNotAssignable<RunStepDeltaObject>({ id: 'step_1', object: 'thread.run.step', delta: {} });

const details = delta.delta.step_details;
if (details?.type === 'tool_calls') {
  expectType<ToolCallsStepDetailsDelta>(details);
  for (const chunk of details.tool_calls ?? []) {
    expectType<ToolCallDelta>(chunk);
    expectType<number>(chunk.index);
    expectType<string | undefined>(chunk.id);
    switch (chunk.type) {
      case 'function':
        expectType<FunctionToolCallDelta>(chunk);
        expectType<string | null | undefined>(chunk.function?.output);
        break;
      case 'code_interpreter':
        expectType<CodeInterpreterToolCallDelta>(chunk);
        for (const output of chunk.code_interpreter?.outputs ?? []) {
          expectType<CodeInterpreterOutputDelta>(output);
          expectType<number>(output.index);
          if (output.type === 'logs') expectType<CodeInterpreterLogsOutputDelta>(output);
          else expectType<CodeInterpreterImageOutputDelta>(output);
        }
        break;
      default:
        expectType<FileSearchToolCallDelta>(chunk);
        // Required, unlike the other bodies: the spec says so, and the wire always sends it.
        expectType<'auto' | 'default_2024_08_21' | undefined>(chunk.file_search.ranking_options?.ranker);
    }
  }
} else if (details !== undefined) {
  expectType<MessageCreationStepDetailsDelta>(details);
  expectType<string | undefined>(details.message_creation?.message_id);
}
// Only index and type are required on a chunk.
expectAssignable<ToolCallDelta>({ index: 0, type: 'function' });
expectNotAssignable<ToolCallDelta>({ type: 'function' });
expectNotAssignable<FileSearchToolCallDelta>({ index: 0, type: 'file_search' });

// ---- guards, validators, assertions and schemas ---------------------------------------------------------

expectType<Guard<RunStepStreamEvent>>(isRunStepStreamEvent);
expectType<Guard<RunStepDeltaObject>>(isRunStepDeltaObject);
expectType<Guard<RunStepDeltaStepDetails>>(isRunStepDeltaStepDetails);
expectType<Guard<MessageCreationStepDetailsDelta>>(isMessageCreationStepDetailsDelta);
expectType<Guard<ToolCallsStepDetailsDelta>>(isToolCallsStepDetailsDelta);
expectType<Guard<ToolCallDelta>>(isToolCallDelta);
expectType<Guard<CodeInterpreterToolCallDelta>>(isCodeInterpreterToolCallDelta);
expectType<Guard<FileSearchToolCallDelta>>(isFileSearchToolCallDelta);
expectType<Guard<FunctionToolCallDelta>>(isFunctionToolCallDelta);
expectType<Guard<CodeInterpreterOutputDelta>>(isCodeInterpreterOutputDelta);
expectType<Guard<CodeInterpreterLogsOutputDelta>>(isCodeInterpreterLogsOutputDelta);
expectType<Guard<CodeInterpreterImageOutputDelta>>(isCodeInterpreterImageOutputDelta);

expectType<Validator<RunStepStreamEvent>>(validateRunStepStreamEvent);
expectType<Validator<RunStepDeltaObject>>(validateRunStepDeltaObject);
expectType<Validator<RunStepDeltaStepDetails>>(validateRunStepDeltaStepDetails);
expectType<Validator<MessageCreationStepDetailsDelta>>(validateMessageCreationStepDetailsDelta);
expectType<Validator<ToolCallsStepDetailsDelta>>(validateToolCallsStepDetailsDelta);
expectType<Validator<ToolCallDelta>>(validateToolCallDelta);
expectType<Validator<CodeInterpreterToolCallDelta>>(validateCodeInterpreterToolCallDelta);
expectType<Validator<FileSearchToolCallDelta>>(validateFileSearchToolCallDelta);
expectType<Validator<FunctionToolCallDelta>>(validateFunctionToolCallDelta);
expectType<Validator<CodeInterpreterOutputDelta>>(validateCodeInterpreterOutputDelta);
expectType<Validator<CodeInterpreterLogsOutputDelta>>(validateCodeInterpreterLogsOutputDelta);
expectType<Validator<CodeInterpreterImageOutputDelta>>(validateCodeInterpreterImageOutputDelta);

expectType<Assertion<RunStepStreamEvent>>(assertRunStepStreamEvent);
expectType<Assertion<RunStepDeltaObject>>(assertRunStepDeltaObject);
expectType<Assertion<RunStepDeltaStepDetails>>(assertRunStepDeltaStepDetails);
expectType<Assertion<MessageCreationStepDetailsDelta>>(assertMessageCreationStepDetailsDelta);
expectType<Assertion<ToolCallsStepDetailsDelta>>(assertToolCallsStepDetailsDelta);
expectType<Assertion<ToolCallDelta>>(assertToolCallDelta);
expectType<Assertion<CodeInterpreterToolCallDelta>>(assertCodeInterpreterToolCallDelta);
expectType<Assertion<FileSearchToolCallDelta>>(assertFileSearchToolCallDelta);
expectType<Assertion<FunctionToolCallDelta>>(assertFunctionToolCallDelta);
expectType<Assertion<CodeInterpreterOutputDelta>>(assertCodeInterpreterOutputDelta);
expectType<Assertion<CodeInterpreterLogsOutputDelta>>(assertCodeInterpreterLogsOutputDelta);
expectType<Assertion<CodeInterpreterImageOutputDelta>>(assertCodeInterpreterImageOutputDelta);

expectType<RunStepSchema<RunStepStreamEvent>>(RunStepStreamEventSchema);
expectType<RunStepSchema<RunStepDeltaObject>>(RunStepDeltaObjectSchema);
expectType<RunStepSchema<RunStepDeltaStepDetails>>(RunStepDeltaStepDetailsSchema);
expectType<RunStepSchema<MessageCreationStepDetailsDelta>>(MessageCreationStepDetailsDeltaSchema);
expectType<RunStepSchema<ToolCallsStepDetailsDelta>>(ToolCallsStepDetailsDeltaSchema);
expectType<RunStepSchema<ToolCallDelta>>(ToolCallDeltaSchema);
expectType<RunStepSchema<CodeInterpreterToolCallDelta>>(CodeInterpreterToolCallDeltaSchema);
expectType<RunStepSchema<FileSearchToolCallDelta>>(FileSearchToolCallDeltaSchema);
expectType<RunStepSchema<FunctionToolCallDelta>>(FunctionToolCallDeltaSchema);
expectType<RunStepSchema<CodeInterpreterOutputDelta>>(CodeInterpreterOutputDeltaSchema);
expectType<RunStepSchema<CodeInterpreterLogsOutputDelta>>(CodeInterpreterLogsOutputDeltaSchema);
expectType<RunStepSchema<CodeInterpreterImageOutputDelta>>(CodeInterpreterImageOutputDeltaSchema);

declare const value: unknown;
const validated = validateRunStepStreamEvent(value);
expectType<ValidationResult<RunStepStreamEvent>>(validated);
if (validated.success) expectType<RunStepStreamEvent>(validated.value);
else expectType<readonly ValidationIssue[]>(validated.issues);

// ---- stream events: discriminated on `event`, `data` typed per event ----------------------------------

expectType<
  readonly [
    'thread.run.step.created',
    'thread.run.step.in_progress',
    'thread.run.step.delta',
    'thread.run.step.completed',
    'thread.run.step.failed',
    'thread.run.step.cancelled',
    'thread.run.step.expired',
  ]
>(RUN_STEP_STREAM_EVENTS);
expectType<
  readonly [
    'thread.run.step.completed',
    'thread.run.step.failed',
    'thread.run.step.cancelled',
    'thread.run.step.expired',
  ]
>(TERMINAL_RUN_STEP_STREAM_EVENTS);
expectType<(typeof RUN_STEP_STREAM_EVENTS)[number]>({} as RunStepStreamEventName);
expectType<(typeof TERMINAL_RUN_STEP_STREAM_EVENTS)[number]>({} as TerminalRunStepStreamEventName);
if (isRunStepStreamEventName(value)) expectType<RunStepStreamEventName>(value);
if (isTerminalRunStepStreamEventName(value)) expectType<TerminalRunStepStreamEventName>(value);

expectType<RunStepDeltaEvent>({} as RunStepStreamEventOf<'thread.run.step.delta'>);
expectType<{ event: 'thread.run.step.failed'; data: RunStepObject }>(
  {} as RunStepStreamEventOf<'thread.run.step.failed'>,
);
expectAssignable<RunStepStreamEvent>({} as TerminalRunStepStreamEvent);
expectType<TerminalRunStepStreamEventName>(({} as TerminalRunStepStreamEvent).event);

if (isRunStepStreamEvent(value)) {
  expectType<RunStepStreamEvent>(value);
  if (value.event === 'thread.run.step.delta') expectType<RunStepDeltaObject>(value.data);
  else expectType<RunStepObject>(value.data);

  // The helpers narrow both branches.
  if (isRunStepDeltaEvent(value)) expectType<RunStepDeltaEvent>(value);
  else {
    expectType<RunStepObject>(value.data);
    expectType<Exclude<RunStepStreamEventName, 'thread.run.step.delta'>>(value.event);
  }
  if (isTerminalRunStepEvent(value)) {
    expectType<TerminalRunStepStreamEventName>(value.event);
    expectType<RunStepObject>(value.data);
  } else {
    expectType<'thread.run.step.created' | 'thread.run.step.in_progress' | 'thread.run.step.delta'>(value.event);
  }
}

// ---- matchStreamEvent: exhaustive, each handler given its event ----------------------------------------

declare const event: RunStepStreamEvent;
const matched = matchStreamEvent(event, {
  'thread.run.step.created': (e) => {
    expectType<'thread.run.step.created'>(e.event);
    return e.data.id;
  },
  'thread.run.step.in_progress': (e) => e.data.status,
  'thread.run.step.delta': (e) => {
    expectType<RunStepDeltaObject>(e.data);
    return e.data.delta.step_details?.type;
  },
  'thread.run.step.completed': (e) => e.data.usage,
  'thread.run.step.failed': (e) => e.data.last_error,
  'thread.run.step.cancelled': () => 0 as const,
  'thread.run.step.expired': () => null,
});
expectType<
  | string
  | RunStepObject['status']
  | RunStepDeltaStepDetails['type']
  | undefined
  | RunStepObject['usage']
  | RunStepObject['last_error']
  | 0
  | null
>(matched);
expectError(
  matchStreamEvent(event, {
    'thread.run.step.created': () => 1,
    'thread.run.step.in_progress': () => 1,
    'thread.run.step.completed': () => 1,
    'thread.run.step.failed': () => 1,
    'thread.run.step.cancelled': () => 1,
    'thread.run.step.expired': () => 1,
  }),
);
const reusable: RunStepStreamEventHandlers = {
  'thread.run.step.created': () => 'created',
  'thread.run.step.in_progress': () => 'in progress',
  'thread.run.step.delta': (e) => e.data.id,
  'thread.run.step.completed': () => 'completed',
  'thread.run.step.failed': () => 'failed',
  'thread.run.step.cancelled': () => 'cancelled',
  'thread.run.step.expired': () => 'expired',
};
expectType<unknown>(matchStreamEvent(event, reusable));

// ---- accumulation -------------------------------------------------------------------------------------

declare const snapshot: RunStepObject;
expectType<RunStepObject>(applyRunStepDelta(snapshot, delta));
expectError(applyRunStepDelta(snapshot, delta.delta));
expectError(applyRunStepDelta(delta, delta));

const accumulator = createRunStepAccumulator();
expectType<RunStepAccumulator>(accumulator);
// A typed event gives a snapshot; anything else may be ignored, and gives `undefined`.
expectType<RunStepObject>(accumulator.push(event));
expectType<RunStepObject | undefined>(accumulator.push(value));
expectType<RunStepObject | undefined>(accumulator.get('step_1'));
expectType<RunStepObject[]>(accumulator.snapshots());

expectType<number>(MAX_DELTA_INDEX);
declare const error: RunStepStreamError;
expectAssignable<Error>(error);
expectType<RunStepStreamErrorCode>(error.code);
expectType<string | undefined>(error.stepId);
expectType<readonly ValidationIssue[]>(error.issues);
expectAssignable<RunStepStreamErrorCode>('index_out_of_range');
expectNotAssignable<RunStepStreamErrorCode>('out_of_range');
// The codes every input meets, each handled by name: a switch over them all needs no default.
const describeCode = (code: RunStepStreamErrorCode): number => {
  switch (code) {
    case 'invalid_input':
    case 'unknown_step':
    case 'step_finished':
    case 'step_mismatch':
    case 'index_out_of_range':
    case 'type_changed':
    case 'identity_changed':
    case 'incomplete_first_chunk':
      return 1;
    case 'too_large':
      return 2;
    case 'reentrant_push':
      return 3;
  }
};
expectType<number>(describeCode(error.code));
expectAssignable<RunStepStreamErrorCode>('too_large');
expectAssignable<RunStepStreamErrorCode>('reentrant_push');
expectNotAssignable<RunStepStreamErrorCode>('reentrant');
expectType<RunStepStreamError>(new RunStepStreamError('unknown_step', 'message', 'step_1'));
