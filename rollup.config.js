// Builds dist/ from one module graph, so that within each module format every entry shares one copy of the
// library's module state (the read mode of src/internal/read.ts, the kinds `defineToolCallKind` registers).
//
// The JavaScript is one rollup pass over three entries: the root (src/index.ts to dist/index.js), the Azure
// profile (src/azure/index.ts to dist/azure.js) and the CLI (cli/main.ts to dist/cli.js, the package's `bin`).
// The Azure profile and the CLI import the library's source by relative paths, and every module of src/ goes into
// one shared chunk, dist/chunks/core.js (see `core` below). So dist/index.js and dist/azure.js re-export from the
// chunk, and dist/cli.js holds cli/ and imports the chunk: every import between them is relative, and no file
// imports the package by its name. The same
// graph is written twice: as ESM (dist/*.js, dist/chunks/*.js) and as CommonJS (dist/*.cjs, dist/chunks/*.cjs),
// so that dist/azure.cjs requires the CommonJS chunk that dist/index.cjs requires. The CLI is Node-only and ESM
// only: the CommonJS output leaves it out. Chunk names carry no hash, so that sourcemaps and size checks are the
// same from one build to the next.
//
// The declarations are one bundled file per entry and format (rollup-plugin-dts): index.d.ts for import and
// index.d.cts for require, and the same for azure. The Azure declarations import the root's declaration file of
// their own format (./index.js, ./index.cjs), instead of holding a second copy of the root's types.
import { chmodSync, rmSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const root = resolve('src/index.ts');

// Start from an empty dist/, so that no file from an earlier build can be published or tested.
rmSync('dist', { recursive: true, force: true });

/**
 * Leaves the CLI out of the CommonJS output: the CLI is ESM only, and nothing requires it. No other chunk imports
 * the CLI's entry, so removing it leaves no dangling import.
 */
const withoutCli = {
  name: 'without-cli',
  generateBundle(_options, bundle) {
    for (const [fileName, chunk] of Object.entries(bundle)) {
      if (chunk.type === 'chunk' && chunk.isEntry && chunk.name === 'cli') {
        delete bundle[fileName];
        if (chunk.sourcemapFileName) delete bundle[chunk.sourcemapFileName];
      }
    }
  },
};

/** Makes dist/cli.js executable, as the package's `bin` must be. */
const executable = { name: 'executable', writeBundle: () => chmodSync('dist/cli.js', 0o755) };

/**
 * For the Azure declarations: an import from src/azure/ of anything outside it becomes an import of the root
 * entry, external, which each declaration output maps to the root's declaration file of its own format (see
 * `paths` below). The types src/azure/ takes from the rest of src/ (`Guard`, `Validator`, `RunStepObject`,
 * `ToolCallKind`...) are all public, exported by the root under the same names, so the Azure declarations hold
 * no second copy of them.
 */
const azureDir = resolve('src/azure');
const rootExternal = {
  name: 'root-external',
  resolveId(source, importer) {
    if (importer === undefined || !importer.startsWith(azureDir) || !source.startsWith('.')) return null;
    const target = resolve(dirname(importer), source.replace(/\.js$/, '.ts'));
    return target.startsWith(azureDir + sep) ? null : { id: root, external: true };
  },
};

/**
 * Puts every module of src/ into one shared chunk, `core`; the entries re-export from it. One chunk, not the
 * several rollup would split by which entries use a module:
 * - bundlers honour `@__NO_SIDE_EFFECTS__` (on `_guard`, `_validator` and the like) only within the file that
 *   declares the function: esbuild and webpack keep a call such as `const isX = _guard(_checkX)` made from
 *   another file, and with it all that it reaches, so a user's bundle with `matchStatus` alone would carry every
 *   guard of the root;
 * - a chunk exports what another chunk imports from it, and V8 reads an exported binding through its module cell:
 *   with src/azure/ in a chunk of its own, the core chunk exported `_record`, `_fail` and the other helpers
 *   every check calls, and `isRunStepObject` ran 1-3% more instructions (bench:instructions: 3318 against 3278
 *   on a tool calls step). In one chunk, only the entries' public names are exported.
 * The Azure profile's top-level code is free of side effects (pure calls only), so a bundle of the root alone
 * drops it.
 */
const core = (id) => (id.startsWith(resolve('src') + sep) ? 'core' : undefined);

// The shebang goes on the CLI's entry alone; the library's files are no scripts.
const banner = (chunk) => (chunk.isEntry && chunk.name === 'cli' ? '#!/usr/bin/env node' : '');

export default [
  {
    input: { index: 'src/index.ts', azure: 'src/azure/index.ts', cli: 'cli/main.ts', migrate: 'src/migrate/index.ts' },
    external: (id) => id.startsWith('node:'),
    output: [
      {
        dir: 'dist',
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name].js',
        manualChunks: core,
        sourcemap: true,
        banner,
        plugins: [executable],
      },
      {
        dir: 'dist',
        format: 'cjs',
        entryFileNames: '[name].cjs',
        chunkFileNames: 'chunks/[name].cjs',
        manualChunks: core,
        sourcemap: true,
        plugins: [withoutCli],
      },
    ],
    plugins: [
      // src/ is compiled for any runtime (tsconfig.build.json: ES2020, no Node types); cli/ for Node (its own
      // tsconfig: ES2022, Node's types). Each instance transforms only its own folder.
      typescript({ tsconfig: './tsconfig.build.json', outDir: 'dist', include: [resolve('src/**/*.ts')] }),
      typescript({
        tsconfig: './cli/tsconfig.json',
        include: [resolve('cli/**/*.ts')],
        compilerOptions: {
          noEmit: false,
          // The CLI's program holds src/ too (the CLI imports it): the root of both, so that the plugin finds the
          // file TypeScript emits for each module of cli/.
          rootDir: resolve('.'),
          outDir: 'dist',
          sourceMap: true,
          module: 'ESNext',
          moduleResolution: 'Bundler',
        },
      }),
    ],
  },
  {
    input: 'src/index.ts',
    output: [
      { file: 'dist/index.d.ts', format: 'es' },
      { file: 'dist/index.d.cts', format: 'es' },
    ],
    plugins: [dts({ tsconfig: './tsconfig.json' })],
  },
  {
    input: 'src/azure/index.ts',
    output: [
      { file: 'dist/azure.d.ts', format: 'es', paths: { [root]: './index.js' } },
      { file: 'dist/azure.d.cts', format: 'es', paths: { [root]: './index.cjs' } },
    ],
    plugins: [rootExternal, dts({ tsconfig: './tsconfig.json' })],
  },
  {
    input: 'src/migrate/index.ts',
    output: [
      { file: 'dist/migrate.d.ts', format: 'es' },
      { file: 'dist/migrate.d.cts', format: 'es' },
    ],
    plugins: [dts({ tsconfig: './tsconfig.json' })],
  },
];
