/** Move an agreement through its lifecycle (DOMAIN.md §2.2): one transaction, optimistic locking, audit with before/after. */
import {
  DomainError,
  forbidden,
  notFound,
  planAgreementTransition,
  type AgreementStatus,
} from '@entente/core';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { onAgreementTransition, todayIso } from '../due-items/raise';
import { presentAgreement } from './present';

export interface AgreementTransitionInput {
  to: AgreementStatus;
  version: number;
  reason?: string | undefined;
  signedOn?: string | undefined;
  inForceFrom?: string | undefined;
}

const stale = () =>
  new DomainError('stale_version', 'Someone else changed this agreement. Reload to see their changes.');

export async function transitionAgreement(uc: UseCaseCtx, id: string, t: AgreementTransitionInput) {
  const a = await scoped.findAgreement(uc.tx, uc.scope, id, true);
  if (!a) throw notFound('agreement');
  if (!uc.access.can(uc.subject, 'update', 'agreement'))
    throw forbidden('Your role cannot change agreements.');
  if (a.version !== t.version) throw stale();
  const plan = planAgreementTransition(a, t, todayIso());
  const after = await scoped.setAgreementStatus(
    uc.tx,
    uc.scope,
    id,
    t.version,
    { status: plan.to, signedOn: plan.signedOn, inForceFrom: plan.inForceFrom },
    uc.subject.id,
  );
  if (!after) throw stale();
  await uc.audit({
    action: `agreement.${plan.to}`,
    entity: 'agreement',
    entityId: id,
    entityVersion: after.version,
    labelId: after.labelId,
    decision: 'permit',
    reason: plan.reason,
    before: { status: a.status, signedOn: a.signedOn, inForceFrom: a.inForceFrom },
    after: { status: after.status, signedOn: after.signedOn, inForceFrom: after.inForceFrom },
  });
  await onAgreementTransition(uc, a, after);
  return presentAgreement(uc, after);
}
