// The wire patches: the only places where this project knowingly departs from OpenAI's schemas. Each one
// is a small function that edits a deep copy of the spec's component schemas (test/fixtures/openapi/),
// named, with the README wire table row it stands for (`readme`: that row's first cell, word for word;
// test/reference.test.ts checks that the table and this list agree, row for row). Everything not
// patched here is the spec as OpenAI wrote it. The facts behind each patch are in the README's table,
// taken from the recorded payloads (see test/fixtures/wire).

/** A JSON Schema object, as the spec's JSON holds it. */
export type Schema = Record<string, unknown>;
/** The spec's component schemas by name (`#/components/schemas/<name>`). */
export type Schemas = Record<string, Schema>;

/** One departure from the spec. */
export interface WirePatch {
  /** A short name for messages and for `referenceValidators({ without })`. */
  readonly name: string;
  /** The first cell of the README wire table row that documents this departure, word for word. */
  readonly readme: string;
  /** Edits the schemas in place (always a deep copy of the spec). */
  readonly apply: (schemas: Schemas) => void;
}

/**
 * The schema at `path` under `schemas`. Throws when the path is missing, so that a patch that no longer
 * fits the spec (after the spec is updated) fails loudly instead of silently doing nothing.
 */
export function schemaAt(schemas: Schemas, ...path: (string | number)[]): Schema {
  let node: unknown = schemas;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null || !(segment in node)) {
      throw new Error(`wire patch: the spec has no schema at ${path.join('/')}`);
    }
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node as Schema;
}

/** Removes `key` from `schema.required`, insisting that it was there. */
function makeOptional(schema: Schema, key: string): void {
  const required = schema['required'] as string[];
  const index = required.indexOf(key);
  if (index === -1) throw new Error(`wire patch: ${key} is not required in the spec`);
  required.splice(index, 1);
}

/** Adds a property the spec does not define, insisting that it really does not. */
function addProperty(schema: Schema, key: string, definition: Schema): void {
  const properties = schema['properties'] as Record<string, Schema>;
  if (key in properties) throw new Error(`wire patch: the spec already defines ${key}`);
  properties[key] = definition;
}

const integerOrNull: Schema = { anyOf: [{ type: 'integer' }, { type: 'null' }] };

