/**
 * Edit a person at the version seen (409 when someone changed it since). The label, community and
 * partner stay as they are (a relabel is its own flow); the caller must be allowed to update the
 * person under its label (decide()). One transaction with its audit event.
 */
import { DomainError, forbidden, notFound } from '@entente/core';
import type { PersonItem, PersonUpdate } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { requireUpdate } from '../access/require-update';
import { checkPersonOrg, presentPersons } from './present';

export async function updatePerson(uc: UseCaseCtx, id: string, i: PersonUpdate): Promise<PersonItem> {
  const before = await scoped.findPerson(uc.tx, uc.scope, id, true);
  if (!before) throw notFound('person');
  if (!uc.access.can(uc.subject, 'update', 'partner')) throw forbidden('Your role cannot change people.');
  await requireUpdate(
    uc,
    'partner',
    before,
    { action: 'person.update', entity: 'person', entityId: id },
    'You cannot change this person.',
  );
  if (before.version !== i.expectedVersion)
    throw new DomainError('stale_version', 'Someone else changed this person. Reload to see their changes.');
  await checkPersonOrg(uc, i.orgId, before.partnerIso3);
  const partyOrgIds = [...new Set([...before.partyOrgIds, i.orgId])];
  const p = await scoped.updatePerson(
    uc.tx,
    uc.scope,
    id,
    i.expectedVersion,
    {
      name: i.name,
      rank: i.rank || null,
      position: i.position,
      orgId: i.orgId,
      nationality: i.nationality,
      languages: i.languages,
      focalPoint: i.focalPoint,
      partyOrgIds,
    },
    uc.subject.id,
  );
  if (!p)
    throw new DomainError('stale_version', 'Someone else changed this person. Reload to see their changes.');
  await uc.audit({
    action: 'person.updated',
    entity: 'person',
    entityId: p.id,
    entityVersion: p.version,
    labelId: p.labelId,
    decision: 'permit',
    before,
    after: p,
  });
  return (await presentPersons(uc, [p]))[0]!;
}
