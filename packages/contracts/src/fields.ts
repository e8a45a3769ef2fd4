/** Field labels and TLP recipients (ACCESS.md §2; ADR 0007). */
import { z } from 'zod';
import { LabelInput, Uuid } from './common';

/** The sensitive fields each record kind carries, with their display names. */
export const FIELD_NAMES = {
  partner: { sensitivityNotes: 'Sensitivity notes' },
  plan: { internalNotes: 'Internal notes' },
  person: { contact: 'Contact' },
} as const;

/** A field the reader may see, with its own portion mark. Fields the reader may not see are absent. */
export const RecordFieldView = z.object({
  field: z.string(),
  value: z.string(),
  labelId: Uuid,
  /** The field's own label, to edit it from (the reader may see it, or the field would be absent). */
  label: z.object({
    level: z.string(),
    restrictive: z.array(z.string()),
    releasableTo: z.array(z.string()),
    handling: z.array(z.string()),
  }),
  portion: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type RecordFieldView = z.infer<typeof RecordFieldView>;

export const RecordFields = z.object({
  recordId: Uuid,
  /** The record's own portion mark: every field label is at most this (high-water mark). */
  recordPortion: z.string(),
  items: z.array(RecordFieldView),
});
export type RecordFields = z.infer<typeof RecordFields>;

/** Write one field: its text, its own label (at most the record's label), and the version edited (0 to create). */
export const RecordFieldInput = z.object({
  value: z
    .string()
    .trim()
    .min(1, 'write something or leave the field as it is')
    .max(10_000, 'at most 10,000 characters'),
  label: LabelInput,
  version: z.number().int().min(0),
});
export type RecordFieldInput = z.infer<typeof RecordFieldInput>;

/** Who may receive a TLP record (record metadata, not part of the label). */
export const TlpRecipientsView = z.object({
  /** The label's TLP colour, or null when the label has none (recipients then have no effect). */
  tlp: z.string().nullable(),
  orgIds: z.array(Uuid),
  clientOrgIds: z.array(Uuid),
  users: z.array(z.object({ id: Uuid, username: z.string(), displayName: z.string() })),
  /** The record's version, for optimistic concurrency. */
  version: z.number().int(),
});
export type TlpRecipientsView = z.infer<typeof TlpRecipientsView>;

export const TlpRecipientsInput = z.object({
  orgIds: z.array(Uuid).max(200).default([]),
  clientOrgIds: z.array(Uuid).max(200).default([]),
  /** Named users (TLP:RED recipients), by user name; the server stores their ids. */
  usernames: z.array(z.string().trim().min(1)).max(200).default([]),
  version: z.number().int().min(1),
});
export type TlpRecipientsInput = z.infer<typeof TlpRecipientsInput>;
