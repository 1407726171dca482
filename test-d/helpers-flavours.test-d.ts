// The helpers with every flavour's steps: Azure's, a user's kinds (closed and open mode), historical ones,
// and stream events of another flavour. Both branches of every narrowing, and a missing handler for any
// kind the value may be is a compile error.
import { expectAssignable, expectError, expectType } from 'tsd';
import {
  createRunStepGuard,
  defineStepDetailsKind,
  defineToolCallKind,
  getToolCalls,
  getToolCallsByType,
  hasStatus,
  isInProgressStep,
  isMessageCreationStep,
  isRunStepDeltaEvent,
  isTerminalRunStepEvent,
  isTerminalStep,
  isToolCallsStep,
  matchStatus,
  matchStepType,
  matchStreamEvent,
  matchToolCall,
  type CodeInterpreterToolCall,
  type CustomDetailsRunStep,
  type FileSearchToolCall,
  type FunctionToolCall,
  type Guard,
  type HistoricalRunStepObject,
  type HistoricalToolCall,
  type MessageCreationRunStep,
  type RetrievalToolCall,
  type RunStepErrorCode,
  type RunStepObject,
  type RunStepShape,
  type RunStepStatusHandlers,
  type RunStepStreamEventName,
  type RunStepTypeHandlers,
  type TerminalRunStepStatus,
  type TerminalRunStepStreamEventName,
  type ToolCall,
  type ToolCallHandlers,
  type ToolCallOfTypeIn,
  type ToolCallsRunStep,
  type UnknownToolCall,
} from 'openai-run-step-guards';
import type {
  AzureAISearchToolCall,
  AzureActivitiesStepDetails,
  AzureBingCustomSearchToolCall,
  AzureBingGroundingToolCall,
  AzureBrowserAutomationToolCall,
  AzureComputerUseToolCall,
  AzureConnectedAgentToolCall,
  AzureDeepResearchToolCall,
  AzureFabricDataAgentToolCall,
  AzureFunctionToolCall,
  AzureMcpToolCall,
  AzureOpenApiToolCall,
  AzureRunStepErrorCode,
  AzureRunStepObject,
  AzureSharepointGroundingToolCall,
  AzureToolCall,
} from 'openai-run-step-guards/azure';

// ---- Azure: the step's own calls, details and error codes ----------------------------------------------

type AzureToolCallsStep = ToolCallsRunStep<AzureToolCall, AzureRunStepErrorCode>;
type AzureMessageStep = MessageCreationRunStep<AzureRunStepErrorCode>;
type AzureActivitiesStep = CustomDetailsRunStep<AzureActivitiesStepDetails, AzureRunStepErrorCode>;

declare const azureStep: AzureRunStepObject;
expectAssignable<RunStepShape>(azureStep);

if (isToolCallsStep(azureStep)) {
  expectType<AzureToolCallsStep>(azureStep);
  expectType<AzureToolCall[]>(azureStep.step_details.tool_calls);
} else {
  expectType<AzureMessageStep | AzureActivitiesStep>(azureStep);
}
if (isMessageCreationStep(azureStep)) {
  expectType<AzureMessageStep>(azureStep);
  expectType<string>(azureStep.step_details.message_creation.message_id);
} else {
  expectType<AzureToolCallsStep | AzureActivitiesStep>(azureStep);
}

expectType<AzureToolCall[]>(getToolCalls(azureStep));
expectType<AzureMcpToolCall[]>(getToolCallsByType(azureStep, 'mcp'));
expectType<FunctionToolCall[]>(getToolCallsByType(azureStep, 'function'));
expectType<(AzureOpenApiToolCall | AzureFunctionToolCall)[]>(
  getToolCallsByType(azureStep, {} as 'openapi' | 'azure_function'),
);
for (const call of getToolCallsByType(azureStep, 'mcp')) expectType<string>(call.name);
// The type argument is one of the step's call types.
expectError(getToolCallsByType(azureStep, 'retrieval'));
expectError(getToolCallsByType(azureStep, 'activities'));

