/** Deconfliction and agreement coverage for a planned engagement, over what the subject can see. */
import { ENGAGEMENT_TYPE_INFO, deconflict, type EngagementType } from '@entente/core';
import type { Warning } from '@entente/contracts';
import { reference, scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';

export interface CheckInput {
  id?: string | undefined;
  type: EngagementType;
  plannedStart: string;
  plannedEnd: string;
  partnerIso3s: string[];
  participants: { orgId: string }[];
}

/** Overlap, capacity and agreement warnings (blocking ones must be resolved or overridden before approval). */
export async function checkEngagement(uc: UseCaseCtx, e: CheckInput): Promise<Warning[]> {
  const orgs = await reference.organisationsByIds(uc.tx, e.participants.map((p) => p.orgId));
  const partnerOrg = (id: string) => {
    const o = orgs.get(id);
    return !!o && o.iso3 !== null && o.iso3 !== 'XHN' && o.kind === 'partner_body';
  };
  const others = await scoped.overlappingEngagements(uc.tx, uc.scope, { partnerIso3s: e.partnerIso3s, from: e.plannedStart, to: e.plannedEnd, excludeId: e.id });
  const otherOrgs = await reference.organisationsByIds(uc.tx, others.flatMap((o) => o.participants.map((p) => p.orgId)));
  const isPartnerOrg = (id: string) => {
    const o = otherOrgs.get(id) ?? orgs.get(id);
    return !!o && o.iso3 !== null && o.iso3 !== 'XHN' && o.kind === 'partner_body';
  };
  const caps = (await Promise.all(e.partnerIso3s.map((p) => scoped.partnerCapacities(uc.tx, uc.scope, p)))).flat();
  const warnings: Warning[] = deconflict(
    { id: e.id, plannedStart: e.plannedStart, plannedEnd: e.plannedEnd, partnerIso3s: e.partnerIso3s, partnerOrgIds: e.participants.map((p) => p.orgId).filter(partnerOrg) },
    others.map((o) => ({ id: o.id, code: o.code, plannedStart: o.plannedStart, plannedEnd: o.plannedEnd, partnerIso3s: o.partnerIso3s, partnerOrgIds: o.participants.map((p) => p.orgId).filter(isPartnerOrg) })),
    caps.map((c) => ({ partnerIso3: c.partnerIso3, from: c.from, to: c.to, maxConcurrentEngagements: c.maxConcurrentEngagements })),
  );
  // DOMAIN.md §2.2: while a partner is suspended, no engagement with it can be approved.
  for (const iso3 of e.partnerIso3s) {
    const p = await scoped.findPartnerRecord(uc.tx, uc.scope, iso3);
    if (p?.status === 'suspended')
      warnings.push({ kind: 'partner_suspended', severity: 'warning', message: `${iso3} is suspended as a partner; approval will be refused until it is reinstated.`, engagementIds: [] });
  }
  if (ENGAGEMENT_TYPE_INFO[e.type].agreement === 'yes') {
    for (const iso3 of e.partnerIso3s) {
      const cover = await scoped.coveringAgreements(uc.tx, uc.scope, { partnerIso3: iso3, type: e.type, from: e.plannedStart, to: e.plannedEnd });
      if (cover.length === 0)
        warnings.push({
          kind: 'no_agreement',
          severity: 'warning',
          message: `No agreement in force covers ${ENGAGEMENT_TYPE_INFO[e.type].label.toLowerCase()} with ${iso3} for the whole window; approval will be refused until one does.`,
          engagementIds: [],
        });
    }
  }
  return warnings;
}
