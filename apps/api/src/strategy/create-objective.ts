/** Record a strategic objective: decision, tree invariants (acyclic, validity inside the parent), audit. */
import { DomainError, checkObjectivePlacement, forbidden, invalid } from '@entente/core';
import type { ObjectiveInput } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { resolveWriteLabel } from '../access/labels';
import { listObjectives } from './read-strategy';

export async function createObjective(uc: UseCaseCtx, i: ObjectiveInput) {
  if (!uc.access.can(uc.subject, 'create', 'objective')) throw forbidden('Your role cannot create objectives.');
  const all = await scoped.listObjectives(uc.tx, uc.scope);
  if (all.some((o) => o.code === i.code)) throw new DomainError('conflict', 'An objective with that code exists.', [{ path: 'code', message: 'already used' }]);
  const problems = checkObjectivePlacement({ id: '', parentId: i.parentId ?? null, validFrom: i.validFrom, validTo: i.validTo ?? null }, all);
  if (problems.length) throw invalid(problems);
  const labelId = await resolveWriteLabel(uc, i.label, 'create', { kind: 'objective', communityId: i.communityId, partyOrgIds: [uc.subject.orgId] });
  const o = await scoped.insertObjective(uc.tx, {
    code: i.code, title: i.title, description: i.description, level: i.level, parentId: i.parentId ?? null, priority: i.priority, threatFocus: i.threatFocus,
    regionCodes: i.regionCodes, validFrom: i.validFrom, validTo: i.validTo ?? null, status: 'draft', labelId, communityId: i.communityId,
    ownerOrgId: uc.subject.orgId, partyOrgIds: [uc.subject.orgId], createdBy: uc.subject.id, updatedBy: uc.subject.id,
  });
  await uc.audit({ action: 'objective.created', entity: 'objective', entityId: o.id, entityVersion: o.version, labelId, decision: 'permit', after: o });
  return (await listObjectives(uc)).find((x) => x.id === o.id)!;
}
