// `npm run size`: what the package costs in a user's bundle, minified and gzipped. Each entry is
// bundled from dist/index.js with esbuild (tree-shaken, minified), then gzipped at level 9.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

const entries = {
  'whole bundle (every export)': "export * from './dist/index.js';",
  'isRunStepObject alone': "export { isRunStepObject } from './dist/index.js';",
  'isToolCall alone': "export { isToolCall } from './dist/index.js';",
  'matchStatus + assertNever': "export { matchStatus, assertNever } from './dist/index.js';",
  'isRunStepStreamEvent alone': "export { isRunStepStreamEvent } from './dist/index.js';",
  'createRunStepAccumulator alone': "export { createRunStepAccumulator } from './dist/index.js';",
};

/** The minified and the gzipped size of one entry, in bytes. */
export async function measure(contents) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    legalComments: 'none',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

const rows = [];
for (const [name, contents] of Object.entries(entries)) rows.push({ name, ...(await measure(contents)) });
const width = Math.max(...rows.map(({ name }) => name.length));
for (const { name, minified, gzipped } of rows) {
  console.log(
    `${name.padEnd(width)}  ${String(minified).padStart(6)} B min  ${String(gzipped).padStart(5)} B min+gzip`,
  );
}
