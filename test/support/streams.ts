// The streams the tests replay: the recorded ones (test/fixtures/streams, one event a line) and the ones
// the spec's examples show (test/fixtures/spec-examples, one event a file, `<example>__sseNN_<event>.json`),
// and every stream event and delta found in any fixture, for the guards' tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR, isObject, loadFixtureFiles } from './fixtures.js';

/** One event as the fixtures hold it: `{event, data}`. */
export type StreamEvent = { readonly event: string; readonly data: Record<string, any> };

/** A stream: its name and its events, in order. */
export interface Stream {
  readonly name: string;
  readonly events: readonly StreamEvent[];
}

/** The recorded streams, whole (run and run step events; see test/fixtures/streams/README.md). */
export function recordedStreams(): Stream[] {
  const folder = join(FIXTURES_DIR, 'streams');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => ({
      name: `streams/${name}`,
      events: readFileSync(join(folder, name), 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as StreamEvent),
    }));
}

/** Every stream the spec's examples show, its events in the order of their SSE line numbers. */
export function specStreams(): Stream[] {
  const folder = join(FIXTURES_DIR, 'spec-examples');
  const streams = new Map<string, { line: number; event: StreamEvent }[]>();
  for (const name of readdirSync(folder)) {
    const match = /^(.+)__sse(\d+)_.+\.json$/.exec(name);
    if (match === null) continue;
    const [, example, line] = match as unknown as [string, string, string];
    const event = JSON.parse(readFileSync(join(folder, name), 'utf8')) as StreamEvent;
    streams.set(example, [...(streams.get(example) ?? []), { line: Number(line), event }]);
  }
  return [...streams.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([example, events]) => ({
      name: `spec-examples/${example}`,
      events: events.sort((a, b) => a.line - b.line).map(({ event }) => event),
    }));
}

/** Only the run step events of a stream (`thread.run.step.*`). */
export function stepEvents(stream: Stream): StreamEvent[] {
  return stream.events.filter(({ event }) => event.startsWith('thread.run.step.'));
}

/** Every run step stream event in the fixtures (single files and streams), each once. */
export function allStepEvents(): StreamEvent[] {
  const events: unknown[] = loadFixtureFiles()
    .filter(({ kind }) => kind === 'step event' || kind === 'delta event')
    .map(({ json }) => json);
  for (const stream of recordedStreams()) events.push(...stepEvents(stream));
  const seen = new Set<string>();
  return events.filter((event): event is StreamEvent => {
    const key = JSON.stringify(event);
    if (seen.has(key) || !isObject(event)) return false;
    seen.add(key);
    return true;
  });
}

/** Every run step delta in the fixtures: delta events' `data` and lone delta objects, each once. */
export function allDeltas(): Record<string, any>[] {
  const deltas: Record<string, any>[] = allStepEvents()
    .filter(({ event }) => event === 'thread.run.step.delta')
    .map(({ data }) => data);
  for (const { kind, json } of loadFixtureFiles()) if (kind === 'delta') deltas.push(json as Record<string, any>);
  const seen = new Set<string>();
  return deltas.filter((delta) => {
    const key = JSON.stringify(delta);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
