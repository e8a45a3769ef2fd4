/** Propose an initiative (DOMAIN.md §2.1): checked input, write label decided, `proposed`, one transaction with its audit event. */
import { forbidden } from '@entente/core';
import type { InitiativeDetail, InitiativeInput } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../../context';
import { resolveWriteLabel } from '../../access/labels';
import { getInitiativeDetail } from './get-initiative';
import { toInitiativeRow } from './to-row';

export async function createInitiative(uc: UseCaseCtx, i: InitiativeInput): Promise<InitiativeDetail> {
  if (uc.subject.partner || !uc.access.can(uc.subject, 'create', 'initiative'))
    throw forbidden('Your role cannot propose initiatives.');
  const row = await toInitiativeRow(uc, i);
  const labelId = await resolveWriteLabel(uc, i.label, 'create', {
    kind: 'initiative',
    communityId: i.communityId,
    partyOrgIds: row.partyOrgIds,
  });
  const created = await scoped.insertInitiative(uc.tx, {
    ...row,
    status: 'proposed',
    labelId,
    ownerOrgId: uc.subject.orgId,
    createdBy: uc.subject.id,
    updatedBy: uc.subject.id,
  });
  await uc.audit({
    action: 'initiative.created',
    entity: 'initiative',
    entityId: created.id,
    entityVersion: created.version,
    labelId,
    decision: 'permit',
    after: created,
  });
  return getInitiativeDetail(uc, created.id);
}
