/** Communities of interest with their bounds as classification text and their dated members. */
import { communities } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { assertHomeRole } from './read-admin';
import { labelText } from './community-labels';

export const today = () => new Date().toISOString().slice(0, 10);
export const isCurrent = (m: { from: string; to: string | null }, on: string) =>
  m.from <= on && (m.to === null || on < m.to);

export async function listCommunities(uc: UseCaseCtx) {
  assertHomeRole(uc, ['admin', 'security_officer']);
  const [rows, members] = await Promise.all([communities.list(uc.tx), communities.allMembers(uc.tx)]);
  const on = today();
  return rows.map((c) => ({
    id: c.id,
    code: c.code,
    name: c.name,
    floor: labelText(uc.access, c.floorLabelId),
    ceiling: labelText(uc.access, c.ceilingLabelId),
    defaultLabel: labelText(uc.access, c.defaultLabelId),
    members: members
      .filter((m) => m.communityId === c.id)
      .map(({ communityId: _, ...m }) => ({ ...m, current: isCurrent(m, on) })),
  }));
}
