// The dependency rule of docs/architecture.md, enforced as code: each block names the
// imports a workspace must not make and points back to the rule.
import tseslint from 'typescript-eslint';

const RULE = 'breaks the dependency rule (docs/architecture.md#the-dependency-rule)';
const ws = (names) => names.map((n) => ({ group: [`@entente/${n}`, `@entente/${n}/*`], message: `${n}: ${RULE}` }));
const pureForbidden = [
  ...['pg', 'drizzle-orm', 'drizzle-orm/*', 'fastify', 'node:fs', 'node:net', 'fs', 'net', 'react'].map((m) => ({
    group: [m],
    message: `IO in a pure package ${RULE}`,
  })),
];
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', 'packages/db/migrations/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['packages/core/**', 'packages/stix/**', 'packages/stats/**', 'packages/geo/**', 'packages/incident-data/**'],
    rules: {
      ...restrict([...ws(['contracts', 'db', 'api', 'web', 'cli']), ...pureForbidden]),
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: `process.env ${RULE}` }],
      'no-console': 'error',
    },
  },
  // Tests of pure packages may read the shared test data in place (never the package code itself).
  {
    files: ['packages/{stats,geo,incident-data}/test/**'],
    rules: { ...restrict(ws(['contracts', 'db', 'api', 'web', 'cli'])), 'no-console': 'off' },
  },
  { files: ['packages/contracts/**'], rules: restrict(ws(['core', 'db', 'api', 'web', 'cli', 'stix', 'stats', 'geo', 'incident-data'])) },
  { files: ['packages/db/**'], rules: restrict(ws(['contracts', 'api', 'web', 'cli'])) },
  { files: ['apps/api/**'], rules: restrict(ws(['web', 'cli'])) },
  {
    files: ['apps/web/**'],
    rules: restrict([
      ...ws(['core', 'db', 'stix', 'api', 'cli', 'incident-data', 'stats']),
      { group: ['node:*'], message: `node built-ins in the browser ${RULE}` },
    ]),
  },
  {
    files: ['apps/cli/**'],
    ignores: ['apps/cli/src/commands/db-*.ts', 'apps/cli/src/**/*.test.ts'],
    rules: restrict(ws(['core', 'api', 'db'])),
  },
  // db-* commands and tests (which build their own databases) may use the db package.
  { files: ['apps/cli/src/commands/db-*.ts', 'apps/cli/src/**/*.test.ts'], rules: restrict(ws(['core', 'api'])) },
  {
    files: ['apps/api/src/**'],
    ignores: ['apps/api/src/config.ts', 'apps/api/src/**/*.test.ts'],
    rules: { 'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'read config in config.ts only' }] },
  },
);
