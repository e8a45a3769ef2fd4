/**
 * Write one labelled field (ADR 0007): its own label, never classified above the record's (high-water
 * mark, 400 naming the field), optimistic concurrency (version 0 creates), one transaction with its audit event.
 */
import { DomainError, forbidden, invalid, notFound } from '@entente/core';
import type { RecordFieldInput, RecordFieldView } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { FIELD_KINDS, fieldFitsRecord, isKnownField, presentField, type FieldKind } from './fields';
import { resolveWriteLabel } from './labels';

export async function writeField(
  uc: UseCaseCtx,
  kind: FieldKind,
  key: string,
  field: string,
  input: RecordFieldInput,
): Promise<RecordFieldView> {
  const k = FIELD_KINDS[kind];
  const rec = await scoped.findFieldRecord(uc.tx, uc.scope, k.storage, key);
  if (!rec) throw notFound(k.what);
  if (!isKnownField(kind, field))
    throw invalid([{ path: 'field', message: `not a labelled field of a ${k.what}` }]);
  if (!uc.access.can(uc.subject, 'update', k.role))
    throw forbidden(`Your role cannot change ${k.what} records.`);
  const labelId = await resolveWriteLabel(uc, input.label, 'update', {
    kind: k.role,
    communityId: rec.communityId,
    partyOrgIds: rec.partyOrgIds,
  });
  const recordLabel = uc.access.label(rec.labelId);
  const fieldLabel = uc.access.label(labelId);
  if (!recordLabel || !fieldLabel || !fieldFitsRecord(recordLabel, fieldLabel, uc.access.registry()))
    throw invalid(
      [
        {
          path: `${field}.label`,
          message: `must not be classified above the ${k.what} itself (${uc.access.portion(rec.labelId)})`,
        },
      ],
      'A field cannot be classified above its record (high-water mark).',
    );
  const row = await scoped.writeField(
    uc.tx,
    uc.scope,
    { kind: k.storage, recordId: rec.id, field, labelId, value: input.value, by: uc.subject.id },
    input.version,
  );
  if (!row)
    throw new DomainError('stale_version', 'Someone else changed this field. Reload to see their changes.');
  await uc.audit({
    action: `${k.what}.field_updated`,
    entity: k.what,
    entityId: rec.id,
    entityVersion: row.version,
    labelId,
    decision: 'permit',
    after: { field, version: row.version, labelId },
  });
  return presentField(uc, row);
}
