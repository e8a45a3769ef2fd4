/** The audit hash chain: hash_n = SHA-256(hash_{n-1} ‖ JCS(entry_n)), hash_0 = 32 zero bytes. */
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorOrgId: string | null;
  actorKind: string;
  sessionId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  entityVersion: number | null;
  labelId: string;
  decision: string;
  reason: string | null;
  requestId: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
}

export const GENESIS = Buffer.alloc(32);

/** The entry exactly as hashed: JSON-normalised so that a round trip through jsonb hashes the same. */
export function normaliseEntry(e: AuditEntry): AuditEntry {
  return JSON.parse(JSON.stringify({ ...e, at: new Date(e.at).toISOString() })) as AuditEntry;
}

/** The hash of one entry chained to the previous hash. */
export function chainHash(prev: Buffer, e: AuditEntry): Buffer {
  const jcs = canonicalize(normaliseEntry(e)) ?? '';
  return createHash('sha256').update(prev).update(jcs, 'utf8').digest();
}