export const WIRE_PATCHES: readonly WirePatch[] = [
  {
    // Never sent on any recorded run step; `expires_at` (the parent run's expiry) is sent instead,
    // `null` once the run has ended. Both are checked as integer-or-null when present.
    name: 'expiresAtInsteadOfExpiredAt',
    readme: '`expired_at` required (integer or null)',
    apply(schemas) {
      const step = schemaAt(schemas, 'RunStepObject');
      makeOptional(step, 'expired_at');
      addProperty(step, 'expires_at', structuredClone(integerOrNull));
    },
  },
  {
    // Required by the spec, never sent on a recorded run step. When present it is still the spec's map.
    name: 'metadataOptional',
    readme: '`metadata` required (map or null)',
    apply(schemas) {
      makeOptional(schemaAt(schemas, 'RunStepObject'), 'metadata');
    },
  },
  {
    // Since 2025 `usage` carries two breakdowns; the first is spelled `token`, singular, on the wire.
    name: 'usageTokenDetails',
    readme: '`usage`: three token counts',
    apply(schemas) {
      const usage = schemaAt(schemas, 'RunStepCompletionUsage', 'anyOf', 0);
      const breakdown = (key: string): Schema => ({
        type: 'object',
        properties: { [key]: { type: 'integer' } },
        required: [key],
      });
      addProperty(usage, 'prompt_token_details', breakdown('cached_tokens'));
      addProperty(usage, 'completion_tokens_details', breakdown('reasoning_tokens'));
    },
  },
  {
    // Since 2025 every file search result carries an undocumented `attributes` (`{}` in every recording),
    // typed as a vector store file's attributes: string, number or boolean values, or `null`.
    name: 'fileSearchResultAttributes',
    readme: 'file search result: `file_id`, `file_name`, `score`, `content`',
    apply(schemas) {
      addProperty(schemaAt(schemas, 'RunStepDetailsToolCallsFileSearchResultObject'), 'attributes', {
        anyOf: [
          {
            type: 'object',
            additionalProperties: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
          },
          { type: 'null' },
        ],
      });
    },
  },
  {
    // The 0..1 range is a fact about the API, not a reason to reject a response that says otherwise.
    name: 'scoresAnyNumber',
    readme: '`score`, `score_threshold` between 0 and 1',
    apply(schemas) {
      for (const score of [
        schemaAt(schemas, 'RunStepDetailsToolCallsFileSearchResultObject', 'properties', 'score'),
        schemaAt(schemas, 'RunStepDetailsToolCallsFileSearchRankingOptionsObject', 'properties', 'score_threshold'),
      ]) {
        if (!('minimum' in score && 'maximum' in score))
          throw new Error('wire patch: the spec no longer bounds scores');
        delete score['minimum'];
        delete score['maximum'];
      }
    },
  },
  {
    // The spec types `type` and `step_details` independently; the API never sent them disagreeing, and
    // the package's `RunStepObject` union (and its narrowing) rests on their agreement.
    name: 'stepDetailsMatchType',
    readme: '`type` and `step_details.type`: each either value',
    apply(schemas) {
      const step = schemaAt(schemas, 'RunStepObject');
      if ('allOf' in step) throw new Error('wire patch: the spec already has an allOf on RunStepObject');
      step['allOf'] = ['message_creation', 'tool_calls'].map((type) => ({
        if: { type: 'object', properties: { type: { const: type } }, required: ['type'] },
        then: {
          type: 'object',
          properties: { step_details: { type: 'object', properties: { type: { const: type } } } },
        },
      }));
    },
  },
  {
    // The spec's list response allows any string as `object`; the wire always sends "list", and the
    // package tells a list from a run step (`thread.run.step`) by it.
    name: 'listObjectIsList',
    readme: "a list response's `object`: any string",
    apply(schemas) {
      const object = schemaAt(schemas, 'ListRunStepsResponse', 'properties', 'object');
      if ('enum' in object || 'const' in object) throw new Error('wire patch: the spec now fixes the list object');
      object['const'] = 'list';
    },
  },
  {
    // An empty list carries `first_id: null` and `last_id: null` (test/fixtures/lists/l01__…, recorded in
    // ruby-openai's cassettes, 2024-04-27); the spec types both as strings.
    name: 'listIdsNullWhenEmpty',
    readme: "a list response's `first_id`, `last_id`: strings",
    apply(schemas) {
      for (const key of ['first_id', 'last_id']) {
        const id = schemaAt(schemas, 'ListRunStepsResponse', 'properties', key);
        if (id['type'] !== 'string') throw new Error(`wire patch: the spec no longer types ${key} as a string`);
        delete id['type'];
        id['anyOf'] = [{ type: 'string' }, { type: 'null' }];
      }
    },
  },
  {
    // The spec gives a delta's `file_search` no properties and calls it "always an empty object"; the
    // wire's deltas carry `{ranking_options, results: []}` (test/fixtures/wire/07__…). Both are checked as
    // in a whole step's file search call, whose schema already lists them.
    name: 'deltaFileSearchBody',
    readme: 'a delta\'s `file_search` has no properties ("always an empty object")',
    apply(schemas) {
      const body = schemaAt(schemas, 'RunStepDeltaStepDetailsToolCallsFileSearchObject', 'properties', 'file_search');
      if ('properties' in body) throw new Error('wire patch: the spec now gives the delta file_search properties');
      body['properties'] = structuredClone(
        schemaAt(schemas, 'RunStepDetailsToolCallsFileSearchObject', 'properties', 'file_search', 'properties'),
      );
    },
  },
];
