/**
 * The seven `thread.run.step.*` stream events: narrowing helpers for events already checked, and an
 * exhaustive match over `event`. Their names and the guards of the names are in enums.ts, with the other
 * closed sets, so that streaming/types.ts can name them without importing this file back.
 */

import {
  RUN_STEP_STREAM_EVENTS,
  isTerminalRunStepStreamEventName,
  type RunStepStreamEventName,
  type TerminalRunStepStreamEventName,
} from '../enums.js';
import { _match } from '../internal/match.js';
import type { RunStepStreamEvent } from './types.js';

/**
 * What the event helpers need of a stream event, whatever its flavour: one of the seven names and its
 * `data`. OpenAI's `RunStepStreamEvent` fits it, and so does a provider's event union (Azure's).
 */
type _StreamEventShape = { event: RunStepStreamEventName; data: unknown };

/**
 * Narrows a stream event to `thread.run.step.delta`, whose `data` is a delta, not a whole run step. In the
 * false branch, every other event's `data` is a {@link RunStepObject}.
 * @param event A stream event (already checked, e.g. by `isRunStepStreamEvent`).
 * @returns `true` when `event.event` is `thread.run.step.delta`.
 */
export function isRunStepDeltaEvent<Event extends _StreamEventShape>(
  event: Event,
): event is Extract<Event, { event: 'thread.run.step.delta' }> {
  return event.event === 'thread.run.step.delta';
}

/**
 * Narrows a stream event to one that ends its step: `completed`, `failed`, `cancelled` or `expired`.
 * @param event A stream event (already checked, e.g. by `isRunStepStreamEvent`).
 * @returns `true` when `event.event` is in {@link TERMINAL_RUN_STEP_STREAM_EVENTS}.
 */
export function isTerminalRunStepEvent<Event extends _StreamEventShape>(
  event: Event,
): event is Extract<Event, { event: TerminalRunStepStreamEventName }> {
  return isTerminalRunStepStreamEventName(event.event);
}

/** One handler per stream event name, each given the event narrowed to that name (and its `data`). */
export type RunStepStreamEventHandlers<Event extends _StreamEventShape = RunStepStreamEvent> = {
  readonly [Name in RunStepStreamEventName]: (event: Extract<Event, { event: Name }>) => unknown;
};

/**
 * Runs the handler for the event's `event` name. Every name needs a handler, or the call does not compile.
 * @param event A run step stream event of any flavour (OpenAI's, or a provider's).
 * @param handlers One function per event name; each receives the event narrowed to it.
 * @returns What the chosen handler returns.
 * @throws {TypeError} When `event.event` is not a run step stream event name at run time, or its handler is missing.
 */
export function matchStreamEvent<Event extends _StreamEventShape, Handlers extends RunStepStreamEventHandlers<Event>>(
  event: Event,
  handlers: Handlers,
): ReturnType<Handlers[RunStepStreamEventName]> {
  return _match('matchStreamEvent', 'event', RUN_STEP_STREAM_EVENTS, event.event, handlers, event) as ReturnType<
    Handlers[RunStepStreamEventName]
  >;
}
