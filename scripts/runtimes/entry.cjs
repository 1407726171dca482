// Node and Bun: the package through `require`; the smoke program itself is an ES module, loaded with import().
const pkg = require('openai-run-step-guards');
const azure = require('openai-run-step-guards/azure');

const resolved = require.resolve('openai-run-step-guards');
Promise.all([import('./payload.mjs'), import('./smoke.mjs')]).then(([payload, smoke]) => {
  console.log(`SMOKE ${JSON.stringify(smoke.report(pkg, payload.default, resolved, azure))}`);
});
