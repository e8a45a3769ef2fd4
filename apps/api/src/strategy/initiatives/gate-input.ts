/** The approval-gate view of a stored initiative and the capability assessments of its partners. */
import { initiativeGates, type GateInitiative, type GateReport, type LogicModelNode } from '@entente/core';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../../context';
import { today } from '../../capability/present';

export const toGateInitiative = (i: scoped.InitiativeRow): GateInitiative => ({
  problemStatement: i.problemStatement,
  lineOfEffortIds: i.lineOfEffortIds,
  partnerIso3s: i.partnerIso3s,
  capabilityAreas: i.capabilityAreas,
  significance: i.significance,
  covers: i.covers,
  supportsPartnerForces: i.supportsPartnerForces,
  absorptiveCapacity: i.absorptiveCapacity as GateInitiative['absorptiveCapacity'],
  riskAssessment: i.riskAssessment as GateInitiative['riskAssessment'],
  sustainmentPlan: i.sustainmentPlan as GateInitiative['sustainmentPlan'],
  evaluationPlan: i.evaluationPlan as GateInitiative['evaluationPlan'],
  logicModel: i.logicModel as LogicModelNode[],
});

/** The gates of `i` today, against the capability assessments of its partners that the caller may read. */
export async function gatesOf(uc: UseCaseCtx, i: scoped.InitiativeRow): Promise<GateReport> {
  const assessments = await scoped.listCapabilityAssessments(uc.tx, uc.scope, i.partnerIso3s);
  return initiativeGates(toGateInitiative(i), assessments, today());
}
