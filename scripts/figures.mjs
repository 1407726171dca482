// Every figure the README and the guides (docs/*.md) show is written by code, never typed. A figure sits between
// `<!-- figure: NAME -->` and `<!-- /figure -->` (inline, or as a block of its own lines); `npm run readme`
// rewrites each from its renderer below, and test/readme.test.ts fails when one differs from what it renders.
//
// Two sorts of figures:
// - measured here, the same on every machine: sizes (esbuild and gzip), counts (exports, fixtures), versions
//   (scripts/runtimes/versions.json), constants of the built package;
// - measured by a script on one machine at one time (a bench, `npm test`'s durations, a fuzz campaign): the
//   script writes its measurement to .tmp/figures/NAME.json, and with `--write` to docs/figures/NAME.json
//   (tracked), then rewrites that figure in the docs (recordMeasurement). The renderer turns the tracked JSON
//   into text, with the date, the machine and its load: the docs can only say what a run measured.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const at = (path) => new URL(path, root);
const readText = (path) => readFileSync(at(path), 'utf8');
const readJson = (path) => JSON.parse(readText(path));

/** A figure in a doc: its name, and what stands between its markers now (not one quoted in inline code). */
/** A whole-number constant `const NAME = 1000;` (or `export const NAME: number = 1_000;`) of a CLI source file. */
function cliConstant(file, name) {
  const found = new RegExp(`\\bconst ${name}(?::\\s*number)?\\s*=\\s*([\\d_]+);`).exec(readFileSync(at(file), 'utf8'));
  if (found === null) throw new Error(`${file}: no constant ${name} (scripts/figures.mjs reads it)`);
  return integer(Number(found[1].replaceAll('_', '')));
}

export const FIGURE = /(?<!`)<!-- figure: ([\w-]+) -->([\s\S]*?)<!-- \/figure -->/g;

/** The documents whose figures, examples and links are kept true: the README, every guide, the changelog. */
export function docFiles() {
  const guides = existsSync(at('docs'))
    ? readdirSync(at('docs'))
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => `docs/${name}`)
    : [];
  return ['README.md', ...guides, ...(existsSync(at('CHANGELOG.md')) ? ['CHANGELOG.md'] : [])];
}

// ---------------------------------------------------------------------------------------------------------------
// Formatting

/** `12.3 s`, `1 min 51 s`. */
export function duration(seconds) {
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}
/** `10.8 kB` (1000 bytes). */
const kilobytes = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const integer = (n) => Math.round(n).toLocaleString('en-US');
const nodeVersion = (version) => version.replace(/^v/, '');
/** `a, b and c`. */
const list = (items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

// ---------------------------------------------------------------------------------------------------------------
// Measurements made by a script on one machine

/** Where a measurement was made: the date, Node, the CPU and its load (the 1-minute load average) now. */
export function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown CPU';
  try {
    cpu = /^Model name:\s*(.+)$/m.exec(execFileSync('lscpu', { encoding: 'utf8' }))?.[1]?.trim() ?? cpu;
  } catch {}
  return {
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    cpu,
    cores: cpus().length,
    load: Number(loadavg()[0].toFixed(2)),
  };
}

/** How a measurement says where it was made: `on 2026-12-01, Node 20.20.2, AMD EPYC (2 cores), load 0.4 to 1.9`. */
function where({ machine: m, loadAfter }) {
  const load = loadAfter === undefined ? `${m.load}` : `${m.load} at the start, ${loadAfter} at the end`;
  return `on ${m.date}, Node ${nodeVersion(m.node)}, ${m.cpu} (${m.cores} cores, shared with other jobs; load average ${load})`;
}

/**
 * Called by a measuring script at its end: `record` (with `machine` from `machine()` taken at its start) goes to
 * .tmp/figures/NAME.json; with `--write` in `argv`, to docs/figures/NAME.json, and the docs' `NAME` figures are
 * rewritten from it. Returns the path written.
 */
export async function recordMeasurement(name, record, argv = process.argv) {
  const full = { writtenBy: record.writtenBy, ...record, loadAfter: Number(loadavg()[0].toFixed(2)) };
  const text = `${JSON.stringify(full, null, 2)}\n`;
  mkdirSync(at('.tmp/figures'), { recursive: true });
  writeFileSync(at(`.tmp/figures/${name}.json`), text);
  if (!argv.includes('--write')) {
    console.error(`${name}: measurement in .tmp/figures/${name}.json (\`-- --write\` to record it in the docs)`);
    return `.tmp/figures/${name}.json`;
  }
  mkdirSync(at('docs/figures'), { recursive: true });
  const prettier = await import('prettier');
  writeFileSync(at(`docs/figures/${name}.json`), await prettier.format(text, { parser: 'json' }));
  const changed = await rewriteFigures((figure) => MEASURED[figure] === name);
  console.error(`${name}: recorded in docs/figures/${name}.json; rewritten in ${changed.join(', ') || 'no doc'}`);
  return `docs/figures/${name}.json`;
}

