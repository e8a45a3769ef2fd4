/**
 * Check an initiative as entered and turn it into row values: dates in order, a valid logic model
 * (upward DAG, parents one level up, outcomes and impacts linked to objectives the caller can read),
 * known lines of effort, plan, partners and organisations. Every problem is reported with its field
 * path; nothing is written when any is found. A code another initiative the caller can see already
 * uses is a 409 `conflict` on `code`; one used by an initiative they cannot see in the same community
 * meets the unique index (initiative_community_code_uq), which http/errors.ts maps to the same 409.
 *
 * Significance is derived, never entered (DOMAIN.md §2.1, core initiative-significance.ts): the
 * initiative's own `budget` over ENTENTE_SIGNIFICANT_COST, or covering equipment (a transfer), unit
 * training or infrastructure (capacity building). The budget is a Money the initiative records rather
 * than the sum of its engagements' planned costs, so significance is settled when the design is saved
 * and does not shift as engagements are added.
 */
import {
  DomainError,
  checkLogicModel,
  deriveSignificance,
  invalid,
  type FieldProblem,
  type LogicModelNode,
} from '@entente/core';
import type { InitiativeInput } from '@entente/contracts';
import { reference, scoped } from '@entente/db';
import type { UseCaseCtx } from '../../context';

export async function toInitiativeRow(uc: UseCaseCtx, i: InitiativeInput, exceptId?: string) {
  if (await scoped.initiativeCodeTaken(uc.tx, uc.scope, i.code, exceptId))
    throw new DomainError('conflict', `An initiative with the code ${i.code} already exists.`, [
      { path: 'code', message: 'already used' },
    ]);
  const p: FieldProblem[] = [];
  if (i.to < i.from) p.push({ path: 'to', message: 'ends before it starts' });
  const loes = new Set((await scoped.listLinesOfEffort(uc.tx, uc.scope)).map((l) => l.id));
  i.lineOfEffortIds.forEach(
    (id, k) => !loes.has(id) && p.push({ path: `lineOfEffortIds.${k}`, message: 'unknown line of effort' }),
  );
  if (i.planId && !(await scoped.listPlans(uc.tx, uc.scope)).some((x) => x.id === i.planId))
    p.push({ path: 'planId', message: 'unknown cooperation plan' });
  for (const [k, iso3] of i.partnerIso3s.entries())
    if (!(await scoped.findPartnerRecord(uc.tx, uc.scope, iso3)))
      p.push({ path: `partnerIso3s.${k}`, message: `unknown partner ${iso3}` });
  const orgIds = [i.leadOrgId, ...(i.sustainmentPlan ? [i.sustainmentPlan.ownerOrgId] : [])];
  const orgs = await reference.organisationsByIds(uc.tx, orgIds);
  if (!orgs.has(i.leadOrgId)) p.push({ path: 'leadOrgId', message: 'unknown organisation' });
  if (i.sustainmentPlan && !orgs.has(i.sustainmentPlan.ownerOrgId))
    p.push({ path: 'sustainmentPlan.ownerOrgId', message: 'unknown organisation' });
  const objectives = new Set(
    (
      await scoped.objectivesByIds(
        uc.tx,
        uc.scope,
        i.logicModel.flatMap((n) => n.objectiveIds),
      )
    ).map((o) => o.id),
  );
  p.push(...checkLogicModel(i.logicModel as LogicModelNode[], objectives));
  if (p.length) throw invalid(p);
  const ministries = await Promise.all(
    i.partnerIso3s.map((iso3) => reference.organisationByCode(uc.tx, `${iso3}-MOD`)),
  );
  const partyOrgIds = [...new Set([uc.subject.orgId, ...ministries.flatMap((m) => (m ? [m.id] : []))])];
  return {
    code: i.code,
    title: i.title,
    planId: i.planId ?? null,
    lineOfEffortIds: [...new Set(i.lineOfEffortIds)],
    partnerIso3s: [...new Set(i.partnerIso3s)],
    leadOrgId: i.leadOrgId,
    significance: deriveSignificance({ budget: i.budget, covers: i.covers }, uc.app.config.significantCost)
      .significance,
    budget: i.budget,
    problemStatement: i.problemStatement,
    theoryOfChange: i.theoryOfChange,
    from: i.from,
    to: i.to,
    capabilityAreas: [...new Set(i.capabilityAreas)],
    covers: [...new Set(i.covers)],
    supportsPartnerForces: i.supportsPartnerForces,
    absorptiveCapacity: i.absorptiveCapacity,
    riskAssessment: i.riskAssessment,
    sustainmentPlan: i.sustainmentPlan,
    evaluationPlan: i.evaluationPlan,
    logicModel: i.logicModel,
    communityId: i.communityId,
    partyOrgIds,
  };
}
