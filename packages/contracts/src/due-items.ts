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
  /**
   * Reminder stage as of today (DOMAIN.md §3.4; in-app only): due_soon from T−7, due_today at T,
   * overdue after T (reminded again at T+7), escalated from T+14 to the owning organisation's approver.
   */
  reminder: z.enum(['none', 'due_soon', 'due_today', 'overdue', 'escalated']),
  /** The date of the latest reminder, and who it went to. */
  remindedOn: IsoDate.nullable(),
  reminderTo: z.enum(['owner', 'approver']).nullable(),
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
  /** Open items needing attention: due soon (within 7 days), overdue, escalated (14+ days overdue). */
  attention: z.enum(['due_soon', 'overdue', 'escalated']).optional(),
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

/** Counts for the side-nav badge and the dashboard: open items of my organisation (and its echelons) by reminder stage. */
export const DueItemSummary = z.object({
  dueSoon: z.number().int(),
  overdue: z.number().int(),
  /** Overdue 14 days or more: escalated to the organisation's approver. */
  escalated: z.number().int(),
  /** What the badge counts for this user: due soon + overdue items they own (their organisation's). */
  badge: z.number().int(),
  /** True when the user is an approver, so escalated items are addressed to them. */
  escalatedToMe: z.boolean(),
});
export type DueItemSummary = z.infer<typeof DueItemSummary>;
