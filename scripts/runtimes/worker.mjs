// workerd: a Worker that runs the smoke program on each request and answers with the result.
import * as pkg from 'openai-run-step-guards';
// The azure subpath's module, under the flat name workerd-host.mjs gives it (see there why).
import * as azure from 'openai-run-step-guards-azure';
import step from './payload.mjs';
import { report } from './smoke.mjs';

export default {
  fetch() {
    return new Response(JSON.stringify(report(pkg, step, undefined, azure)), {
      headers: { 'content-type': 'application/json' },
    });
  },
};
