/**
 * A short-lived cache of dashboard roll-ups, keyed by the subject's permitted sets (never shared
 * between subjects who may see different rows, ACCESS.md §4.4) and the filters. Any engagement
 * write in this process clears it; the TTL bounds staleness across processes.
 */
import { createHash } from 'node:crypto';
import type { AccessScope } from '@entente/db';

const TTL_MS = 30_000;
const MAX = 500;
const entries = new Map<string, { at: number; value: unknown }>();

/** The cache key of a scope and a query. */
export function scopeKey(scope: AccessScope, query: unknown): string {
  // The org and user are in the key because TLP recipients and partner party scope depend on them.
  const permitted = { l: [...scope.labelIds].sort(), c: [...scope.communityIds].sort(), o: scope.orgId, u: scope.userId, p: scope.partner };
  return createHash('sha256').update(JSON.stringify([permitted, query])).digest('hex');
}

/** The cached value, or compute and remember it. */
export async function cached<T>(key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
  const hit = entries.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.value as T;
  const value = await compute();
  if (entries.size >= MAX) entries.clear();
  entries.set(key, { at: now, value });
  return value;
}

/** Forget everything (after a write that changes what the roll-ups count). */
export function invalidateRollups(): void {
  entries.clear();
}
