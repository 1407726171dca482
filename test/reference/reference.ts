// The reference validator: OpenAI's own schemas for the run step family, compiled with ajv, with the
// wire patches of ./patches.ts applied and nothing else. The guards are tested against it
// (test/differential.test.ts, `npm run fuzz`): on every input, a guard and its reference root agree.
// It lives in the tests, never in the package: ajv compiles with `new Function`, which the package
// must not use, and it is a dependency the package does not have.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { AJV_OPTIONS } from './ajv-options.js';
import { WIRE_PATCHES, schemaAt, type Schemas } from './patches.js';

/**
 * The spec's 23 component schemas reachable from the run step, copied unaltered from OpenAI's OpenAPI
 * description (see test/fixtures/openapi/SOURCE.md for the commit; its examples are in
 * test/fixtures/spec-examples).
 */
export const SPEC_SCHEMAS: Readonly<Schemas> = JSON.parse(
  readFileSync(new URL('../fixtures/openapi/run-step-schemas.json', import.meta.url), 'utf8'),
);

/** For each deep guard, the place in the spec that describes the same value. */
export const REFERENCE_ROOTS = {
  isRunStepObject: ['RunStepObject'],
  isRunStepDetails: ['RunStepObject', 'properties', 'step_details'],
  isMessageCreationStepDetails: ['RunStepDetailsMessageCreationObject'],
  isToolCallsStepDetails: ['RunStepDetailsToolCallsObject'],
  isToolCall: ['RunStepDetailsToolCallsObject', 'properties', 'tool_calls', 'items'],
  isCodeInterpreterToolCall: ['RunStepDetailsToolCallsCodeObject'],
  isFileSearchToolCall: ['RunStepDetailsToolCallsFileSearchObject'],
  isFunctionToolCall: ['RunStepDetailsToolCallsFunctionObject'],
  isCodeInterpreterOutput: [
    'RunStepDetailsToolCallsCodeObject',
    'properties',
    'code_interpreter',
    'properties',
    'outputs',
    'items',
  ],
  isCodeInterpreterLogsOutput: ['RunStepDetailsToolCallsCodeOutputLogsObject'],
  isCodeInterpreterImageOutput: ['RunStepDetailsToolCallsCodeOutputImageObject'],
  isFileSearchResult: ['RunStepDetailsToolCallsFileSearchResultObject'],
  isRunStepStreamEvent: ['RunStepStreamEvent'],
  isRunStepList: ['ListRunStepsResponse'],
  isRunStepDeltaObject: ['RunStepDeltaObject'],
  isRunStepDeltaStepDetails: ['RunStepDeltaObject', 'properties', 'delta', 'properties', 'step_details'],
  isMessageCreationStepDetailsDelta: ['RunStepDeltaStepDetailsMessageCreationObject'],
  isToolCallsStepDetailsDelta: ['RunStepDeltaStepDetailsToolCallsObject'],
  isToolCallDelta: ['RunStepDeltaStepDetailsToolCallsObject', 'properties', 'tool_calls', 'items'],
  isCodeInterpreterToolCallDelta: ['RunStepDeltaStepDetailsToolCallsCodeObject'],
  isFileSearchToolCallDelta: ['RunStepDeltaStepDetailsToolCallsFileSearchObject'],
  isFunctionToolCallDelta: ['RunStepDeltaStepDetailsToolCallsFunctionObject'],
  isCodeInterpreterOutputDelta: [
    'RunStepDeltaStepDetailsToolCallsCodeObject',
    'properties',
    'code_interpreter',
    'properties',
    'outputs',
    'items',
  ],
  isCodeInterpreterLogsOutputDelta: ['RunStepDeltaStepDetailsToolCallsCodeOutputLogsObject'],
  isCodeInterpreterImageOutputDelta: ['RunStepDeltaStepDetailsToolCallsCodeOutputImageObject'],
} as const satisfies Record<string, readonly string[]>;

/** The name of a deep guard that has a reference root. */
export type RootName = keyof typeof REFERENCE_ROOTS;

/** A compiled reference root: `true` when the value is valid; `errors` says why not after a `false`. */
export type ReferenceValidator = ValidateFunction;

/** The spec's schemas with the wire patches applied, every patch but those named in `without`. */
export function patchedSchemas(without: readonly string[] = []): Schemas {
  const unknown = without.filter((name) => !WIRE_PATCHES.some((patch) => patch.name === name));
  if (unknown.length > 0) throw new Error(`no wire patch named ${unknown.join(', ')}`);
  const schemas = structuredClone(SPEC_SCHEMAS) as Schemas;
  for (const patch of WIRE_PATCHES) if (!without.includes(patch.name)) patch.apply(schemas);
  return schemas;
}

/** Compiles every root of `schemas`. */
function compile(schemas: Schemas): Record<RootName, ReferenceValidator> {
  const ajv = new Ajv2020(AJV_OPTIONS);
  // As in the OpenAPI document, so that the spec's `$ref`s (`#/components/schemas/X`) resolve as written.
  ajv.addKeyword('components');
  // An OpenAPI annotation (on the list response's properties), no constraint.
  ajv.addKeyword('example');
  // The spec's list response has no `type` beside its `required`, which ajv's strict mode refuses; its
  // description and every example make it an object, so the reference says so, patched or not.
  const list = schemas['ListRunStepsResponse'];
  if (list !== undefined && !('type' in list))
    schemas = { ...schemas, ListRunStepsResponse: { type: 'object', ...list } };
  ajv.addSchema({ $id: 'openai', components: { schemas } });
  const validators = {} as Record<RootName, ReferenceValidator>;
  for (const [name, path] of Object.entries(REFERENCE_ROOTS) as [RootName, readonly string[]][]) {
    schemaAt(schemas, ...path); // fails loudly if the spec moved
    const validate = ajv.getSchema(`openai#/components/schemas/${path.join('/')}`);
    if (validate === undefined) throw new Error(`reference: cannot compile ${path.join('/')}`);
    validators[name] = validate;
  }
  return validators;
}

let _patched: Record<RootName, ReferenceValidator> | undefined;

/**
 * A validate function for each deep guard's root, from the spec's schemas with the wire patches applied
 * (all of them, or all but those named in `without`, to show what each patch is for).
 */
export function referenceValidators(
  options: { readonly without?: readonly string[] } = {},
): Record<RootName, ReferenceValidator> {
  if (options.without !== undefined && options.without.length > 0) return compile(patchedSchemas(options.without));
  _patched ??= compile(patchedSchemas());
  return _patched;
}

/** The spec's schemas exactly as OpenAI wrote them, without any wire patch. */
export function specValidators(): Record<RootName, ReferenceValidator> {
  return compile(structuredClone(SPEC_SCHEMAS) as Schemas);
}
