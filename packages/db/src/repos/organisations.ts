/** Organisations as administrators manage them (public reference data, not labelled). */
import { eq, sql } from 'drizzle-orm';
import { organisation } from '../schema/index';
import type { Db } from '../runtime/pools';
import type { Tx } from '../runtime/scope';

type Q = Db | Tx;
export type OrganisationRow = typeof organisation.$inferSelect;
export type OrganisationWrite = Omit<typeof organisation.$inferInsert, 'id'>;

/** Every organisation with its parent's code and the number of users it has. */
export async function listForAdmin(db: Q) {
  const r = await db.execute<OrganisationRow & { parentCode: string | null; userCount: string }>(sql`
    SELECT o.id, o.code, o.name, o.acronym, o.kind, o.iso3, o.parent_org_id AS "parentOrgId", o.founded_on AS "foundedOn",
      o.source_url AS "sourceUrl", p.code AS "parentCode",
      (SELECT count(*) FROM app_user u WHERE u.org_id = o.id) AS "userCount"
    FROM organisation o LEFT JOIN organisation p ON p.id = o.parent_org_id ORDER BY o.kind, o.code`);
  return r.rows.map((x) => ({ ...x, userCount: Number(x.userCount) }));
}

/** One organisation; `lock` takes a row lock for a read-modify-write. */
export async function byId(db: Q, id: string, lock = false): Promise<OrganisationRow | null> {
  const q = db.select().from(organisation).where(eq(organisation.id, id));
  const r = lock ? await q.for('update') : await q;
  return r[0] ?? null;
}

export async function byCode(db: Q, code: string): Promise<OrganisationRow | null> {
  const r = await db.select().from(organisation).where(eq(organisation.code, code));
  return r[0] ?? null;
}

/** The ids of an organisation's ancestors, nearest first (stops on a cycle). */
export async function ancestorIds(db: Q, id: string): Promise<string[]> {
  const r = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE up(id, parent, depth) AS (
      SELECT id, parent_org_id, 0 FROM organisation WHERE id = ${id}
      UNION ALL SELECT o.id, o.parent_org_id, up.depth + 1 FROM organisation o JOIN up ON o.id = up.parent WHERE up.depth < 50)
    SELECT id FROM up WHERE depth > 0 ORDER BY depth`);
  return r.rows.map((x) => x.id);
}

export async function insert(db: Q, v: OrganisationWrite): Promise<OrganisationRow> {
  const r = await db.insert(organisation).values(v).returning();
  return r[0] as OrganisationRow;
}

export async function update(db: Q, id: string, v: OrganisationWrite): Promise<OrganisationRow | null> {
  const r = await db.update(organisation).set(v).where(eq(organisation.id, id)).returning();
  return r[0] ?? null;
}

/** Whether a state (or the home nation) with this ISO3 code is known. */
export async function countryExists(db: Q, iso3: string): Promise<boolean> {
  const r = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM country WHERE iso3 = ${iso3}`);
  return (r.rows[0]?.n ?? 0) > 0;
}
