// `npm run bench:cli`: the CLI's throughput and memory on big NDJSON files. Writes NDJSON of 100 MB and of
// 1 GB into .tmp/cli-bench/ (recorded run steps, deltas and stream events from test/fixtures, each with its own
// id; one line in 50,000 invalid, one in 500,000 broken), runs the built bin on each as a child process under
// `/usr/bin/time -v` (or, without it, samples the child's /proc/PID/status), and prints objects/s, MB/s and the
// peak resident set size. Memory must not grow with the input: the runs' peaks should be about equal, and the
// biggest file is run again with V8's old space capped at 32 MB, which it survives only if memory stays flat.
// The biggest size is also written as one JSON array (a line per element), which the CLI splits as it reads, and
// gzipped (as archives are kept), which the CLI decompresses as it reads: MB/s counts the decompressed bytes.
//
// Options: `--sizes 100,1024` (MB), `--keep` (keep the files in .tmp/cli-bench for the next run; they are deleted
// otherwise), `--write` (record the figures in docs/figures/cli.json, which docs/archives-and-cli.md shows; without
// it they go to .tmp/figures/cli.json).
import { spawn } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { cpus } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { constants, createGzip } from 'node:zlib';
import { machine, recordMeasurement } from '../scripts/figures.mjs';

const measuredOn = machine();
const started = process.hrtime.bigint();
/** One line in INVALID_EVERY is made invalid, one in BROKEN_EVERY (NDJSON only) cut in half. */
const INVALID_EVERY = 50_000;
const BROKEN_EVERY = 500_000;

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const sizes = option('--sizes', '100,1024').split(',').map(Number);
const keep = args.includes('--keep');
const folder = '.tmp/cli-bench';
const MB = 1024 * 1024;

/** Every recorded or hand-written object of the fixtures, as a line template with its id cut out. */
function templates() {
  const files = [];
  for (const dir of ['test/fixtures/wire', 'test/fixtures/synthetic', 'test/fixtures/spec-examples']) {
    for (const name of readdirSync(dir)) {
      if (name.endsWith('.json') && !name.endsWith('.source.json')) files.push(`${dir}/${name}`);
    }
  }
  const lines = [];
  for (const file of files) {
    const value = JSON.parse(readFileSync(file, 'utf8'));
    // A list response's items are in the fixtures on their own too; keep the lines to single objects.
    if (value.object === 'list') continue;
    const holder = 'event' in value && 'data' in value ? value.data : value;
    if (typeof holder?.id !== 'string') continue;
    holder.id = '__BENCH_ID__';
    lines.push(JSON.stringify(value).split('"__BENCH_ID__"'));
  }
  return lines;
}

/**
 * Writes about `megabytes` MB of NDJSON, or of one JSON array of the same objects, a line each (`array`, without
 * the broken lines: an array cut mid-element is a different test); returns its path.
 */
function generate(megabytes, array = false) {
  mkdirSync(folder, { recursive: true });
  const path = `${folder}/steps-${megabytes}MB.${array ? 'json' : 'ndjson'}`;
  if (existsSync(path) && statSync(path).size >= megabytes * MB) return path;
  const parts = templates();
  const fd = openSync(path, 'w');
  let written = 0;
  let n = 0;
  let buffer = array ? '[\n' : '';
  while (written < megabytes * MB) {
    const [before, after] = parts[n % parts.length];
    let line = `${before}"step_bench${n.toString(36).padStart(10, '0')}"${after}`;
    if (n % INVALID_EVERY === INVALID_EVERY - 1)
      line = line.replace(/"status":"(\w+)"/, '"status":"done"').replace('"delta":{', '"delta":7,"x":{');
    if (!array && n % BROKEN_EVERY === BROKEN_EVERY - 1) line = line.slice(0, line.length >> 1);
    buffer += array ? `${n === 0 ? '' : ',\n'}  ${line}` : `${line}\n`;
    n++;
    if (buffer.length > 4 * MB) {
      written += writeSync(fd, buffer);
      buffer = '';
    }
  }
  written += writeSync(fd, array ? `${buffer}\n]\n` : buffer);
  closeSync(fd);
  return path;
}

/** Gzips a file beside it (fastest level, as a nightly export would), once; returns the path. */
async function gzipped(path) {
  const out = `${path}.gz`;
  if (!existsSync(out)) {
    await pipeline(createReadStream(path), createGzip({ level: constants.Z_BEST_SPEED }), createWriteStream(out));
  }
  return out;
}

