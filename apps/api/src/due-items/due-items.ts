/** My organisation's due items: list (scoped to what I may read and to my organisation and the echelons below it), submit, waive. */
import {
  DomainError,
  attentionWindow,
  daysUntil,
  dueItemReminder,
  dueItemStatus,
  forbidden,
  notFound,
  submitDueItem,
  timelinessByMonth,
  waiveDueItem,
  type RecordKind,
} from '@entente/core';
import type { DueItem } from '@entente/contracts';
import { reference, scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { todayIso } from './raise';

const stale = () =>
  new DomainError('stale_version', 'Someone else changed this due item. Reload to see the change.');

function present(
  uc: UseCaseCtx,
  r: scoped.DueItemRow,
  mine: Set<string>,
  codes: Map<string, string>,
  today: string,
): DueItem {
  const status = dueItemStatus(r.status, r.dueOn, today);
  const reminder = dueItemReminder(r, today);
  const own = mine.has(r.ownerOrgId);
  return {
    id: r.id,
    kind: r.kind as DueItem['kind'],
    subjectKind: r.subjectKind as DueItem['subjectKind'],
    subjectId: r.subjectId,
    subjectCode: r.subjectCode,
    title: r.title,
    ownerOrgId: r.ownerOrgId,
    ownerOrgCode: codes.get(r.ownerOrgId) ?? null,
    dueOn: r.dueOn,
    status,
    daysLeft: daysUntil(r.dueOn, today),
    submittedOn: r.submittedOn,
    waivedReason: r.waivedReason,
    portion: uc.mark(r.labelId),
    version: r.version,
    reminder: reminder.stage,
    remindedOn: reminder.remindedOn,
    reminderTo: reminder.recipient,
    canSubmit:
      own &&
      (status === 'pending' || status === 'overdue') &&
      uc.access.can(uc.subject, 'update', r.subjectKind as RecordKind),
    canWaive: own && status !== 'waived' && uc.subject.roles.includes('approver'),
  };
}

export async function context(uc: UseCaseCtx) {
  const ids = await scoped.orgAndDescendants(uc.tx, uc.subject.orgId);
  const orgs = await reference.organisationsByIds(uc.tx, ids);
  const codes = new Map([...orgs.values()].map((o) => [o.id, o.code ?? '']));
  return { ids, mine: new Set(ids), codes };
}

export interface DueItemListInput {
  status?: string[] | undefined;
  kind?: string[] | undefined;
  overdue?: 'true' | 'false' | undefined;
  dueWithinDays?: number | undefined;
  attention?: 'due_soon' | 'overdue' | 'escalated' | undefined;
}

export async function listDueItems(uc: UseCaseCtx, q: DueItemListInput) {
  const today = todayIso();
  const { ids, mine, codes } = await context(uc);
  const statuses = q.overdue === 'true' ? ['overdue'] : q.status;
  const dueBy =
    q.dueWithinDays !== undefined
      ? new Date(Date.parse(`${today}T00:00:00Z`) + q.dueWithinDays * 86_400_000).toISOString().slice(0, 10)
      : undefined;
  const rows = await scoped.listDueItems(uc.tx, uc.scope, {
    ownerOrgIds: ids,
    statuses,
    kinds: q.kind,
    dueBy,
    pendingDue: q.attention ? attentionWindow(q.attention, today) : undefined,
    today,
  });
  uc.auditRead({ route: 'GET /due-items', filters: q, count: rows.length, ids: rows.map((r) => r.id) });
  return rows.map((r) => present(uc, r, mine, codes, today));
}

async function load(uc: UseCaseCtx, id: string) {
  const item = await scoped.findDueItem(uc.tx, uc.scope, id, true);
  if (!item) throw notFound('due item');
  const ctx = await context(uc);
  if (!ctx.mine.has(item.ownerOrgId)) throw forbidden('This item is owed by another organisation.');
  return { item, ...ctx };
}

export async function submitDueItemUseCase(uc: UseCaseCtx, id: string, version: number) {
  const today = todayIso();
  const { item, mine, codes } = await load(uc, id);
  if (!uc.access.can(uc.subject, 'update', item.subjectKind as RecordKind))
    throw forbidden('Your role cannot submit this item.');
  if (item.version !== version) throw stale();
  const status = submitDueItem(item, today);
  const after = await scoped.updateDueItem(
    uc.tx,
    uc.scope,
    id,
    version,
    { status, submittedOn: today, submittedBy: uc.subject.id },
    uc.subject.id,
  );
  if (!after) throw stale();
  await uc.audit({
    action: 'due_item.submitted',
    entity: 'due_item',
    entityId: id,
    entityVersion: after.version,
    labelId: after.labelId,
    decision: 'permit',
    before: { status: dueItemStatus(item.status, item.dueOn, today) },
    after: { status, submittedOn: today },
  });
  return present(uc, after, mine, codes, today);
}

export async function waiveDueItemUseCase(
  uc: UseCaseCtx,
  id: string,
  w: { version: number; reason?: string | undefined },
) {
  const today = todayIso();
  const { item, mine, codes } = await load(uc, id);
  if (item.version !== w.version) throw stale();
  const { reason } = waiveDueItem(
    item,
    { reason: w.reason, approver: uc.subject.roles.includes('approver') },
    today,
  );
  const after = await scoped.updateDueItem(
    uc.tx,
    uc.scope,
    id,
    w.version,
    { status: 'waived', waivedReason: reason, waivedBy: uc.subject.id, waivedAt: new Date().toISOString() },
    uc.subject.id,
  );
  if (!after) throw stale();
  await uc.audit({
    action: 'due_item.waived',
    entity: 'due_item',
    entityId: id,
    entityVersion: after.version,
    labelId: after.labelId,
    decision: 'permit',
    reason,
    before: { status: dueItemStatus(item.status, item.dueOn, today) },
    after: { status: 'waived' },
  });
  return present(uc, after, mine, codes, today);
}

/** Timeliness of my organisation (and the echelons under it) for the last `months` months, oldest first, every month listed. */
export async function dueItemTimeliness(uc: UseCaseCtx, months: number) {
  const today = todayIso();
  const { ids } = await context(uc);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const monthKeys = Array.from({ length: months }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (months - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
  const from = `${monthKeys[0]}-01`;
  const rows = await scoped.dueItemOutcomes(uc.tx, uc.scope, ids, from, today);
  const byMonth = new Map(timelinessByMonth(rows, today).map((t) => [t.month, t]));
  return monthKeys.map(
    (month) => byMonth.get(month) ?? { month, due: 0, onTime: 0, ratio: null, rating: null },
  );
}
