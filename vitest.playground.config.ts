import { defineConfig } from 'vitest/config';

// `npm run test:playground`: the playground page in headless Chromium (test/browser/), apart from `npm test`,
// which must not need a browser.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
