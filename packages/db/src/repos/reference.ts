/** Public reference data (not labelled): states, organisations, memberships, funding sources. */
import { asc, eq, sql } from 'drizzle-orm';
import { community, country, fundingSource, organisation } from '../schema/index';
import type { Db } from '../runtime/pools';
import type { Tx } from '../runtime/scope';

type Q = Db | Tx;
export type CountryRow = typeof country.$inferSelect;
export type OrganisationRow = typeof organisation.$inferSelect;

/** Every state, by name. */
export const listCountries = (db: Q) => db.select().from(country).orderBy(asc(country.name));

/** One state by its ISO3 code, or undefined. */
export const countryByIso3 = async (db: Q, iso3: string): Promise<CountryRow | undefined> =>
  (await db.select().from(country).where(eq(country.iso3, iso3)))[0];

/** Every organisation with its parent's code and its current member count. */
export async function listOrganisations(db: Q, today: string) {
  const r = await db.execute<OrganisationRow & { parentCode: string | null; memberCount: string }>(sql`
    SELECT o.id, o.code, o.name, o.acronym, o.kind, o.iso3, o.founded_on AS "foundedOn", o.source_url AS "sourceUrl",
      p.code AS "parentCode",
      (SELECT count(*) FROM membership m WHERE m.org_id = o.id AND m.status = 'member' AND m.valid_from <= ${today}
         AND (m.valid_to IS NULL OR m.valid_to > ${today})) AS "memberCount"
    FROM organisation o LEFT JOIN organisation p ON p.id = o.parent_org_id ORDER BY o.kind, o.code`);
  return r.rows.map((x) => ({ ...x, memberCount: Number(x.memberCount) }));
}

/** Organisations by id (for names of participants, leads, owners). */
export async function organisationsByIds(db: Q, ids: string[]): Promise<Map<string, OrganisationRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(organisation)
    .where(sql`${organisation.id} = ANY(${`{${[...new Set(ids)].join(',')}}`}::uuid[])`);
  return new Map(rows.map((r) => [r.id, r]));
}

/** An organisation by code. */
export async function organisationByCode(db: Q, code: string): Promise<OrganisationRow | null> {
  const r = await db.select().from(organisation).where(eq(organisation.code, code));
  return r[0] ?? null;
}

/** Dated membership rows, filtered by organisation code or member state. */
export async function listMemberships(
  db: Q,
  f: { orgCode?: string | undefined; memberIso3?: string | undefined },
) {
  const r = await db.execute<{
    orgCode: string;
    orgName: string;
    memberIso3: string;
    memberName: string;
    status: string;
    from: string;
    to: string | null;
    sourceUrl: string;
  }>(sql`SELECT o.code AS "orgCode", o.name AS "orgName", m.member_iso3 AS "memberIso3", c.name AS "memberName", m.status,
      m.valid_from AS "from", m.valid_to AS "to", m.source_url AS "sourceUrl"
    FROM membership m JOIN organisation o ON o.id = m.org_id JOIN country c ON c.iso3 = m.member_iso3
    WHERE (${f.orgCode ?? null}::text IS NULL OR o.code = ${f.orgCode ?? null})
      AND (${f.memberIso3 ?? null}::text IS NULL OR m.member_iso3 = ${f.memberIso3 ?? null})
    ORDER BY o.code, c.name, m.valid_from`);
  return r.rows;
}

/** All membership rows as plain data, for the policy registry snapshot. */
export async function membershipSnapshot(db: Q) {
  const r = await db.execute<{ org: string; iso3: string; status: string; from: string; to: string | null }>(
    sql`SELECT o.code AS org, m.member_iso3 AS iso3, m.status, m.valid_from AS "from", m.valid_to AS "to"
        FROM membership m JOIN organisation o ON o.id = m.org_id`,
  );
  return r.rows;
}

export const listFundingSources = (db: Q) => db.select().from(fundingSource).orderBy(asc(fundingSource.code));
export const listCommunities = (db: Q) => db.select().from(community).orderBy(asc(community.code));
