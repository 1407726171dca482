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

/** Every name src/index.ts exports, values and types, as check-api.mjs lists them. */
export function exportedNames() {
  const program = ts.createProgram(['src/index.ts'], { strict: true, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const entry = checker.getSymbolAtLocation(program.getSourceFile('src/index.ts'));
  return checker.getExportsOfModule(entry).map((symbol) => symbol.getName());
}

/** The names a file imports from the package, by their exported names. */
export function importedNames(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const names = new Set();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    if (statement.moduleSpecifier.text !== 'openai-run-step-guards') continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) names.add((element.propertyName ?? element.name).text);
    }
  }
  return names;
}

const imported = importedNames(CONSUMER);
const missing = exportedNames().filter((name) => !imported.has(name));
if (missing.length > 0) {
  console.error(
    `consumer uses every export: ${CONSUMER} does not import ${missing.length} export(s) of the package: ` +
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
console.log(`check-consumer: ${CONSUMER} imports all ${imported.size} exports and compiles (bundler, nodenext)`);
