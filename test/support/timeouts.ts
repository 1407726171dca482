// How long a heavy test may take. vitest's default, 5 s, is about 5x what the slowest library test takes
// on an idle machine, and CI runs on a busy 2-core one: issue 14 saw the million-item cases of
// test/hostile.test.ts go from 1 s to 6.6 s under load, and fail. Every test that does heavy work (a
// million items, a child process, thousands of generated cases, a whole stream replayed through the SDK)
// gets this instead, a dozen times its worst time under load.

/** The timeout of a heavy test, in milliseconds. */
export const HEAVY_TIMEOUT = 60_000;
