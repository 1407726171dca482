// Types of scripts/playground.mjs, for test/browser/playground.browser.ts.
import type { Server } from 'node:http';
export declare function contentSecurityPolicy(): string;
export declare function startServer(options?: {
  port?: number;
  host?: string;
}): Promise<{ server: Server; url: string }>;
