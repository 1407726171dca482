// `npm run size`: what the package costs in a user's bundle, minified and gzipped. Each entry is
// bundled from dist/index.js with esbuild (tree-shaken, minified), then gzipped at level 9.
//   --check        also compare the gzipped sizes with scripts/size-budget.json; exit 1 if one is over, or
//                  if README.md does not give a budget (part of `npm test`: the same esbuild and zlib give
//                  the same bytes on every run)
//   --set-budgets  rewrite scripts/size-budget.json to the measured sizes plus 10%, for the budgeted entries
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

const entries = {
  'whole bundle (every export)': "export * from './dist/index.js';",
  'isRunStepObject alone': "export { isRunStepObject } from './dist/index.js';",
  'isToolCall alone': "export { isToolCall } from './dist/index.js';",
  'matchStatus + assertNever': "export { matchStatus, assertNever } from './dist/index.js';",
  'isRunStepStreamEvent alone': "export { isRunStepStreamEvent } from './dist/index.js';",
  'createRunStepAccumulator alone': "export { createRunStepAccumulator } from './dist/index.js';",
  'createRunStepGuard alone': "export { createRunStepGuard, defineToolCallKind } from './dist/index.js';",
  // The Azure entry imports the root by the package's name; bundled here, with the root's exports it uses.
  'openai-run-step-guards/azure (every export)': "export * from './dist/azure.js';",
};
const budgetFile = new URL('./size-budget.json', import.meta.url);
// Headroom that --set-budgets leaves above a measured size: room for a small fix, not for a new feature.
const HEADROOM = 1.1;

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

const check = process.argv.includes('--check');
const setBudgets = process.argv.includes('--set-budgets');
/** Entry name to the most bytes it may take minified and gzipped. */
const budgets = JSON.parse(readFileSync(budgetFile, 'utf8')).gzipped;

const rows = [];
for (const [name, contents] of Object.entries(entries)) rows.push({ name, ...(await measure(contents)) });
const width = Math.max(...rows.map(({ name }) => name.length));
const problems = [];
for (const { name, minified, gzipped } of rows) {
  const budget = budgets[name];
  let verdict = '';
  if (check && budget !== undefined) {
    verdict = `  budget ${String(budget).padStart(5)} B: ${gzipped <= budget ? 'ok' : 'OVER'}`;
    if (gzipped > budget) problems.push(`${name}: ${gzipped} B min+gzip, over its budget of ${budget} B`);
  }
  console.log(
    `${name.padEnd(width)}  ${String(minified).padStart(6)} B min  ${String(gzipped).padStart(5)} B min+gzip${verdict}`,
  );
}
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
for (const [name, budget] of Object.entries(budgets)) {
  if (!(name in entries)) problems.push(`${name}: has a budget in scripts/size-budget.json but is not measured`);
  // The README's size table gives each budget: it must say the one in force.
  if (check && !readme.includes(`| ${budget} B |`))
    problems.push(`${name}: README.md does not give its budget, ${budget} B`);
}

if (setBudgets) {
  const gzipped = {};
  for (const { name, gzipped: size } of rows) if (name in budgets) gzipped[name] = Math.floor(size * HEADROOM);
  const { comment } = JSON.parse(readFileSync(budgetFile, 'utf8'));
  writeFileSync(budgetFile, `${JSON.stringify({ comment, gzipped }, null, 2)}\n`);
  console.log(`size: budgets set to the measured sizes plus 10%: ${JSON.stringify(gzipped)}`);
}
if (problems.length > 0) {
  console.error(`size: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
