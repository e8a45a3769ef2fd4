/** Due items: what an organisation owes by a date (DOMAIN.md §3.4). */
import { z } from 'zod';
import { IsoDate, Uuid } from './common';

export const DUE_ITEM_STATUSES = [
  'pending',
  'overdue',
  'submitted_on_time',
  'submitted_late',
  'waived',
] as const;
export const DUE_ITEM_KINDS = [
  'closure',
  'renewal',
  'review',
  'value',
  'feedback',
  'assessment',
  'recommendation_response',
  'inventory',
] as const;
export const DUE_ITEM_SUBJECT_KINDS = ['engagement', 'agreement', 'partner'] as const;

export const DueItem = z.object({
  id: Uuid,
  kind: z.enum(DUE_ITEM_KINDS),
  subjectKind: z.enum(DUE_ITEM_SUBJECT_KINDS),
  subjectId: Uuid,
  subjectCode: z.string(),
  title: z.string(),
  ownerOrgId: Uuid,
  ownerOrgCode: z.string().nullable(),
  dueOn: IsoDate,
  /** As of today: a pending item past its due date is `overdue`. */
  status: z.enum(DUE_ITEM_STATUSES),
  /** Days until due; negative when overdue. */
  daysLeft: z.number().int(),
  submittedOn: IsoDate.nullable(),
  waivedReason: z.string().nullable(),
  portion: z.string(),
  version: z.number().int(),
  /** What this user may do with it now. */
  canSubmit: z.boolean(),
  canWaive: z.boolean(),
});
export type DueItem = z.infer<typeof DueItem>;

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)))
    .optional();

export const DueItemListQuery = z.object({
  status: csv(DUE_ITEM_STATUSES),
  kind: csv(DUE_ITEM_KINDS),
  /** `true`: only overdue items (the same as status=overdue). */
  overdue: z.enum(['true', 'false']).optional(),
  /** Only pending items due within this many days (overdue ones included). */
  dueWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
});
export type DueItemListQuery = z.input<typeof DueItemListQuery>;

export const DueItemSubmit = z.object({ version: z.number().int().min(1) });
export const DueItemWaive = z.object({
  version: z.number().int().min(1),
  reason: z.string().trim().max(2000).optional(),
});
export type DueItemWaive = z.infer<typeof DueItemWaive>;

/** Timeliness per month of the due date: on-time ÷ due (DOMAIN.md §3.4); green ≥ 90 %, amber 70–89 %, red < 70 %. */
export const DueItemTimeliness = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  due: z.number().int(),
  onTime: z.number().int(),
  ratio: z.number().nullable(),
  rating: z.enum(['green', 'amber', 'red']).nullable(),
});
export type DueItemTimeliness = z.infer<typeof DueItemTimeliness>;
export const DueItemTimelinessQuery = z.object({
  months: z.coerce.number().int().min(1).max(36).default(12),
});
