/**
 * `toConversationItems`: run steps (and the thread messages they created) in, Responses / Conversations input
 * items out, with a report of every part that was dropped, transformed or refused.
 *
 * Every input value is copied once (copy.ts), and the copy, never the value, is checked by the guard and
 * converted: a getter is called once, a proxy's trap once per key, and nothing unchecked reaches the output. A
 * read that throws, a cycle, a value that is no run step, a callback that throws or answers with what is no
 * item: each is reported at its step, and the converter goes on. Linear in the input, but for the sort of the
 * steps by time (n log n).
 */

import { isRunStepObject } from '../guards/run-step.js';
import type { Guard } from '../internal/public-types.js';
import { _append } from '../internal/read.js';
import { _readOnceCopy, _CopyFailure, _obj, _str, type _Data } from './copy.js';
import { MAX_CALL_ID_LENGTH, MAX_OUTPUT_LENGTH, _answerItems, _isCallId, _NotItems } from './items.js';
import type {
  CheckedRunStep,
  CheckedToolCall,
  ConversationItem,
  ConversionAction,
  ConversionEntry,
  ConversionOptions,
  ConversionReason,
  ConversionResult,
  ConversionTally,
  ItemsAnswer,
  MessageItem,
  PendingFunctionChoice,
  ToolCallChoice,
} from './types.js';

/** The output `pendingFunction: 'error'` gives a function call whose output was never submitted. */
export const PENDING_OUTPUT: string =
  '{"error":"no output was submitted for this call: the run step ended without one (migrated from the Assistants API)"}';

type _Record = _Data;
type _Path = readonly (string | number)[];

const _TERMINAL: readonly string[] = ['completed', 'failed', 'cancelled', 'expired'];
const _OPENAI_KINDS: readonly string[] = ['function', 'code_interpreter', 'file_search'];

/** The options, each read once. */
interface _Options {
  readonly guard: Guard<unknown>;
  readonly message: ((messageId: string, step: CheckedRunStep) => ItemsAnswer) | undefined;
  readonly codeInterpreter: ToolCallChoice;
  readonly fileSearch: ToolCallChoice;
  readonly provider: ToolCallChoice;
  readonly pendingFunction: PendingFunctionChoice;
}

function _choice<Choice>(value: unknown, name: string, words: readonly string[]): Choice {
  if (value === undefined) return 'drop' as Choice;
  if (typeof value === 'function' || (typeof value === 'string' && words.includes(value))) return value as Choice;
  throw new TypeError(
    `toConversationItems: options.${name} must be ${words.map((w) => `'${w}'`).join(', ')} or a function`,
  );
}

function _options(options: unknown): _Options {
  if (options === undefined) {
    return {
      guard: isRunStepObject,
      message: undefined,
      codeInterpreter: 'drop',
      fileSearch: 'drop',
      provider: 'drop',
      pendingFunction: 'drop',
    };
  }
  if (typeof options !== 'object' || options === null)
    throw new TypeError('toConversationItems: options must be an object');
  const read = options as ConversionOptions;
  const guard = read.guard;
  const message = read.message;
  const codeInterpreter = read.codeInterpreter;
  const fileSearch = read.fileSearch;
  const provider = read.provider;
  const pendingFunction = read.pendingFunction;
  if (guard !== undefined && typeof guard !== 'function')
    throw new TypeError('toConversationItems: options.guard must be a guard');
  if (message !== undefined && typeof message !== 'function') {
    throw new TypeError('toConversationItems: options.message must be a function');
  }
  return {
    guard: (guard ?? isRunStepObject) as Guard<unknown>,
    message: message as _Options['message'],
    codeInterpreter: _choice(codeInterpreter, 'codeInterpreter', ['drop', 'transcript']),
    fileSearch: _choice(fileSearch, 'fileSearch', ['drop', 'transcript']),
    provider: _choice(provider, 'provider', ['drop', 'transcript']),
    pendingFunction: _choice(pendingFunction, 'pendingFunction', ['drop', 'error']),
  };
}

/** A thread message, as far as the converter reads one (the subset its guard checks). */
interface _Message {
  readonly id: string;
  readonly created_at: number;
  readonly role: 'user' | 'assistant';
  readonly run_id: string | null;
  readonly content: readonly _Record[];
  readonly attachments: readonly unknown[];
}

