/** One initiative with its logic model, design fields and approval checklist; hidden and missing are both 404. */
import {
  INITIATIVE_TRANSITIONS,
  deriveSignificance,
  notFound,
  type InitiativeStatus,
  type Money,
} from '@entente/core';
import type { InitiativeDetail, LogicNodeFull } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../../context';
import { presentInitiative } from '../present';
import { gatesOf } from './gate-input';

/** The states the caller may request next: approval and lifecycle changes need the approver role. */
export function transitionsFor(uc: UseCaseCtx, status: string): string[] {
  if (!uc.access.can(uc.subject, 'update', 'initiative') || uc.subject.partner) return [];
  const next = INITIATIVE_TRANSITIONS[status as InitiativeStatus] ?? [];
  return uc.subject.roles.includes('approver') ? [...next] : [];
}

export async function getInitiativeDetail(uc: UseCaseCtx, id: string): Promise<InitiativeDetail> {
  const i = await scoped.findInitiative(uc.tx, uc.scope, id);
  if (!i) throw notFound('initiative');
  const nodes = i.logicModel as LogicNodeFull[];
  const objs = new Set(
    (
      await scoped.objectivesByIds(
        uc.tx,
        uc.scope,
        nodes.flatMap((n) => n.objectiveIds),
      )
    ).map((o) => o.id),
  );
  const gates = await gatesOf(uc, i);
  const label = uc.access.label(i.labelId);
  const threshold = uc.app.config.significantCost;
  const budget = i.budget as Money | null;
  const derived = deriveSignificance({ budget, covers: i.covers }, threshold);
  // Records written before significance was derived (or by the seeds) may say otherwise until saved.
  const differs =
    derived.significance !== i.significance
      ? [`Recorded as ${i.significance}; saving the initiative recomputes it as ${derived.significance}.`]
      : [];
  return {
    ...presentInitiative(uc, i),
    version: i.version,
    problemStatement: i.problemStatement,
    theoryOfChange: i.theoryOfChange,
    lineOfEffortIds: i.lineOfEffortIds,
    leadOrgId: i.leadOrgId,
    capabilityAreas: i.capabilityAreas,
    covers: i.covers,
    supportsPartnerForces: i.supportsPartnerForces,
    absorptiveCapacity: i.absorptiveCapacity as InitiativeDetail['absorptiveCapacity'],
    riskAssessment: i.riskAssessment as InitiativeDetail['riskAssessment'],
    sustainmentPlan: i.sustainmentPlan as InitiativeDetail['sustainmentPlan'],
    evaluationPlan: i.evaluationPlan as InitiativeDetail['evaluationPlan'],
    budget,
    significanceReasons: derived.significance === i.significance ? derived.reasons : [],
    significanceNotes: [...derived.notes, ...differs],
    significantCost: { amount: threshold.amount, currency: threshold.currency },
    capabilityAssessmentIds: i.capabilityAssessmentIds,
    // Objective links to objectives the caller may not read are dropped, never shown as ids.
    logicModel: nodes.map((n) => ({
      ...n,
      indicators: n.indicators ?? [],
      objectiveIds: n.objectiveIds.filter((o) => objs.has(o)),
    })),
    engagementCount: i.engagementCount,
    communityId: i.communityId,
    label: {
      level: label?.level ?? '',
      restrictive: label?.restrictive ?? [],
      releasableTo: label?.releasableTo ?? [],
      handling: label?.handling ?? [],
    },
    gates: {
      met: gates.met,
      checks: gates.checks.map((c) => ({
        gate: c.gate,
        title: c.title,
        applies: c.applies,
        met: c.met,
        problems: c.problems.map((p) => ({ path: p.path, message: p.message })),
      })),
    },
    transitions: transitionsFor(uc, i.status),
  };
}
