// Building blocks for hostile inputs (test/hostile.test.ts, test/prototype-pollution.test.ts): proxies
// that throw or are revoked, getters, freezing that never reads a getter or touches a proxy, and a deep
// instrument that counts every read and records every attempted write.
import { getAt } from './corrupt.js';

type Path = readonly (string | number)[];

/** A value no schema accepts wherever a check reads it: the stand-in for a value that cannot be read. */
export const UNREADABLE: unique symbol = Symbol('unreadable');

/** Every proxy trap, each throwing. */
export const THROWING_TRAPS: ProxyHandler<object> = Object.fromEntries(
  [
    'get',
    'has',
    'ownKeys',
    'getOwnPropertyDescriptor',
    'getPrototypeOf',
    'defineProperty',
    'set',
    'deleteProperty',
    'isExtensible',
    'preventExtensions',
    'apply',
    'construct',
    'setPrototypeOf',
  ].map((trap) => [
    trap,
    () => {
      throw new Error(`trap ${trap}`);
    },
  ]),
);

/** A proxy that was revoked: any operation on it throws a TypeError. */
export function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** A proxy over `target` whose every trap throws. */
export const throwingProxy = (target: object): object => new Proxy(target, THROWING_TRAPS);

/** A fresh copy of `root` with the value at `path` (not the root) set to `value`. */
export function replaceAt(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root);
  (getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>)[path[path.length - 1]!] = value;
  return copy;
}

/** A fresh copy of `root` whose key at `path` (not the root) is an enumerable getter. */
export function getterAt(root: unknown, path: Path, get: () => unknown): unknown {
  const copy = structuredClone(root);
  Object.defineProperty(getAt(copy, path.slice(0, -1)) as object, path[path.length - 1]!, {
    enumerable: true,
    configurable: true,
    get,
  });
  return copy;
}

/** A getter that answers `answers[0]` on the first read, `answers[1]` on the second, and so on. */
export function answering(...answers: unknown[]): () => unknown {
  let reads = 0;
  return () => answers[Math.min(reads++, answers.length - 1)];
}

/** `levels` objects nested in one another, built and frozen from the inside out (no recursion). */
export function deeplyNested(levels: number): object {
  let deep: object = Object.freeze({});
  for (let level = 0; level < levels; level++) deep = Object.freeze({ deeper: deep });
  return deep;
}

/**
 * Freezes `value` all the way down without calling a getter (it walks property descriptors) and
 * without touching the objects in `skip` (hostile proxies, which would throw), iteratively so that deep
 * nesting cannot overflow the stack. Returns `value`.
 */
export function freeze<Value>(value: Value, skip: ReadonlySet<unknown> = new Set()): Value {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if ((typeof item !== 'object' && typeof item !== 'function') || item === null || skip.has(item)) continue;
    if (Object.isFrozen(item)) continue;
    Object.freeze(item);
    // An array's items by index: `Reflect.ownKeys` would make a string of each of a million indices.
    const keys: Iterable<PropertyKey> = Array.isArray(item) ? item.keys() : Reflect.ownKeys(item);
    for (const key of keys) {
      const descriptor = Object.getOwnPropertyDescriptor(item, key);
      if (descriptor !== undefined && 'value' in descriptor) stack.push(descriptor.value);
    }
  }
  return value;
}

/** What an instrumented value saw: reads by path, and every attempted write. */
export interface Instrumented {
  readonly value: unknown;
  readonly reads: Map<string, number>;
  readonly writes: string[];
}

/**
 * Wraps `value` (not frozen: the invariants of frozen targets forbid handing out wrappers) so that every
 * property read is counted by path and every write, definition, deletion or prototype change is
 * recorded and refused, at any depth.
 */
export function instrument(value: unknown): Instrumented {
  const reads = new Map<string, number>();
  const writes: string[] = [];
  const wrap = (target: unknown, path: string): unknown => {
    if (typeof target !== 'object' || target === null) return target;
    const refuse =
      (what: string) =>
      (...args: unknown[]): boolean => {
        writes.push(`${what} ${path}.${String(args[1] ?? '')}`);
        return false;
      };
    return new Proxy(target, {
      get(object, key, receiver) {
        const where = `${path}.${String(key)}`;
        reads.set(where, (reads.get(where) ?? 0) + 1);
        return wrap(Reflect.get(object, key, receiver), where);
      },
      set: refuse('set'),
      defineProperty: refuse('defineProperty'),
      deleteProperty: refuse('deleteProperty'),
      setPrototypeOf: refuse('setPrototypeOf'),
      preventExtensions: refuse('preventExtensions'),
    });
  };
  return { value: wrap(value, ''), reads, writes };
}

/** A value whose every read is counted (test/complexity.test.ts): the wrapped value, and the count so far. */
export interface Counted {
  readonly value: unknown;
  /** Every trap the checks ran on the value or anything inside it: reads, `in`, key lists, descriptors. */
  count(): number;
}

/**
 * Wraps `value` (not frozen: the invariants of frozen targets forbid handing out wrappers) so that every
 * operation on it or on any object inside it is counted: work done, whatever the clock says. An object
 * met twice (an array filled with one item) gets one wrapper, so the count is that of the value as the
 * checks see it.
 */
export function counted(value: unknown): Counted {
  let operations = 0;
  const wrappers = new WeakMap<object, object>();
  const wrap = (target: unknown): unknown => {
    if (typeof target !== 'object' || target === null) return target;
    const known = wrappers.get(target);
    if (known !== undefined) return known;
    const proxy = new Proxy(target, {
      get: (object, key, receiver) => (operations++, wrap(Reflect.get(object, key, receiver))),
      has: (object, key) => (operations++, Reflect.has(object, key)),
      ownKeys: (object) => (operations++, Reflect.ownKeys(object)),
      getOwnPropertyDescriptor: (object, key) => (operations++, Reflect.getOwnPropertyDescriptor(object, key)),
      getPrototypeOf: (object) => (operations++, Reflect.getPrototypeOf(object)),
    });
    wrappers.set(target, proxy);
    return proxy;
  };
  return { value: wrap(value), count: () => operations };
}
