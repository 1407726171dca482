// The CLI's recogniser (cli/recognise.ts) on its own: what a value counts as, how many issues it has, and the work a
// list costs, counted through a proxy (reads of the list's own keys), never timed.
import { describe, expect, it } from 'vitest';
import { recognise, skippedEvent, type Options, type Verdict } from '../cli/recognise.js';

const options: Options = { maxIssues: 100, countIssues: 1000 };

function verdicts(value: unknown, event = false, opts: Options = options): Verdict[] {
  return [...recognise(value, '', opts, event)];
}

/** A proxy that counts every read of its target's keys (get, has, ownKeys, descriptors). */
function counting<T extends object>(target: T): { proxy: T; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(target, {
    get: (t, key, receiver) => (reads++, Reflect.get(t, key, receiver)),
    has: (t, key) => (reads++, Reflect.has(t, key)),
    ownKeys: (t) => (reads++, Reflect.ownKeys(t)),
    getOwnPropertyDescriptor: (t, key) => (reads++, Reflect.getOwnPropertyDescriptor(t, key)),
  });
  return { proxy, reads: () => reads };
}

describe('list responses', () => {
  /** A list with `keys` extra envelope keys and `items` items that are not run steps. */
  function list(keys: number, items: number) {
    const value: Record<string, unknown> = {
      object: 'list',
      data: Array.from({ length: items }, (_, i) => ({ object: 'thread.message', id: `msg_${i}` })),
      first_id: null,
      last_id: null,
      has_more: false,
    };
    for (let k = 0; k < keys; k++) value[`extra_${k}`] = k;
    return value;
  }

  it('the envelope is read once, whatever the number of items: K keys and M items cost K + M, not K × M', () => {
    const measure = (k: number, m: number) => {
      const { proxy, reads } = counting(list(k, m));
      let n = 0;
      for (const verdict of recognise(proxy, '', options)) {
        n++;
        if (verdict.kind === 'list') expect(verdict.issues).toEqual([]);
        else expect(verdict.issues[0]).toMatchObject({ path: ['object'], expected: '"thread.run.step"' });
      }
      expect(n).toBe(m + 1);
      return reads();
    };
    const one = measure(500, 500);
    const two = measure(1000, 1000);
    console.log(`list envelope × items: K=M=500: ${one} reads; K=M=1000: ${two} reads`);
    expect(two).toBeLessThanOrEqual(2 * one + 16);
  });

  it('gives its verdicts one at a time: a list of a million items is not judged whole before the first', () => {
    const value = list(0, 1_000_000);
    const it = recognise(value, '', options);
    expect(it.next().value).toMatchObject({ kind: 'list', issues: [] });
    expect(it.next().value).toMatchObject({ kind: 'run step', where: 'data[0]', id: 'msg_0' });
  });

  it("an item that is not a run step gets a run step's issues, with paths from the item", () => {
    const [, item] = verdicts({ object: 'list', data: [42], first_id: null, last_id: null, has_more: 'no' });
    expect(item).toMatchObject({ kind: 'run step', where: 'data[0]', issueCount: 1 });
    expect(item!.issues[0]).toMatchObject({ path: [], expected: 'object' });
  });
});

describe('stream events that hold no run step', () => {
  it('are told apart by name, own keys only', () => {
    expect(skippedEvent({ event: 'thread.message.delta', data: {} })).toBe('thread.message.delta');
    expect(skippedEvent({ event: 'toString', data: {} })).toBe('toString');
    expect(skippedEvent({ event: 'thread.run.step.created', data: {} })).toBeUndefined();
    expect(skippedEvent({ event: 'done' })).toBeUndefined(); // no data: not an event, unrecognised
    expect(skippedEvent({ event: 'done' }, true)).toBe('done');
    expect(skippedEvent(Object.create({ event: 'x', data: {} }))).toBeUndefined();
  });
});
