import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
import {
  assertNever,
  createRunStepGuard,
  defineStepDetailsKind,
  defineToolCallKind,
  isRunStepObject,
  type Assertion,
  type CustomDetailsRunStep,
  type ErrorCodeOfMode,
  type FunctionToolCall,
  type Guard,
  type KindCheck,
  type LastErrorCodeMode,
  type MessageCreationRunStep,
  type RunStepBase,
  type RunStepDetails,
  type RunStepErrorCode,
  type RunStepGuardOptions,
  type RunStepGuardSet,
  type RunStepObject,
  type RunStepOfOptions,
  type StepDetailsKind,
  type StepDetailsOfKind,
  type StepDetailsShape,
  type ToolCall,
  type ToolCallKind,
  type ToolCallOfKind,
  type ToolCallShape,
  type ToolCallsRunStep,
  type ToolCallsStepDetails,
  type UnknownToolCall,
  type UnknownToolCallMode,
  type Validator,
} from 'openai-run-step-guards';

// The generic types, without arguments, are exactly the types they always were.
expectType<MessageCreationRunStep | ToolCallsRunStep>({} as RunStepObject);
expectType<RunStepObject>({} as RunStepObject<ToolCall, never, RunStepErrorCode>);
expectType<ToolCallsStepDetails>({} as ToolCallsStepDetails<ToolCall>);
expectType<RunStepDetails>({} as RunStepDetails<ToolCall, never>);
expectType<RunStepBase>({} as RunStepBase<RunStepErrorCode>);
declare const unknownValue: unknown;
if (isRunStepObject(unknownValue)) expectType<RunStepObject>(unknownValue);

// A kind written by the user, described by a guard.
interface WeatherCall {
  id: string;
  type: 'weather_lookup';
  weather_lookup: { city: string };
}
declare const isWeather: Guard<WeatherCall>;
declare const validateWeather: Validator<WeatherCall>;
const weather = defineToolCallKind('weather_lookup', isWeather);
expectType<ToolCallKind<'weather_lookup', WeatherCall>>(weather);
expectType<ToolCallKind<'weather_lookup', WeatherCall>>(defineToolCallKind('weather_lookup', validateWeather));
expectType<WeatherCall>({} as ToolCallOfKind<typeof weather>);
expectAssignable<KindCheck<WeatherCall>>(isWeather);
expectAssignable<ToolCallShape>({} as WeatherCall);
// The kind's check must describe calls of that type.
expectError(defineToolCallKind('other_kind', isWeather));

const guards = createRunStepGuard({ toolCalls: [weather] });
type Extended = RunStepObject<ToolCall | WeatherCall>;
expectType<Guard<Extended>>(guards.is);
expectType<Validator<Extended>>(guards.validate);
expectType<Guard<ToolCall | WeatherCall>>(guards.isToolCall);
expectAssignable<RunStepGuardSet<Extended, ToolCall | WeatherCall>>(guards);
expectType<Extended>({} as RunStepOfOptions<[typeof weather], [], 'reject', 'known'>);

// An exhaustive switch over the extended union compiles; leaving a kind out does not.
declare const step: unknown;
if (guards.is(step) && step.type === 'tool_calls') {
  for (const call of step.step_details.tool_calls) {
    switch (call.type) {
      case 'code_interpreter':
      case 'file_search':
        break;
      case 'function':
        expectType<FunctionToolCall>(call);
        break;
      case 'weather_lookup':
        expectType<WeatherCall>(call);
        expectType<string>(call.weather_lookup.city);
        break;
      default:
        assertNever(call);
    }
    switch (call.type) {
      case 'code_interpreter':
      case 'file_search':
      case 'function':
        break;
      default:
        // `weather_lookup` is not handled: `call` is not `never` here.
        expectError(assertNever(call));
    }
  }
}

// An assertion is called through a name with an explicit type.
const assertExtended: Assertion<Extended> = guards.assert;
assertExtended(step);
expectType<Extended>(step);

// Step details kinds: the step type comes with them.
interface Checklist {
  type: 'checklist';
  checklist: string[];
}
declare const isChecklist: Guard<Checklist>;
const checklist = defineStepDetailsKind('checklist', isChecklist);
expectType<StepDetailsKind<'checklist', Checklist>>(checklist);
expectType<Checklist>({} as StepDetailsOfKind<typeof checklist>);
expectAssignable<StepDetailsShape>({} as Checklist);
const withChecklist = createRunStepGuard({ stepDetails: [checklist], lastErrorCodes: 'any' });
declare const other: unknown;
if (withChecklist.is(other)) {
  if (other.type === 'checklist') {
    expectType<Checklist>(other.step_details);
    expectType<CustomDetailsRunStep<Checklist, RunStepErrorCode | (string & {})>>(other);
  }
  if (other.last_error !== null) expectType<RunStepErrorCode | (string & {})>(other.last_error.code);
}
expectType<RunStepErrorCode>({} as ErrorCodeOfMode<'known'>);
expectAssignable<LastErrorCodeMode>('any');
expectNotAssignable<LastErrorCodeMode>('some');

// The open mode: the unknown branch is in the union, and must be handled.
const open = createRunStepGuard({ unknownToolCalls: 'accept' });
expectAssignable<RunStepGuardOptions>({ unknownToolCalls: 'accept' });
expectAssignable<UnknownToolCallMode>('reject');
declare const archived: unknown;
if (open.is(archived) && archived.type === 'tool_calls') {
  for (const call of archived.step_details.tool_calls) {
    expectType<ToolCall | UnknownToolCall>(call);
    if (call.type === 'function') {
      // Without the split, `function` does not narrow to FunctionToolCall alone.
      expectType<FunctionToolCall | UnknownToolCall>(call);
    }
    switch (call.type) {
      case 'code_interpreter':
      case 'file_search':
      case 'function':
        break;
      default:
        // The unknown branch is left: not `never`.
        expectError(assertNever(call));
    }
    if (open.isKnownToolCall(call)) {
      switch (call.type) {
        case 'code_interpreter':
        case 'file_search':
          break;
        case 'function':
          expectType<FunctionToolCall>(call);
          break;
        default:
          assertNever(call);
      }
    } else {
      expectType<UnknownToolCall>(call);
      expectType<unknown>(call['payload']);
    }
  }
}
