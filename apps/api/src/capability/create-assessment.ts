/**
 * Record a capability assessment as a draft (DOMAIN.md §2.2). The caller is its assessor. It is
 * party-scoped to the partner's ministry and the assessed unit, so that partner users of other
 * nations never see it. One transaction with its audit event.
 */
import { forbidden, invalid } from '@entente/core';
import type { CapabilityAssessmentInput, CapabilityAssessmentItem } from '@entente/contracts';
import { reference, scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { resolveWriteLabel } from '../access/labels';
import { presentAssessments, today } from './present';

export async function createAssessment(
  uc: UseCaseCtx,
  i: CapabilityAssessmentInput,
): Promise<CapabilityAssessmentItem> {
  if (!uc.access.can(uc.subject, 'create', 'capability_assessment'))
    throw forbidden('Your role cannot record capability assessments.');
  const org = (await reference.organisationsByIds(uc.tx, [i.subjectOrgId])).get(i.subjectOrgId);
  const problems = [];
  if (!org) problems.push({ path: 'subjectOrgId', message: 'unknown organisation' });
  else if (org.iso3 !== i.partnerIso3)
    problems.push({ path: 'subjectOrgId', message: `the assessed unit must belong to ${i.partnerIso3}` });
  if (i.conductedOn > today()) problems.push({ path: 'conductedOn', message: 'cannot be in the future' });
  if (!(await scoped.findPartnerRecord(uc.tx, uc.scope, i.partnerIso3)))
    problems.push({ path: 'partnerIso3', message: 'unknown partner' });
  if (problems.length) throw invalid(problems);
  const ministry = await reference.organisationByCode(uc.tx, `${i.partnerIso3}-MOD`);
  const partyOrgIds = [...new Set([uc.subject.orgId, i.subjectOrgId, ...(ministry ? [ministry.id] : [])])];
  const labelId = await resolveWriteLabel(uc, i.label, 'create', {
    kind: 'capability_assessment',
    communityId: i.communityId,
    partyOrgIds,
  });
  const a = await scoped.insertCapabilityAssessment(uc.tx, {
    partnerIso3: i.partnerIso3,
    subjectOrgId: i.subjectOrgId,
    capabilityArea: i.capabilityArea,
    method: i.method,
    conductedOn: i.conductedOn,
    findings: i.findings,
    gaps: i.gaps,
    ratings: i.ratings,
    absorptiveCapacity: i.absorptiveCapacity,
    risks: i.risks,
    evidence: i.evidence,
    status: 'draft',
    assessorId: uc.subject.id,
    labelId,
    communityId: i.communityId,
    partyOrgIds,
    ownerOrgId: uc.subject.orgId,
    createdBy: uc.subject.id,
    updatedBy: uc.subject.id,
  });
  await uc.audit({
    action: 'capability_assessment.created',
    entity: 'capability_assessment',
    entityId: a.id,
    entityVersion: a.version,
    labelId,
    decision: 'permit',
    after: a,
  });
  return (await presentAssessments(uc, [a]))[0]!;
}
