import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
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
  type FunctionToolCall,
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
  type RunStepBase,
  type RunStepCompletionUsage,
  type RunStepGeneration,
  type RunStepList,
  type RunStepObject,
  type RunStepSchema,
  type ToolCall,
  type ValidationResult,
} from 'openai-run-step-guards';

declare const value: unknown;

// RunStepObject is unchanged and tight: every current step is a historical one, not the reverse.
expectAssignable<AnyRunStepObject>({} as RunStepObject);
expectAssignable<HistoricalRunStepObject>({} as RunStepObject);
expectNotAssignable<RunStepObject>({} as HistoricalRunStepObject);
expectNotAssignable<RunStepObject>({} as AnyRunStepObject);
expectNotAssignable<ToolCall>({} as RetrievalToolCall);
expectNotAssignable<FunctionToolCall>({} as HistoricalFunctionToolCall);
expectType<RunStepCompletionUsage | null>(({} as RunStepBase).usage);
expectType<RunStepCompletionUsage | null | undefined>(({} as HistoricalRunStepBase).usage);

// The guards narrow to their types.
if (isHistoricalRunStepObject(value)) expectType<HistoricalRunStepObject>(value);
if (isAnyRunStepObject(value)) expectType<AnyRunStepObject>(value);
if (isRunStepList(value)) expectType<RunStepObject[]>(value.data);
if (isAnyRunStepList(value)) expectType<AnyRunStepObject[]>(value.data);
expectType<ValidationResult<HistoricalRunStepObject>>(validateHistoricalRunStepObject(value));
expectType<ValidationResult<AnyRunStepObject>>(validateAnyRunStepObject(value));
expectType<ValidationResult<RunStepList>>(validateRunStepList(value));
expectType<ValidationResult<AnyRunStepList>>(validateAnyRunStepList(value));
expectType<RunStepSchema<HistoricalRunStepObject>>(HistoricalRunStepObjectSchema);
expectType<RunStepSchema<AnyRunStepObject>>(AnyRunStepObjectSchema);
expectType<RunStepSchema<RunStepList>>(RunStepListSchema);
expectType<RunStepSchema<AnyRunStepList>>(AnyRunStepListSchema);

// The historical union is discriminated: `type` narrows the details, the tool call `type` covers retrieval.
declare const step: HistoricalRunStepObject;
if (step.type === 'message_creation') {
  expectType<HistoricalMessageCreationRunStep>(step);
} else {
  expectType<HistoricalToolCallsRunStep>(step);
  expectType<HistoricalToolCallsStepDetails>(step.step_details);
  expectAssignable<HistoricalRunStepDetails>(step.step_details);
  const call = step.step_details.tool_calls[0];
  if (call !== undefined) {
    expectType<HistoricalToolCall>(call);
    switch (call.type) {
      case 'retrieval':
        expectType<RetrievalToolCall>(call);
        expectType<Record<string, unknown>>(call.retrieval);
        break;
      case 'function':
        expectType<HistoricalFunctionToolCall>(call);
        expectType<string | null | undefined>(call.function.output);
        break;
      case 'code_interpreter':
      case 'file_search':
        break;
      default:
        expectType<never>(call);
    }
  }
}

// List responses: the ids are null for an empty list.
declare const list: RunStepList;
expectType<string | null>(list.first_id);
expectType<string | null>(list.last_id);
expectType<boolean>(list.has_more);
expectType<RunStepList<HistoricalRunStepObject>['data']>({} as HistoricalRunStepObject[]);
expectType<AnyRunStepObject[]>(({} as AnyRunStepList).data);
expectError<RunStepList>({ object: 'list', data: [], first_id: null, last_id: null });

// Generation helpers.
expectType<RunStepGeneration | undefined>(runStepGeneration(value));
expectType<'current' | 'historical'>({} as RunStepGeneration);
expectType<HistoricalRunStepTrait[]>(historicalRunStepTraits(value));
expectAssignable<HistoricalRunStepTrait>('function_without_output');
expectNotAssignable<HistoricalRunStepTrait>('no_output');

// Assertions narrow.
declare const a: unknown;
assertHistoricalRunStepObject(a);
expectType<HistoricalRunStepObject>(a);
declare const b: unknown;
assertAnyRunStepObject(b);
expectType<AnyRunStepObject>(b);
declare const c: unknown;
assertRunStepList(c);
expectType<RunStepList>(c);
declare const d: unknown;
assertAnyRunStepList(d);
expectType<AnyRunStepList>(d);
