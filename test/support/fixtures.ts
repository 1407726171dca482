// Loads every fixture under test/fixtures and says what each holds, so that no file is silently skipped:
// a file the loader cannot classify fails the tests (see fixtures.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES_DIR = new URL('../fixtures/', import.meta.url).pathname;

/** A run step found in a fixture file, with where it was found. */
export interface FoundStep {
  /** `folder/file` and, inside it, where the step sits (`data`, `data[0]`, or nothing for the root). */
  readonly source: string;
  readonly step: Record<string, unknown>;
}

/** What one fixture file holds. */
export interface FixtureFile {
  readonly file: string;
  readonly kind: 'run step' | 'step event' | 'delta event' | 'delta' | 'list' | 'unknown';
  readonly json: unknown;
}

/**
 * Assistants v1 payloads from before 2024-01-18, which have no `usage` key at all. The core guard does
 * not accept them (`isHistoricalRunStepObject` does: test/archive.test.ts); the tests check they are
 * rejected for exactly that reason. Their `.source.json` records say the same ("'usage' is a required property").
 */
export const PRE_USAGE_V1 = new Set(['wire/14__simple-openai_v1-2023_retrieve_message-creation_no-usage.json']);

const STEP_EVENTS = new Set([
  'thread.run.step.created',
  'thread.run.step.in_progress',
  'thread.run.step.completed',
  'thread.run.step.failed',
  'thread.run.step.cancelled',
  'thread.run.step.expired',
]);

/** A JSON object: not null, not an array. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function classify(json: unknown): FixtureFile['kind'] {
  if (!isObject(json)) return 'unknown';
  if (typeof json['event'] === 'string' && 'data' in json) {
    if (STEP_EVENTS.has(json['event'])) return 'step event';
    if (json['event'] === 'thread.run.step.delta') return 'delta event';
    return 'unknown';
  }
  if (json['object'] === 'thread.run.step') return 'run step';
  if (json['object'] === 'thread.run.step.delta') return 'delta';
  if (json['object'] === 'list' && Array.isArray(json['data'])) return 'list';
  return 'unknown';
}

/** Every JSON fixture (provenance records `*.source.json` excluded), in a stable order. */
export function loadFixtureFiles(): FixtureFile[] {
  const files: FixtureFile[] = [];
  for (const folder of ['spec-examples', 'wire', 'synthetic']) {
    for (const name of readdirSync(join(FIXTURES_DIR, folder)).sort()) {
      if (!name.endsWith('.json') || name.endsWith('.source.json')) continue;
      const json: unknown = JSON.parse(readFileSync(join(FIXTURES_DIR, folder, name), 'utf8'));
      files.push({ file: `${folder}/${name}`, kind: classify(json), json });
    }
  }
  return files;
}

/** Every full run step in the fixtures: roots, stream events' `data`, and list items. */
export function findRunSteps(files: readonly FixtureFile[]): FoundStep[] {
  const steps: FoundStep[] = [];
  for (const { file, kind, json } of files) {
    const record = json as Record<string, unknown>;
    if (kind === 'run step') steps.push({ source: file, step: record });
    if (kind === 'step event') steps.push({ source: `${file} data`, step: record['data'] as Record<string, unknown> });
    if (kind === 'list') {
      (record['data'] as Record<string, unknown>[]).forEach((step, index) =>
        steps.push({ source: `${file} data[${index}]`, step }),
      );
    }
  }
  return steps;
}

/** The run steps the core guard must accept: all of them but the pre-`usage` v1 payloads. */
export function acceptedRunSteps(): FoundStep[] {
  return findRunSteps(loadFixtureFiles()).filter(({ source }) => !PRE_USAGE_V1.has(source.split(' ')[0] as string));
}

/** Freezes a value all the way down, so that any write by the code under test throws. */
export function deepFreeze<Value>(value: Value): Value {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
