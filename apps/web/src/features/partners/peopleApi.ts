/** Calls of the partner page's People section (the contact goes through fieldsApi, kind 'person'). */
import { PersonItem, ROUTES } from '@entente/contracts';
import type { PersonInput, PersonUpdate } from '@entente/contracts';
import { api, arrayOf, pathOf } from '../../lib/api';

export const peopleApi = {
  list: (iso3: string, signal?: AbortSignal) =>
    api.get(pathOf(ROUTES.partnerPeople, { iso3 }), arrayOf(PersonItem), undefined, signal),
  create: (input: PersonInput) => api.post(ROUTES.people, PersonItem, input),
  update: (id: string, input: PersonUpdate) => api.put(pathOf(ROUTES.person, { id }), PersonItem, input),
};
