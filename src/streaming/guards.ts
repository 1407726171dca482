/**
 * Guards, validators, assertions and Standard Schemas for run step deltas and stream events, written as
 * check routines in the style of guards/*.ts (see internal/read.ts). A delta chunk carries only what
 * changed, so every field but `index` and `type` is optional; whatever is present is checked as strictly
 * as in a whole run step.
 */

import {
  CODE_INTERPRETER_OUTPUT_TYPES,
  RUN_STEP_STREAM_EVENTS,
  RUN_STEP_TYPES,
  TOOL_CALL_TYPES,
  isCodeInterpreterOutputType,
  isRunStepStreamEventName,
  isRunStepType,
  isToolCallType,
  type CodeInterpreterOutputType,
  type RunStepType,
  type ToolCallType,
} from '../enums.js';
import type { Assertion, Validator } from '../diagnostics/issues.js';
import type { RunStepSchema } from '../diagnostics/standard-schema.js';
import { _assertion, _schema, _validator } from '../diagnostics/validators.js';
import { _checkRunStep } from '../guards/run-step.js';
import { _ALL_OPTIONAL, _checkFileSearchBody, _checkFunctionBody } from '../guards/tool-calls.js';
import {
  _at,
  _fail,
  _failAt,
  _guard,
  _isArrayOf,
  _isInteger,
  _isString,
  _record,
  type _At,
  type _Check,
  type _Record,
} from '../internal/read.js';
import type { _Flavour } from '../guards/flavour.js';
import type { Guard } from '../types.js';
import type {
  CodeInterpreterImageOutputDelta,
  CodeInterpreterLogsOutputDelta,
  CodeInterpreterOutputDelta,
  CodeInterpreterToolCallDelta,
  FileSearchToolCallDelta,
  FunctionToolCallDelta,
  MessageCreationStepDetailsDelta,
  RunStepDeltaObject,
  RunStepDeltaStepDetails,
  RunStepStreamEvent,
  ToolCallDelta,
  ToolCallsStepDetailsDelta,
} from './types.js';

// ---- the checks ----------------------------------------------------------------------------------------

/** The rest of an output chunk once its `type` is known: a `logs` fragment, or an `image`, if present. */
function _checkOutputDeltaBody(type: CodeInterpreterOutputType, output: _Record, at: _At): boolean {
  if (type === 'logs') {
    const logs = output['logs'];
    return logs === undefined || _isString(logs) || _failAt(at, 'logs', 'string', logs);
  }
  const imageValue = output['image'];
  if (imageValue === undefined) return true;
  const image = _record(imageValue);
  if (image === undefined) return _failAt(at, 'image', 'object', imageValue);
  const fileId = image['file_id'];
  return fileId === undefined || _isString(fileId) || _failAt(_at(at, 'image'), 'file_id', 'string', fileId);
}

/** A code interpreter output chunk of any kind, or only of `kind`: its own integer `index`, and `type`. */
export function _checkOutputDelta(value: unknown, at: _At, kind?: CodeInterpreterOutputType): boolean {
  const output = _record(value);
  if (output === undefined) return _fail(at, 'object', value);
  const type = output['type'];
  const index = output['index'];
  if (!isCodeInterpreterOutputType(type)) {
    return (
      _failAt(at, 'type', kind === undefined ? CODE_INTERPRETER_OUTPUT_TYPES : [kind], type) &&
      (_isInteger(index) || _failAt(at, 'index', 'integer', index))
    );
  }
  if (kind !== undefined && type !== kind && !_failAt(at, 'type', [kind], type)) return false;
  return (_isInteger(index) || _failAt(at, 'index', 'integer', index)) && _checkOutputDeltaBody(type, output, at);
}

/** `code_interpreter` of a chunk: an `input` fragment and output chunks, each if present. */
function _checkCodeInterpreterDeltaBody(value: unknown, at: _At): boolean {
  const body = _record(value);
  if (body === undefined) return _fail(at, 'object', value);
  const input = body['input'];
  const outputs = body['outputs'];
  return (
    (input === undefined || _isString(input) || _failAt(at, 'input', 'string', input)) &&
    (outputs === undefined || _isArrayOf(outputs, _checkOutputDelta, _at(at, 'outputs')))
  );
}

