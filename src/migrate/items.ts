/**
 * The limits of the Responses / Conversations input items, the check of the items a user's callback answers
 * with, and `batchItems`. The check reads a read-once copy (copy.ts) and builds each item anew from the keys its
 * type has, so that what reaches the output is exactly what was checked.
 */

import { _append } from '../internal/read.js';
import { _readOnceCopy, _CopyFailure, _obj, _str, type _Data } from './copy.js';
import type {
  ConversationItem,
  FunctionCallItem,
  FunctionCallOutputItem,
  InputContentPart,
  MessageItem,
} from './types.js';

/** The most characters of a `call_id` (and the least: 1). */
export const MAX_CALL_ID_LENGTH = 64;
/** The most characters of a function call's `output` string (and of an `input_text` part in it): 10,485,760. */
export const MAX_OUTPUT_LENGTH = 10_485_760;
/** The most items one `conversations.items.create` call takes. */
export const MAX_ITEMS_PER_CALL = 20;

const _ROLES: readonly string[] = ['user', 'assistant', 'system', 'developer'];
const _IMAGE_DETAILS: readonly string[] = ['low', 'high', 'auto', 'original'];
const _FILE_DETAILS: readonly string[] = ['auto', 'low', 'high'];

/** Whether `value` is a `call_id`: 1 to 64 characters. */
export function _isCallId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= MAX_CALL_ID_LENGTH;
}

/** Why an answer is not items: where in it, and what. */
export class _NotItems {
  constructor(
    readonly path: readonly (string | number)[],
    readonly message: string,
  ) {}
}

/** Whether the keys of `record` are all among `keys`; the first other key otherwise. */
function _otherKey(record: _Data, keys: readonly string[]): string | undefined {
  for (const key of Object.keys(record)) if (!keys.includes(key)) return key;
  return undefined;
}

function _optionalString(value: unknown, nullable: boolean): boolean {
  return value === undefined || typeof value === 'string' || (nullable && value === null);
}

/** A part of a content list, built anew, or why not. */
function _part(value: unknown, path: (string | number)[], inOutput: boolean): InputContentPart | _NotItems {
  const record = _obj(value);
  if (record === undefined) return new _NotItems(path, 'a content part must be an object');
  const type = record.type;
  if (type === 'input_text') {
    const other = _otherKey(record, ['type', 'text']);
    const text = record.text;
    if (other !== undefined) return new _NotItems([...path, other], `an input_text part has no key "${other}"`);
    if (typeof text !== 'string') return new _NotItems([...path, 'text'], 'text must be a string');
    if (inOutput && text.length > MAX_OUTPUT_LENGTH) {
      return new _NotItems([...path, 'text'], `text is over ${MAX_OUTPUT_LENGTH} characters`);
    }
    return { type, text };
  }
  if (type === 'input_image') {
    const other = _otherKey(record, ['type', 'detail', 'image_url', 'file_id']);
    if (other !== undefined) return new _NotItems([...path, other], `an input_image part has no key "${other}"`);
    const detail = record.detail;
    const imageUrl = record.image_url;
    const fileId = record.file_id;
    if (typeof detail !== 'string' || !_IMAGE_DETAILS.includes(detail)) {
      return new _NotItems([...path, 'detail'], 'detail must be "low", "high", "auto" or "original"');
    }
    if (!_optionalString(imageUrl, true)) return new _NotItems([...path, 'image_url'], 'image_url must be a string');
    if (!_optionalString(fileId, true)) return new _NotItems([...path, 'file_id'], 'file_id must be a string');
    const part: InputContentPart = { type, detail: detail as 'low' | 'high' | 'auto' | 'original' };
    if (imageUrl !== undefined) part.image_url = imageUrl as string | null;
    if (fileId !== undefined) part.file_id = fileId as string | null;
    return part;
  }
  if (type === 'input_file') {
    const other = _otherKey(record, ['type', 'file_id', 'filename', 'file_data', 'file_url', 'detail']);
    if (other !== undefined) return new _NotItems([...path, other], `an input_file part has no key "${other}"`);
    const fileId = record.file_id;
    const filename = record.filename;
    const fileData = record.file_data;
    const fileUrl = record.file_url;
    const detail = record.detail;
    if (!_optionalString(fileId, true)) return new _NotItems([...path, 'file_id'], 'file_id must be a string');
    for (const [key, field] of [
      ['filename', filename],
      ['file_data', fileData],
      ['file_url', fileUrl],
    ] as const) {
      if (!_optionalString(field, false)) return new _NotItems([...path, key], `${key} must be a string`);
    }
    if (detail !== undefined && (typeof detail !== 'string' || !_FILE_DETAILS.includes(detail))) {
      return new _NotItems([...path, 'detail'], 'detail must be "auto", "low" or "high"');
    }
    const part: InputContentPart = { type };
    if (fileId !== undefined) part.file_id = fileId as string | null;
    if (filename !== undefined) part.filename = filename as string;
    if (fileData !== undefined) part.file_data = fileData as string;
    if (fileUrl !== undefined) part.file_url = fileUrl as string;
    if (detail !== undefined) part.detail = detail as 'auto' | 'low' | 'high';
    return part;
  }
  return new _NotItems([...path, 'type'], 'a content part is input_text, input_image or input_file');
}

