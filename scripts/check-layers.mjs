// Part of `npm run lint`: the files of src/ import one another in one direction only. It reads every
// `src/**/*.ts` file, builds the graph of its relative imports (`'../x.js'` is `x.ts`; type-only imports,
// `export ... from` and `import('...')` count as much as value imports, since a type cycle tangles the
// declarations just as a value cycle tangles the bundle), and fails on:
// - any import cycle, printed as `src/a.ts -> src/b.ts -> src/a.ts`;
// - any import against the layer order below, printed as `file -> imported (layer X may not import layer Y)`;
// - any file no layer covers ("no layer for src/x.ts"), so that a new folder has to be placed on purpose;
// - any relative import that leaves src/ or names no file.
//
// The layers, lowest first. A file may import files of its own layer or of lower layers, never higher:
//   0. base:        src/internal/ (the read protocol and its helpers; imports only src/internal/)
//   1. vocabulary:  src/diagnostics/, src/enums.ts, src/types.ts
//   2. guards:      src/guards/ (OpenAI's checks)
//   3. checks:      src/archive/, src/streaming/, src/extension/, src/helpers/, src/migrate/ (the other checks)
//   4. provider:    src/azure/, except src/azure/index.ts (a provider's checks)
//   5. entries:     src/index.ts, src/azure/index.ts (the index.ts of each folder that package.json `exports`
//                   publishes; the list is ENTRIES below)
// Why: there is one copy of the read state (src/internal/), and a guard bundles no validator machinery it
// does not use, which holds only while nothing low reaches up for something high. ARCHITECTURE.md says more.
//
// Usage: node scripts/check-layers.mjs [--root <dir>]   (default: the repository's src/)
// Prints one line on success; on failure, every problem on stderr and exit code 1.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The entry points, relative to the root: the files package.json `exports` publishes. */
const ENTRIES = ['index.ts', 'azure/index.ts', 'migrate/index.ts'];

/** Each layer, lowest first: its name, and the folders (ending in `/`) and files it holds. */
const LAYERS = [
  { name: 'base', paths: ['internal/'] },
  { name: 'vocabulary', paths: ['diagnostics/', 'enums.ts', 'types.ts'] },
  { name: 'guards', paths: ['guards/'] },
  { name: 'checks', paths: ['archive/', 'streaming/', 'extension/', 'helpers/', 'migrate/'] },
  { name: 'provider', paths: ['azure/'] },
  { name: 'entries', paths: ENTRIES },
];

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
if (rootAt !== -1 && args[rootAt + 1] === undefined) {
  console.error('check-layers: --root needs a directory');
  process.exit(2);
}
const root = resolve(
  rootAt === -1 ? join(dirname(fileURLToPath(import.meta.url)), '..', 'src') : (args[rootAt + 1] ?? ''),
);

/** A file's path relative to the root, with `/` on every platform. */
const key = (file) => relative(root, file).split(sep).join('/');
/** How a file is named in messages: as under src/, whatever the root is, since the layers are named so. */
const shown = (name) => `src/${name}`;

/**
 * The layer of a file (its index in LAYERS), or -1 when no layer covers it. Entries are looked up first,
 * since src/azure/index.ts is an entry while the rest of src/azure/ is not.
 */
function layerOf(name) {
  if (ENTRIES.includes(name)) return LAYERS.length - 1;
  for (let layer = 0; layer < LAYERS.length - 1; layer++) {
    for (const path of LAYERS[layer].paths) {
      if (path.endsWith('/') ? name.startsWith(path) : name === path) return layer;
    }
  }
  return -1;
}

/**
 * Every module specifier a file names, from the syntax tree rather than a regular expression, so that
 * multi-line imports, `export * as x from`, `import type`, `import('...')` types and calls, and
 * `import x = require('...')` are all found, and comments and strings are not.
 */
