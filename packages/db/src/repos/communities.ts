/** Communities of interest and their dated memberships (ACCESS.md §2). Memberships are ended, never deleted. */
import { and, asc, eq, sql } from 'drizzle-orm';
import { appUser, community, organisation, userCommunity } from '../schema/index';
import type { Db } from '../runtime/pools';
import type { Tx } from '../runtime/scope';

type Q = Db | Tx;
export type CommunityRow = typeof community.$inferSelect;
export type MembershipRow = typeof userCommunity.$inferSelect;

export const list = (db: Q) => db.select().from(community).orderBy(asc(community.code));

export async function byId(db: Q, id: string): Promise<CommunityRow | null> {
  const r = await db.select().from(community).where(eq(community.id, id));
  return r[0] ?? null;
}

export async function byCode(db: Q, code: string): Promise<CommunityRow | null> {
  const r = await db.select().from(community).where(eq(community.code, code));
  return r[0] ?? null;
}

export async function insert(db: Q, v: Omit<typeof community.$inferInsert, 'id'>): Promise<CommunityRow> {
  const r = await db.insert(community).values(v).returning();
  return r[0] as CommunityRow;
}

/** Every membership row (current and past) with the member's names, by community then user. */
export async function allMembers(db: Q) {
  return db
    .select({
      communityId: userCommunity.communityId,
      userId: appUser.id,
      username: appUser.username,
      displayName: appUser.displayName,
      orgCode: sql<string>`coalesce(${organisation.code}, '')`,
      role: userCommunity.role,
      from: userCommunity.from,
      to: userCommunity.to,
    })
    .from(userCommunity)
    .innerJoin(appUser, eq(appUser.id, userCommunity.userId))
    .leftJoin(organisation, eq(organisation.id, appUser.orgId))
    .orderBy(asc(userCommunity.communityId), asc(appUser.username), asc(userCommunity.from));
}

/** One user's memberships (current and past) with the communities' codes and names. */
export async function ofUser(db: Q, userId: string) {
  return db
    .select({
      communityId: community.id,
      code: community.code,
      name: community.name,
      role: userCommunity.role,
      from: userCommunity.from,
      to: userCommunity.to,
    })
    .from(userCommunity)
    .innerJoin(community, eq(community.id, userCommunity.communityId))
    .where(eq(userCommunity.userId, userId))
    .orderBy(asc(community.code), asc(userCommunity.from));
}

/** A user's membership rows in one community, locked for a read-modify-write. */
export async function membershipsOf(db: Q, communityId: string, userId: string): Promise<MembershipRow[]> {
  return db
    .select()
    .from(userCommunity)
    .where(and(eq(userCommunity.communityId, communityId), eq(userCommunity.userId, userId)))
    .orderBy(asc(userCommunity.from))
    .for('update');
}

export async function addMembership(db: Q, v: typeof userCommunity.$inferInsert): Promise<MembershipRow> {
  const r = await db.insert(userCommunity).values(v).returning();
  return r[0] as MembershipRow;
}

/** Set the end date of one membership row; returns it, or null when it does not exist. */
export async function endMembership(
  db: Q,
  k: { communityId: string; userId: string; from: string },
  to: string,
): Promise<MembershipRow | null> {
  const r = await db
    .update(userCommunity)
    .set({ to })
    .where(
      and(
        eq(userCommunity.communityId, k.communityId),
        eq(userCommunity.userId, k.userId),
        eq(userCommunity.from, k.from),
      ),
    )
    .returning();
  return r[0] ?? null;
}
