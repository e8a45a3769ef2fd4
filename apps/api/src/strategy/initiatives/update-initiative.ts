/**
 * Edit an initiative's design. `expectedVersion` must match (409 otherwise). Logic-model nodes that
 * engagements link to cannot be removed. Once approved, an edit must keep every approval gate met
 * (422 listing the unmet gates), so approval cannot be undone by editing. One transaction with its audit event.
 */
import {
  DomainError,
  INITIATIVE_EDITABLE,
  forbidden,
  initiativeGates,
  invalid,
  notFound,
  type InitiativeStatus,
} from '@entente/core';
import type { InitiativeDetail, InitiativeUpdate } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../../context';
import { resolveWriteLabel } from '../../access/labels';
import { today } from '../../capability/present';
import { getInitiativeDetail } from './get-initiative';
import { toGateInitiative } from './gate-input';
import { toInitiativeRow } from './to-row';

const stale = () =>
  new DomainError('stale_version', 'Someone else changed this initiative. Reload to see their changes.');

export async function updateInitiative(
  uc: UseCaseCtx,
  id: string,
  u: InitiativeUpdate,
): Promise<InitiativeDetail> {
  const before = await scoped.findInitiativeForUpdate(uc.tx, uc.scope, id);
  if (!before) throw notFound('initiative');
  if (uc.subject.partner || !uc.access.can(uc.subject, 'update', 'initiative'))
    throw forbidden('Your role cannot edit initiatives.');
  if (before.version !== u.expectedVersion) throw stale();
  if (!INITIATIVE_EDITABLE.includes(before.status as InitiativeStatus))
    throw new DomainError('invalid_transition', `A ${before.status} initiative cannot be edited.`);
  const row = await toInitiativeRow(uc, u.initiative, id);
  // Links to objectives the caller cannot read were not shown to them: keep them, never unlink silently.
  const stored = before.logicModel as { id: string; objectiveIds: string[] }[];
  const linked = [...new Set(stored.flatMap((n) => n.objectiveIds))];
  const readable = new Set((await scoped.objectivesByIds(uc.tx, uc.scope, linked)).map((o) => o.id));
  const hidden = new Map(stored.map((n) => [n.id, n.objectiveIds.filter((o) => !readable.has(o))]));
  row.logicModel = row.logicModel.map((n) => ({
    ...n,
    objectiveIds: [...new Set([...n.objectiveIds, ...(hidden.get(n.id) ?? [])])],
  }));
  const kept = new Set(row.logicModel.map((n) => n.id));
  const removed = [...(await scoped.logicNodesInUse(uc.tx, uc.scope, id))].filter(
    (n) => !kept.has(n) && (before.logicModel as { id: string }[]).some((x) => x.id === n),
  );
  if (removed.length)
    throw invalid([
      {
        path: 'logicModel',
        message: `engagements link to ${removed.length === 1 ? 'node' : 'nodes'} ${removed.join(', ')}; keep ${removed.length === 1 ? 'it' : 'them'}`,
      },
    ]);
  if (before.status !== 'proposed') {
    const assessments = await scoped.listCapabilityAssessments(uc.tx, uc.scope, row.partnerIso3s);
    const g = initiativeGates(toGateInitiative({ ...before, ...row }), assessments, today());
    if (!g.met)
      throw new DomainError(
        'guard_failed',
        `An ${before.status} initiative must keep meeting its approval gates.`,
        g.unmet.map((x) => ({ path: x.path, message: x.message })),
      );
  }
  const labelId = await resolveWriteLabel(uc, u.initiative.label, 'update', {
    kind: 'initiative',
    communityId: row.communityId,
    partyOrgIds: row.partyOrgIds,
  });
  const after = await scoped.updateInitiative(
    uc.tx,
    uc.scope,
    id,
    u.expectedVersion,
    { ...row, labelId },
    uc.subject.id,
  );
  if (!after) throw stale();
  await uc.audit({
    action: 'initiative.updated',
    entity: 'initiative',
    entityId: id,
    entityVersion: after.version,
    labelId,
    decision: 'permit',
    before,
    after,
  });
  return getInitiativeDetail(uc, id);
}
