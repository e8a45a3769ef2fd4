/**
 * GET /due-items/summary: how many of my organisation's open items (and its echelons') are due
 * soon, overdue and escalated, for the side-nav badge and the dashboard (DOMAIN.md §3.4 reminders,
 * in-app only). Items assigned to another person are not counted in my badge.
 */
import { REMINDER_LEAD_DAYS, addDays, countReminders } from '@entente/core';
import type { DueItemSummary } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { context } from './due-items';
import { todayIso } from './raise';

export async function dueItemSummary(uc: UseCaseCtx): Promise<DueItemSummary> {
  const today = todayIso();
  const { ids } = await context(uc);
  const rows = await scoped.openDueItemsBy(
    uc.tx,
    uc.scope,
    ids,
    addDays(today, REMINDER_LEAD_DAYS),
    uc.subject.id,
  );
  const c = countReminders(rows, today);
  uc.auditRead({
    route: 'GET /due-items/summary',
    filters: {},
    count: rows.length,
    ids: rows.map((r) => r.id),
  });
  return { ...c, badge: c.dueSoon + c.overdue, escalatedToMe: uc.subject.roles.includes('approver') };
}
