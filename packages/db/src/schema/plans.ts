/**
 * Cooperation plan versions and approvals (DOMAIN.md §2.1, §4.2). Both are labelled like their plan
 * (same label, community, party scope and TLP), so they are visible exactly where the plan is.
 */
import { index, integer, jsonb, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, labelled } from './columns';

/**
 * One row per plan version: the content the owners approve (title, dates, owners, partner
 * priorities, goals, contributions). The current version's row is edited in place until an owner
 * approves it; after that an edit opens the next version.
 */
export const planVersion = pgTable(
  'plan_version',
  {
    id: id(),
    planId: uuid('plan_id').notNull(),
    planVersion: integer('plan_version').notNull(),
    content: jsonb('content').notNull(),
    ...labelled(),
  },
  (t) => [uniqueIndex('plan_version_once').on(t.planId, t.planVersion)],
);

/** An owner's approval of one plan version: who, for which owner organisation, when. History: never updated. */
export const planApproval = pgTable(
  'plan_approval',
  {
    id: id(),
    planId: uuid('plan_id').notNull(),
    planVersion: integer('plan_version').notNull(),
    /** The owner organisation the approval is given for. */
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    ...labelled(),
  },
  (t) => [
    uniqueIndex('plan_approval_once').on(t.planId, t.planVersion, t.orgId),
    index('plan_approval_plan_idx').on(t.planId),
  ],
);
