/**
 * What the stream accumulator (src/streaming/) knows about the objects it built, kept beside them rather
 * than on them, so that a snapshot stays plain data with no key of ours: which snapshots it built, where
 * the items of an array with a gap sit, and how a file search body holds its results. The tables outlive
 * every call and are shared by every accumulator, process-wide state, which the package keeps in
 * src/internal/ only, behind small functions. Every table is weak: a snapshot its holder drops takes its
 * entries with it.
 *
 * This file imports nothing: src/internal/ files import only each other, and these tables need nothing.
 */

/**
 * The `index` of each item of an array the merge built, for the arrays whose items do not sit at their
 * index (some lower index has not arrived yet). Arrays absent from it (any array the server sent, and
 * most built ones) hold item `i` at index `i`. A copy of a snapshot (`structuredClone`, JSON) taken while
 * a gap is open loses this; pass `applyRunStepDelta` the snapshot it returned.
 */
const _indices = new WeakMap<readonly unknown[], readonly number[]>();
/**
 * Whether `_indices` ever held an array. Real streams send calls and outputs in index order, so it stays
 * `false` and no merge pays for a `WeakMap` lookup (a fifth of a merge, bench:stream).
 */
let _gapsSeen = false;

/** Whether any array ever had a gap; while not, `_indicesOf` answers without a lookup. */
export function _gapsWereSeen(): boolean {
  return _gapsSeen;
}

/** The indices of the items of `array` (see `_indices`), or `undefined` when item `i` sits at index `i`. */
export function _indicesOf(array: readonly unknown[]): readonly number[] | undefined {
  return _gapsSeen ? _indices.get(array) : undefined;
}

/** Records that the items of `array`, which has a gap, sit at `indices` (sorted, distinct). */
export function _setIndices(array: readonly unknown[], indices: readonly number[]): void {
  _gapsSeen = true;
  _indices.set(array, indices);
}

/**
 * Keeps what `_indices` knows of a snapshot's array for a copy made of it (copy.ts calls this for each
 * array it copies, while gaps were seen), so that a snapshot passed back keeps its indices.
 */
export function _keepIndices(source: object, copy: unknown[]): void {
  if (!_gapsSeen) return;
  const known = _indices.get(source as unknown[]);
  if (known !== undefined) _indices.set(copy, known);
}

/**
 * The snapshots `applyRunStepDelta` returned: made of its own copies, plain data, so that it checks
 * them without copying them again when they come back, as a chain of deltas passes them. (A snapshot is
 * to be treated as read-only: one changed by its holder should be passed as a copy, such as
 * `structuredClone(snapshot)`.) Membership never runs a trap.
 */
const _built = new WeakSet<object>();

/** Records that `step` is a snapshot `applyRunStepDelta` built (see `_built`). */
export function _markBuilt(step: object): void {
  _built.add(step);
}

/** Whether `value` is a snapshot `applyRunStepDelta` built (see `_built`); never runs a trap. */
export function _isBuilt(value: object): boolean {
  return _built.has(value);
}

/**
 * How a body the merge built holds an array it appends to (a file search body's `results`, an array a
 * kind's rule appends to): the first `length` items of `backing`, under `key`.
 */
export interface _ResultsView {
  /** The key of the body that holds the array. */
  readonly key: string;
  /** An array shared by a body and the bodies built from it; only the merge appends to it. */
  readonly backing: unknown[];
  /** How many of its items are this body's. */
  readonly length: number;
}

/**
 * The results of the file search bodies the merge built (see `_defineResults` in
 * src/streaming/merge.ts, which says why results are shared this way).
 */
const _results = new WeakMap<object, _ResultsView>();

/** How `body` holds its results, or `undefined` for a body the merge did not build (or whose were set). */
export function _resultsOf(body: object): _ResultsView | undefined {
  return _results.get(body);
}

/** Records how `body` holds its results. */
export function _setResults(body: object, view: _ResultsView): void {
  _results.set(body, view);
}

/** Forgets how `body` held its results: its holder set `results` to a value of its own. */
export function _forgetResults(body: object): void {
  _results.delete(body);
}