if (hasStatus(azureStep, 'failed')) {
  expectType<AzureRunStepObject & { status: 'failed' }>(azureStep);
  if (azureStep.last_error !== null) expectType<AzureRunStepErrorCode>(azureStep.last_error.code);
} else {
  expectType<AzureRunStepObject>(azureStep);
}
if (isTerminalStep(azureStep)) {
  expectType<TerminalRunStepStatus>(azureStep.status);
  expectType<AzureRunStepObject & { status: TerminalRunStepStatus }>(azureStep);
} else {
  expectType<AzureRunStepObject>(azureStep);
}
if (isInProgressStep(azureStep)) {
  expectType<AzureRunStepObject & { status: 'in_progress' }>(azureStep);
} else {
  expectType<AzureRunStepObject>(azureStep);
}

const azureStatus = matchStatus(azureStep, {
  in_progress: (s) => {
    expectType<AzureRunStepObject & { status: 'in_progress' }>(s);
    return 0 as const;
  },
  cancelled: () => 1 as const,
  failed: (s) => s.last_error?.code,
  completed: () => 'done' as const,
  expired: () => null,
});
expectType<0 | 1 | AzureRunStepErrorCode | undefined | 'done' | null>(azureStatus);
expectError(matchStatus(azureStep, { in_progress: () => 1, cancelled: () => 1, failed: () => 1, completed: () => 1 }));

// An Azure step has three types: each needs its handler.
const azureKind = matchStepType(azureStep, {
  message_creation: (s) => {
    expectType<AzureMessageStep>(s);
    return s.step_details.message_creation.message_id;
  },
  tool_calls: (s) => {
    expectType<AzureToolCallsStep>(s);
    return s.step_details.tool_calls.length;
  },
  activities: (s) => {
    expectType<AzureActivitiesStep>(s);
    return s.step_details.activities.map((activity) => activity.server_label);
  },
});
expectType<string | number | string[]>(azureKind);
expectError(matchStepType(azureStep, { message_creation: () => 1, tool_calls: () => 1 }));
// OpenAI's handler type knows two step types: not enough for an Azure step.
declare const openAIStepHandlers: RunStepTypeHandlers;
expectError(matchStepType(azureStep, openAIStepHandlers));
declare const azureStepHandlers: RunStepTypeHandlers<AzureRunStepObject>;
expectType<unknown>(matchStepType(azureStep, azureStepHandlers));
expectType<(step: AzureActivitiesStep) => unknown>(azureStepHandlers.activities);

// An Azure call has fifteen kinds: each needs its handler.
declare const azureCall: AzureToolCall;
const azureCallHandlers = {
  code_interpreter: (c: CodeInterpreterToolCall) => c.code_interpreter.input,
  file_search: (c: FileSearchToolCall) => c.id,
  function: (c: FunctionToolCall) => c.function.name,
  bing_grounding: (c: AzureBingGroundingToolCall) => c.id,
  bing_custom_search: (c: AzureBingCustomSearchToolCall) => c.id,
  azure_ai_search: (c: AzureAISearchToolCall) => c.id,
  sharepoint_grounding: (c: AzureSharepointGroundingToolCall) => c.id,
  fabric_dataagent: (c: AzureFabricDataAgentToolCall) => c.id,
  openapi: (c: AzureOpenApiToolCall) => c.id,
  azure_function: (c: AzureFunctionToolCall) => c.id,
  deep_research: (c: AzureDeepResearchToolCall) => c.id,
  connected_agent: (c: AzureConnectedAgentToolCall) => c.id,
  mcp: (c: AzureMcpToolCall) => c.name,
  browser_automation: (c: AzureBrowserAutomationToolCall) => c.id,
  computer_use_preview: (c: AzureComputerUseToolCall) => c.id.length,
};
expectType<string | number>(matchToolCall(azureCall, azureCallHandlers));
// Each handler is given its kind, contextually.
const azureCallKind = matchToolCall(azureCall, {
  ...azureCallHandlers,
  mcp: (c) => {
    expectType<AzureMcpToolCall>(c);
    return c.server_label;
  },
  openapi: (c) => {
    expectType<AzureOpenApiToolCall>(c);
    return true as const;
  },
});
expectType<string | number | true | AzureMcpToolCall['server_label']>(azureCallKind);
// Any one missing does not compile; nor do OpenAI's three alone, nor OpenAI's handler type.
const { mcp: _mcp, ...withoutMcp } = azureCallHandlers;
expectError(matchToolCall(azureCall, withoutMcp));
const { computer_use_preview: _computer, ...withoutComputerUse } = azureCallHandlers;
expectError(matchToolCall(azureCall, withoutComputerUse));
const { function: _function, ...withoutFunction } = azureCallHandlers;
expectError(matchToolCall(azureCall, withoutFunction));
expectError(matchToolCall(azureCall, { code_interpreter: () => 1, file_search: () => 1, function: () => 1 }));
declare const openAICallHandlers: ToolCallHandlers;
expectError(matchToolCall(azureCall, openAICallHandlers));
declare const reusableAzure: ToolCallHandlers<AzureToolCall>;
expectType<unknown>(matchToolCall(azureCall, reusableAzure));
expectType<(call: AzureMcpToolCall) => unknown>(reusableAzure.mcp);
// A call already narrowed needs the handlers of what it may still be.
declare const searchCall: AzureAISearchToolCall | AzureBingGroundingToolCall;
expectType<number>(matchToolCall(searchCall, { azure_ai_search: () => 1, bing_grounding: () => 2 }));
expectError(matchToolCall(searchCall, { azure_ai_search: () => 1 }));