/** One thing to convert: a checked step, or a thread message no step of the input created. */
interface _Unit {
  readonly index: number;
  readonly id: string | undefined;
  readonly createdAt: number;
  readonly run: string | undefined;
  /** 0: tool calls (and other details); 1: a message. */
  readonly rank: number;
  readonly step: _Record | undefined;
  readonly message: _Message | undefined;
}

/** The checks of a thread message's subset: the message, or why not. */
function _threadMessage(record: _Record): _Message | string {
  const id = record.id;
  const createdAt = record.created_at;
  const role = record.role;
  const runId = record.run_id;
  const content = record.content;
  const attachments = record.attachments;
  if (typeof id !== 'string') return 'id must be a string';
  if (!Number.isInteger(createdAt)) return 'created_at must be an integer';
  if (role !== 'user' && role !== 'assistant') return 'role must be "user" or "assistant"';
  if (runId !== undefined && runId !== null && typeof runId !== 'string') return 'run_id must be a string or null';
  if (!Array.isArray(content)) return 'content must be an array';
  if (attachments !== undefined && attachments !== null && !Array.isArray(attachments)) {
    return 'attachments must be an array or null';
  }
  const parts: _Record[] = [];
  for (let index = 0; index < content.length; index++) {
    const part = _obj(content[index]);
    if (part === undefined || typeof part.type !== 'string') return `content[${index}] must be an object with a type`;
    if (part.type === 'text') {
      const text = _obj(part.text);
      if (text === undefined || typeof text.value !== 'string') return `content[${index}].text.value must be a string`;
      const annotations = text.annotations;
      if (annotations !== undefined && !Array.isArray(annotations)) {
        return `content[${index}].text.annotations must be an array`;
      }
    } else if (part.type === 'image_url') {
      const image = _obj(part.image_url);
      if (image === undefined || typeof image.url !== 'string')
        return `content[${index}].image_url.url must be a string`;
      const detail = image.detail;
      if (detail !== undefined && detail !== 'auto' && detail !== 'low' && detail !== 'high') {
        return `content[${index}].image_url.detail must be "auto", "low" or "high"`;
      }
    }
    _append(parts, part);
  }
  return {
    id,
    created_at: createdAt as number,
    role,
    run_id: typeof runId === 'string' ? runId : null,
    content: parts,
    attachments: Array.isArray(attachments) ? attachments : [],
  };
}

/** One conversion: the items made so far and the report. */
class _Conversion {
  readonly items: ConversationItem[] = [];
  /** Where each item came from, for the pairing pass. */
  readonly origins: {
    readonly index: number;
    readonly id: string | undefined;
    readonly path: _Path;
    readonly kind: string;
  }[] = [];
  readonly entries: ConversionEntry[] = [];
  readonly tally = new Map<string, ConversionTally>();
  readonly total: ConversionTally = { carried: 0, dropped: 0, transformed: 0, refused: 0 };
  /** The `call_id`s of the function calls made from steps. */
  readonly callIds = new Set<string>();

  count(kind: string, outcome: keyof ConversionTally): void {
    let tally = this.tally.get(kind);
    if (tally === undefined) {
      tally = { carried: 0, dropped: 0, transformed: 0, refused: 0 };
      this.tally.set(kind, tally);
    }
    tally[outcome]++;
    this.total[outcome]++;
  }

  report(
    action: ConversionAction,
    reason: ConversionReason,
    kind: string,
    unit: { readonly index: number; readonly id: string | undefined },
    path: _Path,
    message: string,
  ): void {
    _append(this.entries, { action, reason, kind, index: unit.index, step_id: unit.id, path, message });
    this.count(kind, action);
  }

  add(
    item: ConversationItem,
    unit: { readonly index: number; readonly id: string | undefined },
    path: _Path,
    kind: string,
  ): void {
    _append(this.items, item);
    _append(this.origins, { index: unit.index, id: unit.id, path, kind });
  }
}

