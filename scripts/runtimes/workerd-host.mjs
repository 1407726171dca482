// Runs worker.mjs in workerd through Miniflare's API, and prints its answer as one line for the runner.
// Run with Node 22 or later (Miniflare's requirement): node workerd-host.mjs MINIFLARE_DIR CONSUMER_DIR PACKAGE_FILE
// COMPATIBILITY_DATE AZURE_FILE
// PACKAGE_FILE is the module a Worker bundler picks for the package; it is given the package's name, so that
// worker.mjs imports it by name as a user's Worker does. AZURE_FILE, the azure subpath's module, gets the flat
// name openai-run-step-guards-azure: workerd resolves a bare import inside a module named `a/b` from the folder
// `a/`, so under its real name its own import of the root would miss (a bundler such as wrangler's resolves
// both by the package's exports instead).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [miniflareDir, consumerDir, packageFile, compatibilityDate, azureFile] = process.argv.slice(2);
const { Miniflare } = await import(
  pathToFileURL(createRequire(join(miniflareDir, 'package.json')).resolve('miniflare')).href
);
const module = (name, contents) => ({ type: 'ESModule', path: join(consumerDir, name), contents });
const miniflare = new Miniflare({
  modulesRoot: consumerDir,
  modules: [
    module('worker.mjs', readFileSync(join(consumerDir, 'worker.mjs'))),
    module('smoke.mjs', readFileSync(join(consumerDir, 'smoke.mjs'))),
    module('payload.mjs', readFileSync(join(consumerDir, 'payload.mjs'))),
    module('openai-run-step-guards', readFileSync(packageFile)),
    module('openai-run-step-guards-azure', readFileSync(azureFile)),
  ],
  compatibilityDate,
  // No request.cf data: Miniflare would otherwise download it.
  cf: false,
});
try {
  const response = await miniflare.dispatchFetch('http://localhost/');
  console.log(`SMOKE ${await response.text()}`);
} finally {
  await miniflare.dispose();
}
