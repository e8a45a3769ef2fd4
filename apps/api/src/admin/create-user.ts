/** Create a user (administrators and security officers): argon2id hash, clearances, communities, audit. */
import { DomainError } from '@entente/core';
import type { UserInput } from '@entente/contracts';
import { hashPassword, reference, users } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { assertHomeRole } from './read-admin';

const COMMON = new Set(['password1234', '123456789012', 'qwertyuiopas', 'passwordpassword', 'letmeinletmein', 'administrator']);

export async function createUser(uc: UseCaseCtx, i: UserInput) {
  assertHomeRole(uc, ['admin', 'security_officer']);
  if (COMMON.has(i.password.toLowerCase())) throw new DomainError('validation', 'Choose a less common password.', [{ path: 'password', message: 'too common' }]);
  if (await users.userByUsername(uc.tx, i.username)) throw new DomainError('conflict', 'That username is taken.', [{ path: 'username', message: 'already taken' }]);
  const org = await reference.organisationByCode(uc.tx, i.orgCode);
  if (!org) throw new DomainError('validation', 'Unknown organisation.', [{ path: 'orgCode', message: 'unknown organisation' }]);
  if (!uc.access.registry().level('HUB', i.clearance)) throw new DomainError('validation', 'Unknown clearance level.', [{ path: 'clearance', message: 'unknown level' }]);
  const partner = i.nationality !== 'XHN';
  const u = await users.insertUser(uc.tx, {
    username: i.username, displayName: i.displayName, passwordHash: await hashPassword(i.password), orgId: org.id, nationality: i.nationality, partner, roles: i.roles,
    clearances: { HUB: { level: i.clearance, compartments: i.compartments, expiresOn: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10) } },
  });
  const comms = await reference.listCommunities(uc.tx);
  for (const c of comms.filter((c) => i.communities.includes(c.code)))
    await users.addUserCommunity(uc.tx, { userId: u.id, communityId: c.id, role: 'member', from: new Date().toISOString().slice(0, 10) });
  await uc.audit({ action: 'user.created', entity: 'user', entityId: u.id, labelId: uc.app.homeLabelId, decision: 'permit', after: { username: u.username, roles: u.roles, clearance: i.clearance, communities: i.communities } });
  return { id: u.id, username: u.username };
}
