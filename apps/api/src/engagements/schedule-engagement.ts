/** Create an engagement: access decision first, then the golden thread and other invariants, then audit. */
import { DomainError, checkEngagementDraft, forbidden, invalid } from '@entente/core';
import type { EngagementInput } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { resolveWriteLabel } from '../access/labels';
import { presentEngagement } from './present';
import { checkEngagement } from './check-engagement';
import { toWrite } from './to-write';

export async function scheduleEngagement(uc: UseCaseCtx, input: EngagementInput) {
  if (!uc.access.can(uc.subject, 'create', 'engagement')) throw forbidden('Your role cannot create engagements.');
  const problems = checkEngagementDraft({ ...input, participants: input.participants, locations: input.locations });
  if (problems.length) throw invalid(problems);
  await assertReferencesVisible(uc, input);
  const write = await toWrite(uc, input, 'draft');
  write.labelId = await resolveWriteLabel(uc, input.label, 'create', { kind: 'engagement', communityId: input.communityId, partyOrgIds: write.partyOrgIds });
  const e = await scoped.insertEngagement(uc.tx, write, uc.subject.id);
  await uc.audit({ action: 'engagement.scheduled', entity: 'engagement', entityId: e.id, entityVersion: e.version, labelId: e.labelId, decision: 'permit', after: e });
  return presentEngagement(uc, e, await checkEngagement(uc, e));
}

/** The objectives and initiative must exist for the subject: hidden ones are reported as unknown. */
export async function assertReferencesVisible(uc: UseCaseCtx, input: EngagementInput) {
  const objs = await scoped.objectivesByIds(uc.tx, uc.scope, input.objectiveIds);
  const missing = input.objectiveIds.filter((id) => !objs.some((o) => o.id === id));
  const fields = missing.map((id) => ({ path: `objectiveIds.${input.objectiveIds.indexOf(id)}`, message: 'unknown objective' }));
  const retired = objs.filter((o) => o.status === 'retired');
  retired.forEach((o) => fields.push({ path: `objectiveIds.${input.objectiveIds.indexOf(o.id)}`, message: `objective ${o.code} is retired` }));
  if (!(await scoped.findInitiative(uc.tx, uc.scope, input.initiativeId))) fields.push({ path: 'initiativeId', message: 'unknown initiative' });
  if (!uc.scope.communityIds.includes(input.communityId)) fields.push({ path: 'communityId', message: 'you are not a member of this community' });
  if (fields.length) throw new DomainError('validation', 'Some linked records are not available.', fields);
}
