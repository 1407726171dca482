// workerd: a Worker that runs the smoke program on each request and answers with the result.
import * as pkg from 'openai-run-step-guards';
import step from './payload.mjs';
import { report } from './smoke.mjs';

export default {
  fetch() {
    return new Response(JSON.stringify(report(pkg, step, undefined)), {
      headers: { 'content-type': 'application/json' },
    });
  },
};
