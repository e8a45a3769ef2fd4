/**
 * Reminders and escalation of due items (DOMAIN.md §3.4): reminders go to the owner at T−7, T and
 * T+7; at T+14 the reminder escalates to the owning organisation's approver. Nothing is sent
 * (the platform is air-gapped): the stage is computed from the due date and an injected `today`
 * and shown in the app (due-items list, dashboard panel, side-nav badge).
 */
import { addDays, daysUntil } from './rules';

/** Days before the due date that the first reminder goes out (T−7). */
export const REMINDER_LEAD_DAYS = 7;
/** Days after the due date of the last reminder to the owner (T+7). */
export const OVERDUE_REMINDER_DAYS = 7;
/** Days after the due date that the reminder escalates to the organisation's approver (T+14). */
export const ESCALATION_DAYS = 14;

export const REMINDER_STAGES = ['none', 'due_soon', 'due_today', 'overdue', 'escalated'] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number];

export interface Reminder {
  /**
   * `none`: closed, or more than 7 days away; `due_soon`: due within 7 days (T−7 reminder);
   * `due_today`: the T reminder; `overdue`: past due, under 14 days (T+7 reminder from day 7);
   * `escalated`: 14 days or more past due, escalated to the owning organisation's approver.
   */
  stage: ReminderStage;
  /** The date of the latest reminder (T−7, T, T+7 or T+14) on or before today; null when none is due yet. */
  remindedOn: string | null;
  /** Who the latest reminder goes to. */
  recipient: 'owner' | 'approver' | null;
}

/** The reminder state of a due item as of `today` (stored status and due date; `overdue` is never stored). */
export function dueItemReminder(item: { status: string; dueOn: string }, today: string): Reminder {
  if (item.status !== 'pending') return { stage: 'none', remindedOn: null, recipient: null };
  const d = daysUntil(item.dueOn, today);
  if (d > REMINDER_LEAD_DAYS) return { stage: 'none', remindedOn: null, recipient: null };
  const at = (n: number) => addDays(item.dueOn, n);
  if (d > 0) return { stage: 'due_soon', remindedOn: at(-REMINDER_LEAD_DAYS), recipient: 'owner' };
  if (d === 0) return { stage: 'due_today', remindedOn: at(0), recipient: 'owner' };
  if (-d >= ESCALATION_DAYS)
    return { stage: 'escalated', remindedOn: at(ESCALATION_DAYS), recipient: 'approver' };
  return {
    stage: 'overdue',
    remindedOn: -d >= OVERDUE_REMINDER_DAYS ? at(OVERDUE_REMINDER_DAYS) : at(0),
    recipient: 'owner',
  };
}

/** Attention filters of the due-items list; `overdue` includes escalated items. */
export const DUE_ITEM_ATTENTION = ['due_soon', 'overdue', 'escalated'] as const;
export type DueItemAttention = (typeof DUE_ITEM_ATTENTION)[number];

/**
 * The due-date window of an attention filter as of `today` (for SQL on pending items):
 * due soon = due today up to T−7; overdue = past due; escalated = 14 days or more past due.
 */
export function attentionWindow(a: DueItemAttention, today: string): { from?: string; to?: string } {
  if (a === 'due_soon') return { from: today, to: addDays(today, REMINDER_LEAD_DAYS) };
  if (a === 'overdue') return { to: addDays(today, -1) };
  return { to: addDays(today, -ESCALATION_DAYS) };
}

export interface ReminderCounts {
  dueSoon: number;
  overdue: number;
  escalated: number;
}

/** Count open items by attention (an escalated item counts as overdue too). */
export function countReminders(
  items: readonly { status: string; dueOn: string }[],
  today: string,
): ReminderCounts {
  const c: ReminderCounts = { dueSoon: 0, overdue: 0, escalated: 0 };
  for (const i of items) {
    const s = dueItemReminder(i, today).stage;
    if (s === 'due_soon' || s === 'due_today') c.dueSoon += 1;
    if (s === 'overdue' || s === 'escalated') c.overdue += 1;
    if (s === 'escalated') c.escalated += 1;
  }
  return c;
}
