// Part of `npm run lint`: every name that src/index.ts exports must have a one-line doc comment, a row
// in the README's API table, a tsd type test under test-d/, and (for values) a runtime test under test/.
// The same for the subpath entry src/azure/index.ts, whose rows are in the README's own table for it.
// The export list comes from the TypeScript compiler, so a re-export cannot slip past it.
import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';

/** Each entry, and the heading of the README section whose table lists its exports. */
const ENTRIES = [
  ['src/index.ts', '## API'],
  ['src/azure/index.ts', '## Azure profile API'],
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
const readme = readFileSync('README.md', 'utf8');
const typeTests = readAll('test-d', '.test-d.ts');
const runtimeTests = readAll('test', '.test.ts');
const mentions = (text, name) => new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`).test(text);
const problems = [];
let total = 0;
for (const [file, heading] of ENTRIES) {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start === -1) {
    problems.push(`README.md has no "${heading}" section for ${file}`);
    continue;
  }
  const apiTable = readme.slice(start + 1, readme.indexOf('\n## ', start + 1));
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
    const doc = ts.displayPartsToString(target.getDocumentationComment(checker)).trim();
    if (doc === '') problems.push(`${name}: no doc comment`);
    if (!tableNames.has(name)) problems.push(`${name}: no row in the README's API table`);
    if (!mentions(typeTests, name)) problems.push(`${name}: no type test in test-d/`);
    if (isValue && !mentions(runtimeTests, name)) problems.push(`${name}: no runtime test in test/`);
  }
  // And the table lists nothing that is not exported.
  const names = new Set(exported.map((symbol) => symbol.getName()));
  for (const name of tableNames) {
    if (!names.has(name)) problems.push(`${name}: in the README's API table but not exported`);
  }
}

if (problems.length > 0) {
  console.error(`check-api: ${problems.length} problem(s) with the public API:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-api: ${total} exports in ${ENTRIES.length} entries, each documented, in the README and tested`);
