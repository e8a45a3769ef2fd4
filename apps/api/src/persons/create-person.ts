/**
 * Record a person under a partner (DOMAIN.md §2.2): a key leader, or a focal point of the partnership
 * (`focalPoint`; Partner.focalPointIds[] is the set of the partner's people with the flag, so the
 * partner page needs no second list to keep in step). Party-scoped to the caller's organisation, the
 * person's organisation and the partner's ministry, so that liaisons of other nations never see it.
 * The write label goes through decide() (resolveWriteLabel; people share the partner role matrix).
 * One transaction with its audit event. The contact is a field label, written through
 * PUT /people/:id/fields/contact.
 */
import { forbidden, invalid } from '@entente/core';
import type { PersonInput, PersonItem } from '@entente/contracts';
import { reference, scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { resolveWriteLabel } from '../access/labels';
import { checkPersonOrg, presentPersons } from './present';

export async function createPerson(uc: UseCaseCtx, i: PersonInput): Promise<PersonItem> {
  // The register of a partner's people is kept by the home ministry: partner liaisons read it.
  if (uc.subject.partner || !uc.access.can(uc.subject, 'create', 'partner'))
    throw forbidden('Your role cannot record people of a partner.');
  if (!(await scoped.findPartnerRecord(uc.tx, uc.scope, i.partnerIso3)))
    throw invalid([{ path: 'partnerIso3', message: 'unknown partner' }]);
  await checkPersonOrg(uc, i.orgId, i.partnerIso3);
  const ministry = await reference.organisationByCode(uc.tx, `${i.partnerIso3}-MOD`);
  const partyOrgIds = [...new Set([uc.subject.orgId, i.orgId, ...(ministry ? [ministry.id] : [])])];
  const labelId = await resolveWriteLabel(uc, i.label, 'create', {
    kind: 'partner',
    communityId: i.communityId,
    partyOrgIds,
  });
  const p = await scoped.insertPerson(uc.tx, {
    partnerIso3: i.partnerIso3,
    name: i.name,
    rank: i.rank || null,
    position: i.position,
    orgId: i.orgId,
    nationality: i.nationality,
    languages: i.languages,
    focalPoint: i.focalPoint,
    labelId,
    communityId: i.communityId,
    partyOrgIds,
    ownerOrgId: uc.subject.orgId,
    createdBy: uc.subject.id,
    updatedBy: uc.subject.id,
  });
  await uc.audit({
    action: 'person.created',
    entity: 'person',
    entityId: p.id,
    entityVersion: p.version,
    labelId,
    decision: 'permit',
    after: p,
  });
  return (await presentPersons(uc, [p]))[0]!;
}
