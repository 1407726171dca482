/**
 * Types for archives: run steps as every version of the Assistants API sent them (November 2023 to
 * August 2026), and the list endpoint's response. Derived from the current types in ../types.ts, so that
 * what did not change is written once; only what differed in the past is written here.
 *
 * `HistoricalRunStepObject` is the superset an archive can hold: every current step is also a historical
 * one (`RunStepObject` is assignable to it), so `AnyRunStepObject` names the same set of values. The
 * current `RunStepObject`, which exhaustive `switch`es rely on, stays as tight as it was.
 */

import type {
  CodeInterpreterToolCall,
  FileSearchToolCall,
  FunctionToolCall,
  MessageCreationStepDetails,
  RunStepBase,
  RunStepCompletionUsage,
  RunStepObject,
  ToolCallsStepDetails,
} from '../types.js';

/**
 * A v1 (before 2024-04-17) `retrieval` tool call, which `file_search` replaced in v2. Its body was
 * documented as "for now, always an empty object" (openai-python `retrieval_tool_call.py`,
 * openai-node v4 `RetrievalToolCall`); any object is accepted.
 */
export interface RetrievalToolCall {
  /** The ID of the tool call. */
  id: string;
  /** Always `retrieval`. */
  type: 'retrieval';
  /** Always `{}` in practice. */
  retrieval: Record<string, unknown>;
}

/**
 * A function tool call as sent in November 2023 too: the `output` key was absent until tool outputs
 * were submitted (it is `null` since), so here it is optional.
 */
export interface HistoricalFunctionToolCall extends Omit<FunctionToolCall, 'function'> {
  /** The function the model called; `output` may be absent. */
  function: Omit<FunctionToolCall['function'], 'output'> & {
    /** Absent (2023) or `null` until tool outputs are submitted, then the submitted output. */
    output?: string | null | undefined;
  };
}

/**
 * A tool call in a run step of any API version, discriminated on `type`: the current kinds, the v1
 * `retrieval` call, and function calls without `output`. `file_search: {}` (early v2) is already a
 * {@link FileSearchToolCall}.
 */
export type HistoricalToolCall =
  CodeInterpreterToolCall | FileSearchToolCall | HistoricalFunctionToolCall | RetrievalToolCall;

/** Step details of a step that called tools, in a run step of any API version. */
export interface HistoricalToolCallsStepDetails extends Omit<ToolCallsStepDetails, 'tool_calls'> {
  /** The tool calls of the step. */
  tool_calls: HistoricalToolCall[];
}

/** The `step_details` of a historical run step, discriminated on `type`. */
export type HistoricalRunStepDetails = MessageCreationStepDetails | HistoricalToolCallsStepDetails;

/** The fields every run step of any API version has: `usage` may be absent. */
export interface HistoricalRunStepBase extends Omit<RunStepBase, 'usage'> {
  /** Absent before 2024-01-18 (v1); since then as in {@link RunStepBase}: `null` while `in_progress`. */
  usage?: RunStepCompletionUsage | null | undefined;
}

/** A historical run step that created a message. */
export interface HistoricalMessageCreationRunStep extends HistoricalRunStepBase {
  /** Always `message_creation`. */
  type: 'message_creation';
  /** The message the step created. */
  step_details: MessageCreationStepDetails;
}

/** A historical run step that called tools. */
export interface HistoricalToolCallsRunStep extends HistoricalRunStepBase {
  /** Always `tool_calls`. */
  type: 'tool_calls';
  /** The tool calls of the step, `retrieval` included. */
  step_details: HistoricalToolCallsStepDetails;
}

/**
 * A run step as any version of the Assistants API sent it (v1 from 2023-11, v2 from 2024-04), as found
 * in archives: `usage` may be absent, a tool call may be `retrieval`, a function call may lack `output`.
 * Discriminated on `type`, and its tool calls on their `type`. Every {@link RunStepObject} is one.
 */
export type HistoricalRunStepObject = HistoricalMessageCreationRunStep | HistoricalToolCallsRunStep;

/**
 * A run step of either generation: current or historical. The same values as
 * {@link HistoricalRunStepObject} (its superset), written as the union to say that both are expected.
 */
export type AnyRunStepObject = RunStepObject | HistoricalRunStepObject;

/** What {@link runStepGeneration} answers: `current` passes `isRunStepObject`; `historical` only the historical guard. */
export type RunStepGeneration = 'current' | 'historical';

/**
 * A trait only a past API version showed, as {@link historicalRunStepTraits} finds it in a value:
 * - `no_usage`: no `usage` key (v1 before 2024-01-18);
 * - `retrieval`: a `retrieval` tool call (v1);
 * - `function_without_output`: a function call with no `output` key (v1, 2023);
 * - `empty_file_search`: `file_search: {}` (v2 before 2024-08-23), which the current guard accepts too.
 */
export type HistoricalRunStepTrait = 'no_usage' | 'retrieval' | 'function_without_output' | 'empty_file_search';

/**
 * The response of the list endpoint (`GET /v1/threads/{thread}/runs/{run}/steps`), whose `data` holds
 * run steps of type `Step`. The spec types `first_id` and `last_id` as strings; the wire sends `null`
 * for both when `data` is empty: `{"object":"list","data":[],"first_id":null,"last_id":null,
 * "has_more":false}`, recorded 2024-04-27 in alexrudall/ruby-openai
 * spec/fixtures/cassettes/run_steps_list.yml (commit 322ea6aeacfcd5da7d438aa7ad50e0c502672c1e).
 */
export interface RunStepList<Step = RunStepObject> {
  /** Always `list`. */
  object: 'list';
  /** The run steps of this page. */
  data: Step[];
  /** The ID of the first step in `data`; `null` when `data` is empty. */
  first_id: string | null;
  /** The ID of the last step in `data`; `null` when `data` is empty. */
  last_id: string | null;
  /** Whether more steps follow this page. */
  has_more: boolean;
}

/** A list response whose steps may be of either generation, as archives hold them. */
export type AnyRunStepList = RunStepList<AnyRunStepObject>;
