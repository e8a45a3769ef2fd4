/** Edit an organisation with optimistic concurrency: a stale version token is a 409 and nothing is lost. */
import { DomainError, notFound } from '@entente/core';
import type { OrganisationUpdate } from '@entente/contracts';
import { organisations } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { assertHomeRole } from './read-admin';
import { checkOrganisation, organisationVersion, presentOrganisation } from './organisation-rules';

export async function updateOrganisation(uc: UseCaseCtx, id: string, u: OrganisationUpdate) {
  assertHomeRole(uc, ['admin', 'security_officer']);
  const before = /^[0-9a-f-]{36}$/i.test(id) ? await organisations.byId(uc.tx, id, true) : null;
  if (!before) throw notFound('organisation');
  if (organisationVersion(before) !== u.version)
    throw new DomainError(
      'stale_version',
      'Someone else changed this organisation. Reload to see their changes, then edit again.',
    );
  const after = await organisations.update(uc.tx, id, await checkOrganisation(uc.tx, u.organisation, id));
  if (!after) throw notFound('organisation');
  await uc.audit({
    action: 'organisation.updated',
    entity: 'organisation',
    entityId: id,
    labelId: uc.app.homeLabelId,
    decision: 'permit',
    before: { ...before },
    after: { ...after },
  });
  const listed = (await organisations.listForAdmin(uc.tx)).find((o) => o.id === id);
  return presentOrganisation(listed ?? after);
}
