// zod 4, written as a user would: one object schema per type of src/types.ts, discriminated unions on `type`.
import * as z from 'zod';
import type { SameShape } from './shape.js';

const nullableInteger = z.int().nullable();
const optionalNullableInteger = nullableInteger.optional();

const usage = z.object({
  completion_tokens: z.int(),
  prompt_tokens: z.int(),
  total_tokens: z.int(),
  prompt_token_details: z.object({ cached_tokens: z.int() }).optional(),
  completion_tokens_details: z.object({ reasoning_tokens: z.int() }).optional(),
});

const codeInterpreterCall = z.object({
  id: z.string(),
  type: z.literal('code_interpreter'),
  code_interpreter: z.object({
    input: z.string(),
    outputs: z.array(
      z.discriminatedUnion('type', [
        z.object({ type: z.literal('logs'), logs: z.string() }),
        z.object({ type: z.literal('image'), image: z.object({ file_id: z.string() }) }),
      ]),
    ),
  }),
});

const fileSearchCall = z.object({
  id: z.string(),
  type: z.literal('file_search'),
  file_search: z.object({
    ranking_options: z
      .object({ ranker: z.enum(['auto', 'default_2024_08_21']), score_threshold: z.number() })
      .optional(),
    results: z
      .array(
        z.object({
          file_id: z.string(),
          file_name: z.string(),
          score: z.number(),
          content: z.array(z.object({ type: z.literal('text').optional(), text: z.string().optional() })).optional(),
          attributes: z
            .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
            .nullable()
            .optional(),
        }),
      )
      .optional(),
  }),
});

const functionCall = z.object({
  id: z.string(),
  type: z.literal('function'),
  function: z.object({ name: z.string(), arguments: z.string(), output: z.string().nullable() }),
});

const base = {
  id: z.string(),
  object: z.literal('thread.run.step'),
  created_at: z.int(),
  assistant_id: z.string(),
  thread_id: z.string(),
  run_id: z.string(),
  status: z.enum(['in_progress', 'cancelled', 'failed', 'completed', 'expired']),
  last_error: z.object({ code: z.enum(['server_error', 'rate_limit_exceeded']), message: z.string() }).nullable(),
  expired_at: optionalNullableInteger,
  expires_at: optionalNullableInteger,
  cancelled_at: nullableInteger,
  failed_at: nullableInteger,
  completed_at: nullableInteger,
  metadata: z.record(z.string(), z.string()).nullable().optional(),
  usage: usage.nullable(),
};

/** The run step schema: `type` picks the step, and so the `step_details` that must go with it. */
export const RunStepSchema = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('message_creation'),
    step_details: z.object({
      type: z.literal('message_creation'),
      message_creation: z.object({ message_id: z.string() }),
    }),
  }),
  z.object({
    ...base,
    type: z.literal('tool_calls'),
    step_details: z.object({
      type: z.literal('tool_calls'),
      tool_calls: z.array(z.discriminatedUnion('type', [codeInterpreterCall, fileSearchCall, functionCall])),
    }),
  }),
]);

export const sameShape: SameShape<z.infer<typeof RunStepSchema>> = true;

/** zod has no boolean check: `safeParse` builds the parsed copy (or the issues) either way. */
export const is = (value: unknown): boolean => RunStepSchema.safeParse(value).success;

/** The issues, as a user asking zod why would get them. */
export const validate = (value: unknown): unknown => RunStepSchema.safeParse(value);
