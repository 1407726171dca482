// scripts/check-layers.mjs (part of `npm run lint`), run as a child process on a copy of src/ in a temporary
// directory: it passes on src/ as it is, and fails, naming the files, on a planted type-only cycle, on an
// import against the layer order and on a file in a folder that no layer covers.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../scripts/check-layers.mjs', import.meta.url));
const src = fileURLToPath(new URL('../src', import.meta.url));
const temporary = mkdtempSync(join(tmpdir(), 'check-layers-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

let copies = 0;
/** A fresh copy of src/ for one test, so that what one test plants never reaches another. */
function copyOfSrc(): string {
  const root = join(temporary, `src-${++copies}`);
  cpSync(src, root, { recursive: true });
  return root;
}

/** Runs the lint on `root`. */
function checkLayers(root: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [script, '--root', root], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scripts/check-layers.mjs', () => {
  it('passes on src/ as it is, with its one line', () => {
    const run = checkLayers(copyOfSrc());
    // TODO(lead, issue 15): fails until src/internal/read.ts stops importing ../types.js and
    // src/internal/report.ts stops importing ../diagnostics/issues.js (the base layer imports only
    // src/internal/); those two files are being fixed on the lead's branch. Nothing else is tolerated.
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^layers: \d+ files, \d+ imports, no cycles, no imports against the layer order\n$/);
  });

  it('fails on a cycle of type-only imports, printing the cycle', () => {
    const root = copyOfSrc();
    // One import on one line, the other over several, as prettier writes a long one.
    appendFileSync(join(root, 'helpers/sdk.ts'), "\nimport type { hasStatus } from './status.js';\n");
    appendFileSync(
      join(root, 'helpers/status.ts'),
      "\nimport type {\n  SdkCompatibleRunStep,\n  toSdkRunStep,\n} from './sdk.js';\n",
    );
    const run = checkLayers(root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('import cycle: src/helpers/sdk.ts -> src/helpers/status.ts -> src/helpers/sdk.ts');
  });

  it('fails on an import against the layer order, naming both files', () => {
    const root = copyOfSrc();
    writeFileSync(
      join(root, 'internal/upward.ts'),
      "import { isRunStepObject } from '../guards/run-step.js';\n\nexport const _upward = isRunStepObject;\n",
    );
    const run = checkLayers(root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'src/internal/upward.ts -> src/guards/run-step.ts (layer 0 base may not import layer 2 guards)',
    );
  });

  it('fails on a file in a folder that no layer covers', () => {
    const root = copyOfSrc();
    mkdirSync(join(root, 'widgets'));
    writeFileSync(join(root, 'widgets/widget.ts'), 'export const widget = 1;\n');
    const run = checkLayers(root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no layer for src/widgets/widget.ts');
  });
});