/** The input values, each read once; a failure to read the list itself is reported. */
function _values(steps: unknown, conversion: _Conversion): unknown[] {
  const values: unknown[] = [];
  try {
    if (Array.isArray(steps)) {
      const length: number = steps.length;
      for (let index = 0; index < length; index++) {
        _append(values, Object.prototype.hasOwnProperty.call(steps, index) ? (steps[index] as unknown) : undefined);
      }
    } else if (typeof steps === 'object' && steps !== null && Symbol.iterator in steps) {
      for (const value of steps as Iterable<unknown>) _append(values, value);
    } else {
      conversion.report(
        'refused',
        'unreadable',
        'value',
        { index: -1, id: undefined },
        [],
        'steps must be an array or an iterable',
      );
    }
  } catch (error) {
    conversion.report(
      'refused',
      'unreadable',
      'value',
      { index: values.length, id: undefined },
      [],
      `reading the steps threw (${error instanceof Error ? 'an Error' : typeof error}); the values after it are not read`,
    );
  }
  return values;
}

/** Runs a user's callback: its answer, or the error it threw. */
function _run<Answer>(callback: () => Answer): { ok: true; value: Answer } | { ok: false } {
  try {
    return { ok: true, value: callback() };
  } catch {
    return { ok: false };
  }
}

/** The text of a transcript's label line. */
function _label(what: string): string {
  return `[${what}, carried over from an Assistants run step as text]`;
}

function _codeTranscript(call: _Record): string {
  const body = _obj(call.code_interpreter);
  const lines = [_label('Code interpreter call')];
  const input = _str(body?.input);
  if (input !== undefined) lines.push('Code:', input);
  const outputs = body?.outputs;
  if (Array.isArray(outputs)) {
    for (const output of outputs) {
      const record = _obj(output);
      if (record?.type === 'logs') lines.push('Logs:', String(_str(record.logs) ?? ''));
      else if (record?.type === 'image') lines.push(`Image file: ${String(_str(_obj(record.image)?.file_id) ?? '')}`);
    }
  }
  return lines.join('\n');
}

function _searchTranscript(call: _Record): string {
  const body = _obj(call.file_search);
  const lines = [_label('File search call')];
  const results = body?.results;
  if (!Array.isArray(results) || results.length === 0) lines.push('No results were recorded.');
  else {
    results.forEach((result, index) => {
      const record = _obj(result);
      const score = record?.score;
      lines.push(
        `Result ${index + 1}: ${String(_str(record?.file_name) ?? '')} (file ${String(_str(record?.file_id) ?? '')}, score ${typeof score === 'number' ? score : ''})`,
      );
      const content = record?.content;
      if (Array.isArray(content)) {
        for (const part of content) {
          const text = _str(_obj(part)?.text);
          if (text !== undefined) lines.push(text);
        }
      }
    });
  }
  return lines.join('\n');
}

function _providerTranscript(call: _Record, type: string): string {
  let json: string;
  try {
    json = JSON.stringify(call);
  } catch {
    json = '(not JSON)';
  }
  return `${_label(`Tool call of kind ${JSON.stringify(type)}`)}\n${json}`;
}

