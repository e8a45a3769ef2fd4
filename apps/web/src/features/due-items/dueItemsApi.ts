/** The due-items slice's REST calls and search parameters, typed by the contracts. */
import {
  DUE_ITEM_KINDS,
  DUE_ITEM_STATUSES,
  DueItem,
  DueItemSummary,
  DueItemTimeliness,
  ROUTES,
} from '@entente/contracts';
import type { DueItemWaive } from '@entente/contracts';
import { api, arrayOf, pathOf } from '../../lib/api';
import type { Out } from '../../lib/api';

export type DueItemRow = Out<typeof DueItem>;
export type TimelinessMonth = Out<typeof DueItemTimeliness>;
export type DueItemsQuery = {
  status?: string | undefined;
  kind?: string | undefined;
  dueWithinDays?: number | undefined;
  attention?: DueItemAttention | undefined;
};

/** The reminder filters (DOMAIN.md §3.4): due within 7 days, overdue, overdue 14+ days and escalated. */
export const DUE_ATTENTION = ['due_soon', 'overdue', 'escalated'] as const;
export type DueItemAttention = (typeof DUE_ATTENTION)[number];
export const DUE_ATTENTION_LABEL: Record<DueItemAttention, string> = {
  due_soon: 'Due soon (7 days)',
  overdue: 'Overdue',
  escalated: 'Escalated (14+ days overdue)',
};
export type DueSummary = Out<typeof DueItemSummary>;

/** The reminder line under an open item: who was last reminded and when (in-app; nothing is e-mailed). */
export function reminderText(i: Pick<DueItemRow, 'reminder' | 'remindedOn'>, fmt: (d: string) => string) {
  if (i.reminder === 'none' || !i.remindedOn) return '';
  if (i.reminder === 'escalated') return `Escalated to the organisation's approver on ${fmt(i.remindedOn)}`;
  return `Owner reminded on ${fmt(i.remindedOn)}`;
}

export const dueItemsApi = {
  list: (q: DueItemsQuery, signal?: AbortSignal) => api.get(ROUTES.dueItems, arrayOf(DueItem), q, signal),
  summary: (signal?: AbortSignal) => api.get(ROUTES.dueItemSummary, DueItemSummary, {}, signal),
  timeliness: (months: number, signal?: AbortSignal) =>
    api.get(ROUTES.dueItemTimeliness, arrayOf(DueItemTimeliness), { months }, signal),
  submit: (id: string, version: number) =>
    api.post(pathOf(ROUTES.dueItemSubmit, { id }), DueItem, { version }),
  waive: (id: string, body: DueItemWaive) => api.post(pathOf(ROUTES.dueItemWaive, { id }), DueItem, body),
};

export type DueItemsSearch = {
  status?: string | undefined;
  kind?: string | undefined;
  attention?: DueItemAttention | undefined;
};

const oneOf = (v: unknown, values: readonly string[]) =>
  typeof v === 'string' && values.includes(v) ? v : undefined;

/** The page's search parameters, dropping anything unknown. */
export function parseDueItemsSearch(s: Record<string, unknown>): DueItemsSearch {
  const out: DueItemsSearch = {};
  const status = oneOf(s.status, DUE_ITEM_STATUSES);
  const kind = oneOf(s.kind, DUE_ITEM_KINDS);
  if (status) out.status = status;
  if (kind) out.kind = kind;
  const attention = oneOf(s.attention, DUE_ATTENTION) as DueItemAttention | undefined;
  if (attention) out.attention = attention;
  return out;
}

export const DUE_STATUS_LABEL: Record<string, string> = {
  pending: 'Pending',
  overdue: 'Overdue',
  submitted_on_time: 'Submitted on time',
  submitted_late: 'Submitted late',
  waived: 'Waived',
};

export const DUE_KIND_LABEL: Record<string, string> = {
  closure: 'Engagement closure',
  renewal: 'Agreement renewal',
  review: 'Review',
  value: 'Indicator value',
  feedback: 'Feedback response',
  assessment: 'Assessment',
  recommendation_response: 'Recommendation response',
  inventory: 'End-use inventory',
};

/** "in 3 days", "today", "5 days overdue". */
export function dueText(item: Pick<DueItemRow, 'daysLeft' | 'status'>): string {
  if (item.status !== 'pending' && item.status !== 'overdue') return '';
  const d = item.daysLeft;
  if (d === 0) return 'due today';
  if (d > 0) return `in ${d} day${d === 1 ? '' : 's'}`;
  return `${-d} day${d === -1 ? '' : 's'} overdue`;
}
