/** Labels, communities, users and sessions (the `access` slice). */
import { sql } from 'drizzle-orm';
import { boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns';

export const label = pgTable('label', {
  id: uuid('id').primaryKey(),
  policy: text('policy').notNull(),
  level: text('level').notNull(),
  restrictive: text('restrictive').array().notNull(),
  releasableTo: text('releasable_to').array().notNull(),
  handling: text('handling').array().notNull(),
  tlp: text('tlp'),
  canonical: jsonb('canonical').notNull(),
});

export const community = pgTable('community', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  floorLabelId: uuid('floor_label_id').notNull().references(() => label.id),
  ceilingLabelId: uuid('ceiling_label_id').notNull().references(() => label.id),
  defaultLabelId: uuid('default_label_id').notNull().references(() => label.id),
});

export const appUser = pgTable('app_user', {
  id: id(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  orgId: uuid('org_id').notNull(),
  nationality: text('nationality').notNull(),
  partner: boolean('partner').notNull().default(false),
  roles: text('roles').array().notNull(),
  clearances: jsonb('clearances').notNull(),
  totpSecretEnc: text('totp_secret_enc'),
  totpLastStep: integer('totp_last_step'),
  failedCount: integer('failed_count').notNull().default(0),
  lockCount: integer('lock_count').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'string' }),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const userCommunity = pgTable(
  'user_community',
  {
    userId: uuid('user_id').notNull().references(() => appUser.id),
    communityId: uuid('community_id').notNull().references(() => community.id),
    role: text('role').notNull().default('member'),
    from: date('valid_from', { mode: 'string' }).notNull(),
    to: date('valid_to', { mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.communityId, t.from] })],
);

export const session = pgTable('session', {
  idHash: text('id_hash').primaryKey(),
  userId: uuid('user_id').notNull().references(() => appUser.id),
  csrfToken: text('csrf_token').notNull(),
  assurance: text('assurance').notNull(),
  mfaPending: boolean('mfa_pending').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  /** The last successful second-factor check (TOTP or recovery code) in this session: step-up (ACCESS.md §8). */
  mfaAt: timestamp('mfa_at', { withTimezone: true, mode: 'string' }),
  /** When this session's user last acknowledged the notice, and which banner version (ACCESS.md §8). */
  consentAt: timestamp('consent_at', { withTimezone: true, mode: 'string' }),
  noticeVersion: text('notice_version'),
});
