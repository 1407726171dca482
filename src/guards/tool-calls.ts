/**
 * Guards for tool calls and the objects inside them. Each `_check*` function states one object's rules
 * once; the exported guards wrap them so that they never throw.
 */

import {
  CODE_INTERPRETER_OUTPUT_TYPES,
  FILE_SEARCH_RANKERS,
  FILE_SEARCH_RESULT_CONTENT_TYPES,
  TOOL_CALL_TYPES,
  isCodeInterpreterOutputType,
  isFileSearchRanker,
  isFileSearchResultContentType,
  isToolCallType,
  type CodeInterpreterOutputType,
  type ToolCallType,
} from '../enums.js';
import {
  _at,
  _fail,
  _failAt,
  _guard,
  _isArrayOf,
  _isMapOf,
  _isNumber,
  _isString,
  _record,
  type _At,
  type _Record,
} from '../internal/read.js';
import type {
  CodeInterpreterImageOutput,
  CodeInterpreterLogsOutput,
  CodeInterpreterOutput,
  CodeInterpreterToolCall,
  FileSearchResult,
  FileSearchToolCall,
  FunctionToolCall,
  Guard,
  ToolCall,
} from '../types.js';
import type { Assertion, Validator } from '../diagnostics/issues.js';
import type { _Flavour } from './flavour.js';
import type { RunStepSchema } from '../diagnostics/standard-schema.js';
import { _assertion, _schema, _validator } from '../diagnostics/validators.js';

/** The rest of a code interpreter output once its `type` is known: `logs` text, or an `image` file. */
function _checkOutputBody(type: CodeInterpreterOutputType, output: _Record, at: _At): boolean {
  if (type === 'logs') {
    const logs = output['logs'];
    return _isString(logs) || _failAt(at, 'logs', 'string', logs);
  }
  const imageValue = output['image'];
  const image = _record(imageValue);
  if (image === undefined) return _failAt(at, 'image', 'object', imageValue);
  const fileId = image['file_id'];
  return _isString(fileId) || _failAt(_at(at, 'image'), 'file_id', 'string', fileId);
}

/** A code interpreter output of any kind, or only of `kind`, chosen by `type` (read once). */
export function _checkCodeInterpreterOutput(value: unknown, at: _At, kind?: CodeInterpreterOutputType): boolean {
  const output = _record(value);
  if (output === undefined) return _fail(at, 'object', value);
  const type = output['type'];
  if (!isCodeInterpreterOutputType(type) || (kind !== undefined && type !== kind)) {
    return _failOutputType(type, output, kind, at);
  }
  return _checkOutputBody(type, output, at);
}

/** An output whose `type` is no output type, or not `kind` (kept out of the hot path, as for tool calls). */
function _failOutputType(
  type: unknown,
  output: _Record,
  kind: CodeInterpreterOutputType | undefined,
  at: _At,
): boolean {
  if (!_failAt(at, 'type', kind === undefined ? CODE_INTERPRETER_OUTPUT_TYPES : [kind], type)) return false;
  return !isCodeInterpreterOutputType(type) || _checkOutputBody(type, output, at);
}

/** `code_interpreter`: `{input, outputs}`; `outputs` is often `[]`, even on a completed step. */
function _checkCodeInterpreterBody(value: unknown, at: _At): boolean {
  const body = _record(value);
  if (body === undefined) return _fail(at, 'object', value);
  const input = body['input'];
  return (
    (_isString(input) || _failAt(at, 'input', 'string', input)) &&
    _isArrayOf(body['outputs'], _checkCodeInterpreterOutput, _at(at, 'outputs'))
  );
}

/** `{ranker, score_threshold}`; the documented 0..1 range is a fact about the API, not checked. */
function _checkRankingOptions(value: unknown, at: _At): boolean {
  const options = _record(value);
  if (options === undefined) return _fail(at, 'object', value);
  const ranker = options['ranker'];
  const scoreThreshold = options['score_threshold'];
  return (
    (isFileSearchRanker(ranker) || _failAt(at, 'ranker', FILE_SEARCH_RANKERS, ranker)) &&
    (_isNumber(scoreThreshold) || _failAt(at, 'score_threshold', 'number', scoreThreshold))
  );
}

