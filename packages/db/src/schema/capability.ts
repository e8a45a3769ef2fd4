/**
 * Capability assessments (DOMAIN.md §2.2): a dated baseline judgement of one partner unit's or
 * institution's capability, and its absorptive capacity, in one capability area. Labelled.
 * States draft → submitted → approved → superseded; the approver is not the assessor.
 */
import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id, labelled } from './columns';
import { country } from './reference';

export const capabilityAssessment = pgTable(
  'capability_assessment',
  {
    id: id(),
    partnerIso3: text('partner_iso3')
      .notNull()
      .references(() => country.iso3),
    subjectOrgId: uuid('subject_org_id').notNull(),
    capabilityArea: text('capability_area').notNull(),
    method: text('method').notNull(),
    conductedOn: date('conducted_on', { mode: 'string' }).notNull(),
    findings: text('findings').notNull(),
    gaps: text('gaps').array().notNull(),
    /** { criterion, score: 0..4 }[] */
    ratings: jsonb('ratings').notNull(),
    /** { rating: low|medium|high, maxTraineesPerMonth?, constraints[] } */
    absorptiveCapacity: jsonb('absorptive_capacity').notNull(),
    risks: text('risks').array().notNull(),
    evidence: text('evidence').array().notNull(),
    status: text('status').notNull().default('draft'),
    assessorId: uuid('assessor_id'),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'string' }),
    ...labelled(),
  },
  (t) => [
    index('capability_assessment_partner_idx').on(t.partnerIso3, t.capabilityArea),
    index('capability_assessment_label_idx').on(t.labelId),
  ],
);
