/** The wire view of the logged-in user. */
import type { Subject } from '@entente/core';
import type { Me } from '@entente/contracts';
import { reference, users, type Database } from '@entente/db';

export async function presentMe(
  db: Database,
  s: Subject,
  csrfToken: string,
  extra: { noticeRequired?: boolean } = {},
): Promise<Me> {
  const u = await users.userById(db.db, s.id);
  const recoveryCodesLeft = u?.totpSecretEnc ? await users.countRecoveryCodes(db.db, s.id) : null;
  const org = (await reference.organisationsByIds(db.db, [s.orgId])).get(s.orgId);
  return {
    id: s.id,
    username: u?.username ?? '',
    displayName: u?.displayName ?? '',
    orgCode: org?.code ?? '',
    orgName: org?.name ?? '',
    nationality: s.nationality,
    partner: s.partner,
    roles: s.roles,
    assurance: s.assurance,
    csrfToken,
    noticeRequired: extra.noticeRequired ?? false,
    recoveryCodesLeft,
  };
}
