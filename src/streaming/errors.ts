/**
 * What the accumulator and `applyRunStepDelta` throw: a `RunStepStreamError` with its own `code`, and one
 * function per code that writes its message, so that every place that meets the same failure says it the
 * same way (the tests assert the messages).
 *
 * What a hostile stream meets, each code (the accumulator or snapshot is left as it was): an event, delta
 * or snapshot that fails its guard (`invalid_input`), a delta for a step never introduced
 * (`unknown_step`), an event for a step after its terminal event (`step_finished`), a delta applied to
 * another step's snapshot (`step_mismatch`), an `index` above `MAX_DELTA_INDEX` (`index_out_of_range`), a
 * chunk whose `type` differs from its call's or output's (`type_changed`), a chunk whose `id`, `name`,
 * `file_id` or `message_id` differs (`identity_changed`), a first chunk that cannot start a valid call or
 * output (`incomplete_first_chunk`), a string longer than the engine can hold (`too_large`), and a push
 * from inside a push of the same accumulator (`reentrant_push`).
 */

import { formatIssue, type ValidationIssue } from '../diagnostics/issues.js';
import { _cut, _describe, _errorText, _escape, _quote } from '../internal/describe.js';

/**
 * The largest `index` a tool call or output chunk may carry (1023: the API allows 128 tools, and a call
 * has a handful of outputs). A larger index is refused (`index_out_of_range`) rather than trusted.
 */
export const MAX_DELTA_INDEX: number = 1023;

/** Why a stream could not be accumulated; see {@link RunStepStreamError}. */
export type RunStepStreamErrorCode =
  | 'invalid_input'
  | 'unknown_step'
  | 'step_finished'
  | 'step_mismatch'
  | 'index_out_of_range'
  | 'type_changed'
  | 'identity_changed'
  | 'incomplete_first_chunk'
  | 'too_large'
  | 'reentrant_push';

/** The longest message a {@link RunStepStreamError} carries. */
const _MAX_MESSAGE = 2000;

/**
 * Thrown by `applyRunStepDelta` and the accumulator's `push` when an event cannot be applied. The snapshot
 * (or the accumulator) is left as it was, so a caller may log the error and go on with the next event.
 */
export class RunStepStreamError extends Error {
  /** What went wrong, one code per kind of hostile or broken input. */
  readonly code: RunStepStreamErrorCode;
  /** The step the event belongs to, when it is known. */
  readonly stepId: string | undefined;
  /** For `invalid_input`: every issue the validator found (path, expected, received); else empty. */
  readonly issues: readonly ValidationIssue[];

  /**
   * @param code What went wrong.
   * @param message A sentence saying so, naming the step and the place (cut at 2,000 characters, control
   *   characters escaped).
   * @param stepId The step's id, when known.
   * @param issues The validator's issues, for `invalid_input`.
   */
  constructor(
    code: RunStepStreamErrorCode,
    message: string,
    stepId?: string | undefined,
    issues: readonly ValidationIssue[] = [],
  ) {
    super(_escape(_cut(String(message), _MAX_MESSAGE)));
    this.name = 'RunStepStreamError';
    this.code = code;
    this.stepId = stepId;
    this.issues = issues;
  }
}

// ---- messages: one function per code. A message names the step, and the call or output by its index.

/** A step id, an id or a name as a message shows it: quoted, cut, escaped. */
const _q = (text: unknown): string => (typeof text === 'string' ? _quote(text, 64) : _describe(text));

/** A type (an enum member, once checked) as a message shows it. */
const _type = (text: unknown): string => (typeof text === 'string' ? _escape(_cut(text)) : _describe(text));

/** A type with its article: `a function`, `an azure_ai_search`, `an activities`. */
const _a = (text: unknown): string =>
  `${typeof text === 'string' && /^[aeiou]/i.test(text) ? 'an' : 'a'} ${_type(text)}`;

/** `invalid_input`: an event, delta or snapshot that fails its guard; `what` names it, `issues` say why. */
export function _invalidInput(
  what: string,
  issues: readonly ValidationIssue[],
  stepId: string | undefined,
): RunStepStreamError {
  const first = issues[0] === undefined ? 'it could not be read' : formatIssue(issues[0]);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new RunStepStreamError('invalid_input', `not a valid ${what}: ${first}${more}`, stepId, issues);
}

/**
 * `invalid_input` for what a merge built: the call (or details) of a flavour's kind that chunk `index`
 * merged into fails the kind's whole check, with its issues (paths from the call).
 */
export function _invalidMerge(
  what: string,
  index: number | undefined,
  issues: readonly ValidationIssue[],
  stepId: string,
): RunStepStreamError {
  const first = issues[0] === undefined ? 'it fails its check' : formatIssue(issues[0]);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  const place = index === undefined ? what : `${what} ${index}`;
  return new RunStepStreamError(
    'invalid_input',
    `the ${place} of step ${_q(stepId)}, as its chunks merge, is not valid: ${first}${more}`,
    stepId,
    issues,
  );
}

/** `unknown_step`: a delta for a step that no created, in progress or terminal event introduced. */
export function _unknownStep(stepId: string): RunStepStreamError {
  return new RunStepStreamError(
    'unknown_step',
    `a delta for step ${_q(stepId)}, which no created, in progress or terminal event introduced`,
    stepId,
  );
}

