// Builds dist/: ESM (index.js) and CommonJS (index.cjs) from src/, and one bundled declaration file per
// format (index.d.ts for import, index.d.cts for require), so that each entry's types match its module kind.
// The Azure profile (src/azure/) is a second entry, dist/azure.*, built on its own: it imports the root
// entry by the package's name, as a user's code would, so that both share one copy of the root (and of
// the kinds `defineToolCallKind` registers); the few internals it uses beside that are bundled into it.
// Then the CLI (cli/ to dist/cli.js, the package's `bin`), which imports the library by its package name
// too, so that it loads dist/index.js instead of holding a second copy.
import { chmodSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const input = 'src/index.ts';
const azure = 'src/azure/index.ts';
const root = resolve('src/index.ts');

/** Makes every import of the root entry from src/azure/ an import of the package by its name. */
const rootByName = {
  name: 'root-by-name',
  resolveId(source, importer) {
    if (importer === undefined || !importer.startsWith(resolve('src/azure'))) return null;
    const target = resolve(dirname(importer), source.replace(/\.js$/, '.ts'));
    return target === root ? { id: 'openai-run-step-guards', external: true } : null;
  },
};

// Start from an empty dist/, so that no file from an earlier build can be published or tested.
rmSync('dist', { recursive: true, force: true });

export default [
  {
    input,
    output: [
      { file: 'dist/index.js', format: 'es', sourcemap: true },
      { file: 'dist/index.cjs', format: 'cjs', sourcemap: true },
    ],
    plugins: [typescript({ tsconfig: './tsconfig.build.json', outDir: 'dist' })],
  },
  {
    input,
    output: [
      { file: 'dist/index.d.ts', format: 'es' },
      { file: 'dist/index.d.cts', format: 'es' },
    ],
    plugins: [dts({ tsconfig: './tsconfig.json' })],
  },
  {
    input: azure,
    output: [
      { file: 'dist/azure.js', format: 'es', sourcemap: true },
      { file: 'dist/azure.cjs', format: 'cjs', sourcemap: true },
    ],
    plugins: [rootByName, typescript({ tsconfig: './tsconfig.build.json', outDir: 'dist' })],
  },
  {
    input: azure,
    output: [
      { file: 'dist/azure.d.ts', format: 'es' },
      { file: 'dist/azure.d.cts', format: 'es' },
    ],
    plugins: [rootByName, dts({ tsconfig: './tsconfig.json' })],
  },
  {
    input: 'cli/main.ts',
    external: (id) =>
      id === 'openai-run-step-guards' || id === 'openai-run-step-guards/azure' || id.startsWith('node:'),
    output: { file: 'dist/cli.js', format: 'es', banner: '#!/usr/bin/env node' },
    plugins: [
      typescript({
        tsconfig: './cli/tsconfig.json',
        compilerOptions: {
          noEmit: false,
          outDir: 'dist',
          sourceMap: false,
          module: 'ESNext',
          moduleResolution: 'Bundler',
        },
      }),
      { name: 'executable', writeBundle: () => chmodSync('dist/cli.js', 0o755) },
    ],
  },
];
