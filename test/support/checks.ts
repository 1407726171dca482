// The checks under test: for every root, its deep guard, validator, assertion and Standard Schema, each
// read as a boolean, with the reference root that says what it must answer. The hostile-input,
// prototype pollution and differential tests are all driven by this list, so a new root is one more
// line in the reference's REFERENCE_ROOTS, and a new kind of check one more line in CHECKS below.
// The archive roots (historical steps, lists of them) have no spec schema: they are judged by
// references composed from the spec's ones (ARCHIVE_REFERENCES below), and left out of the ajv
// differential, which generates its values from schemas.
import * as api from '../../src/index.js';
import { REFERENCE_ROOTS, referenceValidators, type RootName } from '../reference/reference.js';
import { getAt, walk } from './corrupt.js';
import { listFixtures } from './archive.js';
import { acceptedRunSteps, isObject } from './fixtures.js';
import { allStepEvents } from './streams.js';

/** The roots without a spec schema: archives. */
export const ARCHIVE_ROOTS = ['isHistoricalRunStepObject', 'isAnyRunStepObject', 'isAnyRunStepList'] as const;
/** A root with a check under test: one with a spec schema, or an archive root. */
export type CheckRoot = RootName | (typeof ARCHIVE_ROOTS)[number];

/** One check under test: `true` for a value it accepts. */
export interface Check {
  /** The export's name. */
  readonly name: string;
  /** The reference root whose verdict it must give. */
  readonly root: CheckRoot;
  readonly check: (value: unknown) => boolean;
}

/** The export named `name`, which must be a function. */
function exported(name: string): (...args: any[]) => any {
  const value = (api as Record<string, unknown>)[name];
  if (typeof value !== 'function') throw new Error(`the package exports no function ${name}`);
  return value as (...args: any[]) => any;
}

/** An answer that breaks a validator's own contract: a test that meets one fails with it. */
class BrokenContract extends Error {}

/** A deep guard, checked as it is. */
const guard = (root: CheckRoot): Check => ({ name: root, root, check: exported(root) });

/**
 * A validator (`validateX` beside `isX`), read as its `success`. Its answer must hold together: the
 * value itself on success, a non-empty list of issues on failure.
 */
function validator(root: CheckRoot): Check {
  const name = `validate${root.slice(2)}`;
  const validate = exported(name);
  return {
    name,
    root,
    check(value) {
      const result = validate(value);
      if (result.success === true && result.value === value && !('issues' in result)) return true;
      if (result.success === false && Array.isArray(result.issues) && result.issues.length > 0) return false;
      throw new BrokenContract(`${name} answered ${String(result.success)} with ${Object.keys(result)}`);
    },
  };
}

/** An assertion (`assertX`): returns on a valid value, throws a `RunStepValidationError` with issues otherwise. */
function assertion(root: CheckRoot): Check {
  const name = `assert${root.slice(2)}`;
  const assert = exported(name);
  return {
    name,
    root,
    check(value) {
      try {
        assert(value);
        return true;
      } catch (error) {
        if (error instanceof api.RunStepValidationError && error.issues.length > 0) return false;
        throw new BrokenContract(`${name} threw ${String(error)}`);
      }
    },
  };
}

/** A Standard Schema v1 object (`XSchema`), read through `~standard.validate`. */
function standardSchema(root: CheckRoot): Check {
  const name = `${root.slice(2)}Schema`;
  const schema = (api as Record<string, unknown>)[name] as { '~standard': { validate: (value: unknown) => any } };
  if (typeof schema?.['~standard']?.validate !== 'function') throw new Error(`the package exports no ${name}`);
  return {
    name,
    root,
    check(value) {
      const result = schema['~standard'].validate(value);
      if (result.issues === undefined && result.value === value) return true;
      if (Array.isArray(result.issues) && result.issues.length > 0) return false;
      throw new BrokenContract(`${name} answered ${Object.keys(result)}`);
    },
  };
}

/** Every check under test: for each root, its guard, validator, assertion and Standard Schema. */
export const CHECKS: readonly Check[] = [...(Object.keys(REFERENCE_ROOTS) as RootName[]), ...ARCHIVE_ROOTS].flatMap(
  (root) => [guard(root), validator(root), assertion(root), standardSchema(root)],
);

/**
 * For each root, the richest valid value in the fixtures (recorded, spec examples, synthetic): the part
 * with the most paths among those the reference accepts for that root. Hostile tests start from these.
 */
