/** The dashboard: counts by type/objective/region/year, upcoming engagements, agreements expiring soon. */
import { ENGAGEMENT_TYPE_INFO, type EngagementType } from '@entente/core';
import { DASHBOARD_TOP_OBJECTIVES, type Dashboard } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { presentListItem } from '../engagements/present';
import { presentAgreement } from '../agreements/present';
import { cached, scopeKey } from '../http/rollup-cache';

type DashboardQuery = {
  year?: number | undefined;
  objective?: string | undefined;
  partner?: string | undefined;
};

/** The dashboard, from the roll-up cache when this subject's permitted sets asked it recently. */
export async function getDashboard(uc: UseCaseCtx, q: DashboardQuery): Promise<Dashboard> {
  const { data, labelIds } = await cached(scopeKey(uc.scope, ['dashboard', q]), async () => {
    const marks: string[] = [];
    const data = await computeDashboard({ ...uc, mark: (id) => (marks.push(id), uc.access.portion(id)) }, q);
    return { data, labelIds: marks };
  });
  labelIds.forEach((id) => uc.mark(id));
  // Audited on every request, cache hit or not: the records listed, and the filters of the roll-up.
  const ids = [...data.upcoming.map((e) => e.id), ...data.expiringAgreements.map((a) => a.id)];
  uc.auditRead({ route: 'GET /dashboard', filters: q, count: ids.length, ids });
  return data;
}

async function computeDashboard(uc: UseCaseCtx, q: DashboardQuery): Promise<Dashboard> {
  const f: scoped.EngagementFilters = {
    year: q.year,
    objectives: q.objective ? [q.objective] : undefined,
    partners: q.partner ? [q.partner] : undefined,
  };
  const c = await scoped.engagementCounts(uc.tx, uc.scope, f);
  // A roll-up carries the join of everything counted in it (ACCESS.md §2.1).
  c.labelIds.forEach((id) => uc.mark(id));
  // The chart shows the objectives with the most engagements; the long tail is summed (at ministry
  // scale there are ~2,000, and naming and sending all of them was most of the response).
  // Only visible objectives are named or summed: a hidden objective linked to a visible engagement
  // must not show even as one more in "other objectives".
  const objectives = await scoped.objectiveNames(
    uc.tx,
    uc.scope,
    c.byObjective.map((x) => x.key),
  );
  const objName = new Map(objectives.map((o) => [o.id, `${o.code} ${o.title}`]));
  const ranked = c.byObjective
    .filter((x) => objName.has(x.key))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const top = ranked.slice(0, DASHBOARD_TOP_OBJECTIVES);
  const rest = ranked.slice(DASHBOARD_TOP_OBJECTIVES);
  const today = new Date().toISOString().slice(0, 10);
  const upcoming = await scoped.searchEngagements(
    uc.tx,
    uc.scope,
    { ...f, year: undefined, startsFrom: today, statuses: ['draft', 'proposed', 'approved', 'postponed'] },
    { sort: 'plannedStart', order: 'asc', limit: 10, offset: 0, count: false },
  );
  const soon = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);
  const expiring = await scoped.agreementsExpiringBetween(uc.tx, uc.scope, {
    from: today,
    before: soon,
    partner: q.partner,
  });
  const inForce = await scoped.countAgreementsInForce(uc.tx, uc.scope, q.partner);
  return {
    totals: {
      engagements: c.total,
      partners: c.partners,
      agreementsInForce: inForce,
      plannedCost: c.plannedCost,
    },
    byType: c.byType.map((x) => ({
      ...x,
      label: ENGAGEMENT_TYPE_INFO[x.key as EngagementType]?.label ?? x.key,
    })),
    byObjective: top.map((x) => ({ ...x, label: objName.get(x.key) ?? x.key })),
    objectivesOther: { objectives: rest.length, count: rest.reduce((n, x) => n + x.count, 0) },
    byRegion: c.byRegion.map((x) => ({ ...x, label: x.key })),
    byYear: c.byYear.map((x) => ({ ...x, label: x.key })),
    upcoming: upcoming.rows.map((e) => presentListItem(uc, e)),
    expiringAgreements: expiring.map((a) => presentAgreement(uc, a)),
  };
}
