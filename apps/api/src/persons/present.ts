/** Wire view of a person, and the rule that ties a person's organisation to the partner. */
import { DomainError } from '@entente/core';
import type { PersonItem } from '@entente/contracts';
import { reference, type scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';

export async function presentPersons(uc: UseCaseCtx, rows: scoped.PersonRow[]): Promise<PersonItem[]> {
  const orgs = await reference.organisationsByIds(
    uc.tx,
    rows.map((r) => r.orgId),
  );
  return rows.map((p) => {
    const org = orgs.get(p.orgId);
    return {
      id: p.id,
      partnerIso3: p.partnerIso3,
      name: p.name,
      rank: p.rank,
      position: p.position,
      org: { id: p.orgId, code: org?.code ?? '', name: org?.name ?? '' },
      nationality: p.nationality,
      languages: p.languages,
      focalPoint: p.focalPoint,
      communityId: p.communityId,
      version: p.version,
      portion: uc.mark(p.labelId),
    };
  });
}

/**
 * A person held under a partner belongs to an organisation of that partner (a key leader) or of the
 * home nation (our liaison officer or attaché as focal point); anything else is a 422 on `orgId`.
 * An unknown organisation is a 400 on `orgId`.
 */
export async function checkPersonOrg(uc: UseCaseCtx, orgId: string, partnerIso3: string): Promise<void> {
  const org = (await reference.organisationsByIds(uc.tx, [orgId])).get(orgId);
  if (!org)
    throw new DomainError('validation', 'The input is not valid.', [
      { path: 'orgId', message: 'unknown organisation' },
    ]);
  if (org.iso3 !== partnerIso3 && org.iso3 !== uc.subject.nationality && org.iso3 !== 'XHN')
    throw new DomainError(
      'guard_failed',
      `A person held under ${partnerIso3} belongs to an organisation of ${partnerIso3} or of the home nation.`,
      [{ path: 'orgId', message: `${org.code} is neither a ${partnerIso3} nor a home organisation` }],
    );
}
