/**
 * openai-run-step-guards/azure: run steps of Azure AI Foundry Agent Service ("Agents (classic)"). A
 * built-in flavour (guards/flavour.ts) of the package's own checks: Azure's kinds are registered from their
 * internal checks (checks.ts) through the private path of extension/kinds.ts, never through a public
 * validator, and the same kind objects extend a user's `createRunStepGuard` (`AZURE_TOOL_CALL_KINDS`).
 * It shares the root's chunks in the build (one copy of the read state and of the kinds).
 */

import type { Assertion, Validator } from '../diagnostics/issues.js';
import type { RunStepSchema } from '../diagnostics/standard-schema.js';
import type { StepDetailsKind, ToolCallKind } from '../extension/kinds.js';
import { _internalStepDetailsKind, _internalToolCallKind } from '../extension/kinds.js';
import {
  _callGuard,
  _callValidator,
  _stepAssertion,
  _stepGuard,
  _stepSchema,
  _stepValidator,
} from '../guards/entries.js';
import { _flavour } from '../guards/run-step.js';
import {
  _callDeltaGuard,
  _callDeltaValidator,
  _deltaAssertion,
  _deltaGuard,
  _deltaSchema,
  _deltaValidator,
  _eventAssertion,
  _eventGuard,
  _eventSchema,
  _eventValidator,
} from '../streaming/entries.js';
import { _stream } from '../streaming/guards.js';
import { _AZURE_KEYS } from '../internal/keys.js';
import { _guard } from '../internal/read.js';
import type { Guard } from '../types.js';
import {
  _ACTIVITIES,
  _AZURE_CALLS,
  _aiSearchBody,
  _azureFunctionBody,
  _bingCustomSearchBody,
  _bingGroundingBody,
  _browserAutomationBody,
  _computerUseBody,
  _connectedAgentBody,
  _deepResearchBody,
  _fabricBody,
  _mcpBody,
  _openApiBody,
  _sharepointBody,
  _checkActivitiesDetails,
  _wholeCall,
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
  AzureRunStepDeltaObject,
  AzureRunStepObject,
  AzureRunStepStreamEvent,
  AzureSharepointGroundingToolCall,
  AzureToolCall,
  AzureToolCallDelta,
} from './types.js';

export type * from './types.js';

/** Checks deeply that a value is a `bing_grounding` tool call. @param value Any value. */
export const isAzureBingGroundingToolCall: Guard<AzureBingGroundingToolCall> = /* @__PURE__ */ _guard(
  /* @__PURE__ */ _wholeCall('bing_grounding', _bingGroundingBody),
  _AZURE_KEYS,
);
/** Checks deeply that a value is a `bing_custom_search` tool call. @param value Any value. */
export const isAzureBingCustomSearchToolCall: Guard<AzureBingCustomSearchToolCall> = /* @__PURE__ */ _guard(
  /* @__PURE__ */ _wholeCall('bing_custom_search', _bingCustomSearchBody),
  _AZURE_KEYS,
);
/** Checks deeply that a value is an `azure_ai_search` tool call. @param value Any value. */
export const isAzureAISearchToolCall: Guard<AzureAISearchToolCall> = /* @__PURE__ */ _guard(
  /* @__PURE__ */ _wholeCall('azure_ai_search', _aiSearchBody),
  _AZURE_KEYS,
);
/** Checks deeply that a value is a `sharepoint_grounding` tool call. @param value Any value. */
export const isAzureSharepointGroundingToolCall: Guard<AzureSharepointGroundingToolCall> = /* @__PURE__ */ _guard(
  /* @__PURE__ */ _wholeCall('sharepoint_grounding', _sharepointBody),
  _AZURE_KEYS,
);
/** Checks deeply that a value is a `fabric_dataagent` tool call. @param value Any value. */
export const isAzureFabricDataAgentToolCall: Guard<AzureFabricDataAgentToolCall> = /* @__PURE__ */ _guard(
  /* @__PURE__ */ _wholeCall('fabric_dataagent', _fabricBody),
  _AZURE_KEYS,
);
/** Checks deeply that a value is an `openapi` tool call (payload under `function`). @param value Any value. */
export const isAzureOpenApiToolCall: Guard<AzureOpenApiToolCall> = /* @__PURE__ */ _guard(
  /* @__PURE__ */ _wholeCall('openapi', _openApiBody),
  _AZURE_KEYS,
);
/** Checks deeply that a value is an `azure_function` tool call. @param value Any value. */
export const isAzureFunctionToolCall: Guard<AzureFunctionToolCall> = /* @__PURE__ */ _guard(
  /* @__PURE__ */ _wholeCall('azure_function', _azureFunctionBody),
  _AZURE_KEYS,
);
/** Checks deeply that a value is a `deep_research` tool call. @param value Any value. */
export const isAzureDeepResearchToolCall: Guard<AzureDeepResearchToolCall> = /* @__PURE__ */ _guard(
  /* @__PURE__ */ _wholeCall('deep_research', _deepResearchBody),
  _AZURE_KEYS,
);
/** Checks deeply that a value is a `connected_agent` tool call. @param value Any value. */
export const isAzureConnectedAgentToolCall: Guard<AzureConnectedAgentToolCall> = /* @__PURE__ */ _guard(
  /* @__PURE__ */ _wholeCall('connected_agent', _connectedAgentBody),
  _AZURE_KEYS,
);
/** Checks deeply that a value is an `mcp` tool call (flat payload). @param value Any value. */
export const isAzureMcpToolCall: Guard<AzureMcpToolCall> = /* @__PURE__ */ _guard(
  /* @__PURE__ */ _wholeCall('mcp', _mcpBody),
  _AZURE_KEYS,
);
/** Checks deeply that a value is a `browser_automation` tool call. @param value Any value. */
export const isAzureBrowserAutomationToolCall: Guard<AzureBrowserAutomationToolCall> = /* @__PURE__ */ _guard(
  /* @__PURE__ */ _wholeCall('browser_automation', _browserAutomationBody),
  _AZURE_KEYS,
);
/** Checks loosely (SDK fields only) that a value is a `computer_use_preview` tool call. @param value Any value. */
export const isAzureComputerUseToolCall: Guard<AzureComputerUseToolCall> = /* @__PURE__ */ _guard(
  /* @__PURE__ */ _wholeCall('computer_use_preview', _computerUseBody),
  _AZURE_KEYS,
);
/** Checks deeply that a value is the `step_details` of an `activities` step. @param value Any value. */
export const isAzureActivitiesStepDetails: Guard<AzureActivitiesStepDetails> = /* @__PURE__ */ _guard(
  _checkActivitiesDetails,
  _AZURE_KEYS,
);

