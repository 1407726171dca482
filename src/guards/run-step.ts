/** The deep guard for a whole run step. */

import { isRunStepErrorCode, isRunStepStatus, isRunStepType } from '../enums.js';
import { _guard, _isInteger, _isIntegerOrNull, _isMapOf, _isString, _record } from '../internal/read.js';
import type { Guard, RunStepObject } from '../types.js';
import { _checkStepDetails } from './step-details.js';

/** `last_error`: `null`, or `{code, message}`. */
function _checkLastError(value: unknown): boolean {
  if (value === null) return true;
  const error = _record(value);
  return error !== undefined && isRunStepErrorCode(error['code']) && _isString(error['message']);
}

/** `usage`: `null` while in progress, else three integer counts and, since 2025, two optional breakdowns. */
function _checkUsage(value: unknown): boolean {
  if (value === null) return true;
  const usage = _record(value);
  if (usage === undefined) return false;
  // Not in the spec; sent since 2025. The API spells the first one `token`, singular.
  const promptDetails = usage['prompt_token_details'];
  const completionDetails = usage['completion_tokens_details'];
  return (
    _isInteger(usage['prompt_tokens']) &&
    _isInteger(usage['completion_tokens']) &&
    _isInteger(usage['total_tokens']) &&
    (promptDetails === undefined || _isInteger(_record(promptDetails)?.['cached_tokens'])) &&
    (completionDetails === undefined || _isInteger(_record(completionDetails)?.['reasoning_tokens']))
  );
}

/** `metadata`: string keys to string values (the 16-pair and length limits are not checked). */
function _isMetadata(value: unknown): boolean {
  return _isMapOf(value, _isString);
}

/** An optional, nullable key: absent (or `undefined`), `null`, or a value that passes `check`. */
function _isAbsentNullOr(value: unknown, check: (value: unknown) => boolean): boolean {
  return value === undefined || value === null || check(value);
}

/** A run step: every field, and `step_details` of the same `type` as the step. */
export function _checkRunStep(value: unknown): boolean {
  const step = _record(value);
  if (step === undefined || step['object'] !== 'thread.run.step') return false;
  const type = step['type'];
  return (
    _isString(step['id']) &&
    _isInteger(step['created_at']) &&
    _isString(step['assistant_id']) &&
    _isString(step['thread_id']) &&
    _isString(step['run_id']) &&
    isRunStepType(type) &&
    isRunStepStatus(step['status']) &&
    _checkLastError(step['last_error']) &&
    _isIntegerOrNull(step['cancelled_at']) &&
    _isIntegerOrNull(step['failed_at']) &&
    _isIntegerOrNull(step['completed_at']) &&
    // The spec requires `expired_at` and `metadata`; the wire never sends them, and sends `expires_at`.
    _isAbsentNullOr(step['expired_at'], _isInteger) &&
    _isAbsentNullOr(step['expires_at'], _isInteger) &&
    _isAbsentNullOr(step['metadata'], _isMetadata) &&
    _checkUsage(step['usage']) &&
    _checkStepDetails(step['step_details'], type)
  );
}

/**
 * Checks deeply that a value is a run step: every field, nested object and array item, with
 * `step_details.type` equal to `type`. Unknown extra keys pass; unknown enum values do not.
 * @param value Any value: parsed JSON, a stream event's `data`, a database row.
 * @returns `true` when `value` is a {@link RunStepObject}.
 */
export const isRunStepObject: Guard<RunStepObject> = _guard(_checkRunStep);
