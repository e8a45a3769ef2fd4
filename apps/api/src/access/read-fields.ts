/** Read the labelled fields of a partner record or cooperation plan: a field above the reader is absent, with no placeholder. */
import { notFound } from '@entente/core';
import type { RecordFields } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { FIELD_KINDS, presentField, type FieldKind } from './fields';

export async function readFields(uc: UseCaseCtx, kind: FieldKind, key: string): Promise<RecordFields> {
  const k = FIELD_KINDS[kind];
  const rec = await scoped.findFieldRecord(uc.tx, uc.scope, k.storage, key);
  if (!rec) throw notFound(k.what);
  const rows = await scoped.visibleFields(uc.tx, uc.scope, k.storage, [rec.id]);
  uc.auditRead({ route: k.route, filters: { key }, count: rows.length, ids: rows.map((r) => r.id) });
  return {
    recordId: rec.id,
    recordPortion: uc.mark(rec.labelId),
    items: rows.map((r) => presentField(uc, r)),
  };
}