/** A list of parts, built anew, or why not. */
function _parts(value: unknown, path: (string | number)[], inOutput: boolean): InputContentPart[] | _NotItems {
  if (!Array.isArray(value)) return new _NotItems(path, 'must be a string or a list of parts');
  const parts: InputContentPart[] = [];
  for (let index = 0; index < value.length; index++) {
    const part = _part(value[index], [...path, index], inOutput);
    if (part instanceof _NotItems) return part;
    _append(parts, part);
  }
  return parts;
}

/** One item of a copy, built anew, or why not. */
function _item(value: unknown, path: (string | number)[]): ConversationItem | _NotItems {
  const record = _obj(value);
  if (record === undefined) return new _NotItems(path, 'an item must be an object');
  const type = record.type;
  if (type === 'message' || type === undefined) {
    const other = _otherKey(record, ['type', 'role', 'content']);
    if (other !== undefined) return new _NotItems([...path, other], `a message item has no key "${other}"`);
    const role = record.role;
    const content = record.content;
    if (typeof role !== 'string' || !_ROLES.includes(role)) {
      return new _NotItems([...path, 'role'], 'role must be "user", "assistant", "system" or "developer"');
    }
    const built = typeof content === 'string' ? content : _parts(content, [...path, 'content'], false);
    if (!Array.isArray(built) && typeof built !== 'string') return built;
    const item: MessageItem = { type: 'message', role: role as MessageItem['role'], content: built };
    return item;
  }
  if (type === 'function_call') {
    const other = _otherKey(record, ['type', 'call_id', 'name', 'arguments']);
    if (other !== undefined) return new _NotItems([...path, other], `a function_call item has no key "${other}"`);
    const callId = record.call_id;
    const name = record.name;
    const args = record.arguments;
    if (!_isCallId(callId)) return new _NotItems([...path, 'call_id'], 'call_id must be 1 to 64 characters');
    if (typeof name !== 'string') return new _NotItems([...path, 'name'], 'name must be a string');
    if (typeof args !== 'string') return new _NotItems([...path, 'arguments'], 'arguments must be a string');
    const item: FunctionCallItem = { type, call_id: callId, name, arguments: args };
    return item;
  }
  if (type === 'function_call_output') {
    const other = _otherKey(record, ['type', 'call_id', 'output']);
    if (other !== undefined) {
      return new _NotItems([...path, other], `a function_call_output item has no key "${other}"`);
    }
    const callId = record.call_id;
    const output = record.output;
    if (!_isCallId(callId)) return new _NotItems([...path, 'call_id'], 'call_id must be 1 to 64 characters');
    if (typeof output === 'string' && output.length > MAX_OUTPUT_LENGTH) {
      return new _NotItems([...path, 'output'], `output is over ${MAX_OUTPUT_LENGTH} characters`);
    }
    const built = typeof output === 'string' ? output : _parts(output, [...path, 'output'], true);
    if (!Array.isArray(built) && typeof built !== 'string') return built;
    const item: FunctionCallOutputItem = { type, call_id: callId, output: built };
    return item;
  }
  return new _NotItems([...path, 'type'], 'an item is a message, a function_call or a function_call_output');
}

