// The recorded Azure stream events (test/fixtures/azure/stream/, INDEX.md), and whole Azure streams
// assembled around recorded completed steps: a `created` event, first chunks shaped as the recordings show
// them (`null` where the completed call holds a string, the name and server label whole), fragments of every
// string, then the recorded step itself as the `completed` event. The shapes are stated here from the
// recordings (INDEX.md), not from src/.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from './fixtures.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Dict = { [key: string]: Json };
export type AzureEvent = { event: string; data: Dict };

const STREAM_DIR = join(FIXTURES_DIR, 'azure', 'stream');

/** The seven recorded events, by file name (their `.source.json` beside them names each recording). */
export function azureStreamEvents(): { source: string; event: AzureEvent }[] {
  return readdirSync(STREAM_DIR)
    .filter((name) => /^\d+__.*\.json$/.test(name) && !name.endsWith('.source.json'))
    .sort()
    .map((name) => ({
      source: `azure/stream/${name}`,
      event: JSON.parse(readFileSync(join(STREAM_DIR, name), 'utf8')) as AzureEvent,
    }));
}

/** The path of a recorded event file, for the CLI. */
export const azureStreamFile = (name: string): string => join('test/fixtures/azure/stream', name);

/** Fields a first chunk carries whole: a call's identity, never sent in pieces (the recordings show them whole). */
const WHOLE = new Set(['name', 'server_label']);

/** `text` cut into `count` pieces (one piece, `""`, for an empty string). */
export function pieces(text: string, count: number): string[] {
  if (text === '') return [''];
  const size = Math.ceil(text.length / count);
  const cut: string[] = [];
  for (let at = 0; at < text.length; at += size) cut.push(text.slice(at, at + size));
  return cut;
}

/** A call's first chunk: strings become `null` (or stay whole, see WHOLE), arrays `[]`, objects recursed into. */
function firstOf(value: Json, key: string): Json {
  if (typeof value === 'string') return WHOLE.has(key) ? value : null;
  if (Array.isArray(value)) return [];
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, firstOf(v, k)]));
  }
  return value;
}

/** Every later fragment of a value: one chunk per piece of each string, one per item of each array. */
function* fragmentsOf(value: Json, key: string, count: number): Generator<Json> {
  if (typeof value === 'string') {
    if (!WHOLE.has(key)) yield* pieces(value, count);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) yield [item];
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) for (const piece of fragmentsOf(v, k, count)) yield { [k]: piece };
  }
}

/** The delta event of `stepId` carrying `details`. */
export const deltaEvent = (stepId: string, details: Dict): AzureEvent => ({
  event: 'thread.run.step.delta',
  data: { id: stepId, object: 'thread.run.step.delta', delta: { step_details: details } },
});

/**
 * A whole stream of a recorded completed step: `created` (in progress, no calls yet, no usage), for each
 * call its first chunk (`first[index]` when that chunk was recorded) and then fragments of its strings cut in
 * `count` pieces, and the step itself as `completed`. Returns the events and the step they rebuild.
 */
export function assembleStream(step: Dict, count = 4, first: Record<number, Dict> = {}): AzureEvent[] {
  const id = step['id'] as string;
  const details = step['step_details'] as Dict;
  const type = details['type'] as string;
  const events: AzureEvent[] = [
    {
      event: 'thread.run.step.created',
      data: {
        ...step,
        status: 'in_progress',
        completed_at: null,
        usage: null,
        step_details:
          type === 'tool_calls' ? { type, tool_calls: [] } : type === 'activities' ? { type, activities: [] } : details,
      },
    },
  ];
  if (type === 'tool_calls') {
    (details['tool_calls'] as Dict[]).forEach((call, index) => {
      const { id: callId, type: callType, ...body } = call;
      const start = first[index] ?? { index, id: callId!, type: callType!, ...(firstOf(body, '') as Dict) };
      events.push(deltaEvent(id, { type, tool_calls: [start] }));
      for (const fragment of fragmentsOf(body, '', count)) {
        events.push(deltaEvent(id, { type, tool_calls: [{ index, type: callType!, ...(fragment as Dict) }] }));
      }
    });
  } else if (type === 'activities') {
    for (const activity of details['activities'] as Json[])
      events.push(deltaEvent(id, { type, activities: [activity] }));
  }
  events.push({ event: 'thread.run.step.completed', data: step });
  return events;
}
