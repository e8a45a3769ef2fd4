/** Test helpers shared by db, api and e2e tests: a fresh seeded database per test file. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { APP_ROLE, withCredentials, withDatabase } from '../runtime/admin';
import { TEMPLATE_DB, TEST_APP_PASSWORD, TEST_SECRET_KEY } from './constants';

export { TEST_APP_PASSWORD, TEST_SECRET_KEY };

export interface TestDatabase {
  name: string;
  ownerUrl: string;
  appUrl: string;
  drop(): Promise<void>;
}

/** Clone the seeded template into a new database for one test file. */
export async function createTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `entente_t${randomBytes(5).toString('hex')}`;
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await c.query(`GRANT CONNECT ON DATABASE ${name} TO ${APP_ROLE}`);
  await c.end();
  const ownerUrl = withDatabase(serverUrl, name);
  return {
    name,
    ownerUrl,
    appUrl: withCredentials(ownerUrl, APP_ROLE, TEST_APP_PASSWORD),
    drop: async () => {
      const d = new pg.Client({ connectionString: serverUrl });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}
