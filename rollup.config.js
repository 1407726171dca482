// Builds dist/: ESM (index.js) and CommonJS (index.cjs) from src/, and one bundled declaration file per
// format (index.d.ts for import, index.d.cts for require), so that each entry's types match its module kind;
// then the CLI (cli/ to dist/cli.js, the package's `bin`), which imports the library by its package name, so that
// it loads dist/index.js instead of holding a second copy.
import { chmodSync, rmSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const input = 'src/index.ts';

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
    input: 'cli/main.ts',
    external: (id) => id === 'openai-run-step-guards' || id.startsWith('node:'),
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
