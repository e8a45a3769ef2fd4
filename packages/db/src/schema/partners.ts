/** Partner relationship records (one per ISO3) and their absorptive capacity. Labelled. */
import { date, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { id, labelled } from './columns';
import { country } from './reference';

export const partner = pgTable(
  'partner',
  {
    id: id(),
    iso3: text('iso3').notNull().unique().references(() => country.iso3),
    relationshipTier: text('relationship_tier').notNull().default('other'),
    status: text('status').notNull().default('active'),
    allowedTypes: text('allowed_types').array(),
    notes: text('notes'),
    ...labelled(),
  },
  (t) => [index('partner_label_idx').on(t.labelId)],
);

export const partnerCapacity = pgTable('partner_capacity', {
  id: id(),
  partnerIso3: text('partner_iso3').notNull().references(() => country.iso3),
  from: date('valid_from', { mode: 'string' }).notNull(),
  to: date('valid_to', { mode: 'string' }).notNull(),
  maxConcurrentEngagements: integer('max_concurrent_engagements').notNull(),
  maxTraineesPerMonth: integer('max_trainees_per_month'),
  blackouts: jsonb('blackouts').notNull().default([]),
  ...labelled(),
});
