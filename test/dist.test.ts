// The built package, as users import it: ESM and CommonJS give the same API, the declarations match,
// and the code uses nothing a browser or an edge worker lacks. `npm test` builds before it runs this.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { posix } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as source from '../src/index.js';
import { acceptedRunSteps } from './support/fixtures.js';

const dist = new URL('../dist/', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, dist), 'utf8');

/** Every file of dist/, by its path inside dist/ ('index.js', 'chunks/core.js'). */
const distFiles = (): string[] =>
  readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(c?js|d\.c?ts)$/.test(file));

/** The specifiers a file of dist/ imports or requires: static imports and re-exports, `import()` and `require()`. */
const specifiers = (code: string): string[] =>
  Array.from(code.matchAll(/\b(?:from|import|require)\s*\(?\s*'([^']+)'/g), (match) => match[1]!);

/**
 * The files an entry loads: itself and every file of dist/ it imports or requires by a relative path, transitively,
 * as paths inside dist/. It checks each such import: it must name a file of dist/.
 */
function loadedBy(entry: string): string[] {
  const seen = new Set<string>([entry]);
  for (const file of seen) {
    for (const specifier of specifiers(read(file))) {
      if (!specifier.startsWith('./') && !specifier.startsWith('../')) continue;
      const target = posix.normalize(posix.join(posix.dirname(file), specifier));
      expect(existsSync(new URL(target, dist)), `${file} imports ${specifier}`).toBe(true);
      seen.add(target);
    }
  }
  return [...seen];
}

// The read state of src/internal/read.ts, as rollup writes its declaration (it keeps the name: nothing clashes).
const READ_STATE = /\blet _readMode\b/;

beforeAll(() => {
  if (!existsSync(new URL('index.js', dist))) throw new Error('dist/ is missing: run `npm run build` first');
});

describe('the built package', () => {
  it('exports the same names, working, from ESM and from CommonJS', async () => {
    const esm = await import('../dist/index.js');
    const cjs = createRequire(import.meta.url)('../dist/index.cjs');
    const names = Object.keys(source).sort();
    expect(Object.keys(esm).sort()).toEqual(names);
    expect(Object.keys(cjs).sort()).toEqual(names);
    for (const { step } of acceptedRunSteps()) {
      expect(esm.isRunStepObject(step)).toBe(true);
      expect(cjs.isRunStepObject(step)).toBe(true);
    }
    expect(esm.isRunStepObject({ object: 'thread.run.step' })).toBe(false);
    expect(cjs.isRunStepObject({ object: 'thread.run.step' })).toBe(false);
  });

  it('ships one declaration file per format, with the same content', () => {
    expect(read('index.d.cts')).toBe(read('index.d.ts'));
    expect(read('index.d.ts')).toMatch(/export \{[^}]*\bisRunStepObject\b/);
  });

  it('uses no Node built-in, no require but of its own chunks, and no code generated from strings', () => {
    for (const file of loadedBy('index.js')) {
      const code = read(file);
      expect(code).not.toMatch(/\bnode:|\brequire\(|\bprocess\.|\bBuffer\b/);
      expect(code).not.toMatch(/\beval\(|\bnew Function\(|\bFunction\(/);
    }
    for (const file of loadedBy('index.cjs')) {
      const code = read(file);
      for (const call of code.match(/\brequire\([^)]*\)/g) ?? []) {
        expect(call).toMatch(/^require\('\.\/(chunks\/)?[\w.-]+\.cjs'\)$/);
      }
      expect(code).not.toMatch(/\bnode:|\bprocess\.|\bBuffer\b/);
      expect(code).not.toMatch(/\beval\(|\bnew Function\(|\bFunction\(/);
    }
  });

  it('is free of runtime dependencies and marked side-effect free', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.peerDependencies).toBeUndefined();
    expect(manifest.sideEffects).toBe(false);
    expect(Object.keys(manifest.exports)).toEqual(['.', './azure', './migrate', './package.json']);
  });
});

describe('the built Azure entry (openai-run-step-guards/azure)', () => {
  it('exports the same names, working, from ESM and from CommonJS', async () => {
    const azureSource = await import('../src/azure/index.js');
    const esm = await import('../dist/azure.js');
    const cjs = createRequire(import.meta.url)('../dist/azure.cjs');
    const names = Object.keys(azureSource).sort();
    expect(names.length).toBeGreaterThan(20);
    expect(Object.keys(esm).sort()).toEqual(names);
    expect(Object.keys(cjs).sort()).toEqual(names);
    for (const { step } of acceptedRunSteps()) {
      expect(esm.isAzureRunStepObject(step)).toBe(true);
      expect(cjs.isAzureRunStepObject(step)).toBe(true);
    }
  });

  it("ships one declaration file per format, the same but that each imports the root's of its own format", () => {
    expect(read('azure.d.cts').replaceAll("from './index.cjs'", "from './index.js'")).toBe(read('azure.d.ts'));
    expect(read('azure.d.ts')).toMatch(/ from '\.\/index\.js';$/m);
    expect(read('azure.d.cts')).toMatch(/ from '\.\/index\.cjs';$/m);
    expect(specifiers(read('azure.d.ts'))).toEqual(['./index.js']);
    expect(specifiers(read('azure.d.cts'))).toEqual(['./index.cjs']);
  });

  it('imports only chunks of its own format, shared with the root, and generates no code from strings', () => {
    for (const [entry, extension] of [
      ['azure.js', '.js'],
      ['azure.cjs', '.cjs'],
    ] as const) {
      const files = loadedBy(entry);
      expect(files.length).toBeGreaterThan(1);
      for (const file of files) {
        expect(file.endsWith(extension)).toBe(true);
        expect(specifiers(read(file)).every((specifier) => specifier.startsWith('./'))).toBe(true);
      }
      for (const code of files.map(read)) {
        expect(code).not.toMatch(/\bnode:|\bprocess\.|\bBuffer\b/);
        expect(code).not.toMatch(/\beval\(|\bnew Function\(|\bFunction\(/);
      }
    }
    expect(read('azure.js')).not.toMatch(/\brequire\(/);
  });

  it("makes its kinds with the root of its own format: the other format's guard names the other copy", async () => {
    const load = createRequire(import.meta.url);
    const esm = { root: await import('../dist/index.js'), azure: await import('../dist/azure.js') };
    const cjs = { root: load('../dist/index.cjs'), azure: load('../dist/azure.cjs') };
    const [step] = acceptedRunSteps();
    for (const { root, azure } of [esm, cjs]) {
      expect(root.createRunStepGuard({ toolCalls: azure.AZURE_TOOL_CALL_KINDS }).is(step!.step)).toBe(true);
    }
    const kind = esm.azure.AZURE_TOOL_CALL_KINDS[0]!;
    expect(() => cjs.root.createRunStepGuard({ toolCalls: [kind] })).toThrow(
      new TypeError(
        `createRunStepGuard: the toolCalls kind "${kind.type}" comes from another copy of the package (ESM beside CommonJS?)`,
      ),
    );
  });
});

describe('one copy of the library per module format', () => {
  const entries = ['index.js', 'index.cjs', 'azure.js', 'azure.cjs', 'migrate.js', 'migrate.cjs', 'cli.js'];

  it('gives every entry exactly one copy of the read state, the same file for the ESM entries and the CLI', () => {
    const holders = (entry: string) => loadedBy(entry).filter((file) => READ_STATE.test(read(file)));
    for (const entry of entries) expect(holders(entry), entry).toHaveLength(1);
    expect(holders('azure.js')).toEqual(holders('index.js'));
    expect(holders('cli.js')).toEqual(holders('index.js'));
    expect(holders('azure.cjs')).toEqual(holders('index.cjs'));
    expect(holders('migrate.js')).toEqual(holders('index.js'));
    expect(holders('migrate.cjs')).toEqual(holders('index.cjs'));
    // One copy in all of dist/ per format, so no entry can reach a second one.
    const everywhere = distFiles().filter((file) => READ_STATE.test(read(file)));
    expect(everywhere.sort()).toEqual([...holders('index.js'), ...holders('index.cjs')].sort());
  });

  it('has no file that imports the package by its name', () => {
    for (const file of distFiles()) {
      expect(
        specifiers(read(file)).filter((specifier) => /^openai-run-step-guards(\/|$)/.test(specifier)),
        file,
      ).toEqual([]);
    }
  });
});
