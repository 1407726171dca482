/**
 * A flavour's public functions (see flavour.ts): its step guard, validator, assertion and Standard
 * Schema, and its tool call guard and validator, each made with the flavour's keys. Functions without
 * side effects, so that a bundler drops every one its user does not import (a property read of the
 * flavour at the top of a module would keep them all).
 */

import type { Assertion, Validator } from '../diagnostics/issues.js';
import type { RunStepSchema } from '../diagnostics/standard-schema.js';
import { _assertion, _schema, _validator } from '../diagnostics/validators.js';
import { _registerFlavour } from '../internal/kinds.js';
import { _guard } from '../internal/read.js';
import type { Guard } from '../types.js';
import type { _Flavour } from './flavour.js';

/** The guard of a flavour's run steps. */
/* @__NO_SIDE_EFFECTS__ */
export function _stepGuard<Step>(flavour: _Flavour): Guard<Step> {
  const guard = _guard<Step>(flavour.checkStep, flavour.keys);
  // So that `createRunStepAccumulator({guard})` knows the flavour it is given.
  _registerFlavour(guard, flavour);
  return guard;
}

/** The validator of a flavour's run steps. */
/* @__NO_SIDE_EFFECTS__ */
export function _stepValidator<Step>(flavour: _Flavour): Validator<Step> {
  return _validator<Step>(flavour.checkStep, flavour.keys);
}

/** The assertion of a flavour's run steps; `name` is the type's name in its error's message. */
/* @__NO_SIDE_EFFECTS__ */
export function _stepAssertion<Step>(flavour: _Flavour, name: string): Assertion<Step> {
  return _assertion<Step>(flavour.checkStep, name, flavour.keys);
}

/** The Standard Schema of a flavour's run steps. */
/* @__NO_SIDE_EFFECTS__ */
export function _stepSchema<Step>(flavour: _Flavour): RunStepSchema<Step> {
  return _schema<Step>(flavour.checkStep, flavour.keys);
}

/** The guard of a flavour's tool calls. */
/* @__NO_SIDE_EFFECTS__ */
export function _callGuard<Call>(flavour: _Flavour): Guard<Call> {
  return _guard<Call>(flavour.checkCall, flavour.keys);
}

/** The validator of a flavour's tool calls. */
/* @__NO_SIDE_EFFECTS__ */
export function _callValidator<Call>(flavour: _Flavour): Validator<Call> {
  return _validator<Call>(flavour.checkCall, flavour.keys);
}
