/**
 * DELETE /incidents/areas/:key: archive a custom area (its row stays for evaluations that name it) and
 * remove its memberships and area-month cells, with the audit event in the same transaction.
 */
import { DomainError, forbidden, notFound } from '@entente/core';
import type { AreaArchived } from '@entente/contracts';
import { incidents, scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';

export async function archiveArea(uc: UseCaseCtx, key: string): Promise<AreaArchived> {
  const a = await scoped.getArea(uc.tx, uc.scope, key);
  if (!a) throw notFound('area');
  if (!a.labelId)
    throw new DomainError('validation', 'Built-in areas cannot be archived.', [
      { path: 'key', message: 'built-in area' },
    ]);
  if (!uc.access.can(uc.subject, 'create', 'incident'))
    throw forbidden('Your role cannot archive analysis areas.');
  const r = await incidents.archiveCustomArea(uc.tx, uc.scope, key, uc.subject.id);
  if (!r) throw forbidden('You cannot change areas with this label.');
  await uc.audit({
    action: 'area.archived',
    entity: 'analysis_area',
    entityId: key,
    labelId: r.labelId,
    decision: 'permit',
    details: { memberships: r.memberships, cells: r.cells },
  });
  uc.mark(r.labelId);
  return { key, archived: true };
}
