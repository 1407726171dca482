// Part of `npm run lint`: every name that src/index.ts exports must have a one-line doc comment, a row
// in a table of docs/api.md, a tsd type test under test-d/, and (for values) a runtime test under test/.
// The same for the subpath entry src/azure/index.ts, whose rows are in the "Azure profile API" table of
// docs/providers.md; and for src/migrate/index.ts, the "Migration API" section of docs/api.md (which the root's
// check leaves out). The README's API index is rendered from those tables (`npm run readme`).
// The export list comes from the TypeScript compiler, so a re-export cannot slip past it.
import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';

/**
 * Each entry, the doc whose tables list its exports, and the heading of that doc's section (or the whole doc, but
 * for the sections of the other entries).
 */
const MIGRATION_API = '## Migration API: `openai-run-step-guards/migrate`';
const ENTRIES = [
  ['src/index.ts', 'docs/api.md', undefined],
  ['src/azure/index.ts', 'docs/providers.md', '## Azure profile API'],
  ['src/migrate/index.ts', 'docs/api.md', MIGRATION_API],
];
/** The section of `text` under `heading`, up to the next `## ` heading; `undefined` when there is none. */
const section = (text, heading) => {
  const start = text.indexOf(`\n${heading}\n`);
  if (start === -1) return undefined;
  const end = text.indexOf('\n## ', start + 1);
  return { start, end: end === -1 ? text.length : end };
};
const program = ts.createProgram(
  ENTRIES.map(([file]) => file),
  { strict: true, noEmit: true, types: [] },
);
const checker = program.getTypeChecker();

const readAll = (folder, suffix) =>
  readdirSync(folder, { recursive: true })
    .filter((file) => String(file).endsWith(suffix))
    .map((file) => readFileSync(`${folder}/${file}`, 'utf8'))
    .join('\n');
const typeTests = readAll('test-d', '.test-d.ts');
const runtimeTests = readAll('test', '.test.ts');
const mentions = (text, name) => new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`).test(text);
const problems = [];
let total = 0;
for (const [file, doc, heading] of ENTRIES) {
  let text = readFileSync(doc, 'utf8');
  if (heading === undefined) {
    // The whole doc, but for the sections other entries own.
    for (const [, otherDoc, otherHeading] of ENTRIES) {
      const other = otherDoc === doc && otherHeading !== undefined ? section(text, otherHeading) : undefined;
      if (other !== undefined) text = text.slice(0, other.start) + text.slice(other.end);
    }
  }
  const found = heading === undefined ? { start: 0, end: text.length } : section(text, heading);
  if (found === undefined) {
    problems.push(`${doc} has no "${heading}" section for ${file}`);
    continue;
  }
  const apiTable = text.slice(found.start + 1, found.end);
  const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file)));
  total += exported.length;
  // The names in the first cell of each row of the API table: a row may document several names.
  const tableNames = new Set(
    apiTable
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .flatMap((line) => [...line.split('|')[1].matchAll(/`([A-Za-z_$][\w$]*)`/g)].map((match) => match[1])),
  );

  for (const symbol of exported) {
    const name = symbol.getName();
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const isValue = (target.flags & ts.SymbolFlags.Value) !== 0;
    const comment = ts.displayPartsToString(target.getDocumentationComment(checker)).trim();
    if (comment === '') problems.push(`${name}: no doc comment`);
    if (!tableNames.has(name)) problems.push(`${name}: no row in ${doc}'s API tables`);
    if (!mentions(typeTests, name)) problems.push(`${name}: no type test in test-d/`);
    if (isValue && !mentions(runtimeTests, name)) problems.push(`${name}: no runtime test in test/`);
  }
  // And the table lists nothing that is not exported.
  const names = new Set(exported.map((symbol) => symbol.getName()));
  for (const name of tableNames) {
    if (!names.has(name)) problems.push(`${name}: in ${doc}'s API tables but not exported from ${file}`);
  }
}

if (problems.length > 0) {
  console.error(`check-api: ${problems.length} problem(s) with the public API:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `check-api: ${total} exports in ${ENTRIES.length} entries, each documented, in docs/api.md or docs/providers.md, and tested`,
);
