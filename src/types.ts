/**
 * The run step family as the API really sent it (see the README's wire table for every place this
 * departs from the OpenAPI description, and why). Every object type accepts unknown extra keys at run
 * time; the types list only the keys the package checks.
 *
 * Optional keys are written `key?: T | undefined`: the guards treat a key whose value is `undefined` as
 * absent, the way `JSON.stringify` does, and the types say so under `exactOptionalPropertyTypes` too.
 */

import type {
  FileSearchRanker,
  FileSearchResultContentType,
  RunStepErrorCode,
  RunStepStatus,
  RunStepType,
  ToolCallType,
} from './enums.js';

export type { Guard } from './internal/public-types.js';

/** Up to 16 string pairs attached to an object; never sent on a recorded run step, so always optional. */
export type Metadata = Record<string, string>;

/**
 * The error that made a run step fail. `TCode` is the type of `code`: OpenAI's two codes unless a
 * provider's profile says otherwise (Azure's spec leaves it an open string).
 */
export interface RunStepLastError<TCode extends string = RunStepErrorCode> {
  /** `server_error` or `rate_limit_exceeded`. */
  code: TCode;
  /** A human-readable description of the error. */
  message: string;
}

/** Token usage of a run step; `null` on the step while it is `in_progress`. */
export interface RunStepCompletionUsage {
  /** Completion tokens used over the course of the run step (an integer). */
  completion_tokens: number;
  /** Prompt tokens used over the course of the run step (an integer). */
  prompt_tokens: number;
  /** `prompt_tokens + completion_tokens` (an integer). */
  total_tokens: number;
  /** Sent since 2025, not in the spec. Note the API's spelling: `token`, singular. */
  prompt_token_details?: RunStepPromptTokenDetails | undefined;
  /** Sent since 2025, not in the spec. */
  completion_tokens_details?: RunStepCompletionTokensDetails | undefined;
}

/** Breakdown of a run step's prompt tokens (on the wire since 2025, not in the spec). */
export interface RunStepPromptTokenDetails {
  /** Prompt tokens served from the cache (an integer). */
  cached_tokens: number;
}

/** Breakdown of a run step's completion tokens (on the wire since 2025, not in the spec). */
export interface RunStepCompletionTokensDetails {
  /** Completion tokens spent on reasoning (an integer). */
  reasoning_tokens: number;
}

/** Step details of a step that created a message. */
export interface MessageCreationStepDetails {
  /** Always `message_creation`. */
  type: 'message_creation';
  /** The message the step created. */
  message_creation: {
    /** The ID of the message that was created by this run step. */
    message_id: string;
  };
}

/**
 * Step details of a step that called tools. `TToolCall` is the union of tool calls it may hold:
 * OpenAI's three kinds unless an extended guard (`createRunStepGuard`) adds more.
 */
export interface ToolCallsStepDetails<TToolCall extends ToolCallShape = ToolCall> {
  /** Always `tool_calls`. */
  type: 'tool_calls';
  /** The tool calls of the step; `[]` while the step is created or in progress, and on some failed steps. */
  tool_calls: TToolCall[];
}

/**
 * The `step_details` of a run step, discriminated on `type`. The parameters are those of
 * {@link RunStepObject}; without them, OpenAI's two kinds.
 */
export type RunStepDetails<TToolCall extends ToolCallShape = ToolCall, TDetails extends StepDetailsShape = never> =
  MessageCreationStepDetails | ToolCallsStepDetails<TToolCall> | TDetails;

/** What every tool call has, whoever defined its kind: a string `id` and a string `type`. */
export interface ToolCallShape {
  /** The ID of the tool call. */
  id: string;
  /** The kind of tool call. */
  type: string;
}

/**
 * What the helpers (and `applyRunStepDelta`) need of a run step, whatever its flavour: every flavour's run step type fits it
 * (`RunStepObject` with any parameters, `AzureRunStepObject`, `HistoricalRunStepObject`), and so does a
 * type of your own written to the same shape. A step of type `tool_calls` is expected to hold its
 * `step_details.tool_calls`, as every guard of the package checks.
 */
export interface RunStepShape {
  /** Always `thread.run.step`. */
  object: 'thread.run.step';
  /** The kind of step, which is also its `step_details.type`. */
  type: string;
  /** The status of the step. */
  status: RunStepStatus;
  /** The step's details. */
  step_details: StepDetailsShape;
}