/** The body of a chunk once its `type` is known, under the key named like the type. */
function _checkToolCallDeltaBody(type: ToolCallType, call: _Record, at: _At): boolean {
  let body: unknown;
  switch (type) {
    case 'code_interpreter':
      body = call['code_interpreter'];
      return body === undefined || _checkCodeInterpreterDeltaBody(body, _at(at, 'code_interpreter'));
    case 'file_search':
      // Required, as in the spec; the wire's `{ranking_options, results: []}`: the step's own body.
      return _checkFileSearchBody(call['file_search'], _at(at, 'file_search'));
    default:
      body = call['function'];
      return body === undefined || _checkFunctionBody(body, _at(at, 'function'), _ALL_OPTIONAL);
  }
}

/** A chunk's integer `index` and, if present, its string `id`. */
function _checkIndexAndId(index: unknown, id: unknown, at: _At): boolean {
  return (
    (_isInteger(index) || _failAt(at, 'index', 'integer', index)) &&
    (id === undefined || _isString(id) || _failAt(at, 'id', 'string', id))
  );
}

/** A tool call chunk of any kind, or only of `kind`: `index` and `type` required, the rest as it arrives. */
export function _checkToolCallDelta(value: unknown, at: _At, kind?: ToolCallType, stream?: _Stream): boolean {
  const call = _record(value);
  if (call === undefined) return _fail(at, 'object', value);
  const type = call['type'];
  const index = call['index'];
  const id = call['id'];
  if (!isToolCallType(type)) {
    if (stream !== undefined) return _flavouredCallDelta(type, index, id, value as object, call, at, stream.flavour);
    return _failAt(at, 'type', kind === undefined ? TOOL_CALL_TYPES : [kind], type) && _checkIndexAndId(index, id, at);
  }
  if (kind !== undefined && type !== kind && !_failAt(at, 'type', [kind], type)) return false;
  return _checkIndexAndId(index, id, at) && _checkToolCallDeltaBody(type, call, at);
}

/** `message_creation` of a delta: `{message_id?}`. */
function _checkMessageCreationDelta(value: unknown, at: _At): boolean {
  const messageCreation = _record(value);
  if (messageCreation === undefined) return _fail(at, 'object', value);
  const messageId = messageCreation['message_id'];
  return messageId === undefined || _isString(messageId) || _failAt(at, 'message_id', 'string', messageId);
}

/**
 * Delta `step_details` of either type, or only of `kind`; of a flavour's types too, with its tool call
 * kinds, when `stream` is given (see `_Stream`).
 */
export function _checkStepDetailsDelta(value: unknown, at: _At, kind?: RunStepType, stream?: _Stream): boolean {
  const details = _record(value);
  if (details === undefined) return _fail(at, 'object', value);
  const type = details['type'];
  if (!isRunStepType(type)) {
    if (stream !== undefined) return _flavouredDetailsDelta(type, value as object, details, at, stream.flavour);
    return _failAt(at, 'type', kind === undefined ? RUN_STEP_TYPES : [kind], type);
  }
  if (kind !== undefined && type !== kind && !_failAt(at, 'type', [kind], type)) return false;
  let v: unknown;
  if (type === 'message_creation') {
    return (
      (v = details['message_creation']) === undefined || _checkMessageCreationDelta(v, _at(at, 'message_creation'))
    );
  }
  return (
    (v = details['tool_calls']) === undefined ||
    _isArrayOf(v, stream === undefined ? _checkToolCallDelta : stream.callDelta, _at(at, 'tool_calls'))
  );
}

/** The `delta` of a delta object: `{step_details?}`, possibly `{}`. */
function _checkDeltaBody(value: unknown, at: _At, stream: _Stream | undefined): boolean {
  const body = _record(value);
  if (body === undefined) return _fail(at, 'object', value);
  const details = body['step_details'];
  return details === undefined || _checkStepDetailsDelta(details, _at(at, 'step_details'), undefined, stream);
}

/** A run step delta: `object`, `id` and `delta`; of a flavour when `stream` is given. */
export function _checkRunStepDelta(value: unknown, at: _At, stream?: _Stream): boolean {
  const delta = _record(value);
  if (delta === undefined) return _fail(at, 'object', value);
  let v: unknown;
  return (
    ((v = delta['object']) === 'thread.run.step.delta' || _failAt(at, 'object', '"thread.run.step.delta"', v)) &&
    (_isString((v = delta['id'])) || _failAt(at, 'id', 'string', v)) &&
    _checkDeltaBody(delta['delta'], _at(at, 'delta'), stream)
  );
}

/**
 * A stream event: one of the seven names, and `data` a delta for `thread.run.step.delta`, else a run
 * step; of a flavour when `stream` is given.
 */
