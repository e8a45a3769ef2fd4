/** Agreement reads and writes through the visibility predicate. */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { agreement } from '../schema/index';
import type { AccessScope, Tx } from '../runtime/scope';
import { visible } from './visible';

export type AgreementRow = typeof agreement.$inferSelect;

export interface AgreementFilters {
  q?: string | undefined;
  partner?: string | undefined;
  status?: string | undefined;
  expiringBefore?: string | undefined;
}

/** Visible agreements matching the filters, ordered by code. */
export async function listAgreements(tx: Tx, s: AccessScope, f: AgreementFilters): Promise<AgreementRow[]> {
  const c: SQL[] = [visible(agreement, s)];
  if (f.q) c.push(sql`(${agreement.title} ILIKE ${'%' + f.q + '%'} OR ${agreement.code} ILIKE ${'%' + f.q + '%'})`);
  if (f.partner) c.push(sql`${agreement.partnerIso3s} @> ARRAY[${f.partner}]::text[]`);
  if (f.status) c.push(eq(agreement.status, f.status));
  if (f.expiringBefore) c.push(sql`${agreement.status} IN ('in_force','signed') AND ${agreement.expiresOn} <= ${f.expiringBefore}`);
  return tx.select().from(agreement).where(and(...c)).orderBy(asc(agreement.expiresOn), asc(agreement.code));
}

/** In-force visible agreements that name the partner and cover the type over the whole window. */
export async function coveringAgreements(tx: Tx, s: AccessScope, w: { partnerIso3: string; type: string; from: string; to: string }) {
  return tx
    .select()
    .from(agreement)
    .where(
      and(
        visible(agreement, s),
        eq(agreement.status, 'in_force'),
        sql`${agreement.partnerIso3s} @> ARRAY[${w.partnerIso3}]::text[]`,
        sql`(cardinality(${agreement.coversTypes}) = 0 OR ${w.type} = ANY(${agreement.coversTypes}))`,
        sql`coalesce(${agreement.inForceFrom}, ${agreement.signedOn}, '1900-01-01') <= ${w.from}`,
        sql`(${agreement.expiresOn} IS NULL OR ${agreement.expiresOn} >= ${w.to} OR ${agreement.autoRenew})`,
      ),
    );
}

/** Insert an agreement (RLS checks the write label). */
export async function insertAgreement(tx: Tx, v: typeof agreement.$inferInsert): Promise<AgreementRow> {
  const r = await tx.insert(agreement).values(v).returning();
  return r[0] as AgreementRow;
}

/** A visible agreement by id, or null (hidden and missing are the same). */
export async function findAgreement(tx: Tx, s: AccessScope, id: string, forUpdate = false): Promise<AgreementRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const q = tx.select().from(agreement).where(and(eq(agreement.id, id), visible(agreement, s)));
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0] ?? null;
}

/** Change status and lifecycle dates when the stored version is still `version`; null when stale (or hidden). */
export async function setAgreementStatus(
  tx: Tx,
  s: AccessScope,
  id: string,
  version: number,
  v: { status: string; signedOn: string | null; inForceFrom: string | null },
  by: string,
): Promise<AgreementRow | null> {
  const rows = await tx
    .update(agreement)
    .set({ ...v, updatedBy: by, updatedAt: sql`now()`, version: sql`${agreement.version} + 1` })
    .where(and(eq(agreement.id, id), eq(agreement.version, version), visible(agreement, s)))
    .returning();
  return rows[0] ?? null;
}
