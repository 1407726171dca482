// ajv 8 compiling OpenAI's own schemas with the project's wire patches: the tests' reference validator
// (test/reference/), built from the same spec copy and the same WIRE_PATCHES with the same options, in
// a module a bundler can follow (the JSON imported rather than read), so that its size can be measured.
import { Ajv2020 } from 'ajv/dist/2020.js';
import spec from '../../test/fixtures/openapi/run-step-schemas.json' with { type: 'json' };
import { AJV_OPTIONS } from '../../test/reference/ajv-options.js';
import { type Schemas, WIRE_PATCHES } from '../../test/reference/patches.js';

const schemas = structuredClone(spec) as Schemas;
for (const patch of WIRE_PATCHES) patch.apply(schemas);

const ajv = new Ajv2020(AJV_OPTIONS);
ajv.addKeyword('components');
ajv.addSchema({ $id: 'openai', components: { schemas } });
const validate = ajv.getSchema('openai#/components/schemas/RunStepObject')!;

/** ajv's compiled check of the wire-patched `RunStepObject`. */
export const is = (value: unknown): boolean => validate(value) as boolean;