/** Converts one input: the whole job, in a function the entry wraps. */
function _convert(steps: unknown, options: _Options): ConversionResult {
  const conversion = new _Conversion();
  const values = _values(steps, conversion);
  // Checked steps and thread messages, by id: a later copy (or a terminal one) replaces an earlier one.
  const steps_ = new Map<string, { index: number; step: _Record; terminal: boolean }>();
  const messages = new Map<string, { index: number; message: _Message }>();
  const guard = options.guard;
  for (let index = 0; index < values.length; index++) {
    const copy = _readOnceCopy(values[index]);
    const at = { index, id: undefined };
    if (copy instanceof _CopyFailure) {
      conversion.report('refused', 'unreadable', 'value', at, [], `the value cannot be read: ${copy.message}`);
      continue;
    }
    const record = _obj(copy);
    const id = _str(record?.id);
    if (record !== undefined && record.object === 'thread.message') {
      const message = _threadMessage(record);
      if (typeof message === 'string') {
        conversion.report('refused', 'not_a_thread_message', 'thread.message', { index, id }, [], message);
        continue;
      }
      const earlier = messages.get(message.id);
      if (earlier !== undefined) {
        conversion.report(
          'dropped',
          'duplicate',
          'thread.message',
          { index: earlier.index, id },
          [],
          'the same message is met later in the input',
        );
      }
      messages.set(message.id, { index, message });
      continue;
    }
    const checked = _run(() => guard(copy));
    if (!checked.ok || checked.value !== true || record === undefined || id === undefined) {
      conversion.report(
        'refused',
        'not_a_run_step',
        'value',
        { index, id },
        [],
        checked.ok ? 'the guard does not accept it as a run step' : 'the guard threw',
      );
      continue;
    }
    const terminal = typeof record.status === 'string' && _TERMINAL.includes(record.status);
    const earlier = steps_.get(id);
    if (earlier !== undefined) {
      const keepEarlier = earlier.terminal && !terminal;
      const dropped = keepEarlier ? index : earlier.index;
      conversion.report(
        'dropped',
        'duplicate',
        'value',
        { index: dropped, id },
        [],
        keepEarlier ? 'an earlier copy of this step has a terminal status' : 'a later copy of this step replaces it',
      );
      if (keepEarlier) continue;
    }
    steps_.set(id, { index, step: record, terminal });
  }

  // The units, in the thread's order.
  const units: _Unit[] = [];
  const created = new Set<string>();
  for (const { index, step } of steps_.values()) {
    const details = _obj(step.step_details);
    const isMessage = details?.type === 'message_creation';
    if (isMessage) {
      const messageId = _str(_obj(details.message_creation)?.message_id);
      if (messageId !== undefined) created.add(messageId);
    }
    _append(units, {
      index,
      id: _str(step.id),
      createdAt: typeof step.created_at === 'number' ? step.created_at : 0,
      run: _str(step.run_id),
      rank: isMessage ? 1 : 0,
      step,
      message: undefined,
    });
  }
  for (const { index, message } of messages.values()) {
    if (created.has(message.id)) continue; // placed at the step that created it
    _append(units, {
      index,
      id: message.id,
      createdAt: message.created_at,
      run: message.run_id ?? undefined,
      rank: 1,
      step: undefined,
      message,
    });
  }
  // A run's place: its first step's time, then its first value's position; a user's message is a run of its own.
  const runs = new Map<string, { at: number; index: number }>();
  for (const unit of units) {
    if (unit.run === undefined) continue;
    const run = runs.get(unit.run);
    if (run === undefined) runs.set(unit.run, { at: unit.createdAt, index: unit.index });
    else {
      if (unit.createdAt < run.at) run.at = unit.createdAt;
      if (unit.index < run.index) run.index = unit.index;
    }
  }
  const place = (unit: _Unit) => (unit.run === undefined ? undefined : runs.get(unit.run));
  units.sort((a, b) => {
    if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
    if (a.run !== b.run) {
      const pa = place(a);
      const pb = place(b);
      if (pa === undefined || pb === undefined) return pa === pb ? a.index - b.index : pa === undefined ? -1 : 1;
      return pa.at !== pb.at ? pa.at - pb.at : pa.index - pb.index;
    }
    return a.rank !== b.rank ? a.rank - b.rank : a.index - b.index;
  });

  const used = new Set<string>();
  for (const unit of units) {
    if (unit.message !== undefined) _messageItems(unit.message, unit, [], conversion);
    else if (unit.step !== undefined) _stepItems(unit.step, unit, options, messages, used, conversion);
  }
  for (const [id, { index }] of messages) {
    if (created.has(id) && used.has(id)) continue;
    if (created.has(id)) {
      conversion.report(
        'dropped',
        'duplicate',
        'thread.message',
        { index, id },
        [],
        'the message callback answered for this message',
      );
    }
  }
  return {
    items: _paired(conversion),
    report: { entries: conversion.entries, tally: conversion.tally, total: conversion.total },
  };
}