export const SAMPLES: { readonly [Root in CheckRoot]: unknown } = (() => {
  const reference = referenceValidators();
  const best = new Map<RootName, { size: number; value: unknown }>();
  // The stream roots take their samples from the stream events only: a run step's parts can be valid
  // deltas too (a message creation step is a valid `MessageCreationStepDetailsDelta`), but are no samples of one.
  const isStreamRoot = (root: RootName) => /Delta|StreamEvent/.test(root);
  const fixtures: [unknown, boolean][] = [
    ...acceptedRunSteps().map(({ step }): [unknown, boolean] => [step, false]),
    ...allStepEvents().map((event): [unknown, boolean] => [event, true]),
    ...listFixtures().map(({ json }): [unknown, boolean] => [json, false]),
  ];
  for (const [fixture, stream] of fixtures) {
    for (const path of [[], ...walk(fixture)]) {
      const value = getAt(fixture, path);
      if (typeof value !== 'object' || value === null) continue;
      const size = [...walk(value)].length;
      for (const root of Object.keys(REFERENCE_ROOTS) as RootName[]) {
        if (isStreamRoot(root) !== stream) continue;
        if (size > (best.get(root)?.size ?? -1) && reference[root](value)) best.set(root, { size, value });
      }
    }
  }
  const samples = Object.fromEntries(
    (Object.keys(REFERENCE_ROOTS) as RootName[]).map((root) => {
      const found = best.get(root);
      if (found === undefined) throw new Error(`no fixture holds a valid ${root}`);
      return [root, structuredClone(found.value)];
    }),
  ) as Record<CheckRoot, any>;
  // No one fixture holds every part, so the step-level samples get the richest call of each kind, and
  // a step gets every optional field too: hostile values then reach every path a check reads.
  const details = {
    type: 'tool_calls',
    tool_calls: [
      samples.isCodeInterpreterToolCall,
      {
        ...samples.isFileSearchToolCall,
        file_search: {
          ...samples.isFileSearchToolCall.file_search,
          results: [samples.isFileSearchResult, ...samples.isFileSearchToolCall.file_search.results],
        },
      },
      samples.isFunctionToolCall,
    ],
  };
  const step = {
    ...samples.isRunStepObject,
    type: 'tool_calls',
    step_details: details,
    expired_at: null,
    expires_at: 1_700_000_000,
    metadata: JSON.parse('{"user": "u_1", "__proto__": "an own key, as JSON.parse makes it"}'),
    usage: {
      prompt_tokens: 3,
      completion_tokens: 2,
      total_tokens: 5,
      prompt_token_details: { cached_tokens: 1 },
      completion_tokens_details: { reasoning_tokens: 0 },
    },
    last_error: { code: 'server_error', message: 'synthetic' },
  };
  Object.assign(samples, { isRunStepObject: step, isRunStepDetails: details, isToolCallsStepDetails: details });
  // The same for deltas: a chunk of each kind with every part, outputs of both kinds, results.
  const deltaDetails = {
    type: 'tool_calls',
    tool_calls: [
      {
        ...samples.isCodeInterpreterToolCallDelta,
        id: 'call_composite',
        code_interpreter: {
          input: 'print(1)',
          outputs: [samples.isCodeInterpreterLogsOutputDelta, samples.isCodeInterpreterImageOutputDelta],
        },
      },
      {
        ...samples.isFileSearchToolCallDelta,
        file_search: { ...samples.isFileSearchToolCallDelta.file_search, results: [samples.isFileSearchResult] },
      },
      samples.isFunctionToolCallDelta,
    ],
  };
  const delta = { ...samples.isRunStepDeltaObject, delta: { step_details: deltaDetails } };
  Object.assign(samples, {
    isRunStepDeltaObject: delta,
    isRunStepDeltaStepDetails: deltaDetails,
    isToolCallsStepDetailsDelta: deltaDetails,
    isRunStepStreamEvent: { event: 'thread.run.step.delta', data: delta },
  });
  for (const root of [
    'isRunStepObject',
    'isRunStepDetails',
    'isToolCallsStepDetails',
    'isRunStepDeltaObject',
    'isRunStepDeltaStepDetails',
    'isToolCallsStepDetailsDelta',
    'isRunStepStreamEvent',
  ] as const) {
    if (!reference[root](samples[root])) throw new Error(`the composite ${root} sample is not valid`);
  }
  // Archives: the composite step with a v1 `retrieval` call and a 2023 function call without `output`
  // added (and `usage` kept, so that hostile values reach it too; its removal is one of the cases).
  const { output: _, ...oldFunction } = samples.isFunctionToolCall.function;
  const historical = {
    ...step,
    step_details: {
      ...details,
      tool_calls: [
        ...details.tool_calls,
        { id: 'call_retrieval', type: 'retrieval', retrieval: {} },
        { ...samples.isFunctionToolCall, id: 'call_2023', function: oldFunction },
      ],
    },
  };
  const list = (data: unknown[]) => ({
    object: 'list',
    data,
    first_id: 'step_first',
    last_id: 'step_last',
    has_more: true,
  });
  Object.assign(samples, {
    isHistoricalRunStepObject: historical,
    isAnyRunStepObject: historical,
    isRunStepList: list([step, messageStep()]),
    isAnyRunStepList: list([historical, messageStep()]),
  });
  const references = archiveReferences(reference);
  if (!reference.isRunStepList(samples.isRunStepList))
    throw new Error('the composite isRunStepList sample is not valid');
  for (const root of ARCHIVE_ROOTS) {
    if (!references[root](samples[root])) throw new Error(`the composite ${root} sample is not valid`);
  }
  return structuredClone(samples);
})();

