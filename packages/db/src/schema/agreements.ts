/** Agreements: instruments that enable engagement types with named parties for a period. Labelled. */
import { boolean, date, index, pgTable, text } from 'drizzle-orm/pg-core';
import { id, labelled } from './columns';

export const agreement = pgTable(
  'agreement',
  {
    id: id(),
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    partnerIso3s: text('partner_iso3s').array().notNull(),
    signedOn: date('signed_on', { mode: 'string' }),
    inForceFrom: date('in_force_from', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }),
    autoRenew: boolean('auto_renew').notNull().default(false),
    coversTypes: text('covers_types').array().notNull(),
    status: text('status').notNull(),
    documentRef: text('document_ref').notNull(),
    ...labelled(),
  },
  (t) => [
    index('agreement_partners_idx').using('gin', t.partnerIso3s),
    index('agreement_expires_idx').on(t.expiresOn),
  ],
);