export function _checkRunStepStreamEvent(value: unknown, at: _At, stream?: _Stream): boolean {
  const event = _record(value);
  if (event === undefined) return _fail(at, 'object', value);
  const name = event['event'];
  if (!isRunStepStreamEventName(name)) return _failAt(at, 'event', RUN_STEP_STREAM_EVENTS, name);
  const data = event['data'];
  return name === 'thread.run.step.delta'
    ? _checkRunStepDelta(data, _at(at, 'data'), stream)
    : _checkRunStep(data, _at(at, 'data'), stream === undefined ? undefined : stream.flavour);
}

// ---- a flavour's deltas ------------------------------------------------------------------------------

/**
 * A flavour's checks of deltas and stream events, made once per flavour by `_stream`: the checks above
 * take one as their last argument (`undefined` for OpenAI's current steps) and look at it only where
 * OpenAI's own value has failed, as the whole steps' checks do with a flavour (guards/flavour.ts).
 */
export interface _Stream {
  readonly flavour: _Flavour;
  /** One tool call chunk of the flavour. */
  readonly callDelta: _Check;
  /** A delta object of the flavour. */
  readonly delta: _Check;
  /** A stream event of the flavour. */
  readonly event: _Check;
}

/** The stream checks of a flavour. */
/* @__NO_SIDE_EFFECTS__ */
export function _stream(flavour: _Flavour): _Stream {
  const stream: _Stream = {
    flavour,
    callDelta: (value, at) => _checkToolCallDelta(value, at, undefined, stream),
    delta: (value, at) => _checkRunStepDelta(value, at, stream),
    event: (value, at) => _checkRunStepStreamEvent(value, at, stream),
  };
  return stream;
}

/**
 * A flavour's tool call chunk whose `type` is none of OpenAI's: a chunk of one of the flavour's kinds,
 * checked by the kind's fragment body (its own delta check, or its merge rule's, fragments.ts); in the
 * open mode any other string `type`; else a failure at `type`.
 */
function _flavouredCallDelta(
  type: unknown,
  index: unknown,
  id: unknown,
  value: object,
  call: _Record,
  at: _At,
  flavour: _Flavour,
): boolean {
  const added = typeof type === 'string' ? flavour.calls.get(type) : undefined;
  if (added === undefined && !(flavour.acceptUnknown && typeof type === 'string')) {
    return (
      _failAt(at, 'type', flavour.acceptUnknown ? 'string' : flavour.callTypes, type) && _checkIndexAndId(index, id, at)
    );
  }
  return _checkIndexAndId(index, id, at) && (added?.delta === undefined || added.delta(call, value, at));
}

/**
 * A flavour's delta `step_details` whose `type` is none of OpenAI's: of one of the flavour's step types,
 * checked by the kind's fragment body; else a failure at `type`.
 */
function _flavouredDetailsDelta(type: unknown, value: object, details: _Record, at: _At, flavour: _Flavour): boolean {
  const added = typeof type === 'string' ? flavour.details.get(type) : undefined;
  if (added === undefined) return _failAt(at, 'type', flavour.allStepTypes, type);
  return added.delta === undefined || added.delta(details, value, at);
}

/** Message creation delta details only. */
function _checkMessageCreationDetailsDelta(value: unknown, at: _At): boolean {
  return _checkStepDetailsDelta(value, at, 'message_creation');
}

/** Tool calls delta details only. */
function _checkToolCallsDetailsDelta(value: unknown, at: _At): boolean {
  return _checkStepDetailsDelta(value, at, 'tool_calls');
}

/** Code interpreter chunks only. */
function _checkCodeInterpreterToolCallDelta(value: unknown, at: _At): boolean {
  return _checkToolCallDelta(value, at, 'code_interpreter');
}

/** File search chunks only. */
function _checkFileSearchToolCallDelta(value: unknown, at: _At): boolean {
  return _checkToolCallDelta(value, at, 'file_search');
}

/** Function chunks only. */
function _checkFunctionToolCallDelta(value: unknown, at: _At): boolean {
  return _checkToolCallDelta(value, at, 'function');
}

/** `logs` output chunks only. */
function _checkLogsOutputDelta(value: unknown, at: _At): boolean {
  return _checkOutputDelta(value, at, 'logs');
}

/** `image` output chunks only. */
function _checkImageOutputDelta(value: unknown, at: _At): boolean {
  return _checkOutputDelta(value, at, 'image');
}

