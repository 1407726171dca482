// Types of scripts/figures.mjs, for the TypeScript that imports it (benches, fuzz, tests).

/** Where a measurement was made. */
export interface Machine {
  date: string;
  node: string;
  cpu: string;
  cores: number;
  load: number;
}
export declare const FIGURE: RegExp;
export declare const figureNames: string[];
export declare function docFiles(): string[];
export declare function duration(seconds: number): string;
export declare function machine(): Machine;
export declare function recordMeasurement(
  name: string,
  record: { writtenBy: string; machine: Machine; [key: string]: unknown },
  argv?: readonly string[],
): Promise<string>;
export declare function renderFigure(name: string): Promise<string>;
export declare function renderFigures(text: string, which?: (name: string) => boolean): Promise<string>;
export declare function rewriteFigures(which?: (name: string) => boolean): Promise<string[]>;
export declare function slug(heading: string): string;
export declare function anchors(text: string): Set<string>;
export declare function withoutCode(text: string): string;
export declare function apiGroups(file: string, only?: string): { file: string; heading: string; names: string[] }[];
export declare function tableNames(text: string): Set<string>;
