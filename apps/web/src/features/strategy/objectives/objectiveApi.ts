/** The REST calls of one objective's page and its edit. */
import { ObjectivePage, ROUTES } from '@entente/contracts';
import type { ObjectiveEdit } from '@entente/contracts';
import { api, pathOf } from '../../../lib/api';

const one = (id: string) => pathOf(ROUTES.objective, { id });

export const objectiveKeys = { page: (id: string) => ['strategy', 'objective', id] as const };

export const objectiveApi = {
  page: (id: string, signal?: AbortSignal) => api.get(one(id), ObjectivePage, undefined, signal),
  update: (id: string, expectedVersion: number, objective: ObjectiveEdit) =>
    api.put(one(id), ObjectivePage, { expectedVersion, objective }),
};