// ---- stream events -------------------------------------------------------------------------------------

/**
 * Checks deeply that a value is a run step stream event `{event, data}`: one of the seven names, with
 * `data` a whole run step, or a delta for `thread.run.step.delta`.
 * @param value Any value, e.g. one parsed server-sent event.
 * @returns `true` when `value` is a {@link RunStepStreamEvent}.
 */
export const isRunStepStreamEvent: Guard<RunStepStreamEvent> = _guard(_checkRunStepStreamEvent);

/**
 * Validates a run step stream event, as {@link isRunStepStreamEvent} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateRunStepStreamEvent: Validator<RunStepStreamEvent> = _validator(_checkRunStepStreamEvent);

/**
 * Asserts that a value is a run step stream event; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertRunStepStreamEvent: Assertion<RunStepStreamEvent> = _assertion(
  _checkRunStepStreamEvent,
  'RunStepStreamEvent',
);

/** A Standard Schema v1 for {@link RunStepStreamEvent}. */
export const RunStepStreamEventSchema: RunStepSchema<RunStepStreamEvent> = _schema(_checkRunStepStreamEvent);

// ---- the delta object ----------------------------------------------------------------------------------

/**
 * Checks deeply that a value is a run step delta (`object: "thread.run.step.delta"`), every chunk included.
 * @param value Any value, e.g. the `data` of a `thread.run.step.delta` event.
 * @returns `true` when `value` is a {@link RunStepDeltaObject}.
 */
export const isRunStepDeltaObject: Guard<RunStepDeltaObject> = _guard(_checkRunStepDelta);

/**
 * Validates a run step delta, as {@link isRunStepDeltaObject} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateRunStepDeltaObject: Validator<RunStepDeltaObject> = _validator(_checkRunStepDelta);

/**
 * Asserts that a value is a run step delta; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertRunStepDeltaObject: Assertion<RunStepDeltaObject> = _assertion(
  _checkRunStepDelta,
  'RunStepDeltaObject',
);

/** A Standard Schema v1 for {@link RunStepDeltaObject}. */
export const RunStepDeltaObjectSchema: RunStepSchema<RunStepDeltaObject> = _schema(_checkRunStepDelta);

// ---- delta step details --------------------------------------------------------------------------------

/**
 * Checks deeply that a value is the `step_details` of a delta, of either type.
 * @param value Any value.
 * @returns `true` when `value` is a {@link RunStepDeltaStepDetails}.
 */
export const isRunStepDeltaStepDetails: Guard<RunStepDeltaStepDetails> = _guard(_checkStepDetailsDelta);

/**
 * Validates delta `step_details` of either type, as {@link isRunStepDeltaStepDetails} checks them.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateRunStepDeltaStepDetails: Validator<RunStepDeltaStepDetails> = _validator(_checkStepDetailsDelta);

/**
 * Asserts that a value is delta `step_details` of either type; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertRunStepDeltaStepDetails: Assertion<RunStepDeltaStepDetails> = _assertion(
  _checkStepDetailsDelta,
  'RunStepDeltaStepDetails',
);

/** A Standard Schema v1 for {@link RunStepDeltaStepDetails}. */
export const RunStepDeltaStepDetailsSchema: RunStepSchema<RunStepDeltaStepDetails> = _schema(_checkStepDetailsDelta);

/**
 * Checks that a value is the `step_details` of a delta of a message creation step.
 * @param value Any value.
 * @returns `true` when `value` is a {@link MessageCreationStepDetailsDelta}.
 */
export const isMessageCreationStepDetailsDelta: Guard<MessageCreationStepDetailsDelta> = _guard(
  _checkMessageCreationDetailsDelta,
);

/**
 * Validates message creation delta `step_details`, as {@link isMessageCreationStepDetailsDelta} checks them.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateMessageCreationStepDetailsDelta: Validator<MessageCreationStepDetailsDelta> = _validator(
  _checkMessageCreationDetailsDelta,
);

/**
 * Asserts that a value is message creation delta `step_details`; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertMessageCreationStepDetailsDelta: Assertion<MessageCreationStepDetailsDelta> = _assertion(
  _checkMessageCreationDetailsDelta,
  'MessageCreationStepDetailsDelta',
);

/** A Standard Schema v1 for {@link MessageCreationStepDetailsDelta}. */
export const MessageCreationStepDetailsDeltaSchema: RunStepSchema<MessageCreationStepDetailsDelta> = _schema(
  _checkMessageCreationDetailsDelta,
);

