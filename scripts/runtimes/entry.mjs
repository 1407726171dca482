// Node (import), Bun and Deno: the package through `import`, the result printed as one line for the runner.
import * as pkg from 'openai-run-step-guards';
import * as azure from 'openai-run-step-guards/azure';
import step from './payload.mjs';
import { report } from './smoke.mjs';

// Which file the import loaded (import.meta.resolve is missing on some older runtimes: then unknown).
const resolved =
  typeof import.meta.resolve === 'function' ? String(import.meta.resolve('openai-run-step-guards')) : undefined;
console.log(`SMOKE ${JSON.stringify(report(pkg, step, resolved, azure))}`);