/** What every kind of step details has: a string `type`, which is also the step's `type`. */
export interface StepDetailsShape {
  /** The kind of step details. */
  type: string;
}

/** A code interpreter output that printed text. */
export interface CodeInterpreterLogsOutput {
  /** Always `logs`. */
  type: 'logs';
  /** The text output of the code interpreter. */
  logs: string;
}

/** A code interpreter output that produced an image file. */
export interface CodeInterpreterImageOutput {
  /** Always `image`. */
  type: 'image';
  /** The image file. */
  image: {
    /** The file ID of the image. */
    file_id: string;
  };
}

/** A code interpreter output, discriminated on `type`. */
export type CodeInterpreterOutput = CodeInterpreterLogsOutput | CodeInterpreterImageOutput;

/** A code interpreter tool call. */
export interface CodeInterpreterToolCall {
  /** The ID of the tool call. */
  id: string;
  /** Always `code_interpreter`. */
  type: 'code_interpreter';
  /** The code the model ran and what it output. */
  code_interpreter: {
    /** The input code. */
    input: string;
    /** The outputs; `[]` is common, even on a completed step. */
    outputs: CodeInterpreterOutput[];
  };
}

/** The ranking options a file search used (sent since 2024-08). */
export interface FileSearchRankingOptions {
  /** The ranker used. */
  ranker: FileSearchRanker;
  /** The score threshold, a number (documented as 0 to 1; the range is not enforced). */
  score_threshold: number;
}

/** One item of a file search result's `content` (present only when `include[]` asked for it). */
export interface FileSearchResultContent {
  /** Always `text` when present (the spec marks it optional). */
  type?: FileSearchResultContentType | undefined;
  /** The text content of the file (the spec marks it optional). */
  text?: string | undefined;
}

/** Attributes of a file search result: up to 16 string, number or boolean values. */
export type FileSearchResultAttributes = Record<string, string | number | boolean>;

/** One result of a file search. */
export interface FileSearchResult {
  /** The ID of the file the result was found in. */
  file_id: string;
  /** The name of that file. */
  file_name: string;
  /** The score of the result, a number (documented as 0 to 1; the range is not enforced). */
  score: number;
  /** The content of the result; present only when `include[]` asked for it. */
  content?: FileSearchResultContent[] | undefined;
  /** Sent since 2025 (`{}` in every recording), not in the spec; typed like a vector store file's attributes. */
  attributes?: FileSearchResultAttributes | null | undefined;
}

/** A file search tool call. */
export interface FileSearchToolCall {
  /** The ID of the tool call. */
  id: string;
  /** Always `file_search`. */
  type: 'file_search';
  /** `{}` before 2024-08; since then `{ranking_options, results}`. */
  file_search: {
    /** The ranking options used. */
    ranking_options?: FileSearchRankingOptions | undefined;
    /** The results found. */
    results?: FileSearchResult[] | undefined;
  };
}

/** A function tool call. */
export interface FunctionToolCall {
  /** The ID of the tool call. */
  id: string;
  /** Always `function`. */
  type: 'function';
  /** The function the model called. */
  function: {
    /** The name of the function. */
    name: string;
    /** The arguments the model passed, a JSON string as the model wrote it (not necessarily valid JSON). */
    arguments: string;
    /** `null` until tool outputs are submitted, then the submitted output. */
    output: string | null;
  };
}

/** A tool call in a run step, discriminated on `type`. */
export type ToolCall = CodeInterpreterToolCall | FileSearchToolCall | FunctionToolCall;

/** The tool call of one `type`, e.g. `ToolCallOfType<'function'>` is {@link FunctionToolCall}. */
export type ToolCallOfType<Type extends ToolCallType> = Extract<ToolCall, { type: Type }>;

