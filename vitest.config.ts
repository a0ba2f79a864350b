import { defineConfig } from 'vitest/config';
import path from 'node:path';

// Unit tests. Slow checks that install and run generated projects (`*.generated.test.ts`) have
// their own config (vitest.generated.config.ts) and their own step in `npm test`.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts', 'templates/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/*.generated.test.ts'],
    environment: 'node',
    pool: 'threads',
  },
});
