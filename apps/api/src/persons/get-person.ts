/** One person the caller may read; a hidden person is the same 404 as a missing one. */
import { notFound } from '@entente/core';
import type { PersonItem } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { presentPersons } from './present';

export async function getPerson(uc: UseCaseCtx, id: string): Promise<PersonItem> {
  const p = await scoped.findPerson(uc.tx, uc.scope, id);
  if (!p) throw notFound('person');
  uc.auditRead({ route: 'GET /people/:id', filters: { id }, count: 1, ids: [p.id] });
  return (await presentPersons(uc, [p]))[0]!;
}
