/**
 * The label a custom area takes (ADR 0006): the default label of the creator's community, as for an
 * incident import, and the same permission (analysts may, planners may not). decide() is run for that
 * label; a denial is audited.
 */
import { DomainError, forbidden } from '@entente/core';
import { allowLabelInTx, reference } from '@entente/db';
import type { UseCaseCtx } from '../context';

export async function areaLabel(uc: UseCaseCtx, communityCode: string | undefined) {
  if (!uc.access.can(uc.subject, 'create', 'incident'))
    throw forbidden('Your role cannot define analysis areas.');
  const mine = (await reference.listCommunities(uc.tx)).filter((c) => uc.scope.communityIds.includes(c.id));
  const community = communityCode
    ? mine.find((c) => c.code === communityCode)
    : (mine.find((c) => c.code === 'all') ?? mine[0]);
  if (!community)
    throw new DomainError('validation', 'Choose a community you are a member of.', [
      {
        path: 'community',
        message: communityCode ? `unknown community '${communityCode}'` : 'no current community',
      },
    ]);
  const labelId = community.defaultLabelId;
  const d = uc.access.decide(uc.subject, 'create', labelId, {
    kind: 'incident',
    communityId: community.id,
    ownerOrgId: uc.subject.orgId,
    originatorOrgId: uc.subject.orgId,
    partyOrgIds: [],
    ...uc.access.communityBounds(community.id),
  });
  if (d.effect !== 'permit') {
    await uc.audit({
      action: 'area.create',
      entity: 'analysis_area',
      labelId: uc.app.homeLabelId,
      decision: 'deny',
      reason: d.reason,
    });
    throw forbidden('You cannot define areas in that community.');
  }
  await allowLabelInTx(uc.tx, uc.scope, labelId);
  return { communityId: community.id, labelId };
}
