/**
 * Relabelling a record (ACCESS.md §3 step 7): a change to a label that dominates the current one
 * applies at once; a downgrade is filed as a request that a second releasing officer of the
 * originator organisation approves or rejects (two-person rule).
 */
import { z } from 'zod';
import { LabelInput, Uuid } from './common';

export const RELABEL_REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export const RelabelRequestStatus = z.enum(RELABEL_REQUEST_STATUSES);
export type RelabelRequestStatus = z.infer<typeof RelabelRequestStatus>;

/** Change a record's classification: the version read, the new label and why. */
export const RelabelInput = z.object({
  version: z.number().int().min(1),
  label: LabelInput,
  reason: z.string().trim().min(1, 'give a reason for the change').max(2000),
});
export type RelabelInput = z.infer<typeof RelabelInput>;

/** Approve, reject or withdraw a pending downgrade, with an optional note. */
export const RelabelDecisionInput = z.object({ note: z.string().trim().max(2000).optional() });
export type RelabelDecisionInput = z.infer<typeof RelabelDecisionInput>;

const Person = z.object({ id: Uuid, name: z.string() });

/** A downgrade request as its readers see it (its own marking is the record's label when it was filed). */
export const RelabelRequestView = z.object({
  id: Uuid,
  status: RelabelRequestStatus,
  /** Portion marks of the label before and after (the "after" is lower, which is why it needs two people). */
  fromPortion: z.string(),
  toPortion: z.string(),
  toLabel: LabelInput,
  reason: z.string(),
  requestedBy: Person,
  requestedAt: z.string(),
  decidedBy: Person.nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  portion: z.string(),
  /** The current user may approve or reject it (a different releasing officer of the originator). */
  canDecide: z.boolean(),
  /** The current user filed it and may withdraw it. */
  canWithdraw: z.boolean(),
});
export type RelabelRequestView = z.infer<typeof RelabelRequestView>;

/** The result of a relabel: applied at once, or filed for a second releasing officer. */
export const RelabelOutcome = z.object({
  outcome: z.enum(['relabelled', 'pending']),
  /** The record's version and marking after the call. */
  version: z.number().int(),
  portion: z.string(),
  request: RelabelRequestView.nullable(),
});
export type RelabelOutcome = z.infer<typeof RelabelOutcome>;

/** The requests about one record, newest first, and whether the current user may change its label. */
export const RelabelRequestList = z.object({
  items: z.array(RelabelRequestView),
  canRelabel: z.boolean(),
});
export type RelabelRequestList = z.infer<typeof RelabelRequestList>;
