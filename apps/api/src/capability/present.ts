/** Wire view of a capability assessment. */
import { ASSESSMENT_MAX_AGE_MONTHS, monthsBefore } from '@entente/core';
import type { CapabilityAssessmentItem } from '@entente/contracts';
import { reference, type scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';

export const today = () => new Date().toISOString().slice(0, 10);

/** Approved and no more than 24 months old on `on`: it can satisfy an initiative's approval gate. */
export const isCurrent = (a: Pick<scoped.CapabilityAssessmentRow, 'status' | 'conductedOn'>, on: string) =>
  a.status === 'approved' &&
  a.conductedOn >= monthsBefore(on, ASSESSMENT_MAX_AGE_MONTHS) &&
  a.conductedOn <= on;

export async function presentAssessments(
  uc: UseCaseCtx,
  rows: scoped.CapabilityAssessmentRow[],
): Promise<CapabilityAssessmentItem[]> {
  const orgs = await reference.organisationsByIds(
    uc.tx,
    rows.map((r) => r.subjectOrgId),
  );
  const on = today();
  return rows.map((a) => {
    const org = orgs.get(a.subjectOrgId);
    const absorptive = a.absorptiveCapacity as CapabilityAssessmentItem['absorptiveCapacity'];
    return {
      id: a.id,
      partnerIso3: a.partnerIso3,
      subjectOrg: { id: a.subjectOrgId, code: org?.code ?? '', name: org?.name ?? '' },
      capabilityArea: a.capabilityArea,
      method: a.method,
      conductedOn: a.conductedOn,
      findings: a.findings,
      gaps: a.gaps,
      ratings: a.ratings as CapabilityAssessmentItem['ratings'],
      absorptiveCapacity: {
        rating: absorptive.rating,
        constraints: absorptive.constraints ?? [],
        ...(absorptive.maxTraineesPerMonth !== undefined
          ? { maxTraineesPerMonth: absorptive.maxTraineesPerMonth }
          : {}),
      },
      risks: a.risks,
      evidence: a.evidence,
      status: a.status,
      version: a.version,
      assessorId: a.assessorId,
      approvedBy: a.approvedBy,
      current: isCurrent(a, on),
      portion: uc.mark(a.labelId),
    };
  });
}