/** The items of a thread message, as OpenAI's migration guide makes them; what else it holds is reported. */
function _messageItems(
  message: _Message,
  at: { readonly index: number; readonly id: string | undefined },
  path: _Path,
  conversion: _Conversion,
): void {
  const texts: string[] = [];
  const parts: MessageItem['content'] = [];
  message.content.forEach((part, index) => {
    const type = part.type as string;
    if (type === 'text') {
      const text = _obj(part.text)!;
      const value = text.value as string;
      if (message.role === 'user') _append(parts as unknown[], { type: 'input_text', text: value });
      else _append(texts, value);
      const annotations = text.annotations;
      if (Array.isArray(annotations) && annotations.length > 0) {
        conversion.report(
          'dropped',
          'message_part',
          'annotations',
          at,
          [...path, 'content', index, 'text', 'annotations'],
          `${annotations.length} annotation(s) (file citations) have no place in an input item`,
        );
      }
    } else if (type === 'image_url' && message.role === 'user') {
      const image = _obj(part.image_url)!;
      const detail = _str(image.detail) ?? 'auto';
      _append(parts as unknown[], { type: 'input_image', image_url: image.url as string, detail });
    } else {
      conversion.report(
        'dropped',
        'message_part',
        type,
        at,
        [...path, 'content', index],
        `the ${message.role} message's ${JSON.stringify(type)} part has no input item`,
      );
    }
  });
  if (message.attachments.length > 0) {
    conversion.report(
      'dropped',
      'message_part',
      'attachments',
      at,
      [...path, 'attachments'],
      `${message.attachments.length} attachment(s) (files for the assistant's tools) have no place in an input item`,
    );
  }
  const content = message.role === 'user' ? parts : texts.join('\n\n');
  if (content.length === 0) {
    conversion.report(
      'dropped',
      'message_part',
      'thread.message',
      at,
      path,
      'the message holds nothing an input item can take',
    );
    return;
  }
  conversion.add({ type: 'message', role: message.role, content }, at, path, 'thread.message');
  conversion.count('thread.message', 'carried');
}

/** The items of a checked step. */
function _stepItems(
  step: _Record,
  unit: _Unit,
  options: _Options,
  messages: ReadonlyMap<string, { index: number; message: _Message }>,
  used: Set<string>,
  conversion: _Conversion,
): void {
  const details = _obj(step.step_details)!;
  const type = _str(details.type) ?? '';
  const checked = step as CheckedRunStep;
  if (type === 'message_creation') {
    const messageId = _str(_obj(details.message_creation)?.message_id) ?? '';
    const path = ['step_details', 'message_creation'];
    const callback = options.message;
    if (callback !== undefined) {
      const answer = _run(() => callback(messageId, checked));
      if (!answer.ok) {
        conversion.report('refused', 'callback_threw', 'message_creation', unit, path, 'the message callback threw');
        return;
      }
      if (answer.value !== undefined && answer.value !== null) {
        const items = _answerItems(answer.value);
        if (items instanceof _NotItems) {
          conversion.report(
            'refused',
            'not_items',
            'message_creation',
            unit,
            path,
            `the message callback's answer: ${items.message} (at ${JSON.stringify(items.path)})`,
          );
          return;
        }
        used.add(messageId);
        if (items.length === 0) {
          conversion.report(
            'dropped',
            'message_missing',
            'message_creation',
            unit,
            path,
            'the message callback answered with no items',
          );
          return;
        }
        for (const item of items) conversion.add(item, unit, path, 'message_creation');
        conversion.count('message_creation', 'carried');
        return;
      }
    }
    const stored = messages.get(messageId);
    if (stored !== undefined) {
      used.add(messageId);
      const before = conversion.items.length;
      _messageItems(stored.message, { index: stored.index, id: stored.message.id }, [], conversion);
      conversion.count('message_creation', conversion.items.length > before ? 'carried' : 'dropped');
      return;
    }
    conversion.report(
      'refused',
      'message_missing',
      'message_creation',
      unit,
      path,
      `no items for message ${JSON.stringify(messageId)}`,
    );
    return;
  }
  if (type !== 'tool_calls') {
    conversion.report(
      'refused',
      'details_kind',
      type,
      unit,
      ['step_details'],
      `step details of kind ${JSON.stringify(type)} have no input item`,
    );
    return;
  }
  const calls = details.tool_calls as readonly unknown[];
  for (let index = 0; index < calls.length; index++) {
    const call = _obj(calls[index])!;
    _callItems(call, checked, unit, ['step_details', 'tool_calls', index], options, conversion);
  }
}

