// Child of bench/instructions.ts, run under valgrind: warms isRunStepObject up on the whole corpus,
// then calls it `calls` times on one input. Plain JavaScript, so that nothing but node runs under valgrind.
// Every call goes through `run`, warm-up included, so `run` is compiled (with the guard inlined into it)
// before the measured calls: what is counted is the steady state, not the compiler's work.
import { readFileSync } from 'node:fs';

const [corpusFile, index, calls, dist = '../dist/index.js'] = process.argv.slice(2);
const { isRunStepObject } = await import(new URL(dist, import.meta.url).href);
const corpus = JSON.parse(readFileSync(corpusFile, 'utf8'));

function run(value, times) {
  let kept = 0;
  for (let call = 0; call < times; call++) kept += isRunStepObject(value) ? 1 : 0;
  return kept;
}

let kept = 0;
for (let round = 0; round < 20_000; round++) for (const value of corpus) kept += run(value, 1);
kept += run(corpus[Number(index)], Number(calls));
console.log(kept);
