// Keeps the README's examples true. A fenced block after `<!-- example: FILE -->` is that file's code;
// a fenced block after `<!-- output: FILE -->` is what running that file prints. `npm run readme`
// rewrites both from the files; test/readme.test.ts fails when they differ, so no example can go stale.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MARKER = /<!-- (example|output): (\S+) -->\n(```\w*\n)([\s\S]*?)```/g;

/** Runs an example as a user would (the built package, imported by name) and returns what it prints. */
export function runExample(file) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${file} failed (exit ${result.status}):\n${result.stderr}`);
  return result.stdout;
}

/** The README with every marked block replaced by what its file holds or prints. */
export function render(readme, { read = (file) => readFileSync(file, 'utf8'), run = runExample } = {}) {
  return readme.replace(MARKER, (_, kind, file, fence) => {
    const body = kind === 'example' ? read(file) : run(file);
    return `<!-- ${kind}: ${file} -->\n${fence}${body.endsWith('\n') ? body : `${body}\n`}\`\`\``;
  });
}

/** Every marked block, as `{kind, file}`. */
export function markers(readme) {
  return [...readme.matchAll(MARKER)].map(([, kind, file]) => ({ kind, file }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = readFileSync('README.md', 'utf8');
  writeFileSync('README.md', render(readme));
  console.log(`README.md: ${markers(readme).length} example and output blocks rewritten`);
}
