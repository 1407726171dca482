// valibot 1, written as a user would: one object schema per type of src/types.ts, variants on `type`.
import * as v from 'valibot';
import type { SameShape } from './shape.js';

// valibot's `number()` lets `Infinity` through; JSON has none, and the package rejects it.
const finite = v.pipe(v.number(), v.finite());
const integer = v.pipe(v.number(), v.integer());
const nullableInteger = v.nullable(integer);
const optionalNullableInteger = v.optional(nullableInteger);

const usage = v.object({
  completion_tokens: integer,
  prompt_tokens: integer,
  total_tokens: integer,
  prompt_token_details: v.optional(v.object({ cached_tokens: integer })),
  completion_tokens_details: v.optional(v.object({ reasoning_tokens: integer })),
});

const codeInterpreterCall = v.object({
  id: v.string(),
  type: v.literal('code_interpreter'),
  code_interpreter: v.object({
    input: v.string(),
    outputs: v.array(
      v.variant('type', [
        v.object({ type: v.literal('logs'), logs: v.string() }),
        v.object({ type: v.literal('image'), image: v.object({ file_id: v.string() }) }),
      ]),
    ),
  }),
});

const fileSearchCall = v.object({
  id: v.string(),
  type: v.literal('file_search'),
  file_search: v.object({
    ranking_options: v.optional(
      v.object({ ranker: v.picklist(['auto', 'default_2024_08_21']), score_threshold: finite }),
    ),
    results: v.optional(
      v.array(
        v.object({
          file_id: v.string(),
          file_name: v.string(),
          score: finite,
          content: v.optional(v.array(v.object({ type: v.optional(v.literal('text')), text: v.optional(v.string()) }))),
          attributes: v.optional(v.nullable(v.record(v.string(), v.union([v.string(), finite, v.boolean()])))),
        }),
      ),
    ),
  }),
});

const functionCall = v.object({
  id: v.string(),
  type: v.literal('function'),
  function: v.object({ name: v.string(), arguments: v.string(), output: v.nullable(v.string()) }),
});

const base = {
  id: v.string(),
  object: v.literal('thread.run.step'),
  created_at: integer,
  assistant_id: v.string(),
  thread_id: v.string(),
  run_id: v.string(),
  status: v.picklist(['in_progress', 'cancelled', 'failed', 'completed', 'expired']),
  last_error: v.nullable(v.object({ code: v.picklist(['server_error', 'rate_limit_exceeded']), message: v.string() })),
  expired_at: optionalNullableInteger,
  expires_at: optionalNullableInteger,
  cancelled_at: nullableInteger,
  failed_at: nullableInteger,
  completed_at: nullableInteger,
  metadata: v.optional(v.nullable(v.record(v.string(), v.string()))),
  usage: v.nullable(usage),
};

/** The run step schema: `type` picks the step, and so the `step_details` that must go with it. */
export const RunStepSchema = v.variant('type', [
  v.object({
    ...base,
    type: v.literal('message_creation'),
    step_details: v.object({
      type: v.literal('message_creation'),
      message_creation: v.object({ message_id: v.string() }),
    }),
  }),
  v.object({
    ...base,
    type: v.literal('tool_calls'),
    step_details: v.object({
      type: v.literal('tool_calls'),
      tool_calls: v.array(v.variant('type', [codeInterpreterCall, fileSearchCall, functionCall])),
    }),
  }),
]);

export const sameShape: SameShape<v.InferOutput<typeof RunStepSchema>> = true;

/** valibot's boolean check: stops at the first issue and builds no output. */
export const is = (value: unknown): boolean => v.is(RunStepSchema, value);

/** The issues, as a user asking valibot why would get them. */
export const validate = (value: unknown): unknown => v.safeParse(RunStepSchema, value);
