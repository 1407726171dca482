// fast-check arbitraries for the differential tests (test/differential.test.ts, `npm run fuzz`):
// valid values of every root a deep guard checks, covering every variant with every optional part
// present or absent, and mutations of them. Written from the spec and the wire table (through
// contract.ts and the reference's key list), never from src/: the generators must not share the guards'
// mistakes. Validity is not asserted here; the reference decides. (test/differential.test.ts checks that
// the valid values are valid, test/arbitraries.test.ts that every variant shows up.)
import fc from 'fast-check';
import { patchedSchemas, type RootName } from '../reference/reference.js';
import { ENUMS } from './contract.js';
import { isObject } from './fixtures.js';
import { getAt, walk } from './corrupt.js';

type Json = unknown;
type Path = readonly (string | number)[];

const values = (pattern: string): readonly string[] => {
  const members = ENUMS.get(pattern);
  if (members === undefined) throw new Error(`arbitraries: no enum at ${pattern}`);
  return members;
};

/** Every property name the (patched) spec defines, at any depth: an unknown key must be none of them. */
export const KNOWN_KEYS: ReadonlySet<string> = (() => {
  const keys = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isObject(node)) {
      for (const [key, child] of Object.entries(node)) {
        if (key === 'properties' && isObject(child)) for (const name of Object.keys(child)) keys.add(name);
        visit(child);
      }
    }
  };
  visit(patchedSchemas());
  return keys;
})();

/** Every string of a closed set, plus values from the wire that the package does not accept. */
const ENUM_STRINGS: readonly string[] = [
  ...new Set([...ENUMS.values()].flat()),
  'retrieval', // the v1 tool call type
  'thread.run.step.delta',
  'thread.run.step.completed',
];

/**
 * Strings: mostly short printable ones, sometimes made of awkward code units (lone surrogates, NUL,
 * quotes, astral characters). Not `unit: 'binary'`: its first shrink builds a 1.1-million-entry map.
 */
const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom('\ud800', '\udfff', '\u0000', '"', '\\', 'é', '😀'), maxLength: 4 }),
  },
);

/** Integers as JSON carries them: small, large, unsafe, and `-0` (which `JSON.parse('-0')` gives). */
const integer: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 2_000_000_000 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(-0, 2 ** 53, 1e21, -(2 ** 60)) },
);

/** Any finite number (scores: the documented 0..1 range is not checked). */
const finite: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);

/** A key that no schema defines, including those that look like `Object.prototype`'s. */
const unknownKey: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 8 }).filter((key) => !KNOWN_KEYS.has(key)),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'index', 'event', 'data'),
);

/**
 * Cheap JSON values: every JSON type, the closed sets' strings, and small nested values (fast-check's
 * `jsonValue()` costs about 45 µs a value, as much as a whole valid tool call, so it is used sparingly).
 */
const smallJson: fc.Arbitrary<Json> = fc.oneof(
  { weight: 8, arbitrary: fc.oneof(fc.constant(null), fc.boolean(), integer, finite, text) },
  { weight: 2, arbitrary: fc.constantFrom(...ENUM_STRINGS, {}, [], [null], { type: 'text' }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** Keys of maps (`metadata`, `attributes`), including those that look like `Object.prototype`'s. */
const mapKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf') },
);

/** In one object of five, adds unknown keys with JSON values, which every object must let through. */
function open<Value extends object>(arbitrary: fc.Arbitrary<Value>): fc.Arbitrary<Value> {
  const extras = fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.dictionary(unknownKey, smallJson, { minKeys: 1, maxKeys: 2 }) },
  );
  return fc.tuple(arbitrary, extras).map(([value, extra]) => (extra === undefined ? value : { ...extra, ...value }));
}

/** A record whose keys in `optional` may each be absent. */
function record<Model extends Record<string, fc.Arbitrary<unknown>>>(
  model: Model,
  optional: readonly (keyof Model & string)[] = [],
): fc.Arbitrary<{ [Key in keyof Model]: Model[Key] extends fc.Arbitrary<infer Value> ? Value : never }> {
  const requiredKeys = Object.keys(model).filter((key) => !optional.includes(key));
  return open(fc.record(model, { requiredKeys }) as fc.Arbitrary<any>);
}

