// Child of bench/instructions.ts, run under valgrind: warms a check (isRunStepObject of dist/ or of another
// build, or a peer's `is`) up on the whole corpus, then calls it `calls` times on one input. Plain
// JavaScript, so that nothing but node runs under valgrind.
// Every call goes through `run`, warm-up included, so `run` is compiled (with the check inlined into it)
// before the measured calls: what is counted is the steady state, not the compiler's work.
import { readFileSync } from 'node:fs';

const [corpusFile, index, calls, module = '../dist/index.js', name = 'isRunStepObject'] = process.argv.slice(2);
const { [name]: check } = await import(new URL(module, import.meta.url).href);
const corpus = JSON.parse(readFileSync(corpusFile, 'utf8'));

function run(value, times) {
  let kept = 0;
  for (let call = 0; call < times; call++) kept += check(value) ? 1 : 0;
  return kept;
}

let kept = 0;
for (let round = 0; round < 20_000; round++) for (const value of corpus) kept += run(value, 1);
kept += run(corpus[Number(index)], Number(calls));
console.log(kept);
