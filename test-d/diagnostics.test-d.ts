import type { StandardSchemaV1 as SpecStandardSchemaV1 } from '@standard-schema/spec';
import { expectAssignable, expectError, expectType } from 'tsd';
import {
  CodeInterpreterImageOutputSchema,
  CodeInterpreterLogsOutputSchema,
  CodeInterpreterOutputSchema,
  CodeInterpreterToolCallSchema,
  DEFAULT_MAX_ISSUES,
  FileSearchResultSchema,
  FileSearchToolCallSchema,
  FunctionToolCallSchema,
  MessageCreationStepDetailsSchema,
  RunStepDetailsSchema,
  RunStepObjectSchema,
  RunStepValidationError,
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
  formatIssue,
  formatPath,
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
  type Assertion,
  type CodeInterpreterImageOutput,
  type CodeInterpreterLogsOutput,
  type CodeInterpreterOutput,
  type CodeInterpreterToolCall,
  type FileSearchResult,
  type FileSearchToolCall,
  type FunctionToolCall,
  type MessageCreationStepDetails,
  type ReceivedValue,
  type RunStepDetails,
  type RunStepObject,
  type RunStepSchema,
  type RunStepSchemaProps,
  type StandardSchemaV1,
  type ToolCall,
  type ToolCallsStepDetails,
  type ValidateOptions,
  type ValidationIssue,
  type ValidationResult,
  type Validator,
  type ValueKind,
} from 'openai-run-step-guards';

declare const value: unknown;

// validateRunStepObject: a discriminated result; `success` narrows to the value or to the issues.
const result = validateRunStepObject(value);
expectType<ValidationResult<RunStepObject>>(result);
if (result.success) {
  expectType<RunStepObject>(result.value);
  expectError(result.issues);
} else {
  expectType<readonly ValidationIssue[]>(result.issues);
  expectError(result.value);
}
expectType<ValidationResult<RunStepObject>>(validateRunStepObject(value, { maxIssues: 5 }));
expectError(validateRunStepObject(value, { maxIssues: '5' }));
expectAssignable<ValidateOptions>({});

// An issue's parts.
declare const issue: ValidationIssue;
expectType<readonly (string | number)[]>(issue.path);
expectType<string>(issue.expected);
expectType<ReceivedValue>(issue.received);
expectType<ValueKind>(issue.received.kind);
expectType<string>(issue.received.preview);
expectType<string>(issue.message);
expectAssignable<ValueKind>('unreadable');
expectError<ValueKind>('thing');
expectType<string>(formatIssue(issue));
expectType<string>(formatPath(issue.path));
expectType<number>(DEFAULT_MAX_ISSUES);

// Every validator has the Validator type of its guard's type.
expectType<Validator<RunStepObject>>(validateRunStepObject);
expectType<Validator<RunStepDetails>>(validateRunStepDetails);
expectType<Validator<MessageCreationStepDetails>>(validateMessageCreationStepDetails);
expectType<Validator<ToolCallsStepDetails>>(validateToolCallsStepDetails);
expectType<Validator<ToolCall>>(validateToolCall);
expectType<Validator<CodeInterpreterToolCall>>(validateCodeInterpreterToolCall);
expectType<Validator<FileSearchToolCall>>(validateFileSearchToolCall);
expectType<Validator<FunctionToolCall>>(validateFunctionToolCall);
expectType<Validator<CodeInterpreterOutput>>(validateCodeInterpreterOutput);
expectType<Validator<CodeInterpreterLogsOutput>>(validateCodeInterpreterLogsOutput);
expectType<Validator<CodeInterpreterImageOutput>>(validateCodeInterpreterImageOutput);
expectType<Validator<FileSearchResult>>(validateFileSearchResult);

// Assertions narrow the value they are given, for the rest of the scope.
{
  const step: unknown = value;
  assertRunStepObject(step);
  expectType<RunStepObject>(step);
  if (step.type === 'tool_calls') expectType<ToolCall[]>(step.step_details.tool_calls);
}
{
  const call: unknown = value;
  assertFunctionToolCall(call);
  expectType<FunctionToolCall>(call);
}
expectType<Assertion<RunStepObject>>(assertRunStepObject);
expectType<Assertion<RunStepDetails>>(assertRunStepDetails);
expectType<Assertion<MessageCreationStepDetails>>(assertMessageCreationStepDetails);
expectType<Assertion<ToolCallsStepDetails>>(assertToolCallsStepDetails);
expectType<Assertion<ToolCall>>(assertToolCall);
expectType<Assertion<CodeInterpreterToolCall>>(assertCodeInterpreterToolCall);
expectType<Assertion<FileSearchToolCall>>(assertFileSearchToolCall);
expectType<Assertion<CodeInterpreterOutput>>(assertCodeInterpreterOutput);
expectType<Assertion<CodeInterpreterLogsOutput>>(assertCodeInterpreterLogsOutput);
expectType<Assertion<CodeInterpreterImageOutput>>(assertCodeInterpreterImageOutput);
expectType<Assertion<FileSearchResult>>(assertFileSearchResult);

