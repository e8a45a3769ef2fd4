/** MFA recovery codes (ACCESS.md §8): ten single-use codes per user, argon2id-hashed at rest. */
import { index, text, timestamp, uuid, pgTable } from 'drizzle-orm/pg-core';
import { appUser } from './access';
import { id } from './columns';

export const recoveryCode = pgTable(
  'recovery_code',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    /** argon2id hash of the code; the code itself is shown once and never stored. */
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [index('recovery_code_user_idx').on(t.userId)],
);
