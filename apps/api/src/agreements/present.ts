/** Wire view of an agreement with its expiry alert. */
import { agreementTransitionsFrom } from '@entente/core';
import type { AgreementItem } from '@entente/contracts';
import type { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';

const DAY = 86_400_000;
export function presentAgreement(uc: UseCaseCtx, a: scoped.AgreementRow, today = new Date()): AgreementItem {
  const label = uc.access.label(a.labelId);
  const days = a.expiresOn ? Math.ceil((Date.parse(a.expiresOn) - today.getTime()) / DAY) : null;
  return {
    id: a.id,
    code: a.code,
    kind: a.kind as AgreementItem['kind'],
    title: a.title,
    partnerIso3s: a.partnerIso3s,
    signedOn: a.signedOn,
    inForceFrom: a.inForceFrom,
    expiresOn: a.expiresOn,
    autoRenew: a.autoRenew,
    coversTypes: a.coversTypes,
    status: a.status as AgreementItem['status'],
    documentRef: a.documentRef,
    portion: uc.mark(a.labelId),
    label: {
      level: label?.level ?? '',
      restrictive: label?.restrictive ?? [],
      releasableTo: label?.releasableTo ?? [],
      handling: label?.handling ?? [],
    },
    version: a.version,
    expiresInDays:
      days !== null && days <= 180 && days >= 0 && ['in_force', 'signed'].includes(a.status) ? days : null,
    allowedTransitions: uc.access.can(uc.subject, 'update', 'agreement')
      ? agreementTransitionsFrom(a.status)
      : [],
  };
}
