/**
 * People (DOMAIN.md §2.2): a partner's key leaders and the focal points of a partnership. Labelled.
 * `partnerIso3` is the partner the person is held under (a KEN general, or our defence attaché for
 * KEN); `focalPoint` marks the partner's focal points (Partner.focalPointIds[] is the set of people
 * of that partner with the flag). `contact` is not a column: it is a field label (record_field, kind
 * 'person', field 'contact'; ACCESS.md §2).
 */
import { boolean, char, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, labelled } from './columns';
import { country, organisation } from './reference';

export const person = pgTable(
  'person',
  {
    id: id(),
    partnerIso3: text('partner_iso3')
      .notNull()
      .references(() => country.iso3),
    name: text('name').notNull(),
    rank: text('rank'),
    position: text('position').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisation.id),
    nationality: char('nationality', { length: 3 }).notNull(),
    languages: text('languages').array().notNull().default([]),
    focalPoint: boolean('focal_point').notNull().default(false),
    ...labelled(),
  },
  (t) => [index('person_partner_idx').on(t.partnerIso3), index('person_label_idx').on(t.labelId)],
);
