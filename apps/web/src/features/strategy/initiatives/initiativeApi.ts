/** Calls of the initiative pages: one initiative with its approval checklist, propose, edit, lifecycle. */
import { InitiativeDetail, ROUTES } from '@entente/contracts';
import type { InitiativeInput, InitiativeTransition } from '@entente/contracts';
import { api, pathOf } from '../../../lib/api';

export const initiativeApi = {
  get: (id: string, signal?: AbortSignal) =>
    api.get(pathOf(ROUTES.initiative, { id }), InitiativeDetail, undefined, signal),
  create: (input: InitiativeInput) => api.post(ROUTES.initiatives, InitiativeDetail, input),
  update: (id: string, expectedVersion: number, input: InitiativeInput) =>
    api.put(pathOf(ROUTES.initiative, { id }), InitiativeDetail, { expectedVersion, initiative: input }),
  transition: (id: string, body: InitiativeTransition) =>
    api.post(pathOf(ROUTES.initiativeTransition, { id }), InitiativeDetail, body),
};
