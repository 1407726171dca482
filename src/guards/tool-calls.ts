/**
 * Guards for tool calls and the objects inside them. Each `_check*` function states one object's rules
 * once; the exported guards wrap them so that they never throw.
 */

import type { CodeInterpreterOutputType, ToolCallType } from '../enums.js';
import { isFileSearchRanker, isFileSearchResultContentType } from '../enums.js';
import { _guard, _isArrayOf, _isMapOf, _isNumber, _isString, _record, type _Record } from '../internal/read.js';
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

/** The rest of a code interpreter output once its `type` is known: `logs` text, or an `image` file. */
function _checkOutputBody(type: unknown, output: _Record): boolean {
  switch (type) {
    case 'logs':
      return _isString(output['logs']);
    case 'image': {
      const image = _record(output['image']);
      return image !== undefined && _isString(image['file_id']);
    }
    default:
      return false;
  }
}

/** A code interpreter output of any kind, or only of `kind`, chosen by `type` (read once). */
function _checkCodeInterpreterOutput(value: unknown, kind?: CodeInterpreterOutputType): boolean {
  const output = _record(value);
  if (output === undefined) return false;
  const type = output['type'];
  return (kind === undefined || type === kind) && _checkOutputBody(type, output);
}

/** `code_interpreter`: `{input, outputs}`; `outputs` is often `[]`, even on a completed step. */
function _checkCodeInterpreterBody(value: unknown): boolean {
  const body = _record(value);
  return body !== undefined && _isString(body['input']) && _isArrayOf(body['outputs'], _checkCodeInterpreterOutput);
}

/** `{ranker, score_threshold}`; the documented 0..1 range is a fact about the API, not checked. */
function _checkRankingOptions(value: unknown): boolean {
  const options = _record(value);
  return options !== undefined && isFileSearchRanker(options['ranker']) && _isNumber(options['score_threshold']);
}

/** An item of a result's `content`: the spec makes both `type` and `text` optional. */
function _checkResultContent(value: unknown): boolean {
  const content = _record(value);
  if (content === undefined) return false;
  const type = content['type'];
  const text = content['text'];
  return (type === undefined || isFileSearchResultContentType(type)) && (text === undefined || _isString(text));
}

/** An attribute value, as a vector store file's attributes allow. */
function _checkAttributeValue(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'boolean' || _isNumber(value);
}

/** `{file_id, file_name, score, content?, attributes?}`. */
function _checkFileSearchResult(value: unknown): boolean {
  const result = _record(value);
  if (result === undefined) return false;
  const content = result['content'];
  // Undocumented: `{}` on every result since 2025 (see the README's wire table).
  const attributes = result['attributes'];
  return (
    _isString(result['file_id']) &&
    _isString(result['file_name']) &&
    _isNumber(result['score']) &&
    (content === undefined || _isArrayOf(content, _checkResultContent)) &&
    (attributes === undefined || attributes === null || _isMapOf(attributes, _checkAttributeValue))
  );
}

/** `file_search`: `{}` before 2024-08, `{ranking_options, results}` since. */
function _checkFileSearchBody(value: unknown): boolean {
  const body = _record(value);
  if (body === undefined) return false;
  const rankingOptions = body['ranking_options'];
  const results = body['results'];
  return (
    (rankingOptions === undefined || _checkRankingOptions(rankingOptions)) &&
    (results === undefined || _isArrayOf(results, _checkFileSearchResult))
  );
}

/** `function`: `{name, arguments, output}`; `output` is `null` until tool outputs are submitted. */
function _checkFunctionBody(value: unknown): boolean {
  const body = _record(value);
  if (body === undefined) return false;
  const output = body['output'];
  return _isString(body['name']) && _isString(body['arguments']) && (output === null || _isString(output));
}

/** The body of a tool call once its `type` is known: it sits under the key named like the type. */
function _checkToolCallBody(type: unknown, call: _Record): boolean {
  switch (type) {
    case 'code_interpreter':
      return _checkCodeInterpreterBody(call['code_interpreter']);
    case 'file_search':
      return _checkFileSearchBody(call['file_search']);
    case 'function':
      return _checkFunctionBody(call['function']);
    default:
      return false;
  }
}

/** A tool call of any kind, or only of `kind`, chosen by `type` (read once); every kind has an `id`. */
export function _checkToolCall(value: unknown, kind?: ToolCallType): boolean {
  const call = _record(value);
  if (call === undefined) return false;
  const type = call['type'];
  return (kind === undefined || type === kind) && _isString(call['id']) && _checkToolCallBody(type, call);
}

/**
 * Checks deeply that a value is a tool call of any kind (code interpreter, file search or function).
 * @param value Any value.
 * @returns `true` when `value` is a {@link ToolCall}.
 */
export const isToolCall: Guard<ToolCall> = _guard(_checkToolCall);

/**
 * Checks deeply that a value is a code interpreter tool call.
 * @param value Any value.
 * @returns `true` when `value` is a {@link CodeInterpreterToolCall}.
 */
export const isCodeInterpreterToolCall: Guard<CodeInterpreterToolCall> = _guard((value) =>
  _checkToolCall(value, 'code_interpreter'),
);

/**
 * Checks deeply that a value is a file search tool call.
 * @param value Any value.
 * @returns `true` when `value` is a {@link FileSearchToolCall}.
 */
export const isFileSearchToolCall: Guard<FileSearchToolCall> = _guard((value) => _checkToolCall(value, 'file_search'));

/**
 * Checks deeply that a value is a function tool call.
 * @param value Any value.
 * @returns `true` when `value` is a {@link FunctionToolCall}.
 */
export const isFunctionToolCall: Guard<FunctionToolCall> = _guard((value) => _checkToolCall(value, 'function'));

/**
 * Checks that a value is a code interpreter output of either kind.
 * @param value Any value.
 * @returns `true` when `value` is a {@link CodeInterpreterOutput}.
 */
export const isCodeInterpreterOutput: Guard<CodeInterpreterOutput> = _guard(_checkCodeInterpreterOutput);

/**
 * Checks that a value is a code interpreter `logs` output.
 * @param value Any value.
 * @returns `true` when `value` is a {@link CodeInterpreterLogsOutput}.
 */
export const isCodeInterpreterLogsOutput: Guard<CodeInterpreterLogsOutput> = _guard((value) =>
  _checkCodeInterpreterOutput(value, 'logs'),
);

/**
 * Checks that a value is a code interpreter `image` output.
 * @param value Any value.
 * @returns `true` when `value` is a {@link CodeInterpreterImageOutput}.
 */
export const isCodeInterpreterImageOutput: Guard<CodeInterpreterImageOutput> = _guard((value) =>
  _checkCodeInterpreterOutput(value, 'image'),
);

/**
 * Checks deeply that a value is one file search result.
 * @param value Any value.
 * @returns `true` when `value` is a {@link FileSearchResult}.
 */
export const isFileSearchResult: Guard<FileSearchResult> = _guard(_checkFileSearchResult);
