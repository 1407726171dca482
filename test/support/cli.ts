// Running the built CLI (dist/cli.js, so `npm run build` first) as a child process, as every CLI test does, and
// reading its `--json` output.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built bin. */
export const bin: string = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** What a run of the bin gave. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** How to run the bin: where, with what on stdin, `heap` capping V8's old space (MB), `maxValue` the CLI's size limit. */
export interface RunOptions {
  cwd: string;
  input?: string | Buffer | undefined;
  heap?: number | undefined;
  maxValue?: number | undefined;
}

/** Runs the bin with `args`; the size limit is the CLI's own unless `maxValue` is given. */
export function runBin(args: readonly string[], { cwd, input, heap, maxValue }: RunOptions): Run {
  const env = { ...process.env };
  delete env['OPENAI_RUN_STEP_GUARDS_MAX_VALUE'];
  if (maxValue !== undefined) env['OPENAI_RUN_STEP_GUARDS_MAX_VALUE'] = String(maxValue);
  const node = heap === undefined ? [] : [`--max-old-space-size=${heap}`];
  const result = spawnSync(process.execPath, [...node, bin, ...args], {
    cwd,
    encoding: 'utf8',
    input,
    env,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The records of `--json` output, one a line. */
export function records<Record = { [key: string]: unknown }>(stdout: string): Record[] {
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record);
}

/** The last record of `--json` output: the summary. */
export function summaryOf<Summary = { [key: string]: unknown }>(stdout: string): Summary {
  return records<Summary>(stdout).at(-1)!;
}
