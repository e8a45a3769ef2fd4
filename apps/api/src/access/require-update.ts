/**
 * decide() on a change to a stored record under its own, unchanged label (an edit that keeps the
 * label, an acknowledgement): the resource built from the row, and on a deny the audit event and a 403.
 * A change that also chooses a label goes through resolveWriteLabel instead.
 */
import { forbidden, type RecordKind } from '@entente/core';
import type { UseCaseCtx } from '../context';

/** The columns of a stored labelled row that decide() judges a write against. */
export interface StoredRecord {
  labelId: string;
  communityId: string;
  ownerOrgId: string;
  partyOrgIds: string[];
}

/** The resource of a write to `row` (its owner originated it; the community's floor and ceiling apply). */
export const storedResource = (uc: UseCaseCtx, kind: RecordKind, row: StoredRecord) => ({
  kind,
  communityId: row.communityId,
  ownerOrgId: row.ownerOrgId,
  originatorOrgId: row.ownerOrgId,
  partyOrgIds: row.partyOrgIds,
  ...uc.access.communityBounds(row.communityId),
});

/** Whether decide() permits updating `row` (for showing or hiding an action). */
export const mayUpdate = (uc: UseCaseCtx, kind: RecordKind, row: StoredRecord): boolean =>
  uc.access.decide(uc.subject, 'update', row.labelId, storedResource(uc, kind, row)).effect === 'permit';

/** Throw 403 (audited as a denied `action` on `entity` `entityId`) unless decide() permits updating `row`. */
export async function requireUpdate(
  uc: UseCaseCtx,
  kind: RecordKind,
  row: StoredRecord,
  audit: { action: string; entity: string; entityId: string },
  message: string,
): Promise<void> {
  const d = uc.access.decide(uc.subject, 'update', row.labelId, storedResource(uc, kind, row));
  if (d.effect === 'permit') return;
  await uc.audit({ ...audit, labelId: row.labelId, decision: 'deny', reason: d.reason });
  throw forbidden(message);
}
