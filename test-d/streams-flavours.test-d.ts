// Streams of every flavour (issue 16): the Azure profile's delta and event roots, a user's kinds' chunks,
// and the accumulator typed by the guard it is given.
import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
import {
  applyRunStepDelta,
  createRunStepAccumulator,
  createRunStepGuard,
  defineStepDetailsKind,
  defineToolCallKind,
  isRunStepObject,
  type Assertion,
  type FragmentOf,
  type Guard,
  type KindOptions,
  type RunStepAccumulator,
  type RunStepAccumulatorOptions,
  type RunStepDeltaObject,
  type RunStepDeltaOfOptions,
  type RunStepObject,
  type RunStepSchema,
  type RunStepStreamEvent,
  type StepDetailsDeltaOfKind,
  type StepDetailsFragment,
  type ToolCallDelta,
  type ToolCallDeltaOf,
  type ToolCallDeltaOfKind,
  type ToolCallDeltaShape,
  type ToolCallFragment,
  type ToolCallKind,
  type UnknownToolCallDelta,
  type Validator,
} from 'openai-run-step-guards';
import {
  AzureRunStepDeltaObjectSchema,
  AzureRunStepStreamEventSchema,
  assertAzureRunStepDeltaObject,
  assertAzureRunStepStreamEvent,
  isAzureRunStepDeltaObject,
  isAzureRunStepObject,
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
  type AzureRunStepObject,
  type AzureRunStepStreamEvent,
  type AzureToolCallDelta,
} from 'openai-run-step-guards/azure';

declare const value: unknown;

// ---- the Azure profile's stream roots -----------------------------------------------------------------

expectType<Guard<AzureRunStepStreamEvent>>(isAzureRunStepStreamEvent);
expectType<Validator<AzureRunStepStreamEvent>>(validateAzureRunStepStreamEvent);
expectType<Assertion<AzureRunStepStreamEvent>>(assertAzureRunStepStreamEvent);
expectType<RunStepSchema<AzureRunStepStreamEvent>>(AzureRunStepStreamEventSchema);
expectType<Guard<AzureRunStepDeltaObject>>(isAzureRunStepDeltaObject);
expectType<Validator<AzureRunStepDeltaObject>>(validateAzureRunStepDeltaObject);
expectType<Assertion<AzureRunStepDeltaObject>>(assertAzureRunStepDeltaObject);
expectType<RunStepSchema<AzureRunStepDeltaObject>>(AzureRunStepDeltaObjectSchema);
expectType<Guard<AzureToolCallDelta>>(isAzureToolCallDelta);
expectType<Validator<AzureToolCallDelta>>(validateAzureToolCallDelta);

if (isAzureRunStepStreamEvent(value)) {
  if (value.event === 'thread.run.step.delta') {
    expectType<AzureRunStepDeltaObject>(value.data);
    const details = value.data.delta.step_details;
    if (details?.type === 'tool_calls') {
      for (const chunk of details.tool_calls ?? []) {
        expectType<AzureToolCallDelta>(chunk);
        if (chunk.type === 'mcp') {
          // A flat mcp chunk: its fields beside index and type, each optional, a string also null.
          expectType<number>(chunk.index);
          expectType<string | null | undefined>(chunk.arguments);
          expectType<string | null | undefined>(chunk.server_label);
        } else if (chunk.type === 'azure_ai_search') {
          expectAssignable<{ input?: string | null | undefined } | undefined>(chunk.azure_ai_search);
        } else if (chunk.type === 'function') {
          expectType<string | null | undefined>(chunk.function?.output);
        }
      }
    } else if (details?.type === 'activities') {
      expectType<AzureActivitiesStepDetailsDelta>(details);
    }
  } else {
    // The six other events carry a whole Azure step.
    expectType<AzureRunStepObject>(value.data);
  }
} else {
  expectType<unknown>(value);
}

expectAssignable<AzureToolCallDelta>({ index: 0, type: 'bing_grounding', bing_grounding: { requesturl: '' } });
expectAssignable<AzureOnlyToolCallDelta>({ index: 1, id: 'call_1', type: 'mcp', name: 'fetch', output: null });
expectNotAssignable<AzureOnlyToolCallDelta>({ index: 0, type: 'function' });
expectNotAssignable<AzureToolCallDelta>({ index: 0, type: 'code_search' });
expectAssignable<AzureRunStepStreamEvent>({
  event: 'thread.run.step.delta',
  data: { id: 'step_1', object: 'thread.run.step.delta', delta: {} },
});
expectType<AzureRunStepDeltaObject>({} as RunStepDeltaObject<AzureToolCallDelta, AzureActivitiesStepDetailsDelta>);
// The recorded payload keys, named for the editor; any string map still fits.
expectType<string | undefined>(({} as AzureInputOutputPayload).input);
expectType<string | undefined>(({} as AzureBingPayload).requesturl);
expectAssignable<AzureInputOutputPayload>({ input: 'q', output: 'a', other: 'x' });
expectNotAssignable<AzureInputOutputPayload>({ input: 1 });

// ---- the accumulator, typed by its guard ---------------------------------------------------------------