// The calls of an Azure step, matched one by one.
for (const call of getToolCalls(azureStep)) expectType<string | number>(matchToolCall(call, azureCallHandlers));

// ---- a user's kinds ---------------------------------------------------------------------------------------

interface WeatherCall {
  id: string;
  type: 'weather_lookup';
  weather_lookup: { city: string };
}
interface Checklist {
  type: 'checklist';
  checklist: { items: string[] };
}
declare const isWeather: Guard<WeatherCall>;
declare const isChecklist: Guard<Checklist>;
const weather = defineToolCallKind('weather_lookup', isWeather);
const checklist = defineStepDetailsKind('checklist', isChecklist);
const userGuards = createRunStepGuard({ toolCalls: [weather], stepDetails: [checklist] });
declare const value: unknown;
type UserStep = RunStepObject<ToolCall | WeatherCall, Checklist, RunStepErrorCode>;
type UserToolCallsStep = ToolCallsRunStep<ToolCall | WeatherCall>;
type UserChecklistStep = CustomDetailsRunStep<Checklist>;

if (userGuards.is(value)) {
  expectType<UserStep>(value);
  expectType<(ToolCall | WeatherCall)[]>(getToolCalls(value));
  expectType<WeatherCall[]>(getToolCallsByType(value, 'weather_lookup'));
  expectType<FunctionToolCall[]>(getToolCallsByType(value, 'function'));
  expectError(getToolCallsByType(value, 'mcp'));

  if (isToolCallsStep(value)) expectType<UserToolCallsStep>(value);
  else expectType<MessageCreationRunStep | UserChecklistStep>(value);
  if (isMessageCreationStep(value)) expectType<MessageCreationRunStep>(value);
  else expectType<UserToolCallsStep | UserChecklistStep>(value);
  if (hasStatus(value, 'expired')) expectType<UserStep & { status: 'expired' }>(value);
  else expectType<UserStep>(value);
  if (isTerminalStep(value)) expectType<UserStep & { status: TerminalRunStepStatus }>(value);
  else expectType<UserStep>(value);
  if (isInProgressStep(value)) expectType<UserStep & { status: 'in_progress' }>(value);
  else expectType<UserStep>(value);

  expectType<'a' | 'b' | 'c'>(
    matchStepType(value, {
      message_creation: () => 'a' as const,
      tool_calls: (s) => {
        expectType<UserToolCallsStep>(s);
        return 'b' as const;
      },
      checklist: (s) => {
        expectType<UserChecklistStep>(s);
        expectType<string[]>(s.step_details.checklist.items);
        return 'c' as const;
      },
    }),
  );
  expectError(matchStepType(value, { message_creation: () => 'a', tool_calls: () => 'b' }));
  const statusHandlers: RunStepStatusHandlers<UserStep> = {
    in_progress: () => 0,
    cancelled: () => 0,
    failed: (s) => s.last_error?.code,
    completed: () => 0,
    expired: () => 0,
  };
  expectType<unknown>(matchStatus(value, statusHandlers));

  for (const call of getToolCalls(value)) {
    const city = matchToolCall(call, {
      code_interpreter: () => undefined,
      file_search: () => undefined,
      function: () => undefined,
      weather_lookup: (c) => {
        expectType<WeatherCall>(c);
        return c.weather_lookup.city;
      },
    });
    expectType<string | undefined>(city);
    expectError(matchToolCall(call, { code_interpreter: () => 1, file_search: () => 1, function: () => 1 }));
  }
}