/**
 * A callback's answer as items, each built anew from a read-once copy: `[]` for `undefined`/`null`; why not,
 * for anything else that is not an item or a list of items.
 */
export function _answerItems(answer: unknown): ConversationItem[] | _NotItems {
  if (answer === undefined || answer === null) return [];
  const copy = _readOnceCopy(answer);
  if (copy instanceof _CopyFailure) return new _NotItems([], `the answer cannot be read: ${copy.message}`);
  if (!Array.isArray(copy)) {
    const item = _item(copy, []);
    return item instanceof _NotItems ? item : [item];
  }
  const items: ConversationItem[] = [];
  for (let index = 0; index < copy.length; index++) {
    const item = _item(copy[index], [index]);
    if (item instanceof _NotItems) return item;
    _append(items, item);
  }
  return items;
}

/** An item's `type` and `call_id`, each read once; `undefined` where a read throws or is no string. */
function _pairKey(item: unknown): { type: string | undefined; callId: string | undefined } {
  try {
    const record = _obj(item);
    if (record === undefined) return { type: undefined, callId: undefined };
    const type = _str(record.type);
    if (type !== 'function_call' && type !== 'function_call_output') return { type, callId: undefined };
    return { type, callId: _str(record.call_id) };
  } catch {
    return { type: undefined, callId: undefined };
  }
}

/**
 * Splits items into batches of at most `size` (default 20, what one `conversations.items.create` call takes),
 * in order, never putting a `function_call` and its `function_call_output` (the first output after it with its
 * `call_id`) in different batches. Each item's `type` and `call_id` are read once; the items are not copied.
 * @param items Items, as `toConversationItems` made them (each call is then right before its output), or any.
 * @param size The most items a batch holds: an integer of at least 1.
 * @returns The batches; `[]` for no items.
 * @throws RangeError when `size` is not an integer of at least 1, or a call and its output are too far apart
 *   to share a batch of `size`.
 */
export function batchItems<Item>(items: readonly Item[], size: number = MAX_ITEMS_PER_CALL): Item[][] {
  if (!Number.isSafeInteger(size) || size < 1) {
    throw new RangeError(`batchItems: size must be an integer of at least 1, got ${String(size)}`);
  }
  const length = items.length;
  const list: Item[] = [];
  for (let index = 0; index < length; index++) _append(list, items[index] as Item);
  // For each item, the index of the last item that must share its batch (its output, for a call).
  const reach: number[] = [];
  // The calls of each `call_id` still waiting for an output, oldest first: a queue read from `head`, so that
  // a `call_id` repeated n times costs n, not the n² of `Array.prototype.shift`.
  const open = new Map<string, { calls: number[]; head: number }>();
  for (let index = 0; index < length; index++) {
    _append(reach, index);
    const { type, callId } = _pairKey(list[index]);
    if (callId === undefined) continue;
    const queue = open.get(callId);
    if (type === 'function_call') {
      if (queue === undefined) open.set(callId, { calls: [index], head: 0 });
      else _append(queue.calls, index);
    } else if (queue !== undefined && queue.head < queue.calls.length) {
      reach[queue.calls[queue.head++]!] = index;
    }
  }
  const batches: Item[][] = [];
  let start = 0;
  while (start < length) {
    // The smallest run of items from `start` that closes every pair it opens: a unit that must stay whole.
    let end = start;
    let needed = reach[start]!;
    while (end < needed) needed = Math.max(needed, reach[++end]!);
    const unit = end - start + 1;
    if (unit > size) {
      throw new RangeError(
        `batchItems: items ${start} to ${end} hold a function call and its output, which cannot share a batch of ${size}`,
      );
    }
    const last = batches[batches.length - 1];
    if (last !== undefined && last.length + unit <= size) {
      for (let index = start; index <= end; index++) _append(last, list[index]!);
    } else {
      _append(batches, list.slice(start, end + 1));
    }
    start = end + 1;
  }
  return batches;
}
