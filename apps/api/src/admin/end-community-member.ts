/** End a community membership on a date (security officers): sets valid_to, never deletes the history; audited. */
import { DomainError, notFound } from '@entente/core';
import type { CommunityMemberEnd } from '@entente/contracts';
import { communities } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { assertSecurityOfficer } from './read-admin';

export async function endCommunityMember(uc: UseCaseCtx, communityId: string, i: CommunityMemberEnd) {
  assertSecurityOfficer(uc);
  const c = /^[0-9a-f-]{36}$/i.test(communityId) ? await communities.byId(uc.tx, communityId) : null;
  if (!c) throw notFound('community');
  const before = (await communities.membershipsOf(uc.tx, c.id, i.userId)).find((m) => m.from === i.from);
  if (!before) throw notFound('membership');
  if (i.to < before.from)
    throw new DomainError('validation', 'A membership cannot end before it starts.', [
      { path: 'to', message: `on or after ${before.from}` },
    ]);
  if (before.to !== null && before.to <= i.to)
    throw new DomainError('conflict', `This membership already ends on ${before.to}.`, [
      { path: 'to', message: `already ends on ${before.to}` },
    ]);
  const after = await communities.endMembership(
    uc.tx,
    { communityId: c.id, userId: i.userId, from: i.from },
    i.to,
  );
  if (!after) throw notFound('membership');
  await uc.audit({
    action: 'community.member_ended',
    entity: 'community',
    entityId: c.id,
    labelId: uc.app.homeLabelId,
    decision: 'permit',
    before: { ...before },
    after: { ...after },
  });
  return { userId: after.userId, communityId: c.id, role: after.role, from: after.from, to: after.to };
}