/** An item of a result's `content`: the spec makes both `type` and `text` optional. */
function _checkResultContent(value: unknown, at: _At): boolean {
  const content = _record(value);
  if (content === undefined) return _fail(at, 'object', value);
  const type = content['type'];
  const text = content['text'];
  return (
    (type === undefined ||
      isFileSearchResultContentType(type) ||
      _failAt(at, 'type', FILE_SEARCH_RESULT_CONTENT_TYPES, type)) &&
    (text === undefined || _isString(text) || _failAt(at, 'text', 'string', text))
  );
}

/** An attribute value, as a vector store file's attributes allow. */
function _checkAttributeValue(value: unknown, at: _At): boolean {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    _isNumber(value) ||
    _fail(at, 'string, number or boolean', value)
  );
}

/** `{file_id, file_name, score, content?, attributes?}`. */
function _checkFileSearchResult(value: unknown, at: _At): boolean {
  const result = _record(value);
  if (result === undefined) return _fail(at, 'object', value);
  const fileId = result['file_id'];
  const fileName = result['file_name'];
  const score = result['score'];
  const content = result['content'];
  // Undocumented: `{}` on every result since 2025 (see the README's wire table).
  const attributes = result['attributes'];
  return (
    (_isString(fileId) || _failAt(at, 'file_id', 'string', fileId)) &&
    (_isString(fileName) || _failAt(at, 'file_name', 'string', fileName)) &&
    (_isNumber(score) || _failAt(at, 'score', 'number', score)) &&
    (content === undefined || _isArrayOf(content, _checkResultContent, _at(at, 'content'))) &&
    (attributes === undefined ||
      attributes === null ||
      _isMapOf(attributes, _checkAttributeValue, 'object or null', _at(at, 'attributes')))
  );
}

/**
 * `file_search`: `{}` before 2024-08, `{ranking_options, results}` since; a delta's chunk carries the
 * same (`{ranking_options, results: []}` on the wire), so this one body serves both.
 */
export function _checkFileSearchBody(value: unknown, at: _At): boolean {
  const body = _record(value);
  if (body === undefined) return _fail(at, 'object', value);
  const rankingOptions = body['ranking_options'];
  const results = body['results'];
  return (
    (rankingOptions === undefined || _checkRankingOptions(rankingOptions, _at(at, 'ranking_options'))) &&
    (results === undefined || _isArrayOf(results, _checkFileSearchResult, _at(at, 'results')))
  );
}

/**
 * How much of a function body may be absent: nothing (`undefined`), `output` (a flavour whose
 * `optionalFunctionOutput` says so: historical steps, 2023), or every field (`_ALL_OPTIONAL`: a delta's chunk).
 */
export type _Absent = _Flavour | typeof _ALL_OPTIONAL | undefined;
/** A delta's chunk: `name`, an `arguments` fragment, `output`, each only if present. */
export const _ALL_OPTIONAL = 2;

/**
 * `function`: `{name, arguments, output}`; `output` is `null` until tool outputs are submitted. The one
 * function body for steps of every flavour and for deltas: `absent` says which fields may be missing,
 * and is looked at only where a field has failed, so that the default path does not pay for it.
 */
export function _checkFunctionBody(value: unknown, at: _At, absent?: _Absent): boolean {
  const body = _record(value);
  if (body === undefined) return _fail(at, 'object', value);
  const name = body['name'];
  const args = body['arguments'];
  const output = body['output'];
  return (
    (_isString(name) && _isString(args) && (output === null || _isString(output))) ||
    // A guard of OpenAI's steps has its answer: no field may be absent.
    ((at !== undefined || absent !== undefined) && _failFunctionBody(name, args, output, at, absent))
  );
}

