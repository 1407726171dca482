// Types of analyse.js, for the tests that import it.

/** One issue, and the characters of the value its path names. */
export interface PlaygroundIssue {
  path: (string | number)[];
  where: string;
  message: string;
  start: number;
  end: number;
  exact: boolean;
}
/** What the playground says about one value (or one broken piece) of a text. */
export interface PlaygroundEntry {
  where: string;
  line: number;
  index: number | undefined;
  start: number;
  end: number;
  kind: string;
  id?: string | undefined;
  valid: boolean | undefined;
  issues: PlaygroundIssue[];
  summary: string[];
  message: string | undefined;
}
export declare function isSse(text: string): boolean;
export declare function describeStep(step: unknown): string[];
export declare function analyse(text: string, options?: { azure?: boolean }): PlaygroundEntry[];
