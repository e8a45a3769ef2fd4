/**
 * Suspend, reinstate or restrict a partner (DOMAIN.md §2.2) in one transaction with its audit
 * event: optimistic locking on the partner record (409 when stale), a required reason, and the
 * due items the change implies — suspending raises a review (due in 7 days) for each ongoing
 * engagement with the partner; leaving suspension settles the open ones.
 * Who may: an `approver` (the role that approves engagements, which the status gates) who may
 * update the partner record (role matrix and write label).
 */
import {
  DomainError,
  PARTNER_STATUS_ROLE,
  forbidden,
  notFound,
  planPartnerStatus,
  type Subject,
} from '@entente/core';
import type { PartnerStatusRequest, PartnerStatusResult } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import type { AccessService } from '../access/service';
import { onPartnerReinstated, onPartnerSuspended } from '../due-items/raise';

const stale = () =>
  new DomainError('stale_version', 'Someone else changed this partner. Reload to see their changes.');

/** True when the subject's roles allow changing a partner's status (the record's write label is checked separately). */
export const mayChangePartnerStatus = (access: AccessService, s: Subject) =>
  s.roles.includes(PARTNER_STATUS_ROLE) && access.can(s, 'update', 'partner');

export async function setPartnerStatus(
  uc: UseCaseCtx,
  iso3: string,
  r: PartnerStatusRequest,
): Promise<PartnerStatusResult> {
  const code = iso3.toUpperCase();
  const p = await scoped.lockPartnerRecord(uc.tx, uc.scope, code);
  if (!p) throw notFound('partner');
  if (!mayChangePartnerStatus(uc.access, uc.subject) || !uc.scope.writeLabelIds.includes(p.labelId))
    throw forbidden('Only an approver who may update this partner record can change its status.');
  if (p.version !== r.version) throw stale();
  const plan = planPartnerStatus(p.status, r.to, r.reason);
  const after = await scoped.setPartnerStatus(uc.tx, uc.scope, code, r.version, plan.to, uc.subject.id);
  if (!after) throw stale();
  await uc.audit({
    action: `partner.${plan.to}`,
    entity: 'partner',
    entityId: after.id,
    entityVersion: after.version,
    labelId: after.labelId,
    decision: 'permit',
    reason: plan.reason,
    before: { status: plan.from },
    after: { status: plan.to },
    details: { iso3: code },
  });
  const suspended = plan.suspends
    ? await onPartnerSuspended(uc, code, plan.reason)
    : { raised: [], skipped: 0 };
  const settled = plan.reinstates ? await onPartnerReinstated(uc, code, plan.to) : 0;
  uc.mark(after.labelId);
  return {
    iso3: code,
    status: after.status,
    version: after.version,
    reviewsRaised: suspended.raised.length,
    reviewsSkipped: suspended.skipped,
    reviewsSettled: settled,
  };
}
