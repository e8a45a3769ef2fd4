import { defineConfig } from 'vitest/config';

// Pure packages only (no database): quick feedback while working on core, contracts and seeds data.
export default defineConfig({
  test: { include: ['packages/*/{src,test}/**/*.test.ts'], exclude: ['**/node_modules/**', 'packages/db/src/!(seeds)/**', 'packages/db/src/seeds/!(reference|scenarios)/**'] },
});
