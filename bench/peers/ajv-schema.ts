// OpenAI's own run step schemas (openai/run-step-schemas.json, unaltered), patched to the wire: one small
// named patch per fact of the README's wire table (and /work/shared/docs/WIRE.md), nothing else. A user
// who compiles the spec as it stands rejects every recorded run step; these patches are what it takes
// to accept them. The same patched reference is built for the tests (issue 5); keep the two in step.
// The JSON is imported rather than read, so that a bundle of the ajv peer carries it (bench sizes).
import spec from './openai/run-step-schemas.json' with { type: 'json' };

/** A JSON Schema object, as loosely as the patches need it. */
export type JsonSchema = { [keyword: string]: any };

/** Where `$ref`s in the spec point: `#/components/schemas/<name>`. */
export const SCHEMAS_ID = 'openai-run-step-schemas';

/** The spec's schemas by name, a fresh copy on every call. */
export function specSchemas(): Record<string, JsonSchema> {
  return structuredClone(spec) as Record<string, JsonSchema>;
}

/** The object branch of an `anyOf [object, {type: null}]` schema (the spec's OpenAPI 3.1 nullables). */
const objectBranch = (schema: JsonSchema): JsonSchema =>
  schema['anyOf'].find((branch: any) => branch.type === 'object');

const integerOrNull: JsonSchema = { anyOf: [{ type: 'integer' }, { type: 'null' }] };

/** Wire: `expired_at` is never sent (the spec requires it). */
function expiredAtOptional(schemas: Record<string, JsonSchema>): void {
  const step = schemas['RunStepObject']!;
  step['required'] = step['required'].filter((key: string) => key !== 'expired_at');
}

/** Wire: `expires_at`, the parent run's expiry, is sent instead of `expired_at`: an integer or `null`. */
function expiresAtAllowed(schemas: Record<string, JsonSchema>): void {
  schemas['RunStepObject']!['properties']['expires_at'] = integerOrNull;
}

/** Wire: `metadata` is never sent on a recorded run step (the spec requires it). */
function metadataOptional(schemas: Record<string, JsonSchema>): void {
  const step = schemas['RunStepObject']!;
  step['required'] = step['required'].filter((key: string) => key !== 'metadata');
}

/** Wire, since 2025: `usage` also carries `prompt_token_details` (singular "token") and `completion_tokens_details`. */
function usageTokenDetails(schemas: Record<string, JsonSchema>): void {
  const usage = objectBranch(schemas['RunStepCompletionUsage']!);
  const counts = (key: string): JsonSchema => ({
    type: 'object',
    properties: { [key]: { type: 'integer' } },
    required: [key],
  });
  usage['properties']['prompt_token_details'] = counts('cached_tokens');
  usage['properties']['completion_tokens_details'] = counts('reasoning_tokens');
}

/** Wire, since 2025: file search results carry `attributes` (typed as a vector store file's), or `null`. */
function resultAttributes(schemas: Record<string, JsonSchema>): void {
  schemas['RunStepDetailsToolCallsFileSearchResultObject']!['properties']['attributes'] = {
    anyOf: [
      {
        type: 'object',
        additionalProperties: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
      },
      { type: 'null' },
    ],
  };
}

/** Wire table: ranges stated in prose (`score` and `score_threshold` in 0..1) are facts, not reasons to reject. */
function noProseRanges(schemas: Record<string, JsonSchema>): void {
  const score = schemas['RunStepDetailsToolCallsFileSearchResultObject']!['properties']['score'];
  const threshold = schemas['RunStepDetailsToolCallsFileSearchRankingOptionsObject']!['properties']['score_threshold'];
  for (const number of [score, threshold]) {
    delete number.minimum;
    delete number.maximum;
  }
}

// Integers stay integers: the spec already types timestamps and token counts `integer`, and ajv checks
// that (no fraction, finite), so no patch is needed; the patches above use `integer` likewise.

/** OpenAI's run step schemas with every wire patch applied, keyed by name as in the spec. */
export function wirePatchedSchemas(): Record<string, JsonSchema> {
  const schemas = specSchemas();
  expiredAtOptional(schemas);
  expiresAtAllowed(schemas);
  metadataOptional(schemas);
  usageTokenDetails(schemas);
  resultAttributes(schemas);
  noProseRanges(schemas);
  return schemas;
}

/**
 * Not a wire fact but the package's own rule (README, "What the guards promise"): `type` and
 * `step_details.type` agree. The spec states them as two unrelated enums, so a step whose `type` says
 * `tool_calls` around message creation details passes it; this makes the patched schema check as much
 * as the package does.
 */
export function withTypeMatchingStepDetails(schemas: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const sameType = (type: string): JsonSchema => ({
    properties: { step_details: { type: 'object', properties: { type: { const: type } } } },
  });
  schemas['RunStepObject']!['if'] = { properties: { type: { const: 'tool_calls' } } };
  schemas['RunStepObject']!['then'] = sameType('tool_calls');
  schemas['RunStepObject']!['else'] = sameType('message_creation');
  return schemas;
}

/** The schemas as one document whose `$ref`s resolve (`#/components/schemas/...`), with `$id` {@link SCHEMAS_ID}. */
export function asDocument(schemas: Record<string, JsonSchema>): JsonSchema {
  return { $id: SCHEMAS_ID, components: { schemas } };
}
