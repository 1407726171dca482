// Builds dist/: ESM (index.js) and CommonJS (index.cjs) from src/, and one bundled declaration file per
// format (index.d.ts for import, index.d.cts for require), so that each entry's types match its module kind.
import { rmSync } from 'node:fs';
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
];
