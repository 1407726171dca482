// `npm run playground`: serves docs/playground/ (with the built package it imports from dist/, and the example
// inputs of examples/) on http://127.0.0.1:4173/docs/playground/. Node only, no dependency. Nothing else of the
// repository is served. The page runs under a Content-Security-Policy without 'unsafe-eval' or 'unsafe-inline',
// and with no inline script at all (dist/azure.js and dist/index.js share their chunk by relative imports, so
// the page needs no import map).
//   --port N   another port (0: any free one)
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The folders the page may load from. */
const SERVED = ['docs/playground/', 'dist/', 'examples/'];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.jsonl': 'text/plain; charset=utf-8',
  '.ndjson': 'text/plain; charset=utf-8',
  '.sse': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The page's policy: scripts and styles from this server only. */
export function contentSecurityPolicy() {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Starts the server; resolves to `{server, url}` (the page's URL). */
export function startServer({ port = 4173, host = '127.0.0.1' } = {}) {
  const policy = contentSecurityPolicy();
  const server = createServer((request, response) => {
    let path;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (path === '/' || path === '/docs/playground') {
      response.writeHead(302, { location: '/docs/playground/' }).end();
      return;
    }
    const relative = normalize(path.endsWith('/') ? `${path}index.html` : path).replace(/^[/\\]+/, '');
    const file = join(ROOT, relative);
    const allowed =
      file.startsWith(ROOT) &&
      !relative.split(sep).includes('..') &&
      SERVED.some((folder) => relative.startsWith(folder)) &&
      extname(file) in TYPES &&
      existsSync(file) &&
      statSync(file).isFile();
    if (!allowed) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)],
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': policy,
    });
    response.end(readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: bound } = server.address();
      resolve({ server, url: `http://${host}:${bound}/docs/playground/` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(join(ROOT, 'dist/index.js'))) {
    console.error('playground: dist/ is missing: run npm run build first (npm run playground does)');
    process.exit(1);
  }
  const at = process.argv.indexOf('--port');
  const { url } = await startServer({ port: at === -1 ? 4173 : Number(process.argv[at + 1]) });
  console.log(`playground: ${url} (Ctrl-C stops it)`);
}
