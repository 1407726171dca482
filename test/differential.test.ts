// Differential property tests: on every input, each deep guard, validator, assertion and Standard Schema
// says what OpenAI's schemas, with exactly the README's wire patches, say (test/reference/); a validator
// fails with issues exactly when the reference rejects (test/support/checks.ts). Inputs: valid values of every variant, mutations
// of them (a field removed, retyped, set to a neighbouring enum value, anywhere, inside arrays too),
// and arbitrary JSON (test/support/arbitraries.ts). `npm run fuzz` runs the same cases by the million.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VALID } from './support/arbitraries.js';
import { CHECKS } from './support/checks.js';
import { ROOTS, allCases, casesFor, disagreement } from './support/differential.js';
import { WIRE_PATCHES } from './reference/patches.js';
import { referenceValidators } from './reference/reference.js';
import { HEAVY_TIMEOUT } from './support/timeouts.js';

/** Cases per root in `npm test`: 25 roots, 25,000 cases in all, a few seconds. */
const RUNS = 1000;

describe('each deep guard (and validator) agrees with the reference', { timeout: HEAVY_TIMEOUT }, () => {
  it.each(ROOTS)('%s, on valid values, their mutations and arbitrary JSON', (root) => {
    fc.assert(
      fc.property(casesFor(root), (testCase) => {
        expect(disagreement(testCase)).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the generated valid values', { timeout: HEAVY_TIMEOUT }, () => {
  it.each(ROOTS)('of %s are valid for the reference and its checks alike', (root) => {
    const reference = referenceValidators()[root];
    fc.assert(
      fc.property(VALID[root], (value) => {
        expect(reference(value), JSON.stringify(reference.errors)).toBe(true);
        for (const check of CHECKS) if (check.root === root) expect(check.check(value), check.name).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe(
  'the generated cases are sharp enough to notice any one wire patch missing',
  { timeout: HEAVY_TIMEOUT },
  () => {
    it.each(WIRE_PATCHES.map(({ name }) => [name]))('without %s, they find a disagreement', (name) => {
      const without = referenceValidators({ without: [name] });
      const details = fc.check(
        fc.property(allCases, (testCase) => disagreement(testCase, without) === undefined),
        // A fixed seed: this is a measure of the generators, not a search; 5,000 cases at most.
        { numRuns: 5000, seed: 1, endOnFailure: true },
      );
      expect(details.failed).toBe(true);
    });
  },
);
