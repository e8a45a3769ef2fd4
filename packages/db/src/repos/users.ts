/** Users, their community memberships and sessions. */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { appUser, community, recoveryCode, session, userCommunity } from '../schema/index';
import type { Db } from '../runtime/pools';
import type { Tx } from '../runtime/scope';

type Q = Db | Tx;
export type UserRow = typeof appUser.$inferSelect;
export type SessionRow = typeof session.$inferSelect;

export async function userByUsername(db: Q, username: string): Promise<UserRow | null> {
  const r = await db.select().from(appUser).where(eq(appUser.username, username));
  return r[0] ?? null;
}

export async function userById(db: Q, id: string): Promise<UserRow | null> {
  const r = await db.select().from(appUser).where(eq(appUser.id, id));
  return r[0] ?? null;
}

export const listUsers = (db: Q) => db.select().from(appUser).orderBy(appUser.username);

/** Community memberships (with codes) of one user. */
export async function userCommunities(db: Q, userId: string) {
  return db
    .select({
      id: community.id,
      code: community.code,
      role: userCommunity.role,
      from: userCommunity.from,
      to: userCommunity.to,
    })
    .from(userCommunity)
    .innerJoin(community, eq(community.id, userCommunity.communityId))
    .where(eq(userCommunity.userId, userId));
}

export async function insertUser(db: Q, v: typeof appUser.$inferInsert): Promise<UserRow> {
  const r = await db.insert(appUser).values(v).returning();
  return r[0] as UserRow;
}

export async function addUserCommunity(db: Q, v: typeof userCommunity.$inferInsert) {
  await db.insert(userCommunity).values(v).onConflictDoNothing();
}

/** Record a failed login; returns the new failure count. */
export async function recordLoginFailure(db: Q, id: string, lockedUntil: string | null, lockCount: number) {
  await db
    .update(appUser)
    .set({ failedCount: lockedUntil ? 0 : sql`${appUser.failedCount} + 1`, lockedUntil, lockCount })
    .where(eq(appUser.id, id));
}

export async function recordLoginSuccess(
  db: Q,
  id: string,
  patch: Partial<typeof appUser.$inferInsert> = {},
) {
  await db
    .update(appUser)
    .set({ failedCount: 0, lockedUntil: null, ...patch })
    .where(eq(appUser.id, id));
}

export async function createSession(db: Q, v: typeof session.$inferInsert) {
  await db.insert(session).values(v);
}

export async function sessionByHash(db: Q, idHash: string): Promise<SessionRow | null> {
  const r = await db.select().from(session).where(eq(session.idHash, idHash));
  return r[0] ?? null;
}

export async function touchSession(db: Q, idHash: string) {
  await db
    .update(session)
    .set({ lastSeenAt: sql`now()` })
    .where(eq(session.idHash, idHash));
}

export async function completeMfa(db: Q, idHash: string, newHash: string) {
  await db
    .update(session)
    .set({ idHash: newHash, mfaPending: false, assurance: 'mfa', lastSeenAt: sql`now()`, mfaAt: sql`now()` })
    .where(eq(session.idHash, idHash));
}

export async function deleteSession(db: Q, idHash: string) {
  await db.delete(session).where(and(eq(session.idHash, idHash)));
}

/** End every session of a user (after a clearance or role change: the user must log in again); returns how many. */
export async function endSessionsOf(db: Q, userId: string): Promise<number> {
  const r = await db.delete(session).where(eq(session.userId, userId)).returning({ idHash: session.idHash });
  return r.length;
}

/** Change a user's nationality and clearances if `version` is still current; bumps the version. Null when stale. */
export async function updateSecurity(
  db: Q,
  id: string,
  version: number,
  v: { nationality: string; clearances: unknown },
): Promise<UserRow | null> {
  const r = await db
    .update(appUser)
    .set({ nationality: v.nationality, clearances: v.clearances, version: sql`${appUser.version} + 1` })
    .where(and(eq(appUser.id, id), eq(appUser.version, version)))
    .returning();
  return r[0] ?? null;
}

/** A successful second-factor check in this session (login MFA or step-up): refresh `mfa_at`. */
export async function recordFactorCheck(db: Q, idHash: string) {
  await db
    .update(session)
    .set({ mfaAt: sql`now()`, lastSeenAt: sql`now()` })
    .where(eq(session.idHash, idHash));
}

/** The session's user acknowledged the notice of this banner version now. */
export async function recordConsent(db: Q, idHash: string, noticeVersion: string) {
  await db
    .update(session)
    .set({ consentAt: sql`now()`, noticeVersion })
    .where(eq(session.idHash, idHash));
}

/** Replace a user's recovery codes with these argon2id hashes (the old set stops working). */
export async function replaceRecoveryCodes(db: Q, userId: string, hashes: readonly string[]) {
  await db.delete(recoveryCode).where(eq(recoveryCode.userId, userId));
  if (hashes.length) await db.insert(recoveryCode).values(hashes.map((codeHash) => ({ userId, codeHash })));
}

/** The unused recovery codes of a user (ids and hashes). */
export function unusedRecoveryCodes(db: Q, userId: string) {
  return db
    .select({ id: recoveryCode.id, codeHash: recoveryCode.codeHash })
    .from(recoveryCode)
    .where(and(eq(recoveryCode.userId, userId), isNull(recoveryCode.usedAt)));
}

/** Mark a recovery code used; false when it was already used (a concurrent use lost the race). */
export async function useRecoveryCode(db: Q, id: string): Promise<boolean> {
  const r = await db
    .update(recoveryCode)
    .set({ usedAt: sql`now()` })
    .where(and(eq(recoveryCode.id, id), isNull(recoveryCode.usedAt)))
    .returning({ id: recoveryCode.id });
  return r.length === 1;
}

/** How many unused recovery codes a user has. */
export async function countRecoveryCodes(db: Q, userId: string): Promise<number> {
  return (await unusedRecoveryCodes(db, userId)).length;
}
