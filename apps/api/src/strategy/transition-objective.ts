/** draft → active → retired. Retiring never unlinks: it reports the open engagements to re-align, in the audit trail too. */
import { DomainError, OBJECTIVE_TRANSITIONS, forbidden, notFound, type ObjectiveStatus } from '@entente/core';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { listObjectives } from './read-strategy';

export async function transitionObjective(uc: UseCaseCtx, id: string, t: { to: 'active' | 'retired'; version: number; reason?: string | undefined }) {
  const o = await scoped.findObjective(uc.tx, uc.scope, id, true);
  if (!o) throw notFound('objective');
  if (!uc.access.can(uc.subject, 'update', 'objective')) throw forbidden('Your role cannot change objectives.');
  if (o.version !== t.version) throw new DomainError('stale_version', 'Someone else changed this objective. Reload to see their changes.');
  if (!OBJECTIVE_TRANSITIONS[o.status as ObjectiveStatus]?.includes(t.to)) throw new DomainError('invalid_transition', `An objective cannot go from ${o.status} to ${t.to}.`);
  if (t.to === 'retired' && !t.reason?.trim()) throw new DomainError('guard_failed', 'Give a reason for retiring the objective.', [{ path: 'reason', message: 'required' }]);
  const flagged = t.to === 'retired' ? await scoped.openEngagementsOfObjective(uc.tx, uc.scope, id) : [];
  const after = await scoped.setObjectiveStatus(uc.tx, uc.scope, id, t.version, t.to, uc.subject.id);
  if (!after) throw new DomainError('stale_version', 'Someone else changed this objective. Reload to see their changes.');
  await uc.audit({
    action: `objective.${t.to}`, entity: 'objective', entityId: id, entityVersion: after.version, labelId: after.labelId, decision: 'permit', reason: t.reason ?? null,
    before: { status: o.status }, after: { status: t.to }, details: flagged.length ? { realignEngagements: flagged.map((e) => e.code) } : null,
  });
  return { objective: (await listObjectives(uc)).find((x) => x.id === id)!, realign: flagged.map((e) => e.code) };
}
