// The checks under test, one line each: every deep guard (and, once they exist, every validator read
// as a boolean), with the reference root that says what it must answer. The hostile-input, prototype
// pollution and differential tests are all driven by this list, so a new root or a new validator is one
// more line here.
import * as api from '../../src/index.js';
import { REFERENCE_ROOTS, referenceValidators, type RootName } from '../reference/reference.js';
import { getAt, walk } from './corrupt.js';
import { acceptedRunSteps } from './fixtures.js';

/** One check under test: `true` for a value it accepts. */
export interface Check {
  /** The export's name. */
  readonly name: string;
  /** The reference root whose verdict it must give. */
  readonly root: RootName;
  readonly check: (value: unknown) => boolean;
}

/** A deep guard, checked as it is. */
const guard = (root: RootName): Check => ({ name: root, root, check: api[root] });

/** Every check under test. */
export const CHECKS: readonly Check[] = [...(Object.keys(REFERENCE_ROOTS) as RootName[]).map(guard)];

/**
 * For each root, the richest valid value in the fixtures (recorded, spec examples, synthetic): the part
 * with the most paths among those the reference accepts for that root. Hostile tests start from these.
 */
export const SAMPLES: { readonly [Root in RootName]: unknown } = (() => {
  const reference = referenceValidators();
  const best = new Map<RootName, { size: number; value: unknown }>();
  for (const { step } of acceptedRunSteps()) {
    for (const path of [[], ...walk(step)]) {
      const value = getAt(step, path);
      if (typeof value !== 'object' || value === null) continue;
      const size = [...walk(value)].length;
      for (const root of Object.keys(REFERENCE_ROOTS) as RootName[]) {
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
  ) as Record<RootName, any>;
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
  for (const root of ['isRunStepObject', 'isRunStepDetails', 'isToolCallsStepDetails'] as const) {
    if (!reference[root](samples[root])) throw new Error(`the composite ${root} sample is not valid`);
  }
  return structuredClone(samples);
})();
