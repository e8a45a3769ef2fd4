/** The TOTP second factor (RFC 6238: SHA-1, 6 digits, 30 s, ±1 step); a used step is rejected. */
import { DomainError } from '@entente/core';
import { appendAudit, openSecret, users } from '@entente/db';
import { Secret, TOTP } from 'otpauth';
import type { AppContext } from '../context';
import { registerFailure } from './log-in';

/** Verify the code for the session's user; throws 'invalid credentials' on any failure. */
export async function verifyTotp(
  app: AppContext,
  userId: string,
  code: string,
  requestId: string,
  now = Date.now(),
) {
  const u = await users.userById(app.db.db, userId);
  if (!u?.totpSecretEnc || (u.lockedUntil && Date.parse(u.lockedUntil) > now))
    throw new DomainError('unauthenticated', 'invalid credentials');
  const totp = new TOTP({
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(openSecret(app.secretKey, u.totpSecretEnc)),
  });
  const delta = totp.validate({ token: code, timestamp: now, window: 1 });
  const step = Math.floor(now / 30_000) + (delta ?? 0);
  if (delta === null || (u.totpLastStep !== null && step <= u.totpLastStep)) {
    await registerFailure(app, u.id, u.failedCount + 1, u.lockCount, requestId);
    throw new DomainError('unauthenticated', 'invalid credentials');
  }
  await users.recordLoginSuccess(app.db.db, u.id, { totpLastStep: step });
  await app.db.db.transaction((tx) =>
    appendAudit(tx, {
      actorKind: 'user',
      actorId: u.id,
      action: 'auth.mfa',
      entity: 'session',
      labelId: app.homeLabelId,
      decision: 'permit',
      requestId,
    }),
  );
}
