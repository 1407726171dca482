// `npm run size`: what the package costs in a user's bundle, minified and gzipped. Each entry is
// bundled from dist/ with esbuild (tree-shaken, minified), then gzipped at level 9.
//   --check        also compare the gzipped sizes with scripts/size-budget.json; exit 1 if one is over (part of
//                  `npm test`: the same esbuild and zlib give the same bytes on every run)
//   --set-budgets  rewrite scripts/size-budget.json to the measured sizes plus 10%, for the budgeted entries
// The size table of docs/performance.md is rendered from the same measurements (`npm run readme`, figure
// `size-table`), and test/readme.test.ts fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

/** Each measured entry: its name (the key of its budget), how the docs' table names it, and what it imports. */
export const ENTRIES = [
  ['whole bundle (every export)', 'every export', "export * from './dist/index.js';"],
  ['isRunStepObject alone', '`isRunStepObject` alone', "export { isRunStepObject } from './dist/index.js';"],
  ['isToolCall alone', '`isToolCall` alone', "export { isToolCall } from './dist/index.js';"],
  [
    'matchStatus + assertNever',
    '`matchStatus` + `assertNever`',
    "export { matchStatus, assertNever } from './dist/index.js';",
  ],
  [
    'isRunStepStreamEvent alone',
    '`isRunStepStreamEvent` alone',
    "export { isRunStepStreamEvent } from './dist/index.js';",
  ],
  [
    'createRunStepAccumulator alone',
    '`createRunStepAccumulator` alone',
    "export { createRunStepAccumulator } from './dist/index.js';",
  ],
  [
    'createRunStepGuard alone',
    '`createRunStepGuard` + `defineToolCallKind`',
    "export { createRunStepGuard, defineToolCallKind } from './dist/index.js';",
  ],
  // The Azure entry imports the root's code from the chunk it shares with dist/index.js (dist/chunks/), by a
  // relative path that esbuild follows: bundled here, with the part of the root it uses.
  [
    'openai-run-step-guards/azure (every export)',
    '`openai-run-step-guards/azure`, every export (with the root it uses)',
    "export * from './dist/azure.js';",
  ],
  [
    'isAzureRunStepObject alone',
    '`isAzureRunStepObject` alone',
    "export { isAzureRunStepObject } from './dist/azure.js';",
  ],
  ['isAzureMcpToolCall alone', '`isAzureMcpToolCall` alone', "export { isAzureMcpToolCall } from './dist/azure.js';"],
  // The migration entry, with the guard it uses by default (isRunStepObject) from the shared chunk.
  [
    'openai-run-step-guards/migrate (every export)',
    '`openai-run-step-guards/migrate`, every export (with the root it uses)',
    "export * from './dist/migrate.js';",
  ],
].map(([name, label, contents]) => ({ name, label, contents }));
const root = new URL('../', import.meta.url);
const budgetFile = new URL('./size-budget.json', import.meta.url);
// Headroom that --set-budgets leaves above a measured size: room for a small fix, not for a new feature.
export const HEADROOM = 1.1;

/** The minified and the gzipped size of one entry, in bytes. */
export async function measure(contents) {
  const result = await build({
    stdin: { contents, resolveDir: fileURLToPath(root), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    legalComments: 'none',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

/** Entry name to the most bytes it may take minified and gzipped. */
export function budgets() {
  return JSON.parse(readFileSync(budgetFile, 'utf8')).gzipped;
}

/** Every entry, measured: `{name, label, minified, gzipped, budget}` (`budget` undefined where there is none). */
export async function measureAll() {
  const limits = budgets();
  const rows = [];
  for (const entry of ENTRIES) rows.push({ ...entry, ...(await measure(entry.contents)), budget: limits[entry.name] });
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const setBudgets = process.argv.includes('--set-budgets');
  const rows = await measureAll();
  const width = Math.max(...rows.map(({ name }) => name.length));
  const problems = [];
  for (const { name, minified, gzipped, budget } of rows) {
    let verdict = '';
    if (check && budget !== undefined) {
      verdict = `  budget ${String(budget).padStart(5)} B: ${gzipped <= budget ? 'ok' : 'OVER'}`;
      if (gzipped > budget) problems.push(`${name}: ${gzipped} B min+gzip, over its budget of ${budget} B`);
    }
    console.log(
      `${name.padEnd(width)}  ${String(minified).padStart(6)} B min  ${String(gzipped).padStart(5)} B min+gzip${verdict}`,
    );
  }
  for (const name of Object.keys(budgets())) {
    if (!ENTRIES.some((entry) => entry.name === name))
      problems.push(`${name}: has a budget in scripts/size-budget.json but is not measured`);
  }
  if (setBudgets) {
    const gzipped = {};
    for (const { name, gzipped: size, budget } of rows)
      if (budget !== undefined) gzipped[name] = Math.floor(size * HEADROOM);
    const { comment } = JSON.parse(readFileSync(budgetFile, 'utf8'));
    writeFileSync(budgetFile, `${JSON.stringify({ comment, gzipped }, null, 2)}\n`);
    console.log(`size: budgets set to the measured sizes plus 10%: ${JSON.stringify(gzipped)}`);
    console.log('size: now `npm run readme` to write them into docs/performance.md');
  }
  if (problems.length > 0) {
    console.error(`size: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  if (check)
    console.log(
      `size: ${rows.length} entries measured, ${rows.filter((row) => row.budget !== undefined).length} within their budgets`,
    );
}
