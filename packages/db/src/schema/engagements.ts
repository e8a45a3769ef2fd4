/** The engagement register. Labelled; searchable; the golden thread is a CHECK as well as a domain rule. */
import { sql } from 'drizzle-orm';
import { check, customType, date, index, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, labelled } from './columns';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const engagement = pgTable(
  'engagement',
  {
    id: id(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    type: text('type').notNull(),
    status: text('status').notNull(),
    summary: text('summary'),
    payload: jsonb('payload').notNull().default({}),
    initiativeId: uuid('initiative_id').notNull(),
    planId: uuid('plan_id'),
    partnerIso3s: text('partner_iso3s').array().notNull(),
    objectiveIds: uuid('objective_ids').array().notNull(),
    logicNodeIds: text('logic_node_ids').array().notNull().default(sql`'{}'::text[]`),
    leadOrgId: uuid('lead_org_id').notNull(),
    plannedStart: date('planned_start', { mode: 'string' }).notNull(),
    plannedEnd: date('planned_end', { mode: 'string' }).notNull(),
    actualStart: date('actual_start', { mode: 'string' }),
    actualEnd: date('actual_end', { mode: 'string' }),
    locations: jsonb('locations').notNull().default([]),
    participants: jsonb('participants').notNull().default([]),
    plannedCost: numeric('planned_cost', { precision: 14, scale: 2 }).notNull(),
    actualCost: numeric('actual_cost', { precision: 14, scale: 2 }),
    currency: text('currency').notNull().default('EUR'),
    fundingSourceId: uuid('funding_source_id'),
    outcomeSummary: text('outcome_summary'),
    proposedBy: uuid('proposed_by'),
    approvedBy: uuid('approved_by'),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('simple', coalesce(code,'') || ' ' || coalesce(title,'') || ' ' || coalesce(summary,'') || ' ' || coalesce(outcome_summary,''))`,
    ),
    ...labelled(),
  },
  (t) => [
    check('engagement_golden_thread', sql`cardinality(${t.objectiveIds}) >= 1`),
    check('engagement_dates', sql`${t.plannedStart} <= ${t.plannedEnd}`),
    index('engagement_start_idx').on(t.plannedStart, t.id),
    index('engagement_label_idx').on(t.labelId),
    index('engagement_partners_idx').using('gin', t.partnerIso3s),
    index('engagement_objectives_idx').using('gin', t.objectiveIds),
    index('engagement_party_idx').using('gin', t.partyOrgIds),
    index('engagement_search_idx').using('gin', t.search),
    index('engagement_type_idx').on(t.type),
    uniqueIndex('engagement_community_code_uq').on(t.communityId, t.code),
  ],
);
