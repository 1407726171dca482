// `npm run bench:convert [-- <MB>]`: the throughput and peak memory of `openai-run-step-guards convert` on a
// generated archive (default 1024 MB, written under the system's temporary folder, removed afterwards): NDJSON
// run steps, thread by thread (50 function call steps a thread, each with a 2 KB output, and a code interpreter
// call every tenth step), converted with transcripts. Peak memory is the child's maximum resident set size, as
// `/usr/bin/time -v` reports it (Linux); without it, only the time is given.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const megabytes = Number(process.argv[2] ?? 1024);
const dir = mkdtempSync(join(tmpdir(), 'bench-convert-'));
const file = join(dir, 'archive.ndjson');
const bin = process.env.CONVERT_BIN ?? fileURLToPath(new URL('../dist/cli.js', import.meta.url));

function step(thread, i) {
  const call =
    i % 10 === 9
      ? {
          id: `call_${thread}_${i}`,
          type: 'code_interpreter',
          code_interpreter: { input: 'print(1)', outputs: [{ type: 'logs', logs: '1' }] },
        }
      : {
          id: `call_${thread}_${i}`,
          type: 'function',
          function: { name: 'lookup', arguments: '{"q":"x"}', output: 'x'.repeat(2048) },
        };
  return {
    id: `step_${thread}_${i}`,
    object: 'thread.run.step',
    created_at: 1712000000 + i,
    assistant_id: 'asst_bench',
    thread_id: `thread_${thread}`,
    run_id: `run_${thread}_${Math.floor(i / 5)}`,
    type: 'tool_calls',
    status: 'completed',
    cancelled_at: null,
    completed_at: 1712000000 + i,
    expires_at: null,
    failed_at: null,
    last_error: null,
    usage: { completion_tokens: 1, prompt_tokens: 1, total_tokens: 2 },
    step_details: { type: 'tool_calls', tool_calls: [call] },
  };
}

const out = createWriteStream(file);
let bytes = 0;
let steps = 0;
for (let thread = 0; bytes < megabytes * 1024 * 1024; thread++) {
  const lines = [];
  for (let i = 0; i < 50; i++) lines.push(JSON.stringify(step(thread, i)));
  const chunk = `${lines.join('\n')}\n`;
  bytes += chunk.length;
  steps += 50;
  if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
}
await new Promise((resolve) => out.end(resolve));
const size = statSync(file).size;

const time = existsSync('/usr/bin/time');
const args = ['convert', '--code-interpreter', 'transcript', file];
const started = process.hrtime.bigint();
const run = time
  ? spawnSync('/usr/bin/time', ['-v', process.execPath, bin, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 1 << 30,
    })
  : spawnSync(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const stderr = run.stderr.toString();
const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
rmSync(dir, { recursive: true, force: true });
console.log(
  `convert: ${(size / 1024 / 1024).toFixed(0)} MB, ${steps.toLocaleString('en')} steps in ${seconds.toFixed(1)} s: ` +
    `${(size / 1024 / 1024 / seconds).toFixed(1)} MB/s, exit ${run.status}` +
    (rss === undefined ? '' : `, peak RSS ${(Number(rss) / 1024).toFixed(0)} MB`),
);
