// The Azure AI Foundry profile (openai-run-step-guards/azure) on every Azure fixture: recordings from
// Azure's SDK test assets and one synthetic step for the kinds known only from Azure's SDK models
// (test/fixtures/azure/PROVENANCE.md). The corruptions are corrupt.ts's, driven by the Azure contract.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRunStepObject, validateRunStepObject, type ValidationIssue } from 'openai-run-step-guards';
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
} from 'openai-run-step-guards/azure';
import { AZURE_CONTRACT, AZURE_ONLY_KINDS, OPAQUE_EXCEPTIONS, OPAQUE_PREFIXES, azureSteps } from './support/azure.js';
import { formatPath, patternOf } from './support/contract.js';
import { mutate, type Mutation } from './support/arbitraries.js';
import { corruptions } from './support/corrupt.js';
import { deepFreeze } from './support/fixtures.js';
import { HEAVY_TIMEOUT } from './support/timeouts.js';

type Path = readonly (string | number)[];
/** One random edit (see arbitraries.ts's `mutate`). */
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.nat(),
  pick: fc.nat(),
  json: fc.jsonValue(),
});
const steps = azureSteps();
const callsOf = (step: Record<string, any>): Record<string, any>[] => step['step_details']['tool_calls'] ?? [];
const usesAzureOnly = (step: Record<string, any>) =>
  step['type'] === 'activities' ||
  callsOf(step).some((call) => !['code_interpreter', 'file_search', 'function'].includes(call['type']));

/** Each kind's own guard, by type. */
const KIND_GUARDS: Record<(typeof AZURE_ONLY_KINDS)[number], (value: unknown) => boolean> = {
  bing_grounding: isAzureBingGroundingToolCall,
  bing_custom_search: isAzureBingCustomSearchToolCall,
  azure_ai_search: isAzureAISearchToolCall,
  sharepoint_grounding: isAzureSharepointGroundingToolCall,
  fabric_dataagent: isAzureFabricDataAgentToolCall,
  openapi: isAzureOpenApiToolCall,
  azure_function: isAzureFunctionToolCall,
  deep_research: isAzureDeepResearchToolCall,
  connected_agent: isAzureConnectedAgentToolCall,
  mcp: isAzureMcpToolCall,
  browser_automation: isAzureBrowserAutomationToolCall,
  computer_use_preview: isAzureComputerUseToolCall,
};

describe('the Azure fixtures', () => {
  it('hold every Azure tool call kind, and an activities step', () => {
    const kinds = new Set(steps.flatMap(({ step }) => callsOf(step).map((call) => call['type'])));
    expect([...AZURE_ONLY_KINDS].filter((kind) => !kinds.has(kind))).toEqual([]);
    expect(steps.some(({ step }) => step['type'] === 'activities')).toBe(true);
    expect([...AZURE_TOOL_CALL_TYPES]).toEqual([...AZURE_ONLY_KINDS]);
    expect(AZURE_TOOL_CALL_KINDS.map((kind) => kind.type)).toEqual([...AZURE_ONLY_KINDS]);
    expect(AZURE_STEP_DETAILS_KINDS.map((kind) => kind.type)).toEqual(['activities']);
  });
});

describe('isAzureRunStepObject', () => {
  it.each(steps.map(({ source, step }) => [source, step] as const))('accepts %s', (_, step) => {
    expect(isAzureRunStepObject(step)).toBe(true);
    expect(validateAzureRunStepObject(step)).toEqual({ success: true, value: step });
    expect(() => assertAzureRunStepObject(step)).not.toThrow();
    expect(AzureRunStepObjectSchema['~standard'].validate(step)).toEqual({ value: step });
    for (const call of callsOf(step)) {
      expect(isAzureToolCall(call)).toBe(true);
      const own = KIND_GUARDS[call['type'] as keyof typeof KIND_GUARDS];
      if (own !== undefined) expect(own(call)).toBe(true);
    }
    if (step['type'] === 'activities') expect(isAzureActivitiesStepDetails(step['step_details'])).toBe(true);
  });

  it('accepts every step the default guard accepts (OpenAI steps are Azure steps)', async () => {
    const { acceptedRunSteps } = await import('./support/fixtures.js');
    const rejected = acceptedRunSteps().filter(({ step }) => !isAzureRunStepObject(step));
    expect(rejected.map(({ source }) => source)).toEqual([]);
  });

  it("rejects each kind under another kind's guard", () => {
    for (const { step } of steps) {
      for (const call of callsOf(step)) {
        for (const [type, guard] of Object.entries(KIND_GUARDS)) {
          if (type !== call['type']) expect(guard(call)).toBe(false);
        }
      }
    }
  });
});

