/**
 * Recovery codes (ACCESS.md §8): ten single-use codes per MFA user, argon2id-hashed at rest, shown once
 * when generated. A code stands in for a TOTP code at login and at step-up; each use is audited.
 */
import { randomInt } from 'node:crypto';
import { DomainError } from '@entente/core';
import { appendAudit, hashPassword, users, verifyPassword } from '@entente/db';
import type { AppContext } from '../context';
import { registerFailure } from './log-in';
import { verifyTotp } from './verify-totp';

export const RECOVERY_CODE_COUNT = 10;
// Base32 without the look-alikes 0/1/8/9: 10 characters ≈ 50 bits.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz234567';
/** `xxxxx-xxxxx`; input is accepted in any case, with or without the dash. */
export const RECOVERY_CODE = /^[a-z2-7]{5}-?[a-z2-7]{5}$/i;

const normalise = (code: string) => code.trim().toLowerCase().replace(/-/g, '');

function newCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** Generate a fresh set for the user, replacing any old set; returns the codes (shown once, never stored). */
export async function generateRecoveryCodes(
  app: AppContext,
  userId: string,
  requestId: string,
  sessionId: string | null,
): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  const hashes = await Promise.all(codes.map((c) => hashPassword(normalise(c))));
  await app.db.db.transaction(async (tx) => {
    await users.replaceRecoveryCodes(tx, userId, hashes);
    await appendAudit(tx, {
      actorKind: 'user',
      actorId: userId,
      action: 'auth.recovery_codes_generated',
      entity: 'user',
      entityId: userId,
      labelId: app.homeLabelId,
      decision: 'permit',
      requestId,
      sessionId,
      details: { count: codes.length },
    });
  });
  return codes;
}

/** Use one recovery code of the user; returns how many remain. Throws "invalid credentials" (and counts a failure) otherwise. */
export async function useRecoveryCode(
  app: AppContext,
  userId: string,
  code: string,
  requestId: string,
  sessionId: string | null = null,
): Promise<number> {
  const u = await users.userById(app.db.db, userId);
  if (!u || u.disabled || (u.lockedUntil && Date.parse(u.lockedUntil) > Date.now()))
    throw new DomainError('unauthenticated', 'invalid credentials');
  const plain = normalise(code);
  const unused = await users.unusedRecoveryCodes(app.db.db, userId);
  let match: string | null = null;
  for (const c of unused) {
    if (await verifyPassword(c.codeHash, plain).catch(() => false)) {
      match = c.id;
      break;
    }
  }
  if (!match || !(await users.useRecoveryCode(app.db.db, match))) {
    await registerFailure(app, u.id, u.failedCount + 1, u.lockCount, requestId);
    throw new DomainError('unauthenticated', 'invalid credentials');
  }
  const remaining = unused.length - 1;
  await users.recordLoginSuccess(app.db.db, u.id);
  await app.db.db.transaction((tx) =>
    appendAudit(tx, {
      actorKind: 'user',
      actorId: u.id,
      action: 'auth.recovery_code_used',
      entity: 'user',
      entityId: u.id,
      labelId: app.homeLabelId,
      decision: 'permit',
      requestId,
      sessionId,
      details: { remaining },
    }),
  );
  return remaining;
}

/**
 * Check a second factor: a six-digit TOTP code or a recovery code. Returns the recovery codes left when a
 * recovery code was used, else null.
 */
export async function verifyFactor(
  app: AppContext,
  userId: string,
  code: string,
  requestId: string,
  sessionId: string | null = null,
): Promise<number | null> {
  if (/^\d{6}$/.test(code.trim())) {
    await verifyTotp(app, userId, code.trim(), requestId);
    return null;
  }
  if (RECOVERY_CODE.test(code.trim())) return useRecoveryCode(app, userId, code, requestId, sessionId);
  throw new DomainError('unauthenticated', 'invalid credentials');
}
