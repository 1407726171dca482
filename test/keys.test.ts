// The registry of the keys the checks read (src/internal/keys.ts) against what the checks really read:
// every key any public check reads on its sample, and every key the Azure profile reads on every recorded
// Azure step, must be one that some group tests, so that a polluted Object.prototype holding it turns
// the call to the own-keys view. A key read but registered nowhere fails here (the pollution tests then
// show what it would let through). This file writes to Object.prototype, so it runs in its own process
// (vitest.config.ts), and removes each key before the next.
import { describe, expect, it } from 'vitest';
import {
  isAzureRunStepObject,
  isAzureRunStepStreamEvent,
  validateAzureRunStepObject,
  validateAzureRunStepStreamEvent,
} from '../src/azure/index.js';
import { azureStreamEvents } from './support/azure-stream.js';
import { _AZURE_KEYS, _HISTORICAL_KEYS, _LIST_KEYS, _baseKeysClean } from '../src/internal/keys.js';
import { azureSteps } from './support/azure.js';
import { CHECKS, SAMPLES } from './support/checks.js';
import { instrument } from './support/hostile.js';

const GROUPS = { base: _baseKeysClean, historical: _HISTORICAL_KEYS, list: _LIST_KEYS, azure: _AZURE_KEYS };
const objectPrototype = Object.prototype as Record<string, unknown>;

/**
 * The keys that hold maps: their entries are enumerated as own keys (`for...in` with `hasOwnProperty`),
 * never read by a name a polluted prototype could supply, so they are no keys of the registry.
 */
const MAPS = new Set([
  'metadata',
  'attributes',
  'tools',
  'retrieval',
  'bing_grounding',
  'bing_custom_search',
  'azure_ai_search',
  'sharepoint_grounding',
  'fabric_dataagent',
]);

/** The keys a check reads by name on a value (the last segment of every path it reads), array indices left out. */
function keysRead(check: (value: unknown) => unknown, value: unknown): Set<string> {
  const { value: wrapped, reads } = instrument(structuredClone(value));
  check(wrapped);
  const keys = new Set<string>();
  for (const path of reads.keys()) {
    const segments = path.split('.').filter((segment) => !/^\d+$/.test(segment));
    const key = segments[segments.length - 1] ?? '';
    if (MAPS.has(segments[segments.length - 2] ?? '')) continue;
    if (key !== '' && key !== 'length' && !key.startsWith('Symbol(')) keys.add(key);
  }
  return keys;
}

/** The groups that see `key` on a polluted Object.prototype. */
function groupsOf(key: string): string[] {
  objectPrototype[key] = 'polluted';
  try {
    return Object.entries(GROUPS)
      .filter(([, clean]) => !clean())
      .map(([name]) => name);
  } finally {
    delete objectPrototype[key];
  }
}

describe('the key registry', () => {
  it('finds Object.prototype clean while nothing is added to it', () => {
    for (const [name, clean] of Object.entries(GROUPS)) expect(clean(), name).toBe(true);
  });

  const read = new Map<string, string>();
  for (const { name, root, check } of CHECKS) {
    for (const key of keysRead(check, SAMPLES[root])) if (!read.has(key)) read.set(key, name);
  }
  for (const { source, step } of azureSteps()) {
    for (const check of [isAzureRunStepObject, validateAzureRunStepObject]) {
      for (const key of keysRead(check, step)) if (!read.has(key)) read.set(key, `isAzureRunStepObject on ${source}`);
    }
  }
  for (const { source, event } of azureStreamEvents()) {
    for (const check of [isAzureRunStepStreamEvent, validateAzureRunStepStreamEvent]) {
      for (const key of keysRead(check, event))
        if (!read.has(key)) read.set(key, `isAzureRunStepStreamEvent on ${source}`);
    }
  }

  it('reads some keys of every group', () => {
    const seen = new Set([...read.keys()].flatMap(groupsOf));
    expect([...seen].sort()).toEqual(Object.keys(GROUPS).sort());
  });

  it('registers every key a check reads in a group that tests it', () => {
    const unregistered = [...read].filter(([key]) => groupsOf(key).length === 0).map(([key, by]) => `${key} (${by})`);
    expect(unregistered).toEqual([]);
  });
});
