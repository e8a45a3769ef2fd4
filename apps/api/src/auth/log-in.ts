/** Password login with constant-time behaviour for unknown users and escalating lockout. */
import { createHash } from 'node:crypto';
import { DomainError } from '@entente/core';
import { appendAudit, hashPassword, users, verifyPassword } from '@entente/db';
import type { AppContext } from '../context';
import { needsRehash } from './passwords';

const INVALID = () => new DomainError('unauthenticated', 'invalid credentials');
export const MAX_FAILURES = 5;
const BASE_LOCK_MS = 15 * 60_000;
const MAX_LOCK_MS = 24 * 3_600_000;
let dummyHash: Promise<string> | null = null;

/** The SHA-256 of the notice text (the banner version audited with each consent). */
export const noticeSha256 = (app: AppContext) => createHash('sha256').update(app.notice.text).digest('hex');

/** Check the password; returns the user and whether a second factor is required. Audits the outcome. */
export async function logIn(
  app: AppContext,
  input: { username: string; password: string; noticeVersion: string },
  requestId: string,
) {
  const u = await users.userByUsername(app.db.db, input.username.trim().toLowerCase());
  const audit = (action: string, decision: string, actorId: string | null, details: unknown = null) =>
    app.db.db.transaction((tx) =>
      appendAudit(tx, {
        actorKind: 'user',
        actorId,
        action,
        entity: 'session',
        labelId: app.homeLabelId,
        decision,
        requestId,
        details,
      }),
    );
  if (!u || u.disabled) {
    dummyHash ??= hashPassword('not-a-real-password-entente');
    await verifyPassword(await dummyHash, input.password).catch(() => false);
    await audit('auth.login_failed', 'deny', null, { reason: 'unknown_user' });
    throw INVALID();
  }
  if (u.lockedUntil && Date.parse(u.lockedUntil) > Date.now()) {
    await audit('auth.login_failed', 'deny', u.id, { reason: 'locked' });
    throw INVALID();
  }
  const ok = await verifyPassword(u.passwordHash, input.password).catch(() => false);
  if (!ok) {
    await registerFailure(app, u.id, u.failedCount + 1, u.lockCount, requestId);
    throw INVALID();
  }
  // ACCESS.md §8: re-hash when the argon2 parameters changed since the hash was made.
  const rehash = needsRehash(u.passwordHash);
  await users.recordLoginSuccess(
    app.db.db,
    u.id,
    rehash ? { passwordHash: await hashPassword(input.password) } : {},
  );
  await audit('auth.login', 'permit', u.id, {
    noticeVersion: input.noticeVersion,
    noticeSha256: noticeSha256(app),
    mfaRequired: !!u.totpSecretEnc,
    ...(rehash ? { rehashed: true } : {}),
  });
  return { user: u, mfaRequired: !!u.totpSecretEnc };
}

/** Count a failure; on the fifth, lock for 15 minutes doubling per repetition up to 24 hours. */
export async function registerFailure(
  app: AppContext,
  userId: string,
  failures: number,
  lockCount: number,
  requestId: string,
) {
  if (failures >= MAX_FAILURES) {
    const ms = Math.min(BASE_LOCK_MS * 2 ** lockCount, MAX_LOCK_MS);
    const until = new Date(Date.now() + ms).toISOString();
    await users.recordLoginFailure(app.db.db, userId, until, lockCount + 1);
    await app.db.db.transaction((tx) =>
      appendAudit(tx, {
        actorKind: 'user',
        actorId: userId,
        action: 'auth.lockout',
        entity: 'user',
        entityId: userId,
        labelId: app.homeLabelId,
        decision: 'deny',
        requestId,
        details: { until },
      }),
    );
  } else {
    await users.recordLoginFailure(app.db.db, userId, null, lockCount);
    await app.db.db.transaction((tx) =>
      appendAudit(tx, {
        actorKind: 'user',
        actorId: userId,
        action: 'auth.login_failed',
        entity: 'session',
        labelId: app.homeLabelId,
        decision: 'deny',
        requestId,
        details: { failures },
      }),
    );
  }
}
