/** Custom analysis areas (EVALUATION.md §2): list, create (with re-assignment), detail, archive. */
import { AreaArchived, AreaCatalogue, AreaDetail, CustomAreaCreated, ROUTES } from '@entente/contracts';
import type { CustomAreaCreate } from '@entente/contracts';
import { api, pathOf } from '../../lib/api';
import type { Out } from '../../lib/api';

export type AreaListItem = Out<typeof AreaCatalogue>['items'][number];
export type AreaDetailData = Out<typeof AreaDetail>;
export type CreatedAreas = Out<typeof CustomAreaCreated>;
export type NewArea = CustomAreaCreate;

export const areasApi = {
  list: (q: { kind?: string | undefined; q?: string | undefined }, signal?: AbortSignal) =>
    api.get(ROUTES.incidentAreas, AreaCatalogue, q, signal),
  detail: (key: string, signal?: AbortSignal) =>
    api.get(pathOf(ROUTES.incidentArea, { key }), AreaDetail, undefined, signal),
  create: (body: NewArea) => api.post(ROUTES.incidentAreas, CustomAreaCreated, body),
  archive: (key: string) => api.del(pathOf(ROUTES.incidentArea, { key }), AreaArchived),
};

/** Every area query starts with `incidents` so that an import or a new area refreshes the Explore picker too. */
export const areaKeys = {
  list: (q: { kind?: string | undefined; q?: string | undefined }) =>
    ['incidents', 'areas', 'list', q] as const,
  detail: (key: string) => ['incidents', 'areas', 'detail', key] as const,
};

export const KIND_LABELS: Record<string, string> = {
  country: 'Country',
  marine: 'Marine region',
  admin1: 'Admin-1 (province)',
  polygon: 'Polygon',
  box: 'Box',
  union: 'Union',
};
