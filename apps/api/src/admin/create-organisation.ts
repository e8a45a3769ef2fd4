/** Register an organisation (a ministry echelon, partner body, alliance, donor…); audited. */
import type { OrganisationInput } from '@entente/contracts';
import { organisations } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { assertHomeRole } from './read-admin';
import { checkOrganisation, presentOrganisation } from './organisation-rules';

export async function createOrganisation(uc: UseCaseCtx, i: OrganisationInput) {
  assertHomeRole(uc, ['admin', 'security_officer']);
  const row = await organisations.insert(uc.tx, await checkOrganisation(uc.tx, i));
  const out = presentOrganisation({
    ...row,
    parentCode: i.parentId ? ((await organisations.byId(uc.tx, i.parentId))?.code ?? null) : null,
  });
  await uc.audit({
    action: 'organisation.created',
    entity: 'organisation',
    entityId: row.id,
    labelId: uc.app.homeLabelId,
    decision: 'permit',
    after: { ...row },
  });
  return out;
}
