/**
 * Bring the database up: the embedded PostgreSQL when no URL is configured, otherwise the
 * server; create the application role, migrate, and load the demo data on the first run.
 */
import {
  APP_ROLE, assertAppRoleSafe, connectOwner, ensureAppRole, incidents, migrateDatabase, openDatabase, seedDemoIncidents, seedReference,
  seedScenarios, seedUsers, withCredentials, type Database, type SeededUser,
} from '@entente/db';
import type { Config } from './config';
import type { Logger } from './logger';

export interface Booted {
  owner: Database;
  app: Database;
  secretKey: string;
  seeded: SeededUser[] | null;
  stop(): Promise<void>;
}

/** Start (or connect to) PostgreSQL, migrate, seed if empty, and open the two pools. */
export async function bootDatabase(config: Config, log: Logger): Promise<Booted> {
  const t0 = Date.now();
  const conn = await connectOwner({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, embeddedPort: config.embeddedPort });
  if (conn.embedded) log.info({ ms: Date.now() - t0, port: config.embeddedPort }, 'embedded PostgreSQL started');
  const { ownerUrl, secrets } = conn;
  const secretKey = config.secretKey ?? secrets.secretKey;
  const stopServer = conn.stop;
  const appPassword = config.appDatabasePassword ?? secrets.appPassword;
  await ensureAppRole(ownerUrl, appPassword);
  const migrated = await migrateDatabase(ownerUrl);
  if (!migrated.leakproofOperators)
    log.warn('the database owner is not a superuser: search and partner filters cannot use their indexes under row-level security (docs/adr/0004)');
  const appUrl = withCredentials(ownerUrl, APP_ROLE, appPassword);
  await assertAppRoleSafe(appUrl);
  const owner = openDatabase(ownerUrl, 4);
  let seeded: SeededUser[] | null = null;
  if (await seedReference(owner.db)) log.info('reference data loaded');
  if (config.seed === 'demo') {
    const r = await seedScenarios(owner.db);
    if (r) log.info({ engagements: r.engagements, scenarios: r.scenarios }, 'demo data loaded');
    seeded = await seedUsers(owner.db, secretKey);
    // At the first seed (or whenever ENTENTE_DEMO_DATA is set): the real files, else synthetic incidents
    // labelled as such; what is already loaded is skipped. Test databases are seeded already, so none run.
    if (r || config.demoData)
      await seedDemoIncidents(owner, {
        demoData: config.demoData,
        areaSources: incidents.areaSourcesOf(config),
        log: (level, msg, fields) => log[level](fields ?? {}, msg),
      });
  }
  const app = openDatabase(appUrl, 16);
  return {
    owner,
    app,
    secretKey,
    seeded,
    stop: async () => {
      await app.close();
      await owner.close();
      await stopServer();
    },
  };
}
