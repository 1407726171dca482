// The Azure AI Foundry fixtures (test/fixtures/azure/, PROVENANCE.md) and the Azure run step contract,
// stated like contract.ts (and on top of it) from AZURE.md and Azure's SDK models, not from src/.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DISCRIMINANTS, ENUMS, FRACTIONAL, MAPS, NULLABLE, OPTIONAL, SCALAR, type Contract } from './contract.js';
import { FIXTURES_DIR, isObject, type FoundStep } from './fixtures.js';

/** Every run step in test/fixtures/azure/: single steps and the items of list responses. */
export function azureSteps(): FoundStep[] {
  const dir = join(FIXTURES_DIR, 'azure');
  const steps: FoundStep[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    const json: unknown = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    if (!isObject(json)) throw new Error(`${name} holds no object`);
    if (json['object'] === 'list') {
      (json['data'] as Record<string, unknown>[]).forEach((step, index) =>
        steps.push({ source: `azure/${name} data[${index}]`, step }),
      );
    } else steps.push({ source: `azure/${name}`, step: json });
  }
  return steps;
}

/** Azure's twelve tool call kinds (AZURE.md). */
export const AZURE_ONLY_KINDS = [
  'bing_grounding',
  'bing_custom_search',
  'azure_ai_search',
  'sharepoint_grounding',
  'fabric_dataagent',
  'openapi',
  'azure_function',
  'deep_research',
  'connected_agent',
  'mcp',
  'browser_automation',
  'computer_use_preview',
] as const;

const CALL = 'step_details.tool_calls[]';
const ACTIVITY = 'step_details.activities[]';
/** Payloads Azure's SDK types `dict[str, str]`. */
const STRING_PAYLOADS = [
  'bing_grounding',
  'bing_custom_search',
  'azure_ai_search',
  'sharepoint_grounding',
  'fabric_dataagent',
];
const CONNECTED = ['name', 'arguments', 'output', 'run_id', 'thread_id', 'assistant_id'].map(
  (key) => `${CALL}.connected_agent.${key}`,
);
const COMPUTER = ['action', 'pending_safety_checks', 'output', 'acknowledged_safety_checks'].map(
  (key) => `${CALL}.computer_use_preview.${key}`,
);

/**
 * Places whose content Azure does not describe, so nothing inside them is a corruption: an MCP tool's
 * `parameters` (a JSON Schema as the server wrote it), a computer use action's fields beyond `type`, and
 * its screenshot `output`.
 */
export const OPAQUE_PREFIXES = [
  `${ACTIVITY}.tools.*.parameters.`,
  `${CALL}.computer_use_preview.action.`,
  `${CALL}.computer_use_preview.output.`,
];
/** ... except `action.type`, which is checked. */
export const OPAQUE_EXCEPTIONS = new Set([`${CALL}.computer_use_preview.action.type`]);

/** The Azure run step's contract: OpenAI's, plus Azure's kinds, `activities`, and an open `last_error.code`. */
export const AZURE_CONTRACT: Contract = {
  optional: new Set([
    ...OPTIONAL,
    ...STRING_PAYLOADS.map((key) => `${CALL}.${key}.*`),
    `${CALL}.server_label`,
    `${CALL}.deep_research.output`,
    ...CONNECTED,
    ...COMPUTER,
    `${CALL}.computer_use_preview.pending_safety_checks[].code`,
    `${CALL}.computer_use_preview.pending_safety_checks[].message`,
    `${ACTIVITY}.tools.*`,
    `${ACTIVITY}.tools.*.description`,
  ]),
  nullable: new Set([
    ...NULLABLE,
    `${CALL}.azure_function.output`,
    `${CALL}.output`,
    `${CALL}.deep_research.output`,
    `${CALL}.browser_automation.output`,
    ...CONNECTED,
    `${CALL}.computer_use_preview.output`,
    `${CALL}.computer_use_preview.acknowledged_safety_checks`,
    `${CALL}.computer_use_preview.pending_safety_checks[].code`,
    `${CALL}.computer_use_preview.pending_safety_checks[].message`,
  ]),
  fractional: FRACTIONAL,
  scalar: SCALAR,
  maps: new Set([...MAPS, ...STRING_PAYLOADS.map((key) => `${CALL}.${key}`), `${ACTIVITY}.tools`]),
  enums: new Map([
    ...[...ENUMS].filter(([pattern]) => pattern !== 'last_error.code'),
    ['type', ['message_creation', 'tool_calls', 'activities']],
    ['step_details.type', ['message_creation', 'tool_calls', 'activities']],
    [`${CALL}.type`, ['code_interpreter', 'file_search', 'function', ...AZURE_ONLY_KINDS]],
    [`${ACTIVITY}.type`, ['mcp_list_tools']],
  ]),
  discriminants: DISCRIMINANTS,
};
