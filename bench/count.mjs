// Child of bench/instructions.ts, run under valgrind: warms a check (isRunStepObject, or a peer's) up on
// the whole corpus, then calls it `calls` times on one input. Plain JavaScript, so that nothing but node
// runs under valgrind.
import { readFileSync } from 'node:fs';

const [checkFile, corpusFile, index, calls] = process.argv.slice(2);
const { check } = await import(checkFile);
const corpus = JSON.parse(readFileSync(corpusFile, 'utf8'));
let kept = 0;
for (let round = 0; round < 20_000; round++) for (const value of corpus) kept += check(value) ? 1 : 0;
const value = corpus[Number(index)];
for (let call = 0; call < Number(calls); call++) kept += check(value) ? 1 : 0;
console.log(kept);