const azure = createRunStepAccumulator({ guard: isAzureRunStepObject });
expectType<RunStepAccumulator<AzureRunStepObject>>(azure);
expectType<AzureRunStepObject | undefined>(azure.push(value));
expectType<AzureRunStepObject | undefined>(azure.get('step_1'));
expectType<AzureRunStepObject[]>(azure.snapshots());
declare const azureEvent: AzureRunStepStreamEvent;
expectType<AzureRunStepObject>(azure.push(azureEvent));
expectType<RunStepAccumulator>(createRunStepAccumulator());
expectType<RunStepAccumulator<RunStepObject>>(createRunStepAccumulator({ guard: isRunStepObject }));
expectAssignable<RunStepAccumulatorOptions<AzureRunStepObject>>({ guard: isAzureRunStepObject });
expectError(createRunStepAccumulator({ guard: 'isAzureRunStepObject' }));
declare const azureStep: AzureRunStepObject;
declare const azureDelta: AzureRunStepDeltaObject;
expectType<AzureRunStepObject>(applyRunStepDelta(azureStep, azureDelta, { guard: isAzureRunStepObject }));

// ---- a user's kinds ----------------------------------------------------------------------------------

interface Weather {
  id: string;
  type: 'weather_lookup';
  weather_lookup: { city: string; readings: number[] };
}
declare const isWeather: (value: unknown) => value is Weather;
declare const isWeatherChunk: (value: unknown) => value is { index: number; type: 'weather_lookup'; city?: string };

const derived = defineToolCallKind('weather_lookup', isWeather);
type Derived = ToolCallDeltaOfKind<typeof derived>;
expectType<ToolCallFragment<Weather>>({} as Derived);
expectType<number>(({} as Derived).index);
expectType<{ city?: string | null | undefined; readings?: number[] | undefined } | undefined>(
  ({} as Derived).weather_lookup,
);
expectType<{ city?: string | null | undefined }>({} as FragmentOf<{ city: string }>);

const given = defineToolCallKind('weather_lookup', isWeather, { delta: isWeatherChunk });
expectType<ToolCallKind<'weather_lookup', Weather, { index: number; type: 'weather_lookup'; city?: string }>>(given);
expectAssignable<KindOptions<{ index: number; type: 'weather_lookup' }>>({ delta: isWeatherChunk });
expectError(defineToolCallKind('weather_lookup', isWeather, { delta: 1 }));

const guards = createRunStepGuard({ toolCalls: [given] });
type Delta = RunStepDeltaOfOptions<readonly [typeof given], readonly [], 'reject'>;
expectType<Guard<Delta>>(guards.isDelta);
expectType<Validator<Delta>>(guards.validateDelta);
expectType<Assertion<Delta>>(guards.assertDelta);
expectType<RunStepSchema<Delta>>(guards.deltaSchema);
expectType<Guard<ToolCallDelta | { index: number; type: 'weather_lookup'; city?: string }>>(guards.isToolCallDelta);
expectType<ToolCallDelta | { index: number; type: 'weather_lookup'; city?: string }>({} as ToolCallDeltaOf<Delta>);
if (guards.isStreamEvent(value)) {
  if (value.event === 'thread.run.step.delta') {
    const details = value.data.delta.step_details;
    if (details?.type === 'tool_calls') {
      for (const chunk of details.tool_calls ?? []) {
        if (chunk.type === 'weather_lookup') expectType<string | undefined>(chunk.city);
        else expectType<ToolCallDelta>(chunk);
      }
    }
  } else if (value.data.type === 'tool_calls') {
    // The six other events carry a whole step of the set's flavour.
    for (const call of value.data.step_details.tool_calls) {
      if (call.type === 'weather_lookup') expectType<Weather>(call);
    }
  }
}
expectAssignable<RunStepStreamEvent<RunStepObject, Delta>>({
  event: 'thread.run.step.delta',
  data: {
    id: 's',
    object: 'thread.run.step.delta',
    delta: { step_details: { type: 'tool_calls', tool_calls: [{ index: 0, type: 'weather_lookup', city: 'Oslo' }] } },
  },
});
const accumulator = createRunStepAccumulator({ guard: guards.is });
const snapshot = accumulator.snapshots()[0];
if (snapshot?.type === 'tool_calls') {
  for (const call of snapshot.step_details.tool_calls) {
    if (call.type === 'weather_lookup') expectType<Weather>(call);
    else expectNotAssignable<Weather>(call);
  }
}

// The open mode's chunks, and a details kind's.
const open = createRunStepGuard({ unknownToolCalls: 'accept' });
expectType<Guard<ToolCallDelta | UnknownToolCallDelta>>(open.isToolCallDelta);
interface Plan {
  type: 'plan';
  plan: { summary: string };
}
const plan = defineStepDetailsKind('plan', (value: unknown): value is Plan => value !== null);
expectType<StepDetailsFragment<Plan>>({} as StepDetailsDeltaOfKind<typeof plan>);
expectType<{ summary?: string | null | undefined } | undefined>(({} as StepDetailsDeltaOfKind<typeof plan>).plan);
expectAssignable<ToolCallDeltaShape>({ index: 0, type: 'anything' });
expectNotAssignable<ToolCallDeltaShape>({ type: 'no index' });
