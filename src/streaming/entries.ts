/**
 * A flavour's public functions for its deltas and stream events (see guards/entries.ts for its steps'):
 * guard, validator, assertion and Standard Schema of each, made with the flavour's keys. Functions
 * without side effects, so that a bundler drops every one its user does not import.
 */

import type { Assertion, Validator } from '../diagnostics/issues.js';
import type { RunStepSchema } from '../diagnostics/standard-schema.js';
import { _assertion, _schema, _validator } from '../diagnostics/validators.js';
import { _guard } from '../internal/read.js';
import type { Guard } from '../types.js';
import type { _Stream } from './guards.js';

/** The guard of a flavour's delta objects. */
/* @__NO_SIDE_EFFECTS__ */
export function _deltaGuard<Delta>(stream: _Stream): Guard<Delta> {
  return _guard<Delta>(stream.delta, stream.flavour.keys);
}

/** The validator of a flavour's delta objects. */
/* @__NO_SIDE_EFFECTS__ */
export function _deltaValidator<Delta>(stream: _Stream): Validator<Delta> {
  return _validator<Delta>(stream.delta, stream.flavour.keys);
}

/** The assertion of a flavour's delta objects; `name` is the type's name in its error's message. */
/* @__NO_SIDE_EFFECTS__ */
export function _deltaAssertion<Delta>(stream: _Stream, name: string): Assertion<Delta> {
  return _assertion<Delta>(stream.delta, name, stream.flavour.keys);
}

/** The Standard Schema of a flavour's delta objects. */
/* @__NO_SIDE_EFFECTS__ */
export function _deltaSchema<Delta>(stream: _Stream): RunStepSchema<Delta> {
  return _schema<Delta>(stream.delta, stream.flavour.keys);
}

/** The guard of a flavour's stream events. */
/* @__NO_SIDE_EFFECTS__ */
export function _eventGuard<Event>(stream: _Stream): Guard<Event> {
  return _guard<Event>(stream.event, stream.flavour.keys);
}

/** The validator of a flavour's stream events. */
/* @__NO_SIDE_EFFECTS__ */
export function _eventValidator<Event>(stream: _Stream): Validator<Event> {
  return _validator<Event>(stream.event, stream.flavour.keys);
}

/** The assertion of a flavour's stream events; `name` is the type's name in its error's message. */
/* @__NO_SIDE_EFFECTS__ */
export function _eventAssertion<Event>(stream: _Stream, name: string): Assertion<Event> {
  return _assertion<Event>(stream.event, name, stream.flavour.keys);
}

/** The Standard Schema of a flavour's stream events. */
/* @__NO_SIDE_EFFECTS__ */
export function _eventSchema<Event>(stream: _Stream): RunStepSchema<Event> {
  return _schema<Event>(stream.event, stream.flavour.keys);
}

/** The guard of a flavour's tool call chunks. */
/* @__NO_SIDE_EFFECTS__ */
export function _callDeltaGuard<CallDelta>(stream: _Stream): Guard<CallDelta> {
  return _guard<CallDelta>(stream.callDelta, stream.flavour.keys);
}

/** The validator of a flavour's tool call chunks. */
/* @__NO_SIDE_EFFECTS__ */
export function _callDeltaValidator<CallDelta>(stream: _Stream): Validator<CallDelta> {
  return _validator<CallDelta>(stream.callDelta, stream.flavour.keys);
}
