/**
 * `entente db seed [scenario…]`: load reference data, the named demo scenarios and the demo users; at the first
 * seed (or with ENTENTE_DEMO_DATA) also the demo incidents, as the server's first start does.
 */
import cliProgress from 'cli-progress';
import { SCENARIOS, connectOwner, ensureAppRole, incidents, migrateDatabase, openDatabase, seedDemoIncidents, seedReference, seedScenarios, seedUsers } from '@entente/db';
import { output, type CliEnv } from '../env';

export async function dbSeed(env: CliEnv, scenarios: string[], opts: { json: boolean }): Promise<void> {
  const unknown = scenarios.filter((s) => !SCENARIOS.some((x) => x.code === s));
  if (unknown.length) {
    output(opts.json, { ok: false, unknown, known: SCENARIOS.map((s) => s.code) }, `Unknown scenario(s): ${unknown.join(', ')}. Known: ${SCENARIOS.map((s) => s.code).join(', ')}.`, 2);
    return;
  }
  const conn = await connectOwner(env);
  const bar = opts.json ? null : new cliProgress.SingleBar({ format: 'Seeding [{bar}] {percentage}% {step}' }, cliProgress.Presets.shades_classic);
  bar?.start(5, 0, { step: 'migrating' });
  try {
    await ensureAppRole(conn.ownerUrl, conn.secrets.appPassword);
    await migrateDatabase(conn.ownerUrl);
    const db = openDatabase(conn.ownerUrl, 2);
    bar?.update(1, { step: 'reference data' });
    await seedReference(db.db);
    bar?.update(2, { step: 'scenarios' });
    const r = await seedScenarios(db.db, scenarios.length ? scenarios : undefined);
    bar?.update(3, { step: 'users' });
    const users = await seedUsers(db.db, env.secretKey ?? conn.secrets.secretKey);
    bar?.update(4, { step: 'incidents' });
    const demo = r || env.demoData ? await seedDemoIncidents(db, { demoData: env.demoData, areaSources: incidents.areaSourcesOf(env) }) : null;
    bar?.update(5, { step: 'done' });
    bar?.stop();
    await db.close();
    const text = r
      ? `Loaded ${r.engagements} engagements from ${r.scenarios.join(', ')}; ${users.length} users created.` +
        users.filter((u) => u.totpSecret).map((u) => `\n  ${u.username.padEnd(16)} TOTP secret ${u.totpSecret}`).join('')
      : 'Demo data is already loaded; nothing changed.';
    const incidentText = demo ? `\nDemo incidents (${demo.mode}): ${demo.steps.map((x) => `${x.file} ${x.outcome}${x.inserted ? ` (${x.inserted})` : ''}`).join('; ')}` : '';
    output(opts.json, { ok: true, loaded: r || null, users, incidents: demo }, text + incidentText);
  } finally {
    bar?.stop();
    await conn.stop();
  }
}
