/** Grant a user membership of a community from a date (security officers); dated, never overlapping; audited. */
import { DomainError, notFound } from '@entente/core';
import type { CommunityMemberInput } from '@entente/contracts';
import { communities, users } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { assertSecurityOfficer } from './read-admin';

const overlaps = (a: { from: string; to: string | null }, b: { from: string; to: string | null }) =>
  (b.to === null || a.from < b.to) && (a.to === null || b.from < a.to);

export async function addCommunityMember(uc: UseCaseCtx, communityId: string, i: CommunityMemberInput) {
  assertSecurityOfficer(uc);
  const c = /^[0-9a-f-]{36}$/i.test(communityId) ? await communities.byId(uc.tx, communityId) : null;
  if (!c) throw notFound('community');
  const u = await users.userById(uc.tx, i.userId);
  if (!u) throw new DomainError('validation', 'Unknown user.', [{ path: 'userId', message: 'unknown user' }]);
  if (i.to !== null && i.to <= i.from)
    throw new DomainError('validation', 'The membership must end after it starts.', [
      { path: 'to', message: 'must be after the start date' },
    ]);
  const existing = await communities.membershipsOf(uc.tx, c.id, u.id);
  const clash = existing.find((m) => overlaps(m, i));
  if (clash)
    throw new DomainError(
      'conflict',
      `${u.username} is already a member of ${c.code} from ${clash.from}${clash.to ? ` to ${clash.to}` : ''}.`,
      [{ path: 'from', message: 'overlaps an existing membership' }],
    );
  const row = await communities.addMembership(uc.tx, {
    userId: u.id,
    communityId: c.id,
    role: i.role,
    from: i.from,
    to: i.to,
  });
  await uc.audit({
    action: 'community.member_added',
    entity: 'community',
    entityId: c.id,
    labelId: uc.app.homeLabelId,
    decision: 'permit',
    after: { ...row, username: u.username, community: c.code },
  });
  return { userId: u.id, communityId: c.id, role: row.role, from: row.from, to: row.to };
}