/** A recorded measurement, or undefined before its script first ran with `--write`. */
const measured = (name) => {
  const path = `docs/figures/${name}.json`;
  return existsSync(at(path)) ? readJson(path) : undefined;
};
const notYet = (name, command) => `not measured yet: \`${command} -- --write\` records it in docs/figures/${name}.json`;

// ---------------------------------------------------------------------------------------------------------------
// The renderers: figure name -> text (async). Block figures return text that starts and ends with a newline.

/** Which figures come from which measurement (docs/figures/NAME.json). */
const MEASURED = {
  'npm-test': 'npm-test',
  'npm-test-duration': 'npm-test',
  'bench-instructions': 'instructions',
  'bench-stream': 'stream',
  'bench-cli': 'cli',
  'bench-cli-duration': 'cli',
  fuzz: 'fuzz',
};

let sizesOnce;
const sizes = () => (sizesOnce ??= import('./size.mjs').then((size) => size.measureAll()));
const built = () => import(at('dist/index.js').href);

/** Every fixture folder and what it holds; a folder missing here fails the `fixtures` figure. */
const FIXTURES = {
  wire: "run steps and stream events as the API sent them, each from a public repository's recorded traffic, with a `.source.json` naming it",
  'spec-examples': 'every example of the OpenAPI description',
  openapi: "OpenAI's own schemas, which the reference validator compiles",
  synthetic: 'hand-written steps and deltas, for the parts no recording shows',
  historical: 'Assistants v1 steps, written from the documented facts',
  lists: 'list responses, recorded',
  streams: 'whole recorded streams, one event a line',
  azure: "Azure AI Foundry's run steps, recorded",
  cli: "the CLI's own inputs (odd encodings, broken files)",
  responses:
    "OpenAI's schemas of the Responses input items, which the migration tests validate against, and a synthetic thread's messages",
};

