import { expectAssignable, expectError, expectType } from 'tsd';
import {
  assertNever,
  createRunStepGuard,
  type Assertion,
  type FunctionToolCall,
  type Guard,
  type RunStepErrorCode,
  type RunStepObject,
  type RunStepSchema,
  type StepDetailsKind,
  type ToolCall,
  type ToolCallKind,
  type Validator,
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
  type AzureBingPayload,
  type AzureStringPayload,
  type AzureToolCall,
} from 'openai-run-step-guards/azure';

expectType<Guard<AzureRunStepObject>>(isAzureRunStepObject);
expectType<Validator<AzureRunStepObject>>(validateAzureRunStepObject);
expectType<Assertion<AzureRunStepObject>>(assertAzureRunStepObject);
expectType<RunStepSchema<AzureRunStepObject>>(AzureRunStepObjectSchema);
expectType<Guard<AzureToolCall>>(isAzureToolCall);
expectType<Validator<AzureToolCall>>(validateAzureToolCall);
expectType<RunStepObject<AzureToolCall, AzureActivitiesStepDetails, AzureRunStepErrorCode>>({} as AzureRunStepObject);
expectType<ToolCall | AzureOnlyToolCall>({} as AzureToolCall);
expectType<RunStepErrorCode | (string & {})>({} as AzureRunStepErrorCode);

// Each kind's guard narrows to its own type.
expectType<Guard<AzureBingGroundingToolCall>>(isAzureBingGroundingToolCall);
expectType<Guard<AzureBingCustomSearchToolCall>>(isAzureBingCustomSearchToolCall);
expectType<Guard<AzureAISearchToolCall>>(isAzureAISearchToolCall);
expectType<Guard<AzureSharepointGroundingToolCall>>(isAzureSharepointGroundingToolCall);
expectType<Guard<AzureFabricDataAgentToolCall>>(isAzureFabricDataAgentToolCall);
expectType<Guard<AzureOpenApiToolCall>>(isAzureOpenApiToolCall);
expectType<Guard<AzureFunctionToolCall>>(isAzureFunctionToolCall);
expectType<Guard<AzureDeepResearchToolCall>>(isAzureDeepResearchToolCall);
expectType<Guard<AzureConnectedAgentToolCall>>(isAzureConnectedAgentToolCall);
expectType<Guard<AzureMcpToolCall>>(isAzureMcpToolCall);
expectType<Guard<AzureBrowserAutomationToolCall>>(isAzureBrowserAutomationToolCall);
expectType<Guard<AzureComputerUseToolCall>>(isAzureComputerUseToolCall);
expectType<Guard<AzureActivitiesStepDetails>>(isAzureActivitiesStepDetails);

// Payload strings that hold Python-style dicts are strings.
expectType<AzureBingPayload>({} as AzureBingGroundingToolCall['bing_grounding']);
expectAssignable<AzureStringPayload>({} as AzureBingGroundingToolCall['bing_grounding']);
expectType<string | undefined>(({} as AzureStringPayload)['response_metadata']);
expectType<AzureFunctionCallDetails>({} as AzureOpenApiToolCall['function']);
expectType<string | null>(({} as AzureFunctionCallDetails).output);
expectType<string | null | undefined>(({} as AzureDeepResearchToolCall)['deep_research'].output);
expectType<AzureBrowserAutomationStep[]>(({} as AzureBrowserAutomationToolCall).browser_automation.steps);
expectAssignable<AzureSafetyCheck>({ id: 'cu_sc' });
expectType<Record<string, AzureMcpToolDefinition>>(({} as AzureMcpListToolsActivity).tools);

// An Azure step narrows on `type`, `activities` included, and a switch over its fifteen kinds is exhaustive.
declare const value: unknown;
if (isAzureRunStepObject(value)) {
  if (value.type === 'activities') expectType<AzureActivitiesStepDetails>(value.step_details);
  if (value.type === 'tool_calls') {
    for (const call of value.step_details.tool_calls) {
      switch (call.type) {
        case 'code_interpreter':
        case 'file_search':
        case 'bing_grounding':
        case 'bing_custom_search':
        case 'azure_ai_search':
        case 'sharepoint_grounding':
        case 'fabric_dataagent':
        case 'azure_function':
        case 'deep_research':
        case 'connected_agent':
        case 'browser_automation':
        case 'computer_use_preview':
          break;
        case 'function':
          expectType<FunctionToolCall>(call);
          break;
        case 'openapi':
          expectType<AzureOpenApiToolCall>(call);
          break;
        case 'mcp':
          expectType<string>(call.name);
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
          // Azure's twelve are left: not `never`.
          expectError(assertNever(call));
      }
    }
  }
}

// The kinds are the extension point's, so a user can extend the Azure profile further.
expectType<readonly ToolCallKind<AzureOnlyToolCall['type'], AzureOnlyToolCall>[]>(AZURE_TOOL_CALL_KINDS);
expectType<readonly StepDetailsKind<'activities', AzureActivitiesStepDetails>[]>(AZURE_STEP_DETAILS_KINDS);
expectType<readonly AzureOnlyToolCall['type'][]>(AZURE_TOOL_CALL_TYPES);
const extended = createRunStepGuard({
  toolCalls: AZURE_TOOL_CALL_KINDS,
  stepDetails: AZURE_STEP_DETAILS_KINDS,
  lastErrorCodes: 'any',
});
expectType<Guard<AzureRunStepObject>>(extended.is);
