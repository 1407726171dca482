// arktype 2, written as a user would: one object type per type of src/types.ts, unions on `type`.
import { type } from 'arktype';
import type { SameShape } from './shape.js';

// arktype's `number` lets `Infinity` through; JSON has none, and the package rejects it.
const finite = type('number').narrow((value) => Number.isFinite(value));

const usage = type({
  completion_tokens: 'number.integer',
  prompt_tokens: 'number.integer',
  total_tokens: 'number.integer',
  'prompt_token_details?': type({ cached_tokens: 'number.integer' }).or('undefined'),
  'completion_tokens_details?': type({ reasoning_tokens: 'number.integer' }).or('undefined'),
});

const codeInterpreterCall = type({
  id: 'string',
  type: "'code_interpreter'",
  code_interpreter: {
    input: 'string',
    outputs: type({ type: "'logs'", logs: 'string' })
      .or({ type: "'image'", image: { file_id: 'string' } })
      .array(),
  },
});

const fileSearchResult = type({
  file_id: 'string',
  file_name: 'string',
  score: finite,
  'content?': type({ 'type?': "'text' | undefined", 'text?': 'string | undefined' }).array().or('undefined'),
  'attributes?': type({ '[string]': type('string | boolean').or(finite) }).or('null | undefined'),
});

const fileSearchCall = type({
  id: 'string',
  type: "'file_search'",
  file_search: {
    'ranking_options?': type({ ranker: "'auto' | 'default_2024_08_21'", score_threshold: finite }).or('undefined'),
    'results?': fileSearchResult.array().or('undefined'),
  },
});

const functionCall = type({
  id: 'string',
  type: "'function'",
  function: { name: 'string', arguments: 'string', output: 'string | null' },
});

const base = type({
  id: 'string',
  object: "'thread.run.step'",
  created_at: 'number.integer',
  assistant_id: 'string',
  thread_id: 'string',
  run_id: 'string',
  status: "'in_progress' | 'cancelled' | 'failed' | 'completed' | 'expired'",
  last_error: type({ code: "'server_error' | 'rate_limit_exceeded'", message: 'string' }).or('null'),
  'expired_at?': 'number.integer | null | undefined',
  'expires_at?': 'number.integer | null | undefined',
  cancelled_at: 'number.integer | null',
  failed_at: 'number.integer | null',
  completed_at: 'number.integer | null',
  'metadata?': type({ '[string]': 'string' }).or('null | undefined'),
  usage: usage.or('null'),
});

/** The run step type: `type` picks the step, and so the `step_details` that must go with it. */
export const RunStep = base
  .and({
    type: "'message_creation'",
    step_details: { type: "'message_creation'", message_creation: { message_id: 'string' } },
  })
  .or(
    base.and({
      type: "'tool_calls'",
      step_details: {
        type: "'tool_calls'",
        tool_calls: codeInterpreterCall.or(fileSearchCall).or(functionCall).array(),
      },
    }),
  );

export const sameShape: SameShape<typeof RunStep.infer> = true;

/** arktype's boolean check: builds no errors. */
export const is = (value: unknown): boolean => RunStep.allows(value);

/** The errors, as a user asking arktype why would get them. */
export const validate = (value: unknown): unknown => RunStep(value);
