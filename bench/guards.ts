// `npm run bench`: times the built package's guards (dist/, what users import) on the corpus.
// Results are kept alive with do_not_optimize so that no engine can drop the work.
import { bench, do_not_optimize, group, run, summary } from 'mitata';
import { isRunStepObject } from '../dist/index.js';
import { corpus } from './corpus.js';

for (const { name, value, valid } of corpus) {
  if (isRunStepObject(value) !== valid) throw new Error(`isRunStepObject is wrong on "${name}": expected ${valid}`);
}

// Warm up on the whole corpus first, as a guard in a real program sees mixed inputs: the engine then
// optimizes once for all shapes, and no timing depends on which input happened to be measured first.
for (let round = 0; round < 20_000; round++) for (const { value } of corpus) do_not_optimize(isRunStepObject(value));

group('isRunStepObject', () => {
  summary(() => {
    for (const { name, value } of corpus) bench(name, () => do_not_optimize(isRunStepObject(value)));
  });
});

await run();
