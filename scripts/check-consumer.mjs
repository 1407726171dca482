// Part of `npm test` (test:package): test/consumer/consumer.ts, a user's code, must import every export of
// the package ("consumer uses every export"), and must compile, with the project's TypeScript, under
// moduleResolution bundler and nodenext. Its tsconfig has noUnusedLocals, so each import is also used.
// When you add an export, use it in test/consumer/consumer.ts. `npm run test:runtimes` compiles the same
// file with every supported TypeScript version (scripts/runtimes/run.mjs).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';

const CONSUMER = 'test/consumer/consumer.ts';

/** Each entry's source, and the specifier a user imports it by. */
const ENTRIES = [
  ['src/index.ts', 'openai-run-step-guards'],
  ['src/azure/index.ts', 'openai-run-step-guards/azure'],
  ['src/migrate/index.ts', 'openai-run-step-guards/migrate'],
];

/** Every name an entry (src/index.ts by default) exports, values and types, as check-api.mjs lists them. */
export function exportedNames(file = 'src/index.ts') {
  const program = ts.createProgram([file], { strict: true, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const entry = checker.getSymbolAtLocation(program.getSourceFile(file));
  return checker.getExportsOfModule(entry).map((symbol) => symbol.getName());
}

/** The names a file imports from the package (or `specifier`, one of its entries), by their exported names. */
export function importedNames(file, specifier = 'openai-run-step-guards') {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const names = new Set();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    if (statement.moduleSpecifier.text !== specifier) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) names.add((element.propertyName ?? element.name).text);
    }
  }
  return names;
}

let importedCount = 0;
for (const [file, specifier] of ENTRIES) {
  const imported = importedNames(CONSUMER, specifier);
  importedCount += imported.size;
  const missing = exportedNames(file).filter((name) => !imported.has(name));
  if (missing.length === 0) continue;
  console.error(
    `consumer uses every export: ${CONSUMER} does not import ${missing.length} export(s) of ${specifier}: ` +
      `${missing.join(', ')}.\nImport each there and use it as a user would (its tsconfig has noUnusedLocals).`,
  );
  process.exit(1);
}

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
for (const resolution of ['bundler', 'nodenext']) {
  const module = resolution === 'bundler' ? 'esnext' : 'nodenext';
  try {
    execFileSync(
      process.execPath,
      [tsc, '-p', 'test/consumer/tsconfig.json', '--module', module, '--moduleResolution', resolution],
      { stdio: 'inherit' },
    );
  } catch {
    console.error(`check-consumer: ${CONSUMER} does not compile with moduleResolution ${resolution}`);
    process.exit(1);
  }
}
console.log(`check-consumer: ${CONSUMER} imports all ${importedCount} exports and compiles (bundler, nodenext)`);
