import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Checks that really build, test and start exported projects (TypeScript and Python services,
// SQL migrations, the e-commerce end-to-end run). Slow; `npm test` runs them as their own step.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['lib/**/*.generated.test.ts', 'scripts/**/*.generated.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Each file manages its own processes and ports; running them one at a time keeps 2 cores sane.
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
