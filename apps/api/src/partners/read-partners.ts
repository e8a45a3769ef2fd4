/** Partners: every state with visible relationship data, and one partner's overview. */
import { notFound, partnerTransitionsFrom } from '@entente/core';
import { PARTNER_RECENT_ENGAGEMENTS, type PartnerOverview, type PartnerSummary } from '@entente/contracts';
import { reference, scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { presentListItem } from '../engagements/present';
import { presentAgreement } from '../agreements/present';
import { listInitiatives, listPlans } from '../strategy/read-strategy';
import { mayChangePartnerStatus } from './set-partner-status';

const today = () => new Date().toISOString().slice(0, 10);

/** Current group codes per state, from dated membership rows. */
function currentGroups(uc: UseCaseCtx, iso3: string): string[] {
  const d = today();
  return uc.access
    .registry()
    .memberships.filter((m) => m.iso3 === iso3 && m.status === 'member' && m.from <= d && (!m.to || d < m.to))
    .map((m) => m.org)
    .sort();
}

export async function listPartners(
  uc: UseCaseCtx,
  q: {
    q?: string | undefined;
    region?: string | undefined;
    group?: string | undefined;
    engagedOnly?: boolean | undefined;
  },
): Promise<PartnerSummary[]> {
  const [countries, records, counts] = [
    await reference.listCountries(uc.tx),
    await scoped.listPartnerRecords(uc.tx, uc.scope),
    await scoped.engagementCountsByPartner(uc.tx, uc.scope),
  ];
  const needle = q.q?.toLowerCase();
  const items = countries
    .filter(
      (c) =>
        (!needle || c.name.toLowerCase().includes(needle) || c.iso3.toLowerCase() === needle) &&
        (!q.region || c.region === q.region),
    )
    .map((c) => {
      const p = records.get(c.iso3);
      if (p) uc.mark(p.labelId);
      return {
        iso3: c.iso3,
        name: c.name,
        region: c.region,
        subregion: c.subregion,
        lat: c.lat,
        lon: c.lon,
        tier: p?.relationshipTier ?? null,
        status: p?.status ?? null,
        groups: currentGroups(uc, c.iso3),
        engagementCount: counts.get(c.iso3) ?? 0,
      };
    })
    .filter((p) => (!q.group || p.groups.includes(q.group)) && (!q.engagedOnly || p.engagementCount > 0));
  uc.auditRead({
    route: 'GET /partners',
    filters: q,
    count: items.length,
    ids: items.filter((p) => records.has(p.iso3)).map((p) => p.iso3),
  });
  return items;
}

/** Everything Entente holds about one partner that the subject may see. */
export async function getPartner(uc: UseCaseCtx, iso3: string): Promise<PartnerOverview> {
  const country = await reference.countryByIso3(uc.tx, iso3.toUpperCase());
  if (!country) throw notFound('partner');
  const p = await scoped.findPartnerRecord(uc.tx, uc.scope, country.iso3);
  // The most recent engagements (the register, filtered by the partner, has them all); totals over
  // all of the partner's visible ones (its rows only).
  const { rows } = await scoped.searchEngagements(
    uc.tx,
    uc.scope,
    { partners: [country.iso3] },
    { sort: 'plannedStart', order: 'desc', limit: PARTNER_RECENT_ENGAGEMENTS, offset: 0, count: false },
  );
  const counts = await scoped.partnerEngagementTotals(uc.tx, uc.scope, country.iso3);
  counts.labelIds.forEach((id) => uc.mark(id));
  const agreements = await scoped.listAgreements(uc.tx, uc.scope, { partner: country.iso3 });
  const memberships = await reference.listMemberships(uc.tx, { memberIso3: country.iso3 });
  const plans = await listPlans(uc, country.iso3, { audit: false });
  const initiatives = await listInitiatives(uc, country.iso3, { audit: false });
  const ids = [
    ...rows.map((e) => e.id),
    ...agreements.map((a) => a.id),
    ...plans.map((x) => x.id),
    ...initiatives.map((x) => x.id),
  ];
  uc.auditRead({ route: 'GET /partners/:iso3', filters: { iso3: country.iso3 }, count: ids.length, ids });
  return {
    country: {
      iso3: country.iso3,
      name: country.name,
      region: country.region,
      subregion: country.subregion,
      lat: country.lat,
      lon: country.lon,
    },
    partner: p
      ? {
          tier: p.relationshipTier,
          status: p.status,
          notes: p.notes,
          portion: uc.mark(p.labelId),
          version: p.version,
          transitions:
            mayChangePartnerStatus(uc.access, uc.subject) && uc.scope.writeLabelIds.includes(p.labelId)
              ? partnerTransitionsFrom(p.status)
              : [],
        }
      : null,
    memberships,
    engagements: rows.map((e) => presentListItem(uc, e)),
    agreements: agreements.map((a) => presentAgreement(uc, a)),
    plans,
    initiatives,
    totals: { engagements: counts.total, plannedCost: counts.plannedCost, byType: counts.byType },
  };
}
