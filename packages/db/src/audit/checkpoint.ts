/**
 * Ed25519 checkpoints of the audit chain (ACCESS.md §7.4). The key pair is derived with HKDF from
 * the deployment secret (ENTENTE_SECRET_KEY or secrets.json), so someone who can only write the
 * database cannot sign: the verifier derives the public key itself and never trusts a key stored in
 * a row. A checkpoint is due once 1,000 events follow the last one, or once the oldest unsigned event
 * is an hour old; it is written under the head lock, in the transaction that makes it due.
 */
import canonicalize from 'canonicalize';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../runtime/scope';
import type { Db } from '../runtime/pools';

export const CHECKPOINT_EVERY = 1000;
export const CHECKPOINT_MAX_AGE_MS = 60 * 60 * 1000;

export interface AuditSigner {
  /** First 16 hex digits of SHA-256 of the raw public key. */
  keyId: string;
  sign(message: Buffer): Buffer;
}

export interface AuditVerifierKey {
  keyId: string;
  verify(message: Buffer, signature: Buffer): boolean;
}

// PKCS#8 and SPKI prefixes of a raw 32-byte Ed25519 key (RFC 8410).
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function derivePrivate(secretKey: string): KeyObject {
  if (!secretKey || secretKey.length < 16) throw new Error('audit signing needs the deployment secret key');
  const seed = Buffer.from(
    hkdfSync(
      'sha256',
      Buffer.from(secretKey, 'utf8'),
      Buffer.from('entente.audit', 'utf8'),
      Buffer.from('entente audit checkpoint ed25519 v1', 'utf8'),
      32,
    ),
  );
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

function keyIdOf(pub: KeyObject): string {
  const raw = pub.export({ format: 'der', type: 'spki' }).subarray(-32);
  return createHash('sha256').update(raw).digest('hex').slice(0, 16);
}

/** The signing key derived from the deployment secret. */
export function auditSigner(secretKey: string): AuditSigner {
  const priv = derivePrivate(secretKey);
  const keyId = keyIdOf(createPublicKey(priv));
  return { keyId, sign: (m) => sign(null, m, priv) };
}

/** The public half, derived from the same secret (what `audit verify` checks against). */
export function auditVerifierKey(secretKey: string): AuditVerifierKey {
  const pub = createPublicKey(derivePrivate(secretKey));
  return {
    keyId: keyIdOf(pub),
    verify: (m, s) => {
      try {
        return verify(null, m, pub, s);
      } catch {
        return false;
      }
    },
  };
}

/** The exact bytes signed: JCS of the checkpoint, with a purpose string so no other message can be replayed as one. */
export function checkpointMessage(c: { seq: number; hash: Buffer; at: string }): Buffer {
  const at = new Date(c.at).toISOString();
  return Buffer.from(
    canonicalize({ purpose: 'entente.audit.checkpoint.v1', seq: c.seq, hash: c.hash.toString('hex'), at }) ??
      '',
    'utf8',
  );
}

let processSigner: AuditSigner | null = null;

/**
 * Set the signer used by every append in this process (the API calls it at start with its secret).
 * Appends made before, or in a process without one (e.g. `entente db seed`), are covered by the next
 * signed checkpoint.
 */
export function setAuditSigner(signer: AuditSigner | null): void {
  processSigner = signer;
}

/** The process signer, if any. */
export function currentAuditSigner(): AuditSigner | null {
  return processSigner;
}

type Exec = Pick<Tx, 'execute'>;

/**
 * Write the checkpoints that are due for a head at (seq, hash): one at every 1,000 events after the
 * last checkpoint (signing those events' stored hashes when catching up), and one at the head when
 * events are unsigned and the last checkpoint (or, before the first, the oldest event) is an hour
 * old. The caller must hold the head lock. Returns the seqs written.
 *
 * Under the application role, row-level security may hide the events this reads (catch-up hashes,
 * the first event's time); it then writes only what it can, and the owner's timer
 * (`checkpointIfDue`) completes it. It never reads audit_event in the usual case.
 */
export async function maybeCheckpoint(
  tx: Exec,
  head: { seq: number; hash: Buffer },
  now: Date,
  signer: AuditSigner | null = processSigner,
): Promise<number[]> {
  if (!signer || head.seq < 1) return [];
  const last = await tx.execute<{ seq: string; at: string }>(
    sql`SELECT seq, at FROM audit_checkpoint ORDER BY seq DESC LIMIT 1`,
  );
  let lastSeq = Number(last.rows[0]?.seq ?? 0);
  const lastAt = last.rows[0] ? new Date(last.rows[0].at).getTime() : null;
  const written: number[] = [];
  const at = now.toISOString();
  const write = async (seq: number, hash: Buffer) => {
    const signature = signer.sign(checkpointMessage({ seq, hash, at }));
    await tx.execute(
      sql`INSERT INTO audit_checkpoint (seq, at, hash, key_id, signature) VALUES (${seq}, ${at}, ${hash}, ${signer.keyId}, ${signature})`,
    );
    written.push(seq);
    lastSeq = seq;
  };
  while (head.seq - lastSeq >= CHECKPOINT_EVERY) {
    const seq = lastSeq + CHECKPOINT_EVERY;
    if (seq === head.seq) await write(seq, head.hash);
    else {
      const r = await tx.execute<{ hash: Buffer }>(sql`SELECT hash FROM audit_event WHERE seq = ${seq}`);
      const h = r.rows[0];
      if (!h) return written; // a gap: verify reports it; never sign around it
      await write(seq, h.hash);
    }
  }
  if (head.seq > lastSeq && written.length === 0) {
    let since = lastAt ?? Number.NaN;
    if (lastAt === null) {
      const oldest = await tx.execute<{ at: string }>(sql`SELECT at FROM audit_event WHERE seq = 1`);
      if (oldest.rows[0]) since = new Date(oldest.rows[0].at).getTime();
    }
    if (Number.isFinite(since) && now.getTime() - since >= CHECKPOINT_MAX_AGE_MS)
      await write(head.seq, head.hash);
  }
  return written;
}

/**
 * The hourly case without an append (the API's timer): when a checkpoint is due, take the head lock
 * and write it. Cheap when nothing is due: one indexed read and no lock.
 */
export async function checkpointIfDue(
  db: Db,
  now = new Date(),
  signer: AuditSigner | null = processSigner,
): Promise<number[]> {
  if (!signer) return [];
  const probe = await db.execute<{
    seq: string;
    last: string | null;
    since: string | null;
  }>(sql`SELECT h.seq, c.seq AS last, COALESCE(c.at, (SELECT e.at FROM audit_event e WHERE e.seq = 1)) AS since
    FROM audit_head h LEFT JOIN LATERAL (SELECT seq, at FROM audit_checkpoint ORDER BY seq DESC LIMIT 1) c ON true
    WHERE h.id = 1`);
  const p = probe.rows[0];
  if (!p) return [];
  const unsigned = Number(p.seq) - Number(p.last ?? 0);
  const old = p.since !== null && now.getTime() - new Date(p.since).getTime() >= CHECKPOINT_MAX_AGE_MS;
  if (unsigned < 1 || (unsigned < CHECKPOINT_EVERY && !old)) return [];
  return db.transaction(async (tx) => {
    const head = await tx.execute<{ seq: string; hash: Buffer }>(
      sql`SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE`,
    );
    const h = head.rows[0];
    return h ? maybeCheckpoint(tx, { seq: Number(h.seq), hash: h.hash }, now, signer) : [];
  });
}
