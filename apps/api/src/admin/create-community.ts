/** Create a community of interest with its floor, default and ceiling labels (security officers); audited. */
import { DomainError } from '@entente/core';
import type { CommunityInput } from '@entente/contracts';
import { communities, saveLabel } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { assertSecurityOfficer } from './read-admin';
import { communityLabels } from './community-labels';
import { listCommunities } from './list-communities';

export async function createCommunity(uc: UseCaseCtx, i: CommunityInput) {
  assertSecurityOfficer(uc);
  const labels = communityLabels(uc.access, i);
  if (await communities.byCode(uc.tx, i.code))
    throw new DomainError('conflict', 'A community with that code exists already.', [
      { path: 'code', message: 'already used' },
    ]);
  for (const { id, label } of Object.values(labels)) {
    await saveLabel(uc.tx, { id, ...label });
    uc.access.remember(id, label);
  }
  const c = await communities.insert(uc.tx, {
    code: i.code,
    name: i.name,
    floorLabelId: labels.floor.id,
    ceilingLabelId: labels.ceiling.id,
    defaultLabelId: labels.defaultLabel.id,
  });
  await uc.audit({
    action: 'community.created',
    entity: 'community',
    entityId: c.id,
    labelId: uc.app.homeLabelId,
    decision: 'permit',
    after: {
      ...c,
      floor: labels.floor.label,
      ceiling: labels.ceiling.label,
      defaultLabel: labels.defaultLabel.label,
    },
  });
  const all = await listCommunities(uc);
  return all.find((x) => x.id === c.id) as (typeof all)[number];
}