/** Runs the bin on a file; resolves to its summary record, wall time and peak RSS. */
function measure(path, nodeOptions = []) {
  const time = existsSync('/usr/bin/time');
  const command = time ? '/usr/bin/time' : process.execPath;
  const argv = [...nodeOptions, 'dist/cli.js', 'check', '--json', path];
  const child = spawn(command, time ? ['-v', process.execPath, ...argv] : argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  const started = process.hrtime.bigint();
  let stdout = '';
  let stderr = '';
  let peak = 0;
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  // Without /usr/bin/time: sample the child's peak (VmHWM) while it runs.
  const timer = time
    ? undefined
    : setInterval(() => {
        try {
          const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (hwm) peak = Math.max(peak, Number(hwm[1]) * 1024);
        } catch {}
      }, 50);
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0 && code !== 1) return reject(new Error(`expected exit 0 or 1, got ${code}:\n${stderr}`));
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      if (rss) peak = Number(rss[1]) * 1024;
      const lines = stdout.trimEnd().split('\n');
      resolve({ summary: JSON.parse(lines[lines.length - 1]), findings: lines.length - 1, seconds, peak });
    });
  });
}

console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores)`);
const rows = [];
// Each size as NDJSON; the biggest also gzipped, as one JSON array, and once more as NDJSON with V8's old space
// capped at 32 MB: it can only finish if memory stays flat.
const plan = sizes.map((megabytes) => ({ megabytes, array: false, nodeOptions: [] }));
const biggest = sizes[sizes.length - 1];
plan.push({ megabytes: biggest, array: false, nodeOptions: ['--max-old-space-size=32'] });
plan.push({ megabytes: biggest, array: false, gzip: true, nodeOptions: [] });
plan.push({ megabytes: biggest, array: true, nodeOptions: [] });
for (const [index, { megabytes, array, gzip, nodeOptions }] of plan.entries()) {
  const started = Date.now();
  const plain = generate(megabytes, array);
  const path = gzip ? await gzipped(plain) : plain;
  const bytes = statSync(plain).size;
  const stored = gzip ? `, gzipped to ${(statSync(path).size / MB).toFixed(0)} MB` : '';
  console.log(
    `${path}: ${(bytes / MB).toFixed(0)} MB${stored}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const { summary, findings, seconds, peak } = await measure(path, nodeOptions);
  const objects = summary.objects.valid + summary.objects.invalid;
  if (findings !== summary.objects.invalid + summary.malformed) throw new Error('a finding is missing from the output');
  const options = nodeOptions.length ? `, \`node ${nodeOptions.join(' ')}\`` : '';
  rows.push({
    file: `${(bytes / MB).toFixed(0)} MB ${array ? 'JSON array' : 'NDJSON'}${stored}${options}`,
    objects,
    invalid: summary.objects.invalid,
    malformed: summary.malformed,
    seconds,
    perSecond: objects / seconds,
    mbPerSecond: bytes / MB / seconds,
    peakMB: peak / MB,
  });
  // Delete each file once no later run reads it.
  if (!keep && gzip) rmSync(path);
  if (!keep && !plan.slice(index + 1).some((later) => later.megabytes === megabytes && later.array === array)) {
    rmSync(plain);
  }
}
console.log('\n| input | objects | invalid | malformed | time | objects/s | MB/s | peak RSS |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.file} | ${r.objects.toLocaleString('en')} | ${r.invalid} | ${r.malformed} | ${r.seconds.toFixed(1)} s | ` +
      `${Math.round(r.perSecond).toLocaleString('en')} | ${r.mbPerSecond.toFixed(0)} | ${r.peakMB.toFixed(0)} MB |`,
  );
}
if (!keep && readdirSync(folder).length === 0) rmSync(folder, { recursive: true });
const defaults = option('--sizes', undefined) === undefined;
await recordMeasurement('cli', {
  writtenBy: `npm run bench:cli -- ${defaults ? '' : `--sizes ${sizes.join(',')} `}--write`,
  machine: measuredOn,
  seconds: Math.round(Number(process.hrtime.bigint() - started) / 1e9),
  invalidEvery: INVALID_EVERY,
  brokenEvery: BROKEN_EVERY,
  rows,
});
