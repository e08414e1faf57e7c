// Vitest config for the end-to-end tests only; they need code-server and Chromium, so
// scripts/run-e2e.mjs starts them and runs this config (`npm run test:e2e`). The root config
// excludes test/e2e.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.test.mjs'],
    // One workbench, one browser: the steps build on each other.
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    retry: 0,
  },
});