/** A function body with a field that is not as OpenAI's current steps have it (out of line, see `_checkFunctionBody`). */
function _failFunctionBody(name: unknown, args: unknown, output: unknown, at: _At, absent: _Absent): boolean {
  const all = absent === _ALL_OPTIONAL;
  const outputMayBeAbsent = all || (typeof absent === 'object' && absent.optionalFunctionOutput);
  return (
    (_isString(name) || (name === undefined && all) || _failAt(at, 'name', 'string', name)) &&
    (_isString(args) || (args === undefined && all) || _failAt(at, 'arguments', 'string', args)) &&
    (output === null ||
      _isString(output) ||
      (output === undefined && outputMayBeAbsent) ||
      _failAt(at, 'output', 'string or null', output))
  );
}

/** The body of a tool call once its `type` is known: it sits under the key named like the type. */
function _checkToolCallBody(type: ToolCallType, call: _Record, at: _At, flavour?: _Flavour): boolean {
  switch (type) {
    case 'code_interpreter':
      return _checkCodeInterpreterBody(call['code_interpreter'], _at(at, 'code_interpreter'));
    case 'file_search':
      return _checkFileSearchBody(call['file_search'], _at(at, 'file_search'));
    default:
      return _checkFunctionBody(call['function'], _at(at, 'function'), flavour);
  }
}

/**
 * A tool call of any kind, or only of `kind`, chosen by `type` (read once); every kind has an `id`. The
 * one tool call dispatch, for every flavour (`flavour`, see flavour.ts): its kinds are looked up only
 * once `type` is none of OpenAI's (by `flavour.otherCall`, which a guard of OpenAI's steps alone does
 * not bundle).
 */
export function _checkToolCall(value: unknown, at: _At, kind?: ToolCallType, flavour?: _Flavour): boolean {
  const call = _record(value);
  if (call === undefined) return _fail(at, 'object', value);
  const type = call['type'];
  const id = call['id'];
  if (!isToolCallType(type) || (kind !== undefined && type !== kind))
    return _otherToolCall(type, id, value as object, call, kind, at, flavour);
  return (_isString(id) || _failAt(at, 'id', 'string', id)) && _checkToolCallBody(type, call, at, flavour);
}

/** A tool call whose `type` is none of OpenAI's, or not `kind`: a failure, or the flavour's to judge. */
function _otherToolCall(
  type: unknown,
  id: unknown,
  value: object,
  call: _Record,
  kind: ToolCallType | undefined,
  at: _At,
  flavour: _Flavour | undefined,
): boolean {
  return flavour === undefined
    ? _failToolCallType(type, id, call, kind === undefined ? TOOL_CALL_TYPES : [kind], at, undefined)
    : flavour.otherCall(type, id, value, call, at);
}

/**
 * A tool call whose `type` is not `expected`: kept out of `_checkToolCall`, which is then small enough
 * for V8 to inline where it is called. A validator goes on with the `id`, and with the body when the
 * type is a known one.
 */
export function _failToolCallType(
  type: unknown,
  id: unknown,
  call: _Record,
  expected: string | readonly string[],
  at: _At,
  flavour: _Flavour | undefined,
): boolean {
  if (!_failAt(at, 'type', expected, type)) return false;
  return (
    (_isString(id) || _failAt(at, 'id', 'string', id)) &&
    (!isToolCallType(type) || _checkToolCallBody(type, call, at, flavour))
  );
}

/**
 * Checks deeply that a value is a tool call of any kind (code interpreter, file search or function).
 * @param value Any value.
 * @returns `true` when `value` is a {@link ToolCall}.
 */
export const isToolCall: Guard<ToolCall> = _guard(_checkToolCall);

/**
 * Validates a tool call of any kind, as {@link isToolCall} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateToolCall: Validator<ToolCall> = _validator(_checkToolCall);

/**
 * Asserts that a value is a tool call of any kind; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertToolCall: Assertion<ToolCall> = _assertion(_checkToolCall, 'ToolCall');

/** A Standard Schema v1 for {@link ToolCall}. */
export const ToolCallSchema: RunStepSchema<ToolCall> = _schema(_checkToolCall);

