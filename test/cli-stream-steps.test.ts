// The CLI's stream steps (cli/stream-steps.ts), which `convert` uses: a step's terminal event is converted as
// it is, a step the stream never finished is rebuilt from its events; memory holds one run's steps at a time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StreamSteps } from '../cli/stream-steps.js';
import { isHistoricalRunStepObject, isRunStepObject } from '../src/index.js';
import { FIXTURES_DIR } from './support/fixtures.js';

const STREAM = 'streams/simple-openai__threads_runs_create_both_stream.jsonl';
const events = readFileSync(join(FIXTURES_DIR, STREAM), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { event: string; data: { id: string } });
const stepEvents = events.filter(({ event }) => event.startsWith('thread.run.step.'));

/** The recording's step events, `n` times over, each copy's step ids made its own. */
function runs(n: number): { event: string; data: unknown }[] {
  const out: { event: string; data: unknown }[] = [];
  for (let i = 0; i < n; i++) {
    for (const { event, data } of stepEvents) out.push({ event, data: { ...data, id: `${data.id}_${i}` } });
  }
  return out;
}

describe('StreamSteps', () => {
  it("gives each terminal event's step as it is, and nothing unfinished once every step ended", () => {
    const steps = new StreamSteps(isHistoricalRunStepObject);
    const taken = stepEvents.map(({ event }, i) => steps.take(event, stepEvents[i], i + 1));
    const values = taken.flatMap((t) => (t !== undefined && 'value' in t ? [t.value] : []));
    const terminal = stepEvents.filter(({ event }) => event === 'thread.run.step.completed');
    expect(values).toEqual(terminal.map(({ data }) => data));
    expect(taken.every((t) => t === undefined || 'value' in t)).toBe(true);
    expect([...steps.unfinished()]).toEqual([]);
  });

  it('rebuilds a step cut before its terminal event from its snapshot and deltas', () => {
    const last = stepEvents.map(({ event }) => event).lastIndexOf('thread.run.step.completed');
    const completed = stepEvents[last]!.data as Record<string, unknown>;
    const steps = new StreamSteps(isRunStepObject);
    stepEvents.slice(0, last).forEach(({ event }, i) => steps.take(event, stepEvents[i], i + 1));
    const [rest, ...more] = [...steps.unfinished()];
    expect(more).toEqual([]);
    const rebuilt = rest!.value as Record<string, unknown>;
    expect(isRunStepObject(rebuilt)).toBe(true);
    expect(rebuilt['id']).toBe(completed['id']);
    expect(rebuilt['step_details']).toEqual(completed['step_details']);
    // A tracking pass (no guard) agrees on which steps are unfinished, and their threads.
    const tracking = new StreamSteps(undefined);
    stepEvents.slice(0, last).forEach(({ event }, i) => tracking.take(event, stepEvents[i], i + 1));
    expect([...tracking.unfinished()]).toEqual([{ value: { thread_id: rebuilt['thread_id'] }, line: rest!.line }]);
  });

  it('gives a step whose events the accumulator refused as its last snapshot, for the converter to report', () => {
    const created = stepEvents.find(({ event }) => event === 'thread.run.step.created')!;
    const broken = { event: created.event, data: { ...created.data, status: 'bogus' } };
    const steps = new StreamSteps(isRunStepObject);
    expect(steps.take(broken.event, broken, 7)).toMatchObject({ code: 'invalid_input' });
    expect([...steps.unfinished()]).toEqual([{ value: broken.data, line: 7 }]);
  });

  it('holds one run of steps at a time, at N and 2N runs (steps held counted)', () => {
    const peak = (n: number) => {
      const steps = new StreamSteps(isRunStepObject);
      let most = 0;
      for (const event of runs(n)) {
        steps.take(event.event, event, 0);
        most = Math.max(most, steps.held);
      }
      return most;
    };
    const perRun = new Set(stepEvents.map(({ data }) => data.id)).size;
    expect(peak(200)).toBeLessThanOrEqual(perRun);
    expect(peak(400)).toBe(peak(200));
  });
});
