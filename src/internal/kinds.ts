/**
 * The registry of tool call and step details kinds beyond OpenAI's: what `defineToolCallKind` and
 * `defineStepDetailsKind` make for a user, and what the package makes for its own kinds (Azure's, v1's
 * `retrieval`) through a private path that never goes through a public validator. The kind objects are
 * frozen and hold no check: the check sits here, keyed by the object, so that nothing can swap it, and a
 * kind made by another copy of the package (its ESM build beside its CommonJS build) is found in neither.
 */

import type { _KeyGroup } from './keys.js';
import type { _At, _Check, _Record } from './read.js';

/**
 * What checks one kind's body, once the dispatch has read and checked the `type` (and a call's `id`): it
 * is given the record as the call reads it, the value itself (for a user's check, see `_forUser`), and
 * the position.
 */
export type _KindBody = (record: _Record, value: object, at: _At) => boolean;

/**
 * How a kind's fragments merge into its call (or details) in a stream, as data: the accumulator merges by
 * it (streaming/rules.ts), and the package's own kinds check their fragments by it too. For each value:
 * - `text`: a string; a fragment is appended; `null` changes nothing, and a value first seen as `null`
 *   starts as `""` (a first fragment carries `null` where the completed call carries a string);
 * - `nullable`: a string or `null`, as `text`, except that a value first seen as `null` stays `null`;
 * - `name`: a string the first fragment sets; a later one may repeat it, not change it;
 * - `value`: any value; a later fragment's replaces it;
 * - `{whole}`: a value that arrives whole, checked by `whole`; a later fragment's replaces it;
 * - `auto` (a user's kinds): by what arrives: strings appended, `null` changing nothing, arrays of chunks
 *   with an integer `index` merged by index, other arrays appended, objects merged key by key, anything
 *   else replaced;
 * - `{fields}`: an object merged key by key, each key by its rule (other keys: the last value wins);
 * - `{values}`: an object whose every value follows one rule (a `dict[str, str]` payload);
 * - `{items}`: an array of chunks, each with its own integer `index`, merged by it, their keys by `items`;
 * - `{append}`: an array; a fragment's items, each checked by `append`, are appended.
 * A rule that checks whatever it lets replace a value (no `value`, no `auto`) keeps a valid call valid: the
 * package's own kinds are written so, and their calls are checked once, when their first chunk makes them.
 */
export type _MergeRule =
  | 'text'
  | 'nullable'
  | 'name'
  | 'value'
  | 'auto'
  | { readonly whole: _Check }
  | { readonly fields: Readonly<Record<string, _MergeRule>> }
  | { readonly values: _MergeRule }
  | { readonly items: Readonly<Record<string, _MergeRule>> }
  | { readonly append: _Check };

/**
 * One kind's entry: its body, the group of keys its checks read beyond the base ones, and in a stream the
 * body of its fragments (`undefined`: not checked field by field) and how they merge (`undefined`: `auto`,
 * and every call the merge builds is checked by `body`; with a rule of the package's own, only the call a
 * first chunk makes, see `_MergeRule`). A call's rule is a `{fields}` rule over the call's own keys, beside
 * `index`, `id` and `type`.
 */
export interface _KindEntry {
  readonly body: _KindBody;
  readonly keys: _KeyGroup | undefined;
  readonly delta: _KindBody | undefined;
  readonly merge: _MergeRule | undefined;
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

/** The flavour of each run step guard a flavour made (guards/entries.ts), by guard: what the accumulator is given. */
const _flavours: WeakMap<object, object> = /* @__PURE__ */ new WeakMap();

/** Registers the flavour (guards/flavour.ts: typed `object` here, below it) of a guard this package made. */
export function _registerFlavour(guard: object, flavour: object): void {
  _flavours.set(guard, flavour);
}

/** The flavour of a run step guard this copy of the package made from one; `undefined` for any other value. */
export function _flavourOf(guard: unknown): object | undefined {
  return typeof guard === 'function' ? _flavours.get(guard) : undefined;
}
