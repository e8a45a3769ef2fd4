/**
 * People (DOMAIN.md §2.2): a partner's key leaders and focal points. `contact` is not here: it is a
 * field label (FIELD_NAMES.person.contact) read and written through the record-field routes.
 */
import { z } from 'zod';
import { Iso3, LabelInput, Uuid } from './common';

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);

/** What a user edits of a person (create and update alike). */
export const PersonFields = z.object({
  name: text(200).min(1, 'give the person’s name'),
  rank: text(80).optional(),
  position: text(300).min(1, 'give the position held'),
  orgId: Uuid,
  nationality: Iso3,
  languages: z.array(text(40).min(1, 'a language cannot be empty')).max(20).default([]),
  focalPoint: z.boolean().default(false),
});
export type PersonFields = z.infer<typeof PersonFields>;

/** Create a person held under partner `partnerIso3`, with its community and label. */
export const PersonInput = PersonFields.extend({
  partnerIso3: Iso3,
  communityId: Uuid,
  label: LabelInput,
});
export type PersonInput = z.infer<typeof PersonInput>;

/** Edit a person at the version seen (409 when someone changed it since). */
export const PersonUpdate = PersonFields.extend({ expectedVersion: z.number().int().min(1) });
export type PersonUpdate = z.infer<typeof PersonUpdate>;

export const PersonItem = z.object({
  id: Uuid,
  partnerIso3: z.string(),
  name: z.string(),
  rank: z.string().nullable(),
  position: z.string(),
  org: z.object({ id: Uuid, code: z.string(), name: z.string() }),
  nationality: z.string(),
  languages: z.array(z.string()),
  focalPoint: z.boolean(),
  communityId: Uuid,
  version: z.number().int(),
  portion: z.string(),
});
export type PersonItem = z.infer<typeof PersonItem>;
