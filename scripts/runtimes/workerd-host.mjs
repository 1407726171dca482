// Runs worker.mjs in workerd through Miniflare's API, and prints its answer as one line for the runner.
// Run with Node 22 or later (Miniflare's requirement): node workerd-host.mjs MINIFLARE_DIR CONSUMER_DIR PACKAGE_FILE
// COMPATIBILITY_DATE AZURE_FILE
// PACKAGE_FILE is the module a Worker bundler picks for the package; it is given the package's name, so that
// worker.mjs imports it by name as a user's Worker does. AZURE_FILE, the azure subpath's module, gets the flat
// name openai-run-step-guards-azure: both import the library's shared chunks by relative paths (./chunks/...,
// beside them in dist/), and workerd resolves those from the folder of the importing module's name, so both
// names must sit in one folder, with the chunks under chunks/ (a bundler such as wrangler's follows the same
// relative imports in the installed package instead).
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [miniflareDir, consumerDir, packageFile, compatibilityDate, azureFile] = process.argv.slice(2);
const { Miniflare } = await import(
  pathToFileURL(createRequire(join(miniflareDir, 'package.json')).resolve('miniflare')).href
);
const module = (name, contents) => ({ type: 'ESModule', path: join(consumerDir, name), contents });
// The shared chunks of the package file's format, which it and AZURE_FILE import as ./chunks/NAME.
const chunksDir = join(dirname(packageFile), 'chunks');
const chunks = readdirSync(chunksDir)
  .filter((name) => extname(name) === extname(packageFile))
  .map((name) => module(`chunks/${name}`, readFileSync(join(chunksDir, name))));
const miniflare = new Miniflare({
  modulesRoot: consumerDir,
  modules: [
    module('worker.mjs', readFileSync(join(consumerDir, 'worker.mjs'))),
    module('smoke.mjs', readFileSync(join(consumerDir, 'smoke.mjs'))),
    module('payload.mjs', readFileSync(join(consumerDir, 'payload.mjs'))),
    module('openai-run-step-guards', readFileSync(packageFile)),
    module('openai-run-step-guards-azure', readFileSync(azureFile)),
    ...chunks,
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
