/**
 * The types of `openai-run-step-guards/migrate`: the Responses / Conversations input items the converter makes
 * (each assignable to the `openai` SDK's `ResponseInputItem`, and so to `conversations.items.create`'s
 * `items`), its options, and its report. The item shapes are those of OpenAI's OpenAPI description
 * (`EasyInputMessage`, `FunctionToolCall`, `FunctionCallOutputItemParam`), narrowed to the keys the converter
 * writes: never an `id`, never a `status`.
 */

import type { Guard } from '../internal/public-types.js';

/** A text part of a message or of a function call's output. */
export interface InputTextPart {
  /** Always `input_text`. */
  type: 'input_text';
  /** The text (at most 10,485,760 characters in a function call's output). */
  text: string;
}

/** An image part of a message or of a function call's output: by URL (a `data:` URL too) or by file ID. */
export interface InputImagePart {
  /** Always `input_image`. */
  type: 'input_image';
  /** The detail level; `auto` when the thread message named none. */
  detail: 'low' | 'high' | 'auto' | 'original';
  /** The image's URL. */
  image_url?: string | null;
  /** The ID of an uploaded file. */
  file_id?: string | null;
}

/** A file part of a message or of a function call's output. */
export interface InputFilePart {
  /** Always `input_file`. */
  type: 'input_file';
  /** The ID of an uploaded file. */
  file_id?: string | null;
  /** The file's name. */
  filename?: string;
  /** The file's content, base64. */
  file_data?: string;
  /** The file's URL. */
  file_url?: string;
  /** The detail level. */
  detail?: 'auto' | 'low' | 'high';
}

/** A part of a message's content list, or of a function call's output list. */
export type InputContentPart = InputTextPart | InputImagePart | InputFilePart;

/**
 * A message, without `id` (OpenAI's `EasyInputMessage`): a user's text is a list of `input_text` (and
 * `input_image`) parts, an assistant's a string, as OpenAI's migration guide backfills a thread.
 */
export interface MessageItem {
  /** Always `message`. */
  type: 'message';
  /** Who wrote it. */
  role: 'user' | 'assistant' | 'system' | 'developer';
  /** A string, or a list of parts. */
  content: string | InputContentPart[];
}

/** A function call, without `id`: `call_id` is the run step's tool call id (1 to 64 characters). */
export interface FunctionCallItem {
  /** Always `function_call`. */
  type: 'function_call';
  /** Pairs the call with its {@link FunctionCallOutputItem}. */
  call_id: string;
  /** The function's name. */
  name: string;
  /** The arguments, a JSON string as the model wrote it. */
  arguments: string;
}

/** A function call's output, without `id`; always right after its {@link FunctionCallItem}. */
export interface FunctionCallOutputItem {
  /** Always `function_call_output`. */
  type: 'function_call_output';
  /** The `call_id` of its call. */
  call_id: string;
  /** The output: a string of at most 10,485,760 characters, or a list of parts. */
  output: string | InputContentPart[];
}

/** An item the converter makes, discriminated on `type`. */
export type ConversationItem = MessageItem | FunctionCallItem | FunctionCallOutputItem;

/** What a user's callback may answer with: one item, a list of items, or `undefined`/`null` for none. */
export type ItemsAnswer = ConversationItem | readonly ConversationItem[] | null | undefined;

/** A tool call as the converter hands it to a callback: a plain copy of what the guard checked. */
export interface CheckedToolCall {
  /** The tool call's id. */
  readonly id: string;
  /** Its kind. */
  readonly type: string;
  /** The rest, as checked. */
  readonly [key: string]: unknown;
}

/** A run step as the converter hands it to a callback: a plain copy of what the guard checked. */
export interface CheckedRunStep {
  /** The step's id. */
  readonly id: string;
  /** The step's kind. */
  readonly type: string;
  /** The rest, as checked. */
  readonly [key: string]: unknown;
}

/**
 * What becomes of a code interpreter call, a file search call or a provider's kind: `'drop'` (reported),
 * `'transcript'` (a labelled assistant message with what the call held, as text), or a function of the call
 * that answers with items (`undefined` to drop it).
 */
export type ToolCallChoice = 'drop' | 'transcript' | ((call: CheckedToolCall, step: CheckedRunStep) => ItemsAnswer);

/**
 * What becomes of a function call whose output was never submitted (`null`, or absent in 2023): `'drop'`
 * (reported), `'error'` (carried, with an output that says no output was submitted: {@link PENDING_OUTPUT}),
 * or a function that answers with the output (`undefined` to drop it).
 */
export type PendingFunctionChoice =
  'drop' | 'error' | ((call: CheckedToolCall, step: CheckedRunStep) => string | null | undefined);

