// The test suite's own statement of the run step contract, written independently of src/ so that the
// generated corruptions below are judged against what the API documents, not against the code under
// test. Paths use `[]` for any array index and `*` for any key of a map.

/** Keys that may be absent: the spec's optional keys and the wire's (see the README's wire table). */
export const OPTIONAL = new Set([
  'expired_at',
  'expires_at',
  'metadata',
  'metadata.*',
  'usage.prompt_token_details',
  'usage.completion_tokens_details',
  'step_details.tool_calls[].file_search.ranking_options',
  'step_details.tool_calls[].file_search.results',
  'step_details.tool_calls[].file_search.results[].content',
  'step_details.tool_calls[].file_search.results[].content[].type',
  'step_details.tool_calls[].file_search.results[].content[].text',
  'step_details.tool_calls[].file_search.results[].attributes',
  'step_details.tool_calls[].file_search.results[].attributes.*',
]);

/** Keys whose value may be `null`. */
export const NULLABLE = new Set([
  'last_error',
  'expired_at',
  'expires_at',
  'cancelled_at',
  'failed_at',
  'completed_at',
  'metadata',
  'usage',
  'step_details.tool_calls[].function.output',
  'step_details.tool_calls[].file_search.results[].attributes',
]);

/** Numbers that may have a fraction; every other number in a run step is an integer. */
export const FRACTIONAL = new Set([
  'step_details.tool_calls[].file_search.ranking_options.score_threshold',
  'step_details.tool_calls[].file_search.results[].score',
  'step_details.tool_calls[].file_search.results[].attributes.*',
]);

/** Values that may be a string, a number or a boolean (attribute values). */
export const SCALAR = new Set(['step_details.tool_calls[].file_search.results[].attributes.*']);

/** Maps: objects with arbitrary keys. */
export const MAPS = new Set(['metadata', 'step_details.tool_calls[].file_search.results[].attributes']);

/** Closed sets of strings, and their values. */
export const ENUMS = new Map<string, readonly string[]>([
  ['object', ['thread.run.step']],
  ['type', ['message_creation', 'tool_calls']],
  ['status', ['in_progress', 'cancelled', 'failed', 'completed', 'expired']],
  ['last_error.code', ['server_error', 'rate_limit_exceeded']],
  ['step_details.type', ['message_creation', 'tool_calls']],
  ['step_details.tool_calls[].type', ['code_interpreter', 'file_search', 'function']],
  ['step_details.tool_calls[].code_interpreter.outputs[].type', ['logs', 'image']],
  ['step_details.tool_calls[].file_search.ranking_options.ranker', ['auto', 'default_2024_08_21']],
  ['step_details.tool_calls[].file_search.results[].content[].type', ['text']],
]);

/**
 * Discriminants: setting one to another value of its own enum must break the object, because the
 * body that goes with the new value is missing (or, for the step's `type`, disagrees with `step_details`).
 */
export const DISCRIMINANTS = new Set([
  'type',
  'step_details.type',
  'step_details.tool_calls[].type',
  'step_details.tool_calls[].code_interpreter.outputs[].type',
]);

/** One kind of root's contract: the sets above, stated for the paths inside that root. */
export interface Contract {
  readonly optional: ReadonlySet<string>;
  readonly nullable: ReadonlySet<string>;
  readonly fractional: ReadonlySet<string>;
  readonly scalar: ReadonlySet<string>;
  readonly maps: ReadonlySet<string>;
  readonly enums: ReadonlyMap<string, readonly string[]>;
  readonly discriminants: ReadonlySet<string>;
}

/** The run step's contract: the sets above. */
export const RUN_STEP_CONTRACT: Contract = {
  optional: OPTIONAL,
  nullable: NULLABLE,
  fractional: FRACTIONAL,
  scalar: SCALAR,
  maps: MAPS,
  enums: ENUMS,
  discriminants: DISCRIMINANTS,
};

// A run step delta (`object: "thread.run.step.delta"`), from the spec's RunStepDelta* schemas and the
// wire (docs/WIRE.md, "Deltas"): only `index` and `type` are required on a chunk (and `file_search` on a
// file search chunk, as the spec says); whatever a chunk carries has the type it has in a whole step.
const DETAILS = 'delta.step_details';
const CALL = `${DETAILS}.tool_calls[]`;
const OUTPUT = `${CALL}.code_interpreter.outputs[]`;
const RESULT = `${CALL}.file_search.results[]`;

/** The contract of a run step delta, paths from the delta object. */
export const DELTA_CONTRACT: Contract = {
  optional: new Set([
    DETAILS,
    `${DETAILS}.message_creation`,
    `${DETAILS}.message_creation.message_id`,
    `${DETAILS}.tool_calls`,
    `${CALL}.id`,
    `${CALL}.code_interpreter`,
    `${CALL}.code_interpreter.input`,
    `${CALL}.code_interpreter.outputs`,
    `${OUTPUT}.logs`,
    `${OUTPUT}.image`,
    `${OUTPUT}.image.file_id`,
    `${CALL}.function`,
    `${CALL}.function.name`,
    `${CALL}.function.arguments`,
    `${CALL}.function.output`,
    `${CALL}.file_search.ranking_options`,
    `${CALL}.file_search.results`,
    `${RESULT}.content`,
    `${RESULT}.content[].type`,
    `${RESULT}.content[].text`,
    `${RESULT}.attributes`,
    `${RESULT}.attributes.*`,
  ]),
  nullable: new Set([`${CALL}.function.output`, `${RESULT}.attributes`]),
  fractional: new Set([
    `${CALL}.file_search.ranking_options.score_threshold`,
    `${RESULT}.score`,
    `${RESULT}.attributes.*`,
  ]),
  scalar: new Set([`${RESULT}.attributes.*`]),
  maps: new Set([`${RESULT}.attributes`]),
  enums: new Map<string, readonly string[]>([
    ['object', ['thread.run.step.delta']],
    [`${DETAILS}.type`, ['message_creation', 'tool_calls']],
    [`${CALL}.type`, ['code_interpreter', 'file_search', 'function']],
    [`${OUTPUT}.type`, ['logs', 'image']],
    [`${CALL}.file_search.ranking_options.ranker`, ['auto', 'default_2024_08_21']],
    [`${RESULT}.content[].type`, ['text']],
  ]),
  // None: every body of a chunk is optional (but file search's), so a chunk whose `type` is swapped can
  // still be a valid chunk of the other kind, with its old body as an unknown key.
  discriminants: new Set(),
};

/** A concrete path as its pattern: indices become `[]`, keys under a map become `*`. */
export function patternOf(path: readonly (string | number)[], maps: ReadonlySet<string> = MAPS): string {
  let pattern = '';
  for (const segment of path) {
    if (typeof segment === 'number') pattern += '[]';
    else if (maps.has(pattern)) pattern += '.*';
    else pattern += pattern === '' ? segment : `.${segment}`;
  }
  return pattern;
}

/** A concrete path as a user would write it: `step_details.tool_calls[2].function.output`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join('');
}

/**
 * A run step of any API version (docs/WIRE.md timeline): `usage` absent before 2024-01-18, a function
 * call's `output` absent in 2023, and v1's `retrieval` tool call, whose body is an object (`{}`).
 */
export const HISTORICAL_CONTRACT: Contract = {
  ...RUN_STEP_CONTRACT,
  optional: new Set([...OPTIONAL, 'usage', 'step_details.tool_calls[].function.output']),
  enums: new Map([
    ...ENUMS,
    ['step_details.tool_calls[].type', ['code_interpreter', 'file_search', 'function', 'retrieval']],
  ]),
};
