/** Wire views of engagements; references to hidden records are dropped, not marked. */
import { ENGAGEMENT_TRANSITIONS, type Engagement } from '@entente/core';
import type { Engagement as EngagementView, EngagementListItem, Warning } from '@entente/contracts';
import { reference, scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';

/** A row of the register. */
export function presentListItem(uc: UseCaseCtx, e: Engagement): EngagementListItem {
  return {
    id: e.id,
    code: e.code,
    title: e.title,
    type: e.type,
    status: e.status,
    partnerIso3s: e.partnerIso3s,
    plannedStart: e.plannedStart,
    plannedEnd: e.plannedEnd,
    plannedCost: e.plannedCost,
    portion: uc.mark(e.labelId),
  };
}

/** The full record, resolving names of visible related records only. */
export async function presentEngagement(uc: UseCaseCtx, e: Engagement, warnings: Warning[]): Promise<EngagementView> {
  const objectives = await scoped.objectivesByIds(uc.tx, uc.scope, e.objectiveIds);
  const ini = await scoped.findInitiative(uc.tx, uc.scope, e.initiativeId);
  const orgs = await reference.organisationsByIds(uc.tx, [e.leadOrgId, ...e.participants.map((p) => p.orgId)]);
  const funds = await reference.listFundingSources(uc.tx);
  const fund = funds.find((f) => f.id === e.fundingSourceId);
  const lead = orgs.get(e.leadOrgId);
  const label = uc.access.label(e.labelId);
  return {
    ...presentListItem(uc, e),
    summary: e.summary,
    payload: e.payload,
    initiative: ini ? { id: ini.id, code: ini.code, title: ini.title } : null,
    objectives: objectives.map((o) => ({ id: o.id, code: o.code, title: o.title })),
    leadOrg: lead ? { id: lead.id, code: lead.code, name: lead.name } : null,
    actualStart: e.actualStart,
    actualEnd: e.actualEnd,
    locations: e.locations,
    participants: e.participants.map((p) => ({ ...p, orgCode: orgs.get(p.orgId)?.code ?? '', orgName: orgs.get(p.orgId)?.name ?? '' })),
    actualCost: e.actualCost,
    fundingSource: fund ? { id: fund.id, code: fund.code, name: fund.name } : null,
    outcomeSummary: e.outcomeSummary,
    labelId: e.labelId,
    label: { level: label?.level ?? '', restrictive: label?.restrictive ?? [], releasableTo: label?.releasableTo ?? [], handling: label?.handling ?? [] },
    communityId: e.communityId,
    version: e.version,
    allowedTransitions: ENGAGEMENT_TRANSITIONS[e.status].filter((to) => {
      const approver = uc.subject.roles.includes('approver');
      if (to === 'approved') return approver && e.proposedBy !== uc.subject.id;
      if (e.status === 'closed' && to === 'completed') return approver;
      return true;
    }),
    warnings,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}
