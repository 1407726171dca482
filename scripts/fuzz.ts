// npm run fuzz: a long differential campaign, the same cases as test/differential.test.ts, by the
// million. Every case asks one deep guard and the reference validator (OpenAI's schemas with the README's
// wire patches, test/reference/) about one generated value; they must agree.
//
//   npm run fuzz                                  100,000 cases, a random seed
//   npm run fuzz -- --runs 1000000 --seed 42      a million cases from seed 42
//   npm run fuzz -- --seed 42 --path 1234         replays case 1234 of seed 42, shrinks it, prints it
//   npm run fuzz -- --without scoresAnyNumber     against the reference without one wire patch, to see
//                                                 what the patch decides (it must then find disagreements)
//   npm run fuzz -- --runs 1000000 --write        records the campaign's figures in docs/figures/fuzz.json,
//                                                 which docs/development.md shows (without it: .tmp/figures/)
//
// Progress goes to stderr every few seconds (--progress SECONDS); the summary to stdout. The campaign
// does not stop at the first disagreement: it counts them all, by root, and prints the replay command
// of the first ones. Exit code 1 when any case disagreed.
import fc from 'fast-check';
import { referenceValidators } from '../test/reference/reference.js';
import { ROOTS, allCases, disagreement, type Case } from '../test/support/differential.js';
import { machine, recordMeasurement } from './figures.mjs';

interface Options {
  runs: number;
  seed: number;
  path: string | undefined;
  progress: number;
  without: string[];
  write: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    runs: 100_000,
    seed: (Date.now() ^ (Math.random() * 2 ** 31)) | 0,
    path: undefined,
    progress: 5,
    without: [],
    write: false,
  };
  for (let index = 0; index < argv.length; index += 2) {
    const [flag, value] = [argv[index], argv[index + 1]];
    if (flag === '--write') {
      options.write = true;
      index--;
      continue;
    }
    if (value === undefined) throw new Error(`fuzz: ${flag} needs a value`);
    if (flag === '--runs') options.runs = Number(value);
    else if (flag === '--seed') options.seed = Number(value);
    else if (flag === '--path') options.path = value;
    else if (flag === '--progress') options.progress = Number(value);
    else if (flag === '--without') options.without.push(value);
    else
      throw new Error(
        `fuzz: unknown option ${flag} (known: --runs N, --seed S, --path P, --progress SECONDS, --without PATCH, --write)`,
      );
  }
  if (!Number.isSafeInteger(options.runs) || options.runs < 1)
    throw new Error('fuzz: --runs must be a positive integer');
  if (!Number.isInteger(options.seed)) throw new Error('fuzz: --seed must be an integer');
  return options;
}

const rate = (cases: number, ms: number) => Math.round((cases / ms) * 1000).toLocaleString('en-US');

/** Runs `runs` cases from `seed`, counting every disagreement; never stops early. */
async function campaign({ runs, seed, progress, without, write }: Options): Promise<number> {
  const measuredOn = machine();
  const reference = referenceValidators({ without });
  const started = performance.now();
  let cases = 0;
  let lastReport = started;
  const byRoot = new Map<string, number>();
  const first: { index: number; message: string }[] = [];
  const against = without.length === 0 ? '' : `, against the reference without ${without.join(', ')}`;
  console.error(`fuzz: ${runs.toLocaleString('en-US')} cases, seed ${seed}${against}`);
  fc.check(
    fc.property(allCases, (testCase: Case) => {
      // Without a failure fast-check never shrinks, so the n-th call is case n: its path is `n`.
      const index = cases++;
      const message = disagreement(testCase, reference);
      if (message !== undefined) {
        byRoot.set(testCase.root, (byRoot.get(testCase.root) ?? 0) + 1);
        if (first.length < 10) first.push({ index, message });
      }
      if ((cases & 1023) === 0) {
        const now = performance.now();
        if (now - lastReport >= progress * 1000) {
          lastReport = now;
          const found = [...byRoot.values()].reduce((sum, count) => sum + count, 0);
          console.error(
            `fuzz: ${cases.toLocaleString('en-US')} / ${runs.toLocaleString('en-US')} cases, ` +
              `${Math.round((now - started) / 1000)} s, ${rate(cases, now - started)} cases/s, ${found} disagreements`,
          );
        }
      }
      return true;
    }),
    { numRuns: runs, seed },
  );
  const ms = performance.now() - started;
  const disagreements = [...byRoot.values()].reduce((sum, count) => sum + count, 0);
  console.log(`seed           ${seed}`);
  console.log(`cases          ${cases.toLocaleString('en-US')}`);
  console.log(`time           ${(ms / 1000).toFixed(1)} s`);
  console.log(`cases/s        ${rate(cases, ms)}`);
  console.log(`disagreements  ${disagreements}`);
  for (const [root, count] of byRoot) console.log(`  ${root}: ${count}`);
  for (const { index, message } of first) {
    const flags = without.map((name) => ` --without ${name}`).join('');
    console.log(`\ncase ${index}: ${message}\n  replay: npm run fuzz -- --seed ${seed} --path ${index}${flags}`);
  }
  if (write && without.length > 0) console.error('fuzz: a campaign without a patch is not recorded');
  else {
    const record = { writtenBy: `npm run fuzz -- --runs ${runs} --seed ${seed} --write`, machine: measuredOn };
    const figures = { seed, cases, seconds: Number((ms / 1000).toFixed(1)), roots: ROOTS.length, disagreements };
    await recordMeasurement('fuzz', { ...record, ...figures }, write ? ['--write'] : []);
  }
  return disagreements;
}

/** Replays one case (and shrinks it when the guard and the reference disagree on it). */
function replay({ seed, path, without }: Options & { path: string }): number {
  const reference = referenceValidators({ without });
  const details = fc.check(
    fc.property(allCases, (testCase: Case) => disagreement(testCase, reference) === undefined),
    { seed, path, numRuns: 1 },
  );
  if (!details.failed || details.counterexample === null) {
    console.log(`case ${path} of seed ${seed}: the guard and the reference agree`);
    return 0;
  }
  const [shrunk] = details.counterexample;
  console.log(`case ${path} of seed ${seed}, shrunk (path ${details.counterexamplePath}):`);
  console.log(`  ${disagreement(shrunk, reference)}`);
  console.log(`  ${shrunk.root}(${fc.stringify(shrunk.value)})`);
  return 1;
}

const options = parseOptions(process.argv.slice(2));
const failed = options.path === undefined ? await campaign(options) : replay({ ...options, path: options.path });
process.exitCode = failed > 0 ? 1 : 0;
