// The ajv options of the reference validator, shared by the tests (reference.ts) and the bench's ajv peer
// (bench/peers/ajv.ts), so that the two compile OpenAI's schemas the same way.
import type { Options } from 'ajv';

export const AJV_OPTIONS: Options = {
  // Strict mode stays on, so that a keyword ajv does not know fails loudly instead of being ignored;
  // the spec's own annotation keywords are declared as such below.
  strict: true,
  // "Integers as integers": JSON Schema's `integer` and `number` describe JSON numbers, which are
  // never NaN or Infinity. Without this option ajv lets `Infinity` pass as an integer and both
  // `NaN` and `Infinity` as numbers. With it, `integer` means exactly `Number.isInteger` and `number`
  // means `Number.isFinite`: a reading of the spec, not a departure from it, so not a wire patch.
  strictNumbers: true,
  // The spec's `format: unixtime` (on integer timestamps) says how to read the integer, not which
  // integers are valid: it constrains nothing beyond `type: integer`.
  formats: { unixtime: true },
  keywords: ['x-oaiMeta', 'x-oaiTypeLabel', 'x-stainless-const'],
  // The first error is enough to say why a value was rejected, and it is faster.
  allErrors: false,
};
