// ajv 8 compiling OpenAI's own schemas, wire-patched (ajv-schema.ts), as a user would: at run time, once.
import { Ajv } from 'ajv';
import {
  SCHEMAS_ID,
  asDocument,
  type JsonSchema,
  wirePatchedSchemas,
  withTypeMatchingStepDetails,
} from './ajv-schema.js';

/** ajv in strict mode, told about OpenAPI's `components` and the spec's annotations rather than made lax. */
function compile(schemas: Record<string, JsonSchema>) {
  const ajv = new Ajv({ formats: { unixtime: true } });
  ajv.addVocabulary(['components', 'example', 'x-stainless-const', 'x-oaiTypeLabel', 'x-oaiMeta']);
  ajv.addSchema(asDocument(schemas));
  return ajv.getSchema(`${SCHEMAS_ID}#/components/schemas/RunStepObject`)!;
}

/** The spec with the wire patches only: `type` and `step_details.type` may disagree. */
export const validateSpec = compile(wirePatchedSchemas());

/** The spec with the wire patches and the package's `type` ↔ `step_details.type` rule. */
export const validateStrict = compile(withTypeMatchingStepDetails(wirePatchedSchemas()));

/** `true` when the spec with the wire patches accepts `value`. */
export const isSpec = (value: unknown): boolean => validateSpec(value) as boolean;

/** `true` when the spec with the wire patches and the `type` rule accepts `value`. */
export const is = (value: unknown): boolean => validateStrict(value) as boolean;
