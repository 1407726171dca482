// Differential property tests: on every input, each deep guard says what OpenAI's schemas, with exactly
// the README's wire patches, say (test/reference/). Inputs: valid values of every variant, mutations
// of them (a field removed, retyped, set to a neighbouring enum value, anywhere, inside arrays too),
// and arbitrary JSON (test/support/arbitraries.ts). `npm run fuzz` runs the same cases by the million.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VALID } from './support/arbitraries.js';
import { GUARDS, ROOTS, casesFor, disagreement } from './support/differential.js';
import { referenceValidators } from './reference/reference.js';

/** Cases per root in `npm test`: 12 roots, 12,000 cases in all, a few seconds. */
const RUNS = 1000;

describe('each deep guard agrees with the reference', () => {
  it.each(ROOTS)('%s, on valid values, their mutations and arbitrary JSON', (root) => {
    fc.assert(
      fc.property(casesFor(root), (testCase) => {
        expect(disagreement(testCase)).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the generated valid values', () => {
  it.each(ROOTS)('of %s are valid for the reference and the guard alike', (root) => {
    const reference = referenceValidators()[root];
    fc.assert(
      fc.property(VALID[root], (value) => {
        expect(reference(value), JSON.stringify(reference.errors)).toBe(true);
        expect(GUARDS[root](value)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