/** The items of one tool call. */
function _callItems(
  call: _Record,
  step: CheckedRunStep,
  unit: _Unit,
  path: _Path,
  options: _Options,
  conversion: _Conversion,
): void {
  const type = _str(call.type) ?? '';
  const id: string = _str(call.id) ?? '';
  const idLength = id.length;
  const checked = call as CheckedToolCall;
  if (type === 'function') {
    const body = _obj(call.function)!;
    const name = _str(body.name) ?? '';
    const args = _str(body.arguments) ?? '';
    let output = body.output;
    let outcome: 'carried' | 'transformed' = 'carried';
    if (!_isCallId(id)) {
      conversion.report(
        'refused',
        'invalid_call_id',
        type,
        unit,
        [...path, 'id'],
        `the call's id is ${idLength} characters: a call_id is 1 to ${MAX_CALL_ID_LENGTH}`,
      );
      return;
    }
    if (conversion.callIds.has(id)) {
      conversion.report(
        'refused',
        'duplicate_call_id',
        type,
        unit,
        [...path, 'id'],
        'an earlier function call has the same id',
      );
      return;
    }
    if (typeof output !== 'string') {
      const choice = options.pendingFunction;
      if (choice === 'drop') {
        conversion.report(
          'dropped',
          'pending_function',
          type,
          unit,
          [...path, 'function', 'output'],
          'the call has no output (it was never submitted)',
        );
        return;
      }
      if (choice === 'error') output = PENDING_OUTPUT;
      else {
        const answer = _run(() => choice(checked, step));
        if (!answer.ok) {
          conversion.report('refused', 'callback_threw', type, unit, path, 'the pendingFunction callback threw');
          return;
        }
        if (answer.value === undefined || answer.value === null) {
          conversion.report(
            'dropped',
            'pending_function',
            type,
            unit,
            [...path, 'function', 'output'],
            'the pendingFunction callback gave no output',
          );
          return;
        }
        if (typeof answer.value !== 'string') {
          conversion.report(
            'refused',
            'not_items',
            type,
            unit,
            path,
            'the pendingFunction callback must answer with a string',
          );
          return;
        }
        output = answer.value;
      }
      outcome = 'transformed';
    }
    if ((output as string).length > MAX_OUTPUT_LENGTH) {
      conversion.report(
        'refused',
        'too_long',
        type,
        unit,
        [...path, 'function', 'output'],
        `the output is ${(output as string).length} characters, over the ${MAX_OUTPUT_LENGTH} an output may hold (never cut)`,
      );
      return;
    }
    conversion.callIds.add(id);
    conversion.add({ type: 'function_call', call_id: id, name, arguments: args }, unit, path, type);
    conversion.add({ type: 'function_call_output', call_id: id, output: output as string }, unit, path, type);
    if (outcome === 'carried') conversion.count(type, 'carried');
    else {
      conversion.report(
        'transformed',
        'pending_function',
        type,
        unit,
        [...path, 'function', 'output'],
        'the call had no output: the one given was carried',
      );
    }
    return;
  }
  const known = _OPENAI_KINDS.includes(type);
  const reason: ConversionReason =
    type === 'code_interpreter' ? 'code_interpreter' : type === 'file_search' ? 'file_search' : 'provider_kind';
  const choice =
    type === 'code_interpreter'
      ? options.codeInterpreter
      : type === 'file_search'
        ? options.fileSearch
        : options.provider;
  const why =
    reason === 'code_interpreter'
      ? 'a code_interpreter_call item needs a server-issued id and a live container'
      : reason === 'file_search'
        ? 'a file_search_call item needs a server-issued id'
        : `the Responses API has no item for a tool call of kind ${JSON.stringify(type)}`;
  if (choice === 'drop') {
    conversion.report('dropped', reason, type, unit, path, why);
    return;
  }
  if (choice === 'transcript') {
    const transcript =
      type === 'code_interpreter'
        ? _codeTranscript(call)
        : type === 'file_search'
          ? _searchTranscript(call)
          : _providerTranscript(call, type);
    if (transcript.length > MAX_OUTPUT_LENGTH) {
      conversion.report(
        'refused',
        'too_long',
        type,
        unit,
        path,
        `the transcript is ${transcript.length} characters, over ${MAX_OUTPUT_LENGTH} (never cut)`,
      );
      return;
    }
    conversion.add({ type: 'message', role: 'assistant', content: transcript }, unit, path, type);
    conversion.report('transformed', reason, type, unit, path, `${why}: carried over as a labelled assistant message`);
    return;
  }
  const answer = _run(() => choice(checked, step));
  if (!answer.ok) {
    conversion.report('refused', 'callback_threw', type, unit, path, `the ${known ? type : 'provider'} callback threw`);
    return;
  }
  const items = _answerItems(answer.value);
  if (items instanceof _NotItems) {
    conversion.report(
      'refused',
      'not_items',
      type,
      unit,
      path,
      `the callback's answer: ${items.message} (at ${JSON.stringify(items.path)})`,
    );
    return;
  }
  if (items.length === 0) {
    conversion.report('dropped', reason, type, unit, path, `${why}; the callback answered with no items`);
    return;
  }
  for (const item of items) conversion.add(item, unit, path, type);
  conversion.report('transformed', reason, type, unit, path, `${why}: carried over as the callback's items`);
}

