/** The per-request access scope computed by the API from the subject and core's decide(). */
import { sql } from 'drizzle-orm';
import type { Db } from './pools';

export interface AccessScope {
  userId: string;
  orgId: string;
  partner: boolean;
  /** Labels whose label-level checks pass for reading. */
  labelIds: string[];
  /** Labels the subject may write. */
  writeLabelIds: string[];
  /** Communities the subject is a current member of. */
  communityIds: string[];
}

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const arr = (ids: string[]) => `{${ids.join(',')}}`;

/** Run `fn` in one transaction whose row-level-security settings are the subject's scope. */
export async function inScope<T>(db: Db, scope: AccessScope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT
      set_config('entente.label_ids', ${arr(scope.labelIds)}, true),
      set_config('entente.write_label_ids', ${arr(scope.writeLabelIds)}, true),
      set_config('entente.community_ids', ${arr(scope.communityIds)}, true),
      set_config('entente.org_id', ${scope.orgId}, true),
      set_config('entente.user_id', ${scope.userId}, true),
      set_config('entente.partner', ${scope.partner ? 'true' : 'false'}, true)`);
    return fn(tx);
  });
}

/** Add a label just created in this transaction to the subject's read and write sets (after decide() permitted it). */
export async function allowLabelInTx(tx: Tx, scope: AccessScope, labelId: string): Promise<void> {
  if (!scope.labelIds.includes(labelId)) scope.labelIds.push(labelId);
  if (!scope.writeLabelIds.includes(labelId)) scope.writeLabelIds.push(labelId);
  await tx.execute(sql`SELECT set_config('entente.label_ids', ${arr(scope.labelIds)}, true),
    set_config('entente.write_label_ids', ${arr(scope.writeLabelIds)}, true)`);
}
