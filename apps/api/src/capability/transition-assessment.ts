/**
 * draft → submitted → approved (DOMAIN.md §2.2). The approver is an `approver` who is not the
 * assessor; approving supersedes the earlier approved assessments of the same unit and area.
 * Missing and hidden assessments are both 404; a stale `expectedVersion` is 409.
 */
import { DomainError, forbidden, notFound, planCapabilityTransition } from '@entente/core';
import type { CapabilityAssessmentItem, CapabilityTransition } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { presentAssessments } from './present';

const stale = () =>
  new DomainError(
    'stale_version',
    'Someone else changed this capability assessment. Reload to see their changes.',
  );

export async function transitionAssessment(
  uc: UseCaseCtx,
  id: string,
  t: CapabilityTransition,
): Promise<{ assessment: CapabilityAssessmentItem; superseded: string[] }> {
  const a = await scoped.findCapabilityAssessment(uc.tx, uc.scope, id, true);
  if (!a) throw notFound('capability assessment');
  if (!uc.access.can(uc.subject, 'update', 'capability_assessment'))
    throw forbidden('Your role cannot change capability assessments.');
  if (a.version !== t.expectedVersion) throw stale();
  const to = planCapabilityTransition(a, t.to, uc.subject);
  const after = await scoped.setCapabilityAssessmentStatus(
    uc.tx,
    uc.scope,
    id,
    t.expectedVersion,
    to,
    uc.subject.id,
  );
  if (!after) throw stale();
  const superseded =
    to === 'approved'
      ? await scoped.supersedeCapabilityAssessments(uc.tx, uc.scope, after, uc.subject.id)
      : [];
  await uc.audit({
    action: `capability_assessment.${to}`,
    entity: 'capability_assessment',
    entityId: id,
    entityVersion: after.version,
    labelId: after.labelId,
    decision: 'permit',
    before: { status: a.status },
    after: { status: to },
    details: superseded.length ? { superseded: superseded.map((s) => s.id) } : null,
  });
  for (const s of superseded)
    await uc.audit({
      action: 'capability_assessment.superseded',
      entity: 'capability_assessment',
      entityId: s.id,
      entityVersion: s.version,
      labelId: s.labelId,
      decision: 'permit',
      before: { status: 'approved' },
      after: { status: 'superseded' },
      details: { by: id },
    });
  return { assessment: (await presentAssessments(uc, [after]))[0]!, superseded: superseded.map((s) => s.id) };
}