/**
 * Azure's twelve tool call kinds, for `createRunStepGuard`: add yours beside them to extend the Azure
 * profile (with `stepDetails: AZURE_STEP_DETAILS_KINDS, lastErrorCodes: 'any'`).
 */
export const AZURE_TOOL_CALL_KINDS: readonly ToolCallKind<AzureOnlyToolCall['type'], AzureOnlyToolCall>[] =
  /* @__PURE__ */ _AZURE_CALLS.map(([type, entry]) => _internalToolCallKind(type, entry));

/** Azure's added step details kind, `activities`, for `createRunStepGuard`. */
export const AZURE_STEP_DETAILS_KINDS: readonly StepDetailsKind<'activities', AzureActivitiesStepDetails>[] = [
  /* @__PURE__ */ _internalStepDetailsKind('activities', _ACTIVITIES),
];

/** The types of Azure's twelve added tool call kinds, in the order of `AZURE_TOOL_CALL_KINDS`. */
export const AZURE_TOOL_CALL_TYPES: readonly AzureOnlyToolCall['type'][] = /* @__PURE__ */ _AZURE_CALLS.map(
  ([type]) => type,
);

/** The Azure profile as a flavour: every kind, `activities`, and any string as `last_error.code`. */
const _AZURE = /* @__PURE__ */ _flavour({
  calls: _AZURE_CALLS,
  details: [['activities', _ACTIVITIES]],
  anyErrorCode: true,
});

/**
 * Checks deeply that a value is a run step of Azure AI Foundry Agent Service: OpenAI's fields, Azure's
 * tool call kinds and `activities` steps, any string as `last_error.code`.
 * @param value Any value.
 * @returns `true` when `value` is an {@link AzureRunStepObject}.
 */
export const isAzureRunStepObject: Guard<AzureRunStepObject> = /* @__PURE__ */ _stepGuard(_AZURE);

/**
 * Validates an Azure run step, as {@link isAzureRunStepObject} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateAzureRunStepObject: Validator<AzureRunStepObject> = /* @__PURE__ */ _stepValidator(_AZURE);

/**
 * Asserts that a value is an Azure run step; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertAzureRunStepObject: Assertion<AzureRunStepObject> = /* @__PURE__ */ _stepAssertion(
  _AZURE,
  'AzureRunStepObject',
);

