/** Build the stored shape of an engagement from its input (party organisations derived from participants). */
import type { EngagementStatus } from '@entente/core';
import type { EngagementInput } from '@entente/contracts';
import type { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';

export async function toWrite(uc: UseCaseCtx, i: EngagementInput, status: EngagementStatus): Promise<scoped.EngagementWrite> {
  const participants = i.participants.map((p) => ({ orgId: p.orgId, role: p.role, plannedHeadcount: p.plannedHeadcount, ...(p.actualHeadcount !== undefined ? { actualHeadcount: p.actualHeadcount } : {}) }));
  return {
    code: i.code,
    title: i.title,
    type: i.type,
    status,
    summary: i.summary ?? null,
    payload: i.payload,
    initiativeId: i.initiativeId,
    planId: null,
    partnerIso3s: i.partnerIso3s,
    objectiveIds: i.objectiveIds,
    logicNodeIds: [],
    leadOrgId: i.leadOrgId,
    plannedStart: i.plannedStart,
    plannedEnd: i.plannedEnd,
    actualStart: i.actualStart ?? null,
    actualEnd: i.actualEnd ?? null,
    locations: i.locations.map((l) => ({ name: l.name, iso3: l.iso3, ...(l.lat !== undefined ? { lat: l.lat } : {}), ...(l.lon !== undefined ? { lon: l.lon } : {}) })),
    participants,
    plannedCost: { amount: i.plannedCost, currency: i.currency },
    actualCost: i.actualCost ? { amount: i.actualCost, currency: i.currency } : null,
    fundingSourceId: i.fundingSourceId ?? null,
    outcomeSummary: i.outcomeSummary ?? null,
    proposedBy: null,
    approvedBy: null,
    labelId: '',
    communityId: i.communityId,
    ownerOrgId: uc.subject.orgId,
    partyOrgIds: [...new Set([i.leadOrgId, ...participants.map((p) => p.orgId), uc.subject.orgId])],
  };
}
