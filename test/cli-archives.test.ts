// The CLI on archives as people keep them (issue 17): the issues left out by --max-issues counted. The built bin
// (dist/cli.js, so `npm run build` first) runs as a child process on files generated into a temporary folder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const example = (name: string) => readFileSync(fileURLToPath(new URL(`../examples/cli/${name}`, import.meta.url)));
const step = JSON.parse(example('valid-step.json').toString()) as Record<string, unknown>;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-archives-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(
  args: string[],
  { input, heap, maxValue }: { input?: Buffer | string; heap?: number; maxValue?: number } = {},
) {
  const env = { ...process.env };
  delete env['OPENAI_RUN_STEP_GUARDS_MAX_VALUE'];
  if (maxValue !== undefined) env['OPENAI_RUN_STEP_GUARDS_MAX_VALUE'] = String(maxValue);
  const node = heap === undefined ? [] : [`--max-old-space-size=${heap}`];
  const result = spawnSync(process.execPath, [...node, bin, ...args], { cwd: dir, encoding: 'utf8', input, env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(name: string, content: string | Buffer): string {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), content);
  return name;
}

describe('--max-issues says how many issues were left out', () => {
  // Four issues: the status, two timestamps, the usage.
  const four = { ...step, status: 'done', created_at: 'x', completed_at: 'y', usage: 'z' };

  it('in text', () => {
    write('four.json', JSON.stringify(four));
    const all = run(['check', 'four.json']);
    expect(all.stdout).toMatch(/four\.json:1: run step step_\w+: 4 issues\n/);
    const cut = run(['check', '--max-issues', '2', 'four.json']);
    expect(cut.code).toBe(1);
    expect(cut.stdout).toMatch(/four\.json:1: run step step_\w+: 2 of 4 issues shown\n {2}\S.*\n {2}\S.*\n\n/);
  });

  it('in --json, as omittedIssues', () => {
    const [record] = run(['check', '--json', '--max-issues=1', 'four.json'])
      .stdout.trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(record).toMatchObject({ type: 'invalid', omittedIssues: 3, issueCountExact: true });
    expect(record!['issues']).toHaveLength(1);
    const [whole] = run(['check', '--json', 'four.json'])
      .stdout.trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(whole).toMatchObject({ omittedIssues: 0, issueCountExact: true });
  });

  it('counts up to 1,000 issues per object, then says "or more"', () => {
    const metadata = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`k${i}`, i]));
    write('many-issues.json', JSON.stringify({ ...step, metadata }));
    const text = run(['check', 'many-issues.json']);
    expect(text.stdout).toMatch(/many-issues\.json:1: run step step_\w+: 100 of 1000 or more issues shown\n/);
    const [record] = run(['check', '--json', 'many-issues.json'])
      .stdout.trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(record).toMatchObject({ omittedIssues: 900, issueCountExact: false });
  });
});