describe('isRunStepObject (the default) on Azure steps', () => {
  const azureOnly = steps.filter(({ step }) => usesAzureOnly(step));
  const openAIOnly = steps.filter(({ step }) => !usesAzureOnly(step));

  it('has steps of both kinds to judge', () => {
    expect(azureOnly.length).toBeGreaterThanOrEqual(8);
    expect(openAIOnly.length).toBeGreaterThanOrEqual(3);
  });

  it.each(azureOnly.map(({ source, step }) => [source, step] as const))(
    'rejects %s at the Azure-only type',
    (_, step) => {
      expect(isRunStepObject(step)).toBe(false);
      const result = validateRunStepObject(step);
      const paths = result.success ? [] : result.issues.map((issue) => formatPath(issue.path));
      const expected =
        step['type'] === 'activities'
          ? ['type', 'step_details.type']
          : callsOf(step).flatMap((call, index) =>
              ['code_interpreter', 'file_search', 'function'].includes(call['type'])
                ? []
                : [`step_details.tool_calls[${index}].type`],
            );
      // The synthetic step's open `last_error.code` is OpenAI-invalid too.
      expect(paths.filter((path) => path !== 'last_error.code')).toEqual(expected);
    },
  );

  it.each(openAIOnly.map(({ source, step }) => [source, step] as const))('accepts %s', (_, step) => {
    expect(isRunStepObject(step)).toBe(true);
  });
});

/** Whether an issue is at the corrupted place or inside it; for a swapped discriminant, in the object it discriminates. */
function pointsAt(issue: ValidationIssue, corrupted: Path, discriminant: boolean): boolean {
  const prefix = discriminant ? corrupted.slice(0, -1) : corrupted;
  return prefix.every((key, index) => issue.path[index] === key);
}

/** Whether a corruption is in a place Azure leaves undescribed (support/azure.ts). */
function opaque(path: Path): boolean {
  const pattern = patternOf(path, AZURE_CONTRACT.maps);
  return !OPAQUE_EXCEPTIONS.has(pattern) && OPAQUE_PREFIXES.some((prefix) => pattern.startsWith(prefix));
}

describe('every corruption of an Azure step', { timeout: HEAVY_TIMEOUT }, () => {
  let total = 0;
  it.each(steps.map(({ source, step }) => [source, step] as const))('%s is rejected, at its place', (_, step) => {
    const missed: string[] = [];
    for (const corruption of corruptions(step, AZURE_CONTRACT)) {
      if (opaque(corruption.path)) continue;
      const pattern = patternOf(corruption.path, AZURE_CONTRACT.maps);
      // An openapi call whose type says `function` is a valid function call: same payload, same key.
      if (
        corruption.description.endsWith('swapped to "function"') &&
        callsOf(step).some((call) => call['type'] === 'openapi')
      )
        continue;
      const discriminant = AZURE_CONTRACT.discriminants.has(pattern) && corruption.description.includes('swapped');
      total++;
      if (isAzureRunStepObject(corruption.value)) {
        missed.push(`${corruption.description}: accepted`);
        continue;
      }
      const result = validateAzureRunStepObject(corruption.value);
      const issues = result.success ? [] : result.issues;
      if (!issues.some((issue) => pointsAt(issue, corruption.path, discriminant)))
        missed.push(`${corruption.description}: ${issues.map((issue) => formatPath(issue.path)).join(', ')}`);
    }
    expect(missed).toEqual([]);
  });

  it('came to thousands of cases', () => {
    expect(total).toBeGreaterThan(1000);
  });
});

describe('validateAzureToolCall', () => {
  it('reports inside an Azure kind, at its own path', () => {
    const result = validateAzureToolCall({ id: 'c', type: 'bing_grounding', bing_grounding: { requesturl: 5 } });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.issues.map((issue) => formatPath(issue.path))).toEqual(['bing_grounding.requesturl']);
  });
});

describe('the Azure guard, validator, assertion and schema never disagree', { timeout: HEAVY_TIMEOUT }, () => {
  it('on the fixtures with up to three random edits each, and on any JSON (fast-check)', () => {
    let cases = 0;
    let invalid = 0;
    const edited = fc
      .tuple(fc.constantFrom(...steps.map(({ step }) => step)), fc.array(mutation, { minLength: 0, maxLength: 3 }))
      .map(([start, edits]) => edits.reduce(mutate, start as unknown));
    fc.assert(
      fc.property(fc.oneof({ arbitrary: edited, weight: 4 }, { arbitrary: fc.jsonValue(), weight: 1 }), (value) => {
        cases++;
        const frozen = deepFreeze(value);
        const before = JSON.stringify(frozen);
        const valid = isAzureRunStepObject(frozen);
        const result = validateAzureRunStepObject(frozen);
        expect(result.success).toBe(valid);
        if (!result.success) {
          invalid++;
          expect(result.issues.length).toBeGreaterThan(0);
        }
        let asserted = true;
        try {
          assertAzureRunStepObject(frozen);
        } catch {
          asserted = false;
        }
        expect(asserted).toBe(valid);
        expect('issues' in AzureRunStepObjectSchema['~standard'].validate(frozen)).toBe(!valid);
        expect(JSON.stringify(frozen)).toBe(before);
      }),
      { numRuns: 3000 },
    );
    expect(cases).toBe(3000);
    expect(invalid).toBeGreaterThan(1000);
  });
});
