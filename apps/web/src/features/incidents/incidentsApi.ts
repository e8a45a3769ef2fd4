/** Incident-data calls (EVALUATION.md §1–§3, §8), typed by the contracts, and the Explore page's URL search. */
import {
  AnalysisAreaList,
  ImportBatchPage,
  IncidentDatasetList,
  IncidentImportReport,
  IncidentPage,
  IncidentSeries,
  INCIDENT_SOURCES,
  ROUTES,
} from '@entente/contracts';
import type { IncidentSource } from '@entente/contracts';
import { api, uploadFile } from '../../lib/api';
import type { Out, Query } from '../../lib/api';
import { compact } from '../../app/search';

export type DatasetItem = Out<typeof IncidentDatasetList>['items'][number];
export type BatchPage = Out<typeof ImportBatchPage>;
export type BatchItem = BatchPage['items'][number];
export type ImportReport = Out<typeof IncidentImportReport>;
export type SeriesData = Out<typeof IncidentSeries>;
export type IncidentPageData = Out<typeof IncidentPage>;
export type IncidentRow = IncidentPageData['items'][number];
export type AreaItem = Out<typeof AnalysisAreaList>['items'][number];

export type ImportOptions = {
  source: IncidentSource | 'auto';
  community?: string | undefined;
  datasetVersion?: string | undefined;
  acceptRejections?: boolean | undefined;
};

export const incidentsApi = {
  datasets: (signal?: AbortSignal) =>
    api.get(ROUTES.incidentDatasets, IncidentDatasetList, undefined, signal),
  batches: (q: Query, signal?: AbortSignal) => api.get(ROUTES.incidentBatches, ImportBatchPage, q, signal),
  incidents: (q: Query, signal?: AbortSignal) => api.get(ROUTES.incidents, IncidentPage, q, signal),
  series: (q: Query, signal?: AbortSignal) => api.get(ROUTES.incidentSeries, IncidentSeries, q, signal),
  areas: (signal?: AbortSignal) => api.get(ROUTES.areas, AnalysisAreaList, undefined, signal),
  /** Multipart upload (field `file`); `onProgress` gets the fraction of the file's bytes sent. */
  importFile: (file: File, options: ImportOptions, onProgress: (fraction: number) => void) =>
    uploadFile(
      ROUTES.incidentImport,
      IncidentImportReport,
      file,
      {
        source: options.source,
        community: options.community,
        datasetVersion: options.datasetVersion,
        acceptRejections: options.acceptRejections ? 'true' : undefined,
      },
      onProgress,
    ),
};

/** Query keys: every incident query starts with `incidents`, so one invalidation refreshes them all. */
export const incidentKeys = {
  all: ['incidents'] as const,
  datasets: ['incidents', 'datasets'] as const,
  batches: (q: Query) => ['incidents', 'batches', q] as const,
  list: (q: Query) => ['incidents', 'list', q] as const,
  series: (q: Query) => ['incidents', 'series', q] as const,
  areas: ['incidents', 'areas'] as const,
};

/** URL state of the Explore page. */
export type ExploreSearch = {
  source?: IncidentSource | undefined;
  types?: string | undefined;
  area?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  monthPrecision?: boolean | undefined;
  /** §1.3: admin-1 areas only — also keep province-level positions. */
  provincePrecision?: boolean | undefined;
};

const isoDate = (v: unknown): string | undefined =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined;
const text = (v: unknown, max = 2000): string | undefined =>
  typeof v === 'string' && v.trim() !== '' && v.length <= max ? v.trim() : undefined;

/** Lenient: a bad value is dropped, never an error. */
export function parseExploreSearch(s: Record<string, unknown>): ExploreSearch {
  const source =
    typeof s.source === 'string' && (INCIDENT_SOURCES as readonly string[]).includes(s.source)
      ? (s.source as IncidentSource)
      : undefined;
  return compact({
    source,
    types: text(s.types),
    area: text(s.area, 200),
    from: isoDate(s.from),
    to: isoDate(s.to),
    monthPrecision: s.monthPrecision === true || s.monthPrecision === 'true' ? true : undefined,
    provincePrecision: s.provincePrecision === true || s.provincePrecision === 'true' ? true : undefined,
  });
}

/**
 * Who may import incident files: the roles that may create `incident` records in the role matrix
 * (ACCESS.md §3: the intelligence group — analysts, and partner reporters for their own data).
 * The server decides; this only hides what would be refused.
 */
export const canImportIncidents = (me: { roles: readonly string[] }): boolean =>
  me.roles.some((r) => r === 'analyst' || r === 'partner_reporter');