/** A message creation step from the fixtures, for the list samples. */
function messageStep(): unknown {
  return acceptedRunSteps().find(({ step }) => step['type'] === 'message_creation')!.step;
}

/**
 * A historical step made current by undoing, in a copy, the three documented differences of the past
 * (docs/WIRE.md): no `usage` becomes `usage: null`; a `retrieval` call whose body is an object becomes an
 * early v2 file search call (`file_search: {}`), and one whose body is not (or holds an unreadable value) keeps that body as its
 * `file_search`; a function body without `output` gets `output: null`. A historical step is valid exactly
 * when this copy is a valid current step. Reads plain values only (the hostile tests judge the value
 * with `UNREADABLE` in place of what cannot be read).
 */
function modernised(value: unknown): unknown {
  if (!isObject(value)) return value;
  const step: Record<string, unknown> = { ...value };
  if (step['usage'] === undefined) step['usage'] = null;
  const details = step['step_details'];
  if (isObject(details) && Array.isArray(details['tool_calls'])) {
    step['step_details'] = { ...details, tool_calls: (details['tool_calls'] as unknown[]).map(modernisedCall) };
  }
  return step;
}

/** One tool call of a historical step, made current (see `modernised`). */
function modernisedCall(call: unknown): unknown {
  if (!isObject(call)) return call;
  if (call['type'] === 'retrieval') {
    const { retrieval, ...rest } = call;
    // An object whose every value can be read (`UNREADABLE` stands for one that cannot).
    const readable = isObject(retrieval) && Object.values(retrieval).every((item) => typeof item !== 'symbol');
    const body = readable ? {} : retrieval;
    return body === undefined ? { ...rest, type: 'file_search' } : { ...rest, type: 'file_search', file_search: body };
  }
  const body = call['function'];
  if (call['type'] === 'function' && isObject(body) && body['output'] === undefined) {
    return { ...call, function: { ...body, output: null } };
  }
  return call;
}

/** A list response: `{object: "list", data, first_id, last_id, has_more}`, every item judged by `item`. */
function listReference(item: (value: unknown) => boolean): (value: unknown) => boolean {
  return (value: unknown): boolean => {
    if (!isObject(value) || value['object'] !== 'list') return false;
    const data = value['data'];
    if (!Array.isArray(data)) return false;
    for (let index = 0; index < data.length; index++) if (!item(data[index])) return false;
    const ids = [value['first_id'], value['last_id']];
    return ids.every((id) => id === null || typeof id === 'string') && typeof value['has_more'] === 'boolean';
  };
}

/** The archive roots' references, from the spec's run step reference. */
export function archiveReferences(
  reference: Record<RootName, (value: unknown) => boolean>,
): Record<(typeof ARCHIVE_ROOTS)[number], (value: unknown) => boolean> {
  const historical = (value: unknown) => reference.isRunStepObject(modernised(value));
  return {
    isHistoricalRunStepObject: historical,
    isAnyRunStepObject: historical,
    isAnyRunStepList: listReference(historical),
  };
}

/** What every root with a check under test must answer: the spec's references and the archives'. */
export function verdicts(): Record<CheckRoot, (value: unknown) => boolean> {
  const reference = referenceValidators();
  return { ...reference, ...archiveReferences(reference) };
}
