/** Edit an engagement with optimistic concurrency: a stale version is a 409 and nothing is lost. */
import { DomainError, checkEngagementDraft, dominates, forbidden, invalid, notFound } from '@entente/core';
import type { EngagementInput } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { resolveWriteLabel } from '../access/labels';
import { presentEngagement } from './present';
import { checkEngagement } from './check-engagement';
import { assertReferencesVisible } from './schedule-engagement';
import { toWrite } from './to-write';

export async function updateEngagement(uc: UseCaseCtx, id: string, version: number, input: EngagementInput) {
  const before = await scoped.findEngagement(uc.tx, uc.scope, id, true);
  if (!before) throw notFound('engagement');
  if (!uc.access.can(uc.subject, 'update', 'engagement')) throw forbidden('Your role cannot change engagements.');
  if (before.version !== version)
    throw new DomainError('stale_version', `Someone else changed this engagement (now version ${before.version}, you edited version ${version}). Reload to see their changes.`);
  if (['closed', 'cancelled'].includes(before.status)) throw new DomainError('invalid_transition', `A ${before.status} engagement cannot be edited; reopen it first.`);
  const problems = checkEngagementDraft(input);
  if (problems.length) throw invalid(problems);
  await assertReferencesVisible(uc, input);
  const write = await toWrite(uc, input, before.status);
  write.ownerOrgId = before.ownerOrgId;
  write.logicNodeIds = before.logicNodeIds;
  write.planId = before.planId;
  write.proposedBy = before.proposedBy;
  write.approvedBy = before.approvedBy;
  write.labelId = await resolveWriteLabel(uc, input.label, 'update', { kind: 'engagement', communityId: input.communityId, partyOrgIds: write.partyOrgIds });
  // An edit may keep or raise the label; lowering it is a downgrade, which needs the two-person
  // relabel flow (ACCESS.md §3 step 7), never a plain update.
  const oldLabel = uc.access.label(before.labelId);
  const newLabel = uc.access.label(write.labelId);
  if (write.labelId !== before.labelId && (!oldLabel || !newLabel || !dominates(newLabel, oldLabel, uc.access.registry())))
    throw new DomainError('validation', 'This would lower the classification. Use "Change classification", which needs a second releasing officer.', [
      { path: 'label', message: 'lower than the current classification: use Change classification' },
    ]);
  const after = await scoped.updateEngagement(uc.tx, uc.scope, id, version, write, uc.subject.id);
  if (!after) throw new DomainError('stale_version', 'Someone else changed this engagement. Reload to see their changes.');
  await uc.audit({ action: 'engagement.updated', entity: 'engagement', entityId: id, entityVersion: after.version, labelId: after.labelId, decision: 'permit', before, after });
  return presentEngagement(uc, after, await checkEngagement(uc, after));
}
