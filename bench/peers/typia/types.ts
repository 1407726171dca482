// The type typia checks: src/types.ts's, written once more with a parameter for integers, since typia reads
// checks from types and a plain `number` lets fractions through. `RunStep<number>` must be the package's
// type (checked below); `RunStep<Integer>` is what is.ts and validate.ts check.
import type { tags } from 'typia';
import type { SameShape } from '../../peers/shape.js';

/** An integer, as typia checks it (no fraction, within int64's range). */
export type Integer = number & tags.Type<'int64'>;

interface Usage<Int> {
  completion_tokens: Int;
  prompt_tokens: Int;
  total_tokens: Int;
  prompt_token_details?: { cached_tokens: Int } | undefined;
  completion_tokens_details?: { reasoning_tokens: Int } | undefined;
}

type CodeInterpreterOutput = { type: 'logs'; logs: string } | { type: 'image'; image: { file_id: string } };

interface CodeInterpreterCall {
  id: string;
  type: 'code_interpreter';
  code_interpreter: { input: string; outputs: CodeInterpreterOutput[] };
}

interface FileSearchResult {
  file_id: string;
  file_name: string;
  score: number;
  content?: { type?: 'text' | undefined; text?: string | undefined }[] | undefined;
  attributes?: Record<string, string | number | boolean> | null | undefined;
}

interface FileSearchCall {
  id: string;
  type: 'file_search';
  file_search: {
    ranking_options?: { ranker: 'auto' | 'default_2024_08_21'; score_threshold: number } | undefined;
    results?: FileSearchResult[] | undefined;
  };
}

interface FunctionCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string; output: string | null };
}

interface Base<Int> {
  id: string;
  object: 'thread.run.step';
  created_at: Int;
  assistant_id: string;
  thread_id: string;
  run_id: string;
  status: 'in_progress' | 'cancelled' | 'failed' | 'completed' | 'expired';
  last_error: { code: 'server_error' | 'rate_limit_exceeded'; message: string } | null;
  expired_at?: Int | null | undefined;
  expires_at?: Int | null | undefined;
  cancelled_at: Int | null;
  failed_at: Int | null;
  completed_at: Int | null;
  metadata?: Record<string, string> | null | undefined;
  usage: Usage<Int> | null;
}

/** A run step, with `Int` for its integers: `type` picks the step, and so its `step_details`. */
export type RunStep<Int> =
  | (Base<Int> & {
      type: 'message_creation';
      step_details: { type: 'message_creation'; message_creation: { message_id: string } };
    })
  | (Base<Int> & {
      type: 'tool_calls';
      step_details: { type: 'tool_calls'; tool_calls: (CodeInterpreterCall | FileSearchCall | FunctionCall)[] };
    });

export const sameShape: SameShape<RunStep<number>> = true;
