// Types of json-scan.js, for the tests that import it.

/** A JSON value as the text holds it: `end` is exclusive. */
export interface ScanNode {
  kind: 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'frame';
  start: number;
  end: number;
  members?: Map<string, { keyStart: number; keyEnd: number; node: ScanNode }>;
  items?: ScanNode[];
}
export declare class ScanError extends SyntaxError {
  position: number;
  constructor(message: string, position: number);
}
export declare function scanValue(text: string, from?: number): { node: ScanNode; end: number };
export declare function scanAll(text: string): {
  values: ScanNode[];
  errors: { start: number; end: number; position: number; message: string }[];
};
export declare function locate(
  node: ScanNode,
  path: readonly (string | number)[],
): { start: number; end: number; exact: boolean };
/** Steps taken by every scan so far (for the tests that show the work is linear). */
export declare const work: { steps: number };
