// Part of `npm run test:package`: every file that the README links to, and every file the docs it links to
// link to in turn, must be in the published tarball (`npm pack --dry-run --json` lists its files), so that the
// links work on npm and in node_modules as they do in the repository. (That each link resolves, and each
// `#anchor` names a heading, test/readme.test.ts checks.)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withoutCode } from './figures.mjs';

/** Every file linked from `start`, and from the Markdown files it links to, transitively (`start` included). */
export function linkedFiles(start = 'README.md') {
  const found = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    if (!file.endsWith('.md') || !existsSync(file)) continue;
    for (const [, target] of withoutCode(readFileSync(file, 'utf8')).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target) || target.startsWith('#')) continue;
      const linked = normalize(join(dirname(file), target.split('#')[0]));
      if (!found.has(linked)) (found.add(linked), queue.push(linked));
    }
  }
  return [...found].sort();
}

/** The files `npm pack` would put in the tarball. */
export function packedFiles() {
  const json = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
  return new Set(JSON.parse(json)[0].files.map(({ path }) => path));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const linked = linkedFiles();
  const packed = packedFiles();
  const missing = linked.filter((file) => !packed.has(file));
  if (missing.length > 0) {
    console.error(
      `check-links: linked from the README or its guides, but not in the tarball (add them to "files" in ` +
        `package.json, or make the link absolute):\n  ${missing.join('\n  ')}`,
    );
    process.exit(1);
  }
  console.log(`check-links: ${linked.length} linked files, all in the tarball`);
}