const RENDERERS = {
  /** The size table of docs/performance.md. */
  async 'size-table'() {
    const rows = (await sizes()).map(
      ({ label, minified, gzipped, budget }) =>
        `| ${label} | ${minified} B | ${gzipped} B | ${budget === undefined ? '' : `${budget} B`} |`,
    );
    return `\n| import | min | min+gzip | budget, min+gzip |\n|---|---|---|---|\n${rows.join('\n')}\n`;
  },
  /** The README's one-line summary of the sizes. */
  async 'size-summary'() {
    const rows = await sizes();
    const whole = rows.find((row) => row.name === 'whole bundle (every export)');
    const guard = rows.find((row) => row.name === 'isRunStepObject alone');
    return `${kilobytes(whole.gzipped)} minified and gzipped, \`isRunStepObject\` alone ${kilobytes(guard.gzipped)}`;
  },
  /** The README's API index: every export, by the group of docs/api.md (or docs/providers.md) that documents it. */
  async 'api-index'() {
    const groups = [...apiGroups('docs/api.md'), ...apiGroups('docs/providers.md', '## Azure profile API')];
    const total = groups.reduce((sum, group) => sum + group.names.length, 0);
    const lines = [
      '',
      `${total} exports, each with a row in [docs/api.md](docs/api.md) or, for \`openai-run-step-guards/azure\`,`,
      'in [docs/providers.md](docs/providers.md#azure-profile-api):',
      '',
    ];
    for (const { file, heading, names } of groups) {
      const title = heading.replace(/:.*$/, '');
      lines.push(
        ...wrap(
          [
            `- [${title}](${file}#${slug(heading)}):`,
            ...names
              .map((n) => `\`${n}\``)
              .join(', ')
              .split(' '),
          ],
          '  ',
        ),
      );
    }
    return `${lines.join('\n')}\n`;
  },
  /** The runtimes table of docs/development.md, from what `npm run test:runtimes` installs. */
  async 'runtimes-table'() {
    const v = readJson('scripts/runtimes/versions.json');
    return [
      '',
      '| runtime | version | how |',
      '|---|---|---|',
      `| Node.js | ${v.node.join(', ')} | \`import\` and \`require\`; Node ${v.node[0].split('.')[0]} also with \`--disallow-code-generation-from-strings\`; and the [CLI](archives-and-cli.md#cli-audit-stored-run-steps) as npm installed the bin (\`check\` on a recorded stream event and a broken line: its report and exit code 1) |`,
      `| Bun | ${v.bun} | \`import\` and \`require\` |`,
      `| Deno | ${v.deno} | \`import\`, from \`node_modules\` |`,
      `| workerd | the one Miniflare ${v.miniflare} pins | a Worker module imports the ESM builds (root and azure), without \`nodejs_compat\` |`,
      `| Chromium | Debian's \`chromium\`, driven by playwright-core ${v['playwright-core']} | headless; a localhost page loads the ESM builds (root and azure) through an import map |`,
      '',
    ].join('\n');
  },
  async 'typescript-versions'() {
    return list(readJson('scripts/runtimes/versions.json').typescript);
  },
  /** The fixture folders and how many values each holds. */
  async fixtures() {
    const folders = readdirSync(at('test/fixtures')).sort();
    const rows = folders.map((folder) => {
      if (!(folder in FIXTURES)) throw new Error(`test/fixtures/${folder}: say what it holds in scripts/figures.mjs`);
      const files = readdirSync(at(`test/fixtures/${folder}`)).filter(
        (name) => !name.endsWith('.md') && !name.endsWith('.source.json'),
      );
      return `| \`test/fixtures/${folder}\` | ${files.length} | ${FIXTURES[folder]} |`;
    });
    return `\n| folder | files | what |\n|---|---|---|\n${rows.join('\n')}\n`;
  },
  async 'size-headroom'() {
    const { HEADROOM } = await import('./size.mjs');
    return `${Math.round((HEADROOM - 1) * 100)}%`;
  },
  async 'max-issues'() {
    return String((await built()).DEFAULT_MAX_ISSUES);
  },
  // The CLI's limits, read from its source (cli/ is built into dist/cli.js, which exports nothing).
  async 'cli-count-issues'() {
    return cliConstant('cli/main.ts', 'COUNT_ISSUES');
  },
  async 'cli-max-names'() {
    return cliConstant('cli/report.ts', 'MAX_NAMES');
  },
  async 'cli-text-field'() {
    return cliConstant('cli/report.ts', 'TEXT_FIELD');
  },
  async 'cli-json-field'() {
    return cliConstant('cli/report.ts', 'JSON_FIELD');
  },
  async 'max-delta-index'() {
    return String((await built()).MAX_DELTA_INDEX);
  },
  /** The correctness gate of `npm run bench`, from bench/results.json. */
  async 'bench-gate'() {
    const results = readJson('bench/results.json');
    const rows = results.gate.map(
      ({ name, valid, corrupt, misses, reason }) =>
        `| ${/^is[A-Z]/.test(name) ? `\`${name}\`` : name} | ${valid} | ${integer(corrupt)} | ${misses} | ${misses === 0 ? 'passes' : `gated out: ${reason}`} |`,
    );
    return [
      '',
      `From \`npm run bench\` on ${results.date} (${results.runtime}, ${results.machine.cpu}, ${results.machine.cores} cores):`,
      '',
      '| validator | valid steps | corruptions | wrong answers | gate |',
      '|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n');
  },
  /** `npm run bench:instructions -- --write`, one column per check counted. */
  async 'bench-instructions'() {
    if (measured('instructions') === undefined) return `\n${notYet('instructions', 'npm run bench:instructions')}\n`;
    const { columns } = measured('instructions');
    const gate = readJson('bench/results.json').gate;
    // A peer's column is named by its file (`typebox`); the gate of `npm run bench` gives its name and verdict.
    const peer = (label) => gate.find((entry) => entry.name.toLowerCase().startsWith(label.toLowerCase()));
    const show = (label) => {
      const name = peer(label)?.name ?? label;
      return /^is[A-Z]/.test(name) ? `\`${name}\`` : name;
    };
    const labels = columns.map(({ label }) => `${show(label)}${peer(label)?.misses > 0 ? ' ✗' : ''}`);
    const inputs = Object.keys(columns[0].counts);
    const lines = [
      '',
      `| on | ${labels.join(' | ')} |`,
      `|---|${columns.map(() => '---:').join('|')}|`,
      ...inputs.map(
        (input) => `| ${input} | ${columns.map(({ counts }) => integer(counts[input] ?? NaN)).join(' | ')} |`,
      ),
      '',
      ...columns.map(
        (column) =>
          `- ${show(column.label)}: ${column.calls.toLocaleString('en-US')} calls counted by \`${column.command}\` ${where(column)}, in ${duration(column.seconds)}.`,
      ),
      '',
    ];
    return lines.join('\n');
  },
  /** `npm run bench:stream -- --write`. */
  async 'bench-stream'() {
    const m = measured('stream');
    if (m === undefined) return `\n${notYet('stream', 'npm run bench:stream')}\n`;
    const rate = ({ fastest, mean }) => `${fastest.toFixed(2)} M/s (mean ${mean.toFixed(2)})`;
    const rows = m.rows.map(
      ({ what, ours, sdk }) =>
        `| ${what} | ${ours ? `${rate(ours)}, ${ours.call}` : ''} | ${sdk ? `${rate(sdk)}, ${sdk.call}` : ''} |`,
    );
    return [
      '',
      `Measured by \`${m.writtenBy}\` ${where(m)}, against \`openai\` ${m.openai}: \`${m.stream}\`, ${m.events} events of one run, ${m.deltas} of them deltas; deltas per second, from the fastest pass and the mean one.`,
      '',
      '| from | this package | `AssistantStream` |',
      '|---|---|---|',
      ...rows,
      '',
    ].join('\n');
  },
  /** `npm run bench:cli -- --write`. */
  async 'bench-cli'() {
    const m = measured('cli');
    if (m === undefined) return `\n${notYet('cli', 'npm run bench:cli')}\n`;
    const rows = m.rows.map(
      (r) =>
        `| ${r.file} | ${integer(r.objects)} | ${r.invalid} | ${r.malformed} | ${duration(r.seconds)} | ${integer(r.perSecond)} | ${r.mbPerSecond.toFixed(0)} | ${r.peakMB.toFixed(0)} MB |`,
    );
    return [
      '',
      `Measured by \`${m.writtenBy}\` ${where(m)}, in ${duration(m.seconds)}; one line in ${integer(m.invalidEvery)} invalid, one NDJSON line in ${integer(m.brokenEvery)} cut in half:`,
      '',
      '| input | objects | invalid | malformed | time | objects/s | MB/s | peak RSS |',
      '|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n');
  },
  async 'bench-cli-duration'() {
    const m = measured('cli');
    return m === undefined ? 'not measured yet' : duration(m.seconds);
  },
  /** `npm run fuzz -- --write`. */
  async fuzz() {
    const m = measured('fuzz');
    if (m === undefined) return notYet('fuzz', 'npm run fuzz');
    const verdict = m.disagreements === 0 ? 'no disagreement' : `${m.disagreements} disagreements`;
    return `${integer(m.cases)} cases over all ${m.roots} roots, from seed ${m.seed}, took ${duration(m.seconds)} (${integer(m.cases / m.seconds)} a second), with ${verdict}: \`${m.writtenBy}\` ${where(m)}`;
  },
  /** `npm test -- --write`: how long each stage took, and the counts. */
  async 'npm-test'() {
    const m = measured('npm-test');
    if (m === undefined) return `\n${notYet('npm-test', 'npm test')}\n`;
    const stages = m.stages.map(
      ({ name, seconds, counts }) => `${name} ${duration(seconds)}${counts ? ` (${counts})` : ''}`,
    );
    return `\n\`npm test\` took ${duration(m.seconds)} ${where(m)}: ${list(stages)}.\n`;
  },
  async 'npm-test-duration'() {
    const m = measured('npm-test');
    return m === undefined ? 'not measured yet' : duration(m.seconds);
  },
};

