/**
 * People (DOMAIN.md §2.2) through the visibility predicate (ACCESS.md §4.2); RLS (migration 0028)
 * repeats the rule. A hidden person and a missing one are the same null.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { person } from '../schema/index';
import type { AccessScope, Tx } from '../runtime/scope';
import { visible } from './visible';

export type PersonRow = typeof person.$inferSelect;

const isUuid = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

/** The visible people held under one partner: focal points first, then by name. */
export async function listPersons(tx: Tx, s: AccessScope, iso3: string): Promise<PersonRow[]> {
  return tx
    .select()
    .from(person)
    .where(and(eq(person.partnerIso3, iso3), visible(person, s)))
    .orderBy(desc(person.focalPoint), asc(person.name));
}

/** A visible person, locked for update when `lock`, or null (missing and hidden alike). */
export async function findPerson(
  tx: Tx,
  s: AccessScope,
  id: string,
  lock = false,
): Promise<PersonRow | null> {
  if (!isUuid(id)) return null;
  const q = tx
    .select()
    .from(person)
    .where(and(eq(person.id, id), visible(person, s)));
  const r = lock ? await q.for('update') : await q;
  return r[0] ?? null;
}

/** Insert a person (RLS checks the write label). */
export async function insertPerson(tx: Tx, v: typeof person.$inferInsert): Promise<PersonRow> {
  const r = await tx.insert(person).values(v).returning();
  return r[0] as PersonRow;
}

/** Update a visible person if its version is still `version`; null when stale (or hidden). */
export async function updatePerson(
  tx: Tx,
  s: AccessScope,
  id: string,
  version: number,
  v: Partial<typeof person.$inferInsert>,
  by: string,
): Promise<PersonRow | null> {
  const r = await tx
    .update(person)
    .set({ ...v, updatedBy: by, updatedAt: sql`now()`, version: sql`${person.version} + 1` })
    .where(and(eq(person.id, id), eq(person.version, version), visible(person, s)))
    .returning();
  return r[0] ?? null;
}
