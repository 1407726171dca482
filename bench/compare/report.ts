// Turns the figures of `npm run bench` (bench/results.json) into bench/RESULTS.md and bench/results.svg.
// `tsx bench/compare/report.ts` rewrites both from the JSON alone, without timing anything again.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** One validator's figure on one input: the best median over the rounds, and the worst, in ns per call. */
export interface Timing {
  readonly input: string;
  readonly valid: boolean;
  readonly results: readonly { name: string; ns: number; worstNs: number; comparable: boolean }[];
}

/** Everything `npm run bench` measured (bench/results.json). */
export interface Results {
  readonly date: string;
  readonly machine: { cpu: string; cores: number };
  readonly runtime: string;
  readonly method: { rounds: number; windowMs: number; quick: boolean };
  readonly versions: Record<string, string>;
  readonly peers: readonly { name: string; package: string; how: string; validateCall?: string | undefined }[];
  readonly gate: readonly { name: string; valid: number; corrupt: number; misses: number; reason?: string }[];
  readonly timings: readonly Timing[];
  readonly diagnostics: readonly Timing[];
  readonly sizes: readonly { name: string; module: string; minified: number; gzipped: number }[];
}

const SELF = 'isRunStepObject';
const bench = new URL('../', import.meta.url);

/** Checks per second, short: `12.3 M/s`, `456 k/s`. */
const perSecond = (ns: number): string => {
  const ops = 1e9 / ns;
  if (ops >= 1e6) return `${(ops / 1e6).toFixed(ops >= 1e7 ? 1 : 2)} M/s`;
  return `${(ops / 1e3).toFixed(ops >= 1e5 ? 0 : 1)} k/s`;
};
/** A ratio, short: `1.00×`, `12.3×`, `145×`. */
const times = (ratio: number): string => `${ratio.toFixed(ratio >= 100 ? 0 : ratio >= 10 ? 1 : 2)}×`;
const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const geometricMean = (values: readonly number[]): number =>
  Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length);

/** Per validator, the geometric mean of its ns per call over the inputs that are (or are not) valid. */
export function summary(timings: readonly Timing[], valid: boolean): Map<string, number> {
  const rows = timings.filter((timing) => timing.valid === valid);
  const names = rows[0]?.results.map(({ name }) => name) ?? [];
  return new Map(
    names.map((name) => [name, geometricMean(rows.map((row) => row.results.find((r) => r.name === name)!.ns))]),
  );
}

const isComparable = (results: Results, name: string): boolean =>
  results.gate.find((entry) => entry.name === name)?.misses === 0;

/** A name for tables, marked when the validator was gated out. */
const label = (results: Results, name: string): string =>
  isComparable(results, name) ? (name === SELF ? `**${name}**` : name) : `${name} ✗`;

/**
 * The timing table: a row per validator, a column per input, each cell `ops/s (ratio)`; `rename` gives a
 * row another name (the call timed, for diagnostics).
 */
function timingTable(
  results: Results,
  timings: readonly Timing[],
  baseline: string | undefined,
  rename: (name: string) => string = (name) => name,
): string[] {
  const lines = [
    `| validator | ${timings.map((timing) => timing.input).join(' | ')} |`,
    `|---|${timings.map(() => '---:').join('|')}|`,
  ];
  for (const { name } of timings[0]!.results) {
    const cells = timings.map((timing) => {
      const ns = timing.results.find((result) => result.name === name)!.ns;
      const base = baseline === undefined ? undefined : timing.results.find((result) => result.name === baseline)?.ns;
      return base === undefined || name === baseline ? perSecond(ns) : `${perSecond(ns)} (${times(ns / base)})`;
    });
    const shown = label(results, name).replace(name, rename(name));
    lines.push(`| ${shown} | ${cells.join(' | ')} |`);
  }
  return lines;
}

/** The validators whose checking code is generated from the type: the issue's "AOT peers". */
const AHEAD_OF_TIME = ['typia', 'TypeBox TypeCompiler'];

/**
 * Issue 7's target, input by input: on valid input at least as fast as the fastest AOT peer, on invalid
 * input faster than every peer. Gated-out peers count too (marked), since a target met only against
 * validators that check as much would hide the ones that are faster by checking less.
 */
