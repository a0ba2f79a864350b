import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Unit tests. Slow checks that install and run generated projects (`*.generated.test.ts`) have
// their own config (vitest.generated.config.mts) and their own step in `npm test`.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'bench/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts', 'templates/designs/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/*.generated.test.ts'],
    environment: 'node',
    pool: 'threads',
    setupFiles: ['scripts/lib/vitest-setup.ts'],
  },
});
