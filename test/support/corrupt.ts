// Generates every corruption of a valid run step that the contract (contract.ts) says must be rejected:
// each required key removed, each value given a wrong type, each enum given an unknown value, each
// discriminant swapped for a sibling, each array broken with a hole or a bad item, and `type` swapped
// against `step_details`. Nothing here is written out per fixture: it all follows from the contract.
import { isObject } from './fixtures.js';
import { RUN_STEP_CONTRACT, formatPath, patternOf, type Contract } from './contract.js';

type Path = readonly (string | number)[];

/** One corruption: what was done, where, and the corrupted copy. */
export interface Corruption {
  readonly path: Path;
  readonly description: string;
  readonly value: unknown;
}

/** Every path in a JSON value, parents before children, in key order. */
export function* walk(value: unknown, path: Path = []): Generator<Path> {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      yield [...path, index];
      yield* walk(value[index], [...path, index]);
    }
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) {
      yield [...path, key];
      yield* walk(value[key], [...path, key]);
    }
  }
}

/** The value at `path`. */
export function getAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const segment of path) value = (value as Record<string | number, unknown>)[segment];
  return value;
}

/** A fresh copy of `root` with `edit` applied to the parent of `path`. */
function editAt(root: unknown, path: Path, edit: (parent: any, key: string | number) => void): unknown {
  const copy = structuredClone(root);
  edit(getAt(copy, path.slice(0, -1)), path[path.length - 1] as string | number);
  return copy;
}

/** Values of a wrong type for the value now at `pattern` (never one the contract allows there). */
function wrongValues(pattern: string, current: unknown, contract: Contract): unknown[] {
  const nullable = contract.nullable.has(pattern);
  const orNull = (values: unknown[]) => (nullable ? values : [...values, null]);
  if (contract.scalar.has(pattern)) return [null, {}, [], Number.NaN, Number.POSITIVE_INFINITY];
  if (typeof current === 'string') return orNull([42, true, {}, []]);
  if (typeof current === 'number') {
    const values: unknown[] = [String(current), true, {}, [], Number.NaN, Number.POSITIVE_INFINITY];
    if (!contract.fractional.has(pattern)) values.push(current + 0.5);
    return orNull(values);
  }
  if (Array.isArray(current)) return orNull(['x', 1, {}]);
  if (isObject(current)) return orNull(['x', 1, [], true]);
  if (current === null) return [true, 1.5, []];
  return [];
}

/** Every corruption of `step` that must be rejected (a run step, or another root given its `contract`). */
export function corruptions(step: Record<string, unknown>, contract: Contract = RUN_STEP_CONTRACT): Corruption[] {
  const out: Corruption[] = [];
  const add = (path: Path, description: string, value: unknown) =>
    out.push({ path, description: `${formatPath(path)}: ${description}`, value });

  for (const path of walk(step)) {
    const pattern = patternOf(path, contract.maps);
    const current = getAt(step, path);
    const last = path[path.length - 1];

    if (typeof last === 'string' && !contract.optional.has(pattern)) {
      add(
        path,
        'removed',
        editAt(step, path, (parent, key) => delete parent[key]),
      );
    }
    for (const wrong of wrongValues(pattern, current, contract)) {
      add(
        path,
        `set to ${describe(wrong)}`,
        editAt(step, path, (parent, key) => (parent[key] = wrong)),
      );
    }
    const members = contract.enums.get(pattern);
    if (members !== undefined && typeof current === 'string') {
      for (const unknown of [`${current}_x`, current.toUpperCase(), '']) {
        add(
          path,
          `unknown value "${unknown}"`,
          editAt(step, path, (parent, key) => (parent[key] = unknown)),
        );
      }
      if (contract.discriminants.has(pattern)) {
        for (const sibling of members.filter((member) => member !== current)) {
          add(
            path,
            `swapped to "${sibling}"`,
            editAt(step, path, (parent, key) => (parent[key] = sibling)),
          );
        }
      }
    }
    if (Array.isArray(current)) {
      add(
        path,
        'hole appended',
        editAt(step, path, (parent, key) => (parent[key].length += 1)),
      );
      add(
        path,
        'null item appended',
        editAt(step, path, (parent, key) => parent[key].push(null)),
      );
    }
  }
  return out;
}

/** A short rendering of a replacement value for a corruption's description. */
function describe(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value);
}
