// TypeBox 0.34 with its TypeCompiler (code generated at run time), written as a user would: one object
// type per type of src/types.ts, unions on `type`.
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { SameShape } from './shape.js';

/** An optional key; `undefined` is allowed on it, as the package's types say (`key?: T | undefined`). */
const Optional = <Schema extends TSchema>(schema: Schema) => Type.Optional(Type.Union([schema, Type.Undefined()]));

const NullableInteger = Type.Union([Type.Integer(), Type.Null()]);

const Usage = Type.Object({
  completion_tokens: Type.Integer(),
  prompt_tokens: Type.Integer(),
  total_tokens: Type.Integer(),
  prompt_token_details: Optional(Type.Object({ cached_tokens: Type.Integer() })),
  completion_tokens_details: Optional(Type.Object({ reasoning_tokens: Type.Integer() })),
});

const CodeInterpreterCall = Type.Object({
  id: Type.String(),
  type: Type.Literal('code_interpreter'),
  code_interpreter: Type.Object({
    input: Type.String(),
    outputs: Type.Array(
      Type.Union([
        Type.Object({ type: Type.Literal('logs'), logs: Type.String() }),
        Type.Object({ type: Type.Literal('image'), image: Type.Object({ file_id: Type.String() }) }),
      ]),
    ),
  }),
});

const FileSearchCall = Type.Object({
  id: Type.String(),
  type: Type.Literal('file_search'),
  file_search: Type.Object({
    ranking_options: Optional(
      Type.Object({
        ranker: Type.Union([Type.Literal('auto'), Type.Literal('default_2024_08_21')]),
        score_threshold: Type.Number(),
      }),
    ),
    results: Optional(
      Type.Array(
        Type.Object({
          file_id: Type.String(),
          file_name: Type.String(),
          score: Type.Number(),
          content: Optional(
            Type.Array(Type.Object({ type: Optional(Type.Literal('text')), text: Optional(Type.String()) })),
          ),
          attributes: Optional(
            Type.Union([
              Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()])),
              Type.Null(),
            ]),
          ),
        }),
      ),
    ),
  }),
});

const FunctionCall = Type.Object({
  id: Type.String(),
  type: Type.Literal('function'),
  function: Type.Object({
    name: Type.String(),
    arguments: Type.String(),
    output: Type.Union([Type.String(), Type.Null()]),
  }),
});

const base = {
  id: Type.String(),
  object: Type.Literal('thread.run.step'),
  created_at: Type.Integer(),
  assistant_id: Type.String(),
  thread_id: Type.String(),
  run_id: Type.String(),
  status: Type.Union([
    Type.Literal('in_progress'),
    Type.Literal('cancelled'),
    Type.Literal('failed'),
    Type.Literal('completed'),
    Type.Literal('expired'),
  ]),
  last_error: Type.Union([
    Type.Object({
      code: Type.Union([Type.Literal('server_error'), Type.Literal('rate_limit_exceeded')]),
      message: Type.String(),
    }),
    Type.Null(),
  ]),
  expired_at: Optional(NullableInteger),
  expires_at: Optional(NullableInteger),
  cancelled_at: NullableInteger,
  failed_at: NullableInteger,
  completed_at: NullableInteger,
  metadata: Optional(Type.Union([Type.Record(Type.String(), Type.String()), Type.Null()])),
  usage: Type.Union([Usage, Type.Null()]),
};

/** The run step type: `type` picks the step, and so the `step_details` that must go with it. */
export const RunStep = Type.Union([
  Type.Object({
    ...base,
    type: Type.Literal('message_creation'),
    step_details: Type.Object({
      type: Type.Literal('message_creation'),
      message_creation: Type.Object({ message_id: Type.String() }),
    }),
  }),
  Type.Object({
    ...base,
    type: Type.Literal('tool_calls'),
    step_details: Type.Object({
      type: Type.Literal('tool_calls'),
      tool_calls: Type.Array(Type.Union([CodeInterpreterCall, FileSearchCall, FunctionCall])),
    }),
  }),
]);

export const sameShape: SameShape<Static<typeof RunStep>> = true;

const compiled = TypeCompiler.Compile(RunStep);

/** TypeBox's compiled boolean check. */
export const is = (value: unknown): boolean => compiled.Check(value);
