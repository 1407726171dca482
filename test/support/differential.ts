// What "the checks and the reference agree" means, shared by test/differential.test.ts and `npm run fuzz`:
// every check of test/support/checks.ts (each deep guard, and each validator once they exist) gives the
// verdict of its reference root.
import fc from 'fast-check';
import {
  REFERENCE_ROOTS,
  referenceValidators,
  type ReferenceValidator,
  type RootName,
} from '../reference/reference.js';
import { inputsFor } from './arbitraries.js';
import { CHECKS, type Check } from './checks.js';

/** Every root that has both a deep guard and a reference validator. */
export const ROOTS = Object.keys(REFERENCE_ROOTS) as RootName[];

/** The checks of each root. */
const CHECKS_BY_ROOT = new Map<RootName, Check[]>(
  ROOTS.map((root) => [root, CHECKS.filter((check) => check.root === root)]),
);

/** One differential case: a root and a value to judge by it. */
export interface Case {
  readonly root: RootName;
  readonly value: unknown;
}

/** The cases for one root. */
export const casesFor = (root: RootName): fc.Arbitrary<Case> => inputsFor(root).map((value) => ({ root, value }));

/**
 * The cases for every root, weighted by how much each holds: a run step (which holds every other root)
 * four times as often as a leaf, step details and tool calls twice.
 */
export const allCases: fc.Arbitrary<Case> = fc.oneof(
  ...ROOTS.map((root) => ({
    weight: root === 'isRunStepObject' ? 4 : /Details$|ToolCall$|List$/.test(root) ? 2 : 1,
    arbitrary: casesFor(root),
  })),
);

/**
 * `undefined` when every check of the case's root agrees with the reference on its value, without
 * throwing; else which check said what (or threw), and why the reference disagrees. `validators` defaults to the full reference (all
 * wire patches).
 */
export function disagreement(
  { root, value }: Case,
  validators: Record<RootName, ReferenceValidator> = referenceValidators(),
): string | undefined {
  const reference = validators[root];
  const expected = reference(value);
  const wrong: string[] = [];
  const broken: string[] = [];
  for (const { name, check } of CHECKS_BY_ROOT.get(root)!) {
    try {
      if (check(value) !== expected) wrong.push(name);
    } catch (error) {
      // A check that throws (or a validator whose answer does not hold together) is always wrong.
      broken.push(`${name} threw ${String(error)}`);
    }
  }
  if (wrong.length === 0 && broken.length === 0) return undefined;
  const errors = (reference.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`);
  const why = expected ? 'the reference accepts it' : `the reference rejects it: ${errors.join('; ')}`;
  const returned = wrong.length === 0 ? [] : [`${wrong.join(', ')} returned ${!expected}, but ${why}`];
  return [...returned, ...broken].join('; ');
}
