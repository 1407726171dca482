/**
 * Run step deltas and stream events as the API really sent them (see the README's wire table). A delta
 * carries only what changed: every field but `index` and `type` may be missing from a chunk. The first
 * chunk of a tool call carries its `id` (and for a function its `name`, `arguments: ""`, `output: null`);
 * later chunks carry string fragments to append. Unknown extra keys pass at run time, as everywhere.
 */

import type { RunStepStreamEventName, TerminalRunStepStreamEventName } from '../enums.js';
import type {
  FileSearchRankingOptions,
  FileSearchResult,
  RunStepObject,
  StepDetailsShape,
  ToolCallShape,
} from '../types.js';

/**
 * A run step delta (`object: "thread.run.step.delta"`): the `data` of a `thread.run.step.delta` event.
 * Without parameters, OpenAI's; a flavour's (Azure's, `createRunStepGuard`'s) fills in `TCallDelta`, its
 * tool call chunks, and `TDetailsDelta`, its added kinds of details.
 */
export interface RunStepDeltaObject<
  TCallDelta extends ToolCallDeltaShape = ToolCallDelta,
  TDetailsDelta extends StepDetailsShape = never,
> {
  /** The identifier of the run step the delta belongs to (`step_...`). */
  id: string;
  /** Always `thread.run.step.delta`. */
  object: 'thread.run.step.delta';
  /** What changed; may be `{}`. */
  delta: RunStepDelta<TCallDelta, TDetailsDelta>;
}

/** The `delta` of a {@link RunStepDeltaObject}: the fields of the run step that changed. */
export interface RunStepDelta<
  TCallDelta extends ToolCallDeltaShape = ToolCallDelta,
  TDetailsDelta extends StepDetailsShape = never,
> {
  /** The changed part of the step's `step_details`. */
  step_details?: RunStepDeltaStepDetails<TCallDelta, TDetailsDelta> | undefined;
}

/** Delta `step_details`, discriminated on `type` (the step's own type). */
export type RunStepDeltaStepDetails<
  TCallDelta extends ToolCallDeltaShape = ToolCallDelta,
  TDetailsDelta extends StepDetailsShape = never,
> = MessageCreationStepDetailsDelta | ToolCallsStepDetailsDelta<TCallDelta> | TDetailsDelta;

/** What every tool call chunk has: its `index`, its `type`, and on the call's first chunk its `id`. */
export interface ToolCallDeltaShape {
  /** The position of the call in the step's `tool_calls` (an integer). */
  index: number;
  /** The ID of the tool call: on the call's first chunk. */
  id?: string | undefined;
  /** The kind of tool call. */
  type: string;
}

/**
 * A value of a call as one of its fragments may carry it: a string may be `null` (a first fragment's
 * placeholder) or a piece to append, an object any part of itself; an array or other value as it is.
 */
export type FragmentOf<Value> = Value extends string
  ? string | null
  : Value extends readonly unknown[]
    ? Value
    : Value extends object
      ? { [Key in keyof Value]?: FragmentOf<Value[Key]> | undefined }
      : Value;

/**
 * A chunk of a tool call of a kind added by `defineToolCallKind`, as the package derives it from the
 * call's type: `index` and `type`, the `id` on the first chunk, every other field optional and in
 * pieces ({@link FragmentOf}).
 */
export type ToolCallFragment<Call extends ToolCallShape> = Call extends ToolCallShape
  ? {
      /** The position of the call in the step's `tool_calls` (an integer). */
      index: number;
      /** The ID of the tool call: on the call's first chunk. */
      id?: string | undefined;
      /** The kind of tool call. */
      type: Call['type'];
    } & { [Key in Exclude<keyof Call, 'id' | 'type' | 'index'>]?: FragmentOf<Call[Key]> | undefined }
  : never;

/**
 * Delta `step_details` of a kind added by `defineStepDetailsKind`: `type`, the rest in pieces
 * ({@link FragmentOf}).
 */
export type StepDetailsFragment<Details extends StepDetailsShape> = Details extends StepDetailsShape
  ? {
      /** The details' `type`, which is the step's. */
      type: Details['type'];
    } & { [Key in Exclude<keyof Details, 'type'>]?: FragmentOf<Details[Key]> | undefined }
  : never;

/** Delta `step_details` of a message creation step. */
export interface MessageCreationStepDetailsDelta {
  /** Always `message_creation`. */
  type: 'message_creation';
  /** The message the step created, when the delta names it. */
  message_creation?:
    | {
        /** The ID of the message. */
        message_id?: string | undefined;
      }
    | undefined;
}

/** Delta `step_details` of a tool calls step: chunks of tool calls, each placed by its `index`. */
export interface ToolCallsStepDetailsDelta<TCallDelta extends ToolCallDeltaShape = ToolCallDelta> {
  /** Always `tool_calls`. */
  type: 'tool_calls';
  /** Chunks of the step's tool calls; several may arrive in one delta, for the same call or others. */
  tool_calls?: TCallDelta[] | undefined;
}