const nullable = <Value>(arbitrary: fc.Arbitrary<Value>) => fc.option(arbitrary, { nil: null, freq: 3 });
const list = <Value>(arbitrary: fc.Arbitrary<Value>, maxLength = 3) => fc.array(arbitrary, { maxLength });

// The parts, from the leaves up. Each is `open`: unknown keys may appear at every level.

const logsOutput = record({ type: fc.constant('logs'), logs: text });
const imageOutput = record({ type: fc.constant('image'), image: record({ file_id: text }) });
const codeInterpreterOutput = fc.oneof(logsOutput, imageOutput);

const codeInterpreterToolCall = record({
  id: text,
  type: fc.constant('code_interpreter'),
  code_interpreter: record({ input: text, outputs: list(codeInterpreterOutput) }),
});

const fileSearchResult = record(
  {
    file_id: text,
    file_name: text,
    score: finite,
    content: list(
      record(
        { type: fc.constantFrom(...values('step_details.tool_calls[].file_search.results[].content[].type')), text },
        ['type', 'text'],
      ),
    ),
    attributes: nullable(fc.dictionary(mapKey, fc.oneof(text, finite, fc.boolean()), { maxKeys: 3 })),
  },
  ['content', 'attributes'],
);

const fileSearchToolCall = record({
  id: text,
  type: fc.constant('file_search'),
  // `{}` before 2024-08; `{ranking_options, results}` since.
  file_search: record(
    {
      ranking_options: record({
        ranker: fc.constantFrom(...values('step_details.tool_calls[].file_search.ranking_options.ranker')),
        score_threshold: finite,
      }),
      results: list(fileSearchResult),
    },
    ['ranking_options', 'results'],
  ),
});

const functionToolCall = record({
  id: text,
  type: fc.constant('function'),
  function: record({ name: text, arguments: text, output: nullable(text) }),
});

const toolCall = fc.oneof(codeInterpreterToolCall, fileSearchToolCall, functionToolCall);

const messageCreationDetails = record({
  type: fc.constant('message_creation'),
  message_creation: record({ message_id: text }),
});
const toolCallsDetails = record({ type: fc.constant('tool_calls'), tool_calls: list(toolCall, 4) });

const usage = nullable(
  record(
    {
      prompt_tokens: integer,
      completion_tokens: integer,
      total_tokens: integer,
      prompt_token_details: record({ cached_tokens: integer }),
      completion_tokens_details: record({ reasoning_tokens: integer }),
    },
    ['prompt_token_details', 'completion_tokens_details'],
  ),
);

const base = {
  id: text,
  object: fc.constant('thread.run.step'),
  created_at: integer,
  assistant_id: text,
  thread_id: text,
  run_id: text,
  status: fc.constantFrom(...values('status')),
  last_error: nullable(record({ code: fc.constantFrom(...values('last_error.code')), message: text })),
  expired_at: nullable(integer),
  expires_at: nullable(integer),
  cancelled_at: nullable(integer),
  failed_at: nullable(integer),
  completed_at: nullable(integer),
  metadata: nullable(fc.dictionary(mapKey, text, { maxKeys: 3 })),
  usage,
};
const optionalBase = ['expired_at', 'expires_at', 'metadata'] as const;

const runStep = fc.oneof(
  record({ ...base, type: fc.constant('message_creation'), step_details: messageCreationDetails }, [...optionalBase]),
  record({ ...base, type: fc.constant('tool_calls'), step_details: toolCallsDetails }, [...optionalBase]),
);

// Deltas and stream events (the spec's RunStepDelta* schemas, docs/WIRE.md "Deltas"): only `index` and
// `type` are required on a chunk (and `file_search` on a file search chunk); every other part may be
// absent, and what is present has the type it has in a whole step.

/** Indices: mostly small, as the wire sends them; any integer is valid for the schema. */
const index: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.nat({ max: 5 }) },
  { weight: 1, arbitrary: integer },
);

const logsOutputDelta = record({ index, type: fc.constant('logs'), logs: text }, ['logs']);
const imageOutputDelta = record({ index, type: fc.constant('image'), image: record({ file_id: text }, ['file_id']) }, [
  'image',
]);
const codeInterpreterOutputDelta = fc.oneof(logsOutputDelta, imageOutputDelta);

const codeInterpreterToolCallDelta = record(
  {
    index,
    id: text,
    type: fc.constant('code_interpreter'),
    code_interpreter: record({ input: text, outputs: list(codeInterpreterOutputDelta) }, ['input', 'outputs']),
  },
  ['id', 'code_interpreter'],
);

