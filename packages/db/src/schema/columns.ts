/** Columns every labelled record carries (ACCESS.md §4): label, community, party scope, TLP, owner, version. */
import { sql } from 'drizzle-orm';
import { integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);

export const labelled = () => ({
  labelId: uuid('label_id').notNull(),
  communityId: uuid('community_id').notNull(),
  partyOrgIds: uuid('party_org_ids').array().notNull().default(sql`'{}'::uuid[]`),
  tlp: text('tlp'),
  tlpOrgIds: uuid('tlp_org_ids').array().notNull().default(sql`'{}'::uuid[]`),
  tlpUserIds: uuid('tlp_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
  /** TLP recipients as entered ({ orgIds, clientOrgIds?, userIds? }); a trigger derives tlp, tlp_org_ids, tlp_user_ids (migration 0017). */
  tlpRecipients: jsonb('tlp_recipients'),
  ownerOrgId: uuid('owner_org_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
  version: integer('version').notNull().default(1),
});
