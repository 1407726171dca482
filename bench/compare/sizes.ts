// What each validator costs in a user's bundle: its module (exporting only the run step check), bundled
// on its own with esbuild (tree-shaken, minified, for browsers), then gzipped at level 9, like `npm run size`.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import type { Peer } from './peers.js';

const root = new URL('../../', import.meta.url).pathname;

/** The minified and the gzipped size, in bytes, of one peer's check bundled alone. */
export async function bundleSize(peer: Peer): Promise<{ minified: number; gzipped: number }> {
  const exported = peer.module.startsWith('dist/') ? peer.name : 'is';
  const result = await build({
    stdin: { contents: `export { ${exported} } from './${peer.module}';`, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    legalComments: 'none',
    logLevel: 'error',
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}
