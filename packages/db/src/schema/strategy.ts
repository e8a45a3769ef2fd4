/** Strategy: objectives (a tree), lines of effort, cooperation plans and initiatives. Labelled. */
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, labelled } from './columns';

export const objective = pgTable(
  'objective',
  {
    id: id(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    level: text('level').notNull(),
    parentId: uuid('parent_id'),
    priority: integer('priority').notNull(),
    threatFocus: text('threat_focus').array().notNull(),
    regionCodes: text('region_codes').array().notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    status: text('status').notNull(),
    ...labelled(),
  },
  (t) => [index('objective_parent_idx').on(t.parentId)],
);

export const lineOfEffort = pgTable('line_of_effort', {
  id: id(),
  objectiveId: uuid('objective_id').notNull(),
  code: text('code').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull(),
  status: text('status').notNull().default('active'),
  ...labelled(),
});

export const cooperationPlan = pgTable('cooperation_plan', {
  id: id(),
  code: text('code').notNull(),
  title: text('title').notNull(),
  kind: text('kind').notNull(),
  ownerOrgIds: uuid('owner_org_ids').array().notNull(),
  partnerIso3s: text('partner_iso3s').array().notNull(),
  from: date('valid_from', { mode: 'string' }).notNull(),
  to: date('valid_to', { mode: 'string' }).notNull(),
  reviewCycleMonths: integer('review_cycle_months').notNull().default(24),
  partnerPriorities: text('partner_priorities').array().notNull(),
  goals: jsonb('goals').notNull(),
  planVersion: integer('plan_version').notNull().default(1),
  status: text('status').notNull(),
  ...labelled(),
}, (t) => [index('cooperation_plan_partners_idx').using('gin', t.partnerIso3s)]);

export const initiative = pgTable('initiative', {
  id: id(),
  code: text('code').notNull(),
  title: text('title').notNull(),
  planId: uuid('plan_id'),
  lineOfEffortIds: uuid('line_of_effort_ids').array().notNull(),
  partnerIso3s: text('partner_iso3s').array().notNull(),
  leadOrgId: uuid('lead_org_id').notNull(),
  significance: text('significance').notNull(),
  problemStatement: text('problem_statement').notNull(),
  theoryOfChange: text('theory_of_change').notNull(),
  /** The logic model: nodes { id, kind, statement, parentIds[], objectiveIds[] } forming an upward DAG. */
  logicModel: jsonb('logic_model').notNull(),
  from: date('valid_from', { mode: 'string' }).notNull(),
  to: date('valid_to', { mode: 'string' }).notNull(),
  status: text('status').notNull(),
  /** Approval-gate inputs (DOMAIN.md §2.1): the capability areas it targets, what it covers, whether it supports partner forces. */
  capabilityAreas: text('capability_areas').array().notNull().default(sql`'{}'::text[]`),
  covers: text('covers').array().notNull().default(sql`'{}'::text[]`),
  supportsPartnerForces: boolean('supports_partner_forces').notNull().default(false),
  /** { statement, maxTraineesPerMonth? } */
  absorptiveCapacity: jsonb('absorptive_capacity'),
  /** { scopes[], likelihood, impact, decision, decidedOn, mitigations[] } */
  riskAssessment: jsonb('risk_assessment'),
  /** { ownerOrgId, annualCost: { amount, currency }, handoverDate } */
  sustainmentPlan: jsonb('sustainment_plan'),
  /** { kind, dueBy } */
  evaluationPlan: jsonb('evaluation_plan'),
  /** { amount, currency }: what the initiative is budgeted to cost; over the configured threshold it is significant. */
  budget: jsonb('budget'),
  /** The approved capability assessments that met the gate when it was approved. */
  capabilityAssessmentIds: uuid('capability_assessment_ids').array().notNull().default(sql`'{}'::uuid[]`),
  ...labelled(),
}, (t) => [
  index('initiative_partners_idx').using('gin', t.partnerIso3s),
  // One initiative per code in a community, as engagements (a duplicate is a 409 on `code`).
  uniqueIndex('initiative_community_code_uq').on(t.communityId, t.code),
]);
