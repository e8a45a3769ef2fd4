/** Record a new agreement: decision, validity invariants, audit in the same transaction. */
import { forbidden, invalid } from '@entente/core';
import type { AgreementInput } from '@entente/contracts';
import { reference, scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { resolveWriteLabel } from '../access/labels';
import { presentAgreement } from './present';
import { onAgreementInForce } from '../due-items/raise';

export async function createAgreement(uc: UseCaseCtx, i: AgreementInput) {
  if (!uc.access.can(uc.subject, 'create', 'agreement'))
    throw forbidden('Your role cannot record agreements.');
  const fields = [];
  if (i.expiresOn && i.inForceFrom && i.expiresOn < i.inForceFrom)
    fields.push({ path: 'expiresOn', message: 'expires before it enters into force' });
  if (i.status === 'in_force' && !i.inForceFrom && !i.signedOn)
    fields.push({ path: 'inForceFrom', message: 'an agreement in force needs its in-force date' });
  if (fields.length) throw invalid(fields);
  const orgs = await reference.listOrganisations(uc.tx, new Date().toISOString().slice(0, 10));
  const parties = orgs
    .filter((o) => o.code && i.partnerIso3s.some((p) => o.code === `${p}-MOD`))
    .map((o) => o.id);
  const partyOrgIds = [...new Set([uc.subject.orgId, ...parties])];
  const labelId = await resolveWriteLabel(uc, i.label, 'create', {
    kind: 'agreement',
    communityId: i.communityId,
    partyOrgIds,
  });
  const a = await scoped.insertAgreement(uc.tx, {
    code: i.code,
    kind: i.kind,
    title: i.title,
    partnerIso3s: i.partnerIso3s,
    signedOn: i.signedOn ?? null,
    inForceFrom: i.inForceFrom ?? null,
    expiresOn: i.expiresOn ?? null,
    autoRenew: i.autoRenew,
    coversTypes: i.coversTypes,
    status: i.status,
    documentRef: i.documentRef,
    labelId,
    communityId: i.communityId,
    ownerOrgId: uc.subject.orgId,
    partyOrgIds,
    createdBy: uc.subject.id,
    updatedBy: uc.subject.id,
  });
  await uc.audit({
    action: 'agreement.recorded',
    entity: 'agreement',
    entityId: a.id,
    entityVersion: a.version,
    labelId,
    decision: 'permit',
    after: a,
  });
  await onAgreementInForce(uc, a);
  return presentAgreement(uc, a);
}
