// Part of `npm run lint`: every name that src/index.ts exports must have a one-line doc comment, a row
// in a table of docs/api.md, a tsd type test under test-d/, and (for values) a runtime test under test/.
// The same for the subpath entry src/azure/index.ts, whose rows are in the "Azure profile API" table of
// docs/providers.md. The README's API index is rendered from those tables (`npm run readme`).
// The export list comes from the TypeScript compiler, so a re-export cannot slip past it.
import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';

/** Each entry, the doc whose tables list its exports, and the heading of that doc's section (or the whole doc). */
const ENTRIES = [
  ['src/index.ts', 'docs/api.md', undefined],
  ['src/azure/index.ts', 'docs/providers.md', '## Azure profile API'],
];
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
  const text = readFileSync(doc, 'utf8');
  const start = heading === undefined ? 0 : text.indexOf(`\n${heading}\n`);
  if (start === -1) {
    problems.push(`${doc} has no "${heading}" section for ${file}`);
    continue;
  }
  const end = heading === undefined ? text.length : text.indexOf('\n## ', start + 1);
  const apiTable = text.slice(start + 1, end === -1 ? text.length : end);
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
