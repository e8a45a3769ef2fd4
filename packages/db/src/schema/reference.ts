/** Public reference data: states, organisations, dated memberships, funding sources. Not labelled. */
import { date, doublePrecision, pgTable, text, uuid, boolean, index } from 'drizzle-orm/pg-core';
import { id } from './columns';

export const country = pgTable('country', {
  iso3: text('iso3').primaryKey(),
  name: text('name').notNull(),
  officialName: text('official_name').notNull(),
  region: text('region').notNull(),
  subregion: text('subregion').notNull(),
  lat: doublePrecision('lat'),
  lon: doublePrecision('lon'),
  unMember: boolean('un_member').notNull().default(false),
});

export const organisation = pgTable(
  'organisation',
  {
    id: id(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    acronym: text('acronym'),
    kind: text('kind').notNull(),
    iso3: text('iso3').references(() => country.iso3),
    parentOrgId: uuid('parent_org_id'),
    foundedOn: date('founded_on', { mode: 'string' }),
    sourceUrl: text('source_url'),
  },
  (t) => [index('organisation_iso3_idx').on(t.iso3)],
);

export const membership = pgTable(
  'membership',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => organisation.id),
    memberIso3: text('member_iso3').notNull().references(() => country.iso3),
    status: text('status').notNull(),
    from: date('valid_from', { mode: 'string' }).notNull(),
    to: date('valid_to', { mode: 'string' }),
    sourceUrl: text('source_url').notNull(),
  },
  (t) => [index('membership_member_idx').on(t.memberIso3), index('membership_org_idx').on(t.orgId)],
);

export const fundingSource = pgTable('funding_source', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  legalAuthority: text('legal_authority').notNull(),
  expiry: date('expiry', { mode: 'string' }),
});
