/** Load public reference data: states, organisations (reference + home + scenarios), memberships, funding. */
import { sql } from 'drizzle-orm';
import { country, fundingSource, membership, organisation } from '../schema/index';
import type { Db } from '../runtime/pools';
import { COUNTRIES, FUNDING_SOURCES, REFERENCE_MEMBERSHIPS, REFERENCE_ORGANISATIONS } from './reference/index';
import { HOME_ORGANISATIONS, SCENARIOS } from './scenarios/index';
import type { SeedOrganisation } from './types';

/** Insert reference data once; returns false when it was already there. */
export async function seedReference(db: Db): Promise<boolean> {
  const n = await db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM country`);
  if (Number(n.rows[0]?.n) > 0) return false;
  await db.transaction(async (tx) => {
    await tx.insert(country).values(
      COUNTRIES.map((c) => ({ iso3: c.iso3, name: c.name, officialName: c.officialName, region: c.region, subregion: c.subregion, lat: c.lat, lon: c.lon, unMember: c.unMember })),
    );
    const orgs: SeedOrganisation[] = [
      ...REFERENCE_ORGANISATIONS.map((o) => ({ code: o.code, name: o.name, acronym: o.acronym, kind: o.kind, foundedOn: o.foundedOn, sourceUrl: o.sourceUrl, ...(o.parentCode ? { parentCode: o.parentCode } : {}) })),
      ...HOME_ORGANISATIONS,
      ...SCENARIOS.flatMap((s) => s.organisations),
    ];
    const unique = [...new Map(orgs.map((o) => [o.code, o])).values()];
    const inserted = await tx
      .insert(organisation)
      .values(unique.map((o) => ({ code: o.code, name: o.name, acronym: o.acronym ?? null, kind: o.kind, iso3: o.iso3 ?? null, foundedOn: o.foundedOn ?? null, sourceUrl: o.sourceUrl ?? null })))
      .returning({ id: organisation.id, code: organisation.code });
    const ids = new Map(inserted.map((r) => [r.code, r.id]));
    for (const o of unique)
      if (o.parentCode && ids.has(o.parentCode))
        await tx.execute(sql`UPDATE organisation SET parent_org_id = ${ids.get(o.parentCode)} WHERE code = ${o.code}`);
    const rows = REFERENCE_MEMBERSHIPS.filter((m) => ids.has(m.orgCode)).map((m) => ({
      orgId: ids.get(m.orgCode) as string,
      memberIso3: m.memberIso3,
      status: m.status,
      from: m.from,
      to: m.to ?? null,
      sourceUrl: m.sourceUrl,
    }));
    for (let i = 0; i < rows.length; i += 500) await tx.insert(membership).values(rows.slice(i, i + 500));
    await tx.insert(fundingSource).values(FUNDING_SOURCES.map((f) => ({ code: f.code, name: f.name, legalAuthority: f.legalAuthority, expiry: f.expiry ?? null })));
  });
  return true;
}