function specifiers(file) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression)) found.push(expression.text);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal)) found.push(argument.literal.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument !== undefined && ts.isStringLiteralLike(argument)) found.push(argument.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The `.ts` file a relative specifier names (`./x.js` is `x.ts`), or undefined when there is none. */
function resolveImport(from, specifier) {
  const target = resolve(dirname(from), specifier);
  const candidates = target.endsWith('.js')
    ? [target.replace(/\.js$/, '.ts')]
    : [target, `${target}.ts`, join(target, 'index.ts')];
  return candidates.find((candidate) => {
    try {
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

const files = readdirSync(root, { recursive: true })
  .map((file) => String(file).split(sep).join('/'))
  .filter((file) => file.endsWith('.ts'))
  .sort();
const problems = [];
/** The graph: each file's name, to the sorted names of the files it imports. */
const graph = new Map();
let imports = 0;

for (const name of files) {
  if (layerOf(name) === -1) {
    problems.push(`no layer for ${shown(name)} (place its folder in a layer: scripts/check-layers.mjs)`);
  }
  const file = join(root, name);
  const targets = new Set();
  for (const specifier of specifiers(file)) {
    if (!specifier.startsWith('./') && !specifier.startsWith('../')) continue;
    const target = resolveImport(file, specifier);
    if (target === undefined) {
      problems.push(`${shown(name)} imports '${specifier}', which names no .ts file`);
      continue;
    }
    const targetName = key(target);
    if (targetName.startsWith('../')) {
      problems.push(`${shown(name)} imports '${specifier}', which is outside src/`);
      continue;
    }
    targets.add(targetName);
  }
  graph.set(name, [...targets].sort());
  imports += targets.size;
}

// Imports against the layer order.
for (const [name, targets] of graph) {
  const layer = layerOf(name);
  if (layer === -1) continue;
  for (const target of targets) {
    const targetLayer = layerOf(target);
    if (targetLayer > layer) {
      problems.push(
        `${shown(name)} -> ${shown(target)} (layer ${layer} ${LAYERS[layer].name} may not import ` +
          `layer ${targetLayer} ${LAYERS[targetLayer].name})`,
      );
    }
  }
}

// Cycles: the strongly connected components of the graph (Tarjan's algorithm), and one cycle through each
// component that has more than one file, or a file that imports itself.
const index = new Map();
const lowLink = new Map();
const stack = [];
const onStack = new Set();
const components = [];
let counter = 0;
function connect(name) {
  index.set(name, counter);
  lowLink.set(name, counter);
  counter++;
  stack.push(name);
  onStack.add(name);
  for (const target of graph.get(name) ?? []) {
    if (!index.has(target)) {
      connect(target);
      lowLink.set(name, Math.min(lowLink.get(name), lowLink.get(target)));
    } else if (onStack.has(target)) {
      lowLink.set(name, Math.min(lowLink.get(name), index.get(target)));
    }
  }
  if (lowLink.get(name) === index.get(name)) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== name);
    components.push(component);
  }
}
for (const name of graph.keys()) if (!index.has(name)) connect(name);

/** The shortest cycle from `start` back to itself inside one component (breadth first). */
function cycleThrough(start, members) {
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const name = queue.shift();
    for (const target of graph.get(name) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at = name; at !== start; at = previous.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(target)) {
        previous.set(target, name);
        queue.push(target);
      }
    }
  }
  return [start, start];
}
for (const component of components) {
  const members = new Set(component);
  const [first] = [...component].sort();
  if (component.length > 1 || (graph.get(first) ?? []).includes(first)) {
    problems.push(`import cycle: ${cycleThrough(first, members).map(shown).join(' -> ')}`);
  }
}

if (problems.length > 0) {
  console.error(`check-layers: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${root}`);
  for (const problem of problems) console.error(`  ${problem}`);
  console.error(
    'The layers, lowest first (a file imports its own layer or lower ones): ' +
      LAYERS.map((layer, at) => `${at} ${layer.name}`).join(', ') +
      '. See "## Layers" in ARCHITECTURE.md for what to do.',
  );
  process.exit(1);
}
console.log(`layers: ${files.length} files, ${imports} imports, no cycles, no imports against the layer order`);