/** A chunk of a tool call, discriminated on `type`. */
export type ToolCallDelta = CodeInterpreterToolCallDelta | FileSearchToolCallDelta | FunctionToolCallDelta;

/** A chunk of a code interpreter tool call. */
export interface CodeInterpreterToolCallDelta {
  /** The position of the call in the step's `tool_calls` (an integer). */
  index: number;
  /** The ID of the tool call: on the call's first chunk. */
  id?: string | undefined;
  /** Always `code_interpreter`. */
  type: 'code_interpreter';
  /** The changed part of the call: `{input: "", outputs: []}` on the first chunk, then fragments. */
  code_interpreter?:
    | {
        /** A fragment of the input code, to append. */
        input?: string | undefined;
        /** Chunks of outputs, each placed by its own `index`. */
        outputs?: CodeInterpreterOutputDelta[] | undefined;
      }
    | undefined;
}

/** A chunk of a code interpreter output, discriminated on `type`. */
export type CodeInterpreterOutputDelta = CodeInterpreterLogsOutputDelta | CodeInterpreterImageOutputDelta;

/** A chunk of a code interpreter `logs` output. */
export interface CodeInterpreterLogsOutputDelta {
  /** The position of the output in the call's `outputs` (an integer). */
  index: number;
  /** Always `logs`. */
  type: 'logs';
  /** A fragment of the text output, to append. */
  logs?: string | undefined;
}

/** A chunk of a code interpreter `image` output. */
export interface CodeInterpreterImageOutputDelta {
  /** The position of the output in the call's `outputs` (an integer). */
  index: number;
  /** Always `image`. */
  type: 'image';
  /** The image file. */
  image?:
    | {
        /** The file ID of the image. */
        file_id?: string | undefined;
      }
    | undefined;
}

/** A chunk of a file search tool call. */
export interface FileSearchToolCallDelta {
  /** The position of the call in the step's `tool_calls` (an integer). */
  index: number;
  /** The ID of the tool call: on the call's first chunk. */
  id?: string | undefined;
  /** Always `file_search`. */
  type: 'file_search';
  /**
   * Required, as in the spec, which calls it "always an empty object": the wire carries
   * `{ranking_options, results: []}`.
   */
  file_search: {
    /** The ranking options used. */
    ranking_options?: FileSearchRankingOptions | undefined;
    /** Results found, whole (results carry no `index`). */
    results?: FileSearchResult[] | undefined;
  };
}

/** A chunk of a function tool call. */
export interface FunctionToolCallDelta {
  /** The position of the call in the step's `tool_calls` (an integer). */
  index: number;
  /** The ID of the tool call: on the call's first chunk. */
  id?: string | undefined;
  /** Always `function`. */
  type: 'function';
  /** The changed part of the call: `{name, arguments: "", output: null}` on the first chunk, then fragments. */
  function?:
    | {
        /** The name of the function: on the first chunk. */
        name?: string | undefined;
        /** A fragment of the arguments, to append. */
        arguments?: string | undefined;
        /** `null` until tool outputs are submitted; then (a fragment of) the output. */
        output?: string | null | undefined;
      }
    | undefined;
}

/** The `thread.run.step.delta` stream event: its `data` is a {@link RunStepDeltaObject} (of a flavour: `TDelta`). */
export interface RunStepDeltaEvent<TDelta = RunStepDeltaObject> {
  /** Always `thread.run.step.delta`. */
  event: 'thread.run.step.delta';
  /** The delta. */
  data: TDelta;
}

/**
 * The stream event of one name, e.g. `RunStepStreamEventOf<'thread.run.step.completed'>`: `data` is the
 * whole run step, except for `thread.run.step.delta`, whose `data` is a delta. (A step's `status` is not
 * tied to the event's name: the recordings show only created, in progress and completed events.) A
 * flavour's events fill in `TStep` and `TDelta` (e.g. `AzureRunStepStreamEvent`).
 */
export type RunStepStreamEventOf<
  Name extends RunStepStreamEventName,
  TStep = RunStepObject,
  TDelta = RunStepDeltaObject,
> = Name extends 'thread.run.step.delta'
  ? RunStepDeltaEvent<TDelta>
  : {
      /** The event's name. */
      event: Name;
      /** The whole run step, as the server holds it now. */
      data: TStep;
    };

/** A run step stream event `{event, data}`, discriminated on `event`: a union of the seven. */
export type RunStepStreamEvent<TStep = RunStepObject, TDelta = RunStepDeltaObject> = RunStepStreamEventOf<
  RunStepStreamEventName,
  TStep,
  TDelta
>;

/** A stream event that ends its step (`completed`, `failed`, `cancelled`, `expired`), with the final step. */
export type TerminalRunStepStreamEvent<TStep = RunStepObject> = RunStepStreamEventOf<
  TerminalRunStepStreamEventName,
  TStep
>;