// The open mode: an UnknownToolCall's `type` is any string, so it has no case of its own. getToolCallsByType
// keeps it for a type no known kind has; matchToolCall refuses a union that holds it until isKnownToolCall
// splits it off.
const open = createRunStepGuard({ toolCalls: [weather], unknownToolCalls: 'accept' });
if (open.is(value)) {
  expectType<(ToolCall | WeatherCall | UnknownToolCall)[]>(getToolCalls(value));
  expectType<WeatherCall[]>(getToolCallsByType(value, 'weather_lookup'));
  expectType<FunctionToolCall[]>(getToolCallsByType(value, 'function'));
  expectType<UnknownToolCall[]>(getToolCallsByType(value, 'mcp'));
  expectType<(FunctionToolCall | UnknownToolCall)[]>(getToolCallsByType(value, {} as 'function' | 'mcp'));
  for (const call of getToolCalls(value)) {
    expectError(
      matchToolCall(call, {
        code_interpreter: () => 1,
        file_search: () => 1,
        function: () => 1,
        weather_lookup: () => 1,
      }),
    );
    if (open.isKnownToolCall(call)) {
      expectType<ToolCall | WeatherCall>(call);
      const kind = matchToolCall(call, {
        code_interpreter: () => 1,
        file_search: () => 1,
        function: () => 1,
        weather_lookup: (c) => c.weather_lookup.city,
      });
      expectType<number | string>(kind);
    } else {
      expectType<UnknownToolCall>(call);
    }
  }
}
expectType<WeatherCall>({} as ToolCallOfTypeIn<ToolCall | WeatherCall | UnknownToolCall, 'weather_lookup'>);
expectType<UnknownToolCall>({} as ToolCallOfTypeIn<ToolCall | WeatherCall | UnknownToolCall, 'other'>);
expectType<never>({} as ToolCallOfTypeIn<ToolCall, 'other'>);
// A step whose `type` is any string has no cases to list either.
declare const wide: RunStepObject<ToolCall, { type: string }>;
expectError(matchStepType(wide, { message_creation: () => 1, tool_calls: () => 1 }));

// ---- historical steps: the v1 `retrieval` kind --------------------------------------------------------

declare const historical: HistoricalRunStepObject;
expectType<HistoricalToolCall[]>(getToolCalls(historical));
expectType<RetrievalToolCall[]>(getToolCallsByType(historical, 'retrieval'));
if (isTerminalStep(historical)) expectType<TerminalRunStepStatus>(historical.status);
else expectType<HistoricalRunStepObject>(historical);
for (const call of getToolCalls(historical)) {
  expectError(matchToolCall(call, { code_interpreter: () => 1, file_search: () => 1, function: () => 1 }));
  expectType<number>(
    matchToolCall(call, { code_interpreter: () => 1, file_search: () => 1, function: () => 1, retrieval: () => 2 }),
  );
}

// ---- in generic code, the helpers keep the constraint's types ------------------------------------------

