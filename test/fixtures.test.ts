import { describe, expect, it } from 'vitest';
import { PRE_USAGE_V1, findRunSteps, loadFixtureFiles } from './support/fixtures.js';

describe('test fixtures', () => {
  const files = loadFixtureFiles();

  it('are all recognised, so that none is silently skipped', () => {
    expect(files.filter(({ kind }) => kind === 'unknown').map(({ file }) => file)).toEqual([]);
  });

  it('come from all three folders, and include list items and stream events', () => {
    const folders = new Set(files.map(({ file }) => file.split('/')[0]));
    expect([...folders].sort()).toEqual(['spec-examples', 'synthetic', 'wire']);
    const sources = findRunSteps(files).map(({ source }) => source);
    expect(sources.some((source) => source.endsWith(' data[0]'))).toBe(true);
    expect(sources.some((source) => source.endsWith(' data'))).toBe(true);
  });

  it('mark as pre-usage v1 only payloads that really have no usage key', () => {
    const steps = findRunSteps(files);
    for (const file of PRE_USAGE_V1) {
      const found = steps.filter(({ source }) => source.startsWith(file));
      expect(found.length).toBe(1);
      expect(Object.hasOwn(found[0]!.step, 'usage')).toBe(false);
    }
    const withoutUsage = steps.filter(({ step }) => !Object.hasOwn(step, 'usage')).map(({ source }) => source);
    expect(withoutUsage).toEqual([...PRE_USAGE_V1]);
  });
});
