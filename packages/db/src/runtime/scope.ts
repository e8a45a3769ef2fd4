/** The per-request access scope computed by the API from the subject and core's decide(). */
import { createHash } from 'node:crypto';
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

// Label sets stored in access_set (migration 0029), per database handle, and each scope's set ids.
const stored = new WeakMap<Db, Set<string>>();
const setIds = new WeakMap<string[], { n: number; id: string; sorted: string[] }>();

/** The content id of a label set: the sha256 of its sorted ids joined by commas (checked by the table). */
function labelSet(ids: string[]): { id: string; sorted: string[] } {
  const hit = setIds.get(ids);
  if (hit && hit.n === ids.length) return hit;
  const sorted = [...new Set(ids.map((x) => x.toLowerCase()))].sort();
  const id = createHash('sha256').update(sorted.join(',')).digest('hex');
  setIds.set(ids, { n: ids.length, id, sorted });
  return { id, sorted };
}

/**
 * The setting value of a permitted label set: `set:<id>` after the set is stored once (its own
 * statement, committed, so a rolled-back request cannot lose it), which RLS reads without parsing
 * 1,500 uuids from text twice per statement (migration 0029). Empty sets stay `{}`.
 */
async function setting(db: Db, ids: string[]): Promise<string> {
  if (ids.length === 0) return '{}';
  const { id, sorted } = labelSet(ids);
  let known = stored.get(db);
  if (!known) stored.set(db, (known = new Set()));
  if (!known.has(id)) {
    await db.execute(
      sql`INSERT INTO access_set (id, label_ids) VALUES (${id}, ${arr(sorted)}::uuid[]) ON CONFLICT (id) DO NOTHING`,
    );
    known.add(id);
  }
  return `set:${id}`;
}

/** Run `fn` in one transaction whose row-level-security settings are the subject's scope. */
export async function inScope<T>(db: Db, scope: AccessScope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const read = await setting(db, scope.labelIds);
  const write = scope.writeLabelIds === scope.labelIds ? read : await setting(db, scope.writeLabelIds);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT
      set_config('entente.label_ids', ${read}, true),
      set_config('entente.write_label_ids', ${write}, true),
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
