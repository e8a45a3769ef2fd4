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

// A scope object is shared by a subject's requests: hash its permitted sets once. allowLabelInTx may
// append a label to it, so the digest is kept with the sizes it was taken at.
const scopeDigests = new WeakMap<AccessScope, { n: number; digest: string }>();

/** The cache key of a scope and a query. */
export function scopeKey(scope: AccessScope, query: unknown): string {
  const n = scope.labelIds.length + scope.communityIds.length;
  let digest = scopeDigests.get(scope)?.digest;
  if (digest === undefined || scopeDigests.get(scope)?.n !== n) {
    // The org and user are in the key because TLP recipients and partner party scope depend on them.
    const permitted = {
      l: [...scope.labelIds].sort(),
      c: [...scope.communityIds].sort(),
      o: scope.orgId,
      u: scope.userId,
      p: scope.partner,
    };
    digest = createHash('sha256').update(JSON.stringify(permitted)).digest('hex');
    scopeDigests.set(scope, { n, digest });
  }
  return createHash('sha256')
    .update(JSON.stringify([digest, query]))
    .digest('hex');
}

const inFlight = new Map<string, Promise<unknown>>();
let generation = 0;

/**
 * The cached value, or compute and remember it. Concurrent misses for one key share a single
 * computation: under load, sixteen requests arriving together each ran the full roll-up (the bench
 * saw a 54 s p95 for that herd).
 */
export async function cached<T>(key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
  const hit = entries.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.value as T;
  const pending = inFlight.get(key);
  if (pending) return pending as Promise<T>;
  const gen = generation;
  const p = compute().then(
    (value) => {
      inFlight.delete(key);
      // A write during the computation may have changed what it counted: serve it, do not keep it.
      if (gen === generation) {
        if (entries.size >= MAX) entries.clear();
        entries.set(key, { at: now, value });
      }
      return value;
    },
    (e: unknown) => {
      inFlight.delete(key);
      throw e;
    },
  );
  inFlight.set(key, p);
  return p;
}

/** Forget everything (after a write that changes what the roll-ups count). */
export function invalidateRollups(): void {
  generation++;
  entries.clear();
  inFlight.clear();
}