/** `step_finished`: event `name` for a step that already ended with the terminal event `ended`. */
export function _stepFinished(name: string, stepId: string, ended: string): RunStepStreamError {
  return new RunStepStreamError(
    'step_finished',
    `${name} for step ${_q(stepId)}, which already ended with ${ended}`,
    stepId,
  );
}

/** `step_mismatch`: a delta of step `stepId` given a snapshot of step `snapshotId`. */
export function _stepMismatch(stepId: string, snapshotId: string): RunStepStreamError {
  return new RunStepStreamError(
    'step_mismatch',
    `a delta of step ${_q(stepId)} cannot apply to a snapshot of step ${_q(snapshotId)}`,
    stepId,
  );
}

/** `index_out_of_range`: a `kind` (`tool call`, `output`) chunk's `index` past `MAX_DELTA_INDEX`. */
export function _indexOutOfRange(kind: string, index: number, stepId: string): RunStepStreamError {
  return new RunStepStreamError(
    'index_out_of_range',
    `${kind} index ${index} in a delta of step ${_q(stepId)} is out of range (0 to ${MAX_DELTA_INDEX})`,
    stepId,
  );
}

/**
 * `type_changed`: a later chunk (or, for the step itself, a delta) says `type` where the output, tool call
 * or step is `was`.
 * @param index The output's or tool call's index; `undefined` for the step.
 */
export function _typeChanged(
  kind: 'output' | 'tool call' | 'step',
  index: number | undefined,
  was: unknown,
  type: unknown,
  stepId: string,
): RunStepStreamError {
  const message =
    kind === 'step'
      ? `step ${_q(stepId)} is ${_a(was)} step; a delta says ${_type(type)}`
      : kind === 'tool call'
        ? `tool call ${index} of step ${_q(stepId)} is ${_a(was)} call; a later chunk says ${_type(type)}`
        : `output ${index} of step ${_q(stepId)} is ${_type(was)}; a later chunk says ${_type(type)}`;
  return new RunStepStreamError('type_changed', message, stepId);
}

/**
 * `identity_changed`: a later chunk (or, for the step's message, a delta) says `now` where key `key` is
 * `was`: an image output's `file_id`, a tool call's `id`, a function call's `name`, the message id of
 * a message creation step, or a field a kind's merge rule sets once (`name`, an MCP call's `server_label`).
 * @param index The output's or tool call's index; `undefined` for `message_id`.
 */
export function _identityChanged(
  key: string,
  index: number | undefined,
  was: unknown,
  now: unknown,
  stepId: string,
): RunStepStreamError {
  const message =
    key === 'message_id'
      ? `step ${_q(stepId)} created message ${_q(was)}; a delta says ${_q(now)}`
      : key === 'file_id'
        ? `image output ${index} of step ${_q(stepId)} has file_id ${_q(was)}; a later chunk says ${_q(now)}`
        : key === 'id'
          ? `tool call ${index} of step ${_q(stepId)} has id ${_q(was)}; a later chunk says ${_q(now)}`
          : key === 'name'
            ? `tool call ${index} of step ${_q(stepId)} calls ${_q(was)}; a later chunk says ${_q(now)}`
            : `tool call ${index} of step ${_q(stepId)} has ${_type(key)} ${_q(was)}; a later chunk says ${_q(now)}`;
  return new RunStepStreamError('identity_changed', message, stepId);
}

/**
 * `incomplete_first_chunk`: the first chunk of `kind` (`tool call`, `function call`, `image output`)
 * `index` lacks `missing` (`id`, `function.name`, `image.file_id`), without which it cannot start one.
 */
export function _incompleteFirstChunk(
  kind: string,
  index: number,
  missing: string,
  stepId: string,
): RunStepStreamError {
  return new RunStepStreamError(
    'incomplete_first_chunk',
    `the first chunk of ${kind} ${index} of step ${_q(stepId)} has no ${missing}`,
    stepId,
  );
}

/** `too_large`: `what` (`the input of tool call 0`...) would be longer than the engine's longest string. */
export function _tooLarge(what: string, before: string, fragment: string, stepId: string): RunStepStreamError {
  return new RunStepStreamError(
    'too_large',
    `${what} of step ${_q(stepId)} would be longer than this engine's longest string (${before.length} + ${fragment.length} characters)`,
    stepId,
  );
}

/** `reentrant_push`: a push from inside a push of the same accumulator. */
export function _reentrantPush(): RunStepStreamError {
  return new RunStepStreamError(
    'reentrant_push',
    'push was called from inside a push of the same accumulator (by a getter or proxy trap of its event); the inner event was refused',
  );
}

/**
 * What a call throws: its own `RunStepStreamError`s as they are; anything else (which no input should
 * cause) as one, so that a caller only ever meets `RunStepStreamError`.
 */
export function _streamError(error: unknown, stepId: string | undefined): RunStepStreamError {
  if (error instanceof RunStepStreamError) return error;
  const code: RunStepStreamErrorCode = error instanceof RangeError ? 'too_large' : 'invalid_input';
  return new RunStepStreamError(code, `the event could not be applied: ${_errorText(error)}`, stepId);
}