/**
 * The items with every function call right before its output, each `call_id` used by one call: a callback's call
 * without its output (or an output without its call, or a second call of the same `call_id`) is refused.
 */
function _paired(conversion: _Conversion): ConversationItem[] {
  const { items, origins } = conversion;
  const outputs = new Map<string, number[]>();
  const calls = new Set<string>();
  items.forEach((item, index) => {
    if (item.type === 'function_call_output') {
      const list = outputs.get(item.call_id);
      if (list === undefined) outputs.set(item.call_id, [index]);
      else _append(list, index);
    } else if (item.type === 'function_call') calls.add(item.call_id);
  });
  const placed = new Set<number>();
  const seen = new Set<string>();
  const result: ConversationItem[] = [];
  const refuse = (index: number, reason: ConversionReason, message: string) => {
    const origin = origins[index]!;
    conversion.report('refused', reason, origin.kind, origin, origin.path, message);
  };
  items.forEach((item, index) => {
    if (item.type === 'message') _append(result, item);
    else if (item.type === 'function_call') {
      if (seen.has(item.call_id))
        return refuse(
          index,
          'duplicate_call_id',
          `a second function_call with call_id ${JSON.stringify(item.call_id)}`,
        );
      seen.add(item.call_id);
      const output = outputs.get(item.call_id)?.[0];
      if (output === undefined) return refuse(index, 'unpaired', `a function_call without its function_call_output`);
      placed.add(output);
      _append(result, item);
      _append(result, items[output]!);
    } else if (!placed.has(index)) {
      const first = outputs.get(item.call_id)?.[0];
      if (!calls.has(item.call_id)) refuse(index, 'unpaired', 'a function_call_output without its function_call');
      else if (first !== index)
        refuse(
          index,
          'duplicate_call_id',
          `a second function_call_output with call_id ${JSON.stringify(item.call_id)}`,
        );
      // else: placed later, with its call
    }
  });
  return result;
}

/**
 * Converts run steps (and the thread messages they created) into Responses / Conversations input items.
 *
 * Every value is copied once and checked by `options.guard` (default `isRunStepObject`); thread messages
 * (`object: "thread.message"`) are checked by a guard of the subset the conversion reads, and converted as
 * OpenAI's migration guide does. Steps are ordered by `created_at` (ties: by the run's order; within a run, tool
 * calls before the message they led to). A function call with an output becomes an id-less `function_call` and
 * its `function_call_output`; a `message_creation` step asks `options.message` for its items (else the input's
 * message of that id); what no accepted item can hold is dropped, transcribed or handed to a callback, as the
 * options choose. Never throws on bad input; every part dropped, transformed or refused is in the report.
 * @param steps The run steps (any order), and the thread messages if there are any.
 * @param options The guard, the message callback, and the choices (each defaults to `'drop'`).
 * @returns The items and the report.
 * @throws TypeError when an option is not of its type (a programming error, not bad input).
 */
export function toConversationItems<Step = unknown>(
  steps: Iterable<unknown> | readonly unknown[],
  options?: ConversionOptions<Step>,
): ConversionResult {
  return _convert(steps, _options(options));
}
