/** One user's account and security attributes: nationality, clearances, dated community memberships. */
import { notFound } from '@entente/core';
import { communities, reference, users } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { assertHomeRole } from './read-admin';
import { isCurrent, today } from './list-communities';

type StoredClearances = Record<string, { level: string; compartments: string[]; expiresOn: string }>;

export async function getUser(uc: UseCaseCtx, id: string) {
  assertHomeRole(uc, ['admin', 'security_officer']);
  const u = /^[0-9a-f-]{36}$/i.test(id) ? await users.userById(uc.tx, id) : null;
  if (!u) throw notFound('user');
  const org = (await reference.organisationsByIds(uc.tx, [u.orgId])).get(u.orgId);
  const on = today();
  const memberships = (await communities.ofUser(uc.tx, u.id)).map((m) => ({
    ...m,
    current: isCurrent(m, on),
  }));
  const clearances = Object.entries((u.clearances ?? {}) as StoredClearances).map(([policy, c]) => ({
    policy,
    level: c.level,
    compartments: c.compartments ?? [],
    expiresOn: c.expiresOn,
  }));
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    orgCode: org?.code ?? '',
    orgName: org?.name ?? '',
    nationality: u.nationality,
    partner: u.partner,
    roles: u.roles,
    clearances,
    memberships,
    lockedUntil: u.lockedUntil,
    mfa: !!u.totpSecretEnc,
    version: u.version,
    policies: clearancePolicies(uc),
  };
}

/** The policies a clearance may name, with their levels and compartments, from the registry. */
export function clearancePolicies(uc: UseCaseCtx) {
  return uc.access
    .registry()
    .policies.map((p) => ({
      id: p.id,
      name: p.name,
      levels: [...p.levels].sort((a, b) => a.rank - b.rank).map((l) => ({ name: l.name, banner: l.banner })),
      compartments: [...p.compartments],
    }));
}
