/**
 * The seven `thread.run.step.*` stream events: their names (a frozen const array each, as in enums.ts),
 * narrowing helpers for events already checked, and an exhaustive match over `event`.
 */

import { _match } from '../internal/match.js';
import type { RunStepStreamEvent } from './types.js';

const _RUN_STEP_STREAM_EVENTS = [
  'thread.run.step.created',
  'thread.run.step.in_progress',
  'thread.run.step.delta',
  'thread.run.step.completed',
  'thread.run.step.failed',
  'thread.run.step.cancelled',
  'thread.run.step.expired',
] as const;
/** Every run step stream `event` name, in the order the API documents them. */
export const RUN_STEP_STREAM_EVENTS: typeof _RUN_STEP_STREAM_EVENTS =
  /* @__PURE__ */ Object.freeze(_RUN_STEP_STREAM_EVENTS);
/** The `event` of a run step stream event. */
export type RunStepStreamEventName = (typeof RUN_STEP_STREAM_EVENTS)[number];

const _TERMINAL_RUN_STEP_STREAM_EVENTS = [
  'thread.run.step.completed',
  'thread.run.step.failed',
  'thread.run.step.cancelled',
  'thread.run.step.expired',
] as const;
/** The events that end a run step: after one, the step never changes again. */
export const TERMINAL_RUN_STEP_STREAM_EVENTS: typeof _TERMINAL_RUN_STEP_STREAM_EVENTS = /* @__PURE__ */ Object.freeze(
  _TERMINAL_RUN_STEP_STREAM_EVENTS,
);
/** The `event` of a stream event that ends a run step. */
export type TerminalRunStepStreamEventName = (typeof TERMINAL_RUN_STEP_STREAM_EVENTS)[number];

/**
 * Checks that a value is the name of a run step stream event.
 * @param value Any value.
 * @returns `true` when `value` is in {@link RUN_STEP_STREAM_EVENTS}.
 */
export function isRunStepStreamEventName(value: unknown): value is RunStepStreamEventName {
  return (
    value === 'thread.run.step.delta' ||
    value === 'thread.run.step.created' ||
    value === 'thread.run.step.in_progress' ||
    value === 'thread.run.step.completed' ||
    value === 'thread.run.step.failed' ||
    value === 'thread.run.step.cancelled' ||
    value === 'thread.run.step.expired'
  );
}

/**
 * Checks that a value is the name of a stream event that ends a run step.
 * @param value Any value.
 * @returns `true` when `value` is in {@link TERMINAL_RUN_STEP_STREAM_EVENTS}.
 */
export function isTerminalRunStepStreamEventName(value: unknown): value is TerminalRunStepStreamEventName {
  return (
    value === 'thread.run.step.completed' ||
    value === 'thread.run.step.failed' ||
    value === 'thread.run.step.cancelled' ||
    value === 'thread.run.step.expired'
  );
}

/**
 * Narrows a stream event to `thread.run.step.delta`, whose `data` is a delta, not a whole run step. In the
 * false branch, every other event's `data` is a {@link RunStepObject}.
 * @param event A stream event (already checked, e.g. by `isRunStepStreamEvent`).
 * @returns `true` when `event.event` is `thread.run.step.delta`.
 */
export function isRunStepDeltaEvent<Event extends RunStepStreamEvent>(
  event: Event,
): event is Extract<Event, { event: 'thread.run.step.delta' }> {
  return event.event === 'thread.run.step.delta';
}

/**
 * Narrows a stream event to one that ends its step: `completed`, `failed`, `cancelled` or `expired`.
 * @param event A stream event (already checked, e.g. by `isRunStepStreamEvent`).
 * @returns `true` when `event.event` is in {@link TERMINAL_RUN_STEP_STREAM_EVENTS}.
 */
export function isTerminalRunStepEvent<Event extends RunStepStreamEvent>(
  event: Event,
): event is Extract<Event, { event: TerminalRunStepStreamEventName }> {
  return isTerminalRunStepStreamEventName(event.event);
}

/** One handler per stream event name, each given the event narrowed to that name (and its `data`). */
export type RunStepStreamEventHandlers<Event extends RunStepStreamEvent = RunStepStreamEvent> = {
  readonly [Name in RunStepStreamEventName]: (event: Extract<Event, { event: Name }>) => unknown;
};

/**
 * Runs the handler for the event's `event` name. Every name needs a handler, or the call does not compile.
 * @param event A run step stream event.
 * @param handlers One function per event name; each receives the event narrowed to it.
 * @returns What the chosen handler returns.
 * @throws {TypeError} When `event.event` is not a run step stream event name at run time.
 */
export function matchStreamEvent<Event extends RunStepStreamEvent, Handlers extends RunStepStreamEventHandlers<Event>>(
  event: Event,
  handlers: Handlers,
): ReturnType<Handlers[RunStepStreamEventName]> {
  return _match('matchStreamEvent', 'event', RUN_STEP_STREAM_EVENTS, event.event, handlers, event) as ReturnType<
    Handlers[RunStepStreamEventName]
  >;
}