/** The fields every run step has, whatever its `type`; `TErrorCode` is the type of `last_error.code`. */
export interface RunStepBase<TErrorCode extends string = RunStepErrorCode> {
  /** The identifier of the run step (`step_...`). */
  id: string;
  /** Always `thread.run.step`. */
  object: 'thread.run.step';
  /** Unix timestamp (seconds, an integer) of when the step was created. */
  created_at: number;
  /** The ID of the assistant associated with the run step. */
  assistant_id: string;
  /** The ID of the thread that was run. */
  thread_id: string;
  /** The ID of the run this step is part of. */
  run_id: string;
  /** The status of the step. */
  status: RunStepStatus;
  /** The last error of the step; `null` unless it failed. */
  last_error: RunStepLastError<TErrorCode> | null;
  /** In the spec but never sent: the wire carries `expires_at` instead. Integer or `null` when present. */
  expired_at?: number | null | undefined;
  /** Sent instead of `expired_at`: the parent run's expiry (integer), `null` once the run has ended. */
  expires_at?: number | null | undefined;
  /** Unix timestamp (integer) of when the step was cancelled, or `null`. */
  cancelled_at: number | null;
  /** Unix timestamp (integer) of when the step failed, or `null`. */
  failed_at: number | null;
  /** Unix timestamp (integer) of when the step completed, or `null`. */
  completed_at: number | null;
  /** In the spec as required, never sent on a recorded run step. */
  metadata?: Metadata | null | undefined;
  /** Token usage; `null` while `in_progress`. Absent before 2024-01-18 (v1): see `HistoricalRunStepObject`. */
  usage: RunStepCompletionUsage | null;
}

/** A run step that created a message: `type` and `step_details.type` are both `message_creation`. */
export interface MessageCreationRunStep<TErrorCode extends string = RunStepErrorCode> extends RunStepBase<TErrorCode> {
  /** Always `message_creation`. */
  type: 'message_creation';
  /** The message the step created. */
  step_details: MessageCreationStepDetails;
}

/** A run step that called tools: `type` and `step_details.type` are both `tool_calls`. */
export interface ToolCallsRunStep<
  TToolCall extends ToolCallShape = ToolCall,
  TErrorCode extends string = RunStepErrorCode,
> extends RunStepBase<TErrorCode> {
  /** Always `tool_calls`. */
  type: 'tool_calls';
  /** The tool calls of the step. */
  step_details: ToolCallsStepDetails<TToolCall>;
}

/**
 * A run step whose details are of a kind added by an extended guard (such as Azure's `activities`):
 * `type` and `step_details.type` are the same. One member per kind of `TDetails`.
 */
export type CustomDetailsRunStep<
  TDetails extends StepDetailsShape,
  TErrorCode extends string = RunStepErrorCode,
> = TDetails extends StepDetailsShape
  ? RunStepBase<TErrorCode> & {
      /** The details' own `type`. */
      type: TDetails['type'];
      /** The step's details. */
      step_details: TDetails;
    }
  : never;

/**
 * A run step (`object: "thread.run.step"`), discriminated on `type`: checking `step.type` also narrows
 * `step.step_details`, which the official SDK's `RunStep` type does not do. Without parameters, the
 * steps `isRunStepObject` accepts; `createRunStepGuard` fills them in: `TToolCall` the tool calls,
 * `TDetails` added kinds of step details, `TErrorCode` the type of `last_error.code`.
 */
export type RunStepObject<
  TToolCall extends ToolCallShape = ToolCall,
  TDetails extends StepDetailsShape = never,
  TErrorCode extends string = RunStepErrorCode,
> =
  | MessageCreationRunStep<TErrorCode>
  | ToolCallsRunStep<TToolCall, TErrorCode>
  | CustomDetailsRunStep<TDetails, TErrorCode>;

/** The run step whose `type` is `Type`, e.g. `RunStepOfType<'tool_calls'>` is {@link ToolCallsRunStep}. */
export type RunStepOfType<Type extends RunStepType> = Extract<RunStepObject, { type: Type }>;

/**
 * A tool call of a kind the guard does not know, accepted only in the open mode
 * (`createRunStepGuard({unknownToolCalls: 'accept'})`): a string `id` and `type`, the rest kept as it came,
 * unchecked. Its `type: string` also matches every known kind's literal, so split it off first with the
 * guard set's `isKnownToolCall` before switching on `type`.
 */
export interface UnknownToolCall {
  /** The ID of the tool call. */
  id: string;
  /** A kind the guard was not told about. */
  type: string;
  /** Everything else, as it came. */
  [key: string]: unknown;
}
