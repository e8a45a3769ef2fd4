/** Partner relationship records through the visibility predicate. */
import { and, eq } from 'drizzle-orm';
import { partner, partnerCapacity } from '../schema/index';
import type { AccessScope, Tx } from '../runtime/scope';
import { visible } from './visible';

export type PartnerRow = typeof partner.$inferSelect;
export type PartnerCapacityRow = typeof partnerCapacity.$inferSelect;

/** Visible partner records (tier, status), keyed by ISO3. */
export async function listPartnerRecords(tx: Tx, s: AccessScope): Promise<Map<string, PartnerRow>> {
  const rows = await tx.select().from(partner).where(visible(partner, s));
  return new Map(rows.map((r) => [r.iso3, r]));
}

/** The visible partner record of one state, or null. */
export async function findPartnerRecord(tx: Tx, s: AccessScope, iso3: string): Promise<PartnerRow | null> {
  const r = await tx.select().from(partner).where(and(eq(partner.iso3, iso3), visible(partner, s)));
  return r[0] ?? null;
}

/** Visible absorptive-capacity records of one partner. */
export async function partnerCapacities(tx: Tx, s: AccessScope, iso3: string): Promise<PartnerCapacityRow[]> {
  return tx.select().from(partnerCapacity).where(and(eq(partnerCapacity.partnerIso3, iso3), visible(partnerCapacity, s)));
}
