// The correctness gate (issue 7): before any timing, every validator must accept every valid run step of
// the test fixtures and reject every corruption the core tests generate from them (test/support/corrupt.ts).
// A validator that checks less than the package could only win by checking less, so its timings are
// marked as not comparable. `npm run bench:gate` runs this alone: CI checks that the package passes it
// and that each peer fares as `EXPECTED` says, so a new fixture or a peer's new version cannot silently
// change what the figures compare.
import { pathToFileURL } from 'node:url';
import { patternOf } from '../../test/support/contract.js';
import { corruptions } from '../../test/support/corrupt.js';
import { acceptedRunSteps } from '../../test/support/fixtures.js';
import { type Peer, peers, self } from './peers.js';

/** One input a validator answered wrongly. */
export interface Miss {
  /** The fixture (and where the step sits in it). */
  readonly source: string;
  /** What was done to it (`path: corruption`), or `valid` for an unaltered step. */
  readonly description: string;
  /** The same, with the path as a pattern (`step_details.tool_calls[]...`), for grouping. */
  readonly kind: string;
  /** `accepted` (should be rejected), `rejected` (should be accepted) or `threw: ...`. */
  readonly answer: string;
}

/** How one validator fared. */
export interface GateResult {
  readonly peer: Peer;
  readonly valid: number;
  readonly corrupt: number;
  readonly misses: readonly Miss[];
}

/**
 * The peers known to fail the gate, and why: the gate fails if any other fails it, or one of these
 * passes (then the figures would mark it wrongly). Not a judgement of the library: each is what its
 * documented schema language checks, for the same type.
 */
export const EXPECTED: ReadonlyMap<string, string> = new Map([
  ['typia', 'array holes pass: its arrays are checked with `every`, which skips holes (JSON has none; JS arrays can)'],
  ['valibot', 'an array passes for an object whose keys are all optional (`file_search`, `content[]`, maps)'],
  ['arktype', 'an array passes for an object whose keys are all optional (`file_search`, `content[]`, maps)'],
]);

interface Input {
  readonly source: string;
  readonly description: string;
  readonly kind: string;
  readonly value: unknown;
  readonly valid: boolean;
}

/** Every input of the gate: each accepted fixture step, then every corruption of each. */
export function gateInputs(): Input[] {
  const inputs: Input[] = [];
  const steps = acceptedRunSteps();
  for (const { source, step } of steps) {
    inputs.push({ source, description: 'valid', kind: 'valid step', value: step, valid: true });
  }
  for (const { source, step } of steps) {
    for (const { path, description, value } of corruptions(step)) {
      const kind = `${patternOf(path)}: ${description.slice(description.indexOf(': ') + 2)}`;
      inputs.push({ source, description, kind, value, valid: false });
    }
  }
  return inputs;
}

/** Runs one validator over every input. */
export function gate(peer: Peer, inputs: readonly Input[]): GateResult {
  const misses: Miss[] = [];
  for (const { source, description, kind, value, valid } of inputs) {
    let answer: string;
    try {
      const accepted = peer.is(value);
      if (accepted === valid) continue;
      answer = accepted ? 'accepted' : 'rejected';
    } catch (error) {
      answer = `threw: ${error instanceof Error ? error.message : String(error)}`;
    }
    misses.push({ source, description, kind, answer });
  }
  return {
    peer,
    valid: inputs.filter((input) => input.valid).length,
    corrupt: inputs.filter((input) => !input.valid).length,
    misses,
  };
}

/** What went wrong, grouped by kind: `step_details.tool_calls: hole appended (accepted)` ×12. */
export function missKinds(misses: readonly Miss[]): [kind: string, count: number][] {
  const counts = new Map<string, number>();
  for (const { kind, answer } of misses)
    counts.set(`${kind} (${answer})`, (counts.get(`${kind} (${answer})`) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** A gate result as lines of text: one line when it passes, the kinds of misses and examples when not. */
export function describeResult({ peer, valid, corrupt, misses }: GateResult): string[] {
  const validMisses = misses.filter((miss) => miss.description === 'valid').length;
  const corruptMisses = misses.length - validMisses;
  const counts = `accepts ${valid - validMisses}/${valid} valid steps, rejects ${corrupt - corruptMisses}/${corrupt} corruptions`;
  if (misses.length === 0) return [`  pass  ${peer.name}: ${counts}`];
  const lines = [`  OUT   ${peer.name}: ${counts}`];
  for (const [kind, count] of missKinds(misses).slice(0, 5)) {
    const example = misses.find((miss) => `${miss.kind} (${miss.answer})` === kind)!;
    lines.push(`        ${String(count).padStart(5)} × ${kind}`);
    lines.push(`                e.g. ${example.source}: ${example.description}`);
  }
  return lines;
}

/** Runs the gate on the package and every peer, prints it, and says whether it came out as expected. */
export function runGate(print: (line: string) => void = console.log): { results: GateResult[]; ok: boolean } {
  const inputs = gateInputs();
  const valid = inputs.filter((input) => input.valid).length;
  print(`Correctness gate: ${valid} valid run steps (test/fixtures) and their ${inputs.length - valid} corruptions`);
  print('(test/support/corrupt.ts); a validator that misses any is out: its timings are not comparable.');
  const results = [self, ...peers].map((peer) => gate(peer, inputs));
  let ok = true;
  for (const result of results) {
    for (const line of describeResult(result)) print(line);
    const out = result.misses.length > 0;
    const expected = EXPECTED.get(result.peer.name);
    if (out && expected === undefined) {
      ok = false;
      print(`        ! unexpected: ${result.peer.name} was expected to pass`);
    } else if (!out && expected !== undefined) {
      ok = false;
      print(`        ! unexpected: ${result.peer.name} was expected to be gated out (${expected})`);
    } else if (out) {
      print(`        known: ${expected}`);
    }
  }
  return { results, ok };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { ok } = runGate();
  if (!ok) {
    console.log('The gate did not come out as bench/compare/gate.ts expects.');
    process.exit(1);
  }
}
