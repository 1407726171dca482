// Types of scripts/chromium.mjs, for test/browser/playground.browser.ts.
export declare const CHROMIUM: string;
export declare const CHROMIUM_FLAGS: readonly string[];
