import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One runner for every workspace's colocated tests. Database tests each create their own
// database on the shared embedded (or server) PostgreSQL started by the global setup.
export default defineConfig({
  test: {
    include: ['packages/*/{src,test}/**/*.test.ts', 'apps/{api,cli}/src/**/*.test.ts', 'apps/web/src/**/*.test.{ts,tsx}'],
    globalSetup: ['packages/db/src/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Tests read the shared data in place; the product itself never does (it ships no marine polygons).
    env: { ENTENTE_MARINE_POLYS: fileURLToPath(new URL('../shared/testdata/geo/ne_10m_geography_marine_polys.json', import.meta.url)) },
  },
});