/** The options of `toConversationItems`; every choice has a safe default. */
export interface ConversionOptions<Step = unknown> {
  /**
   * The guard every input runs through first (default `isRunStepObject`): `isHistoricalRunStepObject` for an
   * archive of every API version, `isAzureRunStepObject`, or a `createRunStepGuard(...).is`.
   */
  guard?: Guard<Step> | undefined;
  /**
   * The items of the message a `message_creation` step created: the user converts their thread messages, or
   * passes what they stored. `undefined` (or no callback): the thread message of that id in the input, if
   * any; otherwise reported as missing.
   */
  message?: ((messageId: string, step: CheckedRunStep) => ItemsAnswer) | undefined;
  /** Code interpreter calls (default `'drop'`). */
  codeInterpreter?: ToolCallChoice | undefined;
  /** File search calls (default `'drop'`). */
  fileSearch?: ToolCallChoice | undefined;
  /** Tool calls of any other kind: Azure's, a user's, v1 `retrieval` (default `'drop'`). */
  provider?: ToolCallChoice | undefined;
  /** Function calls whose output is `null` (default `'drop'`). */
  pendingFunction?: PendingFunctionChoice | undefined;
}

/** What became of a part that was not carried over as it was. */
export type ConversionAction = 'dropped' | 'transformed' | 'refused';

/** Why. */
export type ConversionReason =
  /** The guard said no: not a run step (of the guard's flavour), nor a thread message. */
  | 'not_a_run_step'
  /** A thread message that is not of the shape the converter reads. */
  | 'not_a_thread_message'
  /** A read of the value threw (a getter, a proxy), or it holds a cycle, or is nested too deep. */
  | 'unreadable'
  /** A step (or message) id met again: the later copy, or the one with a terminal status, was kept. */
  | 'duplicate'
  /** A function call's id, as a `call_id`, is empty or over 64 characters. */
  | 'invalid_call_id'
  /** A `call_id` that an earlier function call already used. */
  | 'duplicate_call_id'
  /** A function call's output (or a transcript) is over 10,485,760 characters: never cut. */
  | 'too_long'
  /** A function call whose output was never submitted. */
  | 'pending_function'
  /** A code interpreter call: no `code_interpreter_call` item can be made (server-issued ids, no live container). */
  | 'code_interpreter'
  /** A file search call: no `file_search_call` item can be made (server-issued ids). */
  | 'file_search'
  /** A tool call of a kind OpenAI's Responses API does not know. */
  | 'provider_kind'
  /** Step details of a kind other than `message_creation` and `tool_calls` (Azure's `activities`). */
  | 'details_kind'
  /** A `message_creation` step whose message no callback answered for and the input does not hold. */
  | 'message_missing'
  /** A part of a thread message the Responses API has no item for (an image file, annotations, attachments). */
  | 'message_part'
  /** A callback threw. */
  | 'callback_threw'
  /** A callback answered with something that is not items. */
  | 'not_items'
  /** A callback's function call without its output, or an output without its call. */
  | 'unpaired';

/** One part dropped, transformed or refused. */
export interface ConversionEntry {
  /** What became of it. */
  readonly action: ConversionAction;
  /** Why. */
  readonly reason: ConversionReason;
  /** The part's kind: a tool call's `type`, `message_creation`, `thread.message`, or `value` for a whole input. */
  readonly kind: string;
  /** The position of the input value in `steps`. */
  readonly index: number;
  /** The step's (or message's) id, when it has a string one. */
  readonly step_id: string | undefined;
  /** The keys and indices from the input value down to the part. */
  readonly path: readonly (string | number)[];
  /** A sentence. */
  readonly message: string;
}

/** How many parts of one kind were carried, dropped, transformed and refused. */
export interface ConversionTally {
  /** Carried over as they were. */
  carried: number;
  /** Dropped by a choice (the default, or the user's). */
  dropped: number;
  /** Carried over as something else (a transcript, a callback's items, an error output). */
  transformed: number;
  /** Could not be carried over. */
  refused: number;
}

/** What the converter did, so that nothing is lost silently. */
export interface ConversionReport {
  /** Every part dropped, transformed or refused, in the order of the items. */
  readonly entries: readonly ConversionEntry[];
  /** The parts, by kind (a tool call's `type`, `message_creation`, `thread.message`, `value`). */
  readonly tally: ReadonlyMap<string, ConversionTally>;
  /** The parts of every kind. */
  readonly total: ConversionTally;
}

/** What `toConversationItems` returns. */
export interface ConversionResult {
  /** The items, in the thread's order, each function call followed by its output. */
  readonly items: ConversationItem[];
  /** What was dropped, transformed or refused. */
  readonly report: ConversionReport;
}
