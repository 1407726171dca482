/**
 * The registry of tool call and step details kinds beyond OpenAI's: what `defineToolCallKind` and
 * `defineStepDetailsKind` make for a user, and what the package makes for its own kinds (Azure's, v1's
 * `retrieval`) through a private path that never goes through a public validator. The kind objects are
 * frozen and hold no check: the check sits here, keyed by the object, so that nothing can swap it, and a
 * kind made by another copy of the package (its ESM build beside its CommonJS build) is found in neither.
 */

import type { _KeyGroup } from './keys.js';
import type { _At, _Record } from './read.js';

/**
 * What checks one kind's body, once the dispatch has read and checked the `type` (and a call's `id`): it
 * is given the record as the call reads it, the value itself (for a user's check, see `_forUser`), and
 * the position.
 */
export type _KindBody = (record: _Record, value: object, at: _At) => boolean;

/** One kind's entry: its body, and the group of keys its checks read beyond the base ones. */
export interface _KindEntry {
  readonly body: _KindBody;
  readonly keys: _KeyGroup | undefined;
}

/** The entries, by kind object. */
const _entries: WeakMap<object, _KindEntry> = /* @__PURE__ */ new WeakMap();

/** Registers the entry of a kind object this package made. */
export function _registerKind(kind: object, entry: _KindEntry): void {
  _entries.set(kind, entry);
}

/** The entry of a kind made by this copy of the package; `undefined` for any other value. */
export function _kindEntry(kind: unknown): _KindEntry | undefined {
  return typeof kind === 'object' && kind !== null ? _entries.get(kind) : undefined;
}
