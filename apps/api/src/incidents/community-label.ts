/**
 * The label a record of the incident store takes when its creator does not choose one: the default
 * label of the creator's community (by code, else `all`, else the first current one), with the
 * `incident` create permission and decide(create) for that label; a denial is audited. Shared by
 * incident imports, custom areas (ADR 0006) and watch areas, which follow the same rule.
 */
import { DomainError, forbidden } from '@entente/core';
import { allowLabelInTx, reference } from '@entente/db';
import type { UseCaseCtx } from '../context';

export interface CommunityLabelUse {
  /** Audit action and entity of a denial, e.g. `incident.import` / `incident`. */
  action: string;
  entity: string;
  /** What the user tried, for the messages: "import incidents", "define analysis areas". */
  doing: string;
}

export async function communityDefaultLabel(
  uc: UseCaseCtx,
  communityCode: string | undefined,
  use: CommunityLabelUse,
): Promise<{ communityId: string; labelId: string }> {
  if (!uc.access.can(uc.subject, 'create', 'incident')) throw forbidden(`Your role cannot ${use.doing}.`);
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
      action: use.action,
      entity: use.entity,
      labelId: uc.app.homeLabelId,
      decision: 'deny',
      reason: d.reason,
    });
    throw forbidden(`You cannot ${use.doing} in that community.`);
  }
  await allowLabelInTx(uc.tx, uc.scope, labelId);
  return { communityId: community.id, labelId };
}
