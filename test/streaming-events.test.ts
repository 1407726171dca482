// Narrowing helpers and the exhaustive match over stream events, on every run step event in the fixtures.
import { describe, expect, it } from 'vitest';
import {
  RUN_STEP_STREAM_EVENTS,
  TERMINAL_RUN_STEP_STREAM_EVENTS,
  isRunStepDeltaEvent,
  isRunStepDeltaObject,
  isRunStepObject,
  isRunStepStreamEvent,
  isTerminalRunStepEvent,
  matchStreamEvent,
  type RunStepStreamEvent,
} from '../src/index.js';
import { allStepEvents } from './support/streams.js';

const events = allStepEvents().filter(isRunStepStreamEvent);

/** Every event name with a handler that reports it and the event it was given. */
const handlers = Object.fromEntries(
  RUN_STEP_STREAM_EVENTS.map((name) => [name, (event: RunStepStreamEvent) => ({ name, event })]),
) as { [Name in RunStepStreamEvent['event']]: (event: RunStepStreamEvent) => { name: Name; event: unknown } };

describe('narrowing helpers', () => {
  it('isRunStepDeltaEvent: true exactly for deltas, whose data is a delta; the rest carry whole steps', () => {
    expect(events.length).toBeGreaterThan(100);
    for (const event of events) {
      expect(isRunStepDeltaEvent(event)).toBe(event.event === 'thread.run.step.delta');
      if (isRunStepDeltaEvent(event)) expect(isRunStepDeltaObject(event.data)).toBe(true);
      else expect(isRunStepObject(event.data)).toBe(true);
    }
  });

  it('isTerminalRunStepEvent: true exactly for the four terminal names', () => {
    for (const name of RUN_STEP_STREAM_EVENTS) {
      const [sample] = events.filter((event) => (name === 'thread.run.step.delta') === isRunStepDeltaEvent(event));
      const event = { ...sample!, event: name } as RunStepStreamEvent;
      expect(isTerminalRunStepEvent(event)).toBe((TERMINAL_RUN_STEP_STREAM_EVENTS as readonly string[]).includes(name));
    }
    const completed = events.filter(isTerminalRunStepEvent);
    expect(completed.length).toBeGreaterThan(0);
    for (const event of completed) expect(event.data.status).toBe('completed');
  });
});

describe('matchStreamEvent', () => {
  it('calls the handler of the event’s name, with the event itself, and returns what it returns', () => {
    for (const event of events) {
      const result = matchStreamEvent(event, handlers);
      expect(result.name).toBe(event.event);
      expect(result.event).toBe(event);
    }
  });

  it('calls handlers with the handler object as `this`', () => {
    class Counter {
      deltas = 0;
      others = 0;
      'thread.run.step.delta'() {
        this.deltas++;
      }
      'thread.run.step.created'() {
        this.others++;
      }
      'thread.run.step.in_progress'() {
        this.others++;
      }
      'thread.run.step.completed'() {
        this.others++;
      }
      'thread.run.step.failed'() {
        this.others++;
      }
      'thread.run.step.cancelled'() {
        this.others++;
      }
      'thread.run.step.expired'() {
        this.others++;
      }
    }
    const counter = new Counter();
    for (const event of events) matchStreamEvent(event, counter);
    expect(counter.deltas + counter.others).toBe(events.length);
    expect(counter.deltas).toBe(events.filter(isRunStepDeltaEvent).length);
  });

  it('throws a TypeError naming an unknown event, without calling any handler', () => {
    let called = false;
    const spy = Object.fromEntries(RUN_STEP_STREAM_EVENTS.map((name) => [name, () => (called = true)])) as never;
    const event = { ...events[0]!, event: 'thread.run.step.deleted' } as unknown as RunStepStreamEvent;
    expect(() => matchStreamEvent(event, spy)).toThrow(
      new TypeError(
        `matchStreamEvent: unknown event "thread.run.step.deleted" (expected one of: ${RUN_STEP_STREAM_EVENTS.join(', ')})`,
      ),
    );
    expect(() => matchStreamEvent({ ...events[0]!, event: 'toString' } as never, spy)).toThrow(TypeError);
    expect(called).toBe(false);
  });

  it('throws a TypeError when a handler is missing at run time', () => {
    const delta = events.find(isRunStepDeltaEvent)!;
    const { 'thread.run.step.delta': _, ...others } = handlers;
    expect(() => matchStreamEvent(delta, others as never)).toThrow(
      new TypeError('matchStreamEvent: no handler for event "thread.run.step.delta"'),
    );
  });
});
