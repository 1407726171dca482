// typia, ahead of time: `typia generate` (bench/setup.mjs) rewrites this file into bench/.generated/typia/,
// where the `typia.createValidate<T>()` call below has become plain checking code.
import typia from 'typia';
import type { Integer, RunStep } from './types.js';

/** typia's generated validator, which collects every issue. */
export const validate = typia.createValidate<RunStep<Integer>>();
