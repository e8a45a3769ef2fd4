/** Create the demo users (every persona) with argon2id passwords and sealed demo TOTP secrets. */
import { sql } from 'drizzle-orm';
import { appUser, community, userCommunity } from '../schema/index';
import type { Db } from '../runtime/pools';
import { demoTotpSecret, hashPassword, sealSecret } from '../crypto';
import { DEMO_PASSWORD, DEMO_USERS, type SeedUser } from './users';
import { seedPlanApprovals } from './seed-plans';

export interface SeededUser {
  username: string;
  persona: string;
  totpSecret: string | null;
}

/** Insert users (skipping ones that exist or whose organisation is not loaded); returns who was created and their TOTP secrets. */
export async function seedUsers(db: Db, secretKey: string, users: SeedUser[] = DEMO_USERS, password = DEMO_PASSWORD): Promise<SeededUser[]> {
  const orgs = new Map((await db.execute<{ id: string; code: string }>(sql`SELECT id, code FROM organisation`)).rows.map((r) => [r.code, r.id]));
  const comms = await db.select({ id: community.id, code: community.code }).from(community);
  const pwHash = await hashPassword(password);
  const out: SeededUser[] = [];
  for (const u of users) {
    const orgId = orgs.get(u.orgCode);
    if (!orgId) continue; // a partial seed (one scenario) may lack this user's organisation
    const secret = u.mfa ? demoTotpSecret(u.username) : null;
    const r = await db
      .insert(appUser)
      .values({
        username: u.username, displayName: u.displayName, passwordHash: pwHash, orgId, nationality: u.nationality, partner: u.partner, roles: u.roles,
        clearances: { HUB: { level: u.clearance.level, compartments: u.clearance.compartments, expiresOn: '2030-12-31' } },
        totpSecretEnc: secret ? sealSecret(secretKey, secret) : null,
      })
      .onConflictDoNothing()
      .returning({ id: appUser.id });
    const id = r[0]?.id;
    if (!id) continue;
    const mine = u.communities.includes('*') ? comms : comms.filter((c) => u.communities.includes(c.code));
    if (mine.length) await db.insert(userCommunity).values(mine.map((c) => ({ userId: id, communityId: c.id, role: 'member', from: '2008-01-01' })));
    out.push({ username: u.username, persona: u.persona, totpSecret: secret });
  }
  // Demo plan approvals name the users who gave them (seed-plans.ts).
  await seedPlanApprovals(db);
  return out;
}
