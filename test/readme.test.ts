// The README's examples are real files under examples/, and their printed output is what they print.
// `npm run readme` regenerates the blocks; this test fails whenever the README and the files disagree.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain JavaScript helper shared with `npm run readme`, without declarations
import { markers, render } from '../scripts/readme.mjs';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  const found: { kind: string; file: string }[] = markers(readme);

  it('shows examples, each with its output', () => {
    const examples = found.filter(({ kind }) => kind === 'example').map(({ file }) => file);
    const outputs = found.filter(({ kind }) => kind === 'output').map(({ file }) => file);
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const file of examples) expect(outputs).toContain(file);
    expect(outputs).toContain('examples/demo.ts');
  });

  it('runs every TypeScript block it shows: each is a marked example', () => {
    const tsBlocks = [...readme.matchAll(/(.*)\n```ts\n/g)].map(([, before]) => before);
    expect(tsBlocks.length).toBeGreaterThan(0);
    for (const before of tsBlocks) expect(before).toMatch(/^<!-- example: examples\/[\w-]+\.ts -->$/);
  });

  it('holds each example exactly as its file, and each output exactly as the example prints it', () => {
    expect(render(readme)).toBe(readme);
  }, 60_000);

  it('names every runtime and TypeScript version that npm run test:runtimes installs', () => {
    const section = readme.slice(
      readme.indexOf('## Runtimes and TypeScript versions'),
      readme.indexOf('\n## ', readme.indexOf('## Runtimes and TypeScript versions') + 1),
    );
    const pinned = JSON.parse(readFileSync(new URL('../scripts/runtimes/versions.json', import.meta.url), 'utf8'));
    const versions: string[] = ['node', 'bun', 'deno', 'miniflare', 'typescript'].flatMap((name) => pinned[name]);
    expect(versions.length).toBeGreaterThanOrEqual(12);
    for (const version of versions) expect(section).toContain(version);
  });

  it('gives a newcomer exactly two commands', () => {
    const quickStart = readme.slice(
      readme.indexOf('## Quick start'),
      readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1),
    );
    expect(quickStart).toContain('npm ci && npm run demo');
    expect(quickStart).toContain('npm test');
  });
});
