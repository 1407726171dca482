// Types of scripts/readme.mjs, for test/readme.test.ts.
export declare function runExample(file: string): string;
export declare function render(
  text: string,
  options?: { read?: (file: string) => string; run?: (file: string) => string },
): Promise<string>;
export declare function markers(text: string): { kind: 'example' | 'output'; file: string }[];
export declare function docFiles(): string[];
