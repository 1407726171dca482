/**
 * openai-run-step-guards/azure: run steps of Azure AI Foundry Agent Service ("Agents (classic)").
 * Built on the root entry's extension point exactly as a user would build it: each Azure kind is a
 * `defineToolCallKind` over its own validator, and the run step guard is `createRunStepGuard`.
 */

import {
  createRunStepGuard,
  defineStepDetailsKind,
  defineToolCallKind,
  type Assertion,
  type Guard,
  type RunStepGuardSet,
  type RunStepSchema,
  type StepDetailsKind,
  type ToolCallKind,
  type Validator,
} from '../index.js';
import { _validator } from '../diagnostics/validators.js';
import { _guard, type _Check } from '../internal/read.js';
import {
  _checkAISearchCall,
  _checkActivitiesDetails,
  _checkAzureFunctionCall,
  _checkBingCustomSearchCall,
  _checkBingGroundingCall,
  _checkBrowserAutomationCall,
  _checkComputerUseCall,
  _checkConnectedAgentCall,
  _checkDeepResearchCall,
  _checkFabricCall,
  _checkMcpCall,
  _checkOpenApiCall,
  _checkSharepointCall,
} from './checks.js';
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
  AzureOnlyToolCall,
  AzureOpenApiToolCall,
  AzureRunStepObject,
  AzureSharepointGroundingToolCall,
  AzureToolCall,
} from './types.js';

export type * from './types.js';

/** Checks deeply that a value is a `bing_grounding` tool call. @param value Any value. */
export const isAzureBingGroundingToolCall: Guard<AzureBingGroundingToolCall> = _guard(_checkBingGroundingCall);
/** Checks deeply that a value is a `bing_custom_search` tool call. @param value Any value. */
export const isAzureBingCustomSearchToolCall: Guard<AzureBingCustomSearchToolCall> = _guard(_checkBingCustomSearchCall);
/** Checks deeply that a value is an `azure_ai_search` tool call. @param value Any value. */
export const isAzureAISearchToolCall: Guard<AzureAISearchToolCall> = _guard(_checkAISearchCall);
/** Checks deeply that a value is a `sharepoint_grounding` tool call. @param value Any value. */
export const isAzureSharepointGroundingToolCall: Guard<AzureSharepointGroundingToolCall> = _guard(_checkSharepointCall);
/** Checks deeply that a value is a `fabric_dataagent` tool call. @param value Any value. */
export const isAzureFabricDataAgentToolCall: Guard<AzureFabricDataAgentToolCall> = _guard(_checkFabricCall);
/** Checks deeply that a value is an `openapi` tool call (payload under `function`). @param value Any value. */
export const isAzureOpenApiToolCall: Guard<AzureOpenApiToolCall> = _guard(_checkOpenApiCall);
/** Checks deeply that a value is an `azure_function` tool call. @param value Any value. */
export const isAzureFunctionToolCall: Guard<AzureFunctionToolCall> = _guard(_checkAzureFunctionCall);
/** Checks deeply that a value is a `deep_research` tool call. @param value Any value. */
export const isAzureDeepResearchToolCall: Guard<AzureDeepResearchToolCall> = _guard(_checkDeepResearchCall);
/** Checks deeply that a value is a `connected_agent` tool call. @param value Any value. */
export const isAzureConnectedAgentToolCall: Guard<AzureConnectedAgentToolCall> = _guard(_checkConnectedAgentCall);
/** Checks deeply that a value is an `mcp` tool call (flat payload). @param value Any value. */
export const isAzureMcpToolCall: Guard<AzureMcpToolCall> = _guard(_checkMcpCall);
/** Checks deeply that a value is a `browser_automation` tool call. @param value Any value. */
export const isAzureBrowserAutomationToolCall: Guard<AzureBrowserAutomationToolCall> =
  _guard(_checkBrowserAutomationCall);
/** Checks loosely (SDK fields only) that a value is a `computer_use_preview` tool call. @param value Any value. */
export const isAzureComputerUseToolCall: Guard<AzureComputerUseToolCall> = _guard(_checkComputerUseCall);
/** Checks deeply that a value is the `step_details` of an `activities` step. @param value Any value. */
export const isAzureActivitiesStepDetails: Guard<AzureActivitiesStepDetails> = _guard(_checkActivitiesDetails);