function target(results: Results): string[] {
  const lines = [
    '## The target',
    '',
    'Issue 7: on valid input, at least as fast as the fastest validator generated from the type (typia,',
    'TypeBox); on invalid input, faster than every validator. Input by input, from the table below:',
    '',
  ];
  for (const { input, valid, results: row } of results.timings) {
    const self = row.find((result) => result.name === SELF)!;
    const rivals = row.filter((result) => result.name !== SELF && (!valid || AHEAD_OF_TIME.includes(result.name)));
    const fastest = rivals.reduce((best, result) => (result.ns < best.ns ? result : best));
    const met = valid ? self.ns <= fastest.ns : self.ns < fastest.ns;
    const mark = fastest.comparable ? '' : ' (gated out)';
    lines.push(
      `- ${input}: ${met ? 'met' : '**not met**'}; fastest ${valid ? 'AOT peer' : 'peer'} ${fastest.name}${mark} at ${perSecond(fastest.ns)}, isRunStepObject ${times(fastest.ns / self.ns)} as fast.`,
    );
  }
  return lines;
}

/** bench/RESULTS.md. */
export function markdown(results: Results): string {
  const valid = summary(results.timings, true);
  const invalid = summary(results.timings, false);
  const selfSize = results.sizes.find((size) => size.name === SELF)!;
  const how = new Map(results.peers.map((peer) => [peer.name, peer.how]));
  const spread = Math.max(
    ...results.timings.flatMap((timing) => timing.results.map((result) => result.worstNs / result.ns)),
  );
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (bench/compare/run.ts) on ${results.date}; do not edit by hand.`,
    '',
    `- **Machine**: ${results.machine.cpu}, ${results.machine.cores} cores, a **shared virtual machine**: other`,
    '  work ran on it at the same time, so every figure is noisy (see "Method"). Compare ratios within this',
    '  file; do not compare these absolute figures with another machine or another run.',
    `- **Runtime**: ${results.runtime}.`,
    `- **Packages**: ${Object.entries(results.versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}.`,
    `- **Method**: the built package (dist/), and each peer as bench/peers/ writes it, are first warmed up on the`,
    '  whole corpus (bench/corpus.ts), then timed with mitata on one input at a time, every answer kept alive.',
    `  Each pair of validator and input is timed in ${results.method.rounds} windows of ${results.method.windowMs} ms spread over the run;`,
    "  the figure is the best of the windows' medians (interference only ever adds time). The slowest",
    `  window's median was up to ${times(spread)} the best one.${results.method.quick ? ' **Quick run (`--quick`): one short window each; rough figures.**' : ''}`,
    '',
    '## Correctness gate',
    '',
    'Before any timing, each validator must accept every valid run step of test/fixtures and reject every',
    "corruption test/support/corrupt.ts makes of them (the core tests' own generator). A validator marked ✗",
    'misses some: it is timed, but as checking less, so its figures are not comparable.',
    '',
    '| validator | how | valid steps accepted | corruptions rejected | |',
    '|---|---|---:|---:|---|',
    ...results.gate.map(
      ({ name, valid: all, corrupt, misses, reason }) =>
        `| ${label(results, name)} | ${how.get(name)} | ${misses > 0 && reason === undefined ? '?' : `${all}/${all}`} | ${corrupt - misses}/${corrupt} | ${misses === 0 ? 'pass' : `out: ${reason}`} |`,
    ),
    '',
    '## Boolean check, on the whole corpus',
    '',
    `Checks per second, geometric mean over the corpus's ${results.timings.filter((t) => t.valid).length} valid and ${results.timings.filter((t) => !t.valid).length} invalid inputs. **N×**: ${SELF} does N times as`,
    'many checks per second as this validator (under 1× the validator is faster).',
    '',
    '| validator | valid input | invalid input |',
    '|---|---:|---:|',
    ...[...valid.keys()].map((name) => {
      const cell = (map: Map<string, number>) =>
        name === SELF
          ? perSecond(map.get(name)!)
          : `${perSecond(map.get(name)!)} (${times(map.get(name)! / map.get(SELF)!)})`;
      return `| ${label(results, name)} | ${cell(valid)} | ${cell(invalid)} |`;
    }),
    '',
    '![Checks per second, by validator](results.svg)',
    '',
    ...target(results),
    '',
    '## Boolean check, input by input',
    '',
    ...timingTable(results, results.timings, SELF),
    '',
    '## Diagnostics on invalid input',
    '',
    "`validateRunStepObject` against the peers' own calls that say what is wrong. **N×**: validateRunStepObject",
    'reports N times as many invalid inputs per second as this call.',
    '',
    ...timingTable(
      results,
      results.diagnostics,
      SELF,
      (name) => results.peers.find((peer) => peer.name === name)?.validateCall ?? name,
    ),
    '',
    '## Bundle size',
    '',
    "Each validator's module alone (only the run step check exported), bundled by esbuild (tree-shaken,",
    'minified, for browsers) and gzipped at level 9. ajv, TypeBox, zod and arktype include the code that',
    'compiles their checks at run time (`new Function`, which some edge runtimes and CSPs forbid); the ajv',
    "bundle carries OpenAI's schemas (the delta schemas too, with their descriptions).",
    '',
    '| validator | module | min | min+gzip | × isRunStepObject |',
    '|---|---|---:|---:|---:|',
    ...results.sizes.map(
      ({ name, module, minified, gzipped }) =>
        `| ${label(results, name)} | \`${module}\` | ${kilobytes(minified)} | ${kilobytes(gzipped)} | ${times(gzipped / selfSize.gzipped)} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** bench/results.svg: checks per second by validator, valid and invalid input, as horizontal bars. */
export function chart(results: Results): string {
  const panels = [
    { title: 'valid input', means: summary(results.timings, true) },
    { title: 'invalid input', means: summary(results.timings, false) },
  ];
  const names = [...panels[0]!.means.keys()];
  const width = 860;
  const labelWidth = 230;
  const barWidth = 450;
  const row = 22;
  const panelHeight = names.length * row + 34;
  const top = 56;
  const height = top + panels.length * panelHeight + 40;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="13">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="26" font-size="16" font-weight="600" fill="#111">Run step checks per second (higher is better)</text>`,
    `<text x="16" y="45" fill="#555">Geometric mean over the corpus; N× = how many times as many checks per second isRunStepObject does.</text>`,
  ];
  panels.forEach(({ title, means }, panel) => {
    const y0 = top + panel * panelHeight;
    const max = Math.max(...[...means.values()].map((ns) => 1e9 / ns));
    out.push(`<text x="16" y="${y0 + 18}" font-weight="600" fill="#111">${title}</text>`);
    names.forEach((name, index) => {
      const y = y0 + 28 + index * row;
      const ops = 1e9 / means.get(name)!;
      const length = Math.max(1, (ops / max) * barWidth);
      const comparable = isComparable(results, name);
      const fill = name === SELF ? '#1f6feb' : comparable ? '#8c9fb8' : '#d5d9de';
      const ratio = name === SELF ? '' : ` · ${times(means.get(name)! / means.get(SELF)!)}`;
      out.push(
        `<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end" fill="${comparable ? '#111' : '#777'}"${name === SELF ? ' font-weight="600"' : ''}>${escape(name)}${comparable ? '' : ' ✗'}</text>`,
        `<rect x="${labelWidth}" y="${y + 3}" width="${length.toFixed(1)}" height="${row - 7}" rx="2" fill="${fill}"${comparable ? '' : ' stroke="#9aa3ad" stroke-dasharray="3 2"'}/>`,
        `<text x="${(labelWidth + length + 6).toFixed(1)}" y="${y + 14}" fill="#333">${perSecond(means.get(name)!)}${ratio}</text>`,
      );
    });
  });
  out.push(
    `<text x="16" y="${height - 14}" fill="#777" font-size="11">✗ gated out: checks less than the package (see RESULTS.md). ${escape(results.runtime)}, ${escape(results.machine.cpu)}, shared VM, ${results.date}.</text>`,
    '</svg>',
    '',
  );
  return out.join('\n');
}

/** Writes RESULTS.md and results.svg into `folder` (bench/ by default). */
export function writeReport(results: Results, folder: URL = bench): void {
  writeFileSync(new URL('RESULTS.md', folder), markdown(results));
  writeFileSync(new URL('results.svg', folder), chart(results));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeReport(JSON.parse(readFileSync(new URL('results.json', bench), 'utf8')) as Results);
}