function firstCallId<Step extends RunStepObject>(step: Step): string | undefined {
  const calls: ToolCall[] = getToolCalls(step);
  return calls[0]?.id;
}
expectType<string | undefined>(firstCallId(azureStep as unknown as RunStepObject));
function describeGeneric<Step extends RunStepObject, Call extends ToolCall>(step: Step, call: Call) {
  if (isToolCallsStep(step)) expectType<ToolCall[]>(step.step_details.tool_calls as ToolCall[]);
  const functions: FunctionToolCall[] = getToolCallsByType(step, 'function');
  const type = matchStepType(step, {
    message_creation: (s) => s.step_details.message_creation.message_id,
    tool_calls: (s) => s.step_details.tool_calls.length,
  });
  const kind = matchToolCall(call, {
    code_interpreter: (c) => c.code_interpreter.input,
    file_search: () => 0,
    function: (c) => c.function.name,
  });
  const status = matchStatus(step, {
    in_progress: (s) => s.status,
    cancelled: () => 0,
    failed: () => 0,
    completed: () => 0,
    expired: () => 0,
  });
  return { functions, type, kind, status };
}
expectType<{
  functions: FunctionToolCall[];
  type: string | number;
  kind: string | number;
  status: number | 'in_progress';
}>(describeGeneric({} as RunStepObject, {} as ToolCall));
function azureNames<Step extends AzureRunStepObject>(step: Step): string[] {
  const calls: AzureToolCall[] = getToolCalls(step);
  return calls.map((call) => call.type);
}
expectType<string[]>(azureNames(azureStep));

// ---- stream events of another flavour (an Azure-like union, declared here) -------------------------------

interface AzureLikeDelta {
  id: string;
  object: 'thread.run.step.delta';
  delta: { step_details?: { type: 'tool_calls'; tool_calls?: { index: number; type: AzureToolCall['type'] }[] } };
}
type AzureLikeEvent =
  | { event: 'thread.run.step.delta'; data: AzureLikeDelta }
  | {
      [Name in Exclude<RunStepStreamEventName, 'thread.run.step.delta'>]: { event: Name; data: AzureRunStepObject };
    }[Exclude<RunStepStreamEventName, 'thread.run.step.delta'>];
declare const azureEvent: AzureLikeEvent;

if (isRunStepDeltaEvent(azureEvent)) {
  expectType<AzureLikeDelta>(azureEvent.data);
} else {
  expectType<AzureRunStepObject>(azureEvent.data);
  expectType<Exclude<RunStepStreamEventName, 'thread.run.step.delta'>>(azureEvent.event);
}
if (isTerminalRunStepEvent(azureEvent)) {
  expectType<TerminalRunStepStreamEventName>(azureEvent.event);
  expectType<AzureRunStepObject>(azureEvent.data);
} else {
  expectType<'thread.run.step.created' | 'thread.run.step.in_progress' | 'thread.run.step.delta'>(azureEvent.event);
}

const azureEventResult = matchStreamEvent(azureEvent, {
  'thread.run.step.created': (e) => {
    expectType<AzureRunStepObject>(e.data);
    return matchStepType(e.data, {
      message_creation: () => 'message' as const,
      tool_calls: () => 'tools' as const,
      activities: () => 'activities' as const,
    });
  },
  'thread.run.step.in_progress': (e) => e.data.status,
  'thread.run.step.delta': (e) => {
    expectType<AzureLikeDelta>(e.data);
    return e.data.delta.step_details?.tool_calls?.[0]?.type;
  },
  'thread.run.step.completed': (e) => getToolCallsByType(e.data, 'mcp'),
  'thread.run.step.failed': (e) => e.data.last_error?.code,
  'thread.run.step.cancelled': () => null,
  'thread.run.step.expired': () => null,
});
expectType<
  | 'message'
  | 'tools'
  | 'activities'
  | AzureRunStepObject['status']
  | AzureToolCall['type']
  | undefined
  | AzureMcpToolCall[]
  | AzureRunStepErrorCode
  | null
>(azureEventResult);
expectError(
  matchStreamEvent(azureEvent, {
    'thread.run.step.created': () => 1,
    'thread.run.step.in_progress': () => 1,
    'thread.run.step.completed': () => 1,
    'thread.run.step.failed': () => 1,
    'thread.run.step.cancelled': () => 1,
    'thread.run.step.expired': () => 1,
  }),
);
// Only stream events: a value without a run step event name does not fit.
expectError(matchStreamEvent({ event: 'thread.run.created', data: {} }, {} as never));