// The error class.
declare const error: RunStepValidationError;
expectAssignable<TypeError>(error);
expectType<readonly ValidationIssue[]>(error.issues);
expectType<string>(error.expected);

// Standard Schema v1: each schema satisfies the spec package's own interface, and infers its type.
expectAssignable<SpecStandardSchemaV1<unknown, RunStepObject>>(RunStepObjectSchema);
expectType<RunStepObject>({} as SpecStandardSchemaV1.InferOutput<typeof RunStepObjectSchema>);
expectType<unknown>({} as SpecStandardSchemaV1.InferInput<typeof RunStepObjectSchema>);
expectType<RunStepObject>({} as StandardSchemaV1.InferOutput<typeof RunStepObjectSchema>);
expectAssignable<SpecStandardSchemaV1<unknown, RunStepDetails>>(RunStepDetailsSchema);
expectAssignable<SpecStandardSchemaV1<unknown, MessageCreationStepDetails>>(MessageCreationStepDetailsSchema);
expectAssignable<SpecStandardSchemaV1<unknown, ToolCallsStepDetails>>(ToolCallsStepDetailsSchema);
expectAssignable<SpecStandardSchemaV1<unknown, ToolCall>>(ToolCallSchema);
expectAssignable<SpecStandardSchemaV1<unknown, CodeInterpreterToolCall>>(CodeInterpreterToolCallSchema);
expectAssignable<SpecStandardSchemaV1<unknown, FileSearchToolCall>>(FileSearchToolCallSchema);
expectAssignable<SpecStandardSchemaV1<unknown, FunctionToolCall>>(FunctionToolCallSchema);
expectAssignable<SpecStandardSchemaV1<unknown, CodeInterpreterOutput>>(CodeInterpreterOutputSchema);
expectAssignable<SpecStandardSchemaV1<unknown, CodeInterpreterLogsOutput>>(CodeInterpreterLogsOutputSchema);
expectAssignable<SpecStandardSchemaV1<unknown, CodeInterpreterImageOutput>>(CodeInterpreterImageOutputSchema);
expectAssignable<SpecStandardSchemaV1<unknown, FileSearchResult>>(FileSearchResultSchema);
expectError<SpecStandardSchemaV1<unknown, ToolCall>>(RunStepObjectSchema);

// `validate` answers synchronously, with our issues.
const standard = RunStepObjectSchema['~standard'].validate(value);
expectType<RunStepSchema<RunStepObject>>(RunStepObjectSchema);
expectType<RunStepSchemaProps<RunStepObject>>(RunStepObjectSchema['~standard']);
if (standard.issues === undefined) expectType<RunStepObject>(standard.value);
else expectType<readonly ValidationIssue[]>(standard.issues);

// The inlined spec's namespace types, as a library that consumes Standard Schema spells them.
declare const props: StandardSchemaV1.Props<unknown, RunStepObject>;
expectAssignable<StandardSchemaV1.Props<unknown, RunStepObject>>(RunStepObjectSchema['~standard']);
expectType<1>(props.version);
declare const specResult: StandardSchemaV1.Result<RunStepObject>;
if (specResult.issues === undefined) expectType<StandardSchemaV1.SuccessResult<RunStepObject>>(specResult);
else expectType<StandardSchemaV1.FailureResult>(specResult);
expectAssignable<StandardSchemaV1.Issue>(issue);
expectAssignable<StandardSchemaV1.PathSegment>({ key: 'step_details' });
expectAssignable<StandardSchemaV1.Options>({ libraryOptions: { maxIssues: 1 } });
expectType<StandardSchemaV1.Types<unknown, RunStepObject> | undefined>(props.types);
expectType<unknown>({} as StandardSchemaV1.InferInput<typeof RunStepObjectSchema>);
