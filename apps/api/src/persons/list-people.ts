/** The people of one partner the caller may read, focal points first (an audited list read). */
import type { PersonItem } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { presentPersons } from './present';

export async function listPeople(uc: UseCaseCtx, iso3: string): Promise<PersonItem[]> {
  const rows = await scoped.listPersons(uc.tx, uc.scope, iso3.toUpperCase());
  const items = await presentPersons(uc, rows);
  uc.auditRead({
    route: 'GET /partners/:iso3/people',
    filters: { partner: iso3 },
    count: items.length,
    ids: rows.map((r) => r.id),
  });
  return items;
}
