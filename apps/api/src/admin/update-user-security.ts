/**
 * Change a user's nationality and clearances (security officers). Validated against the policy
 * registry; optimistic concurrency on the user's version; audited with before and after. The user's
 * sessions end, so the next request must log in again; the API builds the Subject from the
 * database on every request and keys its scope cache by the Subject's content, so no stale scope
 * can be served either way.
 */
import { DomainError, notFound, type FieldProblem } from '@entente/core';
import type { UserSecurityUpdate } from '@entente/contracts';
import { organisations, users } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { assertSecurityOfficer } from './read-admin';
import { getUser } from './get-user';

export async function updateUserSecurity(uc: UseCaseCtx, id: string, i: UserSecurityUpdate) {
  assertSecurityOfficer(uc);
  const before = /^[0-9a-f-]{36}$/i.test(id) ? await users.userById(uc.tx, id) : null;
  if (!before) throw notFound('user');
  if (before.version !== i.version)
    throw new DomainError(
      'stale_version',
      `Someone else changed this user (now version ${before.version}, you edited version ${i.version}). Reload to see their changes.`,
    );
  const reg = uc.access.registry();
  const problems: FieldProblem[] = [];
  if (!(await organisations.countryExists(uc.tx, i.nationality)))
    problems.push({ path: 'nationality', message: 'unknown country' });
  const clearances: Record<string, { level: string; compartments: string[]; expiresOn: string }> = {};
  i.clearances.forEach((c, n) => {
    const policy = reg.policy(c.policy.toUpperCase());
    if (!policy) return void problems.push({ path: `clearances.${n}.policy`, message: 'unknown policy' });
    if (clearances[policy.id])
      return void problems.push({ path: `clearances.${n}.policy`, message: 'one clearance per policy' });
    const level = c.level.toUpperCase();
    if (!reg.level(policy.id, level))
      problems.push({ path: `clearances.${n}.level`, message: `unknown level of ${policy.id}` });
    const compartments = [...new Set(c.compartments.map((x) => x.toUpperCase()))].sort();
    const unknown = compartments.filter((x) => !policy.compartments.includes(x));
    if (unknown.length)
      problems.push({
        path: `clearances.${n}.compartments`,
        message: `unknown compartment: ${unknown.join(', ')}`,
      });
    clearances[policy.id] = { level, compartments, expiresOn: c.expiresOn };
  });
  if (problems.length) throw new DomainError('validation', 'The clearances are not valid.', problems);
  const after = await users.updateSecurity(uc.tx, before.id, i.version, {
    nationality: i.nationality,
    clearances,
  });
  if (!after)
    throw new DomainError('stale_version', 'Someone else changed this user. Reload to see their changes.');
  // ACCESS.md §8: a session must not outlive a clearance change. Another user's cookie cannot be
  // rotated from here, so their sessions end and they log in again under the new clearances.
  const sessionsEnded = await users.endSessionsOf(uc.tx, before.id);
  await uc.audit({
    action: 'user.security_changed',
    details: { sessionsEnded },
    entity: 'user',
    entityId: before.id,
    entityVersion: after.version,
    labelId: uc.app.homeLabelId,
    decision: 'permit',
    before: { nationality: before.nationality, clearances: before.clearances },
    after: { nationality: after.nationality, clearances: after.clearances },
  });
  return getUser(uc, before.id);
}
