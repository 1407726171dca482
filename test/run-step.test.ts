import { afterAll, describe, expect, it } from 'vitest';
import { isRunStepObject } from '../src/index.js';
import { corruptions } from './support/corrupt.js';
import { PRE_USAGE_V1, acceptedRunSteps, deepFreeze, findRunSteps, loadFixtureFiles } from './support/fixtures.js';

const files = loadFixtureFiles();
const accepted = acceptedRunSteps();
const totals = { steps: 0, corruptions: 0 };

afterAll(() => {
  console.info(
    `isRunStepObject: accepted ${totals.steps} fixture run steps, rejected ${totals.corruptions} generated corruptions`,
  );
});

describe('isRunStepObject accepts every run step in the fixtures', () => {
  it('finds run steps in every kind of fixture', () => {
    expect(accepted.length).toBeGreaterThanOrEqual(30);
  });

  it.each(accepted.map(({ source, step }) => [source, step] as const))('%s', (_, step) => {
    const frozen = deepFreeze(structuredClone(step));
    const before = JSON.stringify(frozen);
    expect(isRunStepObject(frozen)).toBe(true);
    expect(JSON.stringify(frozen)).toBe(before);
    totals.steps++;
  });
});

describe('isRunStepObject rejects every generated corruption', () => {
  it.each(accepted.map(({ source, step }) => [source, step] as const))('%s', (_, step) => {
    const generated = corruptions(step);
    expect(generated.length).toBeGreaterThan(20);
    const wronglyAccepted = generated.filter(({ value }) => isRunStepObject(value)).map((c) => c.description);
    expect(wronglyAccepted).toEqual([]);
    totals.corruptions += generated.length;
  });
});

describe('isRunStepObject and the payloads it does not accept', () => {
  it('rejects Assistants v1 payloads from before usage existed, and for that reason only', () => {
    const v1 = findRunSteps(files).filter(({ source }) => PRE_USAGE_V1.has(source));
    expect(v1.length).toBeGreaterThan(0);
    for (const { step } of v1) {
      expect(isRunStepObject(step)).toBe(false);
      expect(isRunStepObject({ ...step, usage: null })).toBe(true);
    }
  });

  it('rejects run step deltas and stream events: they are not run steps', () => {
    const others = files.filter(({ kind }) => kind === 'delta' || kind === 'delta event' || kind === 'step event');
    expect(others.length).toBeGreaterThan(0);
    for (const { json } of others) expect(isRunStepObject(json)).toBe(false);
    for (const { json } of files.filter(({ kind }) => kind === 'delta event')) {
      expect(isRunStepObject((json as { data: unknown }).data)).toBe(false);
    }
  });

  it('rejects values that are not objects', () => {
    for (const value of [
      undefined,
      null,
      0,
      'thread.run.step',
      true,
      1n,
      Symbol('step'),
      () => {},
      [],
      [accepted[0]!.step],
    ]) {
      expect(isRunStepObject(value)).toBe(false);
    }
  });
});

describe('isRunStepObject follows the wire, not the letter of the spec', () => {
  const { step } = accepted.find(({ step }) => step['type'] === 'message_creation' && step['usage'] !== null)!;

  it('accepts unknown extra keys anywhere (the API adds fields without notice)', () => {
    const extended = structuredClone(step) as any;
    extended.new_field = { nested: [1, 2, 3] };
    extended.step_details.extra = true;
    extended.usage.future_tokens_details = { something: 1 };
    expect(isRunStepObject(extended)).toBe(true);
  });

  it('treats expired_at, expires_at and metadata as optional and nullable', () => {
    const { expired_at, expires_at, metadata, ...bare } = step as Record<string, unknown>;
    expect(isRunStepObject(bare)).toBe(true);
    for (const key of ['expired_at', 'expires_at', 'metadata']) {
      expect(isRunStepObject({ ...bare, [key]: null })).toBe(true);
      expect(isRunStepObject({ ...bare, [key]: undefined })).toBe(true);
    }
    expect(isRunStepObject({ ...bare, expired_at: 1700000000, expires_at: 1700000600 })).toBe(true);
    expect(isRunStepObject({ ...bare, metadata: { a: 'b' } })).toBe(true);
    expect(isRunStepObject({ ...bare, metadata: { a: 1 } })).toBe(false);
    expect(isRunStepObject({ ...bare, expires_at: 1700000600.5 })).toBe(false);
  });

  it('does not enforce ranges the spec states only in prose', () => {
    const metadata = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`key_${'k'.repeat(80)}_${i}`, 'v'.repeat(600)]),
    );
    expect(isRunStepObject({ ...step, metadata })).toBe(true);
  });

  it('rejects numbers JSON cannot carry and floats where integers belong', () => {
    for (const created_at of [Number.NaN, Number.POSITIVE_INFINITY, 1.5, '1700000000']) {
      expect(isRunStepObject({ ...step, created_at })).toBe(false);
    }
    expect(isRunStepObject({ ...step, created_at: -0 })).toBe(true);
  });
});