const fileSearchToolCallDelta = record(
  {
    index,
    id: text,
    type: fc.constant('file_search'),
    // The spec's "always an empty object"; the wire's `{ranking_options, results: []}`.
    file_search: record(
      {
        ranking_options: record({
          ranker: fc.constantFrom(...values('step_details.tool_calls[].file_search.ranking_options.ranker')),
          score_threshold: finite,
        }),
        results: list(fileSearchResult),
      },
      ['ranking_options', 'results'],
    ),
  },
  ['id'],
);

const functionToolCallDelta = record(
  {
    index,
    id: text,
    type: fc.constant('function'),
    function: record({ name: text, arguments: text, output: nullable(text) }, ['name', 'arguments', 'output']),
  },
  ['id', 'function'],
);

const toolCallDelta = fc.oneof(codeInterpreterToolCallDelta, fileSearchToolCallDelta, functionToolCallDelta);

const messageCreationDetailsDelta = record(
  { type: fc.constant('message_creation'), message_creation: record({ message_id: text }, ['message_id']) },
  ['message_creation'],
);
const toolCallsDetailsDelta = record({ type: fc.constant('tool_calls'), tool_calls: list(toolCallDelta, 4) }, [
  'tool_calls',
]);
const deltaDetails = fc.oneof(messageCreationDetailsDelta, toolCallsDetailsDelta);

const runStepDelta = record({
  id: text,
  object: fc.constant('thread.run.step.delta'),
  delta: record({ step_details: deltaDetails }, ['step_details']),
});

const streamEvent = fc.oneof(
  record({
    event: fc.constantFrom(
      'thread.run.step.created',
      'thread.run.step.in_progress',
      'thread.run.step.completed',
      'thread.run.step.failed',
      'thread.run.step.cancelled',
      'thread.run.step.expired',
    ),
    data: runStep,
  }),
  record({ event: fc.constant('thread.run.step.delta'), data: runStepDelta }),
);

/** For each deep guard, values that are valid for it (by the spec with the wire patches). */
export const VALID: { readonly [Root in RootName]: fc.Arbitrary<Json> } = {
  isRunStepObject: runStep,
  isRunStepDetails: fc.oneof(messageCreationDetails, toolCallsDetails),
  isMessageCreationStepDetails: messageCreationDetails,
  isToolCallsStepDetails: toolCallsDetails,
  isToolCall: toolCall,
  isCodeInterpreterToolCall: codeInterpreterToolCall,
  isFileSearchToolCall: fileSearchToolCall,
  isFunctionToolCall: functionToolCall,
  isCodeInterpreterOutput: codeInterpreterOutput,
  isCodeInterpreterLogsOutput: logsOutput,
  isCodeInterpreterImageOutput: imageOutput,
  isFileSearchResult: fileSearchResult,
  isRunStepStreamEvent: streamEvent,
  isRunStepDeltaObject: runStepDelta,
  isRunStepDeltaStepDetails: deltaDetails,
  isMessageCreationStepDetailsDelta: messageCreationDetailsDelta,
  isToolCallsStepDetailsDelta: toolCallsDetailsDelta,
  isToolCallDelta: toolCallDelta,
  isCodeInterpreterToolCallDelta: codeInterpreterToolCallDelta,
  isFileSearchToolCallDelta: fileSearchToolCallDelta,
  isFunctionToolCallDelta: functionToolCallDelta,
  isCodeInterpreterOutputDelta: codeInterpreterOutputDelta,
  isCodeInterpreterLogsOutputDelta: logsOutputDelta,
  isCodeInterpreterImageOutputDelta: imageOutputDelta,
  isRunStepList: record({
    object: fc.constant('list'),
    // At most two steps: mutations then land on the list's own keys often enough to be noticed.
    data: list(runStep, 2),
    first_id: nullable(text),
    last_id: nullable(text),
    has_more: fc.boolean(),
  }),
};

// Mutations: small edits of a valid value, anywhere in it, judged afterwards by the reference.

/** Replacement values of every JSON type, and the non-JSON numbers and `undefined` a JS caller may hold. */
const REPLACEMENTS: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -0,
  -1,
  1.5,
  1e21,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  undefined,
  '',
  '0',
  [],
  [null],
  {},
  { type: 'text' },
];

