/** A security officer unlocks a locked account (ACCESS.md §8); audited. */
import { notFound } from '@entente/core';
import { users } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { assertHomeRole } from './read-admin';
import { requireRecentMfa } from '../http/step-up';

export async function unlockUser(uc: UseCaseCtx, id: string) {
  assertHomeRole(uc, ['security_officer']);
  requireRecentMfa(uc); // ACCESS.md §8: unlock asks for the factor again after 5 minutes
  const u = /^[0-9a-f-]{36}$/i.test(id) ? await users.userById(uc.tx, id) : null;
  if (!u) throw notFound('user');
  await users.recordLoginSuccess(uc.tx, u.id, { lockCount: 0 });
  await uc.audit({ action: 'user.unlocked', entity: 'user', entityId: u.id, labelId: uc.app.homeLabelId, decision: 'permit', before: { lockedUntil: u.lockedUntil }, after: { lockedUntil: null } });
  return { id: u.id, username: u.username };
}
