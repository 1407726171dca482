import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each test file runs in its own process: test/prototype-pollution.test.ts changes Object.prototype.
    pool: 'forks',
    isolate: true,
  },
});
