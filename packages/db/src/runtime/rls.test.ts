/** Row-level security alone (ACCESS.md §9 leak test 4) and the migration of an empty database. */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/index';

let db: TestDatabase;
let owner: pg.Client;
let app: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase(inject('pgServerUrl'));
  owner = new pg.Client({ connectionString: db.ownerUrl });
  app = new pg.Client({ connectionString: db.appUrl });
  await owner.connect();
  await app.connect();
});
afterAll(async () => {
  await owner.end();
  await app.end();
  await db.drop();
});

describe('the application role', () => {
  it('is neither superuser nor able to bypass RLS', async () => {
    const r = await app.query('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user');
    expect(r.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it('sees no labelled row at all without subject settings (RLS fails closed)', async () => {
    const total = await owner.query('SELECT count(*)::int AS n FROM engagement');
    expect(total.rows[0].n).toBeGreaterThan(50);
    for (const t of [
      'engagement',
      'agreement',
      'objective',
      'initiative',
      'cooperation_plan',
      'partner',
      'audit_event',
    ]) {
      const r = await app.query(`SELECT count(*)::int AS n FROM ${t}`);
      expect(r.rows[0].n, t).toBe(0);
    }
  });

  it('sees exactly the rows whose label, community and party match the settings', async () => {
    const lbl = await owner.query<{ id: string }>(
      "SELECT DISTINCT l.id FROM label l JOIN engagement e ON e.label_id = l.id WHERE l.level = 'HUB-OFFICIAL'",
    );
    const comms = await owner.query<{ id: string }>('SELECT id FROM community');
    const labelIds = lbl.rows.map((r) => r.id);
    const communityIds = comms.rows.map((r) => r.id);
    const expected = await owner.query(
      'SELECT count(*)::int AS n FROM engagement WHERE label_id = ANY($1::uuid[])',
      [labelIds],
    );
    await app.query('BEGIN');
    await app.query(
      `SELECT set_config('entente.label_ids', $1, true), set_config('entente.community_ids', $2, true), set_config('entente.partner', 'false', true),
              set_config('entente.org_id', '00000000-0000-0000-0000-000000000000', true), set_config('entente.user_id', '00000000-0000-0000-0000-000000000000', true)`,
      [`{${labelIds.join(',')}}`, `{${communityIds.join(',')}}`],
    );
    const seen = await app.query('SELECT count(*)::int AS n FROM engagement');
    // As a partner whose organisation is party to nothing, the same labels show nothing.
    await app.query("SELECT set_config('entente.partner', 'true', true)");
    const asPartner = await app.query('SELECT count(*)::int AS n FROM engagement');
    await app.query('ROLLBACK');
    expect(seen.rows[0].n).toBe(expected.rows[0].n);
    expect(seen.rows[0].n).toBeGreaterThan(0);
    expect(asPartner.rows[0].n).toBe(0);
  });

  it('reads a stored label set by id exactly like the list; an unknown id shows nothing; a set is content-addressed (migration 0029)', async () => {
    const lbl = await owner.query<{ id: string }>(
      "SELECT DISTINCT l.id FROM label l JOIN engagement e ON e.label_id = l.id WHERE l.level = 'HUB-OFFICIAL'",
    );
    const comms = await owner.query<{ id: string }>('SELECT id FROM community');
    const sorted = lbl.rows.map((r) => r.id).sort();
    const id = createHash('sha256').update(sorted.join(',')).digest('hex');
    const expected = await owner.query(
      'SELECT count(*)::int AS n FROM engagement WHERE label_id = ANY($1::uuid[])',
      [sorted],
    );
    await app.query(
      'INSERT INTO access_set (id, label_ids) VALUES ($1, $2::uuid[]) ON CONFLICT (id) DO NOTHING',
      [id, `{${sorted.join(',')}}`],
    );
    const countWith = async (labels: string) => {
      await app.query('BEGIN');
      await app.query(
        `SELECT set_config('entente.label_ids', $1, true), set_config('entente.community_ids', $2, true), set_config('entente.partner', 'false', true),
                set_config('entente.org_id', '00000000-0000-0000-0000-000000000000', true), set_config('entente.user_id', '00000000-0000-0000-0000-000000000000', true)`,
        [labels, `{${comms.rows.map((r) => r.id).join(',')}}`],
      );
      const r = await app.query('SELECT count(*)::int AS n FROM engagement');
      await app.query('ROLLBACK');
      return r.rows[0].n as number;
    };
    expect(await countWith(`set:${id}`)).toBe(expected.rows[0].n);
    expect(expected.rows[0].n).toBeGreaterThan(0);
    expect(await countWith(`set:${'0'.repeat(64)}`)).toBe(0);
    // A row whose id is not the hash of its labels is refused, and the application role cannot change a stored set.
    await expect(
      app.query('INSERT INTO access_set (id, label_ids) VALUES ($1, $2::uuid[])', [
        'f'.repeat(64),
        `{${sorted.join(',')}}`,
      ]),
    ).rejects.toThrow(/access_set_id_is_content_hash/);
    await expect(
      app.query('UPDATE access_set SET label_ids = $2::uuid[] WHERE id = $1', [id, `{${sorted[0]}}`]),
    ).rejects.toThrow(/permission denied/);
  });

  it('can still use the GIN indexes for search, partner and party filters under RLS (ADR 0004)', async () => {
    // RLS quals are security barriers: without LEAKPROOF operators the planner may not use these
    // indexes for the application role at any cost, so with seq scans priced out the plan would
    // still be a Seq Scan. Found by the bench (bench/README.md, finding 2).
    const lbl = await owner.query<{ id: string }>('SELECT DISTINCT label_id AS id FROM engagement');
    const comms = await owner.query<{ id: string }>('SELECT id FROM community');
    await app.query('BEGIN');
    await app.query(
      `SELECT set_config('entente.label_ids', $1, true), set_config('entente.community_ids', $2, true), set_config('entente.partner', 'true', true),
              set_config('entente.org_id', '00000000-0000-0000-0000-000000000000', true), set_config('entente.user_id', '00000000-0000-0000-0000-000000000000', true)`,
      [`{${lbl.rows.map((r) => r.id).join(',')}}`, `{${comms.rows.map((r) => r.id).join(',')}}`],
    );
    await app.query('SET LOCAL enable_seqscan = off');
    const plan = async (where: string) => {
      const r = await app.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT id FROM engagement WHERE ${where}`);
      return r.rows.map((x) => x['QUERY PLAN']).join('\n');
    };
    const search = await plan("search @@ to_tsquery('simple', 'piracy')");
    const partners = await plan("partner_iso3s && ARRAY['SOM']");
    const party = await plan("party_org_ids @> ARRAY['00000000-0000-0000-0000-000000000000'::uuid]");
    await app.query('ROLLBACK');
    expect(search).toContain('engagement_search_idx');
    expect(partners).toContain('engagement_partners_idx');
    expect(party).toContain('engagement_party_idx');
  });

  it('cannot insert a row with a label outside its write set', async () => {
    const e = await owner.query('SELECT * FROM engagement LIMIT 1');
    const row = e.rows[0];
    await app.query('BEGIN');
    await app.query(
      "SELECT set_config('entente.write_label_ids', '{}', true), set_config('entente.community_ids', $1, true)",
      [`{${row.community_id}}`],
    );
    await expect(
      app.query(
        `INSERT INTO engagement (code, title, type, status, initiative_id, partner_iso3s, objective_ids, lead_org_id, planned_start, planned_end, planned_cost, label_id, community_id, owner_org_id)
         VALUES ('X-1', 'x', 'staff_talks', 'draft', $1, '{KEN}', $2, $3, '2030-01-01', '2030-01-02', 1, $4, $5, $3)`,
        [row.initiative_id, row.objective_ids, row.lead_org_id, row.label_id, row.community_id],
      ),
    ).rejects.toThrow(/row-level security/);
    await app.query('ROLLBACK');
  });

  it('refuses an engagement without an objective even for the owner (the golden thread as a CHECK)', async () => {
    await expect(
      owner.query(
        "UPDATE engagement SET objective_ids = '{}' WHERE id = (SELECT id FROM engagement LIMIT 1)",
      ),
    ).rejects.toThrow(/engagement_golden_thread/);
  });

  it('keeps the audit log append-only', async () => {
    await expect(owner.query('UPDATE audit_event SET action = $1 WHERE seq = 1', ['x'])).rejects.toThrow(
      /append-only/,
    );
    await expect(owner.query('DELETE FROM audit_event WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(app.query('DELETE FROM audit_event')).rejects.toThrow(/permission denied/);
  });

  it('has applied every committed migration', async () => {
    const r = await owner.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    const { readdirSync } = await import('node:fs');
    const { MIGRATIONS_DIR } = await import('./admin');
    expect(r.rows[0].n).toBe(readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length);
  });
});