/** One Azure kind, defined as a user defines theirs: a validator, so that issues inside it keep their paths. */
function _kind<const Type extends AzureOnlyToolCall['type']>(
  type: Type,
  check: _Check,
): ToolCallKind<Type, Extract<AzureOnlyToolCall, { type: Type }>> {
  return defineToolCallKind(type, _validator<Extract<AzureOnlyToolCall, { type: Type }>>(check));
}

/**
 * Azure's twelve tool call kinds, for `createRunStepGuard`: add yours beside them to extend the Azure
 * profile (with `stepDetails: AZURE_STEP_DETAILS_KINDS, lastErrorCodes: 'any'`).
 */
export const AZURE_TOOL_CALL_KINDS: readonly ToolCallKind<AzureOnlyToolCall['type'], AzureOnlyToolCall>[] = [
  _kind('bing_grounding', _checkBingGroundingCall),
  _kind('bing_custom_search', _checkBingCustomSearchCall),
  _kind('azure_ai_search', _checkAISearchCall),
  _kind('sharepoint_grounding', _checkSharepointCall),
  _kind('fabric_dataagent', _checkFabricCall),
  _kind('openapi', _checkOpenApiCall),
  _kind('azure_function', _checkAzureFunctionCall),
  _kind('deep_research', _checkDeepResearchCall),
  _kind('connected_agent', _checkConnectedAgentCall),
  _kind('mcp', _checkMcpCall),
  _kind('browser_automation', _checkBrowserAutomationCall),
  _kind('computer_use_preview', _checkComputerUseCall),
];

/** Azure's added step details kind, `activities`, for `createRunStepGuard`. */
export const AZURE_STEP_DETAILS_KINDS: readonly StepDetailsKind<'activities', AzureActivitiesStepDetails>[] = [
  defineStepDetailsKind('activities', _validator<AzureActivitiesStepDetails>(_checkActivitiesDetails)),
];

/** The types of Azure's twelve added tool call kinds, in the order of `AZURE_TOOL_CALL_KINDS`. */
export const AZURE_TOOL_CALL_TYPES: readonly AzureOnlyToolCall['type'][] = AZURE_TOOL_CALL_KINDS.map(
  (kind) => kind.type,
);

/** The Azure profile: every kind, `activities`, and any string as `last_error.code`. */
const _azure: RunStepGuardSet<AzureRunStepObject, AzureToolCall> = createRunStepGuard({
  toolCalls: AZURE_TOOL_CALL_KINDS,
  stepDetails: AZURE_STEP_DETAILS_KINDS,
  lastErrorCodes: 'any',
  name: 'AzureRunStepObject',
});

/**
 * Checks deeply that a value is a run step of Azure AI Foundry Agent Service: OpenAI's fields, Azure's
 * tool call kinds and `activities` steps, any string as `last_error.code`.
 * @param value Any value.
 * @returns `true` when `value` is an {@link AzureRunStepObject}.
 */
export const isAzureRunStepObject: Guard<AzureRunStepObject> = _azure.is;

/**
 * Validates an Azure run step, as {@link isAzureRunStepObject} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateAzureRunStepObject: Validator<AzureRunStepObject> = _azure.validate;

/**
 * Asserts that a value is an Azure run step; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertAzureRunStepObject: Assertion<AzureRunStepObject> = _azure.assert;

/** A Standard Schema v1 for {@link AzureRunStepObject}. */
export const AzureRunStepObjectSchema: RunStepSchema<AzureRunStepObject> = _azure.schema;

/**
 * Checks deeply that a value is a tool call of any of Azure's fifteen kinds (OpenAI's three and Azure's twelve).
 * @param value Any value.
 * @returns `true` when `value` is an {@link AzureToolCall}.
 */
export const isAzureToolCall: Guard<AzureToolCall> = _azure.isToolCall;

/**
 * Validates a tool call of any of Azure's kinds, as {@link isAzureToolCall} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateAzureToolCall: Validator<AzureToolCall> = _azure.validateToolCall;
