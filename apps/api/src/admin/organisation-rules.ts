/** What every organisation write checks, and the content token that stands in for a version column. */
import { createHash } from 'node:crypto';
import { DomainError, type FieldProblem } from '@entente/core';
import type { OrganisationInput } from '@entente/contracts';
import { organisations, type Tx } from '@entente/db';

type Row = NonNullable<Awaited<ReturnType<typeof organisations.byId>>>;

/**
 * The `organisation` table has no version column (and this slice adds no migration), so the
 * optimistic-concurrency token is a hash of the editable content: any change by someone else
 * changes it, and a save with the old token is a 409.
 */
export function organisationVersion(
  o: Pick<Row, 'code' | 'name' | 'acronym' | 'kind' | 'iso3' | 'parentOrgId' | 'foundedOn' | 'sourceUrl'>,
): string {
  const content = [o.code, o.name, o.acronym, o.kind, o.iso3, o.parentOrgId, o.foundedOn, o.sourceUrl];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
}

/** The row to store, after checking the code, country and parent (400/409 with field paths). */
export async function checkOrganisation(tx: Tx, i: OrganisationInput, self?: string) {
  const problems: FieldProblem[] = [];
  const sameCode = await organisations.byCode(tx, i.code);
  if (sameCode && sameCode.id !== self)
    throw new DomainError('conflict', 'Another organisation already has that code.', [
      { path: 'code', message: 'already used' },
    ]);
  if (i.iso3 && !(await organisations.countryExists(tx, i.iso3)))
    problems.push({ path: 'iso3', message: 'unknown country' });
  if (i.parentId) {
    if (i.parentId === self)
      problems.push({ path: 'parentId', message: 'an organisation cannot be its own parent' });
    else if (!(await organisations.byId(tx, i.parentId)))
      problems.push({ path: 'parentId', message: 'unknown organisation' });
    else if (self && (await organisations.ancestorIds(tx, i.parentId)).includes(self))
      problems.push({ path: 'parentId', message: 'that parent is one of its own units' });
  }
  if (problems.length) throw new DomainError('validation', 'The organisation is not valid.', problems);
  return {
    code: i.code,
    name: i.name,
    acronym: i.acronym,
    kind: i.kind,
    iso3: i.iso3,
    parentOrgId: i.parentId,
    foundedOn: i.foundedOn,
    sourceUrl: i.sourceUrl,
  };
}

/** The organisation as administrators see it. */
export function presentOrganisation(o: Row & { parentCode?: string | null; userCount?: number }) {
  return {
    id: o.id,
    code: o.code,
    name: o.name,
    acronym: o.acronym,
    kind: o.kind,
    iso3: o.iso3,
    parentId: o.parentOrgId,
    parentCode: o.parentCode ?? null,
    foundedOn: o.foundedOn,
    sourceUrl: o.sourceUrl,
    userCount: o.userCount ?? 0,
    version: organisationVersion(o),
  };
}