/** The names every renderer answers to. */
export const figureNames = Object.keys(RENDERERS);

/** The text of one figure. */
export async function renderFigure(name) {
  const renderer = RENDERERS[name];
  if (renderer === undefined)
    throw new Error(`no figure called "${name}" (scripts/figures.mjs knows ${figureNames.join(', ')})`);
  return renderer();
}

/** `text` with every figure (or those `which(name)` selects) rewritten. */
export async function renderFigures(text, which = () => true) {
  const names = [...new Set([...text.matchAll(FIGURE)].map(([, name]) => name))].filter(which);
  const values = new Map();
  for (const name of names) values.set(name, await renderFigure(name));
  return text.replace(FIGURE, (whole, name) =>
    values.has(name) ? `<!-- figure: ${name} -->${values.get(name)}<!-- /figure -->` : whole,
  );
}

/** Rewrites the selected figures in every doc; returns the docs that changed. */
export async function rewriteFigures(which = () => true) {
  const changed = [];
  for (const file of docFiles()) {
    const text = readText(file);
    const next = await renderFigures(text, which);
    if (next !== text) {
      writeFileSync(at(file), next);
      changed.push(file);
    }
  }
  return changed;
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown helpers, shared with the tests

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Every heading's anchor in a Markdown text (outside code blocks), with GitHub's `-1`, `-2` for repeats. */
export function anchors(text) {
  const seen = new Map();
  const result = new Set();
  for (const [, heading] of withoutCode(text).matchAll(/^#{1,6} (.+)$/gm)) {
    const base = slug(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

/** The text with fenced code blocks blanked (their lines kept, so line numbers stay). */
export function withoutCode(text) {
  return text.replace(/^```[\s\S]*?^```/gm, (block) => block.replace(/[^\n]/g, ''));
}

/** The groups of an API doc: each `## ` section (from `start` to the next `## ` heading that is not one of them). */
export function apiGroups(file, only) {
  const text = withoutCode(readText(file));
  const sections = text.split(/^(?=## )/m).filter((section) => section.startsWith('## '));
  return sections
    .filter((section) => only === undefined || section.startsWith(`${only}\n`))
    .map((section) => ({ file, heading: section.slice(3, section.indexOf('\n')), names: [...tableNames(section)] }))
    .filter(({ names }) => names.length > 0);
}

/** The names in the first cell of each row of the tables in a text: a row may document several names. */
export function tableNames(text) {
  return new Set(
    text
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .flatMap((line) => [...line.split('|')[1].matchAll(/`([A-Za-z_$][\w$]*)`/g)].map((match) => match[1])),
  );
}

/** Words as Markdown lines of at most 120 characters (continuation lines indented). */
function wrap(words, indent) {
  const out = [];
  let current = '';
  for (const word of words) {
    if (current !== '' && current.length + 1 + word.length > 120) {
      out.push(current);
      current = indent + word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  out.push(current);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const changed = await rewriteFigures();
  console.log(`figures: ${changed.length === 0 ? 'every doc already up to date' : `rewrote ${changed.join(', ')}`}`);
}
