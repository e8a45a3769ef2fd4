/**
 * Due items raised by other use cases, in their transaction (DOMAIN.md §2.2, §2.3):
 * - an engagement entering `completed` (from ongoing) owes its closure 14 days after its actual end;
 * - closing it submits that closure item, on time or late;
 * - an agreement `in_force` with an expiry owes its renewal 180 days ahead. The item is raised when
 *   the agreement enters in_force (by a transition, or recorded as in force at creation); the
 *   unique (kind, subject, due date) key makes raising it twice harmless;
 * - an agreement suspended (in_force → suspended) owes a review of the suspension within 7 days;
 *   lifting the suspension (or ending the agreement) settles it, as does submitting the review.
 * Each item carries its record's label and community; its party is the owing organisation.
 */
import {
  REVIEW_DUE_DAYS,
  addDays,
  closureDueOn,
  renewalDueOn,
  submitDueItem,
  type Engagement,
} from '@entente/core';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';

export const todayIso = () => new Date().toISOString().slice(0, 10);

type Raise = Omit<scoped.DueItemInsert, 'partyOrgIds' | 'createdBy' | 'updatedBy'>;

async function raise(uc: UseCaseCtx, v: Raise) {
  const item = await scoped.insertDueItem(uc.tx, {
    ...v,
    partyOrgIds: [v.ownerOrgId],
    createdBy: uc.subject.id,
    updatedBy: uc.subject.id,
  });
  if (item)
    await uc.audit({
      action: 'due_item.raised',
      entity: 'due_item',
      entityId: item.id,
      entityVersion: item.version,
      labelId: item.labelId,
      decision: 'permit',
      after: {
        kind: item.kind,
        subjectKind: item.subjectKind,
        subjectId: item.subjectId,
        dueOn: item.dueOn,
        ownerOrgId: item.ownerOrgId,
        status: item.status,
      },
    });
  return item;
}

/** Called after an engagement transition has been written. */
export async function onEngagementTransition(uc: UseCaseCtx, before: Engagement, after: Engagement) {
  if (after.status === 'completed' && before.status === 'ongoing' && after.actualEnd) {
    await raise(uc, {
      kind: 'closure',
      subjectKind: 'engagement',
      subjectId: after.id,
      subjectCode: after.code,
      title: `Close ${after.code}: ${after.title}`,
      dueOn: closureDueOn(after.actualEnd),
      ownerOrgId: after.leadOrgId,
      labelId: after.labelId,
      communityId: after.communityId,
    });
  }
  if (after.status === 'closed') await submitOpen(uc, after.id, 'closure', 'engagement.closed');
}

/** Submit the open items of `kind` about a subject (on time or late as of today): the event that settles them happened. */
async function submitOpen(uc: UseCaseCtx, subjectId: string, kind: string, by: string) {
  const today = todayIso();
  for (const item of await scoped.openDueItemsOf(uc.tx, uc.scope, subjectId, kind)) {
    const status = submitDueItem(item, today);
    const done = await scoped.updateDueItem(
      uc.tx,
      uc.scope,
      item.id,
      item.version,
      { status, submittedOn: today, submittedBy: uc.subject.id },
      uc.subject.id,
    );
    if (done)
      await uc.audit({
        action: 'due_item.submitted',
        entity: 'due_item',
        entityId: done.id,
        entityVersion: done.version,
        labelId: done.labelId,
        decision: 'permit',
        before: { status: item.status },
        after: { status, submittedOn: today },
        details: { by },
      });
  }
}

/** Called when an agreement enters in_force (transition or creation). */
export async function onAgreementInForce(uc: UseCaseCtx, a: scoped.AgreementRow) {
  if (a.status !== 'in_force' || !a.expiresOn) return null;
  return raise(uc, {
    kind: 'renewal',
    subjectKind: 'agreement',
    subjectId: a.id,
    subjectCode: a.code,
    title: `Renew ${a.code}: ${a.title} (expires ${a.expiresOn})`,
    dueOn: renewalDueOn(a.expiresOn),
    ownerOrgId: a.ownerOrgId,
    labelId: a.labelId,
    communityId: a.communityId,
  });
}

/** Called after an agreement transition has been written (DOMAIN.md §2.2). */
export async function onAgreementTransition(
  uc: UseCaseCtx,
  before: scoped.AgreementRow,
  after: scoped.AgreementRow,
) {
  if (after.status === 'in_force') await onAgreementInForce(uc, after);
  if (after.status === 'suspended' && before.status !== 'suspended')
    await raise(uc, {
      kind: 'review',
      subjectKind: 'agreement',
      subjectId: after.id,
      subjectCode: after.code,
      title: `Review the suspension of ${after.code}: ${after.title}`,
      dueOn: addDays(todayIso(), REVIEW_DUE_DAYS),
      ownerOrgId: after.ownerOrgId,
      labelId: after.labelId,
      communityId: after.communityId,
    });
  if (before.status === 'suspended' && after.status !== 'suspended')
    await submitOpen(uc, after.id, 'review', `agreement.${after.status}`);
}

/**
 * Called after a partner has been suspended (DOMAIN.md §2.2): each of its ongoing engagements owes
 * a review within 7 days, owed by the engagement's lead organisation and labelled like it. Only the
 * engagements the suspending subject may see and write are reached (a hidden engagement looks
 * missing); those it may see but not write are counted in `skipped`.
 */
export async function onPartnerSuspended(uc: UseCaseCtx, iso3: string, reason: string) {
  const dueOn = addDays(todayIso(), REVIEW_DUE_DAYS);
  const raised: scoped.DueItemRow[] = [];
  let skipped = 0;
  for (const e of await scoped.partnerEngagementsIn(uc.tx, uc.scope, iso3, ['ongoing'])) {
    if (!uc.scope.writeLabelIds.includes(e.labelId)) {
      skipped++;
      continue;
    }
    const item = await raise(uc, {
      kind: 'review',
      subjectKind: 'engagement',
      subjectId: e.id,
      subjectCode: e.code,
      title: `Review ${e.code}: ${e.title} (partner ${iso3} suspended: ${reason.slice(0, 200)})`,
      dueOn,
      ownerOrgId: e.leadOrgId,
      labelId: e.labelId,
      communityId: e.communityId,
    });
    if (item) raised.push(item);
  }
  return { raised, skipped };
}

/** Called after a suspended partner has been reinstated: the open reviews of its engagements are settled. */
export async function onPartnerReinstated(uc: UseCaseCtx, iso3: string, to: string) {
  const items = await scoped.openEngagementItemsOfPartner(uc.tx, uc.scope, iso3, 'review');
  for (const id of new Set(items.map((i) => i.subjectId)))
    await submitOpen(uc, id, 'review', `partner.${to}`);
  return items.length;
}
