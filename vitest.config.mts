import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/vscode/**', 'test/e2e/**'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