/** A code interpreter tool call only. */
function _checkCodeInterpreterToolCall(value: unknown, at: _At): boolean {
  return _checkToolCall(value, at, 'code_interpreter');
}

/**
 * Checks deeply that a value is a code interpreter tool call.
 * @param value Any value.
 * @returns `true` when `value` is a {@link CodeInterpreterToolCall}.
 */
export const isCodeInterpreterToolCall: Guard<CodeInterpreterToolCall> = _guard(_checkCodeInterpreterToolCall);

/**
 * Validates a code interpreter tool call, as {@link isCodeInterpreterToolCall} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateCodeInterpreterToolCall: Validator<CodeInterpreterToolCall> =
  _validator(_checkCodeInterpreterToolCall);

/**
 * Asserts that a value is a code interpreter tool call; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertCodeInterpreterToolCall: Assertion<CodeInterpreterToolCall> = _assertion(
  _checkCodeInterpreterToolCall,
  'CodeInterpreterToolCall',
);

/** A Standard Schema v1 for {@link CodeInterpreterToolCall}. */
export const CodeInterpreterToolCallSchema: RunStepSchema<CodeInterpreterToolCall> =
  _schema(_checkCodeInterpreterToolCall);

/** A file search tool call only. */
function _checkFileSearchToolCall(value: unknown, at: _At): boolean {
  return _checkToolCall(value, at, 'file_search');
}

/**
 * Checks deeply that a value is a file search tool call.
 * @param value Any value.
 * @returns `true` when `value` is a {@link FileSearchToolCall}.
 */
export const isFileSearchToolCall: Guard<FileSearchToolCall> = _guard(_checkFileSearchToolCall);

/**
 * Validates a file search tool call, as {@link isFileSearchToolCall} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateFileSearchToolCall: Validator<FileSearchToolCall> = _validator(_checkFileSearchToolCall);

/**
 * Asserts that a value is a file search tool call; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertFileSearchToolCall: Assertion<FileSearchToolCall> = _assertion(
  _checkFileSearchToolCall,
  'FileSearchToolCall',
);

/** A Standard Schema v1 for {@link FileSearchToolCall}. */
export const FileSearchToolCallSchema: RunStepSchema<FileSearchToolCall> = _schema(_checkFileSearchToolCall);

/** A function tool call only. */
function _checkFunctionToolCall(value: unknown, at: _At): boolean {
  return _checkToolCall(value, at, 'function');
}

/**
 * Checks deeply that a value is a function tool call.
 * @param value Any value.
 * @returns `true` when `value` is a {@link FunctionToolCall}.
 */
export const isFunctionToolCall: Guard<FunctionToolCall> = _guard(_checkFunctionToolCall);

/**
 * Validates a function tool call, as {@link isFunctionToolCall} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateFunctionToolCall: Validator<FunctionToolCall> = _validator(_checkFunctionToolCall);

/**
 * Asserts that a value is a function tool call; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertFunctionToolCall: Assertion<FunctionToolCall> = _assertion(
  _checkFunctionToolCall,
  'FunctionToolCall',
);

/** A Standard Schema v1 for {@link FunctionToolCall}. */
export const FunctionToolCallSchema: RunStepSchema<FunctionToolCall> = _schema(_checkFunctionToolCall);

/**
 * Checks that a value is a code interpreter output of either kind.
 * @param value Any value.
 * @returns `true` when `value` is a {@link CodeInterpreterOutput}.
 */
export const isCodeInterpreterOutput: Guard<CodeInterpreterOutput> = _guard(_checkCodeInterpreterOutput);

