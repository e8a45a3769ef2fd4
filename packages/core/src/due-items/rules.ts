/**
 * Due items (DOMAIN.md §3 invariant 4): something an organisation owes by a date.
 * States: pending → submitted_on_time|submitted_late; pending → overdue → submitted_late;
 * any state → waived (with a reason and an approver). `overdue` is derived from `dueOn` and
 * today, never stored: a pending item is overdue from the day after its due date.
 */
import { DomainError } from '../shared/errors';

export const DUE_ITEM_STATUSES = [
  'pending',
  'overdue',
  'submitted_on_time',
  'submitted_late',
  'waived',
] as const;
export type DueItemStatus = (typeof DUE_ITEM_STATUSES)[number];
/** What is stored: `overdue` is computed. */
export type StoredDueItemStatus = Exclude<DueItemStatus, 'overdue'>;

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
export type DueItemKind = (typeof DUE_ITEM_KINDS)[number];

export const DUE_ITEM_TRANSITIONS: Readonly<Record<DueItemStatus, readonly DueItemStatus[]>> = {
  pending: ['submitted_on_time', 'submitted_late', 'overdue', 'waived'],
  overdue: ['submitted_late', 'waived'],
  submitted_on_time: ['waived'],
  submitted_late: ['waived'],
  waived: [],
};

/** Days from an engagement's completion to its closure (DOMAIN.md §2.3). */
export const CLOSURE_DUE_DAYS = 14;
/** Days before an agreement's expiry that its renewal is due (DOMAIN.md §2.2). */
export const RENEWAL_LEAD_DAYS = 180;
/** Days a partner suspension gives to review each ongoing engagement (DOMAIN.md §2.2). */
export const REVIEW_DUE_DAYS = 7;

/** `d` (YYYY-MM-DD) plus `n` days, in UTC. */
export function addDays(d: string, n: number): string {
  const t = Date.parse(`${d}T00:00:00Z`);
  if (Number.isNaN(t)) throw new DomainError('validation', `Not a date: ${d}`);
  return new Date(t + n * 86_400_000).toISOString().slice(0, 10);
}

/** The status a user sees today: a pending item past its due date is overdue. */
export function dueItemStatus(stored: string, dueOn: string, today: string): DueItemStatus {
  if (stored === 'pending' && today > dueOn) return 'overdue';
  return (DUE_ITEM_STATUSES as readonly string[]).includes(stored) ? (stored as DueItemStatus) : 'pending';
}

/** Days until due (negative when overdue). */
export const daysUntil = (dueOn: string, today: string) =>
  Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);

export function canTransitionDueItem(from: DueItemStatus, to: DueItemStatus): boolean {
  return DUE_ITEM_TRANSITIONS[from].includes(to);
}

/**
 * Submitting: on time when submitted on or before the due date, late after it. Throws
 * `invalid_transition` for an item already submitted or waived.
 */
export function submitDueItem(
  item: { status: string; dueOn: string },
  submittedOn: string,
): 'submitted_on_time' | 'submitted_late' {
  const from = dueItemStatus(item.status, item.dueOn, submittedOn);
  const to = submittedOn <= item.dueOn ? 'submitted_on_time' : 'submitted_late';
  if (!canTransitionDueItem(from, to))
    throw new DomainError('invalid_transition', `A due item cannot go from ${from} to ${to}.`);
  return to;
}

/** Waiving: from any state but waived, with a reason, by an approver. */
export function waiveDueItem(
  item: { status: string; dueOn: string },
  w: { reason?: string | null | undefined; approver: boolean },
  today: string,
): { reason: string } {
  const from = dueItemStatus(item.status, item.dueOn, today);
  if (!canTransitionDueItem(from, 'waived'))
    throw new DomainError('invalid_transition', `A due item cannot go from ${from} to waived.`);
  if (!w.approver) throw new DomainError('forbidden', 'Only an approver can waive a due item.');
  const reason = w.reason?.trim();
  if (!reason)
    throw new DomainError('guard_failed', 'Give a reason for waiving the due item.', [
      { path: 'reason', message: 'required' },
    ]);
  return { reason };
}

/** The closure due item an engagement owes once completed: 14 days after it actually ended. */
export function closureDueOn(actualEnd: string): string {
  return addDays(actualEnd, CLOSURE_DUE_DAYS);
}

/** The renewal due item of an agreement with an expiry: 180 days ahead of it. */
export function renewalDueOn(expiresOn: string): string {
  return addDays(expiresOn, -RENEWAL_LEAD_DAYS);
}

export interface TimelinessItem {
  status: string;
  dueOn: string;
}

export interface MonthTimeliness {
  /** YYYY-MM */
  month: string;
  /** Items due in the month whose outcome is known (submitted, or past due), waived ones excluded. */
  due: number;
  onTime: number;
  /** onTime ÷ due, or null when nothing was due. */
  ratio: number | null;
  rating: 'green' | 'amber' | 'red' | null;
}

/** Green at 90 % or above, amber at 70–89 %, red below 70 % (DOMAIN.md §3.4). */
export function timelinessRating(ratio: number | null): MonthTimeliness['rating'] {
  if (ratio === null) return null;
  return ratio >= 0.9 ? 'green' : ratio >= 0.7 ? 'amber' : 'red';
}

/**
 * Timeliness = items submitted on time ÷ items due, per month of the due date. A waived item
 * is not due. A pending item still inside its window is not counted yet: only items already
 * submitted or already overdue are "due" as of `today`.
 */
export function timelinessByMonth(items: readonly TimelinessItem[], today: string): MonthTimeliness[] {
  const months = new Map<string, { due: number; onTime: number }>();
  for (const i of items) {
    const s = dueItemStatus(i.status, i.dueOn, today);
    if (s === 'waived' || s === 'pending') continue;
    const m = i.dueOn.slice(0, 7);
    const acc = months.get(m) ?? { due: 0, onTime: 0 };
    acc.due += 1;
    if (s === 'submitted_on_time') acc.onTime += 1;
    months.set(m, acc);
  }
  return [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, { due, onTime }]) => {
      const ratio = due ? onTime / due : null;
      return { month, due, onTime, ratio, rating: timelinessRating(ratio) };
    });
}