/**
 * Checks deeply that a value is the `step_details` of a delta of a tool calls step, every chunk included.
 * @param value Any value.
 * @returns `true` when `value` is a {@link ToolCallsStepDetailsDelta}.
 */
export const isToolCallsStepDetailsDelta: Guard<ToolCallsStepDetailsDelta> = _guard(_checkToolCallsDetailsDelta);

/**
 * Validates tool calls delta `step_details`, as {@link isToolCallsStepDetailsDelta} checks them.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateToolCallsStepDetailsDelta: Validator<ToolCallsStepDetailsDelta> =
  _validator(_checkToolCallsDetailsDelta);

/**
 * Asserts that a value is tool calls delta `step_details`; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertToolCallsStepDetailsDelta: Assertion<ToolCallsStepDetailsDelta> = _assertion(
  _checkToolCallsDetailsDelta,
  'ToolCallsStepDetailsDelta',
);

/** A Standard Schema v1 for {@link ToolCallsStepDetailsDelta}. */
export const ToolCallsStepDetailsDeltaSchema: RunStepSchema<ToolCallsStepDetailsDelta> =
  _schema(_checkToolCallsDetailsDelta);

// ---- tool call chunks ----------------------------------------------------------------------------------

/**
 * Checks deeply that a value is a tool call chunk of any kind: an integer `index`, a known `type`, and
 * whatever else it carries well formed.
 * @param value Any value.
 * @returns `true` when `value` is a {@link ToolCallDelta}.
 */
export const isToolCallDelta: Guard<ToolCallDelta> = _guard(_checkToolCallDelta);

/**
 * Validates a tool call chunk of any kind, as {@link isToolCallDelta} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateToolCallDelta: Validator<ToolCallDelta> = _validator(_checkToolCallDelta);

/**
 * Asserts that a value is a tool call chunk of any kind; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertToolCallDelta: Assertion<ToolCallDelta> = _assertion(_checkToolCallDelta, 'ToolCallDelta');

/** A Standard Schema v1 for {@link ToolCallDelta}. */
export const ToolCallDeltaSchema: RunStepSchema<ToolCallDelta> = _schema(_checkToolCallDelta);

/**
 * Checks deeply that a value is a code interpreter tool call chunk.
 * @param value Any value.
 * @returns `true` when `value` is a {@link CodeInterpreterToolCallDelta}.
 */
export const isCodeInterpreterToolCallDelta: Guard<CodeInterpreterToolCallDelta> = _guard(
  _checkCodeInterpreterToolCallDelta,
);

/**
 * Validates a code interpreter tool call chunk, as {@link isCodeInterpreterToolCallDelta} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateCodeInterpreterToolCallDelta: Validator<CodeInterpreterToolCallDelta> = _validator(
  _checkCodeInterpreterToolCallDelta,
);

/**
 * Asserts that a value is a code interpreter tool call chunk; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertCodeInterpreterToolCallDelta: Assertion<CodeInterpreterToolCallDelta> = _assertion(
  _checkCodeInterpreterToolCallDelta,
  'CodeInterpreterToolCallDelta',
);

/** A Standard Schema v1 for {@link CodeInterpreterToolCallDelta}. */
export const CodeInterpreterToolCallDeltaSchema: RunStepSchema<CodeInterpreterToolCallDelta> = _schema(
  _checkCodeInterpreterToolCallDelta,
);

/**
 * Checks deeply that a value is a file search tool call chunk.
 * @param value Any value.
 * @returns `true` when `value` is a {@link FileSearchToolCallDelta}.
 */
export const isFileSearchToolCallDelta: Guard<FileSearchToolCallDelta> = _guard(_checkFileSearchToolCallDelta);

/**
 * Validates a file search tool call chunk, as {@link isFileSearchToolCallDelta} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateFileSearchToolCallDelta: Validator<FileSearchToolCallDelta> =
  _validator(_checkFileSearchToolCallDelta);

/**
 * Asserts that a value is a file search tool call chunk; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertFileSearchToolCallDelta: Assertion<FileSearchToolCallDelta> = _assertion(
  _checkFileSearchToolCallDelta,
  'FileSearchToolCallDelta',
);

/** A Standard Schema v1 for {@link FileSearchToolCallDelta}. */
export const FileSearchToolCallDeltaSchema: RunStepSchema<FileSearchToolCallDelta> =
  _schema(_checkFileSearchToolCallDelta);