/**
 * Validates a code interpreter output of either kind, as {@link isCodeInterpreterOutput} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateCodeInterpreterOutput: Validator<CodeInterpreterOutput> = _validator(_checkCodeInterpreterOutput);

/**
 * Asserts that a value is a code interpreter output of either kind; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertCodeInterpreterOutput: Assertion<CodeInterpreterOutput> = _assertion(
  _checkCodeInterpreterOutput,
  'CodeInterpreterOutput',
);

/** A Standard Schema v1 for {@link CodeInterpreterOutput}. */
export const CodeInterpreterOutputSchema: RunStepSchema<CodeInterpreterOutput> = _schema(_checkCodeInterpreterOutput);

/** A code interpreter `logs` output only. */
function _checkLogsOutput(value: unknown, at: _At): boolean {
  return _checkCodeInterpreterOutput(value, at, 'logs');
}

/**
 * Checks that a value is a code interpreter `logs` output.
 * @param value Any value.
 * @returns `true` when `value` is a {@link CodeInterpreterLogsOutput}.
 */
export const isCodeInterpreterLogsOutput: Guard<CodeInterpreterLogsOutput> = _guard(_checkLogsOutput);

/**
 * Validates a code interpreter `logs` output, as {@link isCodeInterpreterLogsOutput} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateCodeInterpreterLogsOutput: Validator<CodeInterpreterLogsOutput> = _validator(_checkLogsOutput);

/**
 * Asserts that a value is a code interpreter `logs` output; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertCodeInterpreterLogsOutput: Assertion<CodeInterpreterLogsOutput> = _assertion(
  _checkLogsOutput,
  'CodeInterpreterLogsOutput',
);

/** A Standard Schema v1 for {@link CodeInterpreterLogsOutput}. */
export const CodeInterpreterLogsOutputSchema: RunStepSchema<CodeInterpreterLogsOutput> = _schema(_checkLogsOutput);

/** A code interpreter `image` output only. */
function _checkImageOutput(value: unknown, at: _At): boolean {
  return _checkCodeInterpreterOutput(value, at, 'image');
}

/**
 * Checks that a value is a code interpreter `image` output.
 * @param value Any value.
 * @returns `true` when `value` is a {@link CodeInterpreterImageOutput}.
 */
export const isCodeInterpreterImageOutput: Guard<CodeInterpreterImageOutput> = _guard(_checkImageOutput);

/**
 * Validates a code interpreter `image` output, as {@link isCodeInterpreterImageOutput} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateCodeInterpreterImageOutput: Validator<CodeInterpreterImageOutput> = _validator(_checkImageOutput);

/**
 * Asserts that a value is a code interpreter `image` output; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertCodeInterpreterImageOutput: Assertion<CodeInterpreterImageOutput> = _assertion(
  _checkImageOutput,
  'CodeInterpreterImageOutput',
);

/** A Standard Schema v1 for {@link CodeInterpreterImageOutput}. */
export const CodeInterpreterImageOutputSchema: RunStepSchema<CodeInterpreterImageOutput> = _schema(_checkImageOutput);

/**
 * Checks deeply that a value is one file search result.
 * @param value Any value.
 * @returns `true` when `value` is a {@link FileSearchResult}.
 */
export const isFileSearchResult: Guard<FileSearchResult> = _guard(_checkFileSearchResult);

/**
 * Validates one file search result, as {@link isFileSearchResult} checks it.
 * @param value Any value.
 * @param options `maxIssues`: stop after this many issues (default 100).
 * @returns `{success: true, value}`, or `{success: false, issues}`.
 */
export const validateFileSearchResult: Validator<FileSearchResult> = _validator(_checkFileSearchResult);

/**
 * Asserts that a value is one file search result; throws a `RunStepValidationError` otherwise.
 * @param value Any value.
 */
export const assertFileSearchResult: Assertion<FileSearchResult> = _assertion(
  _checkFileSearchResult,
  'FileSearchResult',
);

/** A Standard Schema v1 for {@link FileSearchResult}. */
export const FileSearchResultSchema: RunStepSchema<FileSearchResult> = _schema(_checkFileSearchResult);
