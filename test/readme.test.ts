// The README and the guides (docs/*.md) are kept true by code: their examples are real files under examples/,
// their outputs what those files print, their figures what scripts/figures.mjs measures or renders from a recorded
// measurement, and their links point at files and headings that exist. `npm run readme` regenerates the blocks;
// this test fails whenever a doc and what it stands for disagree.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chart, markdown, type Results } from '../bench/compare/report.js';
import { FIGURE, anchors, withoutCode } from '../scripts/figures.mjs';
import { docFiles, markers, render } from '../scripts/readme.mjs';

const root = new URL('../', import.meta.url);
const read = (file: string): string => readFileSync(new URL(file, root), 'utf8');
const files = docFiles();
const docs = new Map(files.map((file) => [file, read(file)]));
const readme = docs.get('README.md')!;

/** The text of a doc's section, from its heading to the next heading of the same level. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`\n${heading}\n`);
  expect(start, `no "${heading}" section`).toBeGreaterThan(-1);
  const level = heading.slice(0, heading.indexOf(' ') + 1);
  const end = text.indexOf(`\n${level}`, start + 1);
  return text.slice(start, end === -1 ? text.length : end);
}

describe('the docs', () => {
  it('are the README and the guides, each linked from the README', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/api.md', 'docs/development.md']));
    for (const file of files.filter((name) => name.startsWith('docs/'))) expect(readme).toContain(`](${file}`);
  });

  it('show examples, each with its output', () => {
    const found = [...docs.values()].flatMap((text) => markers(text));
    const examples = found.filter(({ kind }) => kind === 'example').map(({ file }) => file);
    const outputs = found.filter(({ kind }) => kind === 'output').map(({ file }) => file);
    expect(examples.length).toBeGreaterThanOrEqual(10);
    for (const file of examples) expect(outputs).toContain(file);
    expect(outputs).toContain('examples/demo.ts');
    // The README's first screen holds a check a newcomer can run.
    expect(markers(readme.slice(0, readme.indexOf('\n## ')))).toEqual([
      { kind: 'example', file: 'examples/first-check.ts' },
      { kind: 'output', file: 'examples/first-check.ts' },
    ]);
  });

  it('run every TypeScript block they show: each is a marked example', () => {
    for (const [file, text] of docs) {
      for (const [, before] of text.matchAll(/(.*)\n```(?:ts|typescript|tsx)\n/g)) {
        expect(before, `a TypeScript block of ${file} that is not an example`).toMatch(
          /^<!-- example: examples\/[\w-]+\.ts -->$/,
        );
      }
    }
  });

  it('hold each example as its file, each output as the example prints it, each figure as it renders', async () => {
    for (const [file, text] of docs) expect(await render(text), `${file} is stale: run npm run readme`).toBe(text);
  }, 120_000);

  it('state no measured number outside a figure', () => {
    // A size, a duration, a throughput or a count of what the tests or the package hold is a figure: it goes
    // between `<!-- figure: NAME -->` markers, written by scripts/figures.mjs. Dates, API versions, and the
    // constants below (each a fact of the code, with where it lives) are not measurements.
    const facts = [
      '256 MB', // cli/input.ts MAX_VALUE: the largest single value the CLI holds
      '16 MB', // cli/main.ts PROGRESS_BYTES: the size from which the CLI shows progress on a terminal
      '100 MB and 1 GB', // bench/cli.mjs: the sizes it generates by default (`--sizes`)
      '722 KB', // docs/providers.md: the size of an Azure recording left out of test/fixtures
      '10,485,760', // src/migrate/items.ts MAX_OUTPUT_LENGTH: the most characters of a function call's output
    ];
    const measured = [
      /\b\d[\d,.]*\s?(?:B|kB|KB|MB|GB|KiB|MiB|ms|µs|s|min|minutes?|seconds?|hours?|%|M\/s|k\/s|×)(?![\w/])/g,
      /\b\d[\d,.]*\s(?:tests?|exports?|cases|files|instructions|objects|corruptions|values|fixtures|recordings|runs)\b/g,
      /\b\d{1,3}(?:,\d{3})+\b/g,
    ];
    const found: string[] = [];
    for (const [file, text] of docs) {
      let prose = withoutCode(text)
        .replace(FIGURE, '')
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/`[^`\n]*`/g, '')
        .replace(/\]\([^)]*\)/g, ']');
      for (const fact of facts) prose = prose.split(fact).join('');
      for (const pattern of measured) for (const [match] of prose.matchAll(pattern)) found.push(`${file}: "${match}"`);
    }
    expect(found).toEqual([]);
  });

  it('link only to files that exist, and to headings that exist', () => {
    const broken: string[] = [];
    for (const [file, text] of docs) {
      for (const [, target] of withoutCode(text).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue; // https:, mailto:
        const [path, anchor] = target!.split('#') as [string, string | undefined];
        const linked = path === '' ? file : normalize(join(dirname(file), path));
        if (!existsSync(new URL(linked, root))) {
          broken.push(`${file}: ${target} (no file ${linked})`);
          continue;
        }
        if (anchor !== undefined && !anchors(read(linked)).has(anchor)) broken.push(`${file}: ${target} (no heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('keep the README short: its long sections are guides', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(360);
  });

  it('give a newcomer to the repository exactly two commands', () => {
    const quickStart = section(docs.get('docs/development.md')!, '## Quick start');
    expect(quickStart).toContain('npm ci && npm run demo');
    expect(quickStart).toContain('npm test');
  });

  it('name every runtime and TypeScript version that npm run test:runtimes installs', () => {
    const text = section(docs.get('docs/development.md')!, '## Runtimes and TypeScript versions');
    const pinned = JSON.parse(read('scripts/runtimes/versions.json'));
    const versions: string[] = ['node', 'bun', 'deno', 'miniflare', 'typescript'].flatMap((name) => pinned[name]);
    expect(versions.length).toBeGreaterThanOrEqual(12);
    for (const version of versions) expect(text).toContain(version);
  });
});

describe('bench/RESULTS.md and bench/results.svg', () => {
  it('are what bench/compare/report.ts renders from bench/results.json', () => {
    const results = JSON.parse(read('bench/results.json')) as Results;
    expect(read('bench/RESULTS.md')).toBe(markdown(results));
    expect(read('bench/results.svg')).toBe(chart(results));
  });
});
