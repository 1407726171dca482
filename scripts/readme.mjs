// Keeps the README and the guides (docs/*.md) true. In each of them, a fenced block after `<!-- example: FILE -->`
// is that file's code; a fenced block after `<!-- output: FILE -->` is what running that file prints; and the text
// between `<!-- figure: NAME -->` and `<!-- /figure -->` is what scripts/figures.mjs renders for NAME (a size, a
// count, a measurement). `npm run readme` rewrites all of them; test/readme.test.ts fails when a doc differs, so
// no example, output or figure can go stale.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { docFiles, renderFigures } from './figures.mjs';

const MARKER = /<!-- (example|output): (\S+) -->\n(```\w*\n)([\s\S]*?)```/g;

/** Runs an example as a user would (the built package, imported by name) and returns what it prints. */
export function runExample(file) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${file} failed (exit ${result.status}):\n${result.stderr}`);
  return result.stdout;
}

/** A doc with every example and output block replaced by what its file holds or prints, and every figure rendered. */
export async function render(text, { read = (file) => readFileSync(file, 'utf8'), run = runExample } = {}) {
  const examples = text.replace(MARKER, (_, kind, file, fence) => {
    const body = kind === 'example' ? read(file) : run(file);
    return `<!-- ${kind}: ${file} -->\n${fence}${body.endsWith('\n') ? body : `${body}\n`}\`\`\``;
  });
  return renderFigures(examples);
}

/** Every marked example or output block, as `{kind, file}`. */
export function markers(text) {
  return [...text.matchAll(MARKER)].map(([, kind, file]) => ({ kind, file }));
}

export { docFiles };

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of docFiles()) {
    const text = readFileSync(file, 'utf8');
    const next = await render(text);
    if (next !== text) writeFileSync(file, next);
    console.log(`${file}: ${markers(text).length} example and output blocks${next === text ? '' : ', rewritten'}`);
  }
}
