// The wire shape every peer describes is the package's own (src/types.ts). Each peer module asserts at
// compile time that what its schema infers is that type, so a schema cannot quietly drift from it.
import type { RunStepObject } from '../../src/types.js';

/** `true` when `Peer` and {@link RunStepObject} are assignable to each other, else `false`. */
export type SameShape<Peer> = [Peer] extends [RunStepObject] ? ([RunStepObject] extends [Peer] ? true : false) : false;