/**
 * Checks deeply that a value is a function tool call chunk.
 * @param value Any value.
 * @returns `true` when `value` is a {@link FunctionToolCallDelta}.
 */
export const isFunctionToolCallDelta: Guard<FunctionToolCallDelta> = _guard(_checkFunctionToolCallDelta);

/**
 * Validates a function tool call chunk, as {@link isFunctionToolCallDelta} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateFunctionToolCallDelta: Validator<FunctionToolCallDelta> = _validator(_checkFunctionToolCallDelta);

/**
 * Asserts that a value is a function tool call chunk; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertFunctionToolCallDelta: Assertion<FunctionToolCallDelta> = _assertion(
  _checkFunctionToolCallDelta,
  'FunctionToolCallDelta',
);

/** A Standard Schema v1 for {@link FunctionToolCallDelta}. */
export const FunctionToolCallDeltaSchema: RunStepSchema<FunctionToolCallDelta> = _schema(_checkFunctionToolCallDelta);

// ---- code interpreter output chunks --------------------------------------------------------------------

/**
 * Checks that a value is a code interpreter output chunk of either kind, with its own integer `index`.
 * @param value Any value.
 * @returns `true` when `value` is a {@link CodeInterpreterOutputDelta}.
 */
export const isCodeInterpreterOutputDelta: Guard<CodeInterpreterOutputDelta> = _guard(_checkOutputDelta);

/**
 * Validates a code interpreter output chunk of either kind, as {@link isCodeInterpreterOutputDelta} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateCodeInterpreterOutputDelta: Validator<CodeInterpreterOutputDelta> = _validator(_checkOutputDelta);

/**
 * Asserts that a value is a code interpreter output chunk; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertCodeInterpreterOutputDelta: Assertion<CodeInterpreterOutputDelta> = _assertion(
  _checkOutputDelta,
  'CodeInterpreterOutputDelta',
);

/** A Standard Schema v1 for {@link CodeInterpreterOutputDelta}. */
export const CodeInterpreterOutputDeltaSchema: RunStepSchema<CodeInterpreterOutputDelta> = _schema(_checkOutputDelta);

/**
 * Checks that a value is a code interpreter `logs` output chunk.
 * @param value Any value.
 * @returns `true` when `value` is a {@link CodeInterpreterLogsOutputDelta}.
 */
export const isCodeInterpreterLogsOutputDelta: Guard<CodeInterpreterLogsOutputDelta> = _guard(_checkLogsOutputDelta);

/**
 * Validates a code interpreter `logs` output chunk, as {@link isCodeInterpreterLogsOutputDelta} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateCodeInterpreterLogsOutputDelta: Validator<CodeInterpreterLogsOutputDelta> =
  _validator(_checkLogsOutputDelta);

/**
 * Asserts that a value is a code interpreter `logs` output chunk; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertCodeInterpreterLogsOutputDelta: Assertion<CodeInterpreterLogsOutputDelta> = _assertion(
  _checkLogsOutputDelta,
  'CodeInterpreterLogsOutputDelta',
);

/** A Standard Schema v1 for {@link CodeInterpreterLogsOutputDelta}. */
export const CodeInterpreterLogsOutputDeltaSchema: RunStepSchema<CodeInterpreterLogsOutputDelta> =
  _schema(_checkLogsOutputDelta);

/**
 * Checks that a value is a code interpreter `image` output chunk.
 * @param value Any value.
 * @returns `true` when `value` is a {@link CodeInterpreterImageOutputDelta}.
 */
export const isCodeInterpreterImageOutputDelta: Guard<CodeInterpreterImageOutputDelta> = _guard(_checkImageOutputDelta);

/**
 * Validates a code interpreter `image` output chunk, as {@link isCodeInterpreterImageOutputDelta} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateCodeInterpreterImageOutputDelta: Validator<CodeInterpreterImageOutputDelta> =
  _validator(_checkImageOutputDelta);

/**
 * Asserts that a value is a code interpreter `image` output chunk; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertCodeInterpreterImageOutputDelta: Assertion<CodeInterpreterImageOutputDelta> = _assertion(
  _checkImageOutputDelta,
  'CodeInterpreterImageOutputDelta',
);

/** A Standard Schema v1 for {@link CodeInterpreterImageOutputDelta}. */
export const CodeInterpreterImageOutputDeltaSchema: RunStepSchema<CodeInterpreterImageOutputDelta> =
  _schema(_checkImageOutputDelta);
