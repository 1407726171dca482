// Child of bench/instructions.ts, run under valgrind: warms isRunStepObject up on the whole corpus,
// then calls it `calls` times on one input. Plain JavaScript, so that nothing but node runs under valgrind.
import { readFileSync } from 'node:fs';
import { isRunStepObject } from '../dist/index.js';

const [corpusFile, index, calls] = process.argv.slice(2);
const corpus = JSON.parse(readFileSync(corpusFile, 'utf8'));
let kept = 0;
for (let round = 0; round < 20_000; round++) for (const value of corpus) kept += isRunStepObject(value) ? 1 : 0;
const value = corpus[Number(index)];
for (let call = 0; call < Number(calls); call++) kept += isRunStepObject(value) ? 1 : 0;
console.log(kept);