/** A Standard Schema v1 for {@link AzureRunStepObject}. */
export const AzureRunStepObjectSchema: RunStepSchema<AzureRunStepObject> = /* @__PURE__ */ _stepSchema(_AZURE);

/**
 * Checks deeply that a value is a tool call of any of Azure's fifteen kinds (OpenAI's three and Azure's twelve).
 * @param value Any value.
 * @returns `true` when `value` is an {@link AzureToolCall}.
 */
export const isAzureToolCall: Guard<AzureToolCall> = /* @__PURE__ */ _callGuard(_AZURE);

/**
 * Validates a tool call of any of Azure's kinds, as {@link isAzureToolCall} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateAzureToolCall: Validator<AzureToolCall> = /* @__PURE__ */ _callValidator(_AZURE);

// ---- streams ------------------------------------------------------------------------------------------

/** The Azure profile's deltas and stream events: its kinds' fragments checked by their merge rules (checks.ts). */
const _AZURE_STREAM = /* @__PURE__ */ _stream(_AZURE);

/**
 * Checks deeply that a value is an Azure run step delta: OpenAI's chunks and every Azure kind's
 * (`step_details.type` is the step's, `tool_calls` for every tool call kind; each chunk's own `type` is its
 * kind), and `activities` details. A chunk of a kind the profile does not know is rejected at its `type`.
 * @param value Any value, e.g. the `data` of a `thread.run.step.delta` event.
 * @returns `true` when `value` is an {@link AzureRunStepDeltaObject}.
 */
export const isAzureRunStepDeltaObject: Guard<AzureRunStepDeltaObject> = /* @__PURE__ */ _deltaGuard(_AZURE_STREAM);

/**
 * Validates an Azure run step delta, as {@link isAzureRunStepDeltaObject} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateAzureRunStepDeltaObject: Validator<AzureRunStepDeltaObject> =
  /* @__PURE__ */ _deltaValidator(_AZURE_STREAM);

/**
 * Asserts that a value is an Azure run step delta; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertAzureRunStepDeltaObject: Assertion<AzureRunStepDeltaObject> = /* @__PURE__ */ _deltaAssertion(
  _AZURE_STREAM,
  'AzureRunStepDeltaObject',
);

/** A Standard Schema v1 for {@link AzureRunStepDeltaObject}. */
export const AzureRunStepDeltaObjectSchema: RunStepSchema<AzureRunStepDeltaObject> =
  /* @__PURE__ */ _deltaSchema(_AZURE_STREAM);

/**
 * Checks deeply that a value is an Azure run step stream event `{event, data}`: one of the seven names,
 * `data` an Azure run step (as {@link isAzureRunStepObject} checks it), or an Azure delta for
 * `thread.run.step.delta`.
 * @param value Any value, e.g. one parsed server-sent event.
 * @returns `true` when `value` is an {@link AzureRunStepStreamEvent}.
 */
export const isAzureRunStepStreamEvent: Guard<AzureRunStepStreamEvent> = /* @__PURE__ */ _eventGuard(_AZURE_STREAM);

/**
 * Validates an Azure run step stream event, as {@link isAzureRunStepStreamEvent} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateAzureRunStepStreamEvent: Validator<AzureRunStepStreamEvent> =
  /* @__PURE__ */ _eventValidator(_AZURE_STREAM);

/**
 * Asserts that a value is an Azure run step stream event; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertAzureRunStepStreamEvent: Assertion<AzureRunStepStreamEvent> = /* @__PURE__ */ _eventAssertion(
  _AZURE_STREAM,
  'AzureRunStepStreamEvent',
);

/** A Standard Schema v1 for {@link AzureRunStepStreamEvent}. */
export const AzureRunStepStreamEventSchema: RunStepSchema<AzureRunStepStreamEvent> =
  /* @__PURE__ */ _eventSchema(_AZURE_STREAM);

/**
 * Checks deeply that a value is a tool call chunk of any of Azure's fifteen kinds, as a delta carries it
 * (`index` and `type`; the rest in pieces, `null` where a first chunk has no string yet).
 * @param value Any value.
 * @returns `true` when `value` is an {@link AzureToolCallDelta}.
 */
export const isAzureToolCallDelta: Guard<AzureToolCallDelta> = /* @__PURE__ */ _callDeltaGuard(_AZURE_STREAM);

/**
 * Validates a tool call chunk of any of Azure's kinds, as {@link isAzureToolCallDelta} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateAzureToolCallDelta: Validator<AzureToolCallDelta> =
  /* @__PURE__ */ _callDeltaValidator(_AZURE_STREAM);
