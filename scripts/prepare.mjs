// npm's `prepare` script: builds dist/ where it is missing, which is where npm installs the package from git
// (`npm install git+URL`: npm installs the development dependencies in its copy, then runs this). In a clone that
// has built once, `npm ci` and `npm pack` leave dist/ as it is: `npm test` and `npm run release:check` build first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('dist/index.js') || !existsSync('dist/azure.js') || !existsSync('dist/cli.js')) {
  const { status } = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  process.exit(status ?? 1);
}
