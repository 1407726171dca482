// What "the guard and the reference agree" means, shared by test/differential.test.ts and `npm run fuzz`.
import fc from 'fast-check';
import * as api from '../../src/index.js';
import {
  REFERENCE_ROOTS,
  referenceValidators,
  type ReferenceValidator,
  type RootName,
} from '../reference/reference.js';
import { inputsFor } from './arbitraries.js';

/** Every root that has both a deep guard and a reference validator. */
export const ROOTS = Object.keys(REFERENCE_ROOTS) as RootName[];

/** The deep guard of each root, from the package's source. */
export const GUARDS: { readonly [Root in RootName]: (value: unknown) => boolean } = api;

/** One differential case: a root and a value to judge by it. */
export interface Case {
  readonly root: RootName;
  readonly value: unknown;
}

/** The cases for one root. */
export const casesFor = (root: RootName): fc.Arbitrary<Case> => inputsFor(root).map((value) => ({ root, value }));

/** The cases for every root, each as likely as the others. */
export const allCases: fc.Arbitrary<Case> = fc.oneof(...ROOTS.map(casesFor));

/**
 * `undefined` when the guard and the reference agree on the case, else what each said and why.
 * `validators` defaults to the full reference (all wire patches).
 */
export function disagreement(
  { root, value }: Case,
  validators: Record<RootName, ReferenceValidator> = referenceValidators(),
): string | undefined {
  const reference = validators[root];
  const expected = reference(value);
  const actual = GUARDS[root](value);
  if (actual === expected) return undefined;
  const errors = (reference.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`);
  const why = expected ? 'the reference accepts it' : `the reference rejects it: ${errors.join('; ')}`;
  return `${root} returned ${actual}, but ${why}`;
}
