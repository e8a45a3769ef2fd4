/** Organisations for administrators: kind, country, parent, number of users, and the edit token. */
import { organisations } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { assertHomeRole } from './read-admin';
import { presentOrganisation } from './organisation-rules';

export async function listOrganisations(uc: UseCaseCtx) {
  assertHomeRole(uc, ['admin', 'security_officer']);
  return (await organisations.listForAdmin(uc.tx)).map(presentOrganisation);
}
