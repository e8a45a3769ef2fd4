/** Label rows: immutable, one per distinct canonical content, keyed by the UUIDv5 label id. */
import { sql } from 'drizzle-orm';
import { label } from '../schema/index';
import type { Db } from '../runtime/pools';
import type { Tx } from '../runtime/scope';

export interface StoredLabel {
  id: string;
  policy: string;
  level: string;
  restrictive: string[];
  releasableTo: string[];
  handling: string[];
  tlp?: string;
}

/** Store a label if it is new (idempotent). */
export async function saveLabel(db: Db | Tx, l: StoredLabel): Promise<void> {
  const { id, ...canonical } = l;
  await db
    .insert(label)
    .values({ id, policy: l.policy, level: l.level, restrictive: l.restrictive, releasableTo: l.releasableTo, handling: l.handling, tlp: l.tlp ?? null, canonical })
    .onConflictDoNothing();
}

/** Every label (there are few: they are shared by content). */
export async function allLabels(db: Db | Tx): Promise<StoredLabel[]> {
  const rows = await db.select().from(label);
  return rows.map((r) => ({
    id: r.id,
    policy: r.policy,
    level: r.level,
    restrictive: r.restrictive,
    releasableTo: r.releasableTo,
    handling: r.handling,
    ...(r.tlp ? { tlp: r.tlp } : {}),
  }));
}

/** The number of label rows: a cheap cache key for permitted-label sets. */
export async function labelCount(db: Db | Tx): Promise<number> {
  const r = await db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM label`);
  return Number(r.rows[0]?.n ?? 0);
}
