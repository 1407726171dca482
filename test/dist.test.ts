// The built package, as users import it: ESM and CommonJS give the same API, the declarations match,
// and the code uses nothing a browser or an edge worker lacks. `npm test` builds before it runs this.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import * as source from '../src/index.js';
import { acceptedRunSteps } from './support/fixtures.js';

const dist = new URL('../dist/', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, dist), 'utf8');

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

  it('uses no Node built-in, no require, and no code generated from strings', () => {
    for (const file of ['index.js', 'index.cjs']) {
      const code = read(file);
      expect(code).not.toMatch(/\bnode:|\brequire\(|\bprocess\.|\bBuffer\b/);
      expect(code).not.toMatch(/\beval\(|\bnew Function\(|\bFunction\(/);
    }
  });

  it('is free of runtime dependencies and marked side-effect free', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.peerDependencies).toBeUndefined();
    expect(manifest.sideEffects).toBe(false);
    expect(Object.keys(manifest.exports)).toEqual(['.', './azure', './package.json']);
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

  it('ships one declaration file per format, with the same content, importing the root by name', () => {
    expect(read('azure.d.cts')).toBe(read('azure.d.ts'));
    expect(read('azure.d.ts')).toMatch(/from 'openai-run-step-guards'/);
  });

  it('imports nothing but the root entry, by name, and generates no code from strings', () => {
    expect(read('azure.js').match(/^import .*$/gm)).toEqual([
      expect.stringMatching(/ from 'openai-run-step-guards';$/),
    ]);
    const cjs = read('azure.cjs');
    expect(cjs.match(/\brequire\([^)]*\)/g)).toEqual(["require('openai-run-step-guards')"]);
    for (const code of [read('azure.js'), cjs]) {
      expect(code).not.toMatch(/\bnode:|\bprocess\.|\bBuffer\b/);
      expect(code).not.toMatch(/\beval\(|\bnew Function\(|\bFunction\(/);
    }
  });
});