/** One edit: where (an index into the value's paths, wrapped) and what (a choice, and a spare value). */
export interface Mutation {
  readonly at: number;
  readonly kind: number;
  readonly pick: number;
  readonly json: Json;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.nat(),
  pick: fc.nat(),
  json: smallJson,
});

/** Applies one mutation to `value` (a fresh copy is made; `value` is left alone). */
export function mutate(value: Json, { at, kind, pick, json }: Mutation): Json {
  const paths: Path[] = [[], ...walk(value)];
  const path = paths[at % paths.length]!;
  const root = { value: structuredClone(value) };
  const parent = getAt(root, ['value', ...path.slice(0, -1)]) as any;
  const key = path.length === 0 ? 'value' : path[path.length - 1]!;
  const holder = path.length === 0 ? root : parent;
  const current = holder[key];
  const edits: (() => void)[] = [
    // Removed: a key deleted, or an array item spliced out or left as a hole (deep inside arrays too).
    () => (Array.isArray(holder) && pick % 2 === 0 ? holder.splice(key as number, 1) : delete holder[key]),
    // Retyped: another JSON type, or a non-JSON number, or `undefined`.
    () => (holder[key] = REPLACEMENTS[pick % REPLACEMENTS.length]),
    // Replaced by any JSON value.
    () => (holder[key] = json),
    // A neighbouring enum value: half the time a sibling from the same closed set (a discriminant
    // swapped), else any closed set's value or a near miss of this one.
    () => {
      const siblings = [...ENUMS.values()].filter((set) => set.includes(current as string)).flat();
      const strings =
        siblings.length > 1 && pick % 2 === 0
          ? siblings.filter((value) => value !== current)
          : [...ENUM_STRINGS, ...(typeof current === 'string' ? [current.toUpperCase(), `${current} `] : [])];
      holder[key] = strings[(pick >> 1) % strings.length];
    },
    // A discriminant swapped: any `type` in the value (not only the one at `at`) set to a sibling.
    () => {
      const types = paths.filter((candidate) => candidate[candidate.length - 1] === 'type');
      if (types.length === 0) return;
      const where = types[pick % types.length]!;
      const parent = getAt(root, ['value', ...where.slice(0, -1)]) as Record<string, unknown>;
      const set = [...ENUMS.values()].find((values) => values.includes(parent['type'] as string));
      const siblings = set !== undefined && set.length > 1 ? set : ENUM_STRINGS;
      parent['type'] = siblings.filter((value) => value !== parent['type'])[(pick >> 2) % (siblings.length - 1)];
    },
    // A number made fractional, negative or huge.
    () => (holder[key] = typeof current === 'number' ? [current + 0.5, -current - 1, current * 1e300][pick % 3] : json),
    // An unknown key added, or a known key at the wrong level, or an array item duplicated or appended.
    () => {
      if (Array.isArray(current)) current.push(pick % 2 === 0 ? structuredClone(current[0]) : json);
      else if (isObject(current)) current[[...KNOWN_KEYS][pick % KNOWN_KEYS.size]!] = json;
      else holder[key] = [current];
    },
  ];
  edits[kind % edits.length]!();
  return root.value;
}

/** Mutations of the values of `valid`: one to three edits each. */
export function mutated(valid: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc
    .tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([value, edits]) => edits.reduce(mutate, value));
}

/** Objects made of known keys with arbitrary JSON values: wrong in every way, but shaped like the real thing. */
export const knownKeysJson: fc.Arbitrary<Json> = fc.dictionary(fc.constantFrom(...KNOWN_KEYS), smallJson, {
  maxKeys: 8,
});

/** Every valid value of any root: what a guard meets when it is handed a part of another kind. */
const anyValid: fc.Arbitrary<Json> = fc.oneof(...Object.values(VALID));

/** The inputs for one root's differential test: its valid values, their mutations, and any JSON. */
export function inputsFor(root: RootName): fc.Arbitrary<Json> {
  return fc.oneof(
    { weight: 3, arbitrary: VALID[root] },
    { weight: 6, arbitrary: mutated(VALID[root]) },
    { weight: 1, arbitrary: mutated(anyValid) },
    { weight: 1, arbitrary: fc.jsonValue() },
    { weight: 1, arbitrary: knownKeysJson },
  );
}
